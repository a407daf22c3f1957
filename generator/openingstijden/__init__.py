"""Opening hours as data: parsing and validation, Dutch display, public holidays and "nu open".

Partners write hours per weekday in their YAML file:

    openingstijden:
      ma: 9.00-17.00
      di: 9.00-12.00, 13.00-17.00
      za: gesloten
      feestdagen: gesloten          # default; 'open' = normal hours on public holidays
      uitzonderingen:
        - van: 2026-12-24
          tot: 2027-01-01           # inclusive; leave out for one day
          reden: Kerstsluiting      # closes all hours of the place: opening, walk-in and phone
        - van: 2026-12-31
          tijden: 9.00-12.00        # other hours that day instead of closed
          reden: Oudejaarsdag
        - van: 2026-05-05
          gesloten: nee             # open as usual, even though it is a public holiday
          reden: Bevrijdingsdag gewoon open

Hours that are not every week, e.g. a café on the first Monday evening of the month:

    inloop:
      ma: 19.00-20.30
      in_de_maand: [eerste]         # or [eerste, derde], [laatste]; applies to every day written here

or every other week (even or odd ISO week numbers, as municipalities count "even weken"):

    inloop:
      di: 10.00-12.00
      weken: oneven                 # or even; applies to every day written here; not with in_de_maand

A closure applies to all hours of the place (openingstijden, inloop and contact.telefoon_tijden)
unless it says otherwise with `geldt_voor: [inloop]` (deel_uitzonderingen, applied by the models).

Times may be written as 9.00, 9:00 or 09.00; ranges with '-' or '–'; several ranges with ','.
A day runs from 0.00 to 24.00: hours over midnight are written as two days (22.00-24.00 and
0.00-2.00 the next day); "nu open" shows such hours as one continuous stretch.

"Nu open" is computed in two places that must agree to the letter: `status_op()` here (used by
tests and anything server-side) and generator/assets/js/nu-open.js in the browser. Both work on
the same JSON form (`to_json()`) and the same list of public holidays (`feestdagen_json()`);
tests/test_nu_open_js.py checks that they produce identical strings.

The package has one module per concern: tijden (constants, parsing, dates), model (the pydantic
models), tonen (Dutch display), feestdagen (public holidays), nu_open (JSON plan and status).
"""

from .feestdagen import feestdag, feestdagen, feestdagen_json, pasen
from .model import Openingstijden, Uitzondering, deel_uitzonderingen
from .nu_open import Status, nu_open_json, status_op, tijden_op, to_json, weekdag_telt
from .tijden import AMSTERDAM, DAGEN, DAGNAMEN, HELE_DAG, MAANDEN, VOORUIT, ZOEK_OPENING, Range, datum, parse_tijden, tijd
from .tonen import display_lines, tijden_tekst, uitzondering_lines

__all__ = [
    "AMSTERDAM", "DAGEN", "DAGNAMEN", "HELE_DAG", "MAANDEN", "VOORUIT", "ZOEK_OPENING", "Openingstijden", "Range",
    "Status", "Uitzondering", "datum", "deel_uitzonderingen", "display_lines", "feestdag", "feestdagen", "feestdagen_json", "nu_open_json",
    "parse_tijden", "pasen", "status_op", "tijd", "tijden_op", "tijden_tekst", "to_json", "uitzondering_lines", "weekdag_telt",
]
