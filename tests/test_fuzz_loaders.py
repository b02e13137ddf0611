"""Property-based fuzzing of the loaders: whatever bytes an editor saves, loading ends in records or in
reported errors, never in an exception."""

from __future__ import annotations

import string

import pytest
import yaml
from guongsang.diagnostics import Report
from guongsang.records.mdrecords import load_markdown_record
from guongsang.records.models import (
    Campaign,
    Conference,
    DocumentMeta,
    Honoree,
    PageMeta,
    RedirectList,
    StoryMeta,
    Unit,
)
from guongsang.records.sourcefile import read_text
from guongsang.records.validation import validate
from guongsang.records.yamlsrc import parse_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MODELS = [Honoree, Unit, Campaign, Conference, DocumentMeta, StoryMeta, RedirectList, PageMeta]
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Pieces YAML gives meaning to, Vietnamese text, and the characters attackers reach for.
_PIECES = [
    ":", ": ", "- ", "? ", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!!python/object:os.system ", "!x ",
    "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n", "\n", "\n  ", "\n    ", "\t", "\\", "\x00", "\x01", "\x85",
    "\u200b", "\u202e", "\ufeff", "\ud7ff", "ma", "ho", "ten", "khen_thuong", "quyet_dinh", "ngay", "2024-02-30",
    "Nguyễn", "Đặng", "H'Hen", "Ngưои", "<script>", "{{ 7*7 }}", "../../x/", "0912 345 678", "😀", "~", "null",
    "true", "1e309", "0x1F", "-.inf", "2024-13-01",
]
yaml_like = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=40).map("".join)

_KEYS = sorted({f.alias for model in MODELS for f in model.model_fields.values() if f.alias} | {"x", "ma_cu", "the"})
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["2024-02-29", "2023-02-29", "21/01/2020", "70%", "1/3", "2023-2024", "thpt-a", "../x", "/"]),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(_KEYS), children, max_size=6)),
    max_leaves=30,
)


def _never_raises(text: str) -> None:
    report = Report()
    located = parse_yaml(text, "data/guong/x.yaml", report)
    if located is None:
        assert not report.ok
        return
    for model in MODELS:
        before = len(report.errors)
        record = validate(model, located, "data/guong/x.yaml", report)
        assert (record is None) == (len(report.errors) > before)
    for diagnostic in report.diagnostics:
        assert diagnostic.line >= 0 and diagnostic.col >= 0 and diagnostic.message


@FUZZ
@given(yaml_like)
def test_yaml_text_never_raises(text):
    """Any text of YAML-ish pieces loads, or is refused with located messages."""
    _never_raises(text)


@FUZZ
@given(trees)
def test_structured_yaml_never_raises(tree):
    """Any tree of values under record keys validates or is refused, for every record model."""
    _never_raises(yaml.safe_dump(tree, allow_unicode=True))


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_never_raise(tmp_path_factory, raw):
    """Any bytes saved as a data file are read as text or refused with a message."""
    path = tmp_path_factory.mktemp("b") / "x.yaml"
    path.write_bytes(raw)
    report = Report()
    source = read_text(path, "data/guong/x.yaml", report)
    assert (source is None) == (not report.ok)
    if source is not None:
        _never_raises(source)


@FUZZ
@given(yaml_like, st.text(alphabet=string.printable + "ăâđêôơưĐ\u200b<>[]()!#*", max_size=60))
def test_front_matter_never_raises(tmp_path_factory, front, body):
    """Any front matter and body of a story or a document loads or is refused with messages."""
    docs = tmp_path_factory.mktemp("p") / "content"
    for model, folder in ((StoryMeta, "cau-chuyen"), (DocumentMeta, "van-ban")):
        path = docs / folder / "mot.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
        report = Report()
        loaded = load_markdown_record(path, docs, docs.parent, model, report, keys_hint="x")
        assert loaded is not None or not report.ok


@pytest.mark.parametrize("depth", [10, 1_000, 100_000])
def test_deep_nesting_is_refused_before_parsing(depth):
    """Nesting parsers would recurse into (a RecursionError, or a segfault in libyaml) is refused at its line."""
    report = Report()
    located = parse_yaml("a: 1\nb: " + "[" * depth + "]" * depth, "x.yaml", report)
    if depth > 64:
        assert located is None
        assert str(report.errors[0]).startswith("x.yaml:2:1: lỗi: dữ liệu lồng nhau quá sâu")
    else:
        assert located is not None and report.ok
