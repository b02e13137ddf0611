"""Parent units ('don_vi_cap_tren'): long chains check in linear time, a loop is named at its members' lines."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import make_project, run_script
from guongsang.project import ProjectPaths, load_project

LOOP = "đơn vị cấp trên tạo thành vòng lặp ({}); một đơn vị không thể là cấp trên của chính nó"


def chain(count: int, parents: dict[int, int] | None = None) -> dict[str, str]:
    """``count`` units, each the parent of the next (u00000 is the department); ``parents`` changes some."""
    files = {}
    for i in range(count):
        parent = (parents or {}).get(i, i - 1)
        line = f"don_vi_cap_tren: {_id(parent)}\n" if parent >= 0 else ""
        kind = "so" if i == 0 else "khac"
        files[f"data/don-vi/{_id(i)}.yaml"] = f"ma: {_id(i)}\nten: Đơn vị {i}\nloai: {kind}\ntinh: Hưng Yên\n{line}"
    return files


def _id(i: int) -> str:
    return f"u{i:05d}"


def diagnostics(root: Path) -> list[str]:
    return [str(d) for d in load_project(ProjectPaths.at(root)).report.diagnostics]


def test_a_chain_of_3000_units_checks_without_error(tmp_path):
    """3,000 units one below the other: no message, in seconds (it took 76 s when each unit walked its chain)."""
    root = make_project(tmp_path, seeds=False, files=chain(3000))
    started = time.perf_counter()
    result = run_script("check", root)
    assert result.returncode == 0, result.stderr
    assert "Không có lỗi." in result.stderr and "3000 đơn vị" in result.stderr
    assert time.perf_counter() - started < 20


def test_a_loop_deep_in_a_long_chain_is_named_once_at_each_member(tmp_path):
    """u01500 → u01502 → u01501 → u01500: one message at each of the three lines to fix, none for the
    1,497 units hanging below the loop."""
    root = make_project(tmp_path, seeds=False, files=chain(3000, {1500: 1502}))
    assert diagnostics(root) == [
        f"data/don-vi/u01500.yaml:5:18: lỗi: {LOOP.format('u01500 → u01502 → u01501 → u01500')}",
        f"data/don-vi/u01501.yaml:5:18: lỗi: {LOOP.format('u01501 → u01500 → u01502 → u01501')}",
        f"data/don-vi/u01502.yaml:5:18: lỗi: {LOOP.format('u01502 → u01501 → u01500 → u01502')}",
    ]


def test_a_unit_that_is_its_own_parent(tmp_path):
    """A self-parent in the middle of a chain is one message at its own line; the units below it none."""
    root = make_project(tmp_path, seeds=False, files=chain(50, {20: 20}))
    assert diagnostics(root) == [f"data/don-vi/u00020.yaml:5:18: lỗi: {LOOP.format('u00020 → u00020')}"]


def test_a_chain_ending_at_an_unknown_parent_is_no_loop(tmp_path):
    """A parent that does not exist is reported once, with the unit it plausibly meant, and stops the walk."""
    files = chain(30)
    files["data/don-vi/u00010.yaml"] = files["data/don-vi/u00010.yaml"].replace("u00009", "u0009")
    root = make_project(tmp_path, seeds=False, files=files)
    assert diagnostics(root) == [
        "data/don-vi/u00010.yaml:5:18: lỗi: không có đơn vị mã 'u0009' trong data/don-vi/; có phải ý bạn là 'u00009'?",
    ]
