"""Loading a whole project: the one entry point shared by the build, `make check` and the tests."""

from __future__ import annotations

import gc
from datetime import date
from dataclasses import dataclass
from pathlib import Path

from guongsang.diagnostics import Report
from guongsang.documents import load_documents
from guongsang.linking import SiteModel, link_site
from guongsang.ledger import check_ledger, read_ledger, takedowns
from guongsang.records import LEDGER, load_data
from guongsang.rules import check_records
from guongsang.stories import load_stories


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


def load_project(paths: ProjectPaths, today: date | None = None) -> LoadedProject:
    """Load, validate and link every input; collect all problems in one report.

    ``today`` decides which consents are in force (default: the real date).
    """
    # Loading creates millions of small objects and no reference cycles: the cyclic collector would
    # rescan them all again and again (measured: half of the time at 10,000 records).
    gc.disable()
    try:
        return _load(paths, today or date.today())
    finally:
        gc.enable()


def _load(paths: ProjectPaths, today: date) -> LoadedProject:
    report = Report()
    documents = load_documents(paths.docs_dir, paths.root, report)
    stories = load_stories(paths.docs_dir, paths.root, report)
    data = load_data(paths.data_dir, paths.root, report)
    check_records(data, documents, stories, paths.docs_dir, report, today)
    site = link_site(documents, data, stories, report, today)
    ledger_rel = f"{paths.data_dir.relative_to(paths.root).as_posix()}/{LEDGER}"
    ledger = read_ledger(paths.data_dir / LEDGER, ledger_rel, report)
    if report.ok:
        check_ledger(site, ledger, ledger_rel, report)
    taken_down = takedowns(site, ledger) if report.ok else []
    return LoadedProject(site=site if report.ok else None, report=report, taken_down=taken_down)
