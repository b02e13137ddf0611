"""Validate located data against a record model; every failure becomes a Vietnamese diagnostic."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from guongsang.diagnostics import Report, found_text
from guongsang.lang import text
from guongsang.lang.suggest import suggest
from guongsang.records.yamlsrc import DataPath, Located

R = TypeVar("R", bound=BaseModel)


def validate(model: type[R], located: Located, path: str, report: Report, prefix: DataPath = ()) -> R | None:
    """The record at ``prefix`` (the whole file by default), or None after reporting every problem."""
    data = located.data
    for part in prefix:
        data = data[part]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # A misspelt key ('dia_dan') also makes its field missing: the did-you-mean message says both.
    guessed = {
        (*tuple(e["loc"])[:-1], guess)
        for e in errors
        if e["type"] == "extra_forbidden" and (guess := _suggest(model, tuple(e["loc"])))
        and not _refused(_model_at(model, tuple(e["loc"])[:-1]), str(e["loc"][-1]))
    }
    for error in errors:
        loc: DataPath = tuple(error["loc"])
        if error["type"] == "missing":
            if loc in guessed:
                continue
            where = located.key_mark((*prefix, *loc[:-1])) if (prefix or loc[:-1]) else located.start
        elif error["type"] == "extra_forbidden":
            where = located.key_mark((*prefix, *loc))
        else:
            where = located.mark((*prefix, *loc))
        report.error(path, where.line, where.col, describe(model, (*prefix, *loc), error, prefix))
    return None


def describe(model: type[BaseModel], loc: DataPath, error: Any, prefix: DataPath = ()) -> str:
    """One Vietnamese sentence: the field, what was expected, what was found, the fix."""
    kind = error["type"]
    found = found_text(error.get("input"))
    field_info = _field_at(model, loc[len(prefix):])
    name = _field_name(loc, field_info)
    if kind == "missing":
        hint = f" {field_info.description}" if field_info and field_info.description else ""
        return f"thiếu {name}; thêm dòng '{loc[-1]}: …'.{hint}"
    if kind == "extra_forbidden":
        return _unknown_key(model, loc[len(prefix):])
    if kind in ("string_type",):
        return f"{name}: cần một đoạn chữ, nhưng gặp {found}"
    if kind == "list_type":
        return f"{name}: cần một danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhưng gặp {found}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if not loc:
            return f"phần khai báo phải gồm các dòng 'trường: giá trị', nhưng gặp {found}"
        return f"{name}: cần một nhóm trường con (mỗi dòng 'trường: giá trị', thụt vào), nhưng gặp {found}"
    if kind in ("enum", "literal_error"):
        allowed = error.get("ctx", {}).get("expected", "").replace("' or '", "' hoặc '")
        return f"{name}: giá trị {found} không hợp lệ; chọn một trong: {allowed}"
    if kind == "value_error":
        return f"{name}: {error['ctx']['error']}"
    if kind in ("int_type", "int_parsing"):
        return f"{name}: cần một số nguyên, nhưng gặp {found}"
    if kind == "too_short":
        return f"{name}: cần ít nhất {error['ctx']['min_length']} mục"
    if kind == "string_too_long":
        return f"{name}: cần không quá {error['ctx']['max_length']} ký tự, nhưng gặp {len(error.get('input') or '')} ký tự; hãy rút gọn"
    if kind == "string_too_short":
        return f"{name}: cần ít nhất {error['ctx']['min_length']} ký tự, nhưng gặp {found}"
    if kind == "greater_than_equal":
        return f"{name}: cần số từ {error['ctx']['ge']} trở lên, nhưng gặp {found}"
    if kind == "less_than_equal":
        return f"{name}: cần số không quá {error['ctx']['le']}, nhưng gặp {found}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{name}: cần 'true' (có) hoặc 'false' (không), nhưng gặp {found}"
    return f"{name}: giá trị {found} không hợp lệ ({error['msg']})"


# Data about people that the site never holds (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Luật Trẻ em 2016).
_NEVER_KEPT = {
    "số căn cước công dân, mã định danh cá nhân": ("cccd", "so_cccd", "can_cuoc", "can_cuoc_cong_dan", "cmnd", "so_cmnd", "ma_dinh_danh", "so_dinh_danh", "dinh_danh"),
    "mã học sinh": ("ma_hoc_sinh", "ma_so_hoc_sinh", "ma_hs", "so_bao_danh"),
    "địa chỉ nhà riêng": ("dia_chi", "dia_chi_nha", "noi_o", "cho_o", "thuong_tru", "tam_tru", "dia_chi_thuong_tru"),
    "số điện thoại cá nhân": ("so_dien_thoai", "dien_thoai", "sdt", "di_dong", "so_di_dong"),
    "thư điện tử cá nhân": ("email", "thu_dien_tu", "email_ca_nhan", "mail"),
    "ngày tháng năm sinh đầy đủ": ("ngay_sinh", "sinh_ngay", "ngay_thang_nam_sinh"),
    "họ tên cha mẹ": ("ho_ten_cha", "ho_ten_me", "ten_cha", "ten_me", "cha", "me", "cha_me", "phu_huynh", "ten_phu_huynh"),
    "thông tin sức khỏe": ("suc_khoe", "tinh_trang_suc_khoe", "benh", "benh_an", "khuyet_tat"),
}
NEVER_KEPT = {key: what for what, keys in _NEVER_KEPT.items() for key in keys}


def _never_kept(model: type[BaseModel] | None, key: str) -> str | None:
    """Why a key naming personal data is refused, for records about people."""
    if model is None or not getattr(model, "holds_personal_data", False):
        return None
    what = NEVER_KEPT.get(text.slugify(key, "_"))
    if what is None:
        return None
    return (
        f"trường '{key}' không bao giờ được lưu: {what} là dữ liệu cá nhân không được công khai"
        " (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Luật Trẻ em 2016); xóa dòng này và giữ thông tin ở hồ sơ giấy của đơn vị"
    )


def _moved(model: type[BaseModel] | None, key: str) -> str | None:
    """Where a key the record no longer holds is written now (a model's ``moved_keys``)."""
    where = getattr(model, "moved_keys", {}).get(key)
    if where is None:
        return None
    return f"trường '{key}' không ghi ở tệp này nữa: chuyển sang {where} rồi xóa khỏi tệp này"


def _refused(model: type[BaseModel] | None, key: str) -> str | None:
    return _never_kept(model, key) or _moved(model, key)


def _unknown_key(model: type[BaseModel], loc: DataPath) -> str:
    refused = _refused(_model_at(model, loc[:-1]), str(loc[-1]))
    if refused:
        return refused
    message = f"trường '{loc[-1]}' không có trong mẫu"
    guess = _suggest(model, loc)
    if guess:
        return f"{message}; có phải ý bạn là '{guess}'? (tên trường viết thường, không dấu)"
    return f"{message}; các trường được dùng: {', '.join(_keys(_model_at(model, loc[:-1])))}"


def _keys(model: type[BaseModel] | None) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()] if model else []


def _suggest(model: type[BaseModel], loc: DataPath) -> str | None:
    """The known key an unknown one plausibly meant ('họ_tên' → 'ho_ten', 'dia_dan' → 'dia_danh'), if any."""
    return suggest(str(loc[-1]), _keys(_model_at(model, loc[:-1])))


def _field_name(loc: DataPath, field_info: FieldInfo | None) -> str:
    keys = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in loc)
    keys = keys.replace(".[", "[")
    if field_info and field_info.title:
        return f"trường '{keys}' ({field_info.title})"
    return f"trường '{keys}'"


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The record class inside ``X``, ``list[X]``, ``X | None`` or ``Annotated[X, …]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _field_at(model: type[BaseModel], loc: DataPath) -> FieldInfo | None:
    current: type[BaseModel] | None = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        info = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return info


def _model_at(model: type[BaseModel], loc: DataPath) -> type[BaseModel] | None:
    if not loc:
        return model
    info = _field_at(model, loc)
    return _inner_model(info.annotation) if info else None
