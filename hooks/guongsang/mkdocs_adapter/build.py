"""The module that talks to MkDocs: build events call the package, phase by phase.

Editors' pages and the generated pages in the navigation go through MkDocs's page loop; the many
generated pages out of it (profiles, paginated indexes) are rendered here after MkDocs's pages. Pages
out of the navigation share Material's frame (see framing.py).
"""

from __future__ import annotations

import gc
import html
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import get_context
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from guongsang import paths, urls
from guongsang.checks import personaldata
from guongsang.diagnostics import summary_line
from guongsang.lang import text
from guongsang.mkdocs_adapter import buildlog, framing, publishing, serving
from guongsang.output import assets, cards, cms, run, scanner, search
from guongsang.output.context import OutputContext, OutputError, write_if_changed
from guongsang.pages.base import SitePage
from guongsang.pages.catalogue import markdown_pages
from guongsang.pages.editors import editors_page
from guongsang.pages.frame import frame_links
from guongsang.project import ProjectPaths, load_project
from guongsang.records import docbody, gitdates, images, ledger, sanitize
from guongsang.records.contentfiles import ContentFiles
from guongsang.records.dataset import LEDGER
from guongsang.records.filememo import FileMemo
from guongsang.records.sourcetexts import locate, project_lines
from guongsang.settings import Settings
from guongsang.site.linking import SiteModel

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.toc import TableOfContents

log = get_plugin_logger("guongsang")

CACHE_DIR = ".cache/guongsang"
"""Cached QR codes and share cards, outside the watched folders; safe to delete."""

_memo = FileMemo()
"""What each record file gave, for the next build of this process (`make serve` rebuilds read only the
files saved since)."""


@dataclass
class _Build:
    site: SiteModel
    generated: dict[str, SitePage]
    """The pages made from the site model, by src_uri."""
    root: Path
    docs_dir: Path
    data_dir: Path
    settings: Settings
    """Read once, in ``load``: mkdocs.yml's and the environment's."""
    taken_down: list[str]
    content: ContentFiles
    env: Environment | None = None
    config: MkDocsConfig | None = None
    """MkDocs's configuration of this build (the forked renderers read it here)."""
    nav: Navigation | None = None
    files: Files | None = None
    workshop: cards.Workshop | None = None
    changed: dict[str, date] = field(default_factory=dict)
    """Source file -> day of its last commit."""
    pages: dict[str, SitePage] = field(default_factory=dict)
    """The page object of each src_uri: generated pages not replaced by an editor's, documents and
    stories (an editor's own page gets its object when MkDocs reads it)."""
    out_of_nav: list[SitePage] = field(default_factory=list)
    """Generated pages out of the navigation (and not replaced by an editor's page): rendered here,
    outside MkDocs's page loop."""
    rendering_started: float = 0.0
    """When MkDocs began reading the pages (time.perf_counter)."""

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_DIR


_build: _Build | None = None


def load(config: MkDocsConfig) -> None:
    """Load and link every input before MkDocs cleans site/: on any error, nothing is touched.

    Then start drawing the QR codes and share cards not cached yet, in parallel with the build.
    """
    global _build
    abandon()
    settings = Settings.from_config(config)
    paths = ProjectPaths.at(Path(config.config_file_path).parent, settings)
    _speak_to_editors(paths)
    publishing_build = not serving.is_serving() and not settings.trial_build
    if publishing_build and (refusal := publishing.refusal(settings.site_url, settings.site_url_line)):
        raise Abort(refusal)
    if not settings.site_url:
        raise Abort("mkdocs.yml cần 'site_url' (địa chỉ công khai của trang) để liên kết chia sẻ, mã QR và nguồn tin trỏ đúng chỗ")
    _build = loaded_build(paths, settings)
    _build.changed = gitdates.last_changed(paths.root)


