"""How old a record's information is. One place for the thresholds the site, KCC view and report use."""

from __future__ import annotations

import datetime as dt

WARN_MONTHS = 12  # the beheerder is asked to check the record
OUTDATED_MONTHS = 18  # residents are told the information may be out of date


def age_in_months(checked: dt.date, today: dt.date) -> int:
    months = (today.year - checked.year) * 12 + (today.month - checked.month)
    return months - (1 if today.day < checked.day else 0)


def is_outdated(checked: dt.date, today: dt.date) -> bool:
    return age_in_months(checked, today) >= OUTDATED_MONTHS


def needs_check(checked: dt.date, today: dt.date) -> bool:
    return age_in_months(checked, today) >= WARN_MONTHS
