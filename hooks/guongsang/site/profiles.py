"""Profiles: what a published honoree's page and cards show, and the indexes that group them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from guongsang import urls
from guongsang.lang import text
from guongsang.lang.text import short_date, sort_key
from guongsang.records import consent
from guongsang.records.images import PHOTO_WIDTHS, variant_url
from guongsang.records.models import (
    Award,
    AwardType,
    Campaign,
    ConsentScope,
    CriteriaItem,
    CriteriaSet,
    Honoree,
    Photo,
    SubjectType,
    Unit,
)
from guongsang.records.stories import Story
from guongsang.site.unithistory import NameAt, name_at


@dataclass(frozen=True)
class AwardRow:
    """One line of a profile's award table."""

    year: str
    """'2024' or 'Năm học 2023-2024'."""
    title: str
    """The award type's name, with its grade: 'Huân chương Lao động hạng Ba'."""
    type_id: str
    rank: int
    decision_number: str
    decision_date: str
    issuer: str
    end_year: int
    campaign: str | None
    day: date = date.min
    """The day the award is dated by (its decision's, else the start of the achievement)."""
    unit_then: str = ""
    """The unit as named on the award's day ('… (nay là …)'), when it differs from its name today."""


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class CriterionMet:
    criteria_set: CriteriaSet
    item: CriteriaItem


@dataclass
class Profile:
    """A published honoree with everything its page shows, linked once."""

    honoree: Honoree
    unit: Unit
    unit_name: NameAt
    """The unit as named today: its name, or its last name and its successor's ('nay là …')."""
    awards: list[AwardRow]
    campaigns: list[Campaign]
    criteria: list[CriterionMet]
    photo: Photo | None
    """The photo, only when its publication is consented."""
    stories: list[Story] = field(default_factory=list)

    @property
    def photo_sizes(self) -> list[tuple[str, int]]:
        """(url, width) of each published size of the photo, smallest first."""
        return [(variant_url(self.photo.file, w), w) for w in PHOTO_WIDTHS] if self.photo else []

    @property
    def id(self) -> str:
        return self.honoree.id

    @property
    def url(self) -> str:
        return urls.honoree_url(self.honoree.id)

    @property
    def card_url(self) -> str:
        return urls.share_card_url(self.honoree.id)

    @property
    def unit_url(self) -> str:
        return urls.facet_url("don-vi", self.unit.id)

    @property
    def campaign_links(self) -> list[Link]:
        return [Link(c.name, urls.facet_url("phong-trao", c.id)) for c in self.campaigns]

    @property
    def name(self) -> str:
        if self.honoree.is_collective:
            return self.honoree.collective_name or self.unit.name
        return self.honoree.person_name

    @property
    def is_unit(self) -> bool:
        """The unit itself (a collective with no team name): its name is the unit's."""
        return self.honoree.is_collective and not self.honoree.collective_name

    @property
    def affiliation(self) -> str:
        """The unit to print after the name; empty for the unit itself, so no name is printed twice."""
        return "" if self.is_unit else self.unit_name.label

    @property
    def search_names(self) -> str:
        """The name and every name the unit bore, each once: a reader may know the school by its old name."""
        return " ".join(dict.fromkeys([self.name, self.unit.name, *(f.name for f in self.unit.former_names)]))

    @property
    def role(self) -> str:
        """'Giáo viên · Giáo viên Toán', or 'Tập thể'."""
        label = self.honoree.subject.label
        position = self.honoree.position
        return f"{label} · {position}" if position and position != label else label

    @property
    def initials(self) -> str:
        """Up to two letters for the picture placeholder, in the order the name is written.

        'TB' for Trần Thị Bình, 'HN' for H'Hen Niê; a collective takes its last two words.
        """
        words = [w for w in self.name.replace("(", " ").split() if w[0].isalpha()]
        chosen = words[-2:] if self.honoree.is_collective else [words[0], words[-1]] if len(words) > 1 else words
        return "".join(w[0] for w in chosen).upper()

    @property
    def highest_award(self) -> AwardRow | None:
        return highest(self.awards)

    @property
    def letter(self) -> str | None:
        """The A–Z index letter of a person's given name; None for collectives."""
        return None if self.honoree.is_collective else text.initial_letter(self.honoree.given_name or "")

    @property
    def summary(self) -> str:
        return self.honoree.summary or ""

    @property
    def description(self) -> str:
        """One line for share previews and search results."""
        highest = self.highest_award
        parts = [self.role, self.affiliation] + ([f"{highest.title} ({highest.year})"] if highest else [])
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Facet:
    """One way of grouping profiles: by unit, year, campaign, award type, role or initial."""

    key: str
    """Path segment under guong/ ('don-vi')."""
    title: str
    """'Theo đơn vị'."""
    groups: list[ProfileGroup]
    unfolded: bool = False
    """Shown open on every page (short lists), not only on its own groups' pages."""
    letters: bool = False
    """Its groups are initials: laid out as a row of letters, without counts."""


    def menu(self) -> FacetMenu:
        """What the browse menu shows of this facet: its groups' names, addresses and sizes."""
        entries = [MenuEntry(group.label, group.url, len(group.profiles)) for group in self.groups]
        return FacetMenu(self.key, self.title, entries, self.unfolded, self.letters)


@dataclass(frozen=True)
class ProfileGroup:
    facet: str
    key: str
    label: str
    profiles: list[Profile]

    @property
    def url(self) -> str:
        return urls.facet_url(self.facet, self.key)

    def heading(self) -> GroupHeading:
        return GroupHeading(self.facet, self.label, self.url, len(self.profiles))


