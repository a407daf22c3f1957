"""The beheerder's report: how current the records are, who cannot be reached, and where the kaart has gaps.

One computation (`build_report`) feeds both `kaart rapport` (a terminal table) and the page
/beheer/rapport/. Freshness thresholds come from freshness.py, the same ones the record pages use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .freshness import OUTDATED_MONTHS, WARN_MONTHS, age_in_months, is_outdated, needs_check
from .problems import display_path
from .validate import Kaart
from .vocabulary import SOORTEN, THEMAS

IN_ORDE, CONTROLEREN, VEROUDERD = "in orde", "controleren", "verouderd"
NIVEAU_UITLEG = {
    IN_ORDE: f"minder dan {WARN_MONTHS} maanden geleden gecontroleerd",
    CONTROLEREN: f"{WARN_MONTHS} tot {OUTDATED_MONTHS} maanden geleden gecontroleerd: vraag de organisatie om te controleren",
    VEROUDERD: f"{OUTDATED_MONTHS} maanden of langer geleden gecontroleerd: inwoners zien dat de informatie misschien niet klopt",
}
COUNTED_STATUS = "actief"  # coverage counts voorzieningen that residents can use now


@dataclass(frozen=True)
class RecordRegel:
    """One record in the report."""

    soort: str
    id: str
    naam: str
    organisatie: str | None
    laatst_gecontroleerd: dt.date
    maanden: int
    niveau: str
    bestand: str

    @property
    def soort_label(self) -> str:
        return SOORTEN[self.soort][1]


@dataclass
class Matrix:
    """Counts of voorzieningen per theme (rows) and area (columns); a 0 is a gap in the kaart."""

    rows: list[tuple[str, str]]  # (id, name)
    columns: list[tuple[str, str, str]]  # (id, name, group name)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def gaps(self) -> list[tuple[str, str]]:
        return [(r, c) for r, _ in self.rows for c, _, _ in self.columns if self.count(r, c) == 0]

    def gaps_per_row(self) -> dict[str, list[str]]:
        """For each theme with gaps: the names of the areas without any voorziening."""
        names = {c: name for c, name, _ in self.columns}
        result: dict[str, list[str]] = {}
        for row, column in self.gaps():
            result.setdefault(row, []).append(names[column])
        return result

    def column_groups(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """Consecutive columns with the same group (gebied or gemeente), for grouped table rows."""
        groups: list[tuple[str, list[tuple[str, str, str]]]] = []
        for column in self.columns:
            if groups and groups[-1][0] == column[2]:
                groups[-1][1].append(column)
            else:
                groups.append((column[2], [column]))
        return groups


@dataclass
class Rapport:
    today: dt.date
    records: list[RecordRegel]  # every record, oldest check first
    zonder_contact: list[RecordRegel]  # records with neither a phone number nor an e-mail address
    thema_per_gebied: Matrix
    thema_per_kern: Matrix

    def per_niveau(self) -> dict[str, int]:
        counts = {IN_ORDE: 0, CONTROLEREN: 0, VEROUDERD: 0}
        for regel in self.records:
            counts[regel.niveau] += 1
        return counts

    def te_controleren(self) -> list[RecordRegel]:
        return [r for r in self.records if r.niveau != IN_ORDE]


def niveau(checked: dt.date, today: dt.date) -> str:
    if is_outdated(checked, today):
        return VEROUDERD
    if needs_check(checked, today):
        return CONTROLEREN
    return IN_ORDE


def build_report(kaart: Kaart, today: dt.date) -> Rapport:
    records = sorted(_record_lines(kaart, today), key=lambda r: (r.laatst_gecontroleerd, r.soort, r.id))
    zonder_contact = [r for r in sorted(records, key=lambda r: (r.soort, r.naam.casefold())) if not _reachable(kaart, r)]
    return Rapport(today, records, zonder_contact, thema_per_gebied(kaart), thema_per_kern(kaart))


def _record_lines(kaart: Kaart, today: dt.date):
    for soort, records in kaart.records.items():
        for record in records.values():
            source = kaart.sources.get((soort, record.id))
            yield RecordRegel(
                soort=soort,
                id=record.id,
                naam=record.naam,
                organisatie=record.id if soort == "organisatie" else getattr(record, "organisatie", None),
                laatst_gecontroleerd=record.laatst_gecontroleerd,
                maanden=age_in_months(record.laatst_gecontroleerd, today),
                niveau=niveau(record.laatst_gecontroleerd, today),
                bestand=display_path(source.path) if source else "",
            )


def _reachable(kaart: Kaart, regel: RecordRegel) -> bool:
    contact = getattr(kaart.records[regel.soort][regel.id], "contact", None)
    return bool(contact and (contact.telefoon or contact.email))


def _counted(kaart: Kaart):
    return [v for v in kaart.voorzieningen.values() if v.status == COUNTED_STATUS]


def thema_per_kern(kaart: Kaart) -> Matrix:
    columns = [(kern.id, kern.naam, gebied.naam) for gemeente in kaart.gebieden.gemeenten for gebied in gemeente.gebieden for kern in gebied.kernen]
    matrix = Matrix(list(THEMAS.items()), columns)
    for voorziening in _counted(kaart):
        for kern in kaart.kernen_in(voorziening.werkgebied):
            for thema in voorziening.themas:
                matrix.counts[(thema, kern)] = matrix.counts.get((thema, kern), 0) + 1
    return matrix


def thema_per_gebied(kaart: Kaart) -> Matrix:
    columns = [(gebied.id, gebied.naam, gemeente.naam) for gemeente in kaart.gebieden.gemeenten for gebied in gemeente.gebieden]
    matrix = Matrix(list(THEMAS.items()), columns)
    for voorziening in _counted(kaart):
        kernen = kaart.kernen_in(voorziening.werkgebied)
        gebieden = {kaart.gebied_van_kern[kern].id for kern in kernen}
        for gebied in gebieden:
            for thema in voorziening.themas:
                matrix.counts[(thema, gebied)] = matrix.counts.get((thema, gebied), 0) + 1
    return matrix


# --- the terminal table -------------------------------------------------------------------


def report_text(rapport: Rapport, kaart_folder: Path | str | None = None) -> str:
    """`kaart rapport`: the same report as the page, as plain text for a terminal."""
    from .build.render import datum

    lines = [f"Rapport van de sociale kaart, {datum(rapport.today)}", ""]
    lines += _freshness_text(rapport)
    lines += _table_text(
        "Te controleren, oudste eerst",
        ["maanden", "niveau", "soort", "organisatie", "bestand"],
        [[str(r.maanden), r.niveau, r.soort, r.organisatie or "-", r.bestand] for r in rapport.te_controleren()],
        empty="Alle records zijn minder dan een jaar geleden gecontroleerd.",
    )
    lines += _table_text(
        "Zonder telefoonnummer en zonder e-mailadres",
        ["soort", "organisatie", "bestand"],
        [[r.soort, r.organisatie or "-", r.bestand] for r in rapport.zonder_contact],
        empty="Alle records hebben een telefoonnummer of e-mailadres.",
    )
    lines += _matrix_text("Aantal actieve voorzieningen per thema en gebied", rapport.thema_per_gebied, transpose=False)
    lines += _matrix_text("Aantal actieve voorzieningen per kern en thema", rapport.thema_per_kern, transpose=True)
    return "\n".join(lines).rstrip() + "\n"


def _freshness_text(rapport: Rapport) -> list[str]:
    counts = rapport.per_niveau()
    width = max(len(n) for n in counts)
    lines = ["Hoe actueel (laatst gecontroleerd)"]
    lines += [f"  {name.ljust(width)}  {counts[name]:>5}  {NIVEAU_UITLEG[name]}" for name in counts]
    return lines + [""]


def _table_text(title: str, header: list[str], rows: list[list[str]], empty: str) -> list[str]:
    lines = [f"{title} ({len(rows)})"]
    if not rows:
        return lines + [f"  {empty}", ""]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    for row in [header, *rows]:
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return lines + [""]


def _matrix_text(title: str, matrix: Matrix, transpose: bool) -> list[str]:
    """Themes are numbered columns (with a legend) when transposed, so 29 kernen still fit a terminal."""
    themes = [name for _, name in matrix.rows]
    if transpose:
        header = ["kern"] + [str(n) for n in range(1, len(themes) + 1)]
        rows = [[name] + [_cell(matrix.count(t, c)) for t, _ in matrix.rows] for c, name, _ in matrix.columns]
        legend = ["  " + ", ".join(f"{n} = {name}" for n, name in enumerate(themes, start=1))]
    else:
        header = ["thema"] + [name for _, name, _ in matrix.columns]
        rows = [[name] + [_cell(matrix.count(t, c)) for c, _, _ in matrix.columns] for t, name in matrix.rows]
        legend = []
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    lines = [f"{title} (een 0! is een gat: geen aanbod)"]
    for row in [header, *rows]:
        first, *rest = row
        lines.append("  " + first.ljust(widths[0]) + "  " + " ".join(cell.rjust(w) for cell, w in zip(rest, widths[1:])))
    return lines + legend + [""]


def _cell(count: int) -> str:
    return f"{count}" if count else "0!"


# --- one issue per organisation (the scheduled workflow .github/workflows/nakijken.yml) ------------

ISSUE_LABEL = "nakijken"
ISSUE_MARKER = "<!-- kaart-rapport: organisatie={id} -->"  # how the workflow finds the issue to update


def issues_per_organisatie(kaart: Kaart, rapport: Rapport, edit_url=None) -> list[dict]:
    """One issue per organisation with records checked WARN_MONTHS or longer ago: a stable title, a
    marker to find it again, the beheerders to mention, and a Dutch body listing each record.
    `edit_url(soort, id)` gives GitHub's editor link for a record, when the repository is known."""
    per_org: dict[str, list[RecordRegel]] = {}
    for regel in rapport.te_controleren():
        per_org.setdefault(regel.organisatie or "", []).append(regel)
    issues = []
    gemeente = [a for org in kaart.organisaties.values() if org.soort == "gemeente" for a in org.beheerders]
    for organisatie_id, regels in sorted(per_org.items()):
        organisatie = kaart.organisaties.get(organisatie_id)
        naam = organisatie.naam if organisatie else "records zonder organisatie"
        beheerders = list(organisatie.beheerders) if organisatie else gemeente  # no organisation: the gemeente looks after it
        organisatie_id = organisatie_id or "zonder-organisatie"
        issues.append({
            "organisatie": organisatie_id,
            "titel": f"Gegevens nakijken: {naam}",
            "label": ISSUE_LABEL,
            "beheerders": beheerders,
            "records": [r.id for r in regels],
            "tekst": _issue_body(organisatie_id, naam, beheerders, regels, rapport.today, edit_url),
        })
    return issues


