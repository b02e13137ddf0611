"""scripts/bench.py reads its figures from real builds and a real `mkdocs serve`, on a small project here."""

from __future__ import annotations

import bench
from conftest import make_project, run_script
from samples import COLLECTIVE, DEPARTMENT, MANAGER, UNIT

RECORD = "data/guong/nguyen-van-an.yaml"


def test_rendering_time_and_save_to_served(tmp_path):
    """The build's rendering line is found; a save is timed until served, rebuilt and indexed."""
    root = make_project(tmp_path / "p", seeds=False, files={
        "data/don-vi/truong-a.yaml": UNIT,
        "data/don-vi/so-mau.yaml": DEPARTMENT,
        "data/guong/truong-a-tap-the.yaml": COLLECTIVE,
        RECORD: MANAGER + "tom_tat: Hiệu trưởng mẫu mực.\n",
    })
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr[-2000:]
    assert 0 < bench.rendering_seconds(result.stderr) < 60

    [edit] = bench.save_to_served(root, tmp_path / "tmp", [root / RECORD])
    assert (root / RECORD).read_text(encoding="utf-8").endswith("tom_tat: Đã cập nhật 1. Hiệu trưởng mẫu mực.\n")
    assert edit.record == "nguyen-van-an"
    assert edit.rebuilt_s is not None and edit.indexed_s is not None, "the server logs its quick rebuild and the new index"
    assert 0 < edit.rebuilt_s < edit.served_s < bench.PATIENCE_S
    assert edit.rebuilt_s < edit.indexed_s < bench.PATIENCE_S
    assert not list((tmp_path / "tmp").iterdir()), "the server was stopped as by Ctrl+C and removed its folders"


def test_figures_are_written_as_in_vietnamese():
    assert bench._n(15661) == "15.661" and bench._n(1234.56, 1) == "1.234,6" and bench._n(None) == "—"
    assert bench._spread([1.5, 0.25, 0.5], "s") == "0,50 / 1,50 s"
    assert bench._spread([1.5, None], "s") == "—"
