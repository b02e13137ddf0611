"""Cells of the spreadsheets we write (CSV, XLSX): editors' text is never read as a formula.

A unit named '=HYPERLINK("http://x","bấm")' or '+cmd|' /C calc'!A0' would otherwise run as a formula
when the office opens the file in Excel, LibreOffice or Google Sheets (OWASP "CSV injection").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed number ('-5', '+3,5') is read as that number and can run nothing: it stays as it is.
_PLAIN_NUMBER = re.compile(r"[+-]\d+(?:[.,]\d+)?")


def neutralise(value: str | int) -> str | int:
    """``value`` as a spreadsheet cell: text a spreadsheet would take for a formula gets a leading "'".

    Numbers are returned unchanged, and so is text that starts with any other character.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_row(values: Iterable[str | int]) -> list[str | int]:
    """Each cell of a row through :func:`neutralise`."""
    return [neutralise(value) for value in values]
