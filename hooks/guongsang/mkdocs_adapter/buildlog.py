"""MkDocs's own warnings, said to an editor: in Vietnamese, at the file and line to fix.

`make check` predicts these (checks/links.py, contentfiles.py); should one still come from MkDocs, the build
fails on it as before, but the message names the file under content/, the line and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from guongsang.records.sourcetexts import markdown_body

_DOC_LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a link|an unrecognized relative link|an absolute link) '(?P<url>[^']*)'"
)
_ANCHOR = re.compile(r"does not contain an anchor '#(?P<anchor>[^']*)'")
_NOT_IN_NAV = re.compile(r'^The following pages exist in the docs directory, but are not included in the "nav" configuration:\s*(?P<pages>.*)$', re.S)
_NAV_MISSING = re.compile(r"^A reference to '(?P<src>[^']+)' is included in the 'nav' configuration, which is not found")


def translate(message: str, docs_dir: Path, root: Path) -> str | None:
    """The editor's version of a MkDocs warning, or None for one not about an editor's file."""
    docs = docs_dir.relative_to(root).as_posix()
    if match := _DOC_LINK.match(message):
        src, url = match.group("src"), match.group("url")
        line, col = _locate(docs_dir / src, url)
        if anchor := _ANCHOR.search(message):
            what = f"liên kết '{url}' tới mục '#{anchor.group('anchor')}' không có trên trang đích; sửa tên mục (xem đường dẫn khi bấm ¶ cạnh tiêu đề mục)"
        elif "absolute link" in message:
            what = f"liên kết '{url}' là đường dẫn tuyệt đối; viết đường dẫn tương đối tới tệp .md, ví dụ '../van-ban/ten-tep.md'"
        else:
            what = f"liên kết '{url}' không dẫn tới tệp nào được đăng; sửa đường dẫn (tính từ thư mục của trang này, tới tệp .md hoặc tệp ảnh)"
        return f"{docs}/{src}:{line}:{col}: lỗi: {what} (MkDocs: {message})"
    if match := _NOT_IN_NAV.match(message):
        pages = [p.strip(" -") for p in match.group("pages").splitlines() if p.strip(" -")]
        return "\n".join(
            f"{docs}/{page}:0:0: lỗi: trang chưa có trong mục lục (phần 'nav:' của mkdocs.yml); thêm dòng '- {page}' vào 'nav:', hoặc xóa tệp"
            for page in pages
        )
    if match := _NAV_MISSING.match(message):
        return f"mkdocs.yml:0:0: lỗi: mục lục (nav) nhắc tới '{match.group('src')}' nhưng không có tệp {docs}/{match.group('src')}; sửa tên tệp trong 'nav:' (MkDocs: {message})"
    return None


def _locate(path: Path, url: str) -> tuple[int, int]:
    """The line and column where ``url`` is written in a Markdown file (1, 1 when there is no file)."""
    if not path.is_file():
        return 1, 1
    return markdown_body(path, "").where(url)
