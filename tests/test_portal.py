"""An agency's portal: the department in the header, its details in every footer (Nghị định 42/2022/NĐ-CP),
every interface string in Vietnamese, readable titles, and the agency's own contact allowed by the scan.
The agency's name is data/to-chuc.yaml's; its contact lines are extra.co_quan of mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import ROOT, make_project, run_script
from guongsang.lang import personaldata
from guongsang.settings import read_settings

AGENCY = yaml.safe_load((ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8"))
CONTACT = read_settings(ROOT).agency
PHONE = CONTACT.phone
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

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
    assert f'<span class="gs-chan-trang__chu-quan">{AGENCY["co_quan_chu_quan"]}</span>' in footer
    assert f'<strong class="gs-chan-trang__ten">{AGENCY["ten"]}</strong>' in footer
    assert f"Địa chỉ: {CONTACT.address}" in footer
    assert f'Điện thoại: <a href="tel:+842213000000">{PHONE}</a>' in footer
    assert f'Thư điện tử: <a href="mailto:{CONTACT.email}">{CONTACT.email}</a>' in footer
    assert f"Người chịu trách nhiệm: {CONTACT.responsible}" in footer
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


def _agency_lines(**lines: str | None) -> str:
    """The demo's mkdocs.yml with lines under extra.co_quan replaced, added (a value) or removed (None)."""
    text = CONFIG
    for key, value in lines.items():
        old = re.search(rf"^    {key}: .*\n", text, re.M)
        new = f"    {key}: {value}\n" if value is not None else ""
        text = text.replace(old.group(), new) if old else text.replace("  co_quan:\n", f"  co_quan:\n{new}")
    return text


