"""Profiles, permalinks, share previews, indexes, open data: whole-site builds read back as HTML, XML, JSON, PNG."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_project, run_script
from guongsang.lang.text import person_sort_key
from PIL import Image

THU_HA = "nguyen-thi-thu-ha-thpt-hoang-hoa-tham"
TAI = "huynh-van-tai-thpt-my-khanh"
OANH = "le-thi-kim-oanh-thpt-song-thu"


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def published_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "data/guong").glob("*.yaml"):
        source = path.read_text(encoding="utf-8")
        if "\ncong_khai: true" in source:
            ids.add(re.search(r"^ma: (\S+)", source, re.M).group(1))
    return ids


def test_one_page_per_published_honoree(demo_site):
    """Every published record has a profile page; unpublished ones have none."""
    ids = published_ids()
    assert len(ids) == 41
    for honoree_id in ids:
        assert (demo_site / "guong" / honoree_id / "index.html").is_file(), honoree_id
    for unpublished in ("pham-minh-duc-th-binh-minh", "dinh-thao-vy-thpt-nguyen-du"):
        assert not (demo_site / "guong" / unpublished).exists()
        assert unpublished not in (demo_site / "sitemap.xml").read_text(encoding="utf-8")


def test_profile_page_content(demo_site):
    """Name, role, linked unit, summary, award table with decisions, campaigns, criteria, share block."""
    page = read(demo_site, f"guong/{THU_HA}")
    assert '<h1 id="noi-dung">Nguyễn Thị Thu Hà</h1>' in page
    assert '<p class="gs-ho-so__vai-tro">Giáo viên · Giáo viên Ngữ văn</p>' in page
    assert '<a href="../don-vi/thpt-hoang-hoa-tham/">Trường THPT Hoàng Hoa Thám (mẫu)</a>' in page
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", page.split('id="khen-thuong"')[1], re.S)
    assert rows[0] == ("Năm học 2023-2024", "Chiến sĩ thi đua cấp tỉnh", "Số 2245/QĐ-UBND ngày 08/10/2024 của UBND tỉnh Hưng Yên")
    assert "Dữ liệu mẫu" in page
    assert '<a href="../phong-trao/doi-moi-sang-tao-2021-2025/">' in page
    assert re.search(r'<div role="img" aria-label="Mã QR dẫn tới trang này"><svg viewBox="0 0 \d+ \d+" class="segno">', page)
    assert f'value="http://127.0.0.1:8000/guong/{THU_HA}/"' in page


def test_annulled_award_is_not_shown(demo_site):
    """An award marked 'bi_huy' disappears from the profile and the open data."""
    source = (ROOT / f"data/guong/{TAI}.yaml").read_text(encoding="utf-8")
    assert "bi_huy: true" in source
    table = read(demo_site, f"guong/{TAI}").split('id="khen-thuong"')[1].split("</table>")[0]
    assert "Lao động tiên tiến" in table and "Bằng khen" not in table and "2890/QĐ-UBND" not in table
    records = json.loads((demo_site / "du-lieu-mo/guong.json").read_text(encoding="utf-8"))["ban_ghi"]
    tai = next(r for r in records if r["ma"] == TAI)
    assert [a["loai"] for a in tai["khen_thuong"]].count("bang-khen-chu-tich-ubnd-tinh") == 0


def test_share_preview_on_every_page(demo_site):
    """Open Graph and Twitter meta on every page, with absolute URLs; profiles point at their own card."""
    for path in demo_site.rglob("index.html"):
        page = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in page:
            continue
        for prop in ("og:title", "og:description", "og:url", "og:image", "twitter:card"):
            assert f'"{prop}"' in page, (path, prop)
    page = read(demo_site, f"guong/{THU_HA}")
    assert f'<meta property="og:image" content="http://127.0.0.1:8000/guong/{THU_HA}/the-chia-se.png">' in page
    assert f'<meta property="og:url" content="http://127.0.0.1:8000/guong/{THU_HA}/">' in page
    assert '<meta property="og:title" content="Nguyễn Thị Thu Hà">' in page


def test_share_cards_are_1200_by_630(demo_site):
    """Each profile has its generated card, and the site a default one."""
    for card in [demo_site / f"guong/{THU_HA}/the-chia-se.png", demo_site / "assets/the-chia-se.png"]:
        with Image.open(card) as image:
            assert image.size == (1200, 630)
            assert image.format == "PNG"


def test_generated_pages_are_not_in_the_navigation(demo_site):
    """Profiles and index pages are reached through indexes, never listed in the menu of every page."""
    home = read(demo_site, "")
    nav = home.split('<nav class="md-nav md-nav--primary')[1].split('<nav class="md-nav md-nav--secondary"')[0]
    assert "guong/" in nav and THU_HA not in nav and "don-vi" not in nav and "trang/2" not in nav
    page = read(demo_site, f"guong/{THU_HA}")
    assert page.count(f"/{TAI}/") == 0


def test_index_pages(demo_site):
    """Indexes by unit, year, campaign, award type, role and initial, in Vietnamese order."""
    unit = read(demo_site, "guong/don-vi/thpt-hoang-hoa-tham")
    assert "Nguyễn Thị Thu Hà" in unit and "Gương điển hình: Trường THPT Hoàng Hoa Thám (mẫu)" in unit
    assert "Nguyễn Thị Thu Hà" in read(demo_site, "guong/nam/2024")
    assert "Nguyễn Thị Thu Hà" in read(demo_site, "guong/danh-hieu/chien-si-thi-dua-cap-tinh")
    assert "Nguyễn Thị Thu Hà" in read(demo_site, "guong/phong-trao/doi-moi-sang-tao-2021-2025")
    teachers = read(demo_site, "guong/doi-tuong/giao-vien")
    names = [html.unescape(n) for n in re.findall(r'<a class="gs-the__ten" href="[^"]*">(.*?)</a>', teachers)]
    people = []
    for path in (ROOT / "data/guong").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record["doi_tuong"] == "giao_vien" and record["cong_khai"]:
            name = record.get("ten_day_du") or " ".join(filter(None, (record["ho"], record.get("ten_dem"), record["ten"])))
            people.append((person_sort_key(record["ten"], record.get("ten_dem") or "", record["ho"]), name))
    assert names == [name for _, name in sorted(people)]
    letter_list = read(demo_site, "guong/a-z/h").split('class="gs-loc__ds gs-loc__ds--chu"')[1].split("</ul>")[0]
    letters = re.findall(r'href="\.\./([a-z]+)/"', letter_list)
    assert letters and letters == sorted(letters, key=lambda s: "a aw aa b c d dd e ee g h i k l m n o oo ow p q r s t u uw v x y".split().index(s))
    assert "H&#39;Hen Niê" in read(demo_site, "guong/a-z/h")


def test_open_data_and_sitemap(demo_site):
    """One JSON file per collection, valid and documented; the sitemap lists every public page."""
    for name in ("guong", "don-vi", "phong-trao", "tieu-chi", "danh-hieu", "van-ban", "cau-chuyen"):
        payload = json.loads((demo_site / f"du-lieu-mo/{name}.json").read_text(encoding="utf-8"))
        assert payload["tap_du_lieu"] == name and payload["so_ban_ghi"] == len(payload["ban_ghi"])
    honorees = json.loads((demo_site / "du-lieu-mo/guong.json").read_text(encoding="utf-8"))["ban_ghi"]
    assert {r["ma"] for r in honorees} == published_ids()
    assert honorees[0]["url"].startswith("http://127.0.0.1:8000/guong/")
    page = read(demo_site, "du-lieu-mo")
    assert "<code>khen_thuong</code>" in page and 'href="guong.json"' in page
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:8000/guong/{THU_HA}/" in sitemap
    assert "http://127.0.0.1:8000/van-ban/2020-237-kh-sgddt/" in sitemap


def test_home_page(demo_site):
    """The home page shows featured honorees and entry points to campaigns and documents."""
    home = read(demo_site, "")
    featured = home.split('id="guong-tieu-bieu"')[1].split("</section>")[0]
    assert len(re.findall(r'class="gs-the"', featured)) == 6
    assert "Phong trào thi đua “Đổi mới sáng tạo" in home
    assert 'href="van-ban/2021-1729-kh-sgddt/"' in home


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A demo copy built once, so the ledger knows every published address."""
    root = make_project(tmp_path_factory.mktemp("permalinks"))
    assert run_script("build", root).returncode == 0
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    source = path.read_text(encoding="utf-8")
    assert old in source, old
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


