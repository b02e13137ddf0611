"""The address a site is published at: a build for the public refuses one that readers cannot open.

Share previews, QR codes, feeds, calendars and the sitemap carry absolute addresses built from
``site_url``; a loopback address there makes every printed QR code and shared link dead.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

ADDRESS_VARIABLE = "DIA_CHI_TRANG"
"""Environment variable mkdocs.yml reads site_url from (the deploy templates set it from the host)."""


def address_problem(site_url: str | None) -> str | None:
    """Why readers could not open pages built for ``site_url``, or None when they could."""
    if not site_url:
        return "chưa có địa chỉ"
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"'{site_url}' không phải địa chỉ web (cần bắt đầu bằng https://)"
    host = parts.hostname.lower()
    if host == "localhost" or host.endswith(".localhost") or _is_local_ip(host):
        return f"'{site_url}' là địa chỉ chỉ máy đang dựng trang mở được"
    return None


def refusal(site_url: str | None, line: int) -> str | None:
    """The message that stops a publishing build for ``site_url``, naming its ``line`` of mkdocs.yml (0: unknown)."""
    problem = address_problem(site_url)
    if problem is None:
        return None
    where = f"mkdocs.yml, dòng {line}" if line else "mkdocs.yml"
    return (
        f"{where}: site_url {problem}. Trang xuất bản với địa chỉ này sẽ có liên kết chia sẻ, mã QR và nguồn tin"
        " không mở được. Sửa: ghi địa chỉ công khai của trang vào site_url, ví dụ"
        f" site_url: https://sgddt.example.gov.vn/guong-sang/, hoặc đặt biến môi trường {ADDRESS_VARIABLE}"
        " khi dựng trên máy chủ (các mẫu trong deploy/ đã làm việc này). Chỉ để xem trên máy này: make serve,"
        " hoặc python scripts/build.py --thu."
    )


def _is_local_ip(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_link_local