def test_the_footer_prints_the_lines_set(tmp_path: Path):
    """Only what extra.co_quan sets: here no address and no person responsible, a licence line; without
    du_lieu_mau, no sample notice."""
    licence = "Giấy phép số 12/GP-STTTT ngày 01/3/2024 của Sở Thông tin và Truyền thông tỉnh Hưng Yên"
    organization = (ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8").replace("du_lieu_mau: true", "du_lieu_mau: false")
    config = _agency_lines(giay_phep=licence, dia_chi=None, nguoi_chiu_trach_nhiem=None)
    root = make_project(tmp_path / "p", files={"data/to-chuc.yaml": organization, "mkdocs.yml": config})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    footer = _footer((root / "site/index.html").read_text(encoding="utf-8"))
    assert f"<span>{licence}</span>" in footer
    assert f'Thư điện tử: <a href="mailto:{CONTACT.email}">' in footer and "Điện thoại:" in footer
    assert "Địa chỉ" not in footer and "Người chịu trách nhiệm" not in footer
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
    allowed = CONTACT.published
    assert personaldata.scan_text("ĐT: (0221) 3.000.000, tel:+842213000000, 0084 221 3000 000", allowed) == []
    assert personaldata.scan_text("ĐT: 0221 3000 000") == [("số giống số điện thoại", "0221 3000 000")]
    assert personaldata.scan_text("ĐT: 0221 3000 009 hoặc 0912 345 678", allowed) == [
        ("số giống số điện thoại", "0221 3000 009"), ("số giống số điện thoại", "0912 345 678"),
    ]


def _line_of(text: str, start: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith(start))


@pytest.mark.parametrize(("lines", "where", "message"), [
    ({"dien_thoai": "3000 000"}, "dien_thoai:",
     "extra.co_quan.dien_thoai: số điện thoại '3000 000' cần đủ 10 hoặc 11 chữ số, viết như '0221 3000 000' hoặc '+84 221 3000 000'"),
    ({"dien_thoai": "0221 3000 000 (máy lẻ 12)"}, "dien_thoai:", "extra.co_quan.dien_thoai: số điện thoại '0221 3000 000 (máy lẻ 12)' cần đủ"),
    ({"dien_thoai": "02213000000"}, "dien_thoai:",
     "extra.co_quan.dien_thoai: cần một dòng chữ, nhưng 02213000000 được đọc thành số hoặc true/false; đặt trong ngoặc kép,"
     ' ví dụ "02213000000"'),
    ({"email": "lienhe@guong-sang"}, "email:",
     "extra.co_quan.email: thư điện tử 'lienhe@guong-sang' không đúng dạng; viết như 'vanphong@sgddt.hungyen.gov.vn'"),
    ({"email": "lienhe(a)guong-sang.example"}, "email:", "extra.co_quan.email: thư điện tử 'lienhe(a)guong-sang.example' không đúng dạng"),
    ({"dien_thoai_": "0221 3000 000"}, "dien_thoai_:", "trường 'extra.co_quan.dien_thoai_' không có trong mẫu; có phải ý bạn là 'dien_thoai'?"),
    ({"người_chịu_trách_nhiệm": "Ông A"}, "người_chịu_trách_nhiệm:",
     "trường 'extra.co_quan.người_chịu_trách_nhiệm' không có trong mẫu; có phải ý bạn là 'nguoi_chiu_trach_nhiem'?"),
    ({"ten": "Sở GDĐT"}, "ten:",
     "trường 'extra.co_quan.ten' không có trong mẫu; các trường được dùng: dia_chi, dien_thoai, email, nguoi_chiu_trach_nhiem, giay_phep"),
    ({"dia_chi": "[Số 1, đường Mẫu]"}, "dia_chi:", "extra.co_quan.dia_chi: cần một dòng chữ, nhưng gặp một danh sách"),
    ({"giay_phep": "'" + "Giấy phép " * 40 + "'"}, "giay_phep:", "extra.co_quan.giay_phep: cần không quá 300 ký tự, nhưng gặp 399 ký tự"),
])
def test_bad_agency_settings_are_refused_at_their_line(tmp_path: Path, lines: dict[str, str], where: str, message: str):
    config = _agency_lines(**lines)
    root = make_project(tmp_path / "p", seeds=False, files={"mkdocs.yml": config})
    result = run_script("check", root)
    assert result.returncode == 1
    assert f"mkdocs.yml:{_line_of(config, where)}:1: lỗi: {message}" in result.stdout + result.stderr


@pytest.mark.parametrize(("config", "where", "message"), [
    (re.sub(r"  co_quan:\n(    .*\n|\s*#.*\n)*", "  sua_trang: https://git.example/so/guong-sang/edit/main/\n", CONFIG), "extra:",
     "chưa có liên hệ của cơ quan: chân mọi trang phải cho người đọc cách hỏi, góp ý hay xin gỡ thông tin"
     " (Nghị định 42/2022/NĐ-CP); thêm vào mkdocs.yml mục 'extra:' › 'co_quan:' với ít nhất một trong dia_chi, dien_thoai, email"),
    (_agency_lines(dia_chi=None, dien_thoai=None, email=None), "co_quan:", "chưa có liên hệ của cơ quan"),
    (re.sub(r"  co_quan:\n(    .*\n|\s*#.*\n)*", "  co_quan: Sở GDĐT, 0221 3000 000\n", CONFIG), "co_quan:",
     "extra.co_quan: cần một nhóm trường con (dia_chi, dien_thoai, email, nguoi_chiu_trach_nhiem, giay_phep), mỗi dòng"
     " 'trường: giá trị' thụt vào dưới 'co_quan:', nhưng gặp 'Sở GDĐT, 0221 3000 000'"),
    (CONFIG + "\nextra:\n  sua_trang: https://git.example/so/guong-sang/edit/main/\n", "extra:\n  sua",
     "'extra' được ghi hai lần (dòng {first} và dòng {line}): chỉ lần sau được dùng, mọi dòng dưới lần trước bị bỏ qua; gộp chúng vào một chỗ"),
    (CONFIG.replace("hooks:\n", "copyright: Bản quyền thuộc Sở GDĐT\n\nhooks:\n"), "copyright:",
     "'copyright' không hiện trên trang: chân trang lấy thông tin cơ quan từ extra.co_quan; ghi dòng giấy phép vào"
     " extra.co_quan.giay_phep rồi xóa dòng 'copyright'"),
])
def test_agency_settings_refused_by_check_and_build(tmp_path: Path, config: str, where: str, message: str):
    """No way to reach the agency, co_quan not a block, 'extra:' written twice (the second would drop
    co_quan), Material's copyright line: refused at their line by `check` and by the build."""
    root = make_project(tmp_path / "p", seeds=False, files={"mkdocs.yml": config})
    rows = config.splitlines()
    if "\n" in where:  # the second of two blocks
        line = max(n for n, row in enumerate(rows, 1) if row == where.split("\n")[0])
        first = min(n for n, row in enumerate(rows, 1) if row == where.split("\n")[0])
        message = message.format(first=first, line=line)
    else:
        line = _line_of(config, where)
    for script in ("check", "build"):
        result = run_script(script, root)
        assert result.returncode == 1
        assert f"mkdocs.yml:{line}:1: lỗi: {message}" in result.stdout + result.stderr, script


@pytest.mark.parametrize(("added", "key", "where"), [
    ("lien_he:\n  dien_thoai: 0221 3000 000\n", "lien_he", "mục extra.co_quan của mkdocs.yml (các dòng dia_chi, dien_thoai, email)"),
    ("nguoi_chiu_trach_nhiem: Ông A\n", "nguoi_chiu_trach_nhiem", "mục extra.co_quan.nguoi_chiu_trach_nhiem của mkdocs.yml"),
    ("giay_phep: Giấy phép số 12/GP-STTTT\n", "giay_phep", "mục extra.co_quan.giay_phep của mkdocs.yml"),
])
def test_contact_details_in_the_organization_file_point_to_mkdocs_yml(tmp_path: Path, added: str, key: str, where: str):
    """One home per fact: data/to-chuc.yaml holds the issuer; a contact line written there is refused at
    its line, saying where it goes."""
    text = (ROOT / "data/to-chuc.yaml").read_text(encoding="utf-8").replace("du_lieu_mau:", added + "du_lieu_mau:")
    root = make_project(tmp_path / "p", seeds=False, files={"data/to-chuc.yaml": text})
    result = run_script("check", root)
    assert result.returncode == 1
    assert (
        f"data/to-chuc.yaml:{_line_of(text, key + ':')}:1: lỗi: trường '{key}' không ghi ở tệp này nữa: chuyển sang {where}"
        " rồi xóa khỏi tệp này"
    ) in result.stdout + result.stderr
    assert "có phải ý bạn là" not in result.stdout + result.stderr


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
