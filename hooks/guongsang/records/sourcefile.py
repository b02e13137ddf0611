"""Reading an editor's file: size cap, UTF-8, NFC, legacy-encoding mojibake, front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from guongsang.diagnostics import Report
from guongsang.lang import text

MAX_FILE_BYTES = 1_000_000

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    yaml: str
    """The YAML between the two '---' lines."""
    line_offset: int
    """Lines before the YAML (1: the opening '---')."""
    body: str
    body_line: int
    """The 1-based line where the body starts."""


def read_text(path: Path, rel: str, report: Report) -> str | None:
    """The file as NFC text, or None after reporting why it cannot be used."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        report.error(rel, 0, 0, f"tệp nặng {size:,} byte, quá giới hạn {MAX_FILE_BYTES:,} byte; hãy chia nhỏ tệp")
        return None
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.error(rel, 1, 1, "tệp lưu ở bảng mã UTF-16 (\"Unicode\" của Notepad, Excel); hãy lưu lại với bảng mã UTF-8")
        return None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line, col = text.line_col(before, len(before))
        report.error(
            rel, line, col,
            "tệp không ở bảng mã UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258); hãy lưu lại tệp"
            " với bảng mã UTF-8 (Unikey: Công cụ chuyển mã → Unicode)",
        )
        return None
    if "\x00" in source:
        report.error(rel, *text.line_col(source, source.index("\x00")), "tệp chứa ký tự rỗng (NUL): không phải tệp văn bản")
        return None
    found = text.find_mojibake(source)
    if found:
        offset, word = found
        report.error(
            rel, *text.line_col(source, offset),
            f"chữ '{word}' có dấu hiệu gõ bằng bảng mã cũ (TCVN3/VNI) rồi dán vào; hãy chuyển đoạn văn"
            " sang Unicode (Unikey: Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích Unicode)",
        )
        return None
    unseen = text.unseen_character(source)
    if unseen is not None:
        offset, code = unseen
        report.error(
            rel, *text.line_col(source, offset),
            f"có ký tự ẩn hoặc ký tự điều khiển {code} (không nhìn thấy được, thường lẫn vào khi dán từ Word,"
            " trang web hoặc PDF); xóa ký tự đó: đặt con trỏ ngay sau chữ đứng trước nó rồi bấm Delete",
        )
        return None
    offset = text.first_non_nfc_offset(source)
    if offset is not None:
        report.warning(
            rel, *text.line_col(source, offset),
            "chữ tiếng Việt ở dạng tổ hợp (NFD, thường gặp khi dán từ Word, PDF hoặc macOS);"
            " đã tự chuẩn hóa về dạng dựng sẵn (NFC), nên lưu lại tệp ở dạng NFC",
        )
        source = text.nfc(source)
    return source.replace("\r\n", "\n")


def split_front_matter(source: str) -> FrontMatter | None:
    """The YAML front matter and the body of a Markdown file, or None when it has none."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return None
    body = source[match.end():]
    return FrontMatter(
        yaml=match.group(1) or "",
        line_offset=1,
        body=body,
        body_line=source.count("\n", 0, match.end()) + 1,
    )
