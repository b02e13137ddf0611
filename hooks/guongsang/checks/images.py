"""A record's image (a profile's photo, a story's picture) is a file of content/ and an image by its name.

The file itself (size, pixels, readable) is checked with every file of content/ (records/contentfiles.py).
"""

from __future__ import annotations

from pathlib import Path

from guongsang.diagnostics import Report
from guongsang.paths import UnsafePath, content_file
from guongsang.records.images import EXTENSIONS
from guongsang.records.yamlsrc import Mark


def check_image(docs_dir: Path, file: str, rel: str, mark: Mark, report: Report) -> None:
    try:
        path = content_file(docs_dir, file)
    except UnsafePath as exc:
        report.error(rel, mark.line, mark.col, f"ảnh '{file}': {exc}")
        return
    if not path.is_file():
        report.error(rel, mark.line, mark.col, f"không thấy tệp ảnh '{file}' (đường dẫn tính từ thư mục content/)")
        return
    if path.suffix.lower() not in EXTENSIONS:
        report.error(rel, mark.line, mark.col, f"'{file}' không phải ảnh: chỉ nhận tệp .jpg, .png hoặc .webp")
