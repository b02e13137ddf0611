"""Redirects: an old address keeps leading somewhere, and never replaces a page or leaves the site.

Each writes a small page at its old address, so each is checked before anything is written: the address
is a page address of this site (paths.site_address_problem, at load), no page of the build is there, and
the target is a page of the site, another redirect, or an outside 'https://' address on a host mkdocs.yml
allows.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from guongsang import urls
from guongsang.diagnostics import Report
from guongsang.paths import page_file
from guongsang.records.redirects import Redirect
from guongsang.settings import EXTERNAL_REDIRECTS, Settings

RESERVED = ("assets/", "pagefind/", urls.ADMIN, urls.OPEN_DATA)
"""Folders the build fills with its own files (theme, search index, web editor, open data)."""


def check_redirects(redirects: list[Redirect], pages: set[str], settings: Settings, report: Report) -> None:
    """Each redirect may be written: its address is free, its target exists, no two claim one address.

    ``pages`` are the addresses of every page the build writes.
    """
    page_files = {page_file(url): url for url in pages}
    first: dict[str, Redirect] = {}
    for redirect in redirects:
        old = redirect.old
        target = page_files.get(page_file(old))
        if target is not None:
            _error(report, redirect, f"địa chỉ '{old}' đang có trang ('{target or '/'}'); chuyển hướng không được thay một trang đang có, hãy bỏ dòng này")
        elif old.startswith(RESERVED):
            _error(report, redirect, f"địa chỉ '{old}' thuộc thư mục '{old.split('/')[0]}/' dành cho tệp của hệ thống; chọn địa chỉ khác")
        elif old in first:
            _error(report, redirect, f"địa chỉ '{old}' đã được chuyển hướng ở {first[old].where}; mỗi địa chỉ chỉ chuyển hướng một lần")
        else:
            first[old] = redirect
    for redirect in first.values():
        _check_target(redirect, pages, first, settings, report)


def _check_target(redirect: Redirect, pages: set[str], redirects: dict[str, Redirect], settings: Settings, report: Report) -> None:
    if redirect.external:
        host = (urlsplit(redirect.new).hostname or "").lower()
        if host not in settings.external_redirect_hosts:
            _error(
                report, redirect,
                f"chuyển hướng ra ngoài cổng, tới '{host}', chưa được phép; nếu đúng ý, thêm '{host}' vào"
                f" 'extra: {EXTERNAL_REDIRECTS}:' trong mkdocs.yml, nếu không thì ghi một trang của cổng",
            )
        return
    seen = [redirect.old]
    new = redirect.new
    while new in redirects and new not in seen:  # a chain ends at a page, never in a loop
        seen.append(new)
        new = redirects[new].new
    if new in seen:
        _error(report, redirect, f"chuyển hướng thành vòng tròn: {' → '.join([*seen, new])}; sửa 'den' cho tới một trang có thật")
    elif new not in pages and not urls.is_outside(new):
        _error(report, redirect, f"'{redirect.new}' không phải trang nào của cổng; 'den' phải là địa chỉ một trang đang có, ví dụ 'guong/ma-moi/'")


def _error(report: Report, redirect: Redirect, message: str) -> None:
    report.error(redirect.path, redirect.line, redirect.col, message)
