"""JSON Schemas for editors' tools: generated from the models, committed, referenced by every data file."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT
from guongsang.diagnostics import Report
from guongsang.records.dataset import COLLECTIONS, SCHEMA_DIR
from guongsang.records.schemas import modeline, schema_documents
from guongsang.records.yamlsrc import parse_yaml

DATA = ROOT / "data"


def data_files():
    for collection in COLLECTIONS:
        target = DATA / collection.folder
        for path in [target] if target.suffix == ".yaml" else sorted(target.glob("*.yaml")):
            yield collection, path


def test_committed_schemas_are_up_to_date():
    """data/schemas/ holds exactly what the models generate (run `python scripts/schemas.py` after a change)."""
    expected = schema_documents()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (DATA / SCHEMA_DIR).glob("*.schema.json")}
    assert committed == expected


def test_every_data_file_points_at_its_schema():
    """Each YAML file's first line tells the editor's YAML tool which schema to use."""
    files = list(data_files())
    assert len(files) > 10
    for collection, path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(collection), path


@pytest.mark.parametrize("collection", COLLECTIONS, ids=[c.schema for c in COLLECTIONS])
def test_demo_data_is_valid_under_the_schema(collection):
    """The schemas accept the demo data, so an editor's tool flags only real mistakes."""
    schema = (DATA / SCHEMA_DIR / f"{collection.schema}.schema.json").read_text(encoding="utf-8")
    validator = jsonschema.Draft202012Validator(json.loads(schema))
    checked = 0
    for owner, path in data_files():
        if owner is collection:
            located = parse_yaml(path.read_text(encoding="utf-8"), path.name, Report())
            errors = [e.message for e in validator.iter_errors(located.data)]
            assert errors == [], (path, errors)
            checked += 1
    assert checked >= 1


def test_schema_rejects_what_the_loader_rejects():
    """A misspelt key and a wrong enum value are flagged by the schema too."""
    schema = json.loads((DATA / SCHEMA_DIR / "don-vi.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    record = {"ma": "truong-a", "ten": "Trường A", "loai": "truong_thpt", "tinh": "Hưng Yên", "dia_chi": "x"}
    messages = sorted(e.validator for e in validator.iter_errors(record))
    assert messages == ["additionalProperties", "enum"]
