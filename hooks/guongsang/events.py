"""The calendar: every dated event (campaign phases and reviews, conferences, documents' deadlines), and
iCalendar feeds of them (RFC 5545), one for the site and one per campaign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from guongsang import urls
from guongsang.text import short_date

if TYPE_CHECKING:
    from guongsang.linking import SiteModel


@dataclass(frozen=True)
class Event:
    start: date
    end: date
    """Inclusive: the last day of the event."""
    kind: str
    title: str
    url: str
    """The page that tells more (site-relative)."""
    detail: str
    key: str
    """Stable across builds: makes the event's UID, so calendars update it rather than add a copy."""
    campaign: str | None = None

    @property
    def when(self) -> str:
        return short_date(self.start) if self.start == self.end else f"{short_date(self.start)} – {short_date(self.end)}"


def collect_events(site: SiteModel) -> list[Event]:
    """Every dated event, in date order."""
    events = []
    for view in site.campaign_views:
        campaign = view.campaign
        events.append(Event(campaign.start, campaign.start, "Phát động", campaign.name, view.url, "", f"phong-trao/{campaign.id}/phat-dong", campaign.id))
        events.append(Event(campaign.end, campaign.end, "Kết thúc", campaign.name, view.url, "", f"phong-trao/{campaign.id}/ket-thuc", campaign.id))
        for i, phase in enumerate(campaign.phases, start=1):
            events.append(Event(
                phase.start or campaign.start, phase.end, "Đợt thi đua", f"{phase.name}: {campaign.name}", view.url,
                phase.celebrates or "", f"phong-trao/{campaign.id}/dot-{i}", campaign.id,
            ))
        for i, review in enumerate(campaign.reviews, start=1):
            events.append(Event(
                review.date, review.date, review.kind.label, campaign.name, view.url,
                review.note or "", f"phong-trao/{campaign.id}/{review.kind.value}-{i}", campaign.id,
            ))
    for conference in site.conferences:
        record = conference.conference
        if record.date:
            place = f" tại {record.venue}" if record.venue else ""
            events.append(Event(
                record.date, record.date, "Hội nghị", record.title, conference.url,
                f"{conference.organizer_name.label}{place}", f"hoi-nghi/{record.id}",
            ))
    for document in site.documents:
        campaigns = document.meta.campaigns
        for i, deadline in enumerate(document.meta.deadlines, start=1):
            who = f"{deadline.who}; " if deadline.who else ""
            for campaign in campaigns or [None]:
                events.append(Event(
                    deadline.date, deadline.date, "Hạn chót", deadline.what, document.url,
                    f"{who}theo {document.display_title}", f"van-ban/{document.id}/han-{i}", campaign,
                ))
    unique = {(e.key, e.campaign): e for e in events}
    return sorted(unique.values(), key=lambda e: (e.start, e.end, e.key))


def by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    """Newest year first; each year in date order."""
    return sorted(((year, list(items)) for year, items in groupby(events, key=lambda e: e.start.year)), reverse=True)


def icalendar(events: list[Event], name: str, site_url: str, stamp: datetime) -> bytes:
    """An RFC 5545 calendar of all-day events. ``stamp`` (the build time) keeps builds reproducible."""
    calendar = Calendar()
    calendar.add("prodid", "-//Gương sáng//Lịch thi đua khen thưởng//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    host = urlsplit(site_url).hostname or "guong-sang"
    seen = set()
    for event in events:
        if event.key in seen:  # a deadline shared by two campaigns appears once in the site's feed
            continue
        seen.add(event.key)
        item = CalendarEvent()
        item.add("uid", f"{event.key}@{host}")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.start)
        item.add("dtend", event.end + timedelta(days=1))
        item.add("summary", f"{event.kind}: {event.title}")
        if event.detail:
            item.add("description", event.detail)
        item.add("url", urls.absolute(site_url, event.url))
        calendar.add_component(item)
    return calendar.to_ical()
