"""New records from a few answers: the file an editor would have written, in the project's layout.

Each function returns the file's path (from the project root) and its text; scripts/new.py asks for the
values and `write_new` writes the file and loads the project to prove it valid before keeping it (plan
import keeps its files the same way). Values become YAML through records/yamltext.py, in the layout of
the project's files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from guongsang.diagnostics import Diagnostic, Severity
from guongsang.lang import numbers
from guongsang.lang.text import slugify
from guongsang.project import ProjectPaths, load_project
from guongsang.records import yamltext


def _yaml(values: dict[str, object]) -> str:
    kept = {key: value for key, value in values.items() if value not in (None, "", [])}
    return yamltext.dump(kept)


def _data_file(folder: str, schema: str, values: dict[str, object]) -> tuple[str, str]:
    record_id = str(values["ma"])
    header = f"# yaml-language-server: $schema=../schemas/{schema}.schema.json\n"
    return f"data/{folder}/{record_id}.yaml", header + _yaml(values)


def honoree(
    subject: str, unit: str, *, family: str = "", middle: str = "", given: str = "", collective: str = "", position: str = ""
) -> tuple[str, str]:
    """A person (family, middle, given name) or a collective (its name, or the unit's); not yet published."""
    name = collective if subject == "tap_the" else " ".join(part for part in (family, middle, given) if part)
    record_id = slugify(f"{name} {unit}")  # the unit's id in it keeps namesakes apart
    values: dict[str, object] = {"ma": record_id, "doi_tuong": subject}
    if subject == "tap_the":
        values["ten_tap_the"] = collective
    else:
        values.update(ho=family, ten_dem=middle, ten=given)
    values.update(don_vi=unit, chuc_vu=position)
    path, text = _data_file("guong", "guong", values)
    return path, text + "khen_thuong: []\ncong_khai: false  # đổi thành true khi hồ sơ đã đủ thông tin và sự đồng ý\n"


def campaign(record_id: str, name: str, form: str, start: date, end: date, subjects: list[str]) -> tuple[str, str]:
    return _data_file("phong-trao", "phong-trao", {
        "ma": record_id, "ten": name, "hinh_thuc": form, "tu_ngay": start, "den_ngay": end, "doi_tuong": subjects,
    })


def story(title: str, day: date, author: str, honorees: list[str]) -> tuple[str, str]:
    front = _yaml({"tieu_de": title, "ngay": day, "tac_gia": author, "guong": honorees})
    return f"content/cau-chuyen/{slugify(title)}.md", f"---\n{front}---\n\nViết câu chuyện ở đây.\n"


def document(doc_type: str, parent_body: str, issuing_body: str, number: str, place: str, year: int, title: str, position: str) -> tuple[str, str]:
    """A draft: its day and signer's name stay blank until it is signed."""
    front = _yaml({
        "loai": doc_type, "co_quan_chu_quan": parent_body, "co_quan_ban_hanh": issuing_body, "so_ky_hieu": number,
        "dia_danh": place, "ngay_ban_hanh": year, "trich_yeu": title, "nguoi_ky": {"chuc_vu": position},
        "noi_nhan": ["Như trên;", "Lưu: VT."], "trang_thai": "du_thao",
    })
    return document_path(year, number, title), f"---\n{front}---\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nNội dung văn bản.\n"


def document_path(year: int, number: str, title: str) -> str:
    """'content/van-ban/2020-237-kh-sgddt.md'; a draft without a number is named by its title's first words,
    so that two drafts of one year do not share a name."""
    named_by = number if numbers.has_number(number) else " ".join(title.split()[:8])
    return f"content/van-ban/{slugify(f'{year} {named_by}')}.md"


class NewFileStatus(IntEnum):
    """How writing a new file ended; the values are the exit codes of the scripts that write one."""

    KEPT = 0
    REFUSED = 1
    """The project had errors in it with the file: the file was removed again."""
    TAKEN = 2
    """A file of that name exists: it was left as it is."""


@dataclass(frozen=True)
class NewFile:
    """A new file written, refused or not written at all."""

    path: str
    """From the project root."""
    status: NewFileStatus
    problems: tuple[Diagnostic, ...] = ()
    """What loading the project found in the file: its errors when refused, its warnings when kept."""

    def messages(self, *, taken: str, fix: str) -> list[str]:
        """The lines for the editor: ``taken`` is the advice when the name is taken, ``fix`` closes a refusal."""
        if self.status is NewFileStatus.TAKEN:
            return [f"lỗi: đã có tệp {self.path}; {taken}"]
        problems = [str(problem) for problem in self.problems]
        if self.status is NewFileStatus.REFUSED:
            return ["\n".join(problems), f"lỗi: chưa tạo {self.path}; {fix}"]
        return [*problems, f"Đã tạo {self.path}"]


def write_new(paths: ProjectPaths, path: str, text: str) -> NewFile:
    """Write a new file and keep it only if the project still loads without error in it.

    Never overwrites: an existing file is left as it is.
    """
    target = paths.root / path
    if target.exists():
        return NewFile(path, NewFileStatus.TAKEN)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    problems = tuple(d for d in load_project(paths).report.diagnostics if d.path == path)
    if any(d.severity is Severity.ERROR for d in problems):
        target.unlink()
        return NewFile(path, NewFileStatus.REFUSED, problems)
    return NewFile(path, NewFileStatus.KEPT, problems)
