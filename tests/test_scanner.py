"""The output scanner: every way people write personal data is caught wherever a reader or a robot reads
it (page text, attributes, drawings, structured data, CSV, JSON, feeds, calendars, the search index);
look-alikes on real pages are left alone."""

from __future__ import annotations

import gzip
import html
import json
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from guongsang.lang import personaldata
from guongsang.lang.personaldata import BIRTH_DATE, CITIZEN_ID, EMAIL, LOOK_ALIKES, PHONE, WRITTEN_FORMS
from guongsang.output import scanner
from guongsang.settings import read_settings

AGENCY = read_settings(ROOT).agency
ORGANIZATION = AGENCY.email
ALLOWED = AGENCY.published


def scan_page(site: Path, body: str, name: str = "trang/index.html") -> list[scanner.Finding]:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return scanner.scan(site, ALLOWED)


def kinds(findings: list[scanner.Finding]) -> list[str]:
    return [finding.what for finding in findings]


@pytest.mark.parametrize(("text", "kind"), WRITTEN_FORMS)
def test_written_form_in_page_text(tmp_path, text, kind):
    """Each way of writing a piece of personal data, in a paragraph, is reported once, as its kind."""
    assert kinds(scan_page(tmp_path, f"<p>{html.escape(text)}</p>")) == [kind]


@pytest.mark.parametrize(("text", "kind"), WRITTEN_FORMS)
def test_written_form_in_alt_text(tmp_path, text, kind):
    """The same in an image's alt text, which screen readers read and robots index."""
    assert kinds(scan_page(tmp_path, f'<img src="anh.webp" alt="{html.escape(text)}">')) == [kind]


@pytest.mark.parametrize(("text", "kind"), WRITTEN_FORMS)
def test_written_form_in_source_text(text, kind):
    """scan_text (for editors' source files) finds the same, with the same kind."""
    assert [what for what, _ in personaldata.scan_text(text)] == [kind]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike_is_left_alone(tmp_path, text):
    """Document numbers, decision dates, school years, amounts, words, asset names: nothing reported."""
    assert scan_page(tmp_path, f"<p>{html.escape(text)}</p>") == []
    assert personaldata.scan_text(text, ALLOWED) == []


def test_excerpt_is_the_data_as_found():
    """The excerpt names the number as written (with its parenthesis), the date with the words that make it
    a date of birth, the address as it reads once "[at]" and full-width forms are undone."""
    assert personaldata.scan_text("Máy bàn (0292) 3.831.234.") == [(PHONE, "(0292) 3.831.234")]
    assert personaldata.scan_text("Ngày sinh: 12/03/1980.") == [(BIRTH_DATE, "Ngày sinh: 12/03/1980")]
    assert personaldata.scan_text("Thư: em [at] gmail [dot] com") == [(EMAIL, "em@gmail.com")]
    assert personaldata.scan_text("Gọi ０９１２\u200b３４５６７８") == [(PHONE, "0912345678")]


