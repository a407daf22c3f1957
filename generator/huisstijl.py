"""The gemeente's house style (white label): `extra.huisstijl` in mkdocs.yml, checked at build time.

    extra:
      huisstijl:
        naam: Gemeente Egelstede          # shown next to the logo
        logo: assets/huisstijl/logo.svg   # a file under docs/ (optional)
        kleuren: {primair: "#004b5a", accent: "#a3004f", link: "#005a8c", crisis: "#5c0e1a"}

Every colour is used either as text on white or as the background of white text, so each must reach
4.5:1 contrast with white (WCAG 2.1 AA, 1.4.3); the build stops with a Dutch message otherwise.
The colours become CSS custom properties (`css_variables`), written in the head of every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_CONTRAST = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

# colour name in mkdocs.yml -> (what it is used for, in Dutch; the CSS custom properties it sets)
KLEUREN: dict[str, tuple[str, tuple[str, ...]]] = {
    "primair": ("de kopbalk, koppen en knoppen", ("--md-primary-fg-color", "--sk-primair")),
    "accent": ("focusranden en 'jouw team'", ("--md-accent-fg-color",)),
    "link": ("links in de tekst", ("--md-typeset-a-color",)),
    "crisis": ("de balk met crisisnummers", ("--sk-crisis-bg",)),
}


class HuisstijlFout(ValueError):
    """A house style that cannot be used; the message is Dutch and says what to change."""


@dataclass(frozen=True)
class Huisstijl:
    naam: str
    logo: str | None
    kleuren: dict[str, str]

    def css_variables(self) -> str:
        declarations = []
        for naam, kleur in self.kleuren.items():
            declarations += [f"{prop}:{kleur}" for prop in KLEUREN[naam][1]]
            if naam == "primair":
                declarations += [f"--md-primary-fg-color--light:{kleur}", f"--md-primary-fg-color--dark:{donkerder(kleur)}"]
        return ":root{" + ";".join(declarations) + "}"


def relative_luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def donkerder(hex_colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(int(hex_colour[i:i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"


def _plek(config_file: str | None, text: str) -> str:
    """'mkdocs.yml:12:15' for the first line holding text, or just the file name."""
    name = config_file or "mkdocs.yml"
    try:
        for number, line in enumerate(Path(name).read_text(encoding="utf-8").splitlines(), start=1):
            column = line.find(text)
            if column != -1:
                return f"{name}:{number}:{column + 1}"
    except OSError:
        pass
    return name


def lees_huisstijl(extra: dict[str, Any], config_file: str | None = None, docs_dir: str | None = None) -> Huisstijl | None:
    """The house style from mkdocs.yml's `extra`, or None when there is none. Raises HuisstijlFout."""
    raw = extra.get("huisstijl")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise HuisstijlFout(f"{_plek(config_file, 'huisstijl:')}: 'huisstijl' moet een lijst van instellingen zijn (naam, logo, kleuren).")
    onbekend = set(raw) - {"naam", "logo", "kleuren"}
    if onbekend:
        raise HuisstijlFout(f"{_plek(config_file, sorted(onbekend)[0] + ':')}: onbekende instelling '{sorted(onbekend)[0]}' in huisstijl. Gebruik naam, logo en kleuren.")
    naam = raw.get("naam")
    if not isinstance(naam, str) or not naam.strip():
        raise HuisstijlFout(f"{_plek(config_file, 'huisstijl:')}: vul bij huisstijl de 'naam' in, bijvoorbeeld 'Gemeente Egelstede'.")
    logo = raw.get("logo")
    if logo is not None and (not isinstance(logo, str) or (docs_dir and not (Path(docs_dir) / logo).is_file())):
        raise HuisstijlFout(f"{_plek(config_file, 'logo:')}: het logo '{logo}' staat niet in de map docs/. Zet het bestand daar of haal 'logo' weg.")
    kleuren = raw.get("kleuren") or {}
    if not isinstance(kleuren, dict):
        raise HuisstijlFout(f"{_plek(config_file, 'kleuren:')}: 'kleuren' moet een lijst zijn, zoals primair: \"#004b5a\".")
    checked: dict[str, str] = {}
    for key, kleur in kleuren.items():
        if key not in KLEUREN:
            raise HuisstijlFout(f"{_plek(config_file, key + ':')}: onbekende kleur '{key}'. Gebruik {', '.join(KLEUREN)}.")
        if not isinstance(kleur, str) or not _HEX.match(kleur):
            raise HuisstijlFout(f"{_plek(config_file, key + ':')}: de kleur '{key}' moet een code zijn als \"#004b5a\" (tussen aanhalingstekens), niet {kleur!r}.")
        ratio = contrast(kleur, "#ffffff")
        if ratio < MIN_CONTRAST:
            raise HuisstijlFout(
                f"{_plek(config_file, kleur)}: de kleur '{key}' ({kleur}) is te licht voor {KLEUREN[key][0]}: "
                f"het contrast met wit is {f'{ratio:.2f}'.replace('.', ',')}:1 en moet minstens 4,5:1 zijn. Kies een donkerdere kleur."
            )
        checked[key] = kleur.lower()
    return Huisstijl(naam.strip(), logo, checked)
