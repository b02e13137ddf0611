"""The one module that talks to MkDocs: build events call the package, phase by phase."""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from guongsang import assets, text
from guongsang.diagnostics import summary_line
from guongsang.linking import SiteModel
from guongsang.pages import GeneratedPage, generate_document_pages
from guongsang.project import ProjectPaths, load_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("guongsang")


@dataclass
class _Build:
    site: SiteModel
    generated: dict[str, GeneratedPage]


_build: _Build | None = None


def project_paths(config: MkDocsConfig) -> ProjectPaths:
    root = Path(config.config_file_path).parent
    return ProjectPaths(root=root.resolve(), docs_dir=Path(config.docs_dir).resolve(), data_dir=(root / "data").resolve())


def load(config: MkDocsConfig) -> None:
    """Load and link every input before MkDocs cleans site/: on any error, nothing is touched."""
    global _build
    _build = None
    loaded = load_project(project_paths(config))
    for diagnostic in loaded.report.diagnostics:
        print(diagnostic, file=sys.stderr)
    if loaded.site is None:
        raise Abort(summary_line(len(loaded.report.errors), len(loaded.report.warnings)))
    pages = generate_document_pages(loaded.site)
    _build = _Build(site=loaded.site, generated={page.src_uri: page for page in pages})
    log.info(f"{len(loaded.site.documents)} văn bản, {len(pages)} trang tổng hợp")


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """Add generated pages (an editor's own Markdown at the same path wins) and packaged assets."""
    for page in _current().generated.values():
        if files.get_file_from_path(page.src_uri) is None:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.stub, inclusion=inclusion))
    root = project_paths(config).root
    try:
        files.append(File.generated(config, assets.FONT_CSS, content=assets.font_css(root)))
        for dest, source in assets.font_files(root).items():
            files.append(File.generated(config, dest, abs_src_path=str(source)))
    except assets.MissingAsset as exc:
        raise Abort(str(exc)) from None
    return files


def prepare_markdown(markdown: str, page: Page) -> str:
    """Documents get their template and title from their record; every body is stored as NFC."""
    document = _current().site.document(page.file.src_uri)
    if document:
        page.meta["template"] = "document.html"
        # Material prints these two unescaped (in <title>, the header and an attribute).
        page.meta["title"] = html.escape(document.display_title)
        page.meta["description"] = html.escape(document.plain_title)
    return text.nfc(markdown)


def add_context(context: dict[str, Any], page: Page) -> dict[str, Any]:
    """Give each template the records it renders."""
    build = _current()
    document = build.site.document(page.file.src_uri)
    if document:
        context["document"] = document
        context["citations"] = build.site.citations.get(document.src_uri, [])
        context["cited_by"] = build.site.cited_by.get(document.src_uri, [])
    generated = build.generated.get(page.file.src_uri)
    if generated:
        context.update(generated.context)
        context["site_model"] = build.site
    return context


def _current() -> _Build:
    if _build is None:
        raise RuntimeError("guongsang: dữ liệu chưa được nạp (on_pre_build chưa chạy)")
    return _build
