"""The web editor at admin/ (Decap CMS): its forms generated from the models, its script from npm.

Each form field is a model field: the YAML key (``alias``) is the field name, the Vietnamese ``title``
its label, the ``description`` its hint. The models stay the one source: a field added to a model shows
up in the editor, and a type the editor cannot offer fails the build instead of being left out.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from annotated_types import Ge, Le, MinLen
from pydantic import BaseModel, TypeAdapter, WithJsonSchema
from pydantic.fields import FieldInfo

from guongsang import urls
from guongsang.lang.dates import DayOfYear, PartialDate
from guongsang.output.context import OutputContext
from guongsang.records import yamltext
from guongsang.records.dataset import AWARD_TYPES, CAMPAIGNS, COLLECTIONS, CRITERIA, HONOREES, UNITS, Collection
from guongsang.records.documents import DOCUMENTS_DIR
from guongsang.records.images import MAX_IMAGE_BYTES
from guongsang.records.models import (
    Award,
    Campaign,
    Conference,
    CriteriaItem,
    CriteriaSet,
    DocumentMeta,
    Honoree,
    Id,
    Labeled,
    Period,
    Photo,
    PresidiumMember,
    SchoolYear,
    StoryMeta,
    Testimony,
    Unit,
)
from guongsang.records.schemas import modeline
from guongsang.records.stories import STORIES_DIR

ADMIN_DIR = urls.ADMIN
"""Where the editor is published; nothing else of the site may live there."""
CONFIG_FILE = f"{ADMIN_DIR}config.yml"
INDEX_TEMPLATE = "admin/index.html"
PREVIEW_HOST = "http://127.0.0.1:8000"
"""Where `make serve` and `make cms` serve the site on the editor's own machine (the Makefile's --dev-addr)."""
PACKAGE = Path("node_modules/decap-cms/dist")
SCRIPT = "decap-cms.js"
YAML_PACKAGE = Path("node_modules/yaml/browser/dist")
"""The YAML library Decap itself is built with (same version), for our file format that keeps comments."""
FORMAT_PREFIX = "yaml-guongsang-"
"""Our YAML format, one per collection: a file's comments survive a save and a new file gets its modeline."""
PROXY_PORT = 8081
"""decap-server's port: the local backend that writes into the working tree (`make cms`)."""
MEDIA_FOLDER = "anh"
"""Folder under content/ for uploaded photos: `anh.tep` holds 'anh/<file>', the path the image pipeline reads."""
DOCUMENTS = DOCUMENTS_DIR
"""The documents' collection is named after their folder, as the stories' is."""
STORIES = STORIES_DIR
FILES_COLLECTION = "danh-muc"
"""The single-file collections (organization, award types, redirects), grouped as one list of files."""


class MissingEditor(Exception):
    """decap-cms is not installed."""


_References = dict[tuple[type[BaseModel], str], str]

# The models hold ids as plain strings; which collection an id names is said here, so the editor offers
# the existing records instead of a free text box (the build checks every reference anyway).
_REFERENCES: _References = {
    (Unit, "don_vi_cap_tren"): UNITS.schema,
    (Campaign, "van_ban"): DOCUMENTS,
    (Campaign, "bo_tieu_chi"): CRITERIA.schema,
    (CriteriaSet, "van_ban_nguon"): DOCUMENTS,
    (PresidiumMember, "guong"): HONOREES.schema,
    (Testimony, "guong"): HONOREES.schema,
    (Conference, "don_vi"): UNITS.schema,
    (Conference, "van_ban"): DOCUMENTS,
    (Conference, "dai_bieu_cap_tren"): HONOREES.schema,
    (Award, "loai"): AWARD_TYPES.schema,
    (Award, "phong_trao"): CAMPAIGNS.schema,
    (Honoree, "don_vi"): UNITS.schema,
    (Honoree, "phong_trao"): CAMPAIGNS.schema,
    (DocumentMeta, "phong_trao"): CAMPAIGNS.schema,
    (DocumentMeta, "don_vi_ban_hanh"): UNITS.schema,
    (StoryMeta, "guong"): HONOREES.schema,
}

