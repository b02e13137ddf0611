"""Hostile and careless input: each case ends in a clear Vietnamese message at the file, line and field,
exit code 1, no traceback, no byte of the previous site changed and nothing written outside the project.

Every case starts from one small project built once; the case's files are written into a copy of it, then
`check` (as the build loads) and `scripts/build.py` run on the copy.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import make_project, run_script, windows_1258
from guongsang import urls
from guongsang.project import ProjectPaths, load_project
from PIL import Image
from readers_check import problems
from samples import CAMPAIGN, COLLECTIVE, DOCUMENT, MANAGER, TEACHER, UNIT, project_files


def jpeg(size: tuple[int, int] = (64, 64), color: tuple[int, int, int] = (30, 120, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def huge_png() -> bytes:
    """A 20000×20000 PNG that takes a few kilobytes on disk and 1.2 GB once decoded."""
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


STORY = """\
---
tieu_de: Cô giáo trả lại ví tiền nhặt được
ngay: 2025-03-01
tac_gia: Văn phòng Sở
guong: [tran-thi-binh]
the: ["Người tốt, việc tốt"]
tom_tat: Một câu chuyện mẫu.
---

Cô Bình nhặt được ví tiền và trả lại người đánh rơi.
"""

PHOTO_TEACHER = TEACHER.replace(
    "cong_khai: true",
    "cong_khai: true\nanh:\n  tep: anh/binh.jpg\n  mo_ta: Ảnh cô Trần Thị Bình\ndong_y:\n  - nguoi: ban_than\n"
    "    ngay: 2025-01-02\n    pham_vi: [anh, cau_chuyen]",
)

BASE = {
    **project_files(),
    "data/guong/tran-thi-binh.yaml": PHOTO_TEACHER,
    "content/anh/binh.jpg": jpeg(),
    "content/cau-chuyen/vi-tien.md": STORY,
    "data/chuyen-huong.yaml": "chuyen_huong: []\n",
}


@dataclass(frozen=True)
class Edit:
    """A replacement in the project's own copy of a file (mkdocs.yml)."""

    old: str
    new: str


@dataclass(frozen=True)
class Link:
    """A symbolic link to write at a path; '{outside}' names a folder outside the project."""

    target: str


Content = str | bytes | Link | Edit | None
"""What a case puts at a path: text, bytes, a symbolic link, an edit of the file, or None to delete it."""


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, Content]
    message: str
    """What the output must say: 'path:line:col: lỗi: start of the message'."""
    by_check: bool = True
    """`check` predicts it (False only for what the output scan alone can see)."""
    extra: tuple[str, ...] = field(default=())
    """More lines the output must hold."""
    absent: tuple[str, ...] = field(default=())
    """What the output must not say (a wrong suggestion)."""


def edit(path: str, old: str, new: str) -> dict[str, Content]:
    """The base project's file at ``path`` with one replacement."""
    source = BASE[path]
    assert isinstance(source, str) and old in source, (path, old)
    return {path: source.replace(old, new, 1)}


def redirects(*pairs: tuple[str, str]) -> dict[str, Content]:
    lines = "".join(f"  - tu: {old}\n    den: {new}\n" for old, new in pairs)
    return {"data/chuyen-huong.yaml": f"chuyen_huong:\n{lines}"}


def story(body: str = "Nội dung.", **meta: str) -> str:
    fields = {"tieu_de": "Một câu chuyện", "ngay": "2025-03-02", "tac_gia": "Văn phòng Sở", **meta}
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + f"---\n\n{body}\n"


IN_NAV = Edit("      - huong-dan/sua-tren-web.md\n", "      - huong-dan/sua-tren-web.md\n      - huong-dan/thu.md\n")


def guide(body: str, front: str = "title: Trang thử") -> dict[str, Content]:
    """A guide page placed in the navigation, so only its content is on trial (body on line 7)."""
    return {"content/huong-dan/thu.md": f"---\n{front}\n---\n\n# Trang thử\n\n{body}\n", "mkdocs.yml": IN_NAV}


R = "data/chuyen-huong.yaml"
LEDGER = "data/dia-chi-da-cong-bo.txt"
GV = "data/guong/tran-thi-binh.yaml"
M = "data/guong/nguyen-van-an.yaml"
HS = "data/guong/le-cuong.yaml"
U = "data/don-vi/truong-a.yaml"
DOC = "content/van-ban/mau.md"
ST = "content/cau-chuyen/vi-tien.md"
HAI = "content/cau-chuyen/hai.md"
OUT_OF_SITE = "địa chỉ không được chứa '.' hay '..' (trỏ ra ngoài thư mục)"