def test_allowed_address_in_any_case():
    """The organisation's own address may appear, in any case; another at the same domain may not."""
    assert personaldata.scan_text(f"Góp ý: {ORGANIZATION.upper()}", ALLOWED) == []
    assert personaldata.scan_text(f"Góp ý: em.{ORGANIZATION}", ALLOWED) == [(EMAIL, f"em.{ORGANIZATION}")]
    assert personaldata.scan_text(f"Góp ý: {ORGANIZATION}") == [(EMAIL, ORGANIZATION)]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ('<a href="#" title="Gọi 0912 345 678">Liên hệ</a>', (PHONE, "0912 345 678")),
        ('<button aria-label="Gọi 0912345678">Gọi</button>', (PHONE, "0912345678")),
        ('<meta name="description" content="CCCD 001203004567">', (CITIZEN_ID, "001203004567")),
        ('<meta property="og:description" content="Ngày sinh: 12/03/1980">', (BIRTH_DATE, "Ngày sinh: 12/03/1980")),
        ('<a href="tel:0912345678">Gọi</a>', (PHONE, "0912345678")),
        ('<a href="tel:%2B84912345678">Gọi</a>', (PHONE, "+84912345678")),
        ('<a href="tel:+84-912-345-678">Gọi</a>', (PHONE, "+84-912-345-678")),
        ('<a href="mailto:em@gmail.com">Thư</a>', (EMAIL, "em@gmail.com")),
        ('<a href="mailto:em%40gmail.com?subject=Ch%C3%A0o">Thư</a>', (EMAIL, "em@gmail.com")),
        ('<a href="/lien-he/?sdt=0912345678&amp;trang=2">Liên hệ</a>', (PHONE, "0912345678")),
        ('<a href="/tim-kiem/?q=0912+345+678">Tìm</a>', (PHONE, "0912 345 678")),
        ('<a href="https://zalo.me/0912345678">Zalo</a>', (PHONE, "0912345678")),
        ('<div data-pagefind-meta="dien_thoai:0912345678">Hồ sơ</div>', (PHONE, "0912345678")),
        ("<div data-sdt='0912345678'>Hồ sơ</div>", (PHONE, "0912345678")),
        ('<span title="&#48;912&#x33;45678">Số</span>', (PHONE, "0912345678")),
        ("<p>Thư: em&#64;gmail.com</p>", (EMAIL, "em@gmail.com")),
        ("<p>Thư: em&commat;gmail&period;com</p>", (EMAIL, "em@gmail.com")),
        ("<p>Gọi 0912&#8203;345&zwj;678</p>", (PHONE, "0912345678")),
        ("<p>Gọi 0912<b></b>345678</p>", (PHONE, "0912345678")),
        ("<p>Gọi 0912   345   678</p>", (PHONE, "0912 345 678")),
        ("<p>Gọi 0912\n345 678</p>", (PHONE, "0912 345 678")),
        ("<p>Gọi <strong>0912</strong> 345 678</p>", (PHONE, "0912 345 678")),
        ("<dl><dt>Ngày sinh</dt>\n<dd>12/03/1980</dd></dl>", (BIRTH_DATE, "Ngày sinh 12/03/1980")),
        ('<svg role="img"><title>Liên hệ 0912345678</title></svg>', (PHONE, "0912345678")),
        ('<svg role="img"><desc>CCCD 001203004567</desc></svg>', (CITIZEN_ID, "001203004567")),
        ('<svg><text x="10" y="20">Sinh ngày 12/3/1980</text></svg>', (BIRTH_DATE, "Sinh ngày 12/3/1980")),
        ("<!-- SĐT mẹ em: 0912345678 -->", (PHONE, "0912345678")),
        (
            '<script type="application/ld+json">{"@type": "Person", "telephone": "+84912345678"}</script>',
            (PHONE, "+84912345678"),
        ),
        (
            '<script type="application/ld+json">{"@type": "Person", "email": "em\\u0040gmail.com"}</script>',
            (EMAIL, "em@gmail.com"),
        ),
        (
            '<script type="application/ld+json">{"@type": "Person", "birthDate": "1980-03-12"}</script>',
            (BIRTH_DATE, "birthDate: 1980-03-12"),
        ),
    ],
)
def test_what_a_page_hides_outside_its_text(tmp_path, body, found):
    """Attributes, entities, inline drawings, structured data, comments and tags between digits hide nothing."""
    findings = scan_page(tmp_path, f"<!doctype html><html><body>{body}</body></html>")
    assert [(f.what, f.excerpt) for f in findings] == [found]


@pytest.mark.parametrize(
    "body",
    [
        (
            '<svg viewBox="0 0 912345678 10"><path d="M0 0912345678 L 123 456 789 z"/>'
            '<polygon points="0,0 0912345678,10"/><g transform="translate(0 912345678)"></g></svg>'
        ),
        '<div class="0912345678" id="0912345678" style="margin: 0 912345678px">Nội dung</div>',
        '<img src="anh-480.webp" srcset="anh-480.webp 480w, anh-960.webp 960w" width="480" height="270">',
        '<script src="assets/bundle.f1a2b3c4.min.js?v=1712345678" integrity="sha384-0912345678"></script>',
        '<script>var so = "0912345678", thu = "em@gmail.com";</script>',
        "<style>.a::after { content: '0912345678'; }</style>",
        '<time datetime="2024-03-05">5/3/2024</time>',
        '<label for="o-0912345678">Ô</label><td headers="c-0912345678">1</td>',
        "<table><tr><td>120</td><td>137</td><td>131</td></tr>\n<tr><td>001</td><td>002</td><td>003</td><td>004</td></tr>",
        (
            '<svg><g><text x="1">0</text><title>0</title></g><g><text x="2">25</text></g><g><text>50</text></g>'
            "<g><text>75</text></g><g><text>100</text></g></svg>"
        ),
    ],
)
def test_what_is_not_text_is_not_read(tmp_path, body):
    """Drawing geometry, names and styles, asset hashes, script code and styles are not read as text; table
    cells and a chart's labels are read apart, as a browser shows them."""
    assert scan_page(tmp_path, f"<!doctype html><html><body>{body}</body></html>") == []