# How the editor lists the records a reference may name: what is stored, searched and shown.
_TARGETS: dict[str, dict[str, Any]] = {
    UNITS.schema: {"value_field": "ma", "search_fields": ["ma", "ten"], "display_fields": ["ten"]},
    CAMPAIGNS.schema: {"value_field": "ma", "search_fields": ["ma", "ten"], "display_fields": ["ten"]},
    CRITERIA.schema: {"value_field": "ma", "search_fields": ["ma", "ten"], "display_fields": ["ten"]},
    HONOREES.schema: {"value_field": "ma", "search_fields": ["ma", "ho", "ten", "ten_tap_the"], "display_fields": ["ma"]},
    DOCUMENTS: {"value_field": "{{slug}}", "search_fields": ["so_ky_hieu", "trich_yeu"], "display_fields": ["so_ky_hieu", "trich_yeu"]},
    AWARD_TYPES.schema: {
        "collection": FILES_COLLECTION, "file": AWARD_TYPES.schema,
        "value_field": "danh_hieu.*.ma", "search_fields": ["danh_hieu.*.ten"], "display_fields": ["danh_hieu.*.ten"],
    },
}

_MULTILINE = {
    (Conference, "ten"), (Conference, "gioi_thieu"), (Campaign, "gioi_thieu"), (CriteriaItem, "noi_dung"),
    (Honoree, "tom_tat"), (Honoree, "ngoai_le_don_vi"), (StoryMeta, "tom_tat"),
}
"""Text that runs over several lines: a text area rather than a one-line box."""

_IMAGES = {(Photo, "tep")}
"""Paths of images: a picker that uploads into content/anh/ and stores 'anh/<file>'."""

# Pattern checks the editor can run as the editor types, with the message the model's error would give.
_PATTERN_MESSAGES = {
    TypeAdapter(Id).json_schema()["pattern"]: "Chỉ gồm chữ thường không dấu, số và dấu '-', ví dụ thpt-nguyen-trai.",
    TypeAdapter(SchoolYear).json_schema()["pattern"]: "Hai năm liền nhau, ví dụ 2023-2024.",
    TypeAdapter(Period).json_schema()["pattern"]: "Năm đầu-năm cuối, ví dụ 2020-2025.",
}
_PARTIAL_DATE = r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$|^(\d{1,2}/)?\d{1,2}/\d{4}$"
"""What parse_partial_date reads: 2024, 2024-11, 2024-11-02, 11/2024, 02/11/2024."""
_DATE_FORMAT = "YYYY-MM-DD"


def config(docs_folder: str, data_folder: str, site_url: str, backend: dict[str, Any] | None) -> dict[str, Any]:
    """The editor's whole configuration.

    Args:
        docs_folder: the content folder, relative to the project root ('content').
        data_folder: the data folder, relative to the project root ('data').
        site_url: the published address, for the editor's link back to the site.
        backend: Decap's `backend` settings for the published editor (a Git host and how to sign in);
            None keeps only local editing through decap-server.
    """
    proxy = f"http://127.0.0.1:{PROXY_PORT}/api/v1"
    markdown = [
        _markdown_collection(DOCUMENTS, DocumentMeta, f"{docs_folder}/{DOCUMENTS}", "trich_yeu", "{{year}}-{{so_ky_hieu}}"),
        _markdown_collection(STORIES, StoryMeta, f"{docs_folder}/{STORIES}", "tieu_de", "{{tieu_de}}"),
    ]
    folders = [_folder_collection(c, data_folder) for c in COLLECTIONS if not c.folder.endswith(".yaml")]
    files = {
        "name": FILES_COLLECTION,
        "label": "Danh mục chung",
        "extension": "yaml",
        "format": f"{FORMAT_PREFIX}{FILES_COLLECTION}",
        "files": [
            {"name": c.schema, "label": _title(c.model), "file": f"{data_folder}/{c.folder}", "fields": fields(c.model)}
            for c in COLLECTIONS if c.folder.endswith(".yaml")
        ],
    }
    return {
        "locale": "vi",
        "backend": backend or {"name": "proxy", "proxy_url": proxy, "branch": "main"},
        # On this computer (localhost), decap-server writes straight into the working tree.
        "local_backend": {"url": proxy},
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{docs_folder}/{MEDIA_FOLDER}",
        "public_folder": MEDIA_FOLDER,
        # File names from titles as the project names them: lower case, no diacritics, words joined by '-'.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # The form takes the whole width: a preview of raw fields would not look like the published page.
        "editor": {"preview": False},
        "collections": [*markdown, *folders, files],
    }


def as_yaml(settings: dict[str, Any]) -> str:
    """The configuration as the YAML file Decap reads next to its page."""
    header = "# Sinh tự động từ hooks/guongsang/models.py mỗi lần dựng trang: đừng sửa tay.\n"
    return header + yamltext.dump(settings, width=1000, lists_indented=False)