def test_renaming_a_person_keeps_the_address(project):
    """The URL derives from the id only: a new name, same page."""
    edit(project, f"data/guong/{THU_HA}.yaml", "ten: Hà", "ten: Hạnh")
    assert run_script("build", project).returncode == 0
    assert '<h1 id="noi-dung">Nguyễn Thị Thu Hạnh</h1>' in read(project / "site", f"guong/{THU_HA}")


def test_removing_a_published_address_fails_the_build(project, tmp_path):
    """An address in the ledger that no longer leads anywhere stops the build, naming the fix."""
    gone = project / f"data/guong/{OANH}.yaml"  # a profile no other record links to
    saved = gone.read_text(encoding="utf-8")
    gone.unlink()
    try:
        result = run_script("build", project)
    finally:
        gone.write_text(saved, encoding="utf-8")
    assert result.returncode == 1
    line = next(n for n, text in enumerate((project / "data/dia-chi-da-cong-bo.txt").read_text(encoding="utf-8").splitlines(), 1) if text.startswith(f"guong/{OANH}/"))
    assert (
        f"data/dia-chi-da-cong-bo.txt:{line}:1: lỗi: địa chỉ 'guong/{OANH}/' đã công bố nhưng không còn trang nào: nếu hồ sơ đổi mã,"
        f" ghi mã cũ vào 'ma_cu' của hồ sơ; nếu gỡ xuống có chủ ý, viết 'guong/{OANH}/ go-xuong NGÀY' ở dòng này"
    ) in result.stderr


