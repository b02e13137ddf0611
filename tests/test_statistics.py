"""The statistics page: charts drawn at build time, each with a title, a description, a table and a CSV file."""

from __future__ import annotations

import csv
import html as html_module
import io
import re
from pathlib import Path

import pytest
from conftest import make_project, run_script
from guongsang.pages.charts import WIDTH, bar_chart
from guongsang.site.statistics import Tally


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


# Every text of every chart, as rendered: its font size times the SVG's scale, and whether it stays inside the
# chart (2 px allowed for a glyph such as T overhanging its origin).
_RENDERED_TEXT = """() => [...document.querySelectorAll('.gs-bieu-do__hinh svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    return {chart: svg.id, text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            inside: r.left >= box.left - 2 && r.right <= box.right + 2};
  });
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_chart_labels_are_readable_on_a_phone_and_a_desktop(demo_site, serve, browser, width):
    """At 390 px (a phone) and 1280 px every label, name and count of every chart is drawn at 12 px or more,
    inside its chart, and the page does not scroll sideways."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{serve(demo_site)}thong-ke/")
    texts = page.evaluate(_RENDERED_TEXT)
    assert {t["chart"] for t in texts} == {f"bieu-do-{key}" for key in ("theo-nam", "theo-danh-hieu", "theo-don-vi", "theo-doi-tuong", "theo-tinh")}
    small = [(t["chart"], t["text"], round(t["px"], 1)) for t in texts if t["px"] < 12]
    assert not small
    assert all(t["inside"] for t in texts), [t for t in texts if not t["inside"]]
    assert max(t["px"] for t in texts) < 24
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_long_names_stack_above_their_bars():
    """A name too long for one line at phone width is wrapped above its bar, every word kept, the count after the bar."""
    name = "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo tỉnh Hưng Yên & <Trường>"
    svg = bar_chart(Tally("theo-danh-hieu", "Khen thưởng", "Biểu đồ cột", "Danh hiệu", [(name, 12), ("Lao động tiên tiến", 3)], horizontal=True))
    lines = re.findall(r'<text x="0" y="\d+">(.*?)</text>', svg)
    assert len(lines) == 3 and all(len(html_module.unescape(line)) <= 38 for line in lines)
    assert " ".join(html_module.unescape(line) for line in lines[:2]) == name
    bars = [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', svg)]
    assert bars[0] == WIDTH - 44 and bars[1] == round(3 / 12 * (WIDTH - 44))
    assert re.search(r'font-weight="700">12</text>', svg) and f'viewBox="0 0 {WIDTH} ' in svg