def _issue_body(organisatie_id: str, naam: str, beheerders: list[str], regels: list[RecordRegel], today: dt.date, edit_url) -> str:
    who = " ".join(f"@{account}" for account in beheerders) or "beheerder van de gemeente"
    lines = [
        ISSUE_MARKER.format(id=organisatie_id),
        f"Hallo {who},",
        "",
        f"Deze gegevens van **{naam}** zijn {WARN_MONTHS} maanden of langer niet nagekeken. Inwoners, het KCC en het "
        f"sociaal team rekenen erop dat ze kloppen. Na {OUTDATED_MONTHS} maanden zien inwoners een waarschuwing.",
        "",
    ]
    for regel in sorted(regels, key=lambda r: (r.laatst_gecontroleerd, r.id)):
        link = f"[{regel.naam}]({edit_url(regel.soort, regel.id)})" if edit_url else regel.naam
        lines.append(f"- [ ] {link} ({regel.soort_label.lower()}, `{regel.bestand}`): laatst gecontroleerd op "
                     f"{regel.laatst_gecontroleerd.isoformat()}, {regel.maanden} maanden geleden.")
    lines += [
        "",
        "Zo doe je het: open het bestand (klik op de naam), kijk alles na en zet `laatst_gecontroleerd` op de datum "
        "van vandaag, ook als er niets veranderd is. Stel je wijziging voor; de controle laat zien of alles klopt.",
        "",
        f"_Dit bericht maakt de sociale kaart elke maand opnieuw (stand van {today.isoformat()}). Zijn alle gegevens "
        "nagekeken, dan sluit het vanzelf._",
    ]
    return "\n".join(lines) + "\n"