CASES = [
    # ---- 1. Paths: redirects and the ledger never write outside the site or over a page ----
    Case("redirect up two folders", redirects(("../../pwned-redirect/", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): {OUT_OF_SITE}"),
    Case("redirect to the filesystem root", redirects(("/", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): '/' là trang chủ"),
    Case("redirect of an empty address", redirects(("''", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): địa chỉ trống"),
    Case("redirect into the live site folder", redirects(("../site/guong/tran-thi-binh/", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): {OUT_OF_SITE}"),
    Case("redirect over the home page file", redirects(("index.html", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'index.html' đang có trang ('/')"),
    Case("redirect over a guide page", redirects(("huong-dan/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'huong-dan/' đang có trang"),
    Case("redirect over the honoree index", redirects(("guong/", "huong-dan/")), f"{R}:2:9: lỗi: địa chỉ 'guong/' đang có trang"),
    Case("redirect over a profile", redirects(("guong/tran-thi-binh/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'guong/tran-thi-binh/' đang có trang"),
    Case("redirect over a story", redirects(("cau-chuyen/vi-tien/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'cau-chuyen/vi-tien/' đang có trang"),
    Case("redirect over a facet page", redirects(("guong/don-vi/truong-a/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'guong/don-vi/truong-a/' đang có trang"),
    Case("redirect over the 404 page", redirects(("404.html", "guong/")), f"{R}:2:9: lỗi: địa chỉ '404.html' đang có trang"),
    Case("redirect into the theme's assets", redirects(("assets/javascripts/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'assets/javascripts/' thuộc thư mục 'assets/'"),
    Case("redirect into the search index", redirects(("pagefind/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'pagefind/' thuộc thư mục 'pagefind/'"),
    Case("redirect into the web editor", redirects(("admin/cu/", "guong/")), f"{R}:2:9: lỗi: địa chỉ 'admin/cu/' thuộc thư mục 'admin/'"),
    Case("redirect with a backslash", redirects(("'guong\\\\cu\\\\'", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): địa chỉ chỉ gồm chữ cái không dấu"),
    Case("redirect with a query string", redirects(("'index.php?id=5'", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): địa chỉ chỉ gồm chữ cái không dấu"),
    Case("redirect with percent escapes", redirects(("'%2e%2e/x/'", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): địa chỉ chỉ gồm chữ cái không dấu"),
    Case("redirect of a PDF address", redirects(("tai-lieu/ke-hoach.pdf", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): chỉ địa chỉ trang mới chuyển hướng được"),
    Case("redirect of a hidden folder", redirects((".git/", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): phần '.git' của địa chỉ"),
    Case("redirect of a full outside address", redirects(("https://cu.example/a/", "guong/")), f"{R}:2:9: lỗi: trường 'chuyen_huong[1].tu' (Địa chỉ cũ): cần địa chỉ trong trang này"),
    Case("redirect to an outside host not allowed", redirects(("tin-cu/", "https://lua-dao.example/")), f"{R}:2:9: lỗi: chuyển hướng ra ngoài cổng, tới 'lua-dao.example', chưa được phép"),
    Case("redirect to plain http", redirects(("tin-cu/", "http://lua-dao.example/")), f"{R}:3:10: lỗi: trường 'chuyen_huong[1].den' (Địa chỉ mới): chỉ chuyển hướng tới một trang của cổng"),
    Case("redirect to javascript", redirects(("tin-cu/", "'javascript:alert(1)'")), f"{R}:3:10: lỗi: trường 'chuyen_huong[1].den' (Địa chỉ mới): chỉ chuyển hướng tới một trang của cổng"),
    Case("redirect to a protocol-relative host", redirects(("tin-cu/", "//lua-dao.example/")), f"{R}:3:10: lỗi: trường 'chuyen_huong[1].den' (Địa chỉ mới): cần địa chỉ trong trang này"),
    Case("redirect to a page that does not exist", redirects(("tin-cu/", "khong-co/")), f"{R}:2:9: lỗi: 'khong-co/' không phải trang nào của cổng"),
    Case("redirects in a loop", redirects(("a/", "b/"), ("b/", "a/")), f"{R}:2:9: lỗi: chuyển hướng thành vòng tròn: a/ → b/ → a/"),
    Case("one address redirected twice", redirects(("tin-cu/", "guong/"), ("tin-cu/", "huong-dan/")), f"{R}:4:9: lỗi: địa chỉ 'tin-cu/' đã được chuyển hướng ở {R}:2"),
    Case("old id that is a live profile", edit(M, "cong_khai: true", "cong_khai: true\nma_cu: [tran-thi-binh]"), f"{M}:16:9: lỗi: mã cũ 'tran-thi-binh' đang là mã của hồ sơ data/guong/tran-thi-binh.yaml:1"),
    Case("ledger line up two folders", {LEDGER: "../../x/ go-xuong 2025-01-01\n"}, f"{LEDGER}:1:1: lỗi: địa chỉ '../../x/': {OUT_OF_SITE}"),
    Case("ledger line at the root", {LEDGER: "/ go-xuong 2025-01-01\n"}, f"{LEDGER}:1:1: lỗi: địa chỉ '/': '/' là trang chủ"),
    Case("ledger takes down a live index", {LEDGER: "guong/ go-xuong 2025-01-01\n"}, f"{LEDGER}:1:1: lỗi: địa chỉ 'guong/' đang có trang nên không gỡ xuống được"),
    Case("ledger with an impossible date", {LEDGER: "guong/cu/ go-xuong 2025-02-30\n"}, f"{LEDGER}:1:20: lỗi: ngày gỡ xuống: ngày '2025-02-30' không có thật trên lịch"),
    Case("ledger saved as UTF-16", {LEDGER: "guong/cu/ go-xuong 2025-01-01\n".encode("utf-16")}, f"{LEDGER}:1:1: lỗi: tệp lưu ở bảng mã UTF-16"),
    Case("ledger saved as Windows-1258", {LEDGER: windows_1258("# Sổ địa chỉ của Sở\nguong/tran-thi-binh/\n")}, f"{LEDGER}:1:4: lỗi: tệp không ở bảng mã UTF-8"),
    Case("ledger as a link to a system file", {LEDGER: Link("/etc/passwd")}, f"{LEDGER}:0:0: lỗi: liên kết tượng trưng (symlink) không được dùng trong thư mục dữ liệu"),
    Case("ledger address lost", {LEDGER: "guong/da-xoa/\n"}, f"{LEDGER}:1:1: lỗi: địa chỉ 'guong/da-xoa/' đã công bố nhưng không còn trang nào"),
    # ---- 1b. Files named in records stay inside content/ ----
    Case("photo with an absolute path", edit(GV, "tep: anh/binh.jpg", "tep: /etc/hosts.jpg"), f"{GV}:28:8: lỗi: ảnh '/etc/hosts.jpg': cần đường dẫn tương đối"),
    Case("photo outside content", edit(GV, "tep: anh/binh.jpg", "tep: ../../ngoai.jpg"), f"{GV}:28:8: lỗi: ảnh '../../ngoai.jpg': đường dẫn trỏ ra ngoài thư mục content/"),
    Case("photo with backslashes", edit(GV, "tep: anh/binh.jpg", "tep: 'anh\\binh.jpg'"), f"{GV}:28:8: lỗi: ảnh 'anh\\binh.jpg': dùng dấu '/'"),
    Case("photo on a Windows drive", edit(GV, "tep: anh/binh.jpg", "tep: 'C:/anh/binh.jpg'"), f"{GV}:28:8: lỗi: ảnh 'C:/anh/binh.jpg': cần đường dẫn tương đối"),
    Case("photo linked from outside", {"content/anh/binh.jpg": Link("{outside}/gps.jpg")}, "content/anh/binh.jpg:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("story image outside content", {ST: STORY.replace("tom_tat:", "anh:\n  tep: ../../../etc/anh.jpg\n  mo_ta: Ảnh minh họa\ntom_tat:")}, f"{ST}:8:8: lỗi: ảnh '../../../etc/anh.jpg': đường dẫn trỏ ra ngoài thư mục content/"),
    Case("signed PDF absolute", edit(DOC, "trang_thai: ban_hanh", "trang_thai: ban_hanh\nban_ky_so: /tmp/ky.pdf"), f"{DOC}:22:12: lỗi: trường 'ban_ky_so': '/tmp/ky.pdf': cần đường dẫn tương đối"),
    Case("signed PDF outside content", edit(DOC, "trang_thai: ban_hanh", "trang_thai: ban_hanh\nban_ky_so: ../../../ky.pdf"), f"{DOC}:22:12: lỗi: trường 'ban_ky_so': '../../../ky.pdf': đường dẫn trỏ ra ngoài thư mục content/"),
    Case("signed PDF that is a link out", {**edit(DOC, "trang_thai: ban_hanh", "trang_thai: ban_hanh\nban_ky_so: ky.pdf"), "content/van-ban/ky.pdf": Link("{outside}/ky.pdf")}, "content/van-ban/ky.pdf:0:0: lỗi: liên kết tượng trưng (symlink)"),
    # ---- 2. Nothing from content/ reaches the site unchecked ----
    Case("SVG with onload", {"content/anh/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'}, "content/anh/logo.svg:0:0: lỗi: ảnh SVG có thể chứa mã chạy"),
    Case("HTML page with a script", {"content/trang.html": "<script>alert(1)</script>"}, "content/trang.html:0:0: lỗi: tệp có thể chứa mã chạy trên máy người đọc"),
    Case("XHTML page", {"content/trang.xhtml": "<html/>"}, "content/trang.xhtml:0:0: lỗi: tệp có thể chứa mã chạy"),
    Case("JavaScript file", {"content/js/a.js": "alert(1)"}, "content/js/a.js:0:0: lỗi: tệp có thể chứa mã chạy"),
    Case("stylesheet", {"content/a.css": "body{background:url(javascript:alert(1))}"}, "content/a.css:0:0: lỗi: tệp có thể chứa mã chạy"),
    Case("JSON file", {"content/du-lieu.json": '{"sdt": "0912345678"}'}, "content/du-lieu.json:0:0: lỗi: tệp có thể chứa mã chạy"),
    Case("GIF image", {"content/anh/a.gif": b"GIF89a"}, "content/anh/a.gif:0:0: lỗi: ảnh GIF không được hỗ trợ"),
    Case("Word document", {"content/mau.docx": b"PK\x03\x04"}, "content/mau.docx:0:0: lỗi: loại tệp '.docx' không được đăng lên cổng"),
    Case("program", {"content/setup.exe": b"MZ\x90\x00"}, "content/setup.exe:0:0: lỗi: loại tệp '.exe' không được đăng lên cổng"),
    Case("file without a type", {"content/README": "x"}, "content/README:0:0: lỗi: loại tệp 'README' không được đăng lên cổng"),
    Case("text file linked to the password file", {"content/x.txt": Link("/etc/passwd")}, "content/x.txt:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("folder linked to another tree", {"content/ngoai": Link("{outside}")}, "content/ngoai:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("JPEG with GPS linked from outside", {"content/anh/gps.jpg": Link("{outside}/gps.jpg")}, "content/anh/gps.jpg:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("symbolic link to itself", {"content/vong": Link("vong")}, "content/vong:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("two links in a loop", {"content/a": Link("b"), "content/b": Link("a")}, "content/a:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("broken symbolic link", {"content/anh/mat.jpg": Link("khong-co.jpg")}, "content/anh/mat.jpg:0:0: lỗi: liên kết tượng trưng (symlink)"),
    Case("data record linked from outside", {"data/guong/ngoai.yaml": Link("{outside}/ho-so.yaml")}, "data/guong/ngoai.yaml:0:0: lỗi: liên kết tượng trưng (symlink) không được dùng trong thư mục dữ liệu"),
    Case("data folder linked from outside", {"data/hoi-nghi": Link("{outside}")}, "data/hoi-nghi:0:0: lỗi: liên kết tượng trưng (symlink) không được dùng trong thư mục dữ liệu"),
    Case("unreferenced 20000×20000 PNG", {"content/anh/lon.png": huge_png()}, "content/anh/lon.png:0:0: lỗi: ảnh có quá 40 triệu điểm ảnh"),
    Case("text with a .jpg name", {"content/anh/gia.jpg": "không phải ảnh"}, "content/anh/gia.jpg:0:0: lỗi: tệp không đọc được như một ảnh"),
    Case("truncated JPEG", {"content/anh/hong.jpg": jpeg()[:200]}, "content/anh/hong.jpg:0:0: lỗi: tệp không đọc được như một ảnh"),
    Case("PNG named .jpg with no image data", {"content/anh/rong.png": b"\x89PNG\r\n\x1a\n"}, "content/anh/rong.png:0:0: lỗi: tệp không đọc được như một ảnh"),
    Case("PDF that is not a PDF", {"content/van-ban/gia.pdf": "<script>alert(1)</script>"}, "content/van-ban/gia.pdf:0:0: lỗi: tệp có đuôi .pdf nhưng không phải PDF"),
    Case("CSV not in UTF-8", {"content/bang.csv": windows_1258("Họ tên,Đơn vị\nTrần Thị Bình,Trường A\n")}, "content/bang.csv:1:3: lỗi: tệp không ở bảng mã UTF-8"),
    Case("file in the web editor's folder", {"content/admin/index.md": "# Giả\n"}, "content/admin:0:0: lỗi: địa chỉ admin/ dành cho trình sửa trên web"),
    Case("file name with markup", {"content/<img src=x onerror=alert(1)>.txt": "x"}, "content/<img src=x onerror=alert(1)>.txt:0:0: lỗi: tên tệp có ký tự không dùng được"),
    Case("page name with accents", {"content/huong-dan/Hướng dẫn.md": "# Hướng dẫn\n"}, "content/huong-dan/Hướng dẫn.md:0:0: lỗi: tên tệp 'Hướng dẫn.md' sẽ thành địa chỉ trang"),
    Case("page not in the navigation", {"content/trang-moi.md": "# Trang mới\n"}, "content/trang-moi.md:0:0: lỗi: trang chưa có trong mục lục (phần 'nav:' của mkdocs.yml)"),
    Case("page front matter with an unknown key", guide("Nội dung.", "title: Thử\nscript: alert(1)"), "content/huong-dan/thu.md:3:1: lỗi: trường 'script' không có trong mẫu"),
    Case("page choosing a record template", guide("Nội dung.", "template: document.html"), "content/huong-dan/thu.md:2:11: lỗi: trường 'template' (Mẫu trang): giá trị 'document.html' không hợp lệ"),
    Case("page title as a list", guide("Nội dung.", "title: [a, b]"), "content/huong-dan/thu.md:2:8: lỗi: trường 'title' (Tiêu đề trang): cần một đoạn chữ"),
    Case("page hiding an unknown part", guide("Nội dung.", "hide: [header]"), "content/huong-dan/thu.md:2:8: lỗi: trường 'hide[1]' (Ẩn các phần): giá trị 'header' không hợp lệ"),
    Case("page title of 301 characters", guide("Nội dung.", "title: " + "a" * 301), "content/huong-dan/thu.md:2:8: lỗi: trường 'title' (Tiêu đề trang)"),
    Case("page with a javascript link", guide("[bấm](javascript:alert(1))"), "content/huong-dan/thu.md:7:7: lỗi: liên kết 'javascript:'"),
    Case("page with a data: image", guide("![x](data:image/svg+xml;base64,PHN2Zz4=)"), "content/huong-dan/thu.md:7:6: lỗi: liên kết 'javascript:' (hoặc 'data:')"),
    Case("broken image link", guide("![ảnh](anh/khong-co.png)"), "content/huong-dan/thu.md:7:8: lỗi: liên kết 'anh/khong-co.png' trỏ tới 'huong-dan/anh/khong-co.png' nhưng không có tệp đó"),
    Case("link to a missing page", guide("[xem](khong-co.md)"), "content/huong-dan/thu.md:7:7: lỗi: liên kết 'khong-co.md' trỏ tới 'huong-dan/khong-co.md' nhưng không có tệp đó"),
    Case("link to a photo's original", guide("![ảnh](../anh/binh.jpg)"), "content/huong-dan/thu.md:7:8: lỗi: liên kết '../anh/binh.jpg' trỏ tới 'anh/binh.jpg', một ảnh gốc"),
    Case("link to a page outside content", guide("[x](../../mkdocs.yml)"), "content/huong-dan/thu.md:7:5: lỗi: liên kết '../../mkdocs.yml' trỏ ra ngoài thư mục trang"),
    Case("absolute link", guide("[x](/guong/)"), "content/huong-dan/thu.md:7:5: lỗi: liên kết '/guong/' là đường dẫn tuyệt đối"),
    Case("link to a missing anchor", guide("[x](ho-so.md#khong-co-muc)"), "content/huong-dan/thu.md:7:5: lỗi: liên kết 'ho-so.md#khong-co-muc': trang 'huong-dan/ho-so.md' không có mục '#khong-co-muc'"),
    Case("link to a profile by its address", guide("[cô Bình](../guong/tran-thi-binh/)"), "content/huong-dan/thu.md:7:11: lỗi: liên kết '../guong/tran-thi-binh/' tới trang tự sinh 'guong/tran-thi-binh/'"),
    Case("link without a file", guide("[x](khong-co/)"), "content/huong-dan/thu.md:7:5: lỗi: liên kết 'khong-co/' không dẫn tới tệp nào"),
    Case("link in a story to a missing page", {ST: STORY + "\nXem [thêm](khong-co.md).\n"}, f"{ST}:12:12: lỗi: liên kết 'khong-co.md' trỏ tới 'cau-chuyen/khong-co.md' nhưng không có tệp đó"),
    Case("link in a document to a missing image", {DOC: BASE[DOC] + "\n![sơ đồ](so-do.png)\n"}, f"{DOC}:28:10: lỗi: liên kết 'so-do.png' trỏ tới 'van-ban/so-do.png' nhưng không có tệp đó"),
    # ---- 4. Input that used to crash: a clear message instead ----
    Case("given name starting with an apostrophe", edit(M, "ten: An", "ten: \"'An\""), f"{M}:5:6: lỗi: trường 'ten' (Tên): ''An' không phải một tên"),
    Case("given name starting with a bracket", edit(M, "ten: An", "ten: '[An]'"), f"{M}:5:6: lỗi: trường 'ten' (Tên): '[An]' không phải một tên"),
    Case("given name starting with an emoji", edit(M, "ten: An", "ten: 😀An"), f"{M}:5:6: lỗi: trường 'ten' (Tên): '😀An' không phải một tên"),
    Case("given name with a digit", edit(M, "ten: An", "ten: An2"), f"{M}:5:6: lỗi: trường 'ten' (Tên): 'An2' không phải một tên"),
    Case("given name starting with a zero-width space", edit(M, "ten: An", "ten: \u200bAn"), f"{M}:5:6: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+200B"),
    Case("given name starting with a right-to-left mark", edit(M, "ten: An", "ten: \u200fAn"), f"{M}:5:6: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+200F"),
    Case("family name with a right-to-left override", edit(M, "ho: Nguyễn", "ho: Nguy\u202eễn"), f"{M}:3:9: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+202E"),
    Case("name of 300,000 characters", edit(M, "ten: An", "ten: " + "A" * 300_000), f"{M}:5:6: lỗi: trường 'ten' (Tên): cần không quá 60 ký tự"),
    Case("summary of 300,000 characters", edit(GV, "tom_tat: Giáo viên dạy giỏi cấp tỉnh.", "tom_tat: " + "Giỏi. " * 50_000), f"{GV}:25:10: lỗi: trường 'tom_tat' (Tóm tắt thành tích): cần không quá 5000 ký tự"),
    Case("unit name of 301 characters", edit(U, "ten: Trường THPT A (mẫu)", "ten: " + "Trường " * 43 + "A"), f"{U}:2:6: lỗi: trường 'ten' (Tên đơn vị): cần không quá 300 ký tự"),
    Case("issuer with no letters", edit(DOC, "co_quan_ban_hanh: SỞ GIÁO DỤC VÀ ĐÀO TẠO", "co_quan_ban_hanh: '***'"), f"{DOC}:4:19: lỗi: tên cơ quan ban hành và cơ quan chủ quản phải có chữ cái"),
    Case("YAML nested 20,000 levels", {"data/guong/sau.yaml": "ma: sau\ntom_tat: " + "[" * 20_000 + "]" * 20_000 + "\n"}, "data/guong/sau.yaml:2:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("YAML nested 100,000 levels", {"data/guong/sau.yaml": "ma: sau\ntom_tat: " + "[" * 100_000 + "\n"}, "data/guong/sau.yaml:2:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("YAML mappings nested 20,000 levels", {"data/don-vi/sau.yaml": "ma: sau\nten: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n"}, "data/don-vi/sau.yaml:2:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("YAML indented 5,000 levels", {"data/don-vi/sau.yaml": "ma: sau\n" + "".join(" " * i + f"k{i}:\n" for i in range(0, 600, 2))}, "data/don-vi/sau.yaml:103:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("YAML with 5,000 nested dashes", {"data/don-vi/sau.yaml": "ma: sau\nten:\n" + "- " * 5_000 + "x\n"}, "data/don-vi/sau.yaml:3:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("front matter nested 20,000 levels", {"content/cau-chuyen/sau.md": story(tom_tat="[" * 20_000 + "]" * 20_000)}, "content/cau-chuyen/sau.md:5:1: lỗi: dữ liệu lồng nhau quá sâu"),
    Case("story with 20,000 unclosed brackets", {HAI: story("[" * 20_000 + "x")}, f"{HAI}:7:1: lỗi: nội dung lồng nhau quá sâu: quá 32 dấu '[' chưa đóng trong một đoạn"),
    Case("story with 5,000 unclosed link parentheses", {HAI: story("[a](" * 5_000)}, f"{HAI}:7:1: lỗi: nội dung lồng nhau quá sâu: quá 32 dấu '(' chưa đóng trong một đoạn"),
    Case("list nested 300 levels", {HAI: story("".join(" " * (4 * i) + "- x\n" for i in range(300)))}, f"{HAI}:33:1: lỗi: nội dung lồng nhau quá sâu: dòng thụt lề 104 cột"),
    Case("page with 20,000 unclosed tags", guide("<b " * 20_000), "content/huong-dan/thu.md:7:1: lỗi: nội dung lồng nhau quá sâu: quá 32 thẻ HTML thiếu dấu '>'"),
    Case("data file over 1 MB", {"data/guong/to.yaml": "ma: to\n# " + "x" * 1_100_000 + "\n"}, "data/guong/to.yaml:0:0: lỗi: tệp nặng 1,100,010 byte, quá giới hạn 1,000,000 byte"),
    Case("story over 1 MB", {"content/cau-chuyen/dai.md": story("Chữ. " * 220_000)}, "content/cau-chuyen/dai.md:0:0: lỗi: tệp nặng"),
    Case("billion laughs", {"data/guong/bom.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"}, "data/guong/bom.yaml:1:1: lỗi: tệp mở rộng thành hơn 200000 giá trị"),
    Case("python object tag", {"data/guong/py.yaml": "ma: !!python/object/apply:os.system ['echo pwned']\n"}, "data/guong/py.yaml:1:5: lỗi: thẻ YAML '!!python/object/apply:os.system' không được dùng"),
    Case("binary file as data", {"data/guong/nhi-phan.yaml": b"\x00\x01\x02ma: x"}, "data/guong/nhi-phan.yaml:1:1: lỗi: tệp chứa ký tự rỗng (NUL)"),
    Case("empty data file", {"data/guong/rong.yaml": ""}, "data/guong/rong.yaml:1:1: lỗi:"),
    Case("data file holding a list", {"data/guong/danh-sach.yaml": "- ma: a\n- ma: b\n"}, "data/guong/danh-sach.yaml:1:1: lỗi: phần khai báo phải gồm các dòng 'trường: giá trị'"),
    # ---- 5. Messages that name the line ----
    Case("control character in a record", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên\x01 Toán"), f"{GV}:7:19: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+0001"),
    Case("control character in a story title", {ST: STORY.replace("tieu_de: Cô giáo", "tieu_de: Cô\x01 giáo")}, f"{ST}:2:12: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+0001"),
    Case("escape character in a story body", {ST: STORY + "\nChữ\x1b[31m đỏ.\n"}, f"{ST}:12:4: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+001B"),
    Case("C1 control character", edit(U, "ten: Trường THPT A (mẫu)", "ten: Trường\x85 THPT A"), f"{U}:2:12: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+0085"),
    Case("zero-width space in an id", edit(GV, "ma: tran-thi-binh", "ma: tran-thi\u200b-binh"), f"{GV}:1:13: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+200B"),
    Case("zero-width joiner in a tag", {ST: STORY.replace('the: ["Người tốt, việc tốt"]', 'the: ["Người\u200d tốt"]')}, f"{ST}:6:13: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+200D"),
    Case("word joiner in a reference", edit(GV, "don_vi: truong-a", "don_vi: truong\u2060-a"), f"{GV}:6:15: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+2060"),
    Case("byte order mark inside a file", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: \ufeffGiáo viên Toán"), f"{GV}:7:10: lỗi: có ký tự ẩn hoặc ký tự điều khiển U+FEFF"),
    Case("soft hyphen pasted from Word", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên To\u00adán"), f"{GV}:7:20: lỗi: chữ 'To\u00adán' có dấu hiệu gõ bằng bảng mã cũ"),
    Case("Cyrillic look-alike in a tag", {ST: STORY.replace('the: ["Người tốt, việc tốt"]', 'the: ["Ngư\u043eи tốt, việc tốt"]')}, f"{ST}:6:7: lỗi: chữ 'Ngư\u043eи' lẫn chữ cái Kirin hoặc Hy Lạp"),
    Case("Cyrillic look-alike in a name", edit(M, "ho: Nguyễn", "ho: Nguy\u0435n"), f"{M}:3:5: lỗi: chữ 'Nguy\u0435n' lẫn chữ cái Kirin hoặc Hy Lạp"),
    Case("Greek look-alike in a unit name", edit(U, "ten: Trường THPT A (mẫu)", "ten: Trường THPT \u0391 (mẫu) Hoàng Hoa Thάm"), f"{U}:2:6: lỗi: chữ 'Thάm' lẫn chữ cái Kirin hoặc Hy Lạp"),
    Case("Cyrillic look-alike in a document title", edit(DOC, "trich_yeu: Thử nghiệm kiểm tra", "trich_yeu: Thử nghiệm kiểm tr\u0430"), f"{DOC}:8:12: lỗi: chữ 'tr\u0430' lẫn chữ cái Kirin hoặc Hy Lạp"),
    Case("Cyrillic look-alike in a story body", {ST: STORY + "\nCô giáо tốt.\n"}, f"{ST}:12:4: lỗi: chữ 'giá\u043e' lẫn chữ cái Kirin hoặc Hy Lạp"),
    Case("tags that collide by slug", {"content/cau-chuyen/hai.md": story(the='["Người tốt việc tốt"]')}, f"{ST}:6:7: lỗi: thẻ 'Người tốt, việc tốt' có cùng địa chỉ 'cau-chuyen/the/nguoi-tot-viec-tot/' với thẻ 'Người tốt việc tốt' (content/cau-chuyen/hai.md)"),
    Case("issuers that collide by slug", {"content/van-ban/khac.md": DOCUMENT.replace("12/KH-SGDĐT", "13/KH-SGDĐT").replace("co_quan_chu_quan: UBND TỈNH MẪU", "co_quan_chu_quan: UBND TỈNH-MẪU")}, "content/van-ban/khac.md:4:19: lỗi: cơ quan 'SỞ GIÁO DỤC VÀ ĐÀO TẠO · UBND TỈNH-MẪU' có cùng địa chỉ danh sách với 'SỞ GIÁO DỤC VÀ ĐÀO TẠO · UBND TỈNH MẪU' (content/van-ban/mau.md)"),
    Case("UTF-16 data file", {"data/guong/utf16.yaml": "ma: utf16\n".encode("utf-16")}, "data/guong/utf16.yaml:1:1: lỗi: tệp lưu ở bảng mã UTF-16"),
    Case("TCVN3 text", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Gi¸o viªn To¸n"), f"{GV}:7:10: lỗi: chữ 'Gi¸o' có dấu hiệu gõ bằng bảng mã cũ"),
    Case("tab indentation", edit(GV, "  - loai: chien-si-thi-dua-co-so", "\t- loai: chien-si-thi-dua-co-so"), f"{GV}:9:1: lỗi: có ký tự Tab"),
    Case("duplicate key", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên Toán\nchuc_vu: Giáo viên Văn"), f"{GV}:8:1: lỗi: trường 'chuc_vu' được khai báo hai lần (lần đầu ở dòng 7)"),
    Case("unclosed quote", edit(GV, "chuc_vu: Giáo viên Toán", 'chuc_vu: "Giáo viên Toán'), f"{GV}:"),
    Case("two documents in one file", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên Toán\n---\nma: khac"), f"{GV}:8:1: lỗi: tệp chỉ được có một khối dữ liệu"),
    Case("anchor declared twice", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: &a Giáo viên Toán\ntom_tat_2: &a x"), f"{GV}:8:12: lỗi: bí danh (&) được khai báo hai lần"),
    Case("undefined alias", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: *khong_co"), f"{GV}:7:10: lỗi: dùng bí danh (*) chưa được khai báo"),
]


PD = "dữ liệu cá nhân không được công khai"
WITHDRAWN = edit(GV, "    pham_vi: [anh, cau_chuyen]", "    pham_vi: [anh, cau_chuyen]\n    rut_lai: 2025-06-01")[GV]

CASES += [
    # ---- 3. Personal data never gets past check and the scanner ----
    Case("birth date written 'Ngày sinh:'", {HAI: story("Ngày sinh: 12/03/1980, quê Hưng Yên.")}, f"{HAI}:7:1: lỗi: có ngày sinh ('Ngày sinh: 12/03/1980'); {PD}"),
    Case("birth date written ISO", {HAI: story("Cô Hoa, sinh 1980-03-12, dạy Văn.")}, f"{HAI}:7:"),
    Case("birth date written 'SN'", {HAI: story("Em Lan (SN 12/3/1980) đạt giải.")}, f"{HAI}:7:"),
    Case("phone with (+84)", {HAI: story("Liên hệ (+84) 912 345 678.")}, f"{HAI}:7:9: lỗi: có số giống số điện thoại"),
    Case("phone written 84…", {HAI: story("Gọi 84912345678 để hỏi.")}, f"{HAI}:7:5: lỗi: có số giống số điện thoại ('84912345678')"),
    Case("CCCD with hyphens", {HAI: story("CCCD 001-203-004-567 của em.")}, f"{HAI}:7:6: lỗi: có số giống số căn cước, chứng minh nhân dân ('001-203-004-567')"),
    Case("full-width at sign", {HAI: story("Thư: em.lan＠gmail.com")}, f"{HAI}:7:"),
    Case("phone in alt text", {HAI: story("![Em Lan, SĐT 0912 345 678](../anh/binh-320w.jpg)")}, f"{HAI}:7:15: lỗi: có số giống số điện thoại ('0912 345 678')"),
    Case("phone in a link title", {HAI: story('[trường](https://truong.example "gọi 0912345678")')}, f"{HAI}:7:38: lỗi: có số giống số điện thoại ('0912345678')"),
    Case("phone in a tel: link", {HAI: story("[gọi cô](tel:+84912345678)")}, f"{HAI}:7:14: lỗi: có số giống số điện thoại ('+84912345678')"),
    Case("phone as an HTML entity", {HAI: story("Gọi &#48;912 345 678.")}, f"{HAI}:7:"),
    Case("phone in a record", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên Toán, ĐT 0912.345.678"), f"{GV}:7:10: lỗi: có số giống số điện thoại ('0912.345.678')"),
    Case("e-mail in a unit name", edit(U, "ten: Trường THPT A (mẫu)", "ten: Trường THPT A (hieutruong.a@gmail.com)"), f"{U}:2:6: lỗi: có địa chỉ thư điện tử không nằm trong danh sách được phép ('hieutruong.a@gmail.com')"),
    Case("birth date in a CSV under content", {"content/tai-lieu/ds.csv": "Họ tên,Ngày sinh\nLê Lan,12/03/2012\n"}, "content/tai-lieu/ds.csv:1:1: lỗi: có ngày sinh ('Ngày sinh: 12/03/2012')"),
    Case("phone in a text file under content", {"content/tai-lieu/lien-he.txt": "Cô Hoa: 0912 345 678\n"}, "content/tai-lieu/lien-he.txt:1:9: lỗi: có số giống số điện thoại"),
    Case("phone in a guide page's title", guide("Nội dung.", "title: Gọi 0912 345 678"), "content/huong-dan/thu.md:2:12: lỗi: có số giống số điện thoại"),
    Case("withdrawn name in another story", {GV: WITHDRAWN, HAI: story("Cô Trần Thị Bình đã giúp em.")}, f"{HAI}:7:4: lỗi: tên 'Trần Thị Bình' vẫn còn ở đây, nhưng người này đã rút lại sự đồng ý ngày 01/6/2025"),
    Case("withdrawn name across a line break", {GV: WITHDRAWN, HAI: story("Cô Trần Thị\nBình đã giúp em.")}, f"{HAI}:7:4: lỗi: tên 'Trần Thị Bình' vẫn còn ở đây"),
    Case("withdrawn name without accents", {GV: WITHDRAWN, HAI: story("Co Tran Thi Binh da giup em.")}, f"{HAI}:7:1: lỗi: tên 'Trần Thị Bình' vẫn còn ở đây"),
    Case("withdrawn name in another record", {GV: WITHDRAWN, **edit(M, "chuc_vu: Hiệu trưởng", "chuc_vu: Hiệu trưởng\ntom_tat: Thầy cùng cô Trần Thị Bình đổi mới dạy học.")}, f"{M}:8:10: lỗi: tên 'Trần Thị Bình' vẫn còn ở đây"),
]

CASES += [
    # ---- Wrong types, missing and dangling references: each at its field ----
    Case("unit kind unknown", edit(U, "loai: thpt", "loai: truong"), f"{U}:3:7: lỗi: trường 'loai' (Loại đơn vị): giá trị 'truong' không hợp lệ"),
    Case("unit parent unknown", edit(U, "don_vi_cap_tren: so-mau", "don_vi_cap_tren: so-khac"), f"{U}:7:18: lỗi: không có đơn vị mã 'so-khac'"),
    Case("unit is its own parent", edit(U, "don_vi_cap_tren: so-mau", "don_vi_cap_tren: truong-a"), f"{U}:7:18: lỗi:"),
    Case("unit name as a list", edit(U, "ten: Trường THPT A (mẫu)", "ten: [Trường, A]"), f"{U}:2:6: lỗi: trường 'ten' (Tên đơn vị): cần một đoạn chữ"),
    Case("unit date impossible", edit(U, "ap_dung_tu: 2025-07-01", "ap_dung_tu: 2025-02-30"), f"{U}:6:13: lỗi: trường 'ap_dung_tu'"),
    Case("id with accents", edit(U, "ma: truong-a", "ma: trường-a"), f"{U}:1:5: lỗi: trường 'ma' (Mã đơn vị): mã 'trường-a' chỉ được gồm chữ thường không dấu"),
    Case("id with a slash", edit(GV, "ma: tran-thi-binh", "ma: ../tran-thi-binh"), f"{GV}:1:5: lỗi: trường 'ma' (Mã hồ sơ): mã '../tran-thi-binh' chỉ được gồm"),
    Case("honoree unit unknown", edit(GV, "don_vi: truong-a", "don_vi: truong-b"), f"{GV}:6:9: lỗi: không có đơn vị mã 'truong-b'"),
    Case("unit mistyped, suggested", edit(GV, "don_vi: truong-a", "don_vi: truogn-a"), f"{GV}:6:9: lỗi: không có đơn vị mã 'truogn-a' trong data/don-vi/; có phải ý bạn là 'truong-a'?"),
    Case("unit unrelated, nothing suggested", edit(GV, "don_vi: truong-a", "don_vi: thpt-tran-phu"), f"{GV}:6:9: lỗi: không có đơn vị mã 'thpt-tran-phu' trong data/don-vi/", absent=("có phải ý bạn",)),
    Case("honoree subject unknown", edit(GV, "doi_tuong: giao_vien", "doi_tuong: thay_giao"), f"{GV}:2:12: lỗi: trường 'doi_tuong' (Đối tượng): giá trị 'thay_giao' không hợp lệ"),
    Case("award type unknown", edit(GV, "loai: chien-si-thi-dua-co-so", "loai: chien-si-thi-dua"), f"{GV}:9:11: lỗi:"),
    Case("award year as text", edit(GV, "nam: 2023", "nam: hai nghìn"), f"{GV}:10:10: lỗi: trường 'khen_thuong[1].nam' (Năm): cần một số nguyên"),
    Case("award year out of range", edit(GV, "nam: 2023", "nam: 3023"), f"{GV}:10:10: lỗi: trường 'khen_thuong[1].nam' (Năm): cần số không quá 2100"),
    Case("decision date impossible", edit(GV, "ngay: 2023-08-15", "ngay: 2023-13-15"), f"{GV}:13:13: lỗi: trường 'khen_thuong[1].quyet_dinh.ngay' (Ngày quyết định): tháng 13 không có thật"),
    Case("decision missing", edit(GV, "    quyet_dinh:\n      so: 812/QĐ-SGDĐT\n      ngay: 2023-08-15\n      co_quan: Sở GDĐT\n    phong_trao: pt", "    phong_trao: pt"), f"{GV}:9:5: lỗi:"),
    Case("campaign unknown in an award", edit(GV, "    phong_trao: pt", "    phong_trao: pt-khac"), f"{GV}:15:17: lỗi:"),
    Case("criteria item unknown", edit(GV, "tieu_chi_dat: [tc/tc-1]", "tieu_chi_dat: [tc/tc-9]"), f"{GV}:24:16: lỗi: không có tiêu chí mã 'tc-9' trong bộ 'tc'"),
    Case("published flag as text", edit(GV, "cong_khai: true", "cong_khai: có"), f"{GV}:26:12: lỗi: trường 'cong_khai' (Công khai): cần 'true' (có) hoặc 'false' (không)"),
    Case("citizen id key", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên Toán\ncccd: '001203004567'"), f"{GV}:8:1: lỗi: trường 'cccd' không bao giờ được lưu"),
    Case("phone key", edit(GV, "chuc_vu: Giáo viên Toán", "chuc_vu: Giáo viên Toán\nso_dien_thoai: '0912345678'"), f"{GV}:8:1: lỗi: trường 'so_dien_thoai' không bao giờ được lưu"),
    Case("birth date key", edit(HS, "ten: Cường", "ten: Cường\nngay_sinh: 2012-03-05"), f"{HS}:5:1: lỗi: trường 'ngay_sinh' không bao giờ được lưu"),
    Case("parents' names key", edit(HS, "ten: Cường", "ten: Cường\nho_ten_me: Lê Thị Mai"), f"{HS}:5:1: lỗi: trường 'ho_ten_me' không bao giờ được lưu"),
    Case("home address key", edit(HS, "ten: Cường", "ten: Cường\ndia_chi: Thôn 3"), f"{HS}:5:1: lỗi: trường 'dia_chi' không bao giờ được lưu"),
    Case("student published without consent", edit(HS, "  - nguoi: ban_than\n    ngay: 2024-09-01\n    pham_vi: [ten, truong_lop, cau_chuyen]\n", ""), f"{HS}:"),
    Case("consent scope unknown", edit(HS, "pham_vi: [ten, truong_lop, cau_chuyen]\n  - nguoi", "pham_vi: [ten, lop]\n  - nguoi"), f"{HS}:18:20: lỗi: trường 'dong_y[1].pham_vi[2]' (Đồng ý cho công khai): giá trị 'lop' không hợp lệ"),
    Case("duplicate honoree id", {"data/guong/ban-sao.yaml": BASE[GV]}, f"{GV}:1:5: lỗi: trùng mã hồ sơ gương điển hình 'tran-thi-binh' (đã khai báo ở data/guong/ban-sao.yaml:1)"),
    Case("campaign period reversed", {"data/phong-trao/pt.yaml": CAMPAIGN.replace("den_ngay: 2025-12-31", "den_ngay: 2020-12-31")}, "data/phong-trao/pt.yaml:"),
    Case("campaign document unknown", {"data/phong-trao/pt.yaml": CAMPAIGN.replace("van_ban: [mau]", "van_ban: [khong-co]")}, "data/phong-trao/pt.yaml:14:11: lỗi: không có văn bản mã 'khong-co' trong content/van-ban/"),
    Case("collective with a person's title", {"data/guong/truong-a-tap-the.yaml": COLLECTIVE.replace("tap-the-lao-dong-xuat-sac", "chien-si-thi-dua-co-so")}, "data/guong/truong-a-tap-the.yaml:5:11: lỗi:"),
    Case("story date impossible", {ST: STORY.replace("ngay: 2025-03-01", "ngay: 2025-02-30")}, f"{ST}:3:7: lỗi: trường 'ngay' (Ngày đăng)"),
    Case("story honoree unknown", {ST: STORY.replace("guong: [tran-thi-binh]", "guong: [tran-thi-binhh]")}, f"{ST}:5:9: lỗi:"),
    Case("story without front matter", {"content/cau-chuyen/tron.md": "Chỉ có nội dung.\n"}, "content/cau-chuyen/tron.md:1:1: lỗi: tệp phải bắt đầu bằng phần khai báo"),
    Case("story file name with spaces", {"content/cau-chuyen/Chuyện hay.md": story()}, "content/cau-chuyen/Chuyện hay.md:0:0: lỗi: tên tệp 'Chuyện hay.md' sẽ thành địa chỉ trang"),
    Case("story tag with no letters", {"content/cau-chuyen/hai.md": story(the='["!!!"]')}, "content/cau-chuyen/hai.md:5:7: lỗi: thẻ '!!!' cần có ít nhất một chữ cái"),
    Case("story with a javascript link", {"content/cau-chuyen/hai.md": story("[bấm](javascript:alert(1))")}, "content/cau-chuyen/hai.md:7:7: lỗi: liên kết 'javascript:'"),
    Case("document number malformed", edit(DOC, "so_ky_hieu: 12/KH-SGDĐT", "so_ky_hieu: 12-KH"), f"{DOC}:5:13: lỗi:"),
    Case("document signer authority unknown", edit(DOC, "tham_quyen: KT.", "tham_quyen: XYZ"), f"{DOC}:14:15: lỗi:"),
    Case("document recipients last line", edit(DOC, '  - "Lưu: VT."', "  - Các phòng."), f"{DOC}:"),
    Case("document status unknown", edit(DOC, "trang_thai: ban_hanh", "trang_thai: da_ky"), f"{DOC}:21:13: lỗi: trường 'trang_thai' (Trạng thái): giá trị 'da_ky' không hợp lệ"),
    Case("two documents with one number", {"content/van-ban/ban-sao.md": DOCUMENT}, "content/van-ban/ban-sao.md:"),
    Case("organization file missing", {"data/to-chuc.yaml": None}, "data/to-chuc.yaml:0:0: lỗi: thiếu tệp data/to-chuc.yaml"),
    Case("award vocabulary missing", {"data/danh-hieu.yaml": None}, "data/danh-hieu.yaml:0:0: lỗi: thiếu tệp data/danh-hieu.yaml"),
    Case("mkdocs.yml external hosts not a list", {"mkdocs.yml": Edit("extra:\n", "extra:\n  chuyen_huong_ra_ngoai: có\n")}, ":1: lỗi: extra.chuyen_huong_ra_ngoai phải là danh sách"),
]


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module", autouse=True)
def one_build_day():
    """Every build here is stamped with one day, as a Git project's builds are (scripts/build.py): the
    calendars and the sitemap carry the build day, and a run crossing midnight compared two days."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        yield


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The small project built once, and the digest of its site/."""
    root = make_project(tmp_path_factory.mktemp("base") / "p", seeds=False, files=BASE)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    return root, digest(root / "site")


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A folder outside every project: secrets and images a hostile link would reach for."""
    folder = tmp_path_factory.mktemp("ngoai")
    (folder / "gps.jpg").write_bytes(jpeg())
    (folder / "ky.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (folder / "ho-so.yaml").write_text("ma: ngoai\n", encoding="utf-8")
    return folder


def apply(root: Path, files: dict[str, Content], outside: Path) -> None:
    for rel, content in files.items():
        path = root / rel
        if isinstance(content, Edit):
            pass
        elif path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir() and content is not None:
            shutil.rmtree(path)
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target.format(outside=outside))
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, Edit):
            original = (root / f"{rel}.orig").read_text(encoding="utf-8")
            assert content.old in original, (rel, content.old)
            path.write_text(original.replace(content.old, content.new, 1), encoding="utf-8")
        else:
            path.write_text(content, encoding="utf-8")


def copy_project(base: Path, target: Path) -> Path:
    shutil.copytree(base, target, symlinks=True)
    shutil.copy(target / "mkdocs.yml", target / "mkdocs.yml.orig")
    return target


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_is_refused_clearly(case: Case, base, outside, tmp_path):
    """`check` and the build both stop with the message at its place; the published site is untouched."""
    root = copy_project(base[0], tmp_path / "p")
    apply(root, case.files, outside)
    if case.by_check:
        printed = "\n".join(str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics)
        assert case.message in printed
    result = run_script("build", root)
    assert result.returncode == 1, result.stderr[-3000:]
    assert case.message in result.stderr, result.stderr[-3000:]
    for line in case.extra:
        assert line in result.stderr
    for wrong in case.absent:
        assert wrong not in result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    assert "Dựng trang thất bại: site/ cũ được giữ nguyên" in result.stderr
    assert digest(root / "site") == base[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]  # nothing written beside the project
    assert not Path("/index.html").exists() and not Path("/pwned-redirect").exists()


def test_case_count():
    """The table holds at least 150 hostile inputs, each with its own name."""
    assert len(CASES) >= 150
    assert len({case.id for case in CASES}) == len(CASES)


HARMLESS = {
    "content/huong-dan/ho-so.md": (
        "---\ntitle: '<img src=x onerror=alert(1)> Hồ sơ'\ndescription: '\"><script>alert(2)</script>'\n---\n\n"
        "# Thêm <script>alert(3)</script> hồ sơ\n\nNội dung 👨\u200d👩\u200d👧 gia đình.\n"
    ),
    "content/anh/Thumbs.db": b"\xd0\xcf\x11\xe0",
    "content/anh/desktop.ini": "[.ShellClassInfo]\n",
    "content/.env": "MAT_KHAU=bi-mat\n",
    "content/templates/trang.html": "<script>alert(4)</script>",
    "content/tai-lieu/mau-bao-cao.pdf": b"%PDF-1.4\n%%EOF\n",
    "content/tai-lieu/so-lieu.csv": "Năm,Số khen thưởng\n2024,12\n",
    "data/chuyen-huong.yaml": (
        "chuyen_huong:\n  - tu: tin-tuc/bai-1.html\n    den: guong/tran-thi-binh/\n"
        "  - tu: cong-cu/\n    den: https://sgddt.hungyen.gov.vn/gioi-thieu/\n"
    ),
    "data/guong/ksor-h-hen.yaml": MANAGER.replace("ma: nguyen-van-an", "ma: ksor-h-hen").replace("ho: Nguyễn", "ho: Ksor")
    .replace("ten_dem: Văn\n", "").replace("ten: An", "ten: H'Hen").replace("chuc_vu: Hiệu trưởng", "chuc_vu: Phó Hiệu trưởng"),
    "mkdocs.yml": Edit("extra:\n", "extra:\n  chuyen_huong_ra_ngoai: [sgddt.hungyen.gov.vn]\n"),
    "data/guong/omega.yaml": TEACHER.replace("ma: tran-thi-binh", "ma: omega").replace("ho: Trần", "ho: Παπαδόπουλος")
    .replace("ten_dem: Thị\n", "").replace("ten: Bình", "ten: Ωμέγα").replace("tieu_chi_dat: [tc/tc-1]\n", ""),
    U: UNIT.replace("ten: Trường THPT A (mẫu)", "ten: '=HYPERLINK(\"http://lua-dao.example\",\"Trường A\")'"),
}


@pytest.fixture(scope="module")
def harmless(base, outside, tmp_path_factory) -> Path:
    """The base project with every input that must build, and come out harmless, built once."""
    root = copy_project(base[0], tmp_path_factory.mktemp("harmless") / "p")
    apply(root, HARMLESS, outside)
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_every_page_built_from_harmless_inputs_reads_right(harmless):
    assert problems(harmless, "http://127.0.0.1:8000/") == []


def test_page_front_matter_is_printed_as_text(harmless):
    """An editor's title and description land escaped in <title>, the header, the meta tags and the menu."""
    page = (harmless / "huong-dan/ho-so/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt; Hồ sơ - " in page
    assert 'content="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in page or 'content="&quot;&gt;&lt;script&gt;' in page
    assert "👨\u200d👩\u200d👧" in page  # an emoji's joiners are not invisible characters


def test_only_allowed_files_are_published(harmless):
    """Windows' folder files, hidden files and MkDocs's templates/ stay out; PDF and CSV attachments go in as they are."""
    assert not (harmless / "anh/Thumbs.db").exists() and not (harmless / "anh/desktop.ini").exists()
    assert not (harmless / ".env").exists() and not (harmless / "templates").exists()
    assert (harmless / "tai-lieu/mau-bao-cao.pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
    assert (harmless / "tai-lieu/so-lieu.csv").is_file()


def test_redirects_that_may_be_written(harmless):
    """An old portal's .html address and an allowed outside host each get their redirect page."""
    old = (harmless / "tin-tuc/bai-1.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=http://127.0.0.1:8000/guong/tran-thi-binh/"' in old
    outward = (harmless / "cong-cu/index.html").read_text(encoding="utf-8")
    assert 'url=https://sgddt.hungyen.gov.vn/gioi-thieu/"' in outward


def test_names_as_people_write_them_are_published(harmless):
    """'H'Hen' is a name, filed under H; a name in another alphabet (it once crashed the A–Z pages with an
    empty address) is filed under the group of other letters."""
    assert '<h1 id="noi-dung">Ksor H&#39;Hen</h1>' in (harmless / "guong/ksor-h-hen/index.html").read_text(encoding="utf-8")
    assert "ksor-h-hen" in (harmless / "guong/a-z/h/index.html").read_text(encoding="utf-8")
    assert '<h1 id="noi-dung">Παπαδόπουλος Ωμέγα</h1>' in (harmless / "guong/omega/index.html").read_text(encoding="utf-8")
    assert 'href="../../omega/"' in (harmless / f"guong/a-z/{urls.OTHER_LETTER}/index.html").read_text(encoding="utf-8")


def test_spreadsheet_formulas_stay_text(harmless):
    """A unit named like a formula is written into the statistics CSV as text a spreadsheet will not run."""
    rows = (harmless / "thong-ke/theo-don-vi.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(row.startswith('"\'=HYPERLINK(""http://lua-dao.example"",""Trường A"")"') for row in rows), rows
    assert not any(row.startswith(("=", '"=')) for row in rows)


def test_deleting_a_page_with_its_ledger_line_is_refused(base, tmp_path):
    """A profile deleted together with its ledger line, after both were committed, stops check and build
    at the ledger, naming the commit that recorded the address."""
    root = copy_project(base[0], tmp_path / "p")
    git = ["git", "-c", "user.name=Biên tập viên", "-c", "user.email=btv@so.example"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Dữ liệu"], cwd=root, check=True)
    (root / GV).unlink()
    (root / ST).unlink()
    ledger = root / LEDGER
    kept = [line for line in ledger.read_text(encoding="utf-8").splitlines() if "tran-thi-binh" not in line and "vi-tien" not in line]
    ledger.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run_script("build", root)
    assert result.returncode == 1
    assert f"{LEDGER}:0:0: lỗi: địa chỉ 'guong/tran-thi-binh/' đã được ghi vào sổ (lần lưu " in result.stderr
    assert "khôi phục dòng 'guong/tran-thi-binh/'" in result.stderr
    assert digest(root / "site") == base[1]


def test_two_builds_at_once_are_serialised(base, tmp_path):
    """A second build started while one runs waits for it, says so, and both leave a complete site."""
    root = copy_project(base[0], tmp_path / "p")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(Path(__file__).parents[1] / "scripts/build.py"), "--root", str(root), "--thu"]
    first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (root / ".site-tmp").exists() and time.monotonic() < deadline:  # the first build holds the lock
        time.sleep(0.05)
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    first_err = first.communicate()[1]
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert "Một lần dựng trang khác đang chạy trong thư mục này; chờ lần đó xong rồi dựng tiếp" in second.stderr
    assert digest(root / "site") == base[1]
