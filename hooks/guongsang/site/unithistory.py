"""The one place that decides which name a unit bore on a day, and what it is called now.

Units are renamed, merged into a successor and moved to another province (the 2025 reform merged
provinces and ended the district level on 01/07/2025). An award, a conference or a document shows the
unit under its name on its own day, followed by "nay là …" when that name has changed since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from guongsang.lang.text import short_date
from guongsang.records.models import FormerName, Unit


@dataclass(frozen=True)
class NameAt:
    """A unit's name on a day (``then``) and, when different, its name now."""

    then: str
    now: str | None = None

    @property
    def label(self) -> str:
        """'Trường THCS Đông Hòa (nay là Trường THCS Đông Tiến)', or just the name when unchanged."""
        return f"{self.then} (nay là {self.now})" if self.now else self.then

    def __str__(self) -> str:
        return self.label


def latest(units: Mapping[str, Unit], unit_id: str) -> Unit:
    """The unit that carries ``unit_id`` on today: itself, or the last of its successors."""
    unit = units[unit_id]
    seen = {unit_id}
    while unit.successor and unit.successor in units and unit.successor not in seen:
        seen.add(unit.successor)
        unit = units[unit.successor]
    return unit


def name_at(units: Mapping[str, Unit], unit_id: str, day: date) -> NameAt:
    """The name of unit ``unit_id`` on ``day``, with its current name (through its successors) if different."""
    then = units[unit_id].name_on(day)
    now = latest(units, unit_id).name
    return NameAt(then, None if now == then else now)


def province_at(units: Mapping[str, Unit], unit_id: str, day: date) -> NameAt:
    """The province of the unit on ``day``, with today's province (of the unit or its successor) if different."""
    then = units[unit_id].province_on(day)
    now = latest(units, unit_id).province
    return NameAt(then, None if now == then else now)


def facts(units: Mapping[str, Unit], unit_id: str) -> list[tuple[str, str]]:
    """What the unit's page says of its history, as (label, text) pairs: names, province, parents, successor."""
    unit = units[unit_id]
    rows: list[tuple[str, str]] = []
    if unit.start:
        rows.append(("Thành lập", short_date(unit.start)))
    if unit.former_names:
        rows.append(("Tên gọi trước đây", _periods(unit.former_names)))
    province = f"{unit.province} (trước đây: {_periods(unit.former_provinces)})" if unit.former_provinces else unit.province
    rows.append(("Tỉnh, thành phố", province))
    if unit.parent and unit.parent in units:
        rows.append(("Trực thuộc", units[unit.parent].name))
    if unit.former_parents:
        rows.append(("Trực thuộc trước đây", _periods(unit.former_parents)))
    merged = [u.name for u in units.values() if u.successor == unit_id]
    if merged:
        rows.append(("Tiếp nhận", "; ".join(merged)))
    if unit.end:
        after = f", nay thuộc {latest(units, unit_id).name}" if unit.successor in units else ""
        rows.append(("Ngừng hoạt động", f"sau ngày {short_date(unit.end)}{after}"))
    return rows


def _periods(periods: list[FormerName]) -> str:
    """'Thái Bình (đến 30/6/2025)'; oldest first, as the file lists them."""
    return "; ".join(
        f"{p.name} ({f'từ {short_date(p.start)} ' if p.start else ''}đến {short_date(p.end)})" for p in periods
    )
