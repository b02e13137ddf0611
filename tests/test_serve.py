"""`mkdocs serve` (make serve): a bad save never hangs the browser; the last good site stays, the error on top."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import make_project, write_files
from guongsang.mkdocs_adapter import serving
from mkdocs.exceptions import Abort
from samples import COLLECTIVE, DEPARTMENT, MANAGER, UNIT
from servetools import PATIENCE, fetch
from servetools import serving as serve_project

PROFILE = "guong/nguyen-van-an/"
STORY = "cau-chuyen/mot/"
STORY_FILE = "content/cau-chuyen/mot.md"
STORY_HEAD = "---\ntieu_de: Một câu chuyện\nngay: 2025-03-01\ntac_gia: Văn phòng Sở\n---\n\n"
BANNER = re.compile(r'<div id="gs-loi-dung-trang" role="alert".*?</ul></div>', re.S)
def _until(url: str, log: Path, ready: Callable[[str, str], bool]) -> tuple[str, str]:
    """The page at ``url`` as (banner, rest) once ``ready(banner, rest)``; fails after PATIENCE seconds."""
    deadline = time.monotonic() + PATIENCE
    while True:
        page = fetch(url)
        found = BANNER.search(page)
        banner = found.group(0) if found else ""
        rest = page.replace(banner, "") if banner else page
        if ready(banner, rest):
            return banner, rest
        assert time.monotonic() < deadline, f"{url}: {banner or 'no banner'}\n{log.read_text(encoding='utf-8')}"
        time.sleep(0.2)


def test_bad_saves_keep_the_last_good_site_with_the_error_on_top(tmp_path):
    """Errors before MkDocs writes (data) and after (a template) keep the last good site, the error on top."""
    root = make_project(tmp_path / "p", seeds=False, files={
        "data/don-vi/truong-a.yaml": UNIT,
        "data/don-vi/so-mau.yaml": DEPARTMENT,
        "data/guong/truong-a-tap-the.yaml": COLLECTIVE,
        "data/guong/nguyen-van-an.yaml": MANAGER,
        STORY_FILE: f"{STORY_HEAD}Em đã giúp bạn qua sông.\n",
    })
    temp = tmp_path / "tmp"
    temp.mkdir()
    record = "data/guong/nguyen-van-an.yaml"
    assert MANAGER.splitlines()[5] == "don_vi: truong-a" and "Phó Hiệu" not in MANAGER
    with serve_project(root, temp) as (base, log):
        page = fetch(base + PROFILE)
        assert "Hiệu trưởng" in page and not BANNER.search(page)

        # Line 6 names a unit that does not exist: the loader stops the build before MkDocs cleans anything.
        unknown_unit = MANAGER.replace("don_vi: truong-a", "don_vi: truong-khong-co")
        write_files(root, {record: unknown_unit.replace("Hiệu", "Phó Hiệu")})
        banner, rest = _until(base + PROFILE, log, lambda banner, rest: bool(banner))
        assert "Chưa dựng được trang" in banner and "bản dựng thành công gần nhất" in banner
        assert f"{record}:6:" in banner and "truong-khong-co" in banner
        assert "Hiệu trưởng" in rest and "Phó Hiệu" not in rest
        assert BANNER.search(fetch(base)), "every page carries the banner"

        # A broken story template fails while MkDocs renders, after it has emptied its output folder and
        # written the fixed profile: the site served is still the last good one. The template is saved
        # first, so no build in between succeeds.
        template = root / "overrides/story.html"
        good_template = template.read_text(encoding="utf-8")
        template.write_text(good_template + "\n{% if %}\n", encoding="utf-8")
        write_files(root, {STORY_FILE: f"{STORY_HEAD}Em đã giúp bạn qua sông an toàn.\n"})
        write_files(root, {record: MANAGER.replace("Hiệu", "Phó Hiệu")})
        banner, rest = _until(base + STORY, log, lambda banner, rest: "TemplateSyntaxError" in banner)
        assert "story.html" in banner and record not in banner
        assert "Em đã giúp bạn qua sông." in rest and "an toàn" not in rest
        banner, rest = _until(base + PROFILE, log, lambda banner, rest: bool(banner))
        assert "Hiệu trưởng" in rest and "Phó Hiệu" not in rest

        template.write_text(good_template, encoding="utf-8")
        _until(base + STORY, log, lambda banner, rest: not banner and "qua sông an toàn." in rest)
        page = fetch(base + PROFILE)
        assert "Phó Hiệu trưởng" in page and not BANNER.search(page)
    assert list(temp.iterdir()) == [], "the served, staging and previous folders are removed on exit"


class _Server:
    """The parts of MkDocs's LiveReloadServer that serving.py uses."""

    def __init__(self, root: Path, builder: Callable[[], None]) -> None:
        self.root, self.builder = str(root), builder
        self.error_handler: Callable[[int], bytes | None] = lambda code: (Path(self.root) / "404.html").read_bytes()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return content + b"<script></script>"


def test_a_failed_rebuild_keeps_the_folder_and_escapes_the_error(tmp_path):
    """A failing builder returns, leaves the served folder, puts the error as text after <body>; a good one swaps in."""
    served = tmp_path / "served"
    write_files(served, {"index.html": "<html><body class=x><p>cũ</p></body></html>", "404.html": "<body>404</body>"})
    outcome: list[str] = []

    def build() -> None:
        staging = serving.staging_dir()
        assert staging is not None and staging != str(served)
        if outcome:
            write_files(Path(staging), {"index.html": outcome[0], "404.html": "<body>404</body>"})
            return
        write_files(Path(staging), {"index.html": "dở dang"})
        print("data/guong/x.yaml:3:5: lỗi: <script>alert(1)</script>", file=sys.stderr)
        raise Abort("Có 1 lỗi")

    serving.start(serve=True, dirty=False)
    try:
        assert serving.staging_dir() is None, "the first build writes where MkDocs says"
        server = serving.keep_last_good(_Server(served, build), lambda served_dir: False)
        server.builder()
        page = server._inject_js_into_html((served / "index.html").read_bytes(), 1).decode()
        assert page.startswith('<html><body class=x><div id="gs-loi-dung-trang" role="alert"')
        assert "data/guong/x.yaml:3:5: lỗi: &lt;script&gt;alert(1)&lt;/script&gt;</li>" in page and "Có 1 lỗi" in page
        assert page.endswith("<p>cũ</p></body></html><script></script>")
        assert "gs-loi-dung-trang" in (server.error_handler(404) or b"").decode()
        outcome.append("<html><body><p>mới</p></body></html>")
        server.builder()
        assert (served / "index.html").read_text(encoding="utf-8") == outcome[0]
        assert server._inject_js_into_html(outcome[0].encode(), 2) == f"{outcome[0]}<script></script>".encode()
        serving.stop()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["served"]
    finally:
        serving.start(serve=False, dirty=False)
