"""Page weight on a first visit from a compressing host, and the font subsets Vietnamese text needs."""

from __future__ import annotations

import gzip
import json
import re
import urllib.request

import pytest
from conftest import run_script
from gzip_host import compressing_host
from page_weight import PLAN_LIMIT

pytestmark = pytest.mark.browser


def test_fonts_declared_are_latin_and_vietnamese_only(demo_site):
    """Latin Extended is not declared (its range holds ă, đ, ơ, ư too, so it would load on every document),
    and every declared file is shipped."""
    css = (demo_site / "assets/fonts/tinos.css").read_text(encoding="utf-8")
    files = re.findall(r"url\(tinos/([^)]+)\)", css)
    assert sorted(files) == sorted(f"tinos-{subset}-{weight}-{style}.woff2" for subset in ("latin", "vietnamese") for weight in (400, 700) for style in ("normal", "italic"))
    assert sorted(p.name for p in (demo_site / "assets/fonts/tinos").iterdir()) == sorted(files)
    vietnamese = next(rule for rule in css.split("@font-face")[1:] if "vietnamese-400-normal" in rule)
    for letter in "ăđĩũơưạỹ":
        assert any(int(a, 16) <= ord(letter) <= int(b or a, 16) for a, b in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", vietnamese)), letter


def test_the_host_compresses_text_as_a_real_host_does(demo_site):
    css = demo_site / "assets/stylesheets/guongsang.css"
    with compressing_host(demo_site) as base:
        request = urllib.request.Request(f"{base}assets/stylesheets/guongsang.css", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == css.read_bytes()
        with urllib.request.urlopen(f"{base}assets/stylesheets/guongsang.css") as response:
            assert response.headers["Content-Encoding"] is None and response.read() == css.read_bytes()
        font = next((demo_site / "assets/fonts/tinos").iterdir())
        request = urllib.request.Request(f"{base}assets/fonts/tinos/{font.name}", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None and response.read() == font.read_bytes()


def test_five_page_kinds_weighed_and_the_plan_is_light(demo_site, tmp_path):
    """A plan loads Tinos in Latin and Vietnamese only (4 styles) and stays under 300 KB on the wire."""
    result = run_script("page_weight", demo_site.parent, "--json", str(tmp_path / "weights.json"))
    assert result.returncode == 0, result.stderr
    weights = {w["kind"]: w for w in json.loads((tmp_path / "weights.json").read_text(encoding="utf-8"))}
    assert list(weights) == ["kế hoạch", "hồ sơ", "trang chủ", "danh sách", "thống kê"]
    plan = weights["kế hoạch"]
    assert plan["path"].startswith("/van-ban/") and "KẾ HOẠCH" in (demo_site / plan["path"].strip("/") / "index.html").read_text(encoding="utf-8")
    assert 0 < plan["transferred"] <= PLAN_LIMIT
    assert plan["by_type"]["Font"] > 0 and all(re.fullmatch(r"tinos-(latin|vietnamese)-(400|700)-(normal|italic)\.woff2", f) for f in plan["fonts"])
    assert len(plan["fonts"]) == 8
    for weight in weights.values():
        assert weight["requests"] > 3 and weight["by_type"]["Document"] > 0 and weight["by_type"]["Script"] > 0
    assert "| kế hoạch | /van-ban/" in result.stdout
