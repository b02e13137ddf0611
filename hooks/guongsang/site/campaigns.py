"""Campaigns and criteria as their pages show them: periods, phases, reviews, documents, and who took part."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from guongsang import urls
from guongsang.lang.dates import PartialDate
from guongsang.lang.text import short_date
from guongsang.records.documents import Document, citation_text
from guongsang.records.models import AwardType, Campaign, CriteriaItem, CriteriaScope, CriteriaSet, SubjectType
from guongsang.site.profiles import Profile

LAUNCH = "Phát động"
"""The name of a campaign's first milestone, on its page and in the calendar."""


@dataclass(frozen=True)
class Milestone:
    """A step on a campaign's timeline: a phase, a review, its start or end; its day may be unknown."""

    when: str
    """As the page says it: '01/6/2024 – 31/12/2024', 'đến 31/5/2024', 'năm 2019, chưa rõ ngày'."""
    day: date | None
    """For the page's <time> element and the order; None when the text gives no day."""
    order: tuple[date, int]
    title: str
    note: str


def _dated(start: date | None, end: date, title: str, note: str) -> Milestone:
    when = f"đến {short_date(end)}" if start is None else short_date(end) if start == end else f"{short_date(start)} – {short_date(end)}"
    return Milestone(when, end, (end, 0), title, note)


def _bound(value: PartialDate, title: str, note: str, *, first: bool) -> Milestone:
    """The launch or the end: dated if the text gives the day, else said unknown and sorted first or last."""
    day = value.as_date()
    if day:
        return _dated(day, day, title, note)
    return Milestone(value.label, None, (value.earliest, -1) if first else (value.latest, 1), title, note)


@dataclass(frozen=True)
class CampaignView:
    campaign: Campaign
    timeline: list[Milestone]
    documents: list[Document]
    criteria_sets: list[CriteriaSet]
    profiles: list[Profile]
    """Published honorees who joined the campaign or were awarded in it, in name order."""
    award_counts: list[tuple[str, list[int], int]]
    """Award type name, count per year of ``years`` and in all, highest rank first."""
    years: list[int]

    @property
    def url(self) -> str:
        return urls.campaign_url(self.campaign.id)

    @property
    def period(self) -> str:
        """'17/09/2021 – 31/12/2025'; a day the text does not give is said unknown: '2024 – 31/12/2024 (chưa rõ ngày phát động)'."""
        start, end = self.campaign.start, self.campaign.end
        unknown = [name for name, value in (("ngày phát động", start), ("ngày kết thúc", end)) if not value.is_complete]
        return f"{start} – {end}" + (f" (chưa rõ {' và '.join(unknown)})" if unknown else "")

    @property
    def honorees_url(self) -> str:
        return urls.facet_url("phong-trao", self.campaign.id)


@dataclass(frozen=True)
class CriteriaEntry:
    criteria_set: CriteriaSet
    item: CriteriaItem
    profiles: list[Profile]

    @property
    def anchor(self) -> str:
        """Stable: made of the two ids, which never change."""
        return f"{self.criteria_set.id}--{self.item.id}"


@dataclass(frozen=True)
class CriteriaPage:
    """Every criterion that applies to one subject type: the general sets, then the specific ones."""

    subject: SubjectType
    sets: list[tuple[CriteriaSet, Document | None, list[CriteriaEntry]]]

    @property
    def url(self) -> str:
        return urls.criteria_url(self.subject.value)


def build_campaigns(
    campaigns: dict[str, Campaign],
    documents: dict[str, Document],
    criteria_sets: dict[str, CriteriaSet],
    award_types: dict[str, AwardType],
    profiles: list[Profile],
) -> list[CampaignView]:
    """One view per campaign, newest first."""
    views = []
    for campaign in sorted(campaigns.values(), key=lambda c: (c.start.sort_key, c.id), reverse=True):
        taking_part = [
            p for p in profiles if campaign in p.campaigns or any(row.campaign == campaign.id for row in p.awards)
        ]
        counts: Counter[tuple[str, int]] = Counter(
            (row.type_id, row.end_year) for p in taking_part for row in p.awards if row.campaign == campaign.id
        )
        years = sorted({year for _, year in counts})
        types = sorted({t for t, _ in counts}, key=lambda t: (-award_types[t].rank, t))
        per_year = {t: [counts[(t, y)] for y in years] for t in types}
        views.append(CampaignView(
            campaign=campaign,
            timeline=_timeline(campaign, [documents[d] for d in campaign.documents if d in documents]),
            documents=[documents[d] for d in campaign.documents if d in documents],
            criteria_sets=[criteria_sets[c] for c in campaign.criteria_sets if c in criteria_sets],
            profiles=taking_part,
            award_counts=[(award_types[t].name, per_year[t], sum(per_year[t])) for t in types],
            years=years,
        ))
    return views


def _timeline(campaign: Campaign, documents: list[Document]) -> list[Milestone]:
    launch_note = "" if campaign.start.is_complete else _undated_launch(documents)
    steps = [_bound(campaign.start, LAUNCH, launch_note, first=True)]
    steps += [_dated(phase.start, phase.end, phase.name, phase.celebrates or "") for phase in campaign.phases]
    steps += [_dated(review.date, review.date, review.kind.label, review.note or "") for review in campaign.reviews]
    steps.append(_bound(campaign.end, "Kết thúc", "", first=False))
    return sorted(steps, key=lambda m: m.order)


def _undated_launch(documents: list[Document]) -> str:
    """Why the launch has no day, and the latest dated text the launching plan cites, for the reader to place it."""
    cited = [ref for document in documents for ref in document.meta.legal_bases if ref.date]
    note = "văn bản phát động không ghi ngày ban hành"
    if cited:
        note += f"; văn bản đó thực hiện {citation_text(max(cited, key=lambda ref: ref.date))}"
    return note


def build_criteria_pages(
    criteria_sets: dict[str, CriteriaSet], documents: dict[str, Document], profiles: list[Profile]
) -> list[CriteriaPage]:
    """A page per subject type that has criteria; general sets apply to every subject type they name."""
    met: dict[tuple[str, str], list[Profile]] = {}
    for profile in profiles:
        for criterion in profile.criteria:
            met.setdefault((criterion.criteria_set.id, criterion.item.id), []).append(profile)
    pages = []
    for subject in SubjectType:
        applying = [c for c in criteria_sets.values() if subject in c.subjects]
        applying.sort(key=lambda c: (c.scope is not CriteriaScope.GENERAL, c.id))
        if not applying:
            continue
        sets = [
            (
                criteria_set,
                documents.get(criteria_set.source_document or ""),
                [CriteriaEntry(criteria_set, item, met.get((criteria_set.id, item.id), [])) for item in criteria_set.items],
            )
            for criteria_set in applying
        ]
        pages.append(CriteriaPage(subject, sets))
    return pages