def test_csv_column_of_dates_of_birth(tmp_path):
    """A CSV (utf-8 with a BOM, as Excel wants) is read cell by cell after its header: a date under
    "Ngày sinh" is a date of birth; a phone anywhere is a phone; a statistics table is clean."""
    (tmp_path / "thong-ke").mkdir()
    (tmp_path / "thong-ke/danh-sach.csv").write_text("Họ tên,Ngày sinh\r\nNguyễn Văn A,12/03/1980\r\n", "utf-8-sig")
    (tmp_path / "thong-ke/lien-he.csv").write_text("Họ tên;Điện thoại\nNguyễn Văn A;0912 345 678\n", encoding="utf-8")
    (tmp_path / "thong-ke/theo-nam.csv").write_text("Năm,Số khen thưởng\r\n2019,5\r\n2020,7\r\n", encoding="utf-8-sig")
    assert [(f.page, f.what, f.excerpt) for f in scanner.scan(tmp_path, ALLOWED)] == [
        ("thong-ke/danh-sach.csv", BIRTH_DATE, "Ngày sinh: 12/03/1980"),
        ("thong-ke/lien-he.csv", PHONE, "0912 345 678"),
    ]


def test_json_is_decoded(tmp_path):
    """JSON is parsed: escapes (\\u0040, full-width digits) hide nothing, a key names its value; text that
    is not JSON is read as text."""
    (tmp_path / "du-lieu-mo").mkdir()
    (tmp_path / "du-lieu-mo/a.json").write_text('{"lien_he": "em\\u0040gmail.com"}', encoding="utf-8")
    (tmp_path / "du-lieu-mo/b.json").write_text('[{"sdt": "\\uff10\\uff19\\uff11\\uff12345678"}]', encoding="utf-8")
    (tmp_path / "du-lieu-mo/c.json").write_text('\ufeff{"ngay_sinh": "2010-03-12"}', encoding="utf-8")
    (tmp_path / "du-lieu-mo/d.json").write_text('{"hỏng": "0912345678"', encoding="utf-8")
    (tmp_path / "du-lieu-mo/e.json").write_text('{"nam_hoc": "2023-2024", "so": "1729/KH-SGDĐT"}', encoding="utf-8")
    assert [(f.page, f.what, f.excerpt) for f in scanner.scan(tmp_path, ALLOWED)] == [
        ("du-lieu-mo/a.json", EMAIL, "em@gmail.com"),
        ("du-lieu-mo/b.json", PHONE, "0912345678"),
        ("du-lieu-mo/c.json", BIRTH_DATE, "ngay_sinh: 2010-03-12"),
        ("du-lieu-mo/d.json", PHONE, "0912345678"),
    ]


def test_atom_feed_content_is_read_as_html(tmp_path):
    """A feed's entries carry escaped HTML: its text and its attributes are read once unescaped."""
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<entry><title>Một câu chuyện</title><updated>2025-03-01T00:00:00Z</updated>"
        '<content type="html">&lt;p&gt;Gọi 0912 345 678&lt;/p&gt;'
        "&lt;img alt=&quot;Ngày sinh: 12/03/1980&quot; src=&quot;a.webp&quot;&gt;</content></entry></feed>"
    )
    (tmp_path / "cau-chuyen").mkdir()
    (tmp_path / "cau-chuyen/feed.xml").write_text(feed, encoding="utf-8")
    assert [(f.what, f.excerpt) for f in scanner.scan(tmp_path, ALLOWED)] == [
        (PHONE, "0912 345 678"), (BIRTH_DATE, "Ngày sinh: 12/03/1980"),
    ]


