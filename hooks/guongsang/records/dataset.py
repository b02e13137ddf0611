"""Loading data/: one folder per collection, one YAML file per record, small vocabularies in one file."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from guongsang.diagnostics import Report
from guongsang.records.filememo import FileMemo
from guongsang.records.models import (
    AwardType,
    AwardTypeList,
    Campaign,
    Conference,
    CriteriaSet,
    Honoree,
    Organization,
    RedirectList,
    Unit,
)
from guongsang.records.sourcefile import read_text
from guongsang.records.validation import validate
from guongsang.records.yamlsrc import DataPath, Located, Mark, parse_yaml

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Collection:
    """A kind of record and where it is kept."""

    folder: str
    """Folder under data/ (one file per record), or file name for a single-file collection."""
    model: type[BaseModel]
    schema: str
    """Name of its JSON Schema file in data/schemas/."""
    label: str
    """What one record is called in messages ('đơn vị')."""


ORGANIZATION = Collection("to-chuc.yaml", Organization, "to-chuc", "thông tin cơ quan")
UNITS = Collection("don-vi", Unit, "don-vi", "đơn vị")
CAMPAIGNS = Collection("phong-trao", Campaign, "phong-trao", "phong trào")
CRITERIA = Collection("tieu-chi", CriteriaSet, "tieu-chi", "bộ tiêu chí")
AWARD_TYPES = Collection("danh-hieu.yaml", AwardTypeList, "danh-hieu", "danh hiệu")
HONOREES = Collection("guong", Honoree, "guong", "hồ sơ gương điển hình")
CONFERENCES = Collection("hoi-nghi", Conference, "hoi-nghi", "hội nghị")
REDIRECTS = Collection("chuyen-huong.yaml", RedirectList, "chuyen-huong", "danh sách chuyển hướng")
COLLECTIONS = (ORGANIZATION, UNITS, CAMPAIGNS, CRITERIA, AWARD_TYPES, HONOREES, CONFERENCES, REDIRECTS)

SCHEMA_DIR = "schemas"
"""data/schemas/: JSON Schemas generated from the models, for editors' YAML tools."""
LEDGER = "dia-chi-da-cong-bo.txt"
"""data/dia-chi-da-cong-bo.txt: every permanent address the site has published (see ledger.py)."""
_OTHER_FILES = {"README.md", SCHEMA_DIR, LEDGER}
SYMLINK_REFUSED = (
    "liên kết tượng trưng (symlink) không được dùng trong thư mục dữ liệu: nó có thể đọc tệp ở nơi khác;"
    " hãy chép tệp thật vào đây"
)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A validated record with the file and positions it came from."""

    record: R
    path: str
    located: Located
    prefix: DataPath = ()
    """Where the record sits inside its file (a vocabulary file holds many)."""

    def mark(self, *field_path: str | int) -> Mark:
        return self.located.mark((*self.prefix, *field_path))

    def key_mark(self, *field_path: str | int) -> Mark:
        return self.located.key_mark((*self.prefix, *field_path))

    @property
    def where(self) -> str:
        """'data/guong/abc.yaml:2' for messages that name another place."""
        return f"{self.path}:{self.mark().line}"


@dataclass
class DataSet:
    """Every record of data/, as entries keyed by id, in file order."""

    organization: Entry[Organization] | None = None
    units: dict[str, Entry[Unit]] = field(default_factory=dict)
    campaigns: dict[str, Entry[Campaign]] = field(default_factory=dict)
    criteria_sets: dict[str, Entry[CriteriaSet]] = field(default_factory=dict)
    award_types: dict[str, Entry[AwardType]] = field(default_factory=dict)
    honorees: dict[str, Entry[Honoree]] = field(default_factory=dict)
    conferences: dict[str, Entry[Conference]] = field(default_factory=dict)
    invalid_ids: set[str] = field(default_factory=set)
    """Ids (or file names) of records that failed to load: references to them are not reported again."""
    redirects: Entry[RedirectList] | None = None
    vocabulary_loaded: bool = False
    """False when data/danh-hieu.yaml is missing or unreadable: award types are then not checked."""


def load_data(data_dir: Path, root: Path, report: Report, memo: FileMemo | None = None) -> DataSet:
    """Load and validate every file of data/; references between records are checked later. ``memo``:
    the outcomes of files unchanged since they were last read."""
    data = DataSet()
    if not data_dir.is_dir():
        report.error(_rel(data_dir, root), 0, 0, "không thấy thư mục dữ liệu data/")
        return data
    _report_stray_files(data_dir, root, report)
    loader = _Loader(data_dir, root, report, data.invalid_ids, memo)
    data.organization = loader.file(data_dir / ORGANIZATION.folder, ORGANIZATION, required=True)
    data.units = _index(loader.folder(UNITS), UNITS, report)
    data.campaigns = _index(loader.folder(CAMPAIGNS), CAMPAIGNS, report)
    data.criteria_sets = _index(loader.folder(CRITERIA), CRITERIA, report)
    award_types = loader.vocabulary(AWARD_TYPES, AwardType, "danh_hieu")
    data.vocabulary_loaded = award_types is not None
    data.award_types = _index(award_types or [], AWARD_TYPES, report)
    data.honorees = _index(loader.folder(HONOREES), HONOREES, report)
    data.conferences = _index(loader.folder(CONFERENCES), CONFERENCES, report)
    data.redirects = loader.file(data_dir / REDIRECTS.folder, REDIRECTS)
    return data


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


@dataclass(frozen=True)
class _Invalid:
    """A file or record that could not be used, with the id it gave itself if any (references to it are
    then not reported again)."""

    id: str | None


class _Loader:
    def __init__(self, data_dir: Path, root: Path, report: Report, invalid_ids: set[str], memo: FileMemo | None) -> None:
        self.data_dir = data_dir
        self.root = root
        self.report = report
        self.invalid_ids = invalid_ids
        self.memo = memo

    def _parse(self, path: Path, report: Report) -> tuple[str, Located] | None:
        rel = _rel(path, self.root)
        if path.is_symlink():
            report.error(rel, 0, 0, SYMLINK_REFUSED)
            return None
        source = read_text(path, rel, report)
        if source is None:
            return None
        located = parse_yaml(source, rel, report)
        return (rel, located) if located is not None else None

    def _validate(self, model: type[BaseModel], rel: str, located: Located, report: Report, prefix: DataPath = ()) -> Entry | _Invalid:
        record = validate(model, located, rel, report, prefix)
        if record is None:
            # Remember the id of a record that failed, so references to it are not reported as well.
            data = located.data
            for part in prefix:
                data = data[part]
            return _Invalid(data["ma"] if isinstance(data, dict) and isinstance(data.get("ma"), str) else None)
        return Entry(record, rel, located, prefix)

    def _entry(self, outcome: Entry | _Invalid) -> Entry | None:
        if isinstance(outcome, _Invalid):
            if outcome.id is not None:
                self.invalid_ids.add(outcome.id)
            return None
        return outcome

    def file(self, path: Path, collection: Collection, *, required: bool = False) -> Entry | None:
        if not path.is_file() and not path.is_symlink():
            if required:
                rel = _rel(path, self.root)
                self.report.error(rel, 0, 0, f"thiếu tệp {rel} ({collection.label}); tạo tệp theo mẫu trong README")
            return None

        def read(report: Report) -> Entry | _Invalid:
            parsed = self._parse(path, report)
            if parsed is None:
                return _Invalid(path.stem)
            return self._validate(collection.model, *parsed, report)

        if self.memo is None:
            return self._entry(read(self.report))
        return self._entry(self.memo.outcome(f"data:{collection.folder}", path, read, self.report))

    def vocabulary(self, collection: Collection, item_model: type[BaseModel], key: str) -> list[Entry] | None:
        """A one-file vocabulary, validated item by item so one bad item does not hide the others.

        None when the file itself cannot be used.
        """
        path = self.data_dir / collection.folder
        if not path.is_file() and not path.is_symlink():
            rel = _rel(path, self.root)
            self.report.error(rel, 0, 0, f"thiếu tệp {rel} ({collection.label}); tạo tệp theo mẫu trong README")
            return None
        parsed = self._parse(path, self.report)
        if parsed is None:
            return None
        rel, located = parsed
        items = located.data.get(key) if isinstance(located.data, dict) else None
        if not isinstance(items, list) or set(located.data) != {key}:
            self._validate(collection.model, rel, located, self.report)  # reports the shape problem in the usual words
            return None
        entries = [self._entry(self._validate(item_model, rel, located, self.report, (key, i))) for i in range(len(items))]
        return [entry for entry in entries if entry]

    def folder(self, collection: Collection) -> list[Entry]:
        folder = self.data_dir / collection.folder
        entries = []
        if folder.is_symlink():
            self.report.error(_rel(folder, self.root), 0, 0, SYMLINK_REFUSED)
            return entries
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.suffix not in (".yaml", ".yml"):
                self.report.warning(_rel(path, self.root), 0, 0, f"tệp không dùng đến: thư mục {collection.folder}/ chỉ chứa tệp .yaml, mỗi tệp một {collection.label}")
                continue
            entry = self.file(path, collection)
            if entry is None:
                continue
            if path.stem != entry.record.id:
                mark = entry.mark("ma")
                self.report.warning(entry.path, mark.line, mark.col, f"tên tệp nên trùng mã: đổi tên tệp thành '{entry.record.id}.yaml'")
            entries.append(entry)
        return entries


def _index(entries: list[Entry], collection: Collection, report: Report) -> dict[str, Entry]:
    """Entries by id; a second record with the same id is an error naming both places."""
    index: dict[str, Entry] = {}
    for entry in entries:
        first = index.get(entry.record.id)
        if first:
            mark = entry.mark("ma")
            report.error(
                entry.path, mark.line, mark.col,
                f"trùng mã {collection.label} '{entry.record.id}' (đã khai báo ở {first.where}); mỗi {collection.label} một mã riêng",
            )
        else:
            index[entry.record.id] = entry
    return index


def _report_stray_files(data_dir: Path, root: Path, report: Report) -> None:
    known = {c.folder for c in COLLECTIONS} | _OTHER_FILES
    for path in sorted(data_dir.iterdir()):
        if path.name.startswith(".") or path.name in known:
            continue
        guess = difflib.get_close_matches(path.name, sorted(known), n=1, cutoff=0.6) or [
            k for k in sorted(known - _OTHER_FILES) if path.name.startswith(k.removesuffix(".yaml"))
        ]
        hint = f"; có phải ý bạn là '{guess[0]}'?" if guess else f"; dữ liệu đặt trong: {', '.join(sorted(known - _OTHER_FILES))}"
        report.warning(_rel(path, root), 0, 0, f"'{path.name}' không thuộc loại dữ liệu nào nên bị bỏ qua{hint}")
