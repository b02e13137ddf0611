"""Conferences: the organiser existed on the day, the plan and the people named resolve, then the plan's
numbers (``quy_dinh``), each rule only when the plan sets it."""

from __future__ import annotations

import math
from fractions import Fraction

from guongsang.checks.context import Checking
from guongsang.checks.units import existed
from guongsang.lang.text import short_date
from guongsang.records.dataset import Entry
from guongsang.records.models import Conference, ConferenceFormat


def check_conferences(run: Checking) -> None:
    honorees = run.data.honorees
    for entry in run.data.conferences.values():
        conference = entry.record
        if run.exists(entry, ("don_vi",), conference.organizer, run.data.units, "đơn vị", "data/don-vi/") and conference.date:
            existed(run, entry, ("don_vi",), conference.organizer, conference.date, conference.date, f"hội nghị ngày {short_date(conference.date)}")
        if conference.plan:
            run.exists(entry, ("van_ban",), conference.plan, run.document_ids, "văn bản", "content/van-ban/")
        for i, member in enumerate(conference.presidium):
            if member.honoree:
                run.exists(entry, ("doan_chu_tich", i, "guong"), member.honoree, honorees, "hồ sơ", "data/guong/")
        for i, testimony in enumerate(conference.testimonies):
            run.exists(entry, ("tham_luan", i, "guong"), testimony.honoree, honorees, "hồ sơ", "data/guong/")
        seen: set[str] = set()
        for i, delegate in enumerate(conference.delegates_above):
            if delegate in seen:
                run.error(entry, ("dai_bieu_cap_tren", i), f"hồ sơ '{delegate}' có tên hai lần trong danh sách đại biểu cử đi; xóa dòng lặp")
            seen.add(delegate)
            run.exists(entry, ("dai_bieu_cap_tren", i), delegate, honorees, "hồ sơ", "data/guong/")
        _numbers(run, entry)


def _numbers(run: Checking, entry: Entry[Conference]) -> None:
    conference, rules = entry.record, entry.record.rules
    composition = conference.composition
    if composition:
        if rules.max_delegates is not None and composition.total > rules.max_delegates:
            run.error(entry, ("thanh_phan",), (
                f"hội nghị có {composition.exemplary} + {composition.guests} = {composition.total} đại biểu, vượt mức tối đa "
                f"{rules.max_delegates} của kế hoạch ('tong_dai_bieu_toi_da'); giảm số đại biểu"
            ))
        share = rules.min_exemplary_share
        if share is not None and composition.total and Fraction(composition.exemplary, composition.total) < share:
            run.error(entry, ("thanh_phan", "dien_hinh"), (
                f"đại biểu điển hình tiên tiến mới chiếm {_percent(Fraction(composition.exemplary, composition.total))} "
                f"({composition.exemplary}/{composition.total}); kế hoạch yêu cầu ít nhất {_percent(share)}: "
                f"cần ít nhất {math.ceil(share * composition.total)} đại biểu điển hình"
            ))
    presidium = conference.presidium
    if conference.format is ConferenceFormat.STAGED and not presidium:
        return  # a staged conference may have no presidium (seed 001)
    where = ("doan_chu_tich",) if presidium else ("ma",)
    if rules.presidium_min is not None and len(presidium) < rules.presidium_min:
        staged = "" if presidium else f" (hội nghị {ConferenceFormat.STAGED.label.lower()} thì ghi 'hinh_thuc: san_khau_hoa' và không cần đoàn chủ tịch)"
        run.error(entry, where, f"đoàn chủ tịch có {len(presidium)} người; kế hoạch yêu cầu ít nhất {rules.presidium_min}{staged}")
    if rules.presidium_max is not None and len(presidium) > rules.presidium_max:
        run.error(entry, where, f"đoàn chủ tịch có {len(presidium)} người; kế hoạch cho tối đa {rules.presidium_max}")
    share = rules.presidium_min_exemplary_share
    exemplary = sum(member.exemplary for member in presidium)
    if share is not None and presidium and Fraction(exemplary, len(presidium)) < share:
        run.error(entry, where, (
            f"đoàn chủ tịch có {exemplary}/{len(presidium)} người là anh hùng, chiến sĩ thi đua hoặc điển hình tiên tiến; "
            f"kế hoạch yêu cầu ít nhất {_share_words(share)} ({math.ceil(share * len(presidium))} người): ghi 'dien_hinh: true' cho người đủ điều kiện"
        ))
    if rules.delegates_above is not None and len(conference.delegates_above) != rules.delegates_above:
        run.error(entry, ("dai_bieu_cap_tren",) if conference.delegates_above else ("ma",), (
            f"kế hoạch yêu cầu cử {rules.delegates_above} đại biểu đi dự cấp trên; danh sách 'dai_bieu_cap_tren' có "
            f"{len(conference.delegates_above)}"
        ))


def _percent(share: Fraction) -> str:
    return f"{float(share) * 100:.4g}%".replace(".", ",")


def _share_words(share: Fraction) -> str:
    """'1/3' as 'một phần ba' is what plans write; other shares as percentages."""
    words = {Fraction(1, 2): "một nửa", Fraction(1, 3): "một phần ba", Fraction(1, 4): "một phần tư"}
    return words.get(share, _percent(share))