def test_changed_id_with_old_id_redirects(project):
    """A record whose id must change lists the old id; the old address redirects to the new one."""
    old, new = "vu-duc-anh-th-binh-minh", "vu-duc-anh-tieu-hoc-binh-minh"
    path = project / f"data/guong/{old}.yaml"
    source = path.read_text(encoding="utf-8").replace(f"ma: {old}", f"ma: {new}\nma_cu: [{old}]")
    path.unlink()
    (project / f"data/guong/{new}.yaml").write_text(source, encoding="utf-8")
    result = run_script("build", project)
    assert result.returncode == 0, result.stderr
    redirect = read(project / "site", f"guong/{old}")
    assert f'<meta http-equiv="refresh" content="0; url=http://127.0.0.1:8000/guong/{new}/">' in redirect
    assert f'<link rel="canonical" href="http://127.0.0.1:8000/guong/{new}/">' in redirect
    assert "Vũ" not in redirect
    assert f"guong/{new}/" in (project / "data/dia-chi-da-cong-bo.txt").read_text(encoding="utf-8")


def test_renamed_story_without_redirect_fails_then_redirect_fixes_it(project):
    """A story file renamed breaks its address until data/chuyen-huong.yaml records the move."""
    old = project / "content/cau-chuyen/nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc.md"
    old.rename(project / "content/cau-chuyen/nam-sinh-cuu-em-nho.md")
    failed = run_script("build", project)
    assert failed.returncode == 1
    assert (
        "đã công bố nhưng không còn trang nào: nếu trang đổi địa chỉ (đổi tên tệp), thêm vào data/chuyen-huong.yaml"
    ) in failed.stderr
    edit(project, "data/chuyen-huong.yaml", "chuyen_huong: []", "chuyen_huong:\n  - tu: /cau-chuyen/nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc\n    den: cau-chuyen/nam-sinh-cuu-em-nho/")
    result = run_script("build", project)
    assert result.returncode == 0, result.stderr
    assert "url=http://127.0.0.1:8000/cau-chuyen/nam-sinh-cuu-em-nho/" in read(project / "site", "cau-chuyen/nam-sinh-binh-tinh-cuu-em-nho-bi-duoi-nuoc")


def test_recorded_takedown_serves_a_neutral_page(project):
    """A taken-down address serves a page that names nobody and is kept out of search engines."""
    target = "le-thi-kim-oanh-thpt-song-thu"
    edit(project, f"data/guong/{target}.yaml", "cong_khai: true", "cong_khai: false")
    edit(project, "data/dia-chi-da-cong-bo.txt", f"guong/{target}/", f"guong/{target}/ go-xuong 2026-11-20")
    result = run_script("build", project)
    assert result.returncode == 0, result.stderr
    page = read(project / "site", f"guong/{target}")
    assert "Nội dung không còn được công bố" in page and '<meta name="robots" content="noindex">' in page
    assert "Oanh" not in page and "Song Thu" not in page
    site = project / "site"
    assert target not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert target not in (site / "du-lieu-mo/guong.json").read_text(encoding="utf-8")
    assert target not in html.unescape(read(site, "guong/don-vi/thpt-song-thu"))