def loaded_build(paths: ProjectPaths, settings: Settings) -> _Build:
    """Every input loaded, checked and linked (the files unchanged since the last build of this process are
    not read again), and the drawing of QR codes and cards not cached yet started; Abort on any error."""
    loaded = load_project(paths, settings=settings, memo=_memo)
    for diagnostic in loaded.report.diagnostics:
        print(diagnostic, file=sys.stderr)
    if loaded.site is None:
        raise Abort(summary_line(len(loaded.report.errors), len(loaded.report.warnings)))
    pages = loaded.pages
    build = _Build(
        site=loaded.site,
        generated={page.src_uri: page for page in pages},
        root=paths.root,
        docs_dir=paths.docs_dir,
        data_dir=paths.data_dir,
        settings=settings,
        taken_down=loaded.taken_down,
        content=loaded.content,
    )
    try:
        build.workshop = cards.start(loaded.site, settings, paths.root, paths.docs_dir, build.cache_dir)
    except cards.MissingFont as exc:
        raise Abort(str(exc)) from None
    log.info(
        f"{len(loaded.site.documents)} văn bản, {len(loaded.site.profiles)} hồ sơ công khai, "
        f"{len(loaded.site.stories)} câu chuyện, {len(pages)} trang sinh ra"
    )
    return build


def install(build: _Build) -> None:
    """Make ``build`` the one the build events read (a rebuild under serve, see rebuild.py)."""
    global _build
    _build = build


def memo_stamp(value: object) -> str | None:
    """The stamp of a record read by this process (records/filememo.py)."""
    return _memo.stamp(value)


class _EditorMessages(logging.Filter):
    """Rewrites MkDocs's warnings about editors' files into their Vietnamese form (buildlog.py); the
    record keeps its level, so strict mode still fails on it."""

    def __init__(self, paths: ProjectPaths) -> None:
        super().__init__("guongsang")
        self.paths = paths

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            translated = buildlog.translate(record.getMessage(), self.paths.docs_dir, self.paths.root)
            if translated:
                record.msg, record.args = translated, ()
        return True


def _speak_to_editors(paths: ProjectPaths) -> None:
    """Put the translating filter on MkDocs's log handlers (once per handler; builds under serve repeat)."""
    for handler in logging.getLogger("mkdocs").handlers:
        for old in [f for f in handler.filters if isinstance(f, _EditorMessages)]:
            handler.removeFilter(old)
        handler.addFilter(_EditorMessages(paths))


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """Add generated pages (an editor's own Markdown at the same path wins) and packaged assets;
    leave out what may not be published; publish images only as clean, resized copies."""
    build = current()
    # Of content/, only what the loader accepted reaches the site (never a file MkDocs would copy as is).
    accepted = {*build.content.pages, *build.content.attachments} - build.site.withdrawn_stories
    editors = [f for f in files if not f.generated_by and f.abs_src_path and Path(f.abs_src_path).is_relative_to(build.docs_dir)]
    for file in editors:  # theme files come from the theme's folders and are kept
        if file.src_uri not in accepted:
            files.remove(file)
    for src_uri in build.content.images:
        if src_uri in build.site.private_images:
            continue
        widths = build.site.images.get(src_uri)
        if widths:
            for variant in images.variants(build.docs_dir, src_uri, widths, build.cache_dir):
                files.append(File.generated(config, variant.url, abs_src_path=str(variant.source)))
        else:
            clean = images.stripped(build.docs_dir, src_uri, build.cache_dir)
            files.append(File.generated(config, src_uri, abs_src_path=str(clean)))
    for page in assign_pages(build, files):
        files.append(File.generated(config, page.src_uri, content=page.stub, inclusion=InclusionLevel.INCLUDED))
    try:
        files.append(File.generated(config, assets.FONT_CSS, content=assets.font_css(build.root)))
        for dest, source in (assets.font_files(build.root) | cms.script_files(build.root)).items():
            files.append(File.generated(config, dest, abs_src_path=str(source)))
    except (assets.MissingAsset, cms.MissingEditor) as exc:
        raise Abort(str(exc)) from None
    _add_editor_config(files, config, build)
    return files


