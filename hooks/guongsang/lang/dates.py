"""Dates as editors write them: full dates, and the partial dates of drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from guongsang.lang import text

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_VIETNAMESE = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")

FORMAT_HINT = "viết dạng NNNN-TT-NN (ví dụ 2020-01-21) hoặc NN/TT/NNNN (ví dụ 21/01/2020)"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose month and day may be left blank, as in a draft ('ngày    tháng    năm 2024')."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_complete(self) -> bool:
        return self.day is not None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day and self.month else None

    def isoformat(self) -> str:
        """ISO 8601 at the precision known: '2019', '2024-11', '2021-09-17'."""
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    @property
    def earliest(self) -> date:
        """The first day it can be: for checks that must hold whatever the unknown day is."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day it can be."""
        if self.day and self.month:
            return date(self.year, self.month, self.day)
        if self.month:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1) - timedelta(days=1)
        return date(self.year, 12, 31)

    @property
    def label(self) -> str:
        """'17/09/2021'; an unknown day is said, never guessed: 'năm 2019, chưa rõ ngày'."""
        if self.is_complete:
            return str(self)
        return f"{'tháng' if self.month else 'năm'} {self}, chưa rõ ngày"

    def official_line(self, place: str) -> str:
        return text.official_date_line(place, self.year, self.month, self.day)

    def __str__(self) -> str:
        if self.day and self.month:
            return text.short_date(date(self.year, self.month, self.day))
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)


def _checked(year: int, month: int | None, day: int | None, written: str) -> PartialDate:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"tháng {month} không có thật trong '{written}'")
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"ngày '{written}' không có thật trên lịch") from None
    if not 1900 <= year <= 2100:
        raise ValueError(f"năm {year} nằm ngoài khoảng hợp lý trong '{written}'")
    return PartialDate(year, month, day)


def parse_partial_date(value: object) -> PartialDate:
    """Read a year, a month and year, or a full date; raise ValueError with a Vietnamese message."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked(value, None, None, str(value))
    if isinstance(value, str):
        written = value.strip()
        if match := _ISO.match(written):
            year, month, day = match.groups()
            return _checked(int(year), _int(month), _int(day), written)
        if match := _VIETNAMESE.match(written):
            day, month, year = match.groups()
            return _checked(int(year), int(month), _int(day), written)
        raise ValueError(f"không đọc được ngày '{written}'; {FORMAT_HINT}")
    raise ValueError(f"cần một ngày; {FORMAT_HINT}")


def parse_full_date(value: object) -> date:
    """Read a full date (day, month and year); raise ValueError with a Vietnamese message."""
    partial = parse_partial_date(value)
    full = partial.as_date()
    if full is None:
        raise ValueError(f"cần đủ ngày, tháng, năm nhưng chỉ có '{partial}'; {FORMAT_HINT}")
    return full


def _int(value: str | None) -> int | None:
    return int(value) if value else None


_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})$")


@dataclass(frozen=True)
class DayOfYear:
    """A day that comes back every year, as plans write it ('11/6 hàng năm')."""

    day: int
    month: int

    def in_year(self, year: int) -> date:
        return date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}"


def parse_day_of_year(value: object) -> DayOfYear:
    """Read 'NN/TT' ('11/6'); raise ValueError with a Vietnamese message."""
    match = _DAY_MONTH.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"ngày hằng năm '{value}' cần viết dạng ngày/tháng, ví dụ '11/6' (trong dấu nháy: \"11/6\")")
    day, month = int(match.group(1)), int(match.group(2))
    try:
        date(2001, month, day)  # a common year: 29/02 does not come back every year
    except ValueError:
        raise ValueError(f"ngày hằng năm '{value}' không có mỗi năm trên lịch") from None
    return DayOfYear(day, month)
