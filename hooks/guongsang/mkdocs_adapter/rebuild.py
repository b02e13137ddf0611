"""Rebuilds under `make serve` that render only what changed.

After a good build the server keeps its state: the MkDocs configuration, navigation, files and theme, the
digest of every page's inputs (pages/inputs.py) and the times of the watched files. When records or
templates are saved, a rebuild reads again only the files saved (records/filememo.py), links the site,
digests every page and renders the pages whose digest changed, with the templates unchanged in memory;
then every other output (output/run.py) and the sitemap. Only files whose bytes changed are written, the
files of pages or outputs no longer made are removed, and only what was written is scanned. The search
index is made again in the background (Pagefind has no incremental mode): the page is served first.

Anything else (mkdocs.yml, hooks, editors' own pages, images, theme assets), or a change of the
navigation, goes to MkDocs's full build, as before.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from jinja2 import meta, nodes
from mkdocs.commands.build import _build_template, _populate_page
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp

from guongsang import paths, urls
from guongsang.mkdocs_adapter import backgroundsearch
from guongsang.mkdocs_adapter import build as mkdocs_build
from guongsang.output import scanner
from guongsang.output.context import write_if_changed
from guongsang.pages.catalogue import markdown_pages
from guongsang.pages.inputs import Digests, Undigestable
from guongsang.project import ProjectPaths
from guongsang.records.documents import DOCUMENTS_DIR
from guongsang.records.stories import STORIES_DIR

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.guongsang")

_TEMPLATE_SUFFIXES = (".html", ".xml")
_MOST_PAGES = 2000
"""A rebuild rendering more pages than this is left to MkDocs's build (it holds them in memory until all
are rendered, so that a failure writes nothing)."""

_Signature = tuple[int, int, int]


@dataclass
class _Served:
    """What the last good build left: enough to render any of its pages again."""

    config: MkDocsConfig
    build: mkdocs_build._Build
    watched: dict[Path, _Signature]
    digests: dict[str, str]
    """Output file (relative to the site folder) -> digest of the page written there."""
    templates: _TemplateDigests
    produced: set[str] = field(default_factory=set)
    """The other outputs' files (output/run.py), relative to the site folder."""


_served: _Served | None = None


def remember(config: MkDocsConfig, produced: set[Path]) -> None:
    """After a good build under `mkdocs serve`: keep what a rebuild needs."""
    global _served
    build = mkdocs_build.current()
    assert build.env is not None
    templates = _TemplateDigests(build.env, build.root / "overrides")
    gc.disable()
    try:
        digests = _page_digests(build, Digests(mkdocs_build.memo_stamp), templates)
    finally:
        gc.enable()
    _served = _Served(config, build, _snapshot(build), digests or {}, templates, {_relative(Path(config.site_dir), p) for p in produced})


def forget() -> None:
    global _served
    _served = None


def rebuild(served_dir: Path) -> bool:
    """Bring the served folder up to date with what was saved, if only records, stories, documents or
    templates changed; False to leave it to MkDocs's full build. Abort (nothing written) on an editor's
    mistake, as a full build would."""
    # The cyclic collector would walk the whole loaded site each time a rebuild's short-lived objects pass
    # its threshold (as load_project says); nothing here makes cycles.
    gc.disable()
    try:
        return _rebuild(served_dir)
    finally:
        gc.enable()