def assign_pages(build: _Build, files: Files) -> list[SitePage]:
    """Give each page its object (an editor's own Markdown at a generated page's path wins); return the
    generated pages of the navigation that ``files`` does not hold yet."""
    build.out_of_nav = []
    build.pages = {page.src_uri: page for page in markdown_pages(build.site)}
    missing = []
    for page in build.generated.values():
        file = files.get_file_from_path(page.src_uri)
        if file is not None and not file.generated_by:
            continue
        build.pages[page.src_uri] = page
        if not page.in_nav:
            build.out_of_nav.append(page)
        elif file is None:
            missing.append(page)
    return missing


def _add_editor_config(files: Files, config: MkDocsConfig, build: _Build) -> None:
    """The web editor's forms, from the models; admin/ holds nothing else (the loader refuses editors'
    files there, and the scanner skips it)."""
    docs = build.docs_dir.relative_to(build.root).as_posix()
    data = build.data_dir.relative_to(build.root).as_posix()
    editor = cms.config(docs, data, build.settings.site_url, build.settings.web_editor)
    files.append(File.generated(config, cms.CONFIG_FILE, content=cms.as_yaml(editor)))


def prepare_markdown(markdown: str, page: Page) -> str:
    """Generated pages, documents and stories get their template, title and description from their page
    object; bodies are stored as NFC."""
    own = current().pages.get(page.file.src_uri)
    if own:
        page.meta.update(own.front_matter)
    else:  # an editor's own page: its front matter was checked as text (PageMeta)
        # Material prints the title and description unescaped (in <title>, the header and an attribute).
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
    return text.nfc(markdown)


def clean_content(html_fragment: str, page: Page) -> str:
    """Pages written by editors in Markdown: raw HTML reduced to the allow list (generated pages have none)."""
    if page.file.generated_by:
        return html_fragment
    return sanitize.clean_html(html_fragment)


def add_context(context: dict[str, Any], page: Page) -> dict[str, Any]:
    """Give each template what its page object says it prints, and every page its search entry, source
    and share preview."""
    build = current()
    own = page_object(build, page)
    context.update(own.values(page.content or ""))
    if own.appendices:
        _appendices_in_contents(page.toc)
    if own.needs_qr:
        context["qr_svg"] = cards.qr_svg(urls.absolute(build.settings.site_url, own.url), build.cache_dir)
    context["search"] = own.search()
    context["source"] = page_source(build, page)
    preview = own.preview()
    organization = build.site.organization
    context["preview"] = {
        "title": preview.title,
        "description": preview.description or (organization.name if organization else ""),
        "url": urls.absolute(build.settings.site_url, page.url),
        "image": urls.absolute(build.settings.site_url, preview.image or urls.DEFAULT_SHARE_CARD),
        "type": own.share_type,
    }
    return context


def page_object(build: _Build, page: Page) -> SitePage:
    """The page object of a page MkDocs renders; an editor's own page's is made from what MkDocs read
    (its title and description are stored HTML-escaped for Material)."""
    own = build.pages.get(page.file.src_uri)
    if own:
        return own
    title, description = html.unescape(page.title or ""), html.unescape(page.meta.get("description") or "")
    return editors_page(build.site, page.url, title, description, page.meta.get("template"))


@dataclass(frozen=True)
class PageSource:
    """The file a page is made from: where to edit it, and when it last changed."""

    path: str
    edit_url: str
    updated: date | None


def page_source(build: _Build, page: Page) -> PageSource | None:
    """An editor's Markdown page, or a page made from one record; None for pages made from many."""
    path = build.site.sources.get(page.url)
    if path is None and not page.file.generated_by:
        path = f"{build.docs_dir.relative_to(build.root).as_posix()}/{page.file.src_uri}"
    if path is None:
        return None
    edit = build.settings.edit_address
    return PageSource(path, f"{edit}{path}" if edit else "", build.changed.get(path))


