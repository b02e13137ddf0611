"""The files of content/: what is published as it is, what goes through the image pipeline, what is refused.

MkDocs publishes every file of its docs folder verbatim and follows symbolic links. Nothing reaches the
site that way unchecked: a file is published only if its type is on the allow list (pages, images, PDF,
CSV and text files, which the scanner reads); images are always re-encoded (images.py); a symbolic link,
an HTML or script file, an SVG (it can carry script) or an unknown type stops the build at its path.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pathspec
from PIL import Image, UnidentifiedImageError

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.lang import text
from guongsang.records import images
from guongsang.records.mdrecords import INDEX_PAGE, load_markdown_record
from guongsang.records.models import PageMeta
from guongsang.records.sourcefile import read_text
from guongsang.settings import Settings

PAGE = ".md"
ATTACHMENTS = (".pdf", ".csv", ".txt")
"""Published as they are: signed PDFs, and text the personal-data scanner reads."""
MAX_ATTACHMENT_BYTES = 20_000_000
IGNORED = frozenset({"thumbs.db", "desktop.ini"})
"""Files Windows leaves in folders by itself: never published, never an error."""
_SAFE_NAME = re.compile(r"^[^<>\"'`&%#?\\\s][^<>\"'`&%#?\\]*$")
_REFUSED = {
    ".svg": "ảnh SVG có thể chứa mã chạy trên máy người đọc nên không được đăng; hãy xuất ảnh sang PNG",
    ".gif": "ảnh GIF không được hỗ trợ; hãy lưu ảnh sang PNG hoặc JPG",
    **dict.fromkeys(
        (".html", ".htm", ".xhtml", ".js", ".mjs", ".css", ".php", ".xml", ".json", ".swf", ".wasm"),
        "tệp có thể chứa mã chạy trên máy người đọc nên không được đăng; trang viết bằng Markdown (tệp .md)",
    ),
}
_MKDOCS_EXCLUDED = pathspec.gitignore.GitIgnoreSpec.from_lines([".*", "/templates/"])
"""What MkDocs itself never reads from its docs folder (hidden files, templates/)."""


@dataclass
class ContentFiles:
    """The publishable files of content/, by kind (paths relative to content/, with '/')."""

    pages: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)

    @property
    def text_files(self) -> list[str]:
        """Pages and the attachments that are text (CSV, plain text): what a reader reads as words."""
        return [*self.pages, *(a for a in self.attachments if not a.lower().endswith(".pdf"))]


def load_content_files(docs_dir: Path, root: Path, settings: Settings, record_folders: tuple[str, ...], report: Report) -> ContentFiles:
    """Every file of content/, each either accepted by kind or reported at its path.

    Pages in ``record_folders`` (documents, stories) but their index are records, which their own loaders
    check; every other page has its front matter checked here, and must be reachable from the navigation.
    """
    found = ContentFiles()
    if not docs_dir.is_dir():
        return found
    docs = docs_dir.relative_to(root).as_posix()
    out_of_nav = pathspec.gitignore.GitIgnoreSpec.from_lines(settings.not_in_nav.splitlines())
    for folder, dirs, files in os.walk(docs_dir):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            src_uri = path.relative_to(docs_dir).as_posix()
            if _MKDOCS_EXCLUDED.match_file(f"{src_uri}/"):
                dirs.remove(name)
            elif path.is_symlink():
                dirs.remove(name)
                report.error(f"{docs}/{src_uri}", 0, 0, _SYMLINK)
            elif f"{src_uri}/" == urls.ADMIN:  # the web editor's address: no editor file may sit there
                dirs.remove(name)
                report.error(f"{docs}/{src_uri}", 0, 0, f"địa chỉ {urls.ADMIN} dành cho trình sửa trên web; hãy chuyển các tệp sang thư mục khác")
        dirs.sort()
        for name in sorted(files):
            path = here / name
            src_uri = path.relative_to(docs_dir).as_posix()
            if _MKDOCS_EXCLUDED.match_file(src_uri):
                continue
            rel = f"{docs}/{src_uri}"
            if name.lower() in IGNORED:
                continue
            if path.is_symlink():
                report.error(rel, 0, 0, _SYMLINK)
            elif not _SAFE_NAME.match(name) or text.unseen_character(name):
                report.error(rel, 0, 0, "tên tệp có ký tự không dùng được trong địa chỉ trang; đổi tên tệp, chỉ dùng chữ, số, dấu '-' và '_'")
            else:
                _accept(path, src_uri, rel, found, report)
    for src_uri in found.pages:
        if not (src_uri.startswith(tuple(f"{folder}/" for folder in record_folders)) and PurePosixPath(src_uri).name != INDEX_PAGE):
            _check_page(docs_dir, root, src_uri, settings, out_of_nav, report)
    return found


_SYMLINK = (
    "liên kết tượng trưng (symlink) không được dùng trong thư mục trang: nó có thể đưa tệp ở nơi khác lên cổng;"
    " hãy chép tệp thật vào đây"
)


def _accept(path: Path, src_uri: str, rel: str, found: ContentFiles, report: Report) -> None:
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix == PAGE:
        found.pages.append(src_uri)
    elif suffix in images.EXTENSIONS:
        if _image_ok(path, rel, size, report):
            found.images.append(src_uri)
    elif suffix in ATTACHMENTS:
        if size > MAX_ATTACHMENT_BYTES:
            report.error(rel, 0, 0, f"tệp nặng {size / 1e6:.1f} MB, quá giới hạn {MAX_ATTACHMENT_BYTES / 1e6:.0f} MB; hãy nén hoặc chia nhỏ tệp")
        elif suffix == ".pdf" and not path.read_bytes()[:1024].lstrip().startswith(b"%PDF-"):
            report.error(rel, 0, 0, "tệp có đuôi .pdf nhưng không phải PDF; hãy xuất lại tệp PDF")
        elif suffix != ".pdf" and read_text(path, rel, report) is None:
            pass  # the reason is reported at its line
        else:
            found.attachments.append(src_uri)
    elif suffix in _REFUSED:
        report.error(rel, 0, 0, _REFUSED[suffix])
    else:
        kinds = ", ".join((PAGE, *images.EXTENSIONS, *ATTACHMENTS))
        report.error(rel, 0, 0, f"loại tệp '{suffix or path.name}' không được đăng lên cổng; chỉ nhận: {kinds}")


def _image_ok(path: Path, rel: str, size: int, report: Report) -> bool:
    """An image the pipeline can re-encode: not too heavy, not too many pixels, readable."""
    if size > images.MAX_IMAGE_BYTES:
        report.error(rel, 0, 0, f"ảnh nặng {size / 1e6:.1f} MB, quá giới hạn {images.MAX_IMAGE_BYTES / 1e6:.0f} MB; hãy thu nhỏ ảnh trước khi thêm")
        return False
    try:
        with Image.open(path) as image:  # reads the header only: the pixel count is known before decoding
            width, height = image.size
            if width * height > images.MAX_PIXELS:
                report.error(rel, 0, 0, f"ảnh có {width}×{height} điểm ảnh, quá {images.MAX_PIXELS // 1_000_000} triệu điểm; hãy thu nhỏ ảnh")
                return False
            image.verify()
    except Image.DecompressionBombError:
        report.error(rel, 0, 0, f"ảnh có quá {images.MAX_PIXELS // 1_000_000} triệu điểm ảnh; hãy thu nhỏ ảnh")
        return False
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        report.error(rel, 0, 0, f"tệp không đọc được như một ảnh (hỏng, hoặc không phải ảnh dù có đuôi {path.suffix})")
        return False
    return True


def _check_page(docs_dir: Path, root: Path, src_uri: str, settings: Settings, out_of_nav: pathspec.PathSpec, report: Report) -> None:
    """An editor's own page: a readable file, a front matter Material can print, reachable from the menu."""
    path = docs_dir / src_uri
    load_markdown_record(path, docs_dir, root, PageMeta, report, keys_hint=None)
    if settings.nav_pages is not None and src_uri not in settings.nav_pages and not out_of_nav.match_file(src_uri):
        report.error(
            path.relative_to(root).as_posix(), 0, 0,
            f"trang chưa có trong mục lục (phần 'nav:' của mkdocs.yml) nên người đọc không tìm tới được;"
            f" thêm dòng '- {src_uri}' vào 'nav:', hoặc xóa tệp",
        )
