"""Campaigns and criteria as their pages show them: periods, phases, reviews, documents, and who took part."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from guongsang import urls
from guongsang.documents import Document
from guongsang.models import AwardType, Campaign, CriteriaItem, CriteriaScope, CriteriaSet, SubjectType
from guongsang.profiles import Profile
from guongsang.text import short_date


@dataclass(frozen=True)
class Milestone:
    """A dated step on a campaign's timeline: a phase, a review, its start or end."""

    start: date | None
    end: date
    title: str
    note: str

    @property
    def when(self) -> str:
        return f"{short_date(self.start)} – {short_date(self.end)}" if self.start and self.start != self.end else short_date(self.end)


@dataclass(frozen=True)
class CampaignView:
    campaign: Campaign
    timeline: list[Milestone]
    documents: list[Document]
    criteria_sets: list[CriteriaSet]
    profiles: list[Profile]
    """Published honorees who joined the campaign or were awarded in it, in name order."""
    award_counts: list[tuple[str, list[int]]]
    """Award type name -> count per year of ``years``, highest rank first."""
    years: list[int]

    @property
    def url(self) -> str:
        return urls.campaign_url(self.campaign.id)

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
    for campaign in sorted(campaigns.values(), key=lambda c: (c.start, c.id), reverse=True):
        taking_part = [
            p for p in profiles if campaign in p.campaigns or any(row.campaign == campaign.id for row in p.awards)
        ]
        counts: Counter[tuple[str, int]] = Counter(
            (row.type_id, row.end_year) for p in taking_part for row in p.awards if row.campaign == campaign.id
        )
        years = sorted({year for _, year in counts})
        types = sorted({t for t, _ in counts}, key=lambda t: (-award_types[t].rank, t))
        views.append(CampaignView(
            campaign=campaign,
            timeline=_timeline(campaign),
            documents=[documents[d] for d in campaign.documents if d in documents],
            criteria_sets=[criteria_sets[c] for c in campaign.criteria_sets if c in criteria_sets],
            profiles=taking_part,
            award_counts=[(award_types[t].name, [counts[(t, y)] for y in years]) for t in types],
            years=years,
        ))
    return views


def _timeline(campaign: Campaign) -> list[Milestone]:
    steps = [Milestone(campaign.start, campaign.start, "Phát động", "")]
    for phase in campaign.phases:
        steps.append(Milestone(phase.start or campaign.start, phase.end, phase.name, phase.celebrates or ""))
    for review in campaign.reviews:
        steps.append(Milestone(None, review.date, review.kind.label, review.note or ""))
    steps.append(Milestone(None, campaign.end, "Kết thúc", ""))
    return sorted(steps, key=lambda m: (m.end, m.start or m.end))


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
