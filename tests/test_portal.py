"""An agency's portal: the department in the header, its details in every footer (Nghị định 42/2022/NĐ-CP),
every interface string in Vietnamese, readable titles, and the agency's own contact allowed by the scan."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import ROOT, make_project, run_script
from guongsang import scanner

AGENCY = yaml.safe_load((ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8"))
PHONE = AGENCY["lien_he"]["dien_thoai"]

# Strings Material writes in English (or wrong Vietnamese) unless the theme's table is corrected.
ENGLISH_UI = (
    "Made with", "Material for MkDocs", 'aria-label="Tabs"', "Initializing search", "RSS feed",
    "Back to top", "Skip to content", "Trở lại mục lục", ">Bỏ qua<", "Contributors", "Metadata",
    "View source of this page", "Go to repository",
)


def _footer(page: str) -> str:
    match = re.search(r'<footer class="md-footer">.*?</footer>', page, re.S)
    assert match, "no footer"
    return " ".join(match.group().split())


@pytest.mark.parametrize("page", ["index.html", "guong/index.html", "van-ban/2020-237-kh-sgddt/index.html", "404.html", "kha-nang-tiep-can/index.html"])
def test_every_page_carries_the_agency(demo_site: Path, page: str):
    """Header band with the department; footer with name, address, phone and e-mail links, the person
    responsible, the sample notice and the links to the accessibility and open-data pages."""
    html = (demo_site / page).read_text(encoding="utf-8")
    assert f'<span class="gs-co-quan__ten">{AGENCY["ten"]}</span>' in html
    footer = _footer(html)
    contact = AGENCY["lien_he"]
    assert f'<strong class="gs-chan-trang__ten">{AGENCY["ten"]}</strong>' in footer
    assert f"Địa chỉ: {contact['dia_chi']}" in footer
    assert f'Điện thoại: <a href="tel:+842213000000">{PHONE}</a>' in footer
    assert f'Thư điện tử: <a href="mailto:{contact["email"]}">{contact["email"]}</a>' in footer
    assert f"Người chịu trách nhiệm: {AGENCY['nguoi_chiu_trach_nhiem']}" in footer
    assert "Bản trình diễn: tên, địa chỉ, liên hệ và người chịu trách nhiệm ở đây là mẫu" in footer
    links = {label: urljoin(f"/{page}", href) for href, label in re.findall(r'<a href="([^"]*)">([^<]*)</a>', footer)}
    assert links["Khả năng tiếp cận"] == "/kha-nang-tiep-can/" and links["Dữ liệu mở"] == "/du-lieu-mo/"


def test_no_english_interface_string_on_any_page(demo_site: Path):
    """Every built page of the demo, against the strings Material leaves in English or mistranslates."""
    found = {}
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        hits = [s for s in ENGLISH_UI if s in text]
        if hits:
            found[path.relative_to(demo_site).as_posix()] = hits
    assert found == {}
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Các mục chính"' in home and "Lên đầu trang" in home


def test_skip_link_of_generated_pages_is_vietnamese(demo_site: Path):
    html = (demo_site / "guong/index.html").read_text(encoding="utf-8")
    assert '<a href="#noi-dung" class="md-skip">Chuyển đến nội dung chính</a>' in html


def _organization(**changes: object) -> str:
    data = {**AGENCY, **changes}
    return yaml.safe_dump({k: v for k, v in data.items() if v is not None}, allow_unicode=True, sort_keys=False)


def test_licence_line_shows_when_set(tmp_path: Path):
    licence = "Giấy phép số 12/GP-STTTT ngày 01/3/2024 của Sở Thông tin và Truyền thông tỉnh Hưng Yên"
    root = make_project(tmp_path / "p", files={"data/to-chuc.yaml": _organization(giay_phep=licence, du_lieu_mau=False)})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    footer = _footer((root / "site/index.html").read_text(encoding="utf-8"))
    assert f"<span>{licence}</span>" in footer
    assert "Bản trình diễn" not in footer


def test_the_agency_phone_may_be_published_and_any_other_may_not(tmp_path: Path):
    """The configured number passes the source check and the output scan however it is written; a
    number one digit off is still personal data, reported at its line."""
    page = "# Liên hệ\n\nGọi văn phòng Sở: +84 221 3000 000.\n\nGọi cô Lan: 0221 3000 001.\n"
    root = make_project(tmp_path / "p", files={"content/lien-he.md": page})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Khả năng tiếp cận: kha-nang-tiep-can.md\n", "  - Khả năng tiếp cận: kha-nang-tiep-can.md\n  - Liên hệ: lien-he.md\n"), encoding="utf-8")
    result = run_script("build", root)
    assert result.returncode == 1
    assert "content/lien-he.md:5:" in result.stderr and "'0221 3000 001'" in result.stderr
    assert "3000 000" not in result.stderr
    (root / "content/lien-he.md").write_text(page.replace("\nGọi cô Lan: 0221 3000 001.\n", ""), encoding="utf-8")
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert "+84 221 3000 000" in (root / "site/lien-he/index.html").read_text(encoding="utf-8")


def test_scanner_allows_exactly_the_configured_values():
    allowed = {PHONE, AGENCY["lien_he"]["email"]}
    assert scanner.scan_text("ĐT: (0221) 3.000.000, tel:+842213000000, 0084 221 3000 000", allowed) == []
    assert scanner.scan_text("ĐT: 0221 3000 000") == [("số giống số điện thoại", "0221 3000 000")]
    assert scanner.scan_text("ĐT: 0221 3000 009 hoặc 0912 345 678", allowed) == [
        ("số giống số điện thoại", "0221 3000 009"), ("số giống số điện thoại", "0912 345 678"),
    ]


def test_a_malformed_agency_phone_is_refused_at_its_line(tmp_path: Path):
    text = (ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8").replace(f"dien_thoai: {PHONE}", "dien_thoai: 3000 000")
    root = make_project(tmp_path / "p", seeds=False, files={"data/to-chuc.yaml": text})
    result = run_script("check", root)
    line = text.splitlines().index("  dien_thoai: 3000 000") + 1
    assert result.returncode == 1
    assert f"data/to-chuc.yaml:{line}:" in result.stdout + result.stderr
    assert "số điện thoại '3000 000' cần đủ 10 hoặc 11 chữ số" in result.stdout + result.stderr


@pytest.mark.parametrize(("added", "key", "fields"), [
    ("copyright: Bản quyền thuộc Sở GDĐT\n", "copyright", "giay_phep"),
    ("extra:\n  co_quan:\n    ten: Sở GDĐT\n", "extra.co_quan", "ten, lien_he, nguoi_chiu_trach_nhiem, giay_phep"),
])
def test_agency_details_in_mkdocs_yml_point_to_the_one_place(tmp_path: Path, added: str, key: str, fields: str):
    """The agency is written once, in data/to-chuc.yaml: the same details in mkdocs.yml are refused at their line."""
    root = make_project(tmp_path / "p", seeds=False)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("hooks:\n", added + "\nhooks:\n")
    config.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.lstrip().startswith(key.split(".")[-1] + ":"))
    for script in ("check", "build"):
        result = run_script(script, root)
        assert result.returncode == 1
        assert (
            f"mkdocs.yml:{line}:1: lỗi: '{key}': thông tin cơ quan chỉ ghi một chỗ, trong data/to-chuc.yaml"
            f" (sửa được trên web, hiện ở đầu và chân mọi trang); chuyển nội dung này sang {fields} của"
            " data/to-chuc.yaml rồi xóa khỏi mkdocs.yml"
        ) in result.stdout + result.stderr


# ---- In Chromium ----

AXE = ROOT / "node_modules/axe-core/axe.min.js"
CONTRAST = """(selector) => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const rgba = (text) => text.match(/[\\d.]+/g).map(Number);
  const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * (fg[3] ?? 1) + bg[i] * (1 - (fg[3] ?? 1)));
  const element = document.querySelector(selector);
  let node = element, bg = null;
  while (node && !bg) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if ((c[3] ?? 1) > 0) bg = c;
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const fg = over(rgba(getComputedStyle(element).color), bg);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.fixture(scope="module")
def base(demo_site, serve) -> str:
    return serve(demo_site)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_header_and_footer_fit_and_read_well(browser, base, width):
    """At phone and desktop widths: no sideways scroll, titles in text colour (7:1, not Material's 4.6:1
    light grey), band and footer readable, and axe finds no contrast problem in them."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base + "kha-nang-tiep-can/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(CONTRAST, ".md-content h1") >= 7
    for selector in (".gs-co-quan__ten", ".gs-chan-trang__ten", ".gs-chan-trang address a", ".gs-chan-trang__lien-ket a"):
        assert page.evaluate(CONTRAST, selector) >= 4.5, selector
        assert page.is_visible(selector), selector
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(['.gs-co-quan', '.md-footer', '.md-content h1'], {runOnly: ['color-contrast']})")
    assert [v["id"] for v in results["violations"]] == []
    page.close()


@pytest.mark.browser
def test_print_leaves_out_the_band_and_the_footer(browser, base):
    page = browser.new_page()
    page.goto(base + "kha-nang-tiep-can/", wait_until="load")
    page.emulate_media(media="print")
    assert not page.is_visible(".gs-co-quan") and not page.is_visible(".md-footer")
    page.close()