def script_files(root: Path) -> dict[str, Path]:
    """Site path -> installed file: the script, the chunks and WebAssembly it loads next to itself, its licences."""
    package = root / PACKAGE
    if not (package / SCRIPT).is_file():
        raise MissingEditor(f"thiếu trình sửa trên web ({PACKAGE}/{SCRIPT}); chạy 'make build' hoặc 'npm ci' để cài")
    chunks = [*package.glob(f"*.{SCRIPT}"), *package.glob("*.wasm")]
    shipped = [SCRIPT, f"{SCRIPT}.LICENSE.txt", *(chunk.name for chunk in chunks)]
    files = {f"{ADMIN_DIR}{name}": package / name for name in sorted(shipped)}
    library = sorted((root / YAML_PACKAGE).glob("*.js"))
    if not library:
        raise MissingEditor(f"thiếu thư viện YAML của trình sửa ({YAML_PACKAGE}); chạy 'make build' hoặc 'npm ci' để cài")
    return files | {f"{ADMIN_DIR}yaml/{path.name}": path for path in library}


def file_headers() -> dict[str, str]:
    """Format name -> the first line a new file of that collection gets (the JSON Schema modeline); the
    single files always exist, so their format only keeps what they hold."""
    headers = {f"{FORMAT_PREFIX}{c.schema}": modeline(c) for c in COLLECTIONS if not c.folder.endswith(".yaml")}
    return headers | {f"{FORMAT_PREFIX}{FILES_COLLECTION}": ""}


def fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    """One form field per model field, in the model's order."""
    return [_field(model, info) for info in model.model_fields.values()]


def _title(model: type[BaseModel]) -> str:
    return str(model.model_config.get("title") or model.__name__)


def _folder_collection(collection: Collection, data_folder: str) -> dict[str, Any]:
    """One YAML file per record, named by its id, as data/<folder>/<ma>.yaml."""
    return {
        "name": collection.schema,
        "label": _title(collection.model),
        "folder": f"{data_folder}/{collection.folder}",
        "extension": "yaml",
        "format": f"{FORMAT_PREFIX}{collection.schema}",
        "create": True,
        "identifier_field": "ma",
        "slug": "{{ma}}",
        "fields": fields(collection.model),
    }


def _markdown_collection(name: str, model: type[BaseModel], folder: str, identifier: str, slug: str) -> dict[str, Any]:
    """Markdown files whose front matter is the model and whose body follows."""
    # No image button in the text: a picture goes in the `anh` field, where consent and resizing apply.
    body: dict[str, Any] = {"name": "body", "label": "Nội dung", "widget": "markdown", "editor_components": []}
    if model is DocumentMeta:
        # Raw Markdown only: the rich-text editor rewrites escapes such as '1\.' that keep a document's
        # numbering as the original has it.
        body |= {"modes": ["raw"], "hint": "Bắt đầu từ đoạn 'Căn cứ…/Thực hiện…'; đề mục viết '## I. …', '### 1. …'."}
    return {
        "name": name,
        "label": _title(model),
        "folder": folder,
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "identifier_field": identifier,
        "slug": slug,
        "fields": [*fields(model), body],
    }


def _field(model: type[BaseModel], info: FieldInfo) -> dict[str, Any]:
    assert info.alias and info.title, f"{model.__name__}: every field needs an alias and a title"
    annotation, optional = _without_none(info.annotation)
    field: dict[str, Any] = {"name": info.alias, "label": info.title}
    if info.description:
        field["hint"] = info.description
    if optional or not info.is_required():
        field["required"] = False
    field |= _widget(model, info.alias, annotation, info.metadata)
    if optional and field["widget"] == "object":
        # Decap checks the required fields inside a group even when the group itself is optional and
        # left empty (no photo): inside one, the form lets every field be empty and the build checks them.
        field["fields"] = _relaxed(field["fields"])
    if isinstance(info.default, (bool, Labeled)):
        field["default"] = info.default.value if isinstance(info.default, Labeled) else info.default
    return field


def _relaxed(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**f, "required": False, **({"fields": _relaxed(f["fields"])} if f["widget"] == "object" else {})} for f in group]


