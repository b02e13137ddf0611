"""The statistics page: charts drawn at build time, each with a title, a description, a table and a CSV file."""

from __future__ import annotations

import csv
import html as html_module
import io
import re
from pathlib import Path

from conftest import make_project, run_script


def test_each_chart_is_accessible_svg_with_its_table_and_csv(demo_site):
    html = (demo_site / "thong-ke/index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="gs-bieu-do".*?</section>', html, re.S)
    assert len(sections) == 5
    for section in sections:
        svg = re.search(r"<svg .*?</svg>", section, re.S).group()
        key = re.search(r'id="bieu-do-([a-z-]+)"', svg).group(1)
        assert svg.startswith(f'<svg role="img" aria-labelledby="bieu-do-{key}-ten bieu-do-{key}-mo-ta"')
        assert f'<title id="bieu-do-{key}-ten">' in svg and f'<desc id="bieu-do-{key}-mo-ta">Biểu đồ cột' in svg
        assert "<script" not in svg and "<!--" not in svg and "chart-" not in svg
        table = {html_module.unescape(k): v for k, v in re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(\d+)</td></tr>", section)}
        total = int(table.pop("Cộng"))
        assert total == sum(int(v) for v in table.values()) > 0
        with (demo_site / f"thong-ke/{key}.csv").open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0][1] == "Số khen thưởng"
        assert {label: count for label, count in rows[1:]} == table
        assert f'href="{key}.csv" download' in section


def test_counts_agree_across_charts(demo_site):
    totals = []
    for name in ("theo-nam", "theo-danh-hieu", "theo-don-vi", "theo-doi-tuong", "theo-tinh"):
        rows = list(csv.reader(io.StringIO((demo_site / f"thong-ke/{name}.csv").read_text(encoding="utf-8-sig"))))
        totals.append(sum(int(count) for _, count in rows[1:]))
    assert len(set(totals)) == 1


def test_hostile_unit_name_is_text_in_the_chart(tmp_path):
    unit = (Path(__file__).parents[1] / "data/don-vi/thpt-le-quy-don.yaml").read_text(encoding="utf-8")
    unit = re.sub(r"^ten: .*$", 'ten: "Trường <script>alert(1)</script> & <b>B</b>"', unit, count=1, flags=re.M)
    root = make_project(tmp_path / "p", files={"data/don-vi/thpt-le-quy-don.yaml": unit})
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    html = (root / "site/thong-ke/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "Trường &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;B&lt;/b&gt;" in html