def _rebuild(served_dir: Path) -> bool:
    served = _served
    if served is None:
        return False
    started = time.perf_counter()
    build = served.build
    watched = _snapshot(build)
    changed = {path for path in watched.keys() | served.watched.keys() if watched.get(path) != served.watched.get(path)}
    if not changed:
        return True
    if other := sorted(path for path in changed if not _quick(build, path)):
        log.info(f"guongsang: {other[0].relative_to(build.root)} đổi: dựng lại toàn bộ")
        return False
    config = served.config
    env = build.env
    assert env is not None and build.files is not None and build.nav is not None
    if any(path.is_relative_to(build.root / "overrides") for path in changed):
        if env.cache is not None:
            env.cache.clear()
        served.templates = _TemplateDigests(env, build.root / "overrides")
    new = mkdocs_build.loaded_build(ProjectPaths(build.root, build.docs_dir, build.data_dir), build.settings)
    new.changed, new.env, new.nav, new.files, new.config = build.changed, env, build.nav, build.files, config
    mkdocs_build.install(new)
    if not _same_navigation(new, build):
        log.info("guongsang: thanh điều hướng đổi: dựng lại toàn bộ")
        return False
    removed_sources = _update_markdown_files(new, config, changed)
    mkdocs_build.keep_env(env)
    digests = _page_digests(new, Digests(mkdocs_build.memo_stamp), served.templates)
    if digests is None:
        return False
    stale = [name for name, digest in digests.items() if served.digests.get(name) != digest]
    if len(stale) > _MOST_PAGES:
        log.info(f"guongsang: {len(stale)} trang đổi: dựng lại toàn bộ")
        return False
    rendered = _render(new, config, set(stale))
    written = [served_dir / name for name, data in rendered.items() if write_if_changed(served_dir / name, data)]
    gone = (served.digests.keys() - digests.keys()) | removed_sources
    context = mkdocs_build.write_other_files(new, config, served_dir)
    written += context.written
    produced = {_relative(served_dir, p) for p in context.produced}
    _remove(served_dir, (gone | served.produced) - produced - digests.keys())  # a redirect may take an old page's place
    findings = scanner.scan_files(served_dir, written, new.settings.agency.published, new.cache_dir / "scanned-clean.txt")
    if findings:
        for finding in findings:
            log.error(str(finding))
        raise Abort(f"Có {len(findings)} chỗ giống dữ liệu cá nhân trong trang vừa dựng.")
    served.build, served.watched, served.digests, served.produced = new, watched, digests, produced
    log.info(
        f"guongsang: dựng lại {len(stale)} trang, ghi {len(written)} tệp, xóa {len(gone)} trang trong"
        f" {time.perf_counter() - started:.2f} s; chỉ mục tìm kiếm đang làm lại"
    )
    backgroundsearch.reindex(served_dir)
    return True


def _quick(build: mkdocs_build._Build, path: Path) -> bool:
    """Whether a change of ``path`` can be rebuilt here: a record, a story or document, a template."""
    if path.is_relative_to(build.data_dir):
        return True
    if path.is_relative_to(build.root / "overrides"):
        return path.suffix in _TEMPLATE_SUFFIXES
    if path.is_relative_to(build.docs_dir) and path.suffix == ".md":
        folder = path.relative_to(build.docs_dir).parent.as_posix()
        return folder in (DOCUMENTS_DIR, STORIES_DIR)
    return False


def _snapshot(build: mkdocs_build._Build) -> dict[Path, _Signature]:
    """The files a change of which MkDocs's server would rebuild for, with their size, time and inode."""
    found = {}
    roots = [build.data_dir, build.docs_dir, build.root / "overrides", build.root / "hooks", build.root / "mkdocs.yml"]
    for root in roots:
        for path in [root] if root.is_file() else root.rglob("*"):
            try:
                stat = path.lstat()
            except OSError:
                continue
            if not path.is_dir():
                found[path] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


def _same_navigation(new: mkdocs_build._Build, old: mkdocs_build._Build) -> bool:
    """The navigation lists the same pages under the same titles (else every page changes)."""
    def listed(build: mkdocs_build._Build) -> dict[str, str]:
        return {page.src_uri: page.title for page in build.generated.values() if page.in_nav}

    return listed(new) == listed(old)


def _update_markdown_files(build: mkdocs_build._Build, config: MkDocsConfig, changed: set[Path]) -> set[str]:
    """Add the new stories and documents to MkDocs's files, drop those gone (or withdrawn), read again those
    saved; return the output files of the pages dropped."""
    files = build.files
    assert files is not None
    mkdocs_build.assign_pages(build, files)
    wanted = {page.src_uri for page in markdown_pages(build.site)}
    present = {
        f.src_uri: f for f in files.documentation_pages()
        if not f.generated_by and PurePosixPath(f.src_uri).parent.as_posix() in (DOCUMENTS_DIR, STORIES_DIR)
    }
    gone = set()
    for src_uri in present.keys() - wanted:
        files.remove(present[src_uri])
        gone.add(paths.page_file(urls.markdown_url(src_uri)))
    for src_uri in sorted(wanted - present.keys()):
        file = File(src_uri, str(build.docs_dir), config.site_dir, config.use_directory_urls)
        set_exclusions([file], config)
        files.append(file)
        Page(None, file, config)
        present[src_uri] = file
    for src_uri in sorted(wanted):
        page = present[src_uri].page
        if page is not None and (page.content is None or build.docs_dir / src_uri in changed):
            _populate_page(page, config, files)
    return gone


