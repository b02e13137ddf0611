"""SVG bar charts drawn at build time (readable without JavaScript, titled for screen readers).

Column charts come from pygal, which draws SVG natively and is pure Python; three things are taken off its output: its script (the
charts need none), its comments (they hold the day, which would change the bytes of every build) and its
random id (replaced by a stable one, for the same reason). A <title> and <desc> are put first, with
role="img", so that screen readers announce the chart by what it shows.

Charts are drawn for a phone: 360 units wide, so that on a 390 px screen a unit is about a pixel and the
14-unit labels stay at 12 px or more. Names (units, awards) are too long to stand beside a bar at that
width, so those charts stack: each name on its own line(s), its bar and count under it (drawn here, not
by pygal, whose horizontal bars need the name and the bar on one line).
"""

from __future__ import annotations

import html
import re
import textwrap

import pygal
from pygal.style import Style

from guongsang.site.statistics import Tally

WIDTH = 360
"""Drawing units across a chart: about the pixels of a phone's content column."""
FONT_SIZE = 14
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_BAR = "#b71c1c"
_TEXT = "#222"
_STYLE = Style(
    font_family=_FONT,
    colors=(_BAR,),
    background="transparent",
    plot_background="transparent",
    foreground="#333",
    foreground_strong="#111",
    foreground_subtle="#888",
    label_font_size=FONT_SIZE,
    major_label_font_size=FONT_SIZE,
    value_font_size=FONT_SIZE,
)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINE = 18
_WRAP = 38
"""Characters on a name's line: 38 of the widest Vietnamese letters at 14 units fit in 360."""
_VALUE_ROOM = 44


def bar_chart(tally: Tally) -> str:
    """The tally as an inline SVG element with a title and a description for screen readers."""
    stable_id = f"bieu-do-{tally.key}"
    svg = _stacked(tally, stable_id) if tally.horizontal else _columns(tally, stable_id)
    assert svg.startswith("<svg ")
    tag_end = svg.index(">") + 1
    return (
        f'<svg role="img" aria-labelledby="{stable_id}-ten {stable_id}-mo-ta"{svg[4:tag_end]}'
        f'<title id="{stable_id}-ten">{html.escape(tally.title)}</title>'
        f'<desc id="{stable_id}-mo-ta">{html.escape(tally.description)}</desc>{svg[tag_end:]}'
    )


def _columns(tally: Tally, stable_id: str) -> str:
    """A column per row (years): short labels under the columns, drawn by pygal."""
    chart = pygal.Bar(
        style=_STYLE, js=[], disable_xml_declaration=True, show_legend=False, width=WIDTH, height=260,
        print_values=True, show_x_guides=False, truncate_label=-1, margin=8,
    )
    chart.x_labels = [label for label, _ in tally.rows]
    chart.add("Số khen thưởng", [count for _, count in tally.rows])
    svg = chart.render(is_unicode=True)
    generated_id = re.search(r'id="(chart-[0-9a-f-]+)"', svg).group(1)  # type: ignore[union-attr]
    return _COMMENT.sub("", _SCRIPT.sub("", svg)).replace(generated_id, stable_id)


def _stacked(tally: Tally, stable_id: str) -> str:
    """A row per name: the name on its own line(s), then its bar with the count at the bar's end."""
    most = max((count for _, count in tally.rows), default=0) or 1
    parts, y = [], 0
    for label, count in tally.rows:
        for line in textwrap.wrap(label, _WRAP) or [""]:
            y += _LINE
            parts.append(f'<text x="0" y="{y - 4}">{html.escape(line)}</text>')
        length = max(2, round(count / most * (WIDTH - _VALUE_ROOM)))
        parts.append(f'<rect x="0" y="{y + 2}" width="{length}" height="{FONT_SIZE}" fill="{_BAR}"/>')
        parts.append(f'<text x="{length + 6}" y="{y + FONT_SIZE}" font-weight="700">{count}</text>')
        y += FONT_SIZE + 14
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{stable_id}" viewBox="0 0 {WIDTH} {y}" '
        f'font-family="{html.escape(_FONT)}" font-size="{FONT_SIZE}" fill="{_TEXT}">{"".join(parts)}</svg>'
    )
