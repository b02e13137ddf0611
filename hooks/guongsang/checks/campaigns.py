"""Campaigns: phases and reviews within the campaign's time, its documents and criteria sets resolve; and
who a campaign is for (the one rule both an honoree's campaigns and an award's campaign follow)."""

from __future__ import annotations

from guongsang.checks.context import Checking
from guongsang.lang.text import short_date
from guongsang.records.models import Campaign, SubjectType


def check_campaigns(run: Checking) -> None:
    for entry in run.data.campaigns.values():
        campaign = entry.record
        # A date known only by its year or month is checked against every day it could be.
        first, last = campaign.start.earliest, campaign.end.latest
        if last < first:
            run.error(entry, ("den_ngay",), f"'den_ngay' ({campaign.end}) đứng trước 'tu_ngay' ({campaign.start})")
            continue
        for i, phase in enumerate(campaign.phases):
            if phase.start and phase.end < phase.start:
                run.error(entry, ("dot", i, "den_ngay"), f"đợt '{phase.name}' kết thúc trước khi bắt đầu")
            if (phase.start and phase.start < first) or phase.end < first or phase.end > last:
                shown = f"{short_date(phase.start)}–{short_date(phase.end)}" if phase.start else f"đến {short_date(phase.end)}"
                run.error(entry, ("dot", i), f"đợt '{phase.name}' ({shown}) nằm ngoài thời gian của phong trào ({span(campaign)})")
        for i, review in enumerate(campaign.reviews):
            if not first <= review.date <= last:
                run.warning(entry, ("so_ket_tong_ket", i, "ngay"), f"{review.kind.label.lower()} ngày {short_date(review.date)} nằm ngoài thời gian của phong trào ({span(campaign)})")
        for i, document in enumerate(campaign.documents):
            run.exists(entry, ("van_ban", i), document, run.document_ids, "văn bản", "content/van-ban/")
        for i, criteria_set in enumerate(campaign.criteria_sets):
            run.exists(entry, ("bo_tieu_chi", i), criteria_set, run.data.criteria_sets, "bộ tiêu chí", "data/tieu-chi/")


def subject_problem(campaign_id: str, campaign: Campaign, subject: SubjectType) -> str | None:
    """Why a record of ``subject`` cannot take part in the campaign, or None when it is for them."""
    if subject in campaign.subjects:
        return None
    allowed = ", ".join(s.label.lower() for s in campaign.subjects)
    return f"phong trào '{campaign_id}' dành cho {allowed}, không dành cho {subject.label.lower()}"


def span(campaign: Campaign) -> str:
    return f"{campaign.start}–{campaign.end}"
