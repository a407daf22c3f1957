"""Stage 3: build the site's generated pages from a validated kaart."""