@dataclass(frozen=True)
class GroupHeading:
    """What a page of a group's list says of the group: one edited profile leaves it as it is."""

    facet: str
    label: str
    url: str
    count: int


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url: str
    count: int


@dataclass(frozen=True)
class FacetMenu:
    """A facet in the browse menu of every index page: the menu changes only when a group appears, goes or
    changes size, not each time a profile in it does (a page's inputs are what it prints)."""

    key: str
    title: str
    entries: list[MenuEntry]
    unfolded: bool
    letters: bool


def award_rows(honoree: Honoree, award_types: dict[str, AwardType], units: dict[str, Unit]) -> list[AwardRow]:
    """The awards of a record that stand (annulled ones disappear), as table rows."""
    return [award_row(a, award_types[a.type], units, honoree.unit) for a in honoree.awards if not a.annulled and a.type in award_types]


def highest(rows: list[AwardRow]) -> AwardRow | None:
    """The highest award by rank, the latest among equals."""
    return max(rows, key=lambda a: (a.rank, a.end_year), default=None)


def award_row(award: Award, award_type: AwardType, units: dict[str, Unit], unit_id: str) -> AwardRow:
    decision = award.decision
    name = award_type.name_for(decision.issuer if decision else "")
    title = f"{name} {award.grade.label}" if award.grade else name
    unit = name_at(units, unit_id, award.day)
    return AwardRow(
        year=f"Năm học {award.school_year}" if award.school_year else str(award.period[0]),
        title=title,
        type_id=award_type.id,
        rank=award_type.rank,
        decision_number=decision.number if decision else "",
        decision_date=short_date(decision.date) if decision else "",
        issuer=decision.issuer if decision else "",
        end_year=award.period[1],
        campaign=award.campaign,
        day=award.day,
        unit_then=unit.label if unit.then != units[unit_id].name else "",
    )


def build_profiles(
    honorees: list[Honoree],
    units: dict[str, Unit],
    campaigns: dict[str, Campaign],
    criteria_sets: dict[str, CriteriaSet],
    award_types: dict[str, AwardType],
    today: date,
) -> list[Profile]:
    """Profiles of the public honorees (published, consent in force), in the order given; annulled awards left out."""
    profiles = []
    for honoree in honorees:
        if not consent.is_public(honoree, today):
            continue
        awards = award_rows(honoree, award_types, units)
        awards.sort(key=lambda row: (row.end_year, row.rank), reverse=True)
        campaign_ids = list(dict.fromkeys([*honoree.campaigns, *(a.campaign for a in honoree.awards if a.campaign and not a.annulled)]))
        criteria = []
        for reference in honoree.criteria_met:
            set_id, _, item_id = reference.partition("/")
            criteria_set = criteria_sets[set_id]
            criteria.append(CriterionMet(criteria_set, next(i for i in criteria_set.items if i.id == item_id)))
        photo = honoree.photo if honoree.photo and consent.allows(honoree, ConsentScope.PHOTO, today) else None
        unit_name = name_at(units, honoree.unit, today)
        profiles.append(Profile(honoree, units[honoree.unit], unit_name, awards, [campaigns[c] for c in campaign_ids], criteria, photo))
    return profiles


def build_facets(profiles: list[Profile], award_types: dict[str, AwardType]) -> list[Facet]:
    """The honoree indexes, each group's profiles in name order."""
    by: dict[str, dict[str, list[Profile]]] = {facet: defaultdict(list) for facet in urls.FACETS}
    labels: dict[tuple[str, str], str] = {}
    for profile in profiles:
        _add(by, labels, "don-vi", profile.unit.id, profile.unit_name.label, profile)
        for year in sorted({row.end_year for row in profile.awards}, reverse=True):
            _add(by, labels, "nam", str(year), f"Năm {year}", profile)
        for campaign in profile.campaigns:
            _add(by, labels, "phong-trao", campaign.id, campaign.name, profile)
        for type_id in dict.fromkeys(row.type_id for row in profile.awards):
            _add(by, labels, "danh-hieu", type_id, award_types[type_id].name, profile)
        subject = profile.honoree.subject
        _add(by, labels, "doi-tuong", text.slugify(subject.value), subject.label, profile)
        if profile.letter:
            _add(by, labels, "a-z", urls.letter_slug(profile.letter), profile.letter, profile)

    def groups(facet: str, order) -> list[ProfileGroup]:
        keys = sorted(by[facet], key=order)
        return [ProfileGroup(facet, key, labels[(facet, key)], by[facet][key]) for key in keys]

    subjects = [text.slugify(s.value) for s in SubjectType]
    letters = [urls.letter_slug(letter) for letter in text.VIETNAMESE_ALPHABET]
    return [
        Facet("doi-tuong", "Theo đối tượng", groups("doi-tuong", subjects.index), unfolded=True),
        Facet("a-z", "Theo tên (A–Z)", groups("a-z", lambda k: letters.index(k) if k in letters else len(letters)), unfolded=True, letters=True),
        Facet("don-vi", "Theo đơn vị", groups("don-vi", lambda k: sort_key(labels[("don-vi", k)]))),
        Facet("nam", "Theo năm", groups("nam", lambda k: -int(k))),
        Facet("danh-hieu", "Theo danh hiệu, hình thức khen thưởng", groups("danh-hieu", lambda k: (-award_types[k].rank, sort_key(award_types[k].name)))),
        Facet("phong-trao", "Theo phong trào thi đua", groups("phong-trao", lambda k: sort_key(labels[("phong-trao", k)]))),
    ]


def _add(by, labels, facet: str, key: str, label: str, profile: Profile) -> None:
    by[facet][key].append(profile)
    labels[(facet, key)] = label
