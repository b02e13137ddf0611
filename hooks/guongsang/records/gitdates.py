"""When each file last changed, from Git: one `git log` for the whole project, not one per page."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_changed(root: Path) -> dict[str, date]:
    """Path (from the project root) -> day of the last commit that touched it; empty outside Git."""
    result = subprocess.run(
        ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", "."],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        return {}
    changed: dict[str, date] = {}
    for commit in result.stdout.split("\0")[1:]:
        day, *paths = commit.strip().splitlines()
        for path in filter(None, (p.strip() for p in paths)):
            changed.setdefault(path, date.fromisoformat(day))  # newest commit first
    return changed
