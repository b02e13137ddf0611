"""Numbers and symbols of documents ('237/KH-SGDĐT', '98/2023/NĐ-CP', '34-CT/TW')."""

from __future__ import annotations

import re

from guongsang.lang import text

# State documents: number / [year /] symbol, the symbol made of dash-joined abbreviations; texts older than
# Nghị định 30 (and some since) print a single one ('3420/THPT', '3358/SGD&ĐT').
# Letters of a unit's name may carry marks ('BTĐKT-Vụ II' is written 'BTĐKT-VụII' once its spaces are gone).
# Offices type the dash between the symbol's parts as a hyphen or an en dash ('4144/GDĐT–VP').
_STATE = re.compile(r"^(?P<number>\d*)/(?:(?P<year>\d{4})/)?(?P<symbol>(?:[^\W_]|[&.])+(?:[-–](?:[^\W_]|[&.])+)*)$")
# Laws and resolutions of the National Assembly: number/year/body ('06/2022/QH15').
_LAW = re.compile(r"^\d+/\d{4}/[A-Za-zĐđ0-9]+$")
# Party documents: number-type/body ('34-CT/TW', '29-NQ/TW', '30-CTr/TU').
_PARTY = re.compile(r"^\d+-[A-Za-zĐđ]+/[A-Za-zĐđ0-9]+$")
_IGNORED = re.compile(r"[\s\-\u2010-\u2015.]")

EXAMPLE = "237/KH-SGDĐT"


def parse(number: str) -> re.Match[str] | None:
    """The parts of a state document's number and symbol, or None when it does not follow the form."""
    return _STATE.match(number.strip())


def is_reference_number(number: str) -> bool:
    """Whether a cited number has the form of a state document, a law or a Party document.

    Citations are copied from other bodies' texts, so spaces and Ð (U+00D0) for Đ are tolerated.
    """
    number = re.sub(r"\s+", "", number).replace("\u00d0", "Đ")
    return any(pattern.match(number) for pattern in (_STATE, _LAW, _PARTY))


def type_abbreviation(number: str) -> str | None:
    """The document-type part of the symbol: 'KH' in '237/KH-SGDĐT', also in a number not of the lawful form
    ('QĐ' in '10./QĐ-MN'); None without a symbol."""
    symbol = number.rsplit("/", 1)[-1].strip() if "/" in number else ""
    return re.split("[-–]", symbol)[0].strip() or None


def has_number(number: str) -> bool:
    match = parse(number)
    return bool(match and match.group("number"))


def key(number: str) -> str:
    """A comparison key, tolerant of how people write the same number.

    Spaces and dashes are ignored ('NĐ-CP' = 'NĐCP'), Ð (U+00D0) counts as Đ, case is ignored,
    a leading 'Số' and leading zeros of the number are dropped ('01/KH' = '1/KH').
    """
    value = text.nfc(number).replace("\u00d0", "Đ").replace("\u00f0", "đ").upper()
    value = re.sub(r"^SỐ[:\s]*", "", value.strip())
    value = _IGNORED.sub("", value)
    head, sep, rest = value.partition("/")
    if head.isdigit():
        head = str(int(head))
    return head + sep + rest
