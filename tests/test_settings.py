"""Typed settings (settings.py): mkdocs.yml's keys and the environment variables, read in one place."""

from __future__ import annotations

from conftest import make_project
from guongsang.project import ProjectPaths, load_project
from guongsang.settings import Settings

CONFIG = {
    "site_name": "Gương sáng Hưng Yên",
    "site_url": "https://sgddt.example.gov.vn/guong-sang/",
    "site_description": "Cổng thi đua",
    "docs_dir": "noi-dung",
    "extra": {
        "sua_trang": "https://git.example/so/guong-sang/edit/main/",
        "sua_tren_web": {"name": "gitlab", "repo": "so/guong-sang"},
        "chuyen_huong_ra_ngoai": ["SGDDT.hungyen.gov.vn"],
        "co_quan": {"email": "vanphong@sgddt.hungyen.gov.vn"},
    },
}


def test_settings_of_mkdocs_yml():
    settings = Settings.from_config(CONFIG, "", {})
    assert settings.problems == ()
    assert (settings.site_name, settings.site_url, settings.site_description) == (
        "Gương sáng Hưng Yên", "https://sgddt.example.gov.vn/guong-sang/", "Cổng thi đua",
    )
    assert (settings.docs_dir, settings.data_dir) == ("noi-dung", "data")
    assert settings.edit_address == "https://git.example/so/guong-sang/edit/main/"
    assert settings.web_editor == {"name": "gitlab", "repo": "so/guong-sang"}
    assert settings.external_redirect_hosts == frozenset({"sgddt.hungyen.gov.vn"})
    assert settings.agency.published == frozenset({"vanphong@sgddt.hungyen.gov.vn"})
    assert (settings.trial_build, settings.record_addresses, settings.full_render) == (False, False, False)


def test_settings_of_the_environment():
    """As scripts/build.py and the tests set them; an empty value is unset (a build for the public)."""
    on = Settings.from_config(CONFIG, "", {"GUONGSANG_DUNG_THU": "1", "GUONGSANG_GHI_DIA_CHI": "1", "GUONGSANG_FULL_RENDER": "1"})
    assert (on.trial_build, on.record_addresses, on.full_render) == (True, True, True)
    off = Settings.from_config(CONFIG, "", {"GUONGSANG_DUNG_THU": "", "GUONGSANG_GHI_DIA_CHI": "", "GUONGSANG_FULL_RENDER": "0"})
    assert (off.trial_build, off.record_addresses, off.full_render) == (False, False, False)


def test_a_project_reads_its_pages_from_its_docs_dir(tmp_path):
    """The scripts and `make check` find content where mkdocs.yml's docs_dir says, not at a fixed 'content/'."""
    root = make_project(tmp_path / "p")
    (root / "content").rename(root / "noi-dung")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: content\n", "docs_dir: noi-dung\n"), encoding="utf-8")
    paths = ProjectPaths.at(root)
    assert (paths.docs_dir, paths.data_dir) == (root.resolve() / "noi-dung", root.resolve() / "data")
    loaded = load_project(paths)
    assert loaded.report.ok, [str(d) for d in loaded.report.diagnostics]
    assert loaded.site is not None and len(loaded.site.documents) > 0 and len(loaded.site.stories) == 8


def test_a_broken_mkdocs_yml_is_an_error_at_its_line_not_a_crash(tmp_path):
    """`make check`, `new.py` and `import.py` read mkdocs.yml themselves: a bracket left open, or a file
    that is not 'key: value' lines, is reported to the editor and nothing is loaded from it."""
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join([*lines, "extra_css: [assets/a.css", ""]), encoding="utf-8")
    report = load_project(ProjectPaths.at(root)).report
    assert [(d.path, d.message.split(";")[0]) for d in report.errors] == [
        ("mkdocs.yml", "mkdocs.yml viết sai cú pháp YAML nên không đọc được")
    ]
    assert report.errors[0].line >= len(lines)

    config.write_text("- site_name\n", encoding="utf-8")
    assert [d.message for d in load_project(ProjectPaths.at(root)).report.errors] == [
        "mkdocs.yml phải là các mục 'tên: giá trị' (site_name:, nav:, extra:…)"
    ]
