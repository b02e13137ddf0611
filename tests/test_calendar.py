"""The calendar page and its iCalendar feeds, parsed by a real iCalendar library (RFC 5545)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import make_project, run_script
from icalendar import Calendar


def feed(site: Path, url: str) -> Calendar:
    return Calendar.from_ical((site / url).read_bytes())


def test_site_feed_holds_every_dated_event(demo_site):
    raw = (demo_site / "lich/lich.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "RFC 5545 folds lines at 75 octets"
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = feed(demo_site, "lich/lich.ics")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT")) >= 10  # UIDs unique
    deadline = events["van-ban/2024-hai-phong-hoi-nghi-dien-hinh-tien-tien/han-2@127.0.0.1"]
    assert deadline.decoded("DTSTART") == date(2025, 4, 10)
    assert deadline.decoded("DTEND") == date(2025, 4, 11)  # all-day: the end is exclusive
    assert str(deadline["SUMMARY"]).startswith("Hạn chót: Gửi báo cáo tổng kết, bảng thống kê khen thưởng (Phụ lục 02)")
    assert str(deadline["URL"]) == "http://127.0.0.1:8000/van-ban/2024-hai-phong-hoi-nghi-dien-hinh-tien-tien/"
    conference = events["hoi-nghi/hoi-nghi-dien-hinh-tien-tien-2025@127.0.0.1"]
    assert conference.decoded("DTSTART") == date(2025, 4, 25)
    phase = events["phong-trao/thi-dua-quang-nam-2024/dot-1@127.0.0.1"]  # the plan: "đến ngày 31/5/2024", no first day
    assert (phase.decoded("DTSTART"), phase.decoded("DTEND")) == (date(2024, 5, 31), date(2024, 6, 1))
    assert str(phase["SUMMARY"]).endswith("(hạn cuối; văn bản không ghi ngày bắt đầu)")
    review = events["phong-trao/doi-moi-sang-tao-2021-2025/so_ket-1@127.0.0.1"]
    assert review.decoded("DTSTART") == date(2023, 11, 20)
    assert str(review["SUMMARY"]) == "Sơ kết: Phong trào thi đua “Đổi mới sáng tạo trong quản lý, giảng dạy và học tập” giai đoạn 2021 - 2025"


def test_campaign_feed_holds_only_its_events(demo_site):
    calendar = feed(demo_site, "phong-trao/thi-dua-quang-nam-2024/lich.ics")
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    # The launch has no day in the plan: it is on the calendar page as "chưa rõ ngày", not in the feed.
    assert uids == [f"phong-trao/thi-dua-quang-nam-2024/{key}@127.0.0.1" for key in ("dot-1", "dot-2", "ket-thuc")]
    assert str(calendar["X-WR-CALNAME"]) == "Phong trào thi đua ngành Giáo dục Quảng Nam năm 2024"


def test_calendar_page_lists_events_by_year(demo_site):
    html = (demo_site / "lich/index.html").read_text(encoding="utf-8")
    assert html.index('id="nam-2025"') < html.index('id="nam-2024"') < html.index('id="nam-2020"')
    assert '<time datetime="2020-04-10">10/4/2020</time>' in html
    assert 'href="lich.ics" type="text/calendar"' in html


def test_no_invented_first_of_january(demo_site):
    """The plans of Cần Thơ 2019 and Quảng Nam 2024 give no launch day: no feed holds a made-up 01/01."""
    for url in ("lich/lich.ics", "phong-trao/nhan-rong-dien-hinh-can-tho-2019-2020/lich.ics", "phong-trao/thi-dua-quang-nam-2024/lich.ics"):
        starts = [e.decoded("DTSTART") for e in feed(demo_site, url).walk("VEVENT")]
        assert date(2019, 1, 1) not in starts and date(2024, 1, 1) not in starts, url
    html = (demo_site / "phong-trao/nhan-rong-dien-hinh-can-tho-2019-2020/index.html").read_text(encoding="utf-8")
    assert "<dt>Thời gian</dt><dd>2019 – 2020 (chưa rõ ngày phát động và ngày kết thúc)</dd>" in html
    assert '<span class="gs-chua-ro">năm 2019, chưa rõ ngày</span> <strong>Phát động</strong>' in html
    assert "Kế hoạch số 58/KH-UBND ngày 27/3/2019 của Ủy ban nhân dân thành phố Cần Thơ" in html
    assert "01/01/2019" not in html


def test_yearly_milestones_repeat_within_the_plan_years(demo_site):
    """Plan 004: honouring on 11/6 every year; plan 002: the report due each 1 June. One entry, RRULE:FREQ=YEARLY."""
    events = {str(e["UID"]): e for e in feed(demo_site, "lich/lich.ics").walk("VEVENT")}
    honouring = events["van-ban/2021-1729-kh-sgddt/hang-nam-1@127.0.0.1"]
    assert honouring.decoded("DTSTART") == date(2022, 6, 11)
    assert honouring["RRULE"]["FREQ"] == ["YEARLY"] and honouring["RRULE"]["UNTIL"] == [date(2025, 6, 11)]
    assert "nhân dịp 11/6 hàng năm" in str(honouring["SUMMARY"])
    report = events["van-ban/2019-can-tho-xay-dung-nhan-rong-dien-hinh-tien-tien/hang-nam-1@127.0.0.1"]
    assert report.decoded("DTSTART") == date(2019, 6, 1)
    assert report["RRULE"]["FREQ"] == ["YEARLY"] and report["RRULE"]["UNTIL"] == [date(2020, 6, 1)]
    campaign = {str(e["UID"]) for e in feed(demo_site, "phong-trao/doi-moi-sang-tao-2021-2025/lich.ics").walk("VEVENT")}
    assert "van-ban/2021-1729-kh-sgddt/hang-nam-1@127.0.0.1" in campaign  # the campaign lists the plan
    html = (demo_site / "lich/index.html").read_text(encoding="utf-8")
    for year in range(2022, 2026):
        assert f'<time datetime="{year}-06-11">11/6/{year} (hằng năm 2022–2025)</time>' in html
    assert '<time datetime="2021-06-11">' not in html and '<time datetime="2026-06-11">' not in html
    assert '<time datetime="2020-06-01">01/6/2020 (hằng năm 2019–2020)</time>' in html


def test_congress_of_unknown_day_is_listed_as_unknown(demo_site):
    """Plan 004: the 10th provincial congress 'năm 2025', with no day: on the page as such, not in the feed."""
    html = (demo_site / "lich/index.html").read_text(encoding="utf-8")
    year = html.split('id="nam-2025"')[1].split('id="nam-2024"')[0]
    items = [item.strip() for item in re.findall(r"<li>(.*?)</li>", year, re.S)]
    congress = next(item for item in items if "Đại hội Thi đua yêu nước tỉnh Hưng Yên lần thứ X" in item)
    assert items[-1] == congress and congress.startswith('<span class="gs-chua-ro">năm 2025, chưa rõ ngày</span>')
    raw = (demo_site / "lich/lich.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "Đại hội Thi đua yêu nước tỉnh Hưng Yên" not in raw


def test_personal_data_in_a_deadline_stops_the_build(tmp_path):
    """A deadline's text is checked for personal data at its line, like every value an editor writes (the
    calendar files themselves are scanned too: tests/test_scanner.py)."""
    document = (Path(__file__).parents[1] / "content/van-ban/2020-237-kh-sgddt.md").read_text(encoding="utf-8")
    document = document.replace("thuc_hien: Các đơn vị trực thuộc", "thuc_hien: Các đơn vị trực thuộc, gọi cô Lan 0912 345 678", 1)
    root = make_project(tmp_path / "p", files={"content/van-ban/2020-237-kh-sgddt.md": document})
    result = run_script("build", root)
    assert result.returncode == 1
    assert "content/van-ban/2020-237-kh-sgddt.md:33:50: lỗi: có số giống số điện thoại ('0912 345 678')" in result.stderr
