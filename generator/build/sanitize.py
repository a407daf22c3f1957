"""Partner Markdown to safe HTML: Markdown first, then an allow-list of tags, attributes and URL schemes."""

from __future__ import annotations

import json
from typing import Any

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def _demote_headings(html: str) -> str:
    # Partner headings sit below the page's own h2 sections.
    for level, target in (("1", "3"), ("2", "3"), ("5", "4"), ("6", "4")):
        html = html.replace(f"<h{level}>", f"<h{target}>").replace(f"</h{level}>", f"</h{target}>")
    return html


def safe_markdown(text: str) -> str:
    _markdown.reset()
    html = _demote_headings(_markdown.convert(text))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


# Characters that could end or confuse a <script> element or an HTML parser, as JSON escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> Markup:
    """JSON that is safe inside <script type="application/ld+json"> (or any <script>): no partner
    text can close the element ('</script>') or open a comment ('<!--'). Use it for every JSON
    that holds partner text: `{{ data | script_json }}` in templates."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return Markup(text)
