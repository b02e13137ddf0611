"""The calendar page and its iCalendar feeds, parsed by a real iCalendar library (RFC 5545)."""

from __future__ import annotations

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
    phase = events["phong-trao/thi-dua-quang-nam-2024/dot-1@127.0.0.1"]
    assert (phase.decoded("DTSTART"), phase.decoded("DTEND")) == (date(2024, 1, 1), date(2024, 6, 1))
    review = events["phong-trao/doi-moi-sang-tao-2021-2025/so_ket-1@127.0.0.1"]
    assert review.decoded("DTSTART") == date(2023, 11, 20)
    assert str(review["SUMMARY"]) == "Sơ kết: Phong trào thi đua “Đổi mới sáng tạo trong quản lý, giảng dạy và học tập” giai đoạn 2021 - 2025"


def test_campaign_feed_holds_only_its_events(demo_site):
    calendar = feed(demo_site, "phong-trao/thi-dua-quang-nam-2024/lich.ics")
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    assert uids == [f"phong-trao/thi-dua-quang-nam-2024/{key}@127.0.0.1" for key in ("dot-1", "dot-2", "ket-thuc", "phat-dong")]
    assert str(calendar["X-WR-CALNAME"]) == "Phong trào thi đua ngành Giáo dục Quảng Nam năm 2024"


def test_calendar_page_lists_events_by_year(demo_site):
    html = (demo_site / "lich/index.html").read_text(encoding="utf-8")
    assert html.index('id="nam-2025"') < html.index('id="nam-2024"') < html.index('id="nam-2020"')
    assert '<time datetime="2020-04-10">10/4/2020</time>' in html
    assert 'href="lich.ics" type="text/calendar"' in html


def test_personal_data_in_a_deadline_stops_the_build(tmp_path):
    """A deadline's text is checked for personal data at its line, like every value an editor writes (the
    calendar files themselves are scanned too: tests/test_scanner.py)."""
    document = (Path(__file__).parents[1] / "content/van-ban/2020-237-kh-sgddt.md").read_text(encoding="utf-8")
    document = document.replace("thuc_hien: Các đơn vị trực thuộc", "thuc_hien: Các đơn vị trực thuộc, gọi cô Lan 0912 345 678", 1)
    root = make_project(tmp_path / "p", files={"content/van-ban/2020-237-kh-sgddt.md": document})
    result = run_script("build", root)
    assert result.returncode == 1
    assert "content/van-ban/2020-237-kh-sgddt.md:32:50: lỗi: có số giống số điện thoại ('0912 345 678')" in result.stderr
