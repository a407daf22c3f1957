"""format_phone shows a number as libphonenumber formats it, also where it takes the short way."""

import random

import phonenumbers

from generator import fields


def _libphonenumber(e164: str) -> str:
    number = phonenumbers.parse(e164, "NL")
    kind = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 31 else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, kind)


def test_dutch_numbers_are_grouped_as_libphonenumber_groups_them_for_every_two_digit_prefix():
    """The grouping of nine-digit Dutch numbers is reused per first two digits (fields._DUTCH_GROUPS): every
    prefix 10-99, with random digits, valid and invalid, against a fresh libphonenumber format of each."""
    rng = random.Random(5)
    fields._DUTCH_GROUPS.clear()
    fields.format_phone.cache_clear()
    shapes, grouped = set(), set()
    for prefix in range(10, 100):
        for _ in range(30):
            e164 = f"+31{prefix}" + "".join(rng.choice("0123456789") for _ in range(7))
            shown = fields.format_phone(e164)
            assert shown == _libphonenumber(e164), e164
            shapes.add(tuple(len(group) for group in shown.split(" ")))
            if shown.replace(" ", "") == "0" + e164[3:]:
                grouped.add(f"0{prefix}")
    # every prefix that libphonenumber groups went the short way after its first number; the others
    # (no NL format for nine digits, such as 10…) are left to libphonenumber every time
    assert set(fields._DUTCH_GROUPS) == grouped and len(grouped) > 60
    assert len(shapes) >= 3  # and the prefixes are grouped differently (06, 0523, 020, 0800-like)


def test_other_numbers_are_formatted_by_libphonenumber():
    for e164 in ("+318002000", "+3114023", "+44207946095", "+3290000000", "+316123456789", "+3197012345678"):
        assert fields.format_phone(e164) == _libphonenumber(e164), e164
    assert fields.format_phone("113") == "113"