def test_profile_with_a_photo(tmp_path):
    """A consented photo is published only as resized copies without metadata; the original never is."""
    from samples import TEACHER, project_files

    photo = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh mẫu"  # Make
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}  # GPS position
    Image.new("RGB", (400, 500), (30, 120, 200)).save(photo, exif=exif)
    files = project_files()
    consented = TEACHER.replace(
        "cong_khai: true",
        "anh:\n  tep: anh/tran-thi-binh.jpg\n  mo_ta: Cô Bình đứng trên bục giảng\n"
        "dong_y:\n  - nguoi: ban_than\n    ngay: 2025-01-02\n    pham_vi: [anh]\ncong_khai: true",
    )
    files["data/guong/tran-thi-binh.yaml"] = consented
    files["content/anh/tran-thi-binh.jpg"] = photo.read_bytes()
    root = make_project(tmp_path / "p", seeds=False, files=files)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = read(site, "guong/tran-thi-binh")
    assert (
        '<img class="gs-ho-so__anh" src="../../anh/tran-thi-binh-320w.jpg" srcset="../../anh/tran-thi-binh-128w.jpg 128w,'
        ' ../../anh/tran-thi-binh-320w.jpg 320w" sizes="160px" alt="Cô Bình đứng trên bục giảng"'
    ) in page
    assert not (site / "anh/tran-thi-binh.jpg").exists()
    for width in (128, 320):
        with Image.open(site / f"anh/tran-thi-binh-{width}w.jpg") as published:
            assert published.width == width and not published.getexif() and "exif" not in published.info
    with Image.open(site / "guong/tran-thi-binh/the-chia-se.png") as card:
        assert card.size == (1200, 630)
        pixel = card.convert("RGB").getpixel((230, 285))  # inside the photo circle; JPEG shifts a unit or two
        assert all(abs(a - b) <= 4 for a, b in zip(pixel, (30, 120, 200), strict=True)), pixel


def test_photo_without_consent_is_not_published(tmp_path):
    """Without consent to the photo, the profile is published and the photo is not, anywhere."""
    from samples import TEACHER, project_files

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (300, 300), (200, 30, 30)).save(photo)
    files = project_files()
    files["data/guong/tran-thi-binh.yaml"] = TEACHER.replace("cong_khai: true", "anh:\n  tep: anh/binh.jpg\n  mo_ta: Cô Bình trên bục giảng\ncong_khai: true")
    files["content/anh/binh.jpg"] = photo.read_bytes()
    root = make_project(tmp_path / "p", seeds=False, files=files)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert (
        "data/guong/tran-thi-binh.yaml:27:3: cảnh báo: ảnh chưa có sự đồng ý của chính người đó (pham_vi: anh) nên không được đăng;"
        " hồ sơ vẫn được đăng (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)"
    ) in result.stderr
    site = root / "site"
    assert '<h1 id="noi-dung">Trần Thị Bình</h1>' in read(site, "guong/tran-thi-binh")
    assert not list(site.rglob("binh*.jpg"))


def test_index_pagination(tmp_path):
    """With more than 24 teachers, the role index splits into linked pages of 24 cards."""
    import subprocess
    import sys

    root = make_project(tmp_path / "p")
    subprocess.run([sys.executable, str(ROOT / "scripts/generate_sample.py"), "--root", str(root), "--honorees", "120", "--seed", "5"], check=True, capture_output=True)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    first, second = read(site, "guong/doi-tuong/giao-vien"), read(site, "guong/doi-tuong/giao-vien/trang/2")
    assert first.count('class="gs-the"') == 24
    assert '<a href="trang/2/" rel="next">Trang sau ›</a>' in first
    assert '<a href="../../" rel="prev">‹ Trang trước</a>' in second
    assert '<span class="gs-trang__hien-tai" aria-current="page">2</span>' in second
    def cards(page: str) -> list[str]:
        return re.findall(r'<a class="gs-the__ten" href="(?:\.\./)+([^/]+)/">', page)

    assert len(cards(first)) == 24 and not set(cards(first)) & set(cards(second))


def test_initials_follow_the_written_name(demo_site):
    """The placeholder letters follow the name as written, also for names not in family-first order."""
    assert '<span class="gs-ho-so__anh gs-ho-so__anh--chu" aria-hidden="true" data-pagefind-ignore>HN</span>' in read(demo_site, "guong/h-hen-nie-thcs-binh-an")
    assert '<span class="gs-ho-so__anh gs-ho-so__anh--chu" aria-hidden="true" data-pagefind-ignore>NH</span>' in read(demo_site, f"guong/{THU_HA}")
