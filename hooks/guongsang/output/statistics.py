"""The statistics page's figures as CSV files, one per chart, for spreadsheets (a BOM, so Excel reads UTF-8)."""

from __future__ import annotations

from pathlib import Path

from guongsang.output.context import OutputContext


def write(site_dir: Path, context: OutputContext) -> None:
    for tally in context.site.tallies:
        context.write_text(site_dir / tally.csv_url, tally.as_csv(), encoding="utf-8-sig")
