"""The iCalendar feeds (RFC 5545) of the dated events, one for the site and one per campaign; a yearly
milestone is one entry with RRULE:FREQ=YEARLY. Stamped with the build day (as the sitemap is): two builds
of the same input give the same bytes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from guongsang import urls
from guongsang.output.context import OutputContext
from guongsang.site.events import Event


def write(site_dir: Path, context: OutputContext) -> None:
    stamp = context.built_at.replace(hour=0, minute=0, second=0, microsecond=0)
    site, site_url = context.site, context.settings.site_url
    feeds = {urls.CALENDAR_FEED: (site.events, f"{context.settings.site_name}: lịch thi đua, khen thưởng")}
    for view in site.campaign_views:
        mine = [e for e in site.events if e.campaign == view.campaign.id]
        feeds[urls.campaign_feed_url(view.campaign.id)] = (mine, view.campaign.name)
    for url, (events, name) in feeds.items():
        context.write_bytes(site_dir / url, icalendar(events, name, site_url, stamp))


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
        if event.day is None:  # a calendar entry needs a day; the calendar page lists it as "chưa rõ ngày"
            continue
        item = CalendarEvent()
        item.add("uid", f"{event.key}@{host}")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.day)
        item.add("dtend", (event.end or event.day) + timedelta(days=1))
        if event.yearly:
            item.add("rrule", {"freq": "yearly", "until": event.day.replace(year=event.yearly[1])})
        summary = f"{event.kind}: {event.title}"
        item.add("summary", summary if event.start else f"{summary} (hạn cuối; văn bản không ghi ngày bắt đầu)")
        if event.detail:
            item.add("description", event.detail)
        item.add("url", urls.absolute(site_url, event.url))
        calendar.add_component(item)
    return calendar.to_ical()
