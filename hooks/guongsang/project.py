"""Loading a whole project: the one entry point shared by the build, `make check` and the tests."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guongsang import images, opendata, urls
from guongsang.contentfiles import ContentFiles, load_content_files
from guongsang.diagnostics import Report
from guongsang.documents import DOCUMENTS_DIR, load_documents
from guongsang.ledger import check_history, check_ledger, read_ledger, takedowns
from guongsang.linking import SiteModel, link_site
from guongsang.mdlinks import PublishedFiles, check_links
from guongsang.mdrecords import markdown_files
from guongsang.pages import GeneratedPage, generate_pages
from guongsang.records import LEDGER, load_data
from guongsang.redirects import check_redirects
from guongsang.rules import check_records
from guongsang.settings import Settings, read_settings
from guongsang.sourcescan import check_personal_data
from guongsang.stories import STORIES_DIR, load_stories
from guongsang.withdrawal import check_withdrawn_names


@dataclass(frozen=True)
class ProjectPaths:
    """Where a project keeps its files."""

    root: Path
    docs_dir: Path
    data_dir: Path

    @classmethod
    def at(cls, root: Path, docs_dir: str = "content", data_dir: str = "data") -> ProjectPaths:
        root = root.resolve()
        return cls(root=root, docs_dir=root / docs_dir, data_dir=root / data_dir)


@dataclass(frozen=True)
class LoadedProject:
    site: SiteModel | None
    """None when the report has errors: nothing is built from invalid input."""
    report: Report
    taken_down: list[str]
    """Addresses taken down on purpose (ledger), each to serve a neutral page."""
    pages: list[GeneratedPage] = field(default_factory=list)
    """The pages generated from the records (empty when the report has errors)."""
    content: ContentFiles = field(default_factory=ContentFiles)
    """The files of content/ that may be published."""


def load_project(paths: ProjectPaths, today: date | None = None, settings: Settings | None = None) -> LoadedProject:
    """Load, validate and link every input; collect all problems in one report.

    ``today`` decides which consents are in force (default: the real date); ``settings`` are those of
    mkdocs.yml (read from the project when not given).
    """
    # Loading creates millions of small objects and no reference cycles: the cyclic collector would
    # rescan them all again and again (measured: half of the time at 10,000 records).
    gc.disable()
    try:
        return _load(paths, today or date.today(), settings or read_settings(paths.root))
    finally:
        gc.enable()


def _load(paths: ProjectPaths, today: date, settings: Settings) -> LoadedProject:
    report = Report()
    for problem in settings.problems:
        report.error("mkdocs.yml", 0, 0, problem)
    documents = load_documents(paths.docs_dir, paths.root, report)
    stories = load_stories(paths.docs_dir, paths.root, report)
    data = load_data(paths.data_dir, paths.root, report)
    check_records(data, documents, stories, paths.docs_dir, report, today)
    site = link_site(documents, data, stories, report, today)
    linked = report.ok  # the checks below read the linked site
    record_pages = {
        p.relative_to(paths.docs_dir).as_posix()
        for folder in (DOCUMENTS_DIR, STORIES_DIR) for p in markdown_files(paths.docs_dir / folder)
    }
    content = load_content_files(paths.docs_dir, paths.root, settings, record_pages, report)
    ledger_rel = f"{paths.data_dir.relative_to(paths.root).as_posix()}/{LEDGER}"
    ledger = read_ledger(paths.data_dir / LEDGER, ledger_rel, report)
    check_history(paths.root, ledger_rel, ledger, report)
    text_files = [*content.pages, *(a for a in content.attachments if not a.lower().endswith(".pdf"))]
    check_personal_data(data, paths.root, paths.docs_dir, text_files, allowed_emails(site), report)
    if not linked:
        return LoadedProject(site=None, report=report, taken_down=[], content=content)
    check_withdrawn_names(site, data, paths.root, paths.docs_dir, _built_pages(site, content), report)
    pages = generate_pages(site, opendata.COLLECTIONS)
    addresses = _page_addresses(site, pages, content)
    check_redirects(site.redirect_rules, addresses, settings, report)
    check_ledger(site, ledger, ledger_rel, addresses, report)
    check_links(paths.docs_dir, paths.root, _built_pages(site, content), _published(site, pages, content), report)
    if not report.ok:
        return LoadedProject(site=None, report=report, taken_down=[], content=content)
    return LoadedProject(site=site, report=report, taken_down=takedowns(site, ledger, addresses), pages=pages, content=content)


def allowed_emails(site: SiteModel) -> set[str]:
    """The addresses that may be published: the organisation's own."""
    organization = site.organization
    return {organization.contact.email} if organization and organization.contact.email else set()


def _built_pages(site: SiteModel, content: ContentFiles) -> list[str]:
    """The Markdown pages the build renders: every page of content/ but the withdrawn stories."""
    return [src_uri for src_uri in content.pages if src_uri not in site.withdrawn_stories]


def _page_addresses(site: SiteModel, pages: list[GeneratedPage], content: ContentFiles) -> set[str]:
    """The address of every page the build writes (and the theme's 404 page)."""
    return {"404.html"} | {page.url for page in pages} | {urls.markdown_url(src) for src in _built_pages(site, content)}


def _published(site: SiteModel, pages: list[GeneratedPage], content: ContentFiles) -> PublishedFiles:
    """What MkDocs will be given, to check editors' links against."""
    files = set(_built_pages(site, content)) | set(content.attachments)
    files |= {page.src_uri for page in pages if page.in_nav}
    not_published = dict.fromkeys(site.withdrawn_stories, "một câu chuyện đã gỡ xuống vì có người rút lại sự đồng ý")
    for image in content.images:
        if image in site.private_images:
            not_published[image] = "một ảnh không được công khai (hồ sơ chưa công khai, hoặc chưa có sự đồng ý đăng ảnh)"
        elif image in site.images:
            files |= {images.variant_url(image, width) for width in site.images[image]}
            not_published[image] = "một ảnh gốc: ảnh gốc không bao giờ được đăng, chỉ các bản thu nhỏ đã bỏ siêu dữ liệu"
        else:
            files.add(image)
    generated = frozenset(page.url for page in pages if not page.in_nav)
    return PublishedFiles(frozenset(files), generated, not_published)
