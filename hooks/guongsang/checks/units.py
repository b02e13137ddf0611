"""Units: parents resolve and make no loop, names follow one another without gap or overlap, a successor
took the unit over; and an event of a unit (an award, a conference, a document) falls within its life."""

from __future__ import annotations

from datetime import date, timedelta

from guongsang.checks.context import Checking
from guongsang.lang.text import short_date
from guongsang.records.dataset import Entry
from guongsang.records.models import Unit

_DAY = timedelta(days=1)


def check_units(run: Checking) -> None:
    units = run.data.units
    for entry in units.values():
        if entry.record.parent:
            run.exists(entry, ("don_vi_cap_tren",), entry.record.parent, units, "đơn vị", "data/don-vi/")
        _history(run, entry)
    for loop in _parent_loops(units):
        for at, unit_id in enumerate(loop):  # at each member, whose line may be the one to fix
            members = " → ".join([*loop[at:], *loop[:at], unit_id])
            run.error(
                units[unit_id], ("don_vi_cap_tren",),
                f"đơn vị cấp trên tạo thành vòng lặp ({members}); một đơn vị không thể là cấp trên của chính nó",
            )


def _history(run: Checking, entry: Entry[Unit]) -> None:
    """Dates of a unit: its life, its names one after the other without gap or overlap, its successor."""
    unit = entry.record
    if unit.start and unit.end and unit.end < unit.start:
        run.error(entry, ("den_ngay",), f"'den_ngay' ({short_date(unit.end)}) đứng trước ngày thành lập 'tu_ngay' ({short_date(unit.start)})")
        return
    for key, periods, what in (
        ("ten_truoc", unit.former_names, "tên"), ("truc_thuoc_truoc", unit.former_parents, "cơ quan quản lý"),
        ("tinh_truoc", unit.former_provinces, "tỉnh"),
    ):
        for i, period in enumerate(periods):
            at = (key, i)
            if period.start and period.end < period.start:
                run.error(entry, (*at, "den_ngay"), f"{what} '{period.name}': 'den_ngay' ({short_date(period.end)}) đứng trước 'tu_ngay' ({short_date(period.start)})")
            elif i and period.end <= periods[i - 1].end:
                run.error(entry, (*at, "den_ngay"), f"'{key}' xếp theo thời gian, cũ trước mới sau: {what} '{period.name}' kết thúc trước {what} '{periods[i - 1].name}' ở dòng trên; đổi chỗ hai mục")
            elif i and period.start and period.start <= periods[i - 1].end:
                run.error(entry, (*at, "tu_ngay"), (
                    f"{what} '{period.name}' bắt đầu ngày {short_date(period.start)}, khi {what} '{periods[i - 1].name}' còn dùng"
                    f" (đến {short_date(periods[i - 1].end)}); hai thời kỳ chồng lên nhau: sửa 'tu_ngay' thành {short_date(periods[i - 1].end + _DAY)}"
                ))
            elif i and key == "ten_truoc" and period.start and period.start > periods[i - 1].end + _DAY:
                run.error(entry, (*at, "tu_ngay"), (
                    f"từ {short_date(periods[i - 1].end + _DAY)} đến {short_date(period.start - _DAY)} đơn vị không có tên nào:"
                    f" sửa 'tu_ngay' thành {short_date(periods[i - 1].end + _DAY)} hoặc thêm tên gọi của thời kỳ đó"
                ))
        if key != "ten_truoc" or not periods:
            continue
        first, last = periods[0], periods[-1]
        if unit.start and first.start and first.start < unit.start:
            run.error(entry, (key, 0, "tu_ngay"), f"tên '{first.name}' dùng từ {short_date(first.start)}, trước khi đơn vị thành lập ({short_date(unit.start)}, 'tu_ngay'); sửa một trong hai ngày")
        if unit.start and first.end < unit.start:
            run.error(entry, (key, 0, "den_ngay"), f"tên '{first.name}' dùng đến {short_date(first.end)}, trước khi đơn vị thành lập ({short_date(unit.start)}, 'tu_ngay'); sửa một trong hai ngày")
        if unit.end and last.end >= unit.end:
            run.error(entry, (key, len(periods) - 1, "den_ngay"), (
                f"tên '{last.name}' dùng đến {short_date(last.end)}, khi đơn vị chỉ hoạt động đến {short_date(unit.end)}:"
                f" tên hiện nay '{unit.name}' không còn ngày nào; sửa 'den_ngay' của tên cũ"
            ))
    if unit.successor:
        _successor(run, entry)


