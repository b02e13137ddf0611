"""Honorees: an id no list page uses, old ids that lead to one record, names as the record's kind writes
them, a unit that existed when each award was given, campaigns meant for them; then their criteria,
awards, consent and photo, each by its own subject."""

from __future__ import annotations

from guongsang import urls
from guongsang.checks import awards, campaigns, criteria
from guongsang.checks.consent import check_honoree_consent
from guongsang.checks.context import Checking
from guongsang.checks.images import check_image
from guongsang.checks.units import existed
from guongsang.records.dataset import Entry
from guongsang.records.models import Honoree


def check_honorees(run: Checking) -> None:
    exemplary_units = awards.exemplary_unit_years(run)
    criteria_owners = criteria.owners(run)
    old_owner: dict[str, Entry[Honoree]] = {}
    honorees = run.data.honorees
    for entry in honorees.values():
        honoree = entry.record
        if honoree.id in urls.RESERVED_HONOREE_IDS:
            run.error(entry, ("ma",), f"mã '{honoree.id}' trùng tên một trang danh sách (guong/{honoree.id}/); chọn mã khác, ví dụ thêm tên đơn vị")
        for i, old in enumerate(honoree.old_ids):
            if old in honorees:
                run.error(entry, ("ma_cu", i), f"mã cũ '{old}' đang là mã của hồ sơ {honorees[old].where}; một địa chỉ chỉ trỏ tới một hồ sơ")
            elif old in old_owner:
                run.error(entry, ("ma_cu", i), f"mã cũ '{old}' đã khai báo ở {old_owner[old].where}; một địa chỉ cũ chỉ chuyển tới một hồ sơ")
            else:
                old_owner[old] = entry
        _names(run, entry)
        check_honoree_consent(run, entry)
        if run.exists(entry, ("don_vi",), honoree.unit, run.data.units, "đơn vị", "data/don-vi/"):
            for i, award in enumerate(honoree.awards):
                if (award.year is None) == (award.school_year is None):
                    continue  # no achievement date: reported with the award
                start, end = award.span
                existed(run, entry, ("khen_thuong", i, "nam_hoc" if award.school_year else "nam"), honoree.unit, start, end, f"khen thưởng {awards.achievement(award)}")
        for i, campaign in enumerate(honoree.campaigns):
            if run.exists(entry, ("phong_trao", i), campaign, run.data.campaigns, "phong trào", "data/phong-trao/"):
                problem = campaigns.subject_problem(campaign, run.data.campaigns[campaign].record, honoree.subject)
                if problem:
                    run.error(entry, ("phong_trao", i), problem)
        for i, _ in enumerate(honoree.criteria_met):
            criteria.check_criterion_met(run, entry, i, criteria_owners)
        for i, _ in enumerate(honoree.awards):
            awards.check_award(run, entry, i, exemplary_units)
        if honoree.photo:
            check_image(run.docs_dir, honoree.photo.file, entry.path, entry.mark("anh", "tep"), run.report)


def _names(run: Checking, entry: Entry[Honoree]) -> None:
    honoree = entry.record
    if honoree.is_collective:
        for key, value in (("ho", honoree.family_name), ("ten_dem", honoree.middle_name), ("ten", honoree.given_name)):
            if value:
                run.error(entry, (key,), f"hồ sơ tập thể không có '{key}'; tên tập thể ghi ở 'ten_tap_the'")
    else:
        if honoree.collective_name:
            run.error(entry, ("ten_tap_the",), "hồ sơ cá nhân không có 'ten_tap_the'; ghi họ tên ở 'ho', 'ten_dem', 'ten'")
        for key, value, label in (("ho", honoree.family_name, "Họ"), ("ten", honoree.given_name, "Tên")):
            if not value:
                mark = entry.key_mark("ma")
                run.report.error(entry.path, mark.line, mark.col, f"hồ sơ cá nhân thiếu trường '{key}' ({label}); thêm dòng '{key}: …'")
