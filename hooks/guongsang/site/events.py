"""The calendar: every event the data names (campaign phases and reviews, conferences, documents' deadlines,
yearly milestones and events whose day the text does not give), in date order and by year. Its iCalendar
feeds are output/calendars.py's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from guongsang.lang.dates import PartialDate
from guongsang.lang.text import short_date
from guongsang.site.campaigns import LAUNCH

if TYPE_CHECKING:
    from guongsang.records.documents import Document
    from guongsang.site.campaigns import CampaignView
    from guongsang.site.conferences import ConferenceView


@dataclass(frozen=True)
class Event:
    start: date | None
    """None when the text gives no first day: only an end ('đến 31/5/2024'), or only the year."""
    end: date | None
    """Inclusive: the last day of the event; None when only the year is known."""
    year: int
    kind: str
    title: str
    url: str
    """The page that tells more (site-relative)."""
    detail: str
    key: str
    """Stable across builds: makes the event's UID, so calendars update it rather than add a copy."""
    campaign: str | None = None
    yearly: tuple[int, int] | None = None
    """First and last year of an event that comes back every year on the same day ('11/6 hàng năm')."""

    @property
    def day(self) -> date | None:
        """The day for <time> and for the .ics file: the first day, else the last; None if unknown."""
        return self.start or self.end

    @property
    def when(self) -> str:
        if self.day is None:
            return f"năm {self.year}, chưa rõ ngày"
        if self.yearly:
            return f"{short_date(self.day)} (hằng năm {self.yearly[0]}–{self.yearly[1]})"
        if self.start is None:
            return f"đến {short_date(self.day)}"
        return short_date(self.start) if self.start == self.end or self.end is None else f"{short_date(self.start)} – {short_date(self.end)}"

    @property
    def order(self) -> tuple[date, int, str]:
        """Date order; an event of unknown day goes last in its year."""
        return (self.day or date(self.year, 12, 31), 0 if self.day else 1, self.key)


def _dated(day: date, kind: str, title: str, url: str, detail: str, key: str, campaign: str | None = None) -> Event:
    return Event(day, day, day.year, kind, title, url, detail, key, campaign)


def _partial(value: PartialDate, kind: str, title: str, url: str, detail: str, key: str, campaign: str | None = None) -> Event:
    day = value.as_date()
    return Event(day, day, value.year, kind, title, url, detail, key, campaign)


def collect_events(campaign_views: list[CampaignView], conferences: list[ConferenceView], documents: list[Document]) -> list[Event]:
    """Every event the data names, dated or not, in date order (a yearly event once, at its first year)."""
    events = []
    for view in campaign_views:
        campaign = view.campaign
        events.append(_partial(campaign.start, LAUNCH, campaign.name, view.url, "", f"phong-trao/{campaign.id}/phat-dong", campaign.id))
        events.append(_partial(campaign.end, "Kết thúc", campaign.name, view.url, "", f"phong-trao/{campaign.id}/ket-thuc", campaign.id))
        for i, phase in enumerate(campaign.phases, start=1):
            events.append(Event(
                phase.start, phase.end, phase.end.year, "Đợt thi đua", f"{phase.name}: {campaign.name}", view.url,
                phase.celebrates or "", f"phong-trao/{campaign.id}/dot-{i}", campaign.id,
            ))
        for i, review in enumerate(campaign.reviews, start=1):
            events.append(_dated(
                review.date, review.kind.label, campaign.name, view.url,
                review.note or "", f"phong-trao/{campaign.id}/{review.kind.value}-{i}", campaign.id,
            ))
    for conference in conferences:
        record = conference.conference
        if record.date:
            place = f" tại {record.venue}" if record.venue else ""
            events.append(_dated(
                record.date, "Hội nghị", record.title, conference.url,
                f"{conference.organizer_name.label}{place}", f"hoi-nghi/{record.id}",
            ))
    # A document's milestones go to the feeds of the campaigns it names and of those that list it.
    listed_by: dict[str, list[str]] = {}
    for view in campaign_views:
        for document_id in view.campaign.documents:
            listed_by.setdefault(document_id, []).append(view.campaign.id)
    for document in documents:
        source = f"theo {document.display_title}"
        campaigns = list(dict.fromkeys([*document.meta.campaigns, *listed_by.get(document.id, [])]))
        for campaign in campaigns or [None]:
            for i, deadline in enumerate(document.meta.deadlines, start=1):
                who = f"{deadline.who}; " if deadline.who else ""
                events.append(_dated(deadline.date, "Hạn chót", deadline.what, document.url, f"{who}{source}", f"van-ban/{document.id}/han-{i}", campaign))
            for i, milestone in enumerate(document.meta.yearly, start=1):
                who = f"{milestone.who}; " if milestone.who else ""
                first = milestone.day.in_year(milestone.first_year)
                events.append(Event(
                    first, first, first.year, "Hằng năm", milestone.what, document.url, f"{who}{source}",
                    f"van-ban/{document.id}/hang-nam-{i}", campaign, (milestone.first_year, milestone.last_year),
                ))
            for i, planned in enumerate(document.meta.events, start=1):
                who = f"{planned.who}; " if planned.who else ""
                events.append(_partial(planned.date, "Sự kiện", planned.what, document.url, f"{who}{source}", f"van-ban/{document.id}/su-kien-{i}", campaign))
    unique = {(e.key, e.campaign): e for e in events}
    return sorted(unique.values(), key=lambda e: e.order)


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """Newest year first; each year in date order, a yearly event in each of its years."""
    events = list({e.key: e for e in events}.values())  # one line per event, whatever feeds it is in
    occurrences = [
        replace(event, start=event.start.replace(year=year), end=event.start.replace(year=year), year=year)
        for event in events if event.yearly and event.start
        for year in range(event.yearly[0], event.yearly[1] + 1)
    ]
    shown = sorted([e for e in events if not e.yearly] + occurrences, key=lambda e: e.order)
    return sorted(((year, list(items)) for year, items in groupby(shown, key=lambda e: e.year)), reverse=True)