def _appendices_in_contents(toc: TableOfContents) -> None:
    """Appendix headings are written '# PHỤ LỤC I' but sit beside the body's '## I.' sections: at level 1,
    the theme would take the first of them for the page title and list only what is under it."""
    for item in toc.items:
        if item.level == 1 and docbody.is_appendix_heading(item.title):
            item.level = 2


def keep_nav(nav: Navigation, files: Files, config: MkDocsConfig) -> None:
    build = current()
    build.nav, build.files, build.config = nav, files, config
    build.rendering_started = time.perf_counter()


def keep_env(env: Environment) -> None:
    """Keep the theme's environment, and give the sitemap the pages rendered outside MkDocs's loop."""
    build = current()
    build.env = env
    framing.install(env, build.settings.full_render)
    env.filters["short_date"] = text.short_date
    # Every template, 404.html included, carries the agency in its header and footer.
    env.globals["organization"] = build.site.organization
    env.globals["agency"] = build.settings.agency
    env.globals["frame"] = frame_links(build.content.pages)
    env.globals["generated_page_urls"] = [urls.absolute(build.settings.site_url, page.url) for page in build.out_of_nav]


_PAGES_PER_PROCESS = 500
"""Fewer generated pages than this per core are rendered in the build's own process (starting one costs
more than it saves)."""


