"""Scale: 2,500 generated honorees with stories. Slow: run by `make bench`, not by `make test`."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT, make_project, run_script
from guongsang.project import ProjectPaths, load_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("big"))
    (root / "data/dia-chi-da-cong-bo.txt").unlink()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/generate_sample.py"), "--root", str(root), "--honorees", "2500", "--stories", "500"],
        check=True, capture_output=True,
    )
    return root


def test_check_is_quick(big):
    """Loading and checking 2,540 honorees and 508 stories stays within a few seconds."""
    started = time.perf_counter()
    loaded = load_project(ProjectPaths.at(big))
    assert loaded.report.ok and len(loaded.site.profiles) == 2538  # 38 published in the demo, 2,500 generated
    assert time.perf_counter() - started < 10


def test_build_and_page_sizes(big):
    """The site builds; a profile page stays far under 100 KB; pages are out of the navigation."""
    result = run_script("build", big)
    assert result.returncode == 0, result.stderr[-2000:]
    site = big / "site"
    profiles = [p for p in (site / "guong").glob("*/index.html") if p.parent.name.endswith(("-tap-the",)) or "-0" in p.parent.name]
    assert len(profiles) > 2000
    assert max(p.stat().st_size for p in profiles) < 100_000
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('href="guong/') < 20
