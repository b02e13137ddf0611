"""The web editor (Decap CMS) at admin/: forms generated from the models, shipped with the site, and a
record created through the form in Chromium, saved by the local backend into the project."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import typing
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import Request, urlopen

import pytest
import yaml
from conftest import ROOT, make_project, run_script
from guongsang.output import cms
from guongsang.project import ProjectPaths, load_project
from guongsang.records.dataset import COLLECTIONS
from guongsang.records.models import DocumentMeta, Honoree, Photo, StoryMeta
from PIL import Image
from pydantic import BaseModel, Field

SETTINGS = cms.config("content", "data", "http://127.0.0.1:8000/", None)


def _collections() -> dict[str, dict[str, Any]]:
    """Every form of the editor by name, single files included."""
    forms = {c["name"]: c for c in SETTINGS["collections"] if "fields" in c}
    files = next(c for c in SETTINGS["collections"] if c["name"] == cms.FILES_COLLECTION)
    return forms | {f["name"]: f for f in files["files"]}


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X | None`, `list[X]` or `X` itself, if any."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        if typing.get_origin(candidate) is list:
            return _nested(typing.get_args(candidate)[0])
    return None


def _differences(model: type[BaseModel], form: list[dict[str, Any]], where: str = "") -> list[str]:
    """Where a form and its model disagree: a field missing or extra, a label or hint not the model's."""
    by_name = {field["name"]: field for field in form}
    problems = [f"{where}{name}: không có trong mô hình" for name in by_name.keys() - {i.alias for i in model.model_fields.values()}]
    for info in model.model_fields.values():
        field = by_name.get(str(info.alias))
        if field is None:
            problems.append(f"{where}{info.alias}: thiếu trong biểu mẫu")
            continue
        if field["label"] != info.title or field.get("hint") != info.description:
            problems.append(f"{where}{info.alias}: nhãn hoặc gợi ý khác mô hình")
        nested = _nested(info.annotation)
        if nested:
            problems += _differences(nested, field["fields"], f"{where}{info.alias}.")
    return problems


def test_every_model_field_is_a_form_field_with_its_label_and_hint():
    """Each collection's form holds exactly the fields of its model, recursively (Markdown adds its body)."""
    forms = _collections()
    models = {c.schema: c.model for c in COLLECTIONS} | {cms.DOCUMENTS: DocumentMeta, cms.STORIES: StoryMeta}
    assert forms.keys() == models.keys()
    for name, model in models.items():
        fields = [f for f in forms[name]["fields"] if not (f["name"] == "body" and forms[name].get("format") == "frontmatter")]
        assert _differences(model, fields) == [], name


def test_a_field_added_to_a_model_shows_up_and_a_stale_form_is_caught():
    """A new model field appears in the generated form; a form made before it fails the comparison above."""

    class Extended(Honoree):
        school_club: str | None = Field(None, alias="cau_lac_bo", title="Câu lạc bộ", description="Ví dụ: CLB Tin học.")

    added = next(f for f in cms.fields(Extended) if f["name"] == "cau_lac_bo")
    assert added == {"name": "cau_lac_bo", "label": "Câu lạc bộ", "hint": "Ví dụ: CLB Tin học.", "required": False, "widget": "string"}
    assert _differences(Extended, cms.fields(Honoree)) == ["cau_lac_bo: thiếu trong biểu mẫu"]


def test_a_type_the_editor_cannot_offer_fails_the_build():
    class Odd(BaseModel):
        counts: dict[str, int] = Field(alias="so_lieu", title="Số liệu")

    with pytest.raises(TypeError, match="Odd.so_lieu"):
        cms.fields(Odd)


def test_the_tables_name_existing_fields():
    """References, text areas and image pickers are declared by (model, key): each key is a real field."""
    for model, key in [*cms._REFERENCES, *cms._MULTILINE, *cms._IMAGES]:
        assert key in {i.alias for i in model.model_fields.values()}, (model.__name__, key)


