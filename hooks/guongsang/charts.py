"""SVG bar charts drawn at build time with pygal (readable without JavaScript, titled for screen readers).

pygal draws SVG natively and is pure Python; three things are taken off its output: its script (the
charts need none), its comments (they hold the day, which would change the bytes of every build) and its
random id (replaced by a stable one, for the same reason). A <title> and <desc> are put first, with
role="img", so that screen readers announce the chart by what it shows.
"""

from __future__ import annotations

import html
import re

import pygal
from pygal.style import Style

from guongsang.statistics import Tally

_STYLE = Style(
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    colors=("#b71c1c",),
    background="transparent",
    plot_background="transparent",
    foreground="#333",
    foreground_strong="#111",
    foreground_subtle="#888",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def bar_chart(tally: Tally) -> str:
    """The tally as an inline SVG element."""
    height = 120 + 34 * len(tally.rows) if tally.horizontal else 340
    chart = (pygal.HorizontalBar if tally.horizontal else pygal.Bar)(
        style=_STYLE, js=[], disable_xml_declaration=True, show_legend=False, width=720, height=height,
        print_values=True, show_y_guides=not tally.horizontal, show_x_guides=False, truncate_label=-1,
        margin=16,
    )
    chart.x_labels = [label for label, _ in tally.rows]
    chart.add("Số khen thưởng", [count for _, count in tally.rows])
    svg = chart.render(is_unicode=True)
    generated_id = re.search(r'id="(chart-[0-9a-f-]+)"', svg).group(1)  # type: ignore[union-attr]
    stable_id = f"bieu-do-{tally.key}"
    svg = _COMMENT.sub("", _SCRIPT.sub("", svg)).replace(generated_id, stable_id)
    assert svg.startswith("<svg ")
    tag_end = svg.index(">") + 1
    return (
        f'<svg role="img" aria-labelledby="{stable_id}-ten {stable_id}-mo-ta"{svg[4:tag_end]}'
        f'<title id="{stable_id}-ten">{html.escape(tally.title)}</title>'
        f'<desc id="{stable_id}-mo-ta">{html.escape(tally.description)}</desc>{svg[tag_end:]}'
    )
