"""Every setting of a build, typed: mkdocs.yml (its site_* keys, docs_dir, nav and 'extra:') and the
environment variables the scripts set. Read once, the same way by the build and by `make check`; no other
module reads mkdocs.yml's 'extra:' or the environment."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from guongsang.diagnostics import found_text
from guongsang.lang.suggest import suggest
from guongsang.lang.text import phone_digits

EDIT_ADDRESS = "sua_trang"
"""extra.sua_trang: the repository's edit address, to which a file's path is added."""
WEB_EDITOR = "sua_tren_web"
"""extra.sua_tren_web: the web editor's Git host and sign-in, for editing the published site."""
EXTERNAL_REDIRECTS = "chuyen_huong_ra_ngoai"
"""extra.chuyen_huong_ra_ngoai: host names a redirect of data/chuyen-huong.yaml may lead to."""
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
AGENCY = "co_quan"
"""extra.co_quan: the agency's contact details, printed in every footer."""
DATA_DIR = "data"
"""The folder of records beside mkdocs.yml: not a setting of mkdocs.yml, as its 'watch:', the web editor's
forms and the schemas name it too."""
TRIAL_BUILD = "GUONGSANG_DUNG_THU"
"""Environment variable set by `scripts/build.py --thu`: a build to look at on this machine only."""
RECORD_ADDRESSES = "GUONGSANG_GHI_DIA_CHI"
"""Environment variable set by scripts/build.py: a successful build then records new addresses in the ledger
(ledger.py); `make serve` does not, as it would write into the folders it watches."""
FULL_RENDER = "GUONGSANG_FULL_RENDER"
"""Environment variable: '1' renders every page whole, without the shared frames (the tests compare both)."""
_KEY = "key"
"""Metadata of an AgencyContact field: the key editors write under extra.co_quan."""
_MAX_LINE = 300
_PHONE = re.compile(r"^\+?[\d\s().-]+$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Problem:
    """A setting that cannot be used: its line in mkdocs.yml (0 when unknown) and what to do, for the editor."""

    line: int
    message: str


@dataclass(frozen=True)
class AgencyContact:
    """The agency's contact details (extra.co_quan of mkdocs.yml), each printed in every footer when set, as
    Nghị định 42/2022/NĐ-CP asks of an agency's site. Its name and parent body are data/to-chuc.yaml's."""

    address: str = field(default="", metadata={_KEY: "dia_chi"})
    """dia_chi: the postal address."""
    phone: str = field(default="", metadata={_KEY: "dien_thoai"})
    """dien_thoai: the public number as written ('0221 3000 000'); the one phone number the scans let through."""
    email: str = field(default="", metadata={_KEY: "email"})
    """email: the public address; the one e-mail address the scans let through."""
    responsible: str = field(default="", metadata={_KEY: "nguoi_chiu_trach_nhiem"})
    """nguoi_chiu_trach_nhiem: the person responsible for the content, with their post."""
    licence: str = field(default="", metadata={_KEY: "giay_phep"})
    """giay_phep (optional): the licence line, for an agency whose site holds one."""

    @property
    def phone_uri(self) -> str:
        """The tel: link of the phone (international form, which every phone dials)."""
        return f"tel:+84{phone_digits(self.phone)[1:]}" if self.phone else ""

    @property
    def published(self) -> frozenset[str]:
        """The e-mail address and phone number that pages may show: the agency's own, exactly."""
        return frozenset(value for value in (self.email, self.phone) if value)


AGENCY_KEYS = {f.metadata[_KEY]: f.name for f in fields(AgencyContact)}
"""Key under extra.co_quan -> AgencyContact field."""


@dataclass(frozen=True)
class Settings:
    """A build's settings: mkdocs.yml's and the environment's."""

    site_name: str = ""
    """site_name: in every title, the feeds, calendars and share cards."""
    site_url: str = ""
    """site_url: the public address that share links, QR codes, feeds and calendars start with (empty when
    not written, or when read by `make check`, which leaves MkDocs's !ENV unread)."""
    site_description: str = ""
    """site_description: the site's description, in the web editor's share preview."""
    docs_dir: str = "content"
    """docs_dir: the folder of editors' pages, documents and stories, relative to the project (as written)
    or absolute (as MkDocs gives it)."""
    data_dir: str = DATA_DIR
    """The folder of records, relative to the project."""
    nav_pages: frozenset[str] | None = None
    """Markdown files named in 'nav:' (paths under content/); None without 'nav:', when MkDocs puts
    every page in the navigation itself."""
    not_in_nav: str = ""
    """The 'not_in_nav:' patterns (gitignore style): pages meant to stay out of the navigation."""
    external_redirect_hosts: frozenset[str] = frozenset()
    """extra.chuyen_huong_ra_ngoai: host names a redirect of data/chuyen-huong.yaml may lead to."""
    agency: AgencyContact = AgencyContact()
    """extra.co_quan: the contact lines of every footer."""
    edit_address: str = ""
    """extra.sua_trang: the repository's edit address, to which a file's path is added ('' : no edit links)."""
    web_editor: dict[str, Any] | None = None
    """extra.sua_tren_web: Decap's backend for editing the published site (a Git host and how to sign in);
    None keeps the web editor to this computer (decap-server)."""
    trial_build: bool = False
    """GUONGSANG_DUNG_THU set: a build to look at here, which may keep a loopback site_url."""
    record_addresses: bool = False
    """GUONGSANG_GHI_DIA_CHI set: the build records newly published addresses in the ledger."""
    full_render: bool = False
    """GUONGSANG_FULL_RENDER=1: every page rendered whole, every shared fragment afresh."""
    site_url_line: int = 0
    """The line of 'site_url:' in mkdocs.yml (0 when not written), for the publishing build's refusal."""
    problems: tuple[Problem, ...] = field(default=())
    """Settings that could not be used, in words for the editor."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any], source: str | None = None, environment: Mapping[str, str] | None = None) -> Settings:
        """The settings of a loaded mkdocs.yml and of ``environment`` (default: this process's); its text
        ``source`` (for the lines of problems) is read from MkDocs's config file when not given."""
        environment = os.environ if environment is None else environment
        if source is None:
            path = getattr(config, "config_file_path", None)
            source = Path(path).read_text(encoding="utf-8") if path and Path(path).is_file() else ""
        keys = _SourceKeys.of(source)
        problems = [
            Problem(line, f"'{'.'.join(path)}' được ghi hai lần (dòng {first} và dòng {line}): chỉ lần sau được dùng,"
                    " mọi dòng dưới lần trước bị bỏ qua; gộp chúng vào một chỗ")
            for path, first, line in keys.repeated
        ]
        extra = config.get("extra") or {}
        hosts = extra.get(EXTERNAL_REDIRECTS) or []
        if not isinstance(hosts, list) or not all(isinstance(h, str) and _HOST.match(h.lower()) for h in hosts):
            problems.append(Problem(
                keys.line("extra", EXTERNAL_REDIRECTS),
                f"extra.{EXTERNAL_REDIRECTS} phải là danh sách tên máy chủ được phép chuyển hướng tới,"
                " ví dụ ['sgddt.hungyen.gov.vn']",
            ))
            hosts = []
        if config.get("copyright"):
            # Material prints it in the footer this site replaces: it would be silently lost.
            problems.append(Problem(
                keys.line("copyright"),
                f"'copyright' không hiện trên trang: chân trang lấy thông tin cơ quan từ extra.{AGENCY}; ghi dòng"
                f" giấy phép vào extra.{AGENCY}.giay_phep rồi xóa dòng 'copyright'",
            ))
        agency, agency_problems = _agency(extra.get(AGENCY), keys)
        return cls(
            site_name=str(config.get("site_name") or ""),
            site_url=str(config.get("site_url") or ""),
            site_description=str(config.get("site_description") or ""),
            docs_dir=str(config.get("docs_dir") or "content"),
            nav_pages=frozenset(_nav_files(config["nav"])) if config.get("nav") else None,
            not_in_nav=str(config.get("not_in_nav") or ""),
            external_redirect_hosts=frozenset(h.lower() for h in hosts),
            agency=agency,
            edit_address=str(extra.get(EDIT_ADDRESS) or ""),
            web_editor=extra.get(WEB_EDITOR),
            trial_build=bool(environment.get(TRIAL_BUILD)),
            record_addresses=bool(environment.get(RECORD_ADDRESSES)),
            full_render=environment.get(FULL_RENDER) == "1",
            site_url_line=keys.line("site_url"),
            problems=(*problems, *agency_problems),
        )


def read_settings(root: Path) -> Settings:
    """The settings of ``root``/mkdocs.yml (empty settings when it has none)."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return Settings()
    source = path.read_text(encoding="utf-8")
    try:
        config = yaml.load(source, Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        return Settings(problems=(Problem(
            line, "mkdocs.yml viết sai cú pháp YAML nên không đọc được; xem lại dòng này và dòng ngay trên nó"
            " (thường do thiếu dấu ngoặc đóng, thiếu dấu hai chấm sau tên mục, hoặc thụt lề không đều)",
        ),))
    if not isinstance(config, Mapping):
        return Settings(problems=(Problem(0, "mkdocs.yml phải là các mục 'tên: giá trị' (site_name:, nav:, extra:…)"),))
    return Settings.from_config(config, source)


def _agency(section: Any, keys: _SourceKeys) -> tuple[AgencyContact, list[Problem]]:
    """The contact details under extra.co_quan, or what is wrong with them.

    Any detail may be left out (the footer prints those set), but not every way to reach the agency: a
    reader must be able to ask, correct or have a child's details taken down (address, phone or e-mail).
    """
    known = ", ".join(AGENCY_KEYS)
    if section is not None and not isinstance(section, Mapping):
        return AgencyContact(), [Problem(
            keys.line("extra", AGENCY),
            f"extra.{AGENCY}: cần một nhóm trường con ({known}), mỗi dòng 'trường: giá trị' thụt vào dưới"
            f" '{AGENCY}:', nhưng gặp {found_text(section)}",
        )]
    values: dict[str, str] = {}
    problems = []
    for key, value in (section or {}).items():
        name = f"extra.{AGENCY}.{key}"
        line = keys.line("extra", AGENCY, str(key))
        if key not in AGENCY_KEYS:
            guess = suggest(str(key), AGENCY_KEYS)
            hint = f"có phải ý bạn là '{guess}'?" if guess else f"các trường được dùng: {known}"
            problems.append(Problem(line, f"trường '{name}' không có trong mẫu; {hint}"))
        elif value is None:
            continue
        elif isinstance(value, (list, dict)):
            problems.append(Problem(line, f"{name}: cần một dòng chữ, nhưng gặp {found_text(value)}"))
        elif not isinstance(value, str):  # YAML reads 02213000000 as an octal number: show what was written
            written = keys.scalars.get(("extra", AGENCY, str(key)), str(value))
            problems.append(Problem(line, f"{name}: cần một dòng chữ, nhưng {written} được đọc thành số hoặc true/false;"
                                          f" đặt trong ngoặc kép, ví dụ \"{written}\""))
        elif problem := _AGENCY_RULES.get(key, _one_line)(value.strip()):
            problems.append(Problem(line, f"{name}: {problem}"))
        elif value.strip():
            values[AGENCY_KEYS[key]] = value.strip()
    agency = AgencyContact(**values)
    if not problems and not (agency.address or agency.phone or agency.email):
        problems.append(Problem(
            keys.line("extra", AGENCY),
            f"chưa có liên hệ của cơ quan: chân mọi trang phải cho người đọc cách hỏi, góp ý hay xin gỡ thông tin"
            f" (Nghị định 42/2022/NĐ-CP); thêm vào mkdocs.yml mục 'extra:' › '{AGENCY}:' với ít nhất một trong"
            " dia_chi, dien_thoai, email",
        ))
    return agency, problems


def _one_line(value: str) -> str | None:
    if "\n" in value:
        return "cần viết trên một dòng"
    if len(value) > _MAX_LINE:
        return f"cần không quá {_MAX_LINE} ký tự, nhưng gặp {len(value)} ký tự; hãy rút gọn"
    return None


def _phone(value: str) -> str | None:
    digits = phone_digits(value)
    if not _PHONE.match(value) or not digits.startswith("0") or len(digits) not in (10, 11):
        return f"số điện thoại '{value}' cần đủ 10 hoặc 11 chữ số, viết như '0221 3000 000' hoặc '+84 221 3000 000'"
    return None


def _email(value: str) -> str | None:
    if not _EMAIL.match(value):
        return f"thư điện tử '{value}' không đúng dạng; viết như 'vanphong@sgddt.hungyen.gov.vn'"
    return None


_AGENCY_RULES: dict[str, Callable[[str], str | None]] = {"dien_thoai": _phone, "email": _email}


@dataclass(frozen=True)
class _SourceKeys:
    """Where each key of mkdocs.yml is written, and the keys written twice in one block (YAML keeps the
    later silently, so an editor's second 'extra:' would drop the first's settings)."""

    lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    """Key path -> line (from 1), for every key of every nested block."""
    repeated: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)
    """(key path, first line, repeated line) of each key written twice in one block."""
    scalars: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Key path -> its value as written, for a plain value (before YAML reads '0221…' as a number)."""

    @classmethod
    def of(cls, source: str) -> _SourceKeys:
        keys = cls()
        try:
            keys._walk(yaml.compose(source, Loader=_ConfigLoader), ())
        except yaml.YAMLError:
            pass  # MkDocs reports the broken file itself
        return keys

    def line(self, *path: str) -> int:
        """The line of ``path``, else of the nearest enclosing key written, else 0."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 0)

    def _walk(self, node: yaml.Node | None, path: tuple[str, ...]) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        last: dict[tuple[str, ...], tuple[int, yaml.Node]] = {}
        for key, value in node.value:
            here = (*path, str(key.value))
            line = key.start_mark.line + 1
            if here in last:
                self.repeated.append((here, last[here][0], line))
            last[here] = (line, value)
        for here, (line, value) in last.items():
            self.lines[here] = line
            if isinstance(value, yaml.ScalarNode):
                self.scalars[here] = value.value
            self._walk(value, here)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml names Python objects (!!python/name:…); the checks only need plain values."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_files(nav: Iterable[Any]) -> Iterable[str]:
    """Every Markdown path in a 'nav:' tree (titles and external links left out)."""
    for item in nav:
        if isinstance(item, str):
            if item.endswith(".md"):
                yield item
        elif isinstance(item, Mapping):
            for value in item.values():
                if isinstance(value, str):
                    if value.endswith(".md"):
                        yield value
                elif isinstance(value, list):
                    yield from _nav_files(value)
