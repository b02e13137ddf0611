"""Awards: each award type is for whom the law says, and each award an honoree holds fits its type (who
it is for, grade, decision, the years it could be given), its campaign and, for a manager, their unit."""

from __future__ import annotations

from collections import defaultdict

from guongsang.checks import campaigns
from guongsang.checks.context import Checking
from guongsang.lang import numbers
from guongsang.lang.text import short_date
from guongsang.records.dataset import Entry
from guongsang.records.models import Award, AwardGroup, AwardSubject, AwardType, Honoree, SubjectType


def check_award_types(run: Checking) -> None:
    for entry in run.data.award_types.values():
        award_type = entry.record
        if award_type.group is AwardGroup.STUDENT_HONOUR and award_type.subject is not AwardSubject.INDIVIDUAL:
            run.error(entry, ("doi_tuong",), "khen thưởng học sinh chỉ dành cho cá nhân: đặt 'doi_tuong: ca_nhan'")
        if award_type.group is AwardGroup.TITLE and award_type.subject is AwardSubject.BOTH:
            run.error(entry, ("doi_tuong",), "danh hiệu thi đua dành cho cá nhân hoặc cho tập thể, không cho cả hai: chọn 'ca_nhan' hoặc 'tap_the'")


def subject_problem(award_type: AwardType, collective: bool) -> str | None:
    """Why the award type cannot be given to a collective (or to an individual), or None when it can."""
    if award_type.subject.admits(collective):
        return None
    kind = "tập thể" if collective else "cá nhân"
    return f"'{award_type.name}' dành cho {award_type.subject.label.lower()}, không trao cho {kind}"


def check_award(run: Checking, entry: Entry[Honoree], index: int, exemplary_units: dict[str, set[int]]) -> None:
    """The honoree's award at ``index``; ``exemplary_units`` as ``exemplary_unit_years`` gives them."""
    honoree = entry.record
    award = honoree.awards[index]
    at = ("khen_thuong", index)
    if (award.year is None) == (award.school_year is None):
        run.error(entry, at, "mỗi khen thưởng ghi đúng một trong hai: 'nam' (ví dụ 2024) hoặc 'nam_hoc' (ví dụ 2023-2024)")
    if not run.data.vocabulary_loaded:
        return  # data/danh-hieu.yaml itself is reported
    if not run.exists(entry, (*at, "loai"), award.type, run.data.award_types, "danh hiệu", "data/danh-hieu.yaml"):
        return
    award_type = run.data.award_types[award.type].record
    problem = subject_problem(award_type, honoree.is_collective)
    if problem:
        run.error(entry, (*at, "loai"), problem)
    if award_type.group is AwardGroup.STUDENT_HONOUR and honoree.subject is not SubjectType.STUDENT:
        run.error(entry, (*at, "loai"), f"'{award_type.name}' là khen thưởng học sinh, chỉ trao cho học sinh")
    if award_type.group is AwardGroup.TITLE and honoree.subject is SubjectType.STUDENT:
        run.error(entry, (*at, "loai"), f"'{award_type.name}' là danh hiệu thi đua theo Luật Thi đua, khen thưởng, không xét cho học sinh; dùng khen thưởng học sinh")
    if award_type.grades and award.grade not in award_type.grades:
        grades = ", ".join(g.value for g in award_type.grades)
        run.error(entry, (*at, "hang") if award.grade else at, f"'{award_type.name}' cần ghi 'hang' là một trong: {grades}")
    elif not award_type.grades and award.grade:
        run.error(entry, (*at, "hang"), f"'{award_type.name}' không chia hạng; xóa dòng 'hang'")
    if honoree.published and award_type.needs_decision and award.decision is None and not award.annulled:
        run.error(entry, at, f"hồ sơ công khai: khen thưởng '{award_type.name}' cần 'quyet_dinh' (so, ngay, co_quan), ví dụ so: 1234/QĐ-UBND")
    if award_type.valid_until and award.day > award_type.valid_until:
        run.error(entry, (*at, "quyet_dinh", "ngay") if award.decision else at, (
            f"'{award_type.name}' chỉ được trao đến ngày {short_date(award_type.valid_until)} ('den_ngay' trong {run.data.award_types[award.type].path});"
            f" khen thưởng ngày {short_date(award.day)} cần loại khen thưởng khác, ví dụ của cơ quan cấp tỉnh hoặc cấp xã hiện nay"
        ))
    if award_type.valid_from and award.day < award_type.valid_from:
        run.error(entry, (*at, "quyet_dinh", "ngay") if award.decision else at, (
            f"'{award_type.name}' chỉ được trao từ ngày {short_date(award_type.valid_from)}; khen thưởng ngày {short_date(award.day)} cần loại khen thưởng khác"
        ))
    first, last = award.period
    if award.decision:
        if not numbers.is_reference_number(award.decision.number):
            run.error(entry, (*at, "quyet_dinh", "so"), f"số quyết định '{award.decision.number}' không đúng dạng số/ký hiệu, ví dụ '1234/QĐ-UBND'")
        if award.decision.date.year < first:
            run.warning(entry, (*at, "quyet_dinh", "ngay"), f"quyết định ngày {short_date(award.decision.date)} có trước năm thành tích ({first}); kiểm tra lại")
    if award.campaign and run.exists(entry, (*at, "phong_trao"), award.campaign, run.data.campaigns, "phong trào", "data/phong-trao/"):
        campaign = run.data.campaigns[award.campaign].record
        start, end = award.span
        if campaign.start.earliest <= campaign.end.latest and (end < campaign.start.earliest or start > campaign.end.latest):
            run.error(entry, (*at, "phong_trao"), f"khen thưởng {achievement(award)} nằm ngoài thời gian của phong trào '{campaign.name}' ({campaigns.span(campaign)})")
        problem = campaigns.subject_problem(award.campaign, campaign, honoree.subject)
        if problem:
            run.error(entry, (*at, "phong_trao"), problem)
    if honoree.subject is SubjectType.MANAGER and not honoree.unit_exception and not award.annulled:
        years = exemplary_units.get(honoree.unit, set())
        if not any(year in years for year in range(first, last + 1)):
            run.error(
                entry, (*at, "nam_hoc" if award.school_year else "nam"),
                f"cán bộ quản lý chỉ là gương điển hình khi tập thể do mình đứng đầu (đơn vị '{honoree.unit}') cũng là"
                f" tập thể điển hình cùng năm {_period(award.period)}; thêm hồ sơ tập thể của chính đơn vị đó (không ghi"
                " 'ten_tap_the') có khen thưởng năm ấy, hoặc ghi lý do ở 'ngoai_le_don_vi'",
            )


def exemplary_unit_years(run: Checking) -> dict[str, set[int]]:
    """Per unit, the years in which the unit itself (a collective record with no team name) holds an award.

    A team inside the school (Tổ Toán - Tin) is not the collective its principal leads.
    """
    years: dict[str, set[int]] = defaultdict(set)
    for entry in run.data.honorees.values():
        honoree = entry.record
        if honoree.is_collective and not honoree.collective_name:
            for award in honoree.awards:
                if not award.annulled:
                    first, last = award.period
                    years[honoree.unit].update(range(first, last + 1))
    return years


def achievement(award: Award) -> str:
    return f"năm học {award.school_year}" if award.school_year else f"năm {award.period[0]}"


def _period(period: tuple[int, int]) -> str:
    first, last = period
    return str(first) if first == last else f"{first}-{last}"
