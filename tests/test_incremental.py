"""`make serve` rebuilds only what changed, and what it serves is what a clean build makes, byte for byte."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import make_project
from servetools import PATIENCE, fetch, serving

# A clean build as `mkdocs serve` makes its first one (same address, same serve mode).
CLEAN_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
site_dir, serve_url = sys.argv[1:3]
config = load_config(config_file="mkdocs.yml", site_dir=site_dir)
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = serve_url
build(config, serve_url=serve_url)
config.plugins.on_shutdown()
"""
QUICK = "guongsang: dựng lại "
INDEXED = "guongsang: đã làm lại chỉ mục tìm kiếm"
ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
"""One build day for both builds (the sitemap and calendars carry it)."""


def _differences(served: Path, clean: Path) -> list[str]:
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], rel: str) -> None:
        found.extend(f"chỉ có khi dựng lại: {rel}{name}" for name in comparison.left_only)
        found.extend(f"chỉ có khi dựng mới: {rel}{name}" for name in comparison.right_only)
        for name in comparison.common_files:
            if Path(comparison.left, name).read_bytes() != Path(comparison.right, name).read_bytes():
                found.append(f"khác: {rel}{name}")
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(served, clean), "")
    return found


def _wait_for(log: Path, line: str, count: int) -> None:
    deadline = time.monotonic() + PATIENCE
    while log.read_text(encoding="utf-8").count(line) < count:
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
        time.sleep(0.1)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuilds_under_serve_equal_a_clean_build(tmp_path):
    """Edit, rename, add and delete records, stories and a template while serving: after each save only the
    pages whose inputs changed are rendered again, unchanged files keep their time, and the served folder
    (search index included, once remade) equals a clean build of the same files."""
    root = make_project(tmp_path / "p")
    people, stories = root / "data/guong", root / "content/cau-chuyen"
    temp = tmp_path / "tmp"
    temp.mkdir()

    def rename() -> None:
        old = people / "cao-van-binh-thcs-dong-tien.yaml"
        text = old.read_text(encoding="utf-8")
        old.unlink()
        moved = text.replace("ma: cao-van-binh-thcs-dong-tien", "ma: cao-van-binh-dong-tien\nma_cu: [cao-van-binh-thcs-dong-tien]")
        (people / "cao-van-binh-dong-tien.yaml").write_text(moved, encoding="utf-8")

    def add() -> None:
        text = (people / "dang-van-khoa-thpt-le-quy-don.yaml").read_text(encoding="utf-8")
        text = text.replace("ma: dang-van-khoa-thpt-le-quy-don", "ma: nguyen-thi-moi-thpt-le-quy-don")
        (people / "nguyen-thi-moi-thpt-le-quy-don.yaml").write_text(text.replace("ten: Khoa", "ten: Mới"), encoding="utf-8")

    story = "---\ntieu_de: Một chuyện mới\nngay: 2026-11-02\ntac_gia: Văn phòng Sở\nthe: [Nhân viên]\n---\n\nNội dung chuyện mới.\n"
    steps: list[tuple[str, Callable[[], None]]] = [
        ("sửa hồ sơ", lambda: _edit(people / "dang-van-khoa-thpt-le-quy-don.yaml", "tom_tat: ", "tom_tat: Đã cập nhật. ")),
        ("đổi mã hồ sơ", rename),
        ("thêm hồ sơ", add),
        ("xóa hồ sơ", lambda: (people / "nguyen-thi-moi-thpt-le-quy-don.yaml").unlink()),
        ("sửa câu chuyện", lambda: _edit(stories / "co-giao-kien-tri-giu-chan-hoc-vien.md", "\n---\n\n", "\n---\n\nĐoạn mở đầu mới.\n\n")),
        ("thêm câu chuyện", lambda: (stories / "chuyen-moi.md").write_text(story, encoding="utf-8")),
        ("xóa câu chuyện", lambda: (stories / "chuyen-moi.md").unlink()),
        ("sửa mẫu trang", lambda: _edit(root / "overrides/partials/honoree-card.html", "<li", "<!-- thẻ -->\n<li")),
    ]
    with serving(root, temp, ENV) as (base, log):
        served = next(p for p in temp.iterdir() if p.name.startswith("mkdocs_") and "." not in p.name)
        untouched = served / "guong/do-thi-lan-anh-thpt-nguyen-du/index.html"
        edited = served / "guong/dang-van-khoa-thpt-le-quy-don/index.html"
        before = {path: path.stat().st_mtime_ns for path in (untouched, edited)}
        for number, (label, change) in enumerate(steps, start=1):
            time.sleep(0.05)  # a new modification time, whatever the file system's resolution
            change()
            _wait_for(log, QUICK, number)
            _wait_for(log, INDEXED, number)
            if number == 1:
                assert "Đã cập nhật." in fetch(base + "guong/dang-van-khoa-thpt-le-quy-don/")
                assert untouched.stat().st_mtime_ns == before[untouched], "a page whose inputs did not change is not written"
                assert edited.stat().st_mtime_ns != before[edited]
            clean = tmp_path / f"clean-{number}"
            subprocess.run(
                [sys.executable, "-c", CLEAN_BUILD, str(clean), base], cwd=root, check=True, capture_output=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENV},
            )
            assert _differences(served, clean) == [], label
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if QUICK in line]
    assert len(lines) == len(steps), "each save rebuilt once, without MkDocs's full build"
    assert "Building documentation" not in log.read_text(encoding="utf-8").split(QUICK, 1)[1]
