"""Linking: loaded records become one site model, with references resolved and indexes built."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from guongsang import urls
from guongsang.checks.withdrawal import WithdrawnPerson
from guongsang.diagnostics import Report
from guongsang.lang import numbers, text
from guongsang.lang.text import person_sort_key, sort_key
from guongsang.records import consent
from guongsang.records.dataset import DataSet
from guongsang.records.documents import Document, citation_text
from guongsang.records.images import PHOTO_WIDTHS, STORY_WIDTHS
from guongsang.records.models import AwardType, Campaign, CriteriaSet, Honoree, LegalReference, Organization, Unit
from guongsang.records.redirects import Redirect
from guongsang.records.stories import Story, Tag
from guongsang.site.campaigns import CampaignView, CriteriaPage, build_campaigns, build_criteria_pages
from guongsang.site.conferences import ConferenceView, build_conferences
from guongsang.site.events import Event, collect_events
from guongsang.site.profiles import Facet, Profile, build_facets, build_profiles
from guongsang.site.redirects import collect_redirects
from guongsang.site.statistics import Tally, scope_note, tallies
from guongsang.site.unithistory import NameAt, name_at


@dataclass(frozen=True)
class Citation:
    """A legal basis of a document, with the document on the site it names, if any."""

    reference: LegalReference
    text: str
    target: Document | None


@dataclass(frozen=True)
class DocumentGroup:
    """Documents sharing a year or an issuer, for the filter pages of the document index."""

    label: str
    url: str
    documents: list[Document]


@dataclass
class SiteModel:
    """Everything the pages show, linked once per build."""

    documents: list[Document]
    """Newest first."""
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    """Per document ``src_uri``: its legal bases, resolved."""
    cited_by: dict[str, list[Document]] = field(default_factory=dict)
    """Per document ``src_uri``: the documents on the site that cite it."""
    issued_by: dict[str, NameAt] = field(default_factory=dict)
    """Per document ``src_uri`` naming its issuing unit: the unit as named on the document's date ('nay là …')."""
    years: list[DocumentGroup] = field(default_factory=list)
    issuers: list[DocumentGroup] = field(default_factory=list)
    organization: Organization | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    criteria_sets: dict[str, CriteriaSet] = field(default_factory=dict)
    award_types: dict[str, AwardType] = field(default_factory=dict)
    honorees: list[Honoree] = field(default_factory=list)
    """Every honoree record, published or not, in Vietnamese name order."""
    profiles: list[Profile] = field(default_factory=list)
    """The published honorees, in Vietnamese name order."""
    facets: list[Facet] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    """Newest first."""
    tags: list[tuple[Tag, list[Story]]] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    """Old URL -> new URL (or an outside 'https://' address): old honoree ids and data/chuyen-huong.yaml."""
    redirect_rules: list[Redirect] = field(default_factory=list)
    """The same, each with the line that asks for it."""
    withdrawn: dict[str, date] = field(default_factory=dict)
    """URL -> day consent was withdrawn: pages that must come down (profiles and stories about them)."""
    withdrawn_stories: set[str] = field(default_factory=set)
    """src_uri of the stories not published because a person in them withdrew consent."""
    images: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Image file (under content/) -> widths to publish."""
    private_images: set[str] = field(default_factory=set)
    """Images records refer to that must not be published (no consent, record not public)."""

    campaign_views: list[CampaignView] = field(default_factory=list)
    """Newest first."""
    criteria_pages: list[CriteriaPage] = field(default_factory=list)
    conferences: list[ConferenceView] = field(default_factory=list)
    """Newest first."""
    events: list[Event] = field(default_factory=list)
    """Every dated event, in date order (the calendar)."""
    tallies: list[Tally] = field(default_factory=list)
    """Award counts of the published profiles by year, type, unit and role (the statistics page)."""
    statistics_scope: str = ""
    """Whose awards the statistics count, in a sentence under the page title."""
    sources: dict[str, str] = field(default_factory=dict)
    """Page URL -> the data file it is made from, for pages made from one record ("Sửa trang này")."""

    profiles_by_id: dict[str, Profile] = field(default_factory=dict)
    documents_by_src_uri: dict[str, Document] = field(default_factory=dict)
    stories_by_src_uri: dict[str, Story] = field(default_factory=dict)
    """Published stories by Markdown path (every page looks its record up: a dict, not a scan)."""

    def profile(self, honoree_id: str) -> Profile | None:
        return self.profiles_by_id.get(honoree_id)

    def story(self, src_uri: str) -> Story | None:
        return self.stories_by_src_uri.get(src_uri)

    def document(self, src_uri: str) -> Document | None:
        return self.documents_by_src_uri.get(src_uri)

    def permanent_urls(self) -> set[str]:
        """The addresses people share and keep: profiles, stories, documents, campaigns, conferences."""
        return (
            {p.url for p in self.profiles} | {s.url for s in self.stories} | {d.url for d in self.documents}
            | {c.url for c in self.campaign_views} | {c.url for c in self.conferences}
        )

    def withdrawn_people(self) -> list[WithdrawnPerson]:
        """The people (not collectives) whose withdrawn consent took their profile down."""
        people = []
        for honoree in self.honorees:
            day = self.withdrawn.get(urls.honoree_url(honoree.id))
            if day is not None and not honoree.is_collective:
                people.append(WithdrawnPerson(honoree.id, honoree.person_name, day))
        return people


def link_site(documents: list[Document], data: DataSet, stories: list[Story], report: Report, today: date) -> SiteModel:
    """Resolve every reference between records and build the indexes, consent as of ``today``."""
    ordered = sorted(documents, key=lambda d: (d.meta.date.sort_key, d.meta.number), reverse=True)
    site = SiteModel(
        documents=ordered,
        organization=data.organization.record if data.organization else None,
        units={k: e.record for k, e in data.units.items()},
        campaigns={k: e.record for k, e in data.campaigns.items()},
        criteria_sets={k: e.record for k, e in data.criteria_sets.items()},
        award_types={k: e.record for k, e in data.award_types.items()},
        honorees=sorted((e.record for e in data.honorees.values()), key=honoree_sort_key),
        stories=stories,
        documents_by_src_uri={d.src_uri: d for d in ordered},
    )
    if report.ok:  # profiles follow references that only hold when the records are valid
        _withdraw(site, today)
        site.profiles = build_profiles(site.honorees, site.units, site.campaigns, site.criteria_sets, site.award_types, today)
        site.profiles_by_id = {p.id: p for p in site.profiles}
        site.stories_by_src_uri = {s.src_uri: s for s in site.stories}
        site.facets = build_facets(site.profiles, site.award_types)
        _link_stories(site, report)
        site.redirect_rules = collect_redirects(site.profiles, data)
        site.redirects = {r.old: r.new for r in reversed(site.redirect_rules)}  # the first claim wins
        _choose_images(site)
        by_id = {d.id: d for d in ordered}
        site.campaign_views = build_campaigns(site.campaigns, by_id, site.criteria_sets, site.award_types, site.profiles)
        site.criteria_pages = build_criteria_pages(site.criteria_sets, by_id, site.profiles)
        conferences = {k: e.record for k, e in data.conferences.items()}
        # A date known only by its year or month: the first day it can be (a name is never guessed from a later day).
        site.issued_by = {
            d.src_uri: name_at(site.units, d.meta.issuing_unit, d.meta.date.earliest) for d in ordered if d.meta.issuing_unit
        }
        site.conferences = build_conferences(conferences, site.units, by_id, site.profiles_by_id)
        site.events = collect_events(site.campaign_views, site.conferences, site.documents)
        site.sources = _sources(site, data)
        province = site.organization.province if site.organization else None
        site.tallies = tallies(site.profiles, site.award_types, site.units, province)
        site.statistics_scope = scope_note(site.profiles, site.units, province)
    _link_citations(site, report)
    by_year: dict[int, list[Document]] = defaultdict(list)
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    spellings: dict[tuple[str, ...], str] = {}  # 'UỶ BAN' and 'ỦY BAN' (old and new tone placement) are one body
    for document in ordered:
        by_year[document.meta.date.year].append(document)
        by_issuer[spellings.setdefault(text.placement_key(document.issuer), document.issuer)].append(document)
    site.years = [
        DocumentGroup(str(year), urls.documents_by_year_url(year), docs)
        for year, docs in sorted(by_year.items(), reverse=True)
    ]
    site.issuers = [
        DocumentGroup(issuer, urls.documents_by_issuer_url(issuer), by_issuer[issuer])
        for issuer in _issuers_with_addresses(by_issuer, report)
    ]
    return site


def _sources(site: SiteModel, data: DataSet) -> dict[str, str]:
    sources = {p.url: data.honorees[p.id].path for p in site.profiles}
    sources.update({v.url: data.campaigns[v.campaign.id].path for v in site.campaign_views})
    sources.update({v.url: data.conferences[v.conference.id].path for v in site.conferences})
    return sources


def _link_citations(site: SiteModel, report: Report) -> None:
    by_key: dict[str, list[Document]] = defaultdict(list)
    for document in site.documents:
        if document.number_key:
            by_key[document.number_key].append(document)
    for document in site.documents:
        citations = []
        for reference in document.meta.legal_bases:
            target = _resolve(reference, by_key.get(numbers.key(reference.number or ""), []))
            if target is document:
                report.error(document.source.path, document.source.line, 1, "văn bản tự căn cứ vào chính nó; kiểm tra 'can_cu'")
                target = None
            citations.append(Citation(reference, citation_text(reference), target))
            if target:
                site.cited_by.setdefault(target.src_uri, []).append(document)
        site.citations[document.src_uri] = citations


def _resolve(reference: LegalReference, candidates: list[Document]) -> Document | None:
    """The one document a reference names: same number, then same date or year, then same issuer."""
    if reference.date:
        exact = [d for d in candidates if d.meta.date.as_date() == reference.date]
        candidates = exact or [d for d in candidates if d.meta.date.year == reference.date.year]
    if len(candidates) > 1 and reference.issuer:
        issuer = text.fold(reference.issuer)
        candidates = [d for d in candidates if issuer in text.fold(d.issuer) or text.fold(d.meta.issuing_body) in issuer]
    return candidates[0] if len(candidates) == 1 else None


def honoree_sort_key(honoree: Honoree) -> tuple[bytes, ...]:
    """People by given name, then middle, then family name; collectives by their name."""
    if honoree.is_collective:
        return (sort_key(honoree.collective_name or honoree.unit),)
    return person_sort_key(honoree.given_name or "", honoree.middle_name or "", honoree.family_name or "", honoree.sort_key)


def _issuers_with_addresses(by_issuer: dict[str, list[Document]], report: Report) -> list[str]:
    """The issuers, in Vietnamese order, whose list page has an address of its own: one with letters,
    shared with no other issuer (names differing only in a hyphen or an accent would share one)."""
    kept: dict[str, str] = {}
    for issuer in sorted(by_issuer, key=sort_key):
        document = by_issuer[issuer][0]
        meta = document.meta
        names = (("co_quan_ban_hanh", meta.issuing_body), ("co_quan_chu_quan", meta.parent_body))
        blank = next((key for key, name in names if name is not None and not text.slugify(name)), None)
        slug = text.slugify(issuer)
        mark = document.located.mark((blank or "co_quan_ban_hanh",))
        if blank:
            report.error(document.source.path, mark.line, mark.col, "tên cơ quan ban hành và cơ quan chủ quản phải có chữ cái (ví dụ 'SỞ GIÁO DỤC VÀ ĐÀO TẠO')")
        elif slug in kept:
            twin = kept[slug]
            report.error(
                document.source.path, mark.line, mark.col,
                f"cơ quan '{issuer}' có cùng địa chỉ danh sách với '{twin}' ({by_issuer[twin][0].source.path}); hai tên chỉ"
                " khác dấu câu hay dấu thanh: viết tên cơ quan thống nhất ở mọi văn bản",
            )
        else:
            kept[slug] = issuer
    return list(kept.values())


def _link_stories(site: SiteModel, report: Report) -> None:
    """Each story names its honorees; each profile lists its stories; stories group by tag."""
    by_tag: dict[str, list[Story]] = defaultdict(list)
    labels: dict[str, Tag] = {}
    first_story: dict[str, str] = {}
    for story in site.stories:
        for i, honoree_id in enumerate(story.meta.honorees):
            profile = site.profile(honoree_id)
            if profile:
                profile.stories.append(story)
            elif any(h.id == honoree_id for h in site.honorees):
                mark = story.located.mark(("guong", i))
                report.warning(story.path, mark.line, mark.col, f"hồ sơ '{honoree_id}' chưa công khai nên câu chuyện không liên kết tới hồ sơ đó")
        for i, tag in enumerate(story.tags):
            first = labels.setdefault(tag.slug, tag)
            if first.label != tag.label and tag.slug:
                mark = story.located.mark(("the", i))
                report.error(
                    story.path, mark.line, mark.col,
                    f"thẻ '{tag.label}' có cùng địa chỉ '{tag.url}' với thẻ '{first.label}' ({first_story[tag.slug]});"
                    f" viết thẻ thống nhất là '{first.label}'",
                )
                continue
            first_story.setdefault(tag.slug, story.path)
            by_tag[tag.slug].append(story)
    site.tags = [(labels[slug], by_tag[slug]) for slug in sorted(by_tag, key=lambda k: sort_key(labels[k].label))]


def _withdraw(site: SiteModel, today: date) -> None:
    """Consent withdrawn: the person's page and every story about them come down."""
    withdrawn_people = {}
    for honoree in site.honorees:
        day = consent.withdrawal(honoree, today)
        if day:
            withdrawn_people[honoree.id] = day
            site.withdrawn[urls.honoree_url(honoree.id)] = day
    kept = []
    for story in site.stories:
        days = [withdrawn_people[h] for h in story.meta.honorees if h in withdrawn_people]
        if days:
            site.withdrawn[story.url] = min(days)
            site.withdrawn_stories.add(story.src_uri)
        else:
            kept.append(story)
    site.stories = kept


def _choose_images(site: SiteModel) -> None:
    """Publish the photos of public profiles that consent to them, and story images; keep the rest private."""
    for profile in site.profiles:
        if profile.photo:
            site.images[profile.photo.file] = PHOTO_WIDTHS
    for story in site.stories:
        if story.meta.image:
            site.images[story.meta.image.file] = STORY_WIDTHS
    for honoree in site.honorees:
        if honoree.photo and honoree.photo.file not in site.images:
            site.private_images.add(honoree.photo.file)
