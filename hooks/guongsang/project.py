"""Loading a whole project: the one entry point shared by the build, `make check` and the tests."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guongsang import urls
from guongsang.checks.ledger import check_history, check_ledger
from guongsang.checks.links import PublishedFiles, check_links
from guongsang.checks.personaldata import check_personal_data
from guongsang.checks.redirects import check_redirects
from guongsang.checks.run import check_records
from guongsang.checks.withdrawal import check_withdrawn_names
from guongsang.diagnostics import Report
from guongsang.output import opendata
from guongsang.pages.base import SitePage
from guongsang.pages.catalogue import generated_pages
from guongsang.records import images
from guongsang.records.contentfiles import ContentFiles, load_content_files
from guongsang.records.dataset import LEDGER, load_data
from guongsang.records.documents import DOCUMENTS_DIR, load_documents
from guongsang.records.filememo import FileMemo
from guongsang.records.ledger import read_ledger, takedowns
from guongsang.records.sourcetexts import file_paragraphs, whole_file
from guongsang.records.stories import STORIES_DIR, load_stories
from guongsang.settings import Settings, read_settings
from guongsang.site.linking import SiteModel, link_site


@dataclass(frozen=True)
class ProjectPaths:
    """Where a project keeps its files."""

    root: Path
    docs_dir: Path
    data_dir: Path

    @classmethod
    def at(cls, root: Path, settings: Settings | None = None) -> ProjectPaths:
        """The folders of the project at ``root`` as its ``settings`` name them (read from its mkdocs.yml
        when not given)."""
        root = root.resolve()
        settings = settings or read_settings(root)
        return cls(root=root, docs_dir=(root / settings.docs_dir).resolve(), data_dir=root / settings.data_dir)


@dataclass(frozen=True)
class LoadedProject:
    site: SiteModel | None
    """None when the report has errors: nothing is built from invalid input."""
    report: Report
    taken_down: list[str]
    """Addresses taken down on purpose (ledger), each to serve a neutral page."""
    pages: list[SitePage] = field(default_factory=list)
    """The pages generated from the records (empty when the report has errors)."""
    content: ContentFiles = field(default_factory=ContentFiles)
    """The files of content/ that may be published."""


def load_project(
    paths: ProjectPaths, today: date | None = None, settings: Settings | None = None, memo: FileMemo | None = None
) -> LoadedProject:
    """Load, validate and link every input; collect all problems in one report.

    ``today`` decides which consents are in force (default: the real date); ``settings`` are those of
    mkdocs.yml (read from the project when not given); ``memo`` keeps what each record file gave, for
    the next load (a rebuild reads only the files changed since).
    """
    # Loading creates millions of small objects and no reference cycles: the cyclic collector would
    # rescan them all again and again (measured: half of the time at 10,000 records).
    gc.disable()
    try:
        return _load(paths, today or date.today(), settings or read_settings(paths.root), memo)
    finally:
        gc.enable()


def _load(paths: ProjectPaths, today: date, settings: Settings, memo: FileMemo | None) -> LoadedProject:
    report = Report()
    for problem in settings.problems:
        report.error("mkdocs.yml", problem.line, 1 if problem.line else 0, problem.message)
    if memo is not None:
        memo.begin_load()
    documents = load_documents(paths.docs_dir, paths.root, report, memo)
    stories = load_stories(paths.docs_dir, paths.root, report, memo)
    data = load_data(paths.data_dir, paths.root, report, memo)
    check_records(data, documents, stories, paths.docs_dir, report, today)
    site = link_site(documents, data, stories, report, today)
    linked = report.ok  # the checks below read the linked site
    content = load_content_files(paths.docs_dir, paths.root, settings, (DOCUMENTS_DIR, STORIES_DIR), report)
    ledger_rel = f"{paths.data_dir.relative_to(paths.root).as_posix()}/{LEDGER}"
    ledger = read_ledger(paths.data_dir / LEDGER, ledger_rel, report)
    check_history(paths.root, ledger_rel, ledger, report)
    csv_files = [f for f in content.text_files if f.lower().endswith(".csv")]
    paragraphs = list(file_paragraphs(paths.root, paths.docs_dir, [f for f in content.text_files if f not in csv_files]))
    tables = [whole_file(paths.root, paths.docs_dir, f) for f in csv_files]
    check_personal_data(data, paragraphs, tables, settings.agency.published, report, memo)
    if not linked:
        return LoadedProject(site=None, report=report, taken_down=[], content=content)
    built = [src_uri for src_uri in content.pages if src_uri not in site.withdrawn_stories]
    taken_down_files = {f"{paths.docs_dir.relative_to(paths.root).as_posix()}/{src}" for src in site.withdrawn_stories}
    still_published = [p for p in paragraphs if p.path not in taken_down_files]
    check_withdrawn_names(site.withdrawn_people(), {p.name for p in site.profiles}, data, still_published, report)
    pages = generated_pages(site, opendata.COLLECTIONS)
    addresses = {"404.html"} | {page.url for page in pages} | {urls.markdown_url(src) for src in built}  # every page written
    check_redirects(site.redirect_rules, addresses, settings, report)
    check_ledger(ledger, ledger_rel, addresses, site.permanent_urls(), site.redirects, site.withdrawn, report)
    check_links(paths.docs_dir, paths.root, built, _published(site, pages, content, built), report)
    if not report.ok:
        return LoadedProject(site=None, report=report, taken_down=[], content=content)
    taken_down = takedowns(ledger, site.withdrawn, addresses, site.redirects)
    return LoadedProject(site=site, report=report, taken_down=taken_down, pages=pages, content=content)



def _published(site: SiteModel, pages: list[SitePage], content: ContentFiles, built: list[str]) -> PublishedFiles:
    """What MkDocs will be given (``built``: the Markdown pages rendered), to check editors' links against."""
    files = set(built) | set(content.attachments)
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
