"""Paths editors write, kept inside their roots.

Addresses in data/chuyen-huong.yaml and in the ledger become files the build writes; files named in
records (photos, signed PDFs) are read from content/. Each is checked as text first (relative, no '..',
no backslash), and every write and read resolves the path again and refuses one that leaves its root
(through '..', an absolute path or a symbolic link): a typo or a hostile edit never reaches outside the
site or the project.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
"""One part of an address: no leading dot, so '.', '..' and hidden files are never named."""
PAGE_FILE_SUFFIXES = (".html", ".htm")


class UnsafePath(ValueError):
    """A path that would leave the folder it must stay in."""


def site_address_problem(address: str) -> str | None:
    """Why ``address`` cannot name a page of this site (None when it can).

    A page address is relative to the site root, made of '/'-separated parts of ASCII letters, digits,
    '-', '_', '.' and '~', and ends with '/' ('guong/nguyen-van-a/') or names an '.html' file (an old
    portal's 'tin-tuc/bai-1.html'). A leading '/' is tolerated, as copied from a browser.
    """
    if not address.strip():
        return "địa chỉ trống; ghi địa chỉ trang tính từ gốc trang, ví dụ 'guong/nguyen-van-a/'"
    if "://" in address or address.startswith("//"):
        return "cần địa chỉ trong trang này, tính từ gốc trang (ví dụ 'guong/nguyen-van-a/'), không phải địa chỉ đầy đủ 'https://…'"
    if any(char in address for char in "\\?#%"):
        return "địa chỉ chỉ gồm chữ cái không dấu, số và các dấu '-', '_', '.', '/'; không dùng '\\', '?', '#' hay '%'"
    relative = address.strip().lstrip("/")
    if not relative:
        return "'/' là trang chủ, không chuyển hướng hay gỡ xuống được"
    parts = relative.split("/")
    if parts[-1] == "":
        parts.pop()
    elif not parts[-1].lower().endswith(PAGE_FILE_SUFFIXES) and "." in parts[-1]:
        return "chỉ địa chỉ trang mới chuyển hướng được: địa chỉ kết thúc bằng '/' hoặc '.html'"
    for part in parts:
        if part in (".", ".."):
            return "địa chỉ không được chứa '.' hay '..' (trỏ ra ngoài thư mục); ghi đường dẫn đầy đủ tính từ gốc trang"
        if not _SEGMENT.match(part):
            return f"phần '{part}' của địa chỉ chỉ được gồm chữ cái không dấu, số và các dấu '-', '_', '.', không bắt đầu bằng dấu chấm"
    return None


def page_file(url: str) -> str:
    """The file a page address is written to: 'guong/a/' -> 'guong/a/index.html'; 'tin/b.html' stays."""
    return url if url.lower().endswith(PAGE_FILE_SUFFIXES) else f"{url}index.html"


def inside(root: Path, relative: str) -> Path:
    """``root/relative`` resolved; raises UnsafePath when it would lie outside ``root``."""
    base = root.resolve()
    target = (base / relative).resolve()
    if target == base or not target.is_relative_to(base):
        raise UnsafePath(f"'{relative}' nằm ngoài thư mục {base.name}/")
    return target


def _content_path_problem(path: str) -> str | None:
    """Why ``path`` (a file named in a record, relative to content/ or to a document's folder after
    joining) cannot name a file inside content/ (None when it can)."""
    if not path.strip():
        return "đường dẫn trống"
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path) or "://" in path:
        return "cần đường dẫn tương đối tính từ thư mục content/ (ví dụ 'anh/ten-anh.jpg'), không phải đường dẫn tuyệt đối"
    if "\\" in path:
        return "dùng dấu '/' để ngăn cách thư mục, không dùng '\\'"
    normalized = posixpath.normpath(path)
    if normalized == ".." or normalized.startswith("../"):
        return "đường dẫn trỏ ra ngoài thư mục content/; tệp phải nằm trong content/"
    return None


def content_file(docs_dir: Path, relative: str) -> Path:
    """A file of content/, resolved (symbolic links included); raises UnsafePath outside content/."""
    problem = _content_path_problem(relative)
    if problem:
        raise UnsafePath(problem)
    try:
        return inside(docs_dir, relative)
    except UnsafePath:  # written as a path inside, so a symbolic link leads out
        raise UnsafePath("tệp nằm ngoài thư mục content/ (qua liên kết tượng trưng); chép tệp thật vào content/") from None
