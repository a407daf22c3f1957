"""argparse in Dutch: usage, help and every error a partner can get from the command line.

argparse looks its messages up through the module-level `_` and `ngettext` at the moment it
needs them; `install()` points those at the Dutch texts below (only in the `kaart` process).
"""

from __future__ import annotations

import argparse
import sys

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze uitleg en stop",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "'%(value)s' kan niet; kies uit: %(choices)s",
    "invalid %(type)s value: %(value)r": "'%(value)s' is geen geldige waarde (%(type)s)",
    "unrecognized arguments: %s": "dit begrijp ik niet: %s",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "expected one argument": "hier hoort één waarde achter",
    "expected at most one argument": "hier hoort hoogstens één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "expected %s argument": "hier horen %s waarden achter",
    "expected %s arguments": "hier horen %s waarden achter",
    "ambiguous option: %(option)s could match %(matches)s": "'%(option)s' kan meer betekenen: %(matches)s",
    "not allowed with argument %s": "kan niet samen met %s",
    "one of the arguments %s is required": "kies één van: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "'%(parser_name)s' is geen opdracht; kies uit: %(choices)s",
    "ignored explicit argument %r": "'%s' hoort hier niet achter",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "subcommands": "opdrachten",
    "unexpected option string: %s": "onverwachte optie: %s",
}
TYPE_NAMES = {"int": "een heel getal"}


def dutch(message: str) -> str:
    return DUTCH.get(message, message)


def install() -> None:
    argparse._ = dutch  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: dutch(singular if n == 1 else plural)  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors end with where to find help, in Dutch."""

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, dutch_name in TYPE_NAMES.items():
            message = message.replace(f"({english})", f"({dutch_name})")
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\nTyp '{self.prog} --help' voor uitleg.\n")
