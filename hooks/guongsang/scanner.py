"""The last guard: every build scans what it wrote for personal data that must never be published.

Whatever the records say, a citizen-ID-like number, a Vietnamese phone number, an e-mail address not on
the allow list, or a date of birth next to "sinh" anywhere in the output fails the build, naming the page.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

_SKIP_DIRS = {"assets", "search", "pagefind", "admin"}
"""Theme files, the search index Pagefind writes (from the scanned pages) while the scan runs, and the
web editor: code from npm whose licence notices name their authors' addresses, and forms made from the
models; no record's data is written there (the build refuses editors' files under content/admin/)."""
_SCANNED = {".html", ".xml", ".json", ".txt", ".ics"}
_HIDDEN = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTE_MAIL = re.compile(r'href="mailto:([^"]+)"', re.I)

# Each pattern starts with the character it needs (a digit, "+", "0", "s") and checks what precedes it
# by a lookbehind after it: the regex engine can then skip ahead to candidates, five times faster than a
# leading lookbehind tried at every position.
_PATTERNS = {
    "số giống số căn cước, chứng minh nhân dân": re.compile(
        r"\d(?<![\w/.,-]\d)(?:[ .]?\d){11}(?![\w/])|\d(?<![\w/.,-]\d)\d{8}(?![\w/.,])"
    ),
    "số giống số điện thoại": re.compile(r"(?:\+(?<![\w/.,-]\+)84|0(?<![\w/.,-]0))(?:[ .-]?\d){9,10}(?![\w/])"),
    "ngày sinh": re.compile(  # case-insensitive in parts only: a global re.I doubles the time
        r"[sS](?<=\b[sS])(?i:inh)\s+(?:(?i:ngày)\s+)?"
        r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4})"
    ),
}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Finding:
    page: str
    what: str
    excerpt: str

    def __str__(self) -> str:
        return (
            f"{self.page}: lỗi: trang có {self.what} ('{self.excerpt}'); dữ liệu cá nhân không được công khai"
            " (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): sửa tệp nguồn rồi dựng lại"
        )


def visible_text(source: str) -> str:
    """The text a reader or a robot gets from a page, without scripts, styles and drawings."""
    mails = " ".join(_ATTRIBUTE_MAIL.findall(source)) if "mailto:" in source.lower() else ""
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", source))) + " " + mails


_CALENDAR_TEXT = ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME")


def calendar_text(source: str) -> str:
    """What a calendar shows of an iCalendar file: its text properties, unfolded and unescaped (not the
    UIDs, which look like e-mail addresses)."""
    unfolded = re.sub(r"\r?\n[ \t]", "", source)
    values = [
        line.split(":", 1)[1] for line in unfolded.splitlines()
        if ":" in line and line.split(":", 1)[0].split(";", 1)[0].upper() in _CALENDAR_TEXT
    ]
    return " ".join(values).replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def scan(site_dir: Path, allowed_emails: set[str], clean_cache: Path | None = None) -> list[Finding]:
    """Every hit in the built site, page by page.

    ``clean_cache`` names a file that remembers the contents found clean (by hash, with the rules that
    judged them): a page whose bytes did not change since is not read again as text.
    """
    findings = []
    allowed = {e.lower() for e in allowed_emails}
    rules = _rules_fingerprint(allowed)
    known = _read_clean(clean_cache, rules)
    clean = set()
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir)
        if path.suffix not in _SCANNED or relative.parts[0] in _SKIP_DIRS or path.name.startswith("sitemap"):
            continue
        content = path.read_bytes()
        digest = hashlib.blake2b(content, digest_size=16).hexdigest()
        if digest in known:
            clean.add(digest)
            continue
        source = content.decode("utf-8", errors="replace")
        readable = calendar_text(source) if path.suffix == ".ics" else visible_text(source)
        found = _scan_text(relative.as_posix(), readable, allowed)
        if found:
            findings += found
        else:
            clean.add(digest)
    if clean_cache is not None:
        clean_cache.parent.mkdir(parents=True, exist_ok=True)
        clean_cache.write_text("\n".join([rules, *sorted(clean)]) + "\n", encoding="utf-8")
    return findings


def _scan_text(page: str, text: str, allowed: set[str]) -> list[Finding]:
    findings = []
    for what, pattern in _PATTERNS.items():
        for match in pattern.finditer(text):
            findings.append(Finding(page, what, match.group().strip()))
    for match in _EMAIL.finditer(text) if "@" in text else ():
        if match.group().lower() not in allowed:
            findings.append(Finding(page, "địa chỉ thư điện tử không nằm trong danh sách được phép", match.group()))
    return findings


def _rules_fingerprint(allowed: set[str]) -> str:
    """Changes when a pattern, the text extraction or the allowed addresses change."""
    rules = [pattern.pattern for pattern in (*_PATTERNS.values(), _EMAIL, _HIDDEN, _TAG, _ATTRIBUTE_MAIL)]
    return hashlib.blake2b(json.dumps([rules, sorted(allowed)]).encode(), digest_size=16).hexdigest()


def _read_clean(clean_cache: Path | None, rules: str) -> set[str]:
    if clean_cache is None or not clean_cache.is_file():
        return set()
    lines = clean_cache.read_text(encoding="utf-8").split()
    return set(lines[1:]) if lines and lines[0] == rules else set()