def _widget(model: type[BaseModel], key: str, annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    """The widget for one type (raises TypeError for a type the editor has no widget for)."""
    annotation, metadata = _unpacked(annotation, metadata)
    target = _REFERENCES.get((model, key))
    if typing.get_origin(annotation) is list:
        item, item_metadata = _unpacked(typing.get_args(annotation)[0], [])
        bounds = _limits(metadata)
        if target:
            return _relation(target) | {"multiple": True} | bounds
        # An explicit empty default: otherwise Decap starts a new record with one item holding the items'
        # own defaults (bi_huy: false), which the editor would have to fill in or delete.
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "fields": fields(item), "collapsed": False, "default": []} | bounds
        if isinstance(item, type) and issubclass(item, Labeled):
            return _select(item) | {"multiple": True} | bounds
        item_field = {"name": key, "label": "Mục", **_widget(model, key, item, item_metadata)}
        return {"widget": "list", "field": item_field, "default": []} | bounds
    if target:
        return _relation(target)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "fields": fields(annotation), "collapsed": False}
    if isinstance(annotation, type) and issubclass(annotation, Labeled):
        return _select(annotation)
    if typing.get_origin(annotation) is Literal:
        return {"widget": "select", "options": list(typing.get_args(annotation))}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "number", "value_type": "int", **_limits(metadata)}
    if annotation is date:
        return {"widget": "datetime", "format": _DATE_FORMAT, "date_format": _DATE_FORMAT, "time_format": False}
    if annotation is PartialDate:
        return {"widget": "string", "pattern": [_PARTIAL_DATE, "Ghi năm (2024), tháng (2024-11) hoặc ngày (2024-11-02)."]}
    if annotation is DayOfYear:
        return {"widget": "string", "pattern": [r"^\d{1,2}/\d{1,2}$", "Ghi ngày/tháng, ví dụ 11/6."]}
    if (model, key) in _IMAGES:
        # Uploads only (no outside address), within the size the build accepts.
        library = {"allow_multiple": False, "config": {"max_file_size": MAX_IMAGE_BYTES}}
        return {"widget": "image", "choose_url": False, "media_library": library}
    if annotation in (str, Fraction):
        return {"widget": "text" if (model, key) in _MULTILINE else "string", **_pattern(metadata)}
    raise TypeError(f"{model.__name__}.{key}: trình sửa trên web chưa có ô nhập cho kiểu {annotation!r}")


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """`X | None` -> (X, True); anything else -> (itself, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _unpacked(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Annotated[X, m…] -> (X, [m…]); pydantic has already unpacked a field's outer level."""
    annotation, _ = _without_none(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return base, [*metadata, *extra]
    return annotation, metadata


def _limits(metadata: list[Any]) -> dict[str, Any]:
    """Decap's min and max: the length of a list, the bounds of a number."""
    limits: dict[str, Any] = {}
    for marker in metadata:
        if isinstance(marker, MinLen):
            limits["min"] = marker.min_length
        elif isinstance(marker, Ge):
            limits["min"] = marker.ge
        elif isinstance(marker, Le):
            limits["max"] = marker.le
    return limits


def _pattern(metadata: list[Any]) -> dict[str, Any]:
    for marker in metadata:
        if isinstance(marker, WithJsonSchema) and marker.json_schema and "pattern" in marker.json_schema:
            pattern = str(marker.json_schema["pattern"])
            examples = ", ".join(str(e) for e in marker.json_schema.get("examples", []))
            message = _PATTERN_MESSAGES.get(pattern) or f"Chưa đúng dạng, ví dụ: {examples}."
            return {"pattern": [pattern, message]}
        if isinstance(marker, MinLen):
            return {"pattern": [f"^[\\s\\S]{{{marker.min_length},}}$", f"Cần ít nhất {marker.min_length} ký tự."]}
    return {}


def _select(vocabulary: type[Labeled]) -> dict[str, Any]:
    return {"widget": "select", "options": [{"label": member.label, "value": member.value} for member in vocabulary]}


def _relation(target: str) -> dict[str, Any]:
    return {"widget": "relation", "collection": target, **_TARGETS[target]}


def local_editor_url(site_url: str) -> str:
    """The web editor as `make cms` serves it on the editor's machine (MkDocs mounts the site at site_url's path)."""
    return f"{PREVIEW_HOST}{urlsplit(site_url).path.rstrip('/')}/{ADMIN_DIR}"


def write(site_dir: Path, context: OutputContext) -> None:
    """The editor's page; its configuration is a file MkDocs copies (the adapter adds it with the assets)."""
    site_url = context.settings.site_url
    preview = {
        "title": "Sửa trên web", "description": context.settings.site_description, "type": "website",
        "url": urls.absolute(site_url, ADMIN_DIR), "image": urls.absolute(site_url, urls.DEFAULT_SHARE_CARD),
    }
    page = context.env.get_template(INDEX_TEMPLATE).render(
        config=context.config, preview=preview, headers=file_headers(), local_editor=local_editor_url(site_url),
        hosted=context.settings.web_editor,
    )
    context.write_text(site_dir / ADMIN_DIR / "index.html", page)