def test_widgets_follow_the_types():
    honoree = {f["name"]: f for f in _collections()["guong"]["fields"]}
    assert honoree["doi_tuong"]["widget"] == "select"
    assert {"label": "Giáo viên", "value": "giao_vien"} in honoree["doi_tuong"]["options"]
    assert honoree["ma"]["pattern"][0] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert (honoree["don_vi"]["widget"], honoree["don_vi"]["collection"]) == ("relation", "don-vi")
    assert honoree["phong_trao"]["widget"] == "relation" and honoree["phong_trao"]["multiple"] is True
    assert honoree["cong_khai"] == {**honoree["cong_khai"], "widget": "boolean", "default": False}
    assert honoree["khen_thuong"]["widget"] == "list" and honoree["khen_thuong"]["default"] == []
    assert honoree["tom_tat"]["widget"] == "text"
    award = {f["name"]: f for f in honoree["khen_thuong"]["fields"]}
    assert award["loai"] | {"collection": cms.FILES_COLLECTION, "file": "danh-hieu", "value_field": "danh_hieu.*.ma"} == award["loai"]
    assert award["nam"] | {"widget": "number", "value_type": "int", "min": 1945, "max": 2100} == award["nam"]
    assert award["quyet_dinh"]["fields"][1] | {"widget": "datetime", "format": "YYYY-MM-DD", "required": False} == award["quyet_dinh"]["fields"][1]
    document = {f["name"]: f for f in _collections()["van-ban"]["fields"]}
    assert re.match(document["ngay_ban_hanh"]["pattern"][0], "2024-11") and re.match(document["ngay_ban_hanh"]["pattern"][0], "21/01/2020")
    assert document["body"]["modes"] == ["raw"]
    assert set(document["nguoi_ky"]["fields"][0]["options"]) == {"TM.", "KT.", "TL.", "TUQ.", "Q."}


def test_records_keep_the_project_layout_and_photos_go_through_the_image_pipeline():
    """Files named by id in data/<folder>/; uploads in content/anh/, stored as 'anh/<file>' (relative to content/)."""
    honorees = _collections()["guong"]
    assert (honorees["folder"], honorees["slug"], honorees["extension"]) == ("data/guong", "{{ma}}", "yaml")
    assert (SETTINGS["media_folder"], SETTINGS["public_folder"]) == ("content/anh", "anh")
    photo = next(f for f in honorees["fields"] if f["name"] == "anh")
    assert photo["fields"][0] | {"widget": "image", "choose_url": False} == photo["fields"][0]
    assert all(f["required"] is False for f in photo["fields"]), "an absent photo must not block saving"
    assert SETTINGS["locale"] == "vi"
    assert cms.config("content", "data", "https://x/", {"name": "gitlab", "repo": "so/guong-sang"})["backend"]["name"] == "gitlab"


def test_every_yaml_collection_is_written_by_our_comment_keeping_format():
    """Each YAML collection names a format the page registers; a new record's file starts with its modeline."""
    headers = cms.file_headers()
    yaml_collections = [c for c in SETTINGS["collections"] if c.get("extension") == "yaml"]
    assert sorted(c["format"] for c in yaml_collections) == sorted(headers)
    honorees = next(c for c in yaml_collections if c["name"] == "guong")
    assert headers[honorees["format"]] == "# yaml-language-server: $schema=../schemas/guong.schema.json"