def _successor(run: Checking, entry: Entry[Unit]) -> None:
    unit = entry.record
    units = run.data.units
    at = ("don_vi_ke_tiep",)
    if unit.successor == unit.id:
        run.error(entry, at, "đơn vị không thể là đơn vị kế tiếp của chính nó; ghi mã đơn vị đã nhận lại đơn vị này")
        return
    if not run.exists(entry, at, unit.successor, units, "đơn vị", "data/don-vi/"):
        return
    if unit.end is None:
        run.error(entry, at, "đơn vị có đơn vị kế tiếp là đơn vị đã ngừng hoạt động: thêm 'den_ngay' (ngày cuối cùng, ví dụ 2025-06-30)")
        return
    successor = units[unit.successor].record
    if successor.start and successor.start > unit.end + _DAY:
        run.error(entry, at, (
            f"đơn vị kế tiếp '{successor.id}' thành lập ngày {short_date(successor.start)}, sau ngày đơn vị này ngừng"
            f" hoạt động ({short_date(unit.end)}); kiểm tra 'den_ngay' hoặc mã đơn vị kế tiếp"
        ))
    if successor.end and successor.end <= unit.end and not successor.successor:
        run.error(entry, at, f"đơn vị kế tiếp '{successor.id}' đã ngừng hoạt động ngày {short_date(successor.end)}, không nhận lại được đơn vị này; kiểm tra mã")
    seen = [unit.id]
    current: Unit | None = successor
    while current is not None and current.id not in seen:
        seen.append(current.id)
        current = units[current.successor].record if current.successor in units else None
    if current is not None and current.id == unit.id:
        run.error(entry, at, f"đơn vị kế tiếp tạo thành vòng lặp ({' → '.join([*seen, unit.id])}); đơn vị sau không thể sáp nhập ngược vào đơn vị trước")


def existed(run: Checking, entry: Entry, at: tuple[str | int, ...], unit_id: str, first: date, last: date, what: str) -> None:
    """An event of ``first``–``last`` (an award, a conference) at a unit that existed then."""
    problem = outside_life(run, unit_id, first, last, what)
    if problem:
        run.error(entry, at, problem)


def outside_life(run: Checking, unit_id: str, first: date, last: date, what: str) -> str | None:
    """Why an event of ``first``–``last`` cannot be the unit's (before its founding, after its end), or None."""
    unit_entry = run.data.units[unit_id]
    unit = unit_entry.record
    if unit.start and unit.end and unit.end < unit.start:
        return None  # the unit's own dates are reported at its line
    if unit.start and last < unit.start:
        return f"{what} có trước ngày đơn vị '{unit_id}' thành lập ({short_date(unit.start)}, 'tu_ngay' trong {unit_entry.path}); kiểm tra ngày hoặc đơn vị"
    if unit.end and first > unit.end:
        after = f"; từ ngày {short_date(unit.end + _DAY)} ghi đơn vị kế tiếp '{unit.successor}'" if unit.successor else "; kiểm tra ngày hoặc đơn vị"
        return f"{what} có sau ngày đơn vị '{unit_id}' ngừng hoạt động ({short_date(unit.end)}, 'den_ngay' trong {unit_entry.path}){after}"
    return None


def _parent_loops(units: dict[str, Entry[Unit]]) -> list[list[str]]:
    """Every loop of 'don_vi_cap_tren', each once, in the order a unit reaches it from its parent.

    One pass: each unit is walked once (marked with the walk that reached it first), so a chain of
    thousands of units is checked in linear time. A unit that only hangs below a loop is in none.
    """
    walk_of: dict[str, int] = {}
    loops: list[list[str]] = []
    for walk, start in enumerate(units):
        path: list[str] = []
        unit_id: str | None = start
        while unit_id is not None and unit_id in units and unit_id not in walk_of:
            walk_of[unit_id] = walk
            path.append(unit_id)
            unit_id = units[unit_id].record.parent
        if unit_id is not None and walk_of.get(unit_id) == walk:  # back on this walk's own path
            loops.append(path[path.index(unit_id):])
    return loops
