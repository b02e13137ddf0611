"""The publishing build refuses an address readers cannot open; the host's address comes from DIA_CHI_TRANG."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, run_script
from guongsang.mkdocs_adapter.publishing import address_problem

AS_FOR_THE_PUBLIC = {"GUONGSANG_DUNG_THU": ""}


@pytest.mark.parametrize("address", [
    "", "http://127.0.0.1:8000/", "http://127.5.0.1/", "http://localhost:8000/", "http://trang.localhost/",
    "http://[::1]:8000/", "http://0.0.0.0/", "http://169.254.1.1/", "ftp://so.example.gov.vn/", "so.example.gov.vn/",
])
def test_addresses_readers_cannot_open(address):
    assert address_problem(address)


@pytest.mark.parametrize("address", ["https://sgddt.hungyen.gov.vn/", "https://so.example.gov.vn/guong-sang/", "http://10.0.0.5/"])
def test_addresses_readers_can_open(address):
    assert address_problem(address) is None


def _mkdocs_yml_with(root: Path, site_url_line: str) -> int:
    """Replace the site_url line of the project's mkdocs.yml; return its line number."""
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("site_url:"))
    lines[number] = site_url_line
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


@pytest.mark.parametrize("line", ['site_url: http://127.0.0.1:8000/', 'site_url: !ENV [DIA_CHI_TRANG, "http://localhost:8000/"]', "site_url: ''"])
def test_the_publishing_build_refuses_and_says_where_to_set_the_address(tmp_path: Path, line: str):
    root = make_project(tmp_path / "p")
    number = _mkdocs_yml_with(root, line)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("bản đang xuất bản", encoding="utf-8")
    result = run_script("build", root, **AS_FOR_THE_PUBLIC)
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"mkdocs.yml, dòng {number}: site_url" in said
    assert "DIA_CHI_TRANG" in said and "make serve" in said
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "bản đang xuất bản"


def test_the_host_sets_the_address_and_every_shared_link_carries_it(tmp_path: Path):
    root = make_project(tmp_path / "p")
    result = run_script("build", root, DIA_CHI_TRANG="https://so.example.gov.vn/guong-sang/", **AS_FOR_THE_PUBLIC)
    assert result.returncode == 0, result.stderr
    profile = next(p for p in sorted((root / "site/guong").glob("*/index.html")) if 'class="gs-ho-so"' in p.read_text(encoding="utf-8"))
    page = profile.read_text(encoding="utf-8")
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', page).group(1)
    assert og_url == f"https://so.example.gov.vn/guong-sang/guong/{profile.parent.name}/"
    assert "127.0.0.1" not in page
    assert "https://so.example.gov.vn/guong-sang/" in (root / "site/sitemap.xml").read_text(encoding="utf-8")


def test_a_build_for_this_machine_keeps_the_loopback_address(tmp_path: Path):
    root = make_project(tmp_path / "p")
    result = run_script("build", root, "--thu", **AS_FOR_THE_PUBLIC)
    assert result.returncode == 0, result.stderr
    assert 'content="http://127.0.0.1:8000/"' in (root / "site/index.html").read_text(encoding="utf-8")
