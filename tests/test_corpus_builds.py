"""Every corpus document the importer accepts builds into a page that shows its header as read."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from conftest import make_project, run_script
from corpus_accuracy import copies

MINIMUM = {".txt": 37, ".docx": 3, ".pdf": 3}
"""Copies the importer must accept; the others name what stops them (a number not in the lawful form, no title)."""


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_every_imported_corpus_document_builds_and_what_cannot_be_read_is_named(suffix: str, tmp_path: Path) -> None:
    """One project per kind of file: the copies of one document share its number, which a site holds once."""
    root = make_project(tmp_path / "p", seeds=False)
    written: list[str] = []
    refused: list[str] = []
    for path, _ in copies():
        if path.suffix != suffix:
            continue
        target = f"content/van-ban/nhap-{path.stem}.md"
        result = run_script("import", root, "van-ban", str(path), "--ra", target)
        if result.returncode == 0:
            written.append(target)
        else:  # refused: what the copy lacks or what does not hold is named, nothing is written
            assert "lỗi:" in result.stderr and "chưa tạo" in result.stderr, result.stderr
            assert not (root / target).exists()
            refused.append(path.name)
    assert len(written) >= MINIMUM[suffix], f"{len(written)} bản nhập được; bị từ chối: {refused}"

    build = run_script("build", root)
    assert build.returncode == 0, build.stderr
    for target in written:
        front = yaml.safe_load((root / target).read_text(encoding="utf-8").split("---")[1])
        page = (root / "site" / "van-ban" / Path(target).stem / "index.html").read_text(encoding="utf-8")
        assert html.escape(front["co_quan_ban_hanh"], quote=False) in page, target
        if front.get("trang_thai") == "ban_hanh_thieu_so_ngay":
            assert "không có trong bản chúng tôi có" in page, target
