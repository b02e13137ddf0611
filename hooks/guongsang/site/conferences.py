"""Conferences of exemplary models as their pages show them: the programme, the people, the testimonies.

A person named in a conference file who is linked to an honoree record shows only if that record is
published: a withdrawn consent takes the name off the conference page too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from guongsang import urls
from guongsang.records.documents import Document
from guongsang.records.models import Conference, ConferenceLevel, PlanRule, PresidiumMember, Testimony, Unit
from guongsang.site.profiles import Profile
from guongsang.site.unithistory import NameAt, name_at


@dataclass(frozen=True)
class Seat:
    member: PresidiumMember
    profile: Profile | None
    shown: bool
    """False for a member linked to a record that is not published: only the position shows."""


@dataclass(frozen=True)
class TestimonyView:
    testimony: Testimony
    profile: Profile | None
    unit: str
    """The speaker's unit as named on the conference's day; empty when the speaker is the unit itself."""


@dataclass(frozen=True)
class RuleGroup:
    """The plan's quoted rules for one level or body, in the plan's order."""

    applies_to: str
    level: ConferenceLevel | None
    rules: list[PlanRule]


@dataclass(frozen=True)
class ConferenceView:
    conference: Conference
    organizer_name: NameAt
    """As named on the conference's day (undated: as named now), with 'nay là …' if renamed since."""
    plan: Document | None
    presidium: list[Seat]
    testimonies: list[TestimonyView]
    delegates: list[Profile]
    """Delegates sent to the level above whose records are published."""
    unlisted_delegates: int
    """The others: counted, not named."""

    @property
    def url(self) -> str:
        return urls.conference_url(self.conference.id)

    @property
    def rule_groups(self) -> list[RuleGroup]:
        """Consecutive quoted rules under the same heading form one group, as the plan sets them out."""
        groups: list[RuleGroup] = []
        for rule in self.conference.rules.quoted:
            if groups and groups[-1].applies_to == rule.applies_to:
                groups[-1].rules.append(rule)
            else:
                groups.append(RuleGroup(rule.applies_to, rule.level, [rule]))
        return groups

    @property
    def exemplary_share(self) -> str:
        composition = self.conference.composition
        if not composition or not composition.total:
            return ""
        return f"{composition.exemplary * 100 / composition.total:.0f}%"


def build_conferences(
    conferences: dict[str, Conference], units: dict[str, Unit], documents: dict[str, Document], profiles: dict[str, Profile]
) -> list[ConferenceView]:
    """Newest first (by date, else by period)."""
    views = []
    for conference in conferences.values():
        day = conference.date or date.max  # undated: the names in force now
        presidium = [
            Seat(member, profiles.get(member.honoree or ""), member.honoree is None or member.honoree in profiles)
            for member in conference.presidium
        ]
        delegates = [profiles[d] for d in conference.delegates_above if d in profiles]
        views.append(ConferenceView(
            conference=conference,
            organizer_name=name_at(units, conference.organizer, day),
            plan=documents.get(conference.plan or ""),
            presidium=presidium,
            testimonies=[_testimony(t, profiles.get(t.honoree), units, day) for t in conference.testimonies],
            delegates=delegates,
            unlisted_delegates=len(conference.delegates_above) - len(delegates),
        ))
    return sorted(views, key=lambda v: (v.conference.date.isoformat() if v.conference.date else v.conference.period, v.conference.id), reverse=True)


def _testimony(testimony: Testimony, profile: Profile | None, units: dict[str, Unit], day: date) -> TestimonyView:
    unit = name_at(units, profile.unit.id, day).label if profile and not profile.is_unit else ""
    return TestimonyView(testimony, profile, unit)