def test_sitemap_calendar_and_text_files(tmp_path):
    """The sitemap's dates and a calendar's UIDs are not personal data; a calendar's text and its
    participants are read, and so is a text file."""
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://so.example/guong/a/</loc><lastmod>2024-03-05</lastmod></url></urlset>',
        encoding="utf-8",
    )
    (tmp_path / "lich").mkdir()
    calendar = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:20240305-hoi-nghi@so.example\r\nDTSTART;VALUE=DATE:20240305\r\n"
        "SUMMARY:Hội nghị\r\nATTENDEE;CN=Nguyễn Văn A:mailto:a@gmail.com\r\nDESCRIPTION:Liên hệ 0912\r\n  345 678\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (tmp_path / "lich/lich.ics").write_text(calendar, encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\n# Liên hệ 0912345678\n", encoding="utf-8")
    assert [(f.page, f.what, f.excerpt) for f in scanner.scan(tmp_path, ALLOWED)] == [
        ("lich/lich.ics", PHONE, "0912 345 678"),
        ("lich/lich.ics", EMAIL, "a@gmail.com"),
        ("robots.txt", PHONE, "0912345678"),
    ]


def fragment(data: dict[str, object]) -> bytes:
    """A fragment as Pagefind 1.5 writes it: gzip of its signature and the JSON (escaped to ASCII)."""
    return gzip.compress(b"pagefind_dcd" + json.dumps(data).encode())


def test_search_index_fragments(tmp_path):
    """scan_search_index reads every fragment Pagefind wrote (content, meta, anchors), naming the page;
    scan() leaves the pagefind/ folder to it."""
    folder = tmp_path / "pagefind/fragment"
    folder.mkdir(parents=True)
    page = {"url": "/guong/a/", "content": "Em học giỏi.", "word_count": 3, "filters": {}, "meta": {"title": "A"}}
    anchors = [{"element": "h2", "id": "ngay-sinh", "text": "Ngày sinh: 12/03/1980", "location": 4}]
    (folder / "vi_1.pf_fragment").write_bytes(fragment({**page, "anchors": []}))
    (folder / "vi_2.pf_fragment").write_bytes(fragment({**page, "url": "/guong/b/", "content": "Gọi 0912 345 678."}))
    (folder / "vi_3.pf_fragment").write_bytes(fragment({**page, "url": "/guong/c/", "meta": {"thu": "em@gmail.com"}}))
    (folder / "vi_4.pf_fragment").write_bytes(fragment({**page, "url": "/guong/d/", "anchors": anchors}))
    assert scanner.scan(tmp_path, ALLOWED) == []
    assert [(f.page, f.what, f.excerpt) for f in scanner.scan_search_index(tmp_path, ALLOWED)] == [
        ("pagefind/fragment/vi_2.pf_fragment (/guong/b/)", PHONE, "0912 345 678"),
        ("pagefind/fragment/vi_3.pf_fragment (/guong/c/)", EMAIL, "em@gmail.com"),
        ("pagefind/fragment/vi_4.pf_fragment (/guong/d/)", BIRTH_DATE, "Ngày sinh: 12/03/1980"),
    ]


def test_search_index_in_another_format_is_still_read(tmp_path):
    """A fragment without the signature or not compressed (another Pagefind version) is read as text."""
    (tmp_path / "pagefind/fragment").mkdir(parents=True)
    (tmp_path / "pagefind/fragment/vi_1.pf_fragment").write_bytes("Gọi 0912345678".encode())
    assert kinds(scanner.scan_search_index(tmp_path, ALLOWED)) == [PHONE]


def test_web_editor_is_not_scanned(tmp_path):
    """The web editor's npm code names its authors' addresses in licence notices: not the site's content."""
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin/decap-cms.js.LICENSE.txt").write_text("Copyright tac.gia@example.com", encoding="utf-8")
    assert scanner.scan(tmp_path, ALLOWED) == []


