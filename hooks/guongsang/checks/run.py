"""The record checks, run in order over a loaded project: a new rule is a function of its subject's
module, or a new module, registered in ``RECORD_CHECKS``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from guongsang.checks.awards import check_award_types
from guongsang.checks.campaigns import check_campaigns
from guongsang.checks.conferences import check_conferences
from guongsang.checks.context import Checking
from guongsang.checks.criteria import check_criteria_sets
from guongsang.checks.documents import check_documents
from guongsang.checks.honorees import check_honorees
from guongsang.checks.stories import check_stories
from guongsang.checks.units import check_units
from guongsang.diagnostics import Report
from guongsang.records.dataset import DataSet
from guongsang.records.documents import Document
from guongsang.records.stories import Story

RECORD_CHECKS: tuple[Callable[[Checking], None], ...] = (
    check_documents,
    check_stories,
    check_units,
    check_campaigns,
    check_criteria_sets,
    check_award_types,
    check_honorees,
    check_conferences,
)
"""Each reports into the run's Report and changes nothing; the report sorts what they find by place."""


def check_records(data: DataSet, documents: list[Document], stories: list[Story], docs_dir: Path, report: Report, today: date) -> None:
    """Check every rule between the records of a project, consent as of ``today``."""
    run = Checking(data, documents, stories, docs_dir, report, today)
    for check in RECORD_CHECKS:
        check(run)
