"""Pages at old addresses: a redirect where a page moved (data/chuyen-huong.yaml, renamed records), a
neutral page where one was taken down on purpose (the ledger)."""

from __future__ import annotations

from pathlib import Path

from guongsang import paths, urls
from guongsang.output.context import OutputContext, OutputError


def write(site_dir: Path, context: OutputContext) -> None:
    site_url = context.settings.site_url
    redirect = context.env.get_template("redirect.html")
    for old, new in context.site.redirects.items():
        _write_page(context, site_dir, old, redirect.render(target=urls.redirect_target(site_url, new), config=context.config))
    takedown = context.env.get_template("takedown.html")
    for url in context.taken_down:
        _write_page(context, site_dir, url, takedown.render(home=urls.absolute(site_url, ""), config=context.config))


def _write_page(context: OutputContext, site_dir: Path, url: str, content: str) -> None:
    """A page at an address an editor wrote, only inside the site. The loader has checked the address
    (site/redirects.py, checks/ledger.py: never over a page); the path is resolved again here so that no
    address, whatever a check misses, writes outside site/."""
    try:
        path = paths.inside(site_dir, paths.page_file(url))
    except paths.UnsafePath as exc:
        raise OutputError(f"địa chỉ '{url}' không được ghi: {exc}") from None
    context.write_text(path, content)
