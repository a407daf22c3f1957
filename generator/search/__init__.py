"""Build-time search support: a Dutch lunr pipeline compatible with lunr.nl.js."""