def test_the_site_ships_the_editor_without_publishing_it(demo_site: Path):
    """admin/ holds the page, the script from npm, its chunks and the generated forms; it is in no index."""
    admin = demo_site / "admin"
    for name in ("index.html", cms.SCRIPT, "config.yml", "guongsang-cms.js", f"{cms.SCRIPT}.LICENSE.txt"):
        assert (admin / name).is_file(), name
    assert (admin / cms.SCRIPT).read_bytes() == (ROOT / cms.PACKAGE / cms.SCRIPT).read_bytes()
    page = (admin / "index.html").read_text(encoding="utf-8")
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", page):  # no CDN, and relative: works under any sub-path
        assert not re.search(r'(?:src|href)="(?:https?:)?/', tag), tag
    assert '<script src="decap-cms.js">' in page and 'name="robots" content="noindex"' in page
    assert json.loads(re.search(r'<script type="application/json" id="dau-tep">(.*?)</script>', page).group(1)) == cms.file_headers()
    assert (admin / "yaml" / "index.js").read_bytes() == (ROOT / cms.YAML_PACKAGE / "index.js").read_bytes()
    assert '<meta property="og:url" content="http://127.0.0.1:8000/admin/">' in page, "a shared link previews like every page"
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == SETTINGS
    assert "/admin/" not in (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in (demo_site / "du-lieu-mo").rglob("*.json"):
        assert "admin/" not in path.read_text(encoding="utf-8")
    assert "data-pagefind-body" not in page, "search indexes only the pages marked for it"


def test_content_admin_is_reserved_for_the_editor(tmp_path: Path):
    root = make_project(tmp_path / "p", seeds=False, files={"content/admin/ghi-chu.md": "# Ghi chú\n"})
    result = run_script("build", root)
    assert result.returncode != 0
    assert "content/admin:0:0: lỗi: địa chỉ admin/ dành cho trình sửa trên web" in result.stdout + result.stderr


# ---- In Chromium, against decap-server ----


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory, serve):
    """The demo project built for a sub-path, its site served, decap-server writing into the project."""
    root = make_project(tmp_path_factory.mktemp("cms") / "p")
    result = run_script("build", root, DIA_CHI_TRANG="http://127.0.0.1:8000/guong-sang/")
    assert result.returncode == 0, result.stderr
    port = _free_port()
    settings = root / "site" / cms.CONFIG_FILE
    text = settings.read_text(encoding="utf-8")
    assert text.count(f":{cms.PROXY_PORT}/") == 2
    settings.write_text(text.replace(f":{cms.PROXY_PORT}/", f":{port}/"), encoding="utf-8")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    with subprocess.Popen([str(ROOT / "node_modules/.bin/decap-server")], env=env, stdout=subprocess.DEVNULL) as proxy:
        try:
            _wait_for(f"http://127.0.0.1:{port}/api/v1")
            portal = root / "cong-thong-tin"
            portal.mkdir()
            (portal / "guong-sang").symlink_to(root / "site")
            yield root, serve(portal) + "guong-sang/admin/"
        finally:
            proxy.terminate()