PLANTED = {
    "a/index.html": "<p>Gọi 0912 345 678</p>",
    "b/index.html": '<img src="anh.webp" alt="Ngày sinh: 12/03/1980">',
    "c/index.html": "<p>Năm học 2023-2024, 1.234 học sinh</p>",
    "d/du-lieu.json": '{"thu": "em\\u0040gmail.com"}',
    "e/index.html": "<p>CCCD 001203004567</p><p>Thư: em [at] truong [dot] vn</p>",
    "f/index.html": "<p>Liên hệ bộ phận một cửa</p>",
}
"""Pages with personal data planted in some (a, b, d, e), clean others (c, f)."""
PLANTED_FOUND = [
    ("a/index.html", PHONE, "0912 345 678"),
    ("b/index.html", BIRTH_DATE, "Ngày sinh: 12/03/1980"),
    ("d/du-lieu.json", EMAIL, "em@gmail.com"),
    ("e/index.html", CITIZEN_ID, "001203004567"),
    ("e/index.html", EMAIL, "em@truong.vn"),
]


def plant(site: Path) -> None:
    for name, body in PLANTED.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(body, encoding="utf-8")


def test_worker_processes_find_what_one_process_finds(tmp_path, monkeypatch):
    """A scan spread over worker processes (forced here: one file a chunk, two cores) finds what a scan in
    the build's own process finds, in the same order, and remembers the same clean contents."""
    site = tmp_path / "site"
    plant(site)
    alone = scanner.scan(site, ALLOWED, tmp_path / "alone.txt")
    pools = []

    class CountedPool(scanner.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(scanner, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(scanner, "_CHUNK_FILES", 1)
    monkeypatch.setattr(scanner.os, "cpu_count", lambda: 2)
    spread = scanner.scan(site, ALLOWED, tmp_path / "spread.txt")
    assert pools == [(2,)]
    assert spread == alone
    assert [(f.page, f.what, f.excerpt) for f in spread] == PLANTED_FOUND
    remembered = (tmp_path / "spread.txt").read_text(encoding="utf-8")
    assert remembered == (tmp_path / "alone.txt").read_text(encoding="utf-8")
    assert len(remembered.split()) == 3  # the rules, c and f


def test_scan_of_the_files_a_rebuild_wrote(tmp_path):
    """scan_files reads the files it is given, as scan does (not images, not the web editor); what the
    cache remembers of the other files is kept for the next whole scan."""
    site, cache = tmp_path / "site", tmp_path / "cache/scanned-clean.txt"
    plant(site)
    assert [(f.page, f.what, f.excerpt) for f in scanner.scan(site, ALLOWED, cache)] == PLANTED_FOUND
    remembered = set(cache.read_text(encoding="utf-8").split())
    (site / "f/index.html").write_text("<p>Gọi 0987 654 321</p>", encoding="utf-8")
    (site / "admin").mkdir()
    (site / "admin/decap-cms.js.LICENSE.txt").write_text("Copyright tac.gia@example.com", encoding="utf-8")
    (site / "f/anh.png").write_bytes(b"0912345678")
    written = [site / "f/index.html", Path("c/index.html"), Path("admin/decap-cms.js.LICENSE.txt"), Path("f/anh.png")]
    found = scanner.scan_files(site, written, ALLOWED, cache)
    assert [(f.page, f.what, f.excerpt) for f in found] == [("f/index.html", PHONE, "0987 654 321")]
    assert remembered <= set(cache.read_text(encoding="utf-8").split())


def test_every_format_character_is_removed():
    """Every character of Unicode category Cf in this Python's database is stripped before matching."""
    missing = [
        f"U+{code:04X}" for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf"
        and personaldata.scan_text(f"0912{chr(code)}345678") != [(PHONE, "0912345678")]
    ]
    assert missing == []


def test_demo_site_is_clean(demo_site):
    """The whole built demo (pages, drawings, open data, CSV, feed, calendars, sitemap) and its search
    index hold nothing that looks like personal data, with the organisation's address and phone allowed."""
    assert len(list((demo_site / "pagefind/fragment").glob("*.pf_fragment"))) > 40
    assert scanner.scan(demo_site, ALLOWED) == []
    assert scanner.scan_search_index(demo_site, ALLOWED) == []
