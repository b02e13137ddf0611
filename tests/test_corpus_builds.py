"""Every corpus document the importer accepts builds into a page that shows its header as read."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import make_project, run_script
from corpus_accuracy import copies


def test_every_imported_corpus_document_builds_and_what_cannot_be_read_is_named(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", seeds=False)
    written: list[tuple[str, dict]] = []
    refused = 0
    for path, meta in copies():
        target = f"content/van-ban/nhap-{path.stem}-{path.suffix[1:]}.md"
        result = run_script("import", root, "van-ban", str(path), "--ra", target)
        if result.returncode == 0:
            written.append((target, meta))
        else:  # refused: what the copy lacks or what does not hold is named, nothing is written
            assert "lỗi:" in result.stderr and "chưa tạo" in result.stderr, result.stderr
            assert not (root / target).exists()
            refused += 1
    assert len(written) >= 30, f"chỉ {len(written)} bản nhập được, {refused} bị từ chối"

    build = run_script("build", root)
    assert build.returncode == 0, build.stderr
    for target, meta in written:
        front = yaml.safe_load((root / target).read_text(encoding="utf-8").split("---")[1])
        page = (root / "site" / "van-ban" / Path(target).stem / "index.html").read_text(encoding="utf-8")
        assert front["co_quan_ban_hanh"] in page, target
        if front.get("trang_thai") == "ban_hanh_thieu_so_ngay":
            assert "không có trong bản chúng tôi có" in page, target
