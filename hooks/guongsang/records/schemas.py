"""JSON Schemas for editors' YAML tools, generated from the same models as the validation."""

from __future__ import annotations

import json
from pathlib import Path

from guongsang.records.dataset import COLLECTIONS, SCHEMA_DIR, Collection
from guongsang.records.models import DocumentMeta, StoryMeta

DOCUMENT_SCHEMA = "van-ban"
STORY_SCHEMA = "cau-chuyen"


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, for every collection and for documents' front matter."""
    models = {c.schema: c.model for c in COLLECTIONS} | {DOCUMENT_SCHEMA: DocumentMeta, STORY_SCHEMA: StoryMeta}
    result = {}
    for name, model in models.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(by_alias=True)}
        result[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return result


def modeline(collection: Collection) -> str:
    """The first line of a data file, pointing the YAML language server at its schema."""
    prefix = "" if collection.folder.endswith(".yaml") else "../"
    return f"# yaml-language-server: $schema={prefix}{SCHEMA_DIR}/{collection.schema}.schema.json"


def write_schemas(data_dir: Path) -> list[Path]:
    """Write every schema into data/schemas/; return the files that changed."""
    folder = data_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_documents().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
