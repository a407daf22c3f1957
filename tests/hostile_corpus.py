"""A generator of hostile variants of real demo records, for tests/test_hostile_corpus.py.

Every variant changes one thing in a copy of the demo kaart: one field of a voorziening, a vindplaats, an
ingang, an organisatie, a wegwijzer question or outcome, synoniemen.yaml or vangnet.yaml (text payloads),
or the bytes, the YAML or the file itself (line ends, encodings, anchors, tags, symlinks …). A variant
says which file the check must blame, on which line when that matters, and whether the change must be
refused or may pass as legal data (then the build must show it as text only).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

DEMO = Path(__file__).resolve().parent.parent / "kaart"
MARK = "HX"
APPENDED = -1  # Variant.line: the mistake is added at the end of the file; the message stands on its first line (or the next)  # every text payload carries MARK + a number, so the build tests can find it
VOORZIENING = "voorzieningen/formulierenhulp-bibliotheek.yaml"
VINDPLAATS = "vindplaatsen/apotheek-brummerveen.yaml"
INGANG = "ingangen/wmo-loket-egelstede.yaml"
ORGANISATIE = "organisaties/welzijn-egelstede.yaml"
VRAAG = "wegwijzer/vragen/formulieren.yaml"
UITKOMST = "wegwijzer/uitkomsten/formulierenhulp.yaml"
SYNONIEMEN = "synoniemen.yaml"
VANGNET = "vangnet.yaml"


@dataclass(frozen=True)
class Variant:
    cls: str
    name: str
    target: str  # the file the check must blame (relative to the kaart)
    change: Callable[[Path], None] = field(compare=False, repr=False)
    touches: tuple[str, ...] = ()  # every path the change writes (restored afterwards)
    line: int | None = None  # the line the message must stand on, when that matters
    must_refuse: bool = True
    payload: str | None = None  # partner text that, when accepted, must reach the site as text only

    @property
    def id(self) -> str:
        return f"{self.cls}-{self.name}"

    @property
    def needs_vangnet(self) -> bool:
        return VANGNET in self.touches


# --- text edits that keep every line number before the changed value --------------------------------------

def _lines(kaart: Path, relative: str) -> list[str]:
    return (kaart / relative).read_text(encoding="utf-8").split("\n")


def line_of(kaart: Path, relative: str, key_pattern: str) -> int:
    """1-based number of the first line matching `key_pattern` (a regex anchored at the line start)."""
    for number, line in enumerate(_lines(kaart, relative), start=1):
        if re.match(key_pattern, line):
            return number
    raise LookupError(f"{key_pattern!r} not in {relative}")


def set_scalar(kaart: Path, relative: str, key_pattern: str, value: object) -> None:
    """Replace the value on the line matching `key_pattern` (and a block scalar's continuation lines) with
    `value` written as a YAML flow value (JSON is YAML): the key keeps its line."""
    set_raw(kaart, relative, key_pattern, json.dumps(value, ensure_ascii=False))


def set_raw(kaart: Path, relative: str, key_pattern: str, raw: str) -> None:
    """Write `raw` as the value exactly as typed, so YAML decides its type."""
    lines = _lines(kaart, relative)
    index = line_of(kaart, relative, key_pattern) - 1
    key = re.match(r"^(\s*(?:- )?[\w ]+:(?=\s|$)|\s*- )", lines[index]).group(1).rstrip()
    indent = len(lines[index]) - len(lines[index].lstrip(" -"))
    end = index + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines after the value stay
    lines[index:end] = [f"{key} {raw}"]
    (kaart / relative).write_text("\n".join(lines), encoding="utf-8")


def replace_text(kaart: Path, relative: str, old: str, new: str) -> None:
    file = kaart / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- payloads ---------------------------------------------------------------------------------------------

# Text that partners may legally write: it must pass or be refused in Dutch, and never become markup.
TEXT_PAYLOADS = [
    "<script>alert(1)</script>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)></iframe>",
    "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "' onfocus='alert(1)' autofocus='", "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>", "<!-- x", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;",
    "{{ config }}", "{% include 'mkdocs.yml' %}", "{{ 7*7 }} {#", "{bel:kcc-egelstede}", "${7*7}",
    "[klik](javascript:alert(1))", "[klik](JaVaScRiPt:alert(1))", "[klik]( javascript:alert(1))", "[klik](java\tscript:alert(1))",
    "[klik](java&#x09;script:alert(1))", "[klik](&#106;avascript:alert(1))", "[klik](data:text/html;base64,PHNjcmlwdD4=)",
    "[klik](vbscript:msgbox(1))", "[klik](//evil.example)", "[klik](https://evil@egelstede.nl)", "![x](https://evil.example/a.png)",
    "<a href=\"javascript:alert(1)\">x</a>", "[klik][1]\n\n[1]: javascript:alert(1)", "<javascript:alert(1)>",
    "[klik](https://evil.example \"x\\\" onmouseover=\\\"alert(1)\")", "Tekst\u202eesrever", "Buurt\u200bhuis", "Café\u00a0De\u00a0Spil",
    "Nul\x00byte", "Bel\x07l", "Regel\u2028scheiding", "A" * 100_000,
]
URL_PAYLOADS = [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "//evil.example", "https://evil@egelstede.nl", "https://www.egelstede.nl@evil.example/", "https:\\\\evil.example",
    "https://evil.example/\"onmouseover=\"alert(1)", "https://evil.example/\u202e", "https://evil.example/\x00",
    "https://" + "a" * 100_000 + ".nl",
]
PHONE_PAYLOADS = [
    "0523\u200b801 000", "0523 801 000\u202e", "javascript:alert(1)", "tel:javascript:alert(1)", "+31 523 801 000\x00",
    "\u0660\u0669\u0660\u0660 \u0661\u0662\u0663\u0664\u0665\u0666\u0667",  # 0900 1234567 (premium) in Arabic-Indic digits
    "\uff10\uff19\uff10\uff10 \uff11\uff12\uff13\uff14\uff15\uff16\uff17",  # ... and in full-width digits
    "\u0660\u0668\u0660\u0660 \u0662\u0660\u0660\u0660",  # Veilig Thuis's number for another line
]
# Other digits and spaces that libphonenumber reads as the same number: shown (and dialled) as Dutch digits, so legal.
PHONE_LOOKALIKES = [
    "\u0660\u0665\u0662\u0663 \u0668\u0660\u0661 \u0660\u0660\u0660", "\uff10\uff15\uff12\uff13 \uff18\uff10\uff11 \uff10\uff10\uff10",
    "\u06f0\u06f5\u06f2\u06f3 \u06f8\u06f0\u06f1 \u06f0\u06f0\u06f0", "0523\u00a0801\u00a0000",
]
EMAIL_PAYLOADS = ['info@welzijn-egelstede.nl" onmouseover="alert(1)', "javascript:alert(1)//@x.nl", "info\u200b@welzijn-egelstede.nl",
                  "<script>@x.nl"]

# Values of another type where text is expected (YAML 1.1 would turn several into booleans, numbers or dates).
TYPE_VALUES = ["nee", "no", "on", "0523", "1e3", ".inf", "null", "~", "2026-01-01", "[a, b]", "{a: b}", "''", "0x1F", "12:30", "!!binary aGk=",
               "9" * 5000, "!!bool misschien", "!!int [1]", "!!str {a: b}"]

# Which fields take which payloads, per record.
TEXT_FIELDS = {
    VOORZIENING: [r"naam:", r"samenvatting:", r"beschrijving:", r"aanmelden:", r"  - naam:", r"      straat:", r"  antwoord:"],
    VINDPLAATS: [r"naam:", r"samenvatting:", r"wat_kun_je_vragen:", r"signaalrol:", r"  hoe:"],
    INGANG: [r"samenvatting:", r"beschrijving:", r"wat_gebeurt_er:", r"  doorverwijzen:"],
    ORGANISATIE: [r"naam:", r"samenvatting:"],
    VRAAG: [r"tekst:", r"    tekst:", r"    uitleg:"],
    UITKOMST: [r"titel:", r"samenvatting:", r"advies:", r"  - Neem", r"kcc:"],
    VANGNET: [r"    wat_doen:"],
}
URL_FIELDS = {VOORZIENING: r"  website:", ORGANISATIE: r"  website:", INGANG: r"  website:"}
PHONE_FIELDS = {VOORZIENING: r"  telefoon:", VINDPLAATS: r"  telefoon:", ORGANISATIE: r"  telefoon:"}
EMAIL_FIELDS = {ORGANISATIE: r"  email:"}
TYPE_FIELDS = {VOORZIENING: [r"naam:", r"toegang:", r"aanmelden:", r"  telefoon:"], VRAAG: [r"tekst:"], UITKOMST: [r"titel:"]}


def _field_variants(cls: str, fields: dict[str, list[str]], payloads: list[str], must_refuse: bool, counter: list[int],
                    spread: int = 0) -> list[Variant]:
    """Each payload in `spread` fields (rotating over all fields of all records), or in every field when spread is 0."""
    slots = [(relative, pattern) for relative, patterns in fields.items() for pattern in patterns]
    chosen = [(slots[(index * 7 + turn * 11) % len(slots)], index, payload) for index, payload in enumerate(payloads)
              for turn in range(spread)] if spread else [(slot, index, payload) for slot in slots for index, payload in enumerate(payloads)]
    variants = []
    for (relative, pattern), index, payload in chosen:
        if True:
            if True:
                counter[0] += 1
                text = f"{MARK}{counter[0]} {payload}" if cls == "text" else payload
                slug = f"{Path(relative).stem}.{re.sub(r'[^a-z_]', '', pattern.split('|')[-1])}.{index}"
                variants.append(Variant(cls, slug, relative, _setter(relative, pattern, text), (relative,),
                                        must_refuse=must_refuse, payload=text if cls == "text" else None, line=None))
    return variants


def _setter(relative: str, pattern: str, value: object) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        set_scalar(kaart, relative, pattern, value)
    return change


def _raw_setter(relative: str, pattern: str, raw: str) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        set_raw(kaart, relative, pattern, raw)
    return change


# --- whole-file variants: bytes, line ends, encodings, YAML features --------------------------------------

def _bytes_change(relative: str, transform: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        file = kaart / relative
        file.write_bytes(transform(file.read_bytes()))
    return change


def _append(relative: str, text: str) -> Callable[[Path], None]:
    return _bytes_change(relative, lambda data: data + text.encode("utf-8"))


def _prepend_after_comments(relative: str, text: str) -> Callable[[Path], None]:
    return _bytes_change(relative, lambda data: text.encode("utf-8") + data)


def _whole(relative: str, content: bytes) -> Callable[[Path], None]:
    return _bytes_change(relative, lambda _: content)


BILLION_LAUGHS = "lol1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{n}: &{chr(97 + n - 1)} [{', '.join(['*' + chr(97 + n - 2)] * 9)}]\n" for n in range(2, 10))
DEEP_LIST = "x: " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_MAP = "x: " + "{a: " * 5000 + "b" + "}" * 5000 + "\n"
DEEP_BLOCK = "".join(" " * depth + f"k{depth}:\n" for depth in range(800)) + " " * 800 + "k: v\n"


def _file_variants(relative: str) -> list[Variant]:
    """The same byte- and YAML-level mistakes for one file."""
    stem = Path(relative).stem
    rows: list[tuple] = [  # (class, name, change, line, must_refuse: True when left out)
        ("yaml", "anchor-alias", _append(relative, "x1: &a hallo\nx2: *a\n"), APPENDED),
        ("yaml", "billion-laughs", _append(relative, BILLION_LAUGHS), APPENDED),
        ("yaml", "merge-key", _append(relative, "basis: &b {a: 1}\nx: {<<: *b}\n"), APPENDED),
        ("yaml", "python-object", _append(relative, "x: !!python/object/apply:os.system ['echo hoi']\n"), APPENDED),
        ("yaml", "python-name", _append(relative, "x: !!python/name:os.system\n"), APPENDED),
        ("yaml", "binary", _append(relative, "x: !!binary aGFsbG8=\n"), APPENDED),
        ("yaml", "custom-tag", _append(relative, "x: !include /etc/passwd\n"), APPENDED),
        ("yaml", "set-tag", _append(relative, "x: !!set {a, b}\n"), APPENDED),
        ("yaml", "duplicate-key", _append(relative, "id: nog-een-keer\n"), APPENDED),
        ("yaml", "multi-document", _append(relative, "---\nid: tweede-document\n"), APPENDED),
        ("yaml", "document-end", _append(relative, "...\nid: na-het-einde\n"), APPENDED),
        ("yaml", "directive", _prepend_after_comments(relative, "%YAML 1.1\n---\n"), None, False),
        ("yaml", "deep-list", _append(relative, DEEP_LIST), APPENDED),
        ("yaml", "deep-map", _append(relative, DEEP_MAP), APPENDED),
        ("yaml", "deep-block", _append(relative, DEEP_BLOCK), None),
        ("yaml", "empty", _whole(relative, b""), None),
        ("yaml", "only-comment", _whole(relative, b"# alleen een opmerking\n"), None),
        ("yaml", "only-spaces", _whole(relative, b"   \n\n  \n"), None),
        ("yaml", "top-level-list", _whole(relative, b"- id: x\n- naam: y\n"), None),
        ("yaml", "top-level-scalar", _whole(relative, b"hallo\n"), None),
        ("yaml", "top-level-null", _whole(relative, b"~\n"), None),
        ("bytes", "bom", _bytes_change(relative, lambda d: b"\xef\xbb\xbf" + d), None, False),
        ("bytes", "crlf", _bytes_change(relative, lambda d: d.replace(b"\n", b"\r\n")), None, False),
        ("bytes", "cr-only", _bytes_change(relative, lambda d: d.replace(b"\n", b"\r")), None, False),
        ("bytes", "bom-crlf", _bytes_change(relative, lambda d: b"\xef\xbb\xbf" + d.replace(b"\n", b"\r\n")), None, False),
        ("bytes", "nul", _append(relative, "x: a\x00b\n"), APPENDED),
        ("bytes", "nul-raw-line", _bytes_change(relative, lambda d: d + b"\x00\n"), APPENDED),
        ("bytes", "control-char", _append(relative, "x: a\x1bb\n"), APPENDED),
        ("bytes", "nel", _bytes_change(relative, lambda d: d + "x: a\u0085b: c\n".encode("utf-8")), APPENDED),
        ("bytes", "long-line", _append(relative, "# " + "x" * 100_000 + "\n"), None, False),
        ("bytes", "long-value", _append(relative, "x: " + "y" * 100_000 + "\n"), APPENDED),
        ("bytes", "long-key", _append(relative, "k" * 100_000 + ": y\n"), APPENDED),
        ("bytes", "no-final-newline-tab", _append(relative, "\tx: y"), APPENDED),
        ("encoding", "latin-1", _bytes_change(relative, lambda d: d + "# Café\n".encode("latin-1")), APPENDED),
        ("encoding", "utf-16", _bytes_change(relative, lambda d: d.decode("utf-8").encode("utf-16")), None),
        ("encoding", "utf-16-le-no-bom", _bytes_change(relative, lambda d: d.decode("utf-8").encode("utf-16-le")), None),
        ("encoding", "cesu-surrogate", _bytes_change(relative, lambda d: d + b"# \xed\xa0\x80\n"), APPENDED),
        ("encoding", "overlong", _bytes_change(relative, lambda d: d + b"# \xc0\xaf\n"), APPENDED),
    ]
    return [Variant(cls, f"{stem}.{name}", relative, change, (relative,), line, *rest) for cls, name, change, line, *rest in rows]


# --- files in the wrong place or of the wrong kind --------------------------------------------------------

def _copy_as(source: str, target: str, replace_id: tuple[str, str] | None = None) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        text = (kaart / source).read_text(encoding="utf-8")
        if replace_id:
            text = text.replace(f"id: {replace_id[0]}\n", f"id: {replace_id[1]}\n", 1)
        (kaart / target).parent.mkdir(parents=True, exist_ok=True)
        (kaart / target).write_text(text, encoding="utf-8")
    return change


def _symlink(target: str, points_to: Callable[[Path], Path]) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        os.symlink(points_to(kaart), kaart / target)
    return change


def _outside_file(kaart: Path) -> Path:
    outside = kaart.parent / "buiten.yaml"
    outside.write_text((kaart / VOORZIENING).read_text(encoding="utf-8").replace(
        "id: formulierenhulp-bibliotheek", "id: buiten"), encoding="utf-8")
    return outside


def _directory(target: str) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        (kaart / target).mkdir()
        (kaart / target / "x.yaml").write_text("id: x\n", encoding="utf-8")
    return change


FILE_CASES = [
    ("yml", "voorzieningen/nieuw-a.yml", _copy_as(VOORZIENING, "voorzieningen/nieuw-a.yml", ("formulierenhulp-bibliotheek", "nieuw-a")), False),
    ("upper-yaml", "voorzieningen/nieuw-b.YAML", _copy_as(VOORZIENING, "voorzieningen/nieuw-b.YAML", ("formulierenhulp-bibliotheek", "nieuw-b")), True),
    ("yaml-txt", "voorzieningen/nieuw-c.yaml.txt", _copy_as(VOORZIENING, "voorzieningen/nieuw-c.yaml.txt", ("formulierenhulp-bibliotheek", "nieuw-c")), True),
    ("yaml-bak", "voorzieningen/nieuw-d.yaml~", _copy_as(VOORZIENING, "voorzieningen/nieuw-d.yaml~", ("formulierenhulp-bibliotheek", "nieuw-d")), True),
    ("hidden", "voorzieningen/.nieuw-e.yaml", _copy_as(VOORZIENING, "voorzieningen/.nieuw-e.yaml", ("formulierenhulp-bibliotheek", ".nieuw-e")), True),
    ("spaces", "voorzieningen/nieuw f.yaml", _copy_as(VOORZIENING, "voorzieningen/nieuw f.yaml", ("formulierenhulp-bibliotheek", "nieuw f")), True),
    ("accent", "voorzieningen/café.yaml", _copy_as(VOORZIENING, "voorzieningen/café.yaml", ("formulierenhulp-bibliotheek", "café")), True),
    ("upper-name", "voorzieningen/Nieuw-G.yaml", _copy_as(VOORZIENING, "voorzieningen/Nieuw-G.yaml", ("formulierenhulp-bibliotheek", "Nieuw-G")), True),
    ("zero-width-name", "voorzieningen/nieuw\u200bh.yaml",
     _copy_as(VOORZIENING, "voorzieningen/nieuw\u200bh.yaml", ("formulierenhulp-bibliotheek", "nieuw\u200bh")), True),
    ("root-stray", "nieuw.yaml", _copy_as(VOORZIENING, "nieuw.yaml"), True),
    ("unknown-folder", "voorzieningn", _copy_as(VOORZIENING, "voorzieningn/nieuw-i.yaml", ("formulierenhulp-bibliotheek", "nieuw-i")), True),
    ("wegwijzer-stray", "wegwijzer/uitkomsten/sub/x.yaml", _copy_as(UITKOMST, "wegwijzer/uitkomsten/sub/x.yaml"), True),
    ("symlink-outside", "voorzieningen/buiten.yaml", _symlink("voorzieningen/buiten.yaml", _outside_file), True),
    ("symlink-etc", "voorzieningen/wachtwoorden.yaml", _symlink("voorzieningen/wachtwoorden.yaml", lambda _: Path("/etc/passwd")), True),
    ("symlink-dangling", "voorzieningen/weg.yaml", _symlink("voorzieningen/weg.yaml", lambda k: k / "bestaat-niet.yaml"), True),
    ("symlink-loop", "voorzieningen/rondje.yaml", _symlink("voorzieningen/rondje.yaml", lambda k: k / "voorzieningen/rondje.yaml"), True),
    ("symlink-inside", "voorzieningen/kopie.yaml", _symlink("voorzieningen/kopie.yaml", lambda k: k / VOORZIENING), True),
    ("symlink-folder", "voorzieningen/map.yaml", _symlink("voorzieningen/map.yaml", lambda k: k / "organisaties"), True),
    ("directory-as-record", "voorzieningen/nieuw-j.yaml", _directory("voorzieningen/nieuw-j.yaml"), True),
    ("directory-as-synoniemen", "wegwijzer/vragen/nieuw-k.yaml", _directory("wegwijzer/vragen/nieuw-k.yaml"), True),
]


EXTRA_TOUCHES = {"voorzieningen/buiten.yaml": ("../buiten.yaml",), 
                 "wegwijzer/uitkomsten/sub/x.yaml": ("wegwijzer/uitkomsten/sub",)}


def _file_case_variants() -> list[Variant]:
    return [Variant("file", name, target, change, (target, *EXTRA_TOUCHES.get(target, ())), must_refuse=must_refuse)
            for name, target, change, must_refuse in FILE_CASES]


# --- the corpus -------------------------------------------------------------------------------------------

def _type_variants() -> list[Variant]:
    """Each value once, rotating over the fields."""
    slots = [(relative, pattern) for relative, patterns in TYPE_FIELDS.items() for pattern in patterns]
    variants = []
    for index, raw in enumerate(TYPE_VALUES):
        relative, pattern = slots[index % len(slots)]
        slug = f"{Path(relative).stem}.{re.sub(r'[^a-z_]', '', pattern)}.{index}"
        variants.append(Variant("type", slug, relative, _raw_setter(relative, pattern, raw), (relative,), must_refuse=False))
    return variants


def _synoniemen_variants() -> list[Variant]:
    old = "  geldzorgen: {naar: [schulden, schuldhulp, rondkomen], reden: spreektaal voor geldproblemen}"
    rows = [
        ("html-key", "  <script>alert(1)</script>: {naar: [schulden], reden: x}"),
        ("html-naar", "  geldzorgen: {naar: ['<img src=x onerror=alert(1)>'], reden: x}"),
        ("jinja-reden", "  geldzorgen: {naar: [schulden], reden: '{{ config }}'}"),
        ("zero-width-key", "  geld\u200bzorgen: {naar: [schulden], reden: x}"),
        ("bidi-key", "  geld\u202ezorgen: {naar: [schulden], reden: x}"),
        ("nul-key", "  \"geld\\0zorgen\": {naar: [schulden], reden: x}"),
        ("list-not-map", "  geldzorgen: [schulden]"),
        ("naar-map", "  geldzorgen: {naar: {a: b}, reden: x}"),
        ("naar-bool", "  geldzorgen: {naar: [no, on], reden: x}"),
        ("key-number", "  0523: {naar: [schulden], reden: x}"),
        ("key-null", "  ~: {naar: [schulden], reden: x}"),
        ("key-bool", "  nee: {naar: [schulden], reden: x}"),
        ("long-key", "  " + "a" * 100_000 + ": {naar: [schulden], reden: x}"),
        ("merge", "  geldzorgen: &g {naar: [schulden], reden: x}\n  geldnood: *g"),
    ]
    variants = [Variant("synoniemen", name, SYNONIEMEN, _replace(SYNONIEMEN, old, new), (SYNONIEMEN,), must_refuse=False)
                for name, new in rows]
    deur_old = "  schuldhulpverlening-egelstede:\n"
    for name, new in [("deur-unknown", "  javascript-alert:\n"), ("deur-zero-width", "  schuldhulpverlening\u200b-egelstede:\n"),
                      ("deur-path", "  ../../etc/passwd:\n")]:
        variants.append(Variant("synoniemen", name, SYNONIEMEN, _replace(SYNONIEMEN, deur_old, new), (SYNONIEMEN,)))
    return variants


def _vangnet_variants() -> list[Variant]:
    old = "      - direct gevaar\n"
    rows = [("html-signaal", "      - <script>alert(1)</script>\n", False), ("empty-signaal", "      - ''\n", True),
            ("null-signaal", "      - ~\n", True), ("zero-width-signaal", "      - direct\u200b gevaar\n", True),
            ("bool-signaal", "      - nee\n", False), ("star-only", "      - '*'\n", True)]
    return [Variant("vangnet", name, VANGNET, _replace(VANGNET, old, new), (VANGNET,), must_refuse=refuse) for name, new, refuse in rows]


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(kaart: Path) -> None:
        replace_text(kaart, relative, old, new)
    return change


def _silent_yaml_variants() -> list[Variant]:
    """YAML that parses but would change the data without a word: a list item indented deeper is read as more text."""
    rows = [(VOORZIENING, "  - brieven\n", "   - brieven\n", 0), (UITKOMST, "\n  - Let op", "\n    - Let op", 1),
            (VOORZIENING, "bankpas mee.\n", "bankpas mee.\n  - en je pas\n", 1)]  # (file, old, new, lines from old's first to the wrong one)
    return [Variant("yaml", f"{Path(relative).stem}.dash-runs-on-{index}", relative, _replace(relative, old, new), (relative,),
                    _demo_line(relative, old) + offset)
            for index, (relative, old, new, offset) in enumerate(rows)]


def _demo_line(relative: str, text: str) -> int:
    content = (DEMO / relative).read_text(encoding="utf-8")
    return content.count("\n", 0, content.index(text)) + 1


def _id_variants() -> list[Variant]:
    rows = [("zero-width", "formulierenhulp\u200b-bibliotheek"), ("bidi", "formulierenhulp-bibliotheek\u202e"),
            ("nbsp", "formulierenhulp-bibliotheek\u00a0"), ("homoglyph", "formulierenhulp-bіbliotheek"),
            ("full-width", "ｆormulierenhulp-bibliotheek"), ("path", "../formulierenhulp-bibliotheek"), ("html", "<b>x</b>")]
    return [Variant("id", name, VOORZIENING, _setter(VOORZIENING, r"id:", value), (VOORZIENING,), line=1)
            for name, value in rows]


def corpus() -> list[Variant]:
    """About 200 variants: every payload and every file-level mistake at least once, spread over the records."""
    counter = [0]
    variants = [
        *_field_variants("text", TEXT_FIELDS, TEXT_PAYLOADS, False, counter, spread=1),
        *_field_variants("url", {k: [v] for k, v in URL_FIELDS.items()}, URL_PAYLOADS, True, counter, spread=1),
        *_field_variants("phone", {k: [v] for k, v in PHONE_FIELDS.items()}, PHONE_PAYLOADS, True, counter, spread=1),
        *_field_variants("phone-lookalike", {ORGANISATIE: [PHONE_FIELDS[ORGANISATIE]]}, PHONE_LOOKALIKES, False, counter),
        *_field_variants("email", {k: [v] for k, v in EMAIL_FIELDS.items()}, EMAIL_PAYLOADS, True, counter),
        *_type_variants(),
        *_id_variants(),
        *_silent_yaml_variants(),
        *_synoniemen_variants(),
        *_vangnet_variants(),
        *_file_case_variants(),
        *_file_variants(VOORZIENING),  # every byte- and YAML-level mistake on one record ...
    ]
    others = (VINDPLAATS, INGANG, ORGANISATIE, VRAAG, UITKOMST, SYNONIEMEN)
    for turn, relative in enumerate(others):  # ... and each on one of the other files
        variants += _file_variants(relative)[turn::len(others)]
    return variants + [variant for variant in _file_variants(VANGNET) if variant.name.split(".")[-1] in VANGNET_FILE_MISTAKES]


VANGNET_FILE_MISTAKES = {"billion-laughs", "python-object", "duplicate-key", "nul", "utf-16", "top-level-list"}  # each a full check: few