def _page_digests(build: mkdocs_build._Build, digests: Digests, templates: _TemplateDigests) -> dict[str, str] | None:
    """The digest of every page, by the file it is written to; None if a page's inputs cannot be digested."""
    assert build.files is not None and build.env is not None
    env = build.env
    shared = (env.globals.get("organization"), env.globals.get("agency"), env.globals.get("frame"))
    found = {}
    try:
        for file in build.files.documentation_pages():
            page = file.page
            if page is None:
                continue
            own = mkdocs_build.page_object(build, page)
            source = mkdocs_build.page_source(build, page)
            template = templates.of(page.meta.get("template", "main.html"))
            found[file.dest_uri] = digests.page(own, page.content or "", page.title, source, template, shared)
        for own in build.out_of_nav:
            path = build.site.sources.get(own.url)
            source = (path, build.changed.get(path) if path else None)
            found[paths.page_file(own.url)] = digests.page(own, "", source, templates.of(own.template), shared)
    except Undigestable as exc:
        log.info(f"guongsang: {exc}; dựng lại toàn bộ")
        return None
    return found


class _TemplateDigests:
    """The digest of a template with every template it extends, includes or imports.

    A name computed while rendering (Material's icons, ``{% include "…" ~ name %}``) may be any template:
    it brings in every template of overrides/, the ones a site edits (the theme's own change only with
    its pinned version, which restarts the server).
    """

    def __init__(self, env: Environment, overrides: Path) -> None:
        self._env, self._overrides = env, overrides
        self._sources: dict[str, tuple[str, str]] = {}
        self._referenced: dict[str, list[str]] = {}
        self._digests: dict[str, str] = {}

    def of(self, name: str) -> str:
        if name not in self._digests:
            names = sorted(self._closure(name))
            text = "\x1f".join(f"{n}\x1e{self._source(n)[0]}" for n in names)
            self._digests[name] = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return self._digests[name]

    def _source(self, name: str) -> tuple[str, str]:
        """The template's text and file."""
        if name not in self._sources:
            assert self._env.loader is not None
            source, filename, _ = self._env.loader.get_source(self._env, name)
            self._sources[name] = (source, filename or "")
        return self._sources[name]

    def _closure(self, name: str) -> set[str]:
        seen: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            pending += self._references(current)
        return seen

    def _references(self, name: str) -> list[str]:
        """The templates ``name`` extends, includes or imports, and the fragments it renders with
        ``shared_include`` (framing.py)."""
        if name not in self._referenced:
            source, filename = self._source(name)
            tree = self._env.parse(source, name, filename)  # a mistake is reported at its file and line
            found = list(meta.find_referenced_templates(tree))
            for call in tree.find_all(nodes.Call):
                if isinstance(call.node, nodes.Name) and call.node.name == "shared_include" and call.args:
                    first = call.args[0]
                    found.append(first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None)
            self._referenced[name] = [n for n in found if n is not None] + (self._editable() if None in found else [])
        return self._referenced[name]

    def _editable(self) -> list[str]:
        return sorted(p.relative_to(self._overrides).as_posix() for p in self._overrides.rglob("*") if p.suffix in _TEMPLATE_SUFFIXES)


def _render(build: mkdocs_build._Build, config: MkDocsConfig, stale: set[str]) -> dict[str, bytes]:
    """The stale pages, the error page and the sitemap, rendered in memory: a failure writes nothing."""
    assert build.files is not None and build.env is not None and build.nav is not None
    documentation_pages = build.files.documentation_pages()
    rendered = {}
    for file in documentation_pages:
        if file.dest_uri in stale and file.page is not None:
            rendered[file.dest_uri] = mkdocs_build.render_page(build, config, file.page, documentation_pages).encode("utf-8", errors="xmlcharrefreplace")
    for own in build.out_of_nav:
        name = paths.page_file(own.url)
        if name in stale:
            rendered[name] = mkdocs_build.render_generated(build, config, own, documentation_pages).encode()
    for name in config.theme.static_templates:
        output = _build_template(name, build.env.get_template(name), build.files, config, build.nav)
        rendered[name] = output.encode("utf-8")
        if name == "sitemap.xml":
            rendered[f"{name}.gz"] = _gzipped(name, output, build)
    return rendered


def _gzipped(name: str, output: str, build: mkdocs_build._Build) -> bytes:
    """The sitemap's gzip as MkDocs writes it (its header holds the file name and the build time)."""
    assert build.files is not None
    timestamp = get_build_timestamp(pages=[f.page for f in build.files.documentation_pages() if f.page is not None])
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=name, mode="wb", mtime=timestamp) as zipped:
        zipped.write(output.encode("utf-8"))
    return buffer.getvalue()


def _remove(served_dir: Path, names: set[str]) -> None:
    """Remove the files of pages and outputs no longer made, and the folders they leave empty."""
    for name in names:
        path = served_dir / name
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == served_dir or not folder.is_relative_to(served_dir) or any(folder.iterdir()):
                break
            folder.rmdir()


def _relative(site_dir: Path, path: Path) -> str:
    return path.relative_to(site_dir).as_posix()
