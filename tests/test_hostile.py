"""Hostile text in every field of a record, a story, a document and an editor's page never runs in a reader's browser."""

from __future__ import annotations

import pytest
from conftest import make_project, run_script
from samples import CAMPAIGN, COLLECTIVE, CRITERIA, DEPARTMENT, DOCUMENT, MANAGER, STUDENT, TEACHER, UNIT, required_data

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload="window.__pwned=1">',
    "'><iframe src=\"javascript:parent.__pwned=1\"></iframe>",
    "</title><script>window.__pwned=1</script>",
    "</textarea><script>window.__pwned=1</script>",
    '<a href="javascript:window.__pwned=1">bấm</a>',
    '<details open ontoggle="window.__pwned=1">',
    "{{ 7*7 }} {% raw %}",
    "javascript:window.__pwned=1",
]


def hostile(n: int) -> str:
    """A YAML double-quoted scalar holding payload n (cycled) next to ordinary text."""
    payload = PAYLOADS[n % len(PAYLOADS)].replace("\\", "\\\\").replace('"', '\\"')
    return f'"Chữ {n} {payload}"'


def poison(source: str, keys: list[str], start: int) -> str:
    lines = source.splitlines()
    for i, line in enumerate(lines):
        key = line.strip().removeprefix("- ").split(":")[0]
        if key in keys and ":" in line:
            indent = line[: len(line) - len(line.lstrip())] + ("- " if line.strip().startswith("- ") else "")
            lines[i] = f"{indent}{key}: {hostile(start + i)}"
    return "\n".join(lines) + "\n"


STORY_BODY = "\n\n".join(f"Đoạn {i}: {p}" for i, p in enumerate(PAYLOADS) if "javascript" not in p)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, serve) -> str:
    # Name parts must be names (letters, apostrophes, hyphens); the name as displayed takes any text.
    people = ["chuc_vu", "tom_tat", "co_quan"]
    files = {
        **required_data(),
        "data/don-vi/truong-a.yaml": poison(UNIT, ["ten", "xa"], 0),
        "data/don-vi/so-mau.yaml": poison(DEPARTMENT, ["ten"], 10),
        "data/phong-trao/pt.yaml": poison(CAMPAIGN, ["ten"], 20).replace("van_ban: [mau]", "van_ban: [mau]\npham_vi: " + hostile(25)),
        "data/tieu-chi/tc.yaml": poison(CRITERIA, ["ten", "noi_dung"], 30),
        "data/guong/truong-a-tap-the.yaml": poison(COLLECTIVE, ["co_quan"], 40).replace("cong_khai: true", f"ten_tap_the: {hostile(45)}\ncong_khai: true"),
        "data/guong/nguyen-van-an.yaml": poison(MANAGER, people, 50).replace(
            "cong_khai: true", f"ngoai_le_don_vi: {hostile(58)}\nten_day_du: {hostile(54)}\ncong_khai: true"
        ),
        "data/guong/tran-thi-binh.yaml": poison(TEACHER, people, 60).replace("cong_khai: true", f"ten_day_du: {hostile(62)}\ncong_khai: true")
        + "dong_y:\n  - nguoi: ban_than\n    ngay: 2025-01-02\n    pham_vi: [cau_chuyen]\n    ghi_chu: " + hostile(69) + "\n",
        "data/guong/le-cuong.yaml": poison(STUDENT, people, 70).replace("cong_khai: true", f"ten_day_du: {hostile(73)}\ncong_khai: true"),
        "content/van-ban/mau.md": poison(DOCUMENT, ["co_quan_chu_quan", "dia_danh", "trich_yeu", "ho_ten"], 80).replace(
            "  - Các đơn vị;", "  - " + hostile(95)
        ),
        "content/huong-dan/ho-so.md": (
            f"---\ntitle: {hostile(110)}\ndescription: {hostile(111)}\n---\n\n# {PAYLOADS[1]} tiêu đề\n\n{STORY_BODY}\n"
        ),
        "content/cau-chuyen/cau-chuyen-doc.md": (
            f"---\ntieu_de: {hostile(100)}\nngay: 2025-03-01\ntac_gia: {hostile(101)}\nguong: [tran-thi-binh]\n"
            f"the: [{hostile(102)}]\ntom_tat: {hostile(103)}\n---\n\n{STORY_BODY}\n"
        ),
    }
    root = make_project(tmp_path_factory.mktemp("hostile"), seeds=False, files=files)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    assert "sẽ bị lược bỏ khi đăng" in result.stderr  # the editor is told raw HTML will go
    return serve(root / "site")


PAGES = [
    "",
    "guong/tran-thi-binh/",
    "guong/nguyen-van-an/",
    "guong/truong-a-tap-the/",
    "guong/doi-tuong/giao-vien/",
    "guong/don-vi/truong-a/",
    "guong/phong-trao/pt/",
    "guong/",
    "cau-chuyen/",
    "cau-chuyen/cau-chuyen-doc/",
    "van-ban/",
    "van-ban/mau/",
    "du-lieu-mo/",
    "huong-dan/ho-so/",
    "huong-dan/",
]


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_no_payload_runs(browser, hostile_site, url):
    """Each page loads, shows the payloads as text, and no script of theirs ran."""
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_site + url, wait_until="load")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    body = page.text_content("body")
    SHOWN.append(body)
    if url in ("guong/tran-thi-binh/", "guong/nguyen-van-an/", "cau-chuyen/cau-chuyen-doc/", "van-ban/mau/", "huong-dan/ho-so/"):
        assert "window.__pwned=1" in body  # the payloads are shown as text, not run
    page.close()


SHOWN: list[str] = []


def test_payloads_are_shown_as_text():
    """Across the pages, every payload reads as the text the editor typed (templates in data stay text)."""
    assert len(SHOWN) == len(PAGES)
    shown = "\n".join(SHOWN)
    for payload in ("{{ 7*7 }}", "<script>window.__pwned=1</script>", 'onerror="window.__pwned=1"', "</title><script>"):
        assert payload in shown, payload


def test_javascript_links_are_refused(tmp_path):
    """A 'javascript:' link in a story is an error at its line, so it never reaches a page."""
    story = "---\ntieu_de: Một\nngay: 2025-03-01\ntac_gia: Văn phòng\n---\n\nXem [đây](javascript:alert(1)).\n"
    root = make_project(tmp_path / "p", seeds=False, files={"content/cau-chuyen/mot.md": story})
    result = run_script("check", root)
    assert result.returncode == 1
    assert (
        "content/cau-chuyen/mot.md:7:11: lỗi: liên kết 'javascript:' (hoặc 'data:') không được phép vì có thể chạy mã"
        " trên máy người đọc; dùng địa chỉ http:// hoặc https://"
    ) in result.stderr