def _render_out_of_nav(build: _Build, config: MkDocsConfig) -> None:
    """Generated pages out of the navigation, each with the context MkDocs would give it, plus ours, on
    every core: worker processes forked from this one (they share its loaded site and theme) render every
    n-th page and write it, while this one renders its own share."""
    shares = max(1, min(os.cpu_count() or 1, len(build.out_of_nav) // _PAGES_PER_PROCESS))
    if shares == 1:
        _render_share(0, 1)
        return
    gc.freeze()  # the loaded site stays shared with the workers: the collector does not touch (copy) it
    try:
        with ProcessPoolExecutor(shares - 1, mp_context=multiprocessing.get_context("fork")) as workers:
            others = [workers.submit(_render_share, share, shares) for share in range(1, shares)]
            _render_share(0, shares)
            for future in others:
                future.result()
    finally:
        gc.unfreeze()


def _render_share(share: int, shares: int) -> None:
    """Render and write every ``shares``-th generated page out of the navigation, from the ``share``-th."""
    build = current()
    config = build.config
    assert build.files is not None and config is not None
    documentation_pages = build.files.documentation_pages()  # once: MkDocs filters all files per page
    site_dir = Path(config.site_dir)
    # A writer thread: the disk works while the next page renders (writing releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as writer:
        written = [
            writer.submit(write_if_changed, site_dir / paths.page_file(own.url), render_generated(build, config, own, documentation_pages).encode())
            for own in build.out_of_nav[share::shares]
        ]
        for future in written:
            future.result()


def render_generated(build: _Build, config: MkDocsConfig, own: SitePage, documentation_pages: Sequence[File]) -> str:
    """A generated page out of the navigation, with the context MkDocs would give it, plus ours."""
    assert build.env is not None and build.nav is not None
    file = File.generated(config, own.src_uri, content=own.stub, inclusion=InclusionLevel.NOT_IN_NAV)
    page = Page(None, file, config)
    page.meta = own.front_matter
    page.markdown = page.content = ""  # a page with no Markdown has no title in MkDocs's eyes
    context = add_context(get_context(build.nav, documentation_pages, config, page), page)
    return build.env.get_template(own.template).render(context)


def render_page(build: _Build, config: MkDocsConfig, page: Page, documentation_pages: Sequence[File]) -> str:
    """A page of MkDocs's loop, as MkDocs renders it (mkdocs.commands.build._build_page, without writing)."""
    assert build.env is not None and build.nav is not None
    config._current_page = page
    page.active = True
    try:
        context = get_context(build.nav, documentation_pages, config, page)
        template = build.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=build.nav)
        return config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
        config._current_page = None


def write_outputs(config: MkDocsConfig) -> set[Path]:
    """After MkDocs's pages: the generated pages out of the navigation, then every other file (output/run.py),
    then the search index and the personal-data scan; last, the ledger's new addresses. Returns the files
    output/run.py's writers made."""
    build = current()
    site_dir = Path(config.site_dir)
    _render_out_of_nav(build, config)
    # Reading and rendering every page, MkDocs's and ours (scripts/bench.py compares it with Hugo's build).
    log.info(f"kết xuất {len(build.files.documentation_pages()) + len(build.out_of_nav)} trang: {time.perf_counter() - build.rendering_started:.2f} s")
    context = write_other_files(build, config, site_dir)
    try:
        findings = search.index_and_scan(site_dir, build.settings.agency.published, build.cache_dir)
    except OutputError as exc:
        raise Abort(str(exc)) from None
    if findings:
        _refuse(build, findings)
    if build.settings.record_addresses:
        _record_addresses(build)
    return context.produced


def write_other_files(build: _Build, config: MkDocsConfig, site_dir: Path) -> OutputContext:
    """Every file besides the pages (output/run.py's writers) into ``site_dir``; the context tells what
    they made and changed."""
    assert build.env is not None and build.workshop is not None
    context = OutputContext(
        site=build.site, settings=build.settings, env=build.env, config=config, built_at=get_build_datetime(),
        cache_dir=build.cache_dir, taken_down=build.taken_down, cards=build.workshop,
    )
    try:
        run.write_all(site_dir, context)
    except OutputError as exc:
        raise Abort(str(exc)) from None
    return context


_TRACED = 20
"""Findings traced back to their source file (each reads the project's text files once)."""


def _refuse(build: _Build, findings: list[scanner.Finding]) -> None:
    """Print each finding at the source file and line it came from when it can be found there (the page's
    own source first), else at the page; then stop: nothing is published."""
    for number, finding in enumerate(findings):
        if number >= _TRACED:
            print(finding, file=sys.stderr)
            continue
        page = finding.page.split(" ")[0].removesuffix("index.html")
        own = [build.root / source] if (source := build.site.sources.get(page)) else []
        place = locate(finding.excerpt, project_lines(build.root, own, [build.data_dir, build.docs_dir]))
        if place is None:
            print(finding, file=sys.stderr)
        else:
            path, line, col = place
            print(f"{path}:{line}:{col}: lỗi: {personaldata.message(finding.what, finding.excerpt)} (trên {finding.page})", file=sys.stderr)
    raise Abort(f"Có {len(findings)} chỗ giống dữ liệu cá nhân trong trang vừa dựng: chưa xuất bản gì.")


def _record_addresses(build: _Build) -> None:
    """Add the pages published for the first time to the ledger (and mark withdrawn ones taken down)."""
    path = build.data_dir / LEDGER
    updated = ledger.updated_ledger(path, build.site.permanent_urls(), build.site.withdrawn)
    if updated is not None:
        path.write_text(updated, encoding="utf-8")
        print(f"Đã cập nhật {build.settings.data_dir}/{LEDGER} (địa chỉ mới, địa chỉ gỡ xuống); hãy lưu (commit) tệp này cùng thay đổi.", file=sys.stderr)


def abandon() -> None:
    """A failed build (or the next one) stops the drawing still under way."""
    global _build
    if _build is not None and _build.workshop is not None:
        _build.workshop.close()
    _build = None


def current() -> _Build:
    """The build the events of this run read."""
    if _build is None:
        raise RuntimeError("guongsang: dữ liệu chưa được nạp (on_pre_build chưa chạy)")
    return _build