def _wait_for(api: str) -> None:
    question = json.dumps({"action": "info", "params": {}}).encode()
    for _ in range(100):
        try:
            urlopen(Request(api, question, {"Content-Type": "application/json"}), timeout=1)
            return
        except (URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(f"decap-server did not answer at {api}")


@pytest.mark.browser
def test_a_honoree_created_in_the_web_editor_is_a_valid_record(editor, browser, tmp_path: Path):
    """Sign in locally, fill the required fields and a photo, save: the YAML file lands in data/guong/,
    the photo in content/anh/, `check` passes and the record loads; nothing is fetched from elsewhere."""
    root, admin = editor
    photo = tmp_path / "co-binh.jpg"
    Image.new("RGB", (300, 400), (30, 120, 200)).save(photo)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    try:
        page.goto(admin)
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(admin + "#/collections/guong/new")
        box = lambda name: page.locator(f'[id^="{name}-field-"]')  # Decap names each input after its field
        box("ma").fill("tran-thi-binh-thpt-hoang-hoa-tham")
        box("doi_tuong").fill("Giáo viên")
        page.keyboard.press("Enter")
        box("ho").fill("Trần")
        box("ten_dem").fill("Thị")
        box("ten").fill("Bình")
        box("don_vi").fill("Hoàng Hoa Thám")
        page.get_by_role("option", name="Trường THPT Hoàng Hoa Thám (mẫu)").click()
        box("tom_tat").fill("Cô Bình đổi mới phương pháp dạy học Toán.")
        box("mo_ta").fill("Cô Bình đứng trên bục giảng")
        page.get_by_role("button", name="Chọn một hình").click()
        page.locator('input[type="file"]').set_input_files(photo)
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        page.screenshot(path=str(tmp_path / "bieu-mau.png"))
        page.get_by_role("button", name="Công bố").click()
        page.get_by_role("menuitem", name="Công bố ngay").click()
        saved = root / "data" / "guong" / "tran-thi-binh-thpt-hoang-hoa-tham.yaml"
        for _ in range(100):
            if saved.is_file():
                break
            page.wait_for_timeout(100)
    finally:
        page.close()
    assert hosts and all(host.startswith("127.0.0.1:") for host in hosts), hosts
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert record == {
        "ma": "tran-thi-binh-thpt-hoang-hoa-tham", "doi_tuong": "giao_vien", "ho": "Trần", "ten_dem": "Thị", "ten": "Bình",
        "don_vi": "thpt-hoang-hoa-tham", "anh": {"tep": "anh/co-binh.jpg", "mo_ta": "Cô Bình đứng trên bục giảng"},
        "tom_tat": "Cô Bình đổi mới phương pháp dạy học Toán.",
        "duoi_7_tuoi": False, "nguoi_lon": False, "cong_khai": False, "noi_bat": False, "du_lieu_mau": False,
    }
    assert saved.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/guong.schema.json\n")
    assert (root / "content" / "anh" / "co-binh.jpg").read_bytes() == photo.read_bytes()
    result = run_script("check", root)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = load_project(ProjectPaths.at(root))
    assert loaded.site is not None
    honoree = next(h for h in loaded.site.honorees if h.id == "tran-thi-binh-thpt-hoang-hoa-tham")
    assert honoree.photo == Photo(tep="anh/co-binh.jpg", mo_ta="Cô Bình đứng trên bục giảng")
    assert (honoree.person_name, honoree.unit, honoree.published) == ("Trần Thị Bình", "thpt-hoang-hoa-tham", False)


@pytest.mark.browser
def test_a_record_saved_in_the_web_editor_keeps_its_comments(editor, browser):
    """Editing one field of an existing file changes that value only: the modeline, the editors' comments
    (on their own lines and after a value) and every other value stay."""
    root, admin = editor
    path = root / "data" / "guong" / "bui-van-hung-thpt-hoang-hoa-tham.yaml"
    original = path.read_text(encoding="utf-8").replace("cong_khai: true\n", "cong_khai: true  # đã duyệt 05/9\n")
    path.write_text(original, encoding="utf-8")
    before = yaml.safe_load(original)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(admin)
        page.get_by_role("button", name="Đăng nhập").click()
        page.goto(admin + "#/collections/guong/entries/bui-van-hung-thpt-hoang-hoa-tham")
        summary = page.locator('[id^="tom_tat-field-"]')
        summary.fill("Anh tự làm dụng cụ thí nghiệm đơn giản cho các giờ thực hành.")
        page.get_by_role("button", name="Công bố").click()
        page.get_by_role("menuitem", name="Công bố ngay").click()
        for _ in range(100):
            if path.read_text(encoding="utf-8") != original:
                break
            page.wait_for_timeout(100)
    finally:
        page.close()
    written = path.read_text(encoding="utf-8")
    assert written.startswith(original.split("ma:")[0]), "modeline and header comment kept"
    assert "cong_khai: true # đã duyệt 05/9\n" in written
    after = yaml.safe_load(written)
    assert after.pop("tom_tat") == "Anh tự làm dụng cụ thí nghiệm đơn giản cho các giờ thực hành."
    before.pop("tom_tat")
    assert after == before
    result = run_script("check", root)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.browser
def test_without_its_local_backend_the_editor_says_what_to_run(demo_site: Path, serve, browser, tmp_path: Path):
    """No decap-server listening: instead of Decap's "Failed to fetch" over an empty list, the page says in
    Vietnamese what is missing, the command to run, and how the published editor signs in."""
    site = tmp_path / "site"
    shutil.copytree(demo_site, site, symlinks=True)
    settings = site / cms.CONFIG_FILE
    settings.write_text(settings.read_text(encoding="utf-8").replace(f":{cms.PROXY_PORT}/", f":{_free_port()}/"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(serve(site) + "admin/")
    explanation = page.locator("#thieu-trinh-luu")
    explanation.wait_for(state="visible", timeout=30000)
    text = explanation.inner_text()
    assert "Chưa mở được trình sửa trên web" in text
    assert "decap-server" in text and "make cms" in text and "sua_tren_web" in text
    assert "Failed to fetch" not in page.inner_text("body")
    assert page.locator("#nc-root").count() == 0  # Decap was not started
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_a_hosted_editor_says_how_to_sign_in(tmp_path: Path):
    hosted = "extra:\n  sua_tren_web:\n    name: gitlab\n    repo: so-gddt/guong-sang\n    branch: main\n"
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("extra:\n", hosted), encoding="utf-8")
    result = run_script("build", root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / cms.ADMIN_DIR / "index.html").read_text(encoding="utf-8")
    assert "Đăng nhập bằng tài khoản gitlab có quyền sửa kho so-gddt/guong-sang; mỗi lần lưu là một lần lưu (commit) lên nhánh main" in page
