"""checks/: a rule between records is a function registered in checks/run.py, reported on a real project."""

from __future__ import annotations

from conftest import write_files
from guongsang.checks import run
from guongsang.checks.context import Checking
from guongsang.project import ProjectPaths, load_project
from samples import project_files


def _campaign_names_say_what(checking: Checking) -> None:
    """A rule as a new one is written: a campaign's name says more than 'Phong trào mẫu'."""
    for entry in checking.data.campaigns.values():
        if entry.record.name.endswith("mẫu"):
            checking.warning(entry, ("ten",), f"tên phong trào '{entry.record.name}' chưa nói phong trào về điều gì")


def test_a_rule_registered_in_checks_is_reported_at_its_line(tmp_path, monkeypatch):
    files = project_files()
    write_files(tmp_path, files)
    assert load_project(ProjectPaths.at(tmp_path)).report.diagnostics == []

    monkeypatch.setattr(run, "RECORD_CHECKS", (*run.RECORD_CHECKS, _campaign_names_say_what))
    line = files["data/phong-trao/pt.yaml"].splitlines().index("ten: Phong trào mẫu") + 1
    report = load_project(ProjectPaths.at(tmp_path)).report
    assert [str(d) for d in report.diagnostics] == [
        f"data/phong-trao/pt.yaml:{line}:6: cảnh báo: tên phong trào 'Phong trào mẫu' chưa nói phong trào về điều gì",
    ]
