"""Partner Markdown to safe HTML, and the check that tells partners at check time what the
sanitiser would drop.

Rendering: markdown-it (CommonMark, no recursion, nesting capped) for texts up to MAX_MARKDOWN
characters and MAX_BRACKETS '[' (the check refuses more; bench/partner_input.py measures the worst
texts); a text beyond those limits is shown as plain paragraphs, in linear time. Then an allow-list
of tags, attributes and URL schemes (nh3).
Checking (`markdown_problems`): raw HTML, images, links that are not https/http, mailto or tel, and
nesting deeper than MAX_DEPTH are refused with a Dutch message; mailto and tel targets are
validated like the e-mail and phone fields.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
MAX_DEPTH = 4  # lists in lists, quotes in quotes
MAX_BRACKETS = 100  # '[' in one text (50 links is plenty); markdown-it is superlinear in unmatched ones
MAX_MARKDOWN = 5_000  # characters of one Markdown field (the check refuses more)
_WRITTEN_SCHEMES = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")  # '[tekst](javascript:…)', which markdown-it leaves as text
_NESTING = {"bullet_list_open", "ordered_list_open", "blockquote_open"}

_markdown = MarkdownIt("commonmark", {"html": True, "maxNesting": 2 * MAX_DEPTH + 6})
_checker = MarkdownIt("commonmark", {"html": True, "maxNesting": 60})  # sees deeper, to say how deep


def _demote_headings(html: str) -> str:
    # Partner headings sit below the page's own h2 sections.
    for level, target in (("1", "3"), ("2", "3"), ("5", "4"), ("6", "4")):
        html = html.replace(f"<h{level}>", f"<h{target}>").replace(f"</h{level}>", f"</h{target}>")
    return html


def safe_markdown(text: str) -> str:
    if len(text) > MAX_MARKDOWN or text.count("[") > MAX_BRACKETS:  # refused by the check; if it gets here anyway: plain text, in linear time
        return "".join(f"<p>{escape(block.strip())}</p>" for block in re.split(r"\n\s*\n", text) if block.strip())
    html = _demote_headings(_markdown.render(text))
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES, link_rel="noopener noreferrer")


# --- the check -------------------------------------------------------------------------


def _tokens(text: str) -> Iterator[Any]:
    tokens = _checker.parse(text[:MAX_MARKDOWN])
    if text.strip() and not tokens:  # markdown-it gives up beyond maxNesting
        yield _TOO_DEEP
    for token in tokens:
        yield token
        yield from token.children or ()


class _TooDeep:
    type = "too_deep"
    children = None


_TOO_DEEP = _TooDeep()


def markdown_links(text: str) -> list[str]:
    """Every link target in the text, as written (none for a text the check refuses for its brackets)."""
    return [href for _, href in markdown_link_texts(text)]


def markdown_link_texts(text: str) -> list[tuple[str, str]]:
    """(text, target) of every link in the text (none for a text the check refuses for its brackets)."""
    if text.count("[") > MAX_BRACKETS:
        return []
    return list(_link_texts(_tokens(text)))


def _link_texts(tokens) -> Iterator[tuple[str, str]]:
    href, label = None, []
    for token in tokens:
        if token.type == "link_open":
            href, label = token.attrs.get("href", ""), []
        elif token.type == "link_close" and href is not None:
            yield "".join(label), href
            href = None
        elif href is not None and token.type in ("text", "code_inline"):
            label.append(token.content)
        elif href is not None and token.type in ("softbreak", "hardbreak"):
            label.append(" ")


_NESTING_MARKER = re.compile(r"[-*+>]|[0-9][.)]")


def _may_hold_markup(text: str) -> bool:
    """Whether markdown-it could find anything the check refuses (most texts are plain: skip the parse).
    Raw HTML and autolinks need a '<'; links, images and link definitions a '['; nesting deeper
    than MAX_DEPTH needs more than MAX_DEPTH list or quote markers ('-', '*', '+', '1.', '1)', '>')."""
    return "<" in text or "[" in text or len(_NESTING_MARKER.findall(text)) > MAX_DEPTH


def markdown_problems(text: str, check_email, check_phone, check_url=None) -> list[str]:
    """What is wrong with partner Markdown, in Dutch; `check_email`, `check_phone` and `check_url` raise on a
    bad address, number or web address (the field validators), so links are held to the same rules as fields.
    A tel: link whose text holds digits must show the number it dials."""
    problems: list[str] = []
    if len(text) > MAX_MARKDOWN:
        problems.append(f"Deze tekst is te lang ({len(text)} tekens; maximaal {MAX_MARKDOWN}). Maak hem korter; zet details op je eigen website en link ernaar.")
    if text.count("[") > MAX_BRACKETS:
        problems.append(f"In deze tekst staan {text.count('[')} keer een [ (hoogstens {MAX_BRACKETS}). Gebruik minder links, of haal de losse [ weg.")
        return problems  # not parsed: so many brackets make the Markdown parser slow
    depth = deepest = 0
    tokens = list(_tokens(text)) if _may_hold_markup(text) else []
    for token in tokens:
        if token is _TOO_DEEP:
            deepest = 99
        elif token.type in _NESTING:
            depth += 1
            deepest = max(deepest, depth)
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _NESTING:
            depth -= 1
        elif token.type in ("html_block", "html_inline"):
            problems.append("Hier staat HTML-code (iets tussen < en >). Die wordt niet getoond. Schrijf gewone tekst; voor opmaak mag je **vet**, lijstjes en [links](https://...) gebruiken.")
        elif token.type == "image":
            problems.append("Afbeeldingen worden niet getoond. Haal de afbeelding (![...](...)) weg.")
        elif token.type == "link_open":
            message = _link_problem(token.attrs.get("href", ""), check_email, check_phone, check_url)
            if message:
                problems.append(message)
    for label, href in _link_texts(tokens):
        message = _tel_text_problem(label, href, check_phone)
        if message:
            problems.append(message)
    for scheme in _WRITTEN_SCHEMES.findall(text):
        if scheme.lower() not in ALLOWED_SCHEMES:
            problems.append(f"Een link met '{scheme}:' wordt niet getoond: een link begint met https://, mailto: of tel:.")
    if deepest > MAX_DEPTH:
        layers = f"{deepest} lagen" if deepest < 99 else "heel veel lagen"
        problems.append(f"De opmaak is te diep genest ({layers} lijstjes of citaten in elkaar; maximaal {MAX_DEPTH}). Maak de lijstjes minder diep.")
    return list(dict.fromkeys(problems))


def _link_problem(href: str, check_email, check_phone, check_url=None) -> str | None:
    from pydantic_core import PydanticCustomError

    target = href.strip()
    lower = target.lower()
    try:
        if lower.startswith(("https://", "http://")):
            if check_url is not None:
                check_url(target)
            return None
        if lower.startswith("mailto:"):
            address = unquote(target[len("mailto:"):])
            if "?" in address or any(c in address for c in "\r\n,;"):
                return f"De link '{target}' stuurt meer mee dan een e-mailadres (bijvoorbeeld ?bcc= of een regeleinde). Schrijf alleen mailto:naam@organisatie.nl."
            check_email(address)
            return None
        if lower.startswith("tel:"):
            check_phone(unquote(target[len("tel:"):]))
            return None
    except PydanticCustomError as error:
        return f"In de link '{target}': {error.message()}"
    if lower.startswith("//"):
        return f"De link '{target}' heeft geen https:// vooraan. Schrijf het hele webadres, bijvoorbeeld https://www.organisatie.nl."
    return f"De link '{target}' wordt niet getoond: een link begint met https://, mailto: of tel:."


def _tel_text_problem(label: str, href: str, check_phone) -> str | None:
    """'[Veilig Thuis: 0800 2000](tel:+31523871099)' shows one number and dials another: the digits of a tel:
    link's text, when it has any, are the number it dials (written 0523 800 300, +31 523 800 300 or 0031 …)."""
    from pydantic_core import PydanticCustomError

    shown = re.sub(r"\D", "", label)
    if not shown or not href.strip().lower().startswith("tel:"):
        return None
    try:
        dialled = check_phone(unquote(href.strip()[len("tel:"):]))
    except PydanticCustomError:
        return None  # reported as a wrong number
    digits = dialled.lstrip("+")
    written = {digits} if not dialled.startswith("+") else {digits, "00" + digits}
    if dialled.startswith("+31"):
        written.add("0" + digits[2:])
    if shown in written:
        return None
    return (f"De link '[{label}]({href.strip()})' toont andere cijfers dan het nummer dat hij belt. Zet in de linktekst het "
            "nummer dat de link belt, of tekst zonder cijfers (bijvoorbeeld [Bel ons](tel:0523123456)).")


# --- JSON inside <script> ------------------------------------------------------------------

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
