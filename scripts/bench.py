"""Benchmark: every figure of "preview in a second, publish in a minute" at 1,000, 2,500 and 10,000 honorees
(stories at 20 %), each next to its target.

For each size, on a generated project: a cold build (`scripts/build.py --thu`, no `.cache/`) and the same
build again with `.cache/` kept (as CI keeps it), each with its peak memory (all its processes); the time
the cached build's log gives to reading and rendering every page; output and page sizes; the search page
on a 400 kbps link (scripts/search_timing.py: Enter → first result, bytes); what a reader's browser
downloads on a first visit to five kinds of page (scripts/page_weight.py); Hugo building the same pages
with simple templates; last, a real `mkdocs serve` in which three records are saved one after the other,
timed until the server returns the profile page showing the edit and until its log says the search index
is remade. It writes a Markdown table and a JSON file.
Usage: python scripts/bench.py [--sizes 1000 2500 10000] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
# The scripts next to this one, importable once their folder is on the path.
import page_weight
import search_timing

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EDITS = 3
POLL_S = 0.03
"""Between two looks at the served page or the server's log after a save."""
FIRST_SERVE_S = 900.0
"""How long `mkdocs serve` may take to build and answer at all (10,000 honorees on 2 cores)."""
PATIENCE_S = 300.0
"""How long a save may take to show, in the page or in the log, before the benchmark gives up on it."""
RATIO_TARGET = 4.4
"""Cold build time at 10,000 honorees over 2,500: at most this (a little above linear)."""
_RENDERING = re.compile(r"kết xuất (\d+) trang: ([\d.]+) s")
_REBUILD = re.compile(r"dựng lại \d+ trang, ghi \d+ tệp, xóa \d+ trang trong ([\d.]+) s")
_INDEXED = "đã làm lại chỉ mục tìm kiếm"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    """The largest sum, over time, of the proportional set size of the command and all its processes."""
    log: str
    """What the command wrote on stdout and stderr."""


@dataclass(frozen=True)
class SavedEdit:
    record: str
    served_s: float
    """From the record written and closed to the server returning its page with the edit."""
    rebuilt_s: float | None
    """The rebuild's own seconds, from its log line (None: the server built the whole site)."""
    indexed_s: float | None
    """From the record written to the log saying the search index is remade (None: not within PATIENCE_S)."""


@dataclass(frozen=True)
class SizeResult:
    ho_so: int
    cau_chuyen: int
    trang: int
    sua_den_trang_moi_s: list[float]
    dung_lai_theo_nhat_ky_s: list[float | None]
    sua_den_chi_muc_s: list[float | None]
    dung_lan_dau_s: float
    bo_nho_lan_dau_mb: int
    dung_co_bo_dem_s: float
    bo_nho_co_bo_dem_mb: int
    ket_xuat_s: float
    hugo_s: float
    kich_thuoc_mb: float
    trang_trung_vi_kb: float
    trang_ho_so_kb: float
    tim_kiem_kb: int
    tim_kiem_s: float
    tim_kiem_dau_trang_s: float
    tai_ve_kb: dict[str, int]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "overrides", "content", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "hooks").mkdir()
    shutil.copy(ROOT / "hooks/site_hooks.py", target / "hooks/site_hooks.py")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    (target / "data/dia-chi-da-cong-bo.txt").unlink(missing_ok=True)
    return target


def timed(command: list[str], cwd: Path) -> float:
    """Wall time of a command."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{result.stderr[-3000:]}")
    return elapsed


def run_measured(command: list[str], cwd: Path, log: Path) -> Run:
    """Wall time, peak memory and output of a command, its output written to ``log`` (a pipe left unread
    while the command runs could fill and stall it). Memory is sampled every 0.1 s."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_pss(process.pid))
            time.sleep(0.1)
    elapsed = time.perf_counter() - started
    text = log.read_text(encoding="utf-8")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{text[-3000:]}")
    return Run(elapsed, peak, text)


def _tree_pss(root: int) -> int:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def rendering_seconds(build_log: str) -> float:
    """Seconds a build spent reading and rendering every page, from its log line `kết xuất N trang: X s`."""
    found = _RENDERING.findall(build_log)
    if len(found) != 1:
        raise SystemExit(f"Nhật ký dựng trang cần đúng một dòng 'kết xuất … trang: … s', có {len(found)}.")
    return float(found[0][1])


def rebuild_seconds(server_log: str) -> float | None:
    """The seconds of the last quick rebuild the server logged, None if it logged none."""
    found = _REBUILD.findall(server_log)
    return float(found[-1]) if found else None


@contextmanager
def serving(project: Path, temp: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` on ``project``, its temporary folders in ``temp``, once it answers: the base URL and its
    log. Stopped as by Ctrl+C whatever happens, killed with its processes if it does not stop."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp.mkdir(parents=True, exist_ok=True)
    log = temp.parent / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env={**ENV, "TMPDIR": str(temp)}, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,  # its own process group: Ctrl+C on the bench reaches it only through here
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + FIRST_SERVE_S
        while not _answers(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"mkdocs serve không trả lời:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.2)
        yield base, log
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs and the hooks remove their folders
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _answers(url: str) -> bool:
    try:
        _fetch(url)
    except OSError:
        return False
    return True


def _fetch(url: str) -> str:
    # A request made while the server rebuilds waits for the rebuild: the timeout covers the slowest one.
    with urllib.request.urlopen(url, timeout=PATIENCE_S) as response:
        return response.read().decode("utf-8")


def save_to_served(project: Path, temp: Path, records: list[Path]) -> list[SavedEdit]:
    """Serve ``project`` and save each record in turn (a sentence put before its summary), once the
    previous save is served and indexed and a second has passed."""
    edits = []
    with serving(project, temp) as (base, log):
        for number, record in enumerate(records, 1):
            edits.append(_save_once(base, log, record, f"Đã cập nhật {number}."))
            time.sleep(1)
    return edits


def _save_once(base: str, log: Path, record: Path, sentence: str) -> SavedEdit:
    page = f"{base}guong/{record.stem}/"
    if sentence in _fetch(page):
        raise SystemExit(f"{page} đã có '{sentence}' trước khi sửa.")
    logged = log.stat().st_size
    text = record.read_text(encoding="utf-8")
    with record.open("w", encoding="utf-8") as out:
        out.write(text.replace("tom_tat: ", f"tom_tat: {sentence} ", 1))
    saved = time.perf_counter()
    served = _poll(lambda: sentence in _fetch(page), saved)
    if served is None:
        raise SystemExit(f"{page} chưa hiện '{sentence}' sau {PATIENCE_S:.0f} s:\n{_since(log, logged)[-3000:]}")
    indexed = _poll(lambda: _INDEXED in _since(log, logged), saved)
    return SavedEdit(record.stem, round(served, 2), rebuild_seconds(_since(log, logged)), None if indexed is None else round(indexed, 2))


def _poll(done: Callable[[], bool], since: float) -> float | None:
    """Seconds from ``since`` until ``done()``, looked at every POLL_S; None after PATIENCE_S."""
    while not done():
        if time.perf_counter() - since > PATIENCE_S:
            return None
        time.sleep(POLL_S)
    return time.perf_counter() - since


def _since(log: Path, offset: int) -> str:
    with log.open("rb") as f:
        f.seek(offset)
        return f.read().decode("utf-8", errors="ignore")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def hugo_build(project: Path, work: Path) -> float:
    """The same profiles and stories as plain Markdown pages, built by Hugo with minimal templates."""
    import yaml

    site = work / "hugo"
    (site / "layouts/_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\nlanguageCode = "vi"\ntitle = "Gương sáng"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
    page = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>"
    (site / "layouts/_default/single.html").write_text(page)
    (site / "layouts/_default/list.html").write_text(page.replace("{{ .Content }}", "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>"))
    content = site / "content"
    (content / "guong").mkdir(parents=True)
    for path in (project / "data/guong").glob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = record.get("ten_tap_the") or " ".join(filter(None, (record.get("ho"), record.get("ten_dem"), record.get("ten")))) or record["ma"]
        rows = "\n".join(f"| {a.get('nam') or a.get('nam_hoc')} | {a['loai']} | {(a.get('quyet_dinh') or {}).get('so', '')} |" for a in record.get("khen_thuong", []))
        body = f"{record.get('chuc_vu', '')} · {record['don_vi']}\n\n{record.get('tom_tat', '')}\n\n| Năm | Danh hiệu | Quyết định |\n|---|---|---|\n{rows}\n"
        (content / "guong" / f"{record['ma']}.md").write_text(f"---\ntitle: {json.dumps(name, ensure_ascii=False)}\n---\n\n{body}", encoding="utf-8")
    shutil.copytree(project / "content/cau-chuyen", content / "cau-chuyen")
    for story in (content / "cau-chuyen").glob("*.md"):
        source = story.read_text(encoding="utf-8")
        story.write_text(source.replace("tieu_de:", "title:", 1), encoding="utf-8")
    return timed([shutil.which("hugo") or str(Path(sys.executable).parent / "hugo"), "--quiet", "--source", str(site)], site)


def measure(size: int, work: Path) -> SizeResult:
    project = copy_project(work / "project")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/generate_sample.py"), "--root", str(project), "--honorees", str(size), "--stories", str(size // 5)],
        check=True, capture_output=True,
    )
    build = [sys.executable, str(ROOT / "scripts/build.py"), "--root", str(project), "--thu"]
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = run_measured(build, project, work / "cold.log")
    cached = run_measured(build, project, work / "cached.log")
    site = project / "site"
    pages = [p.stat().st_size for p in site.rglob("index.html")]
    profile = next(p for p in sorted((site / "guong").glob("*/index.html")) if p.parent.name[-5:].isdigit())
    search = search_timing.measure(site, "nguyen van", 1)[0]
    weights = {w.kind: round(w.transferred / 1e3) for w in page_weight.measure(site)}
    hugo = hugo_build(project, work)
    generated = [p for p in sorted((project / "data/guong").glob("*.yaml")) if p.stem[-5:].isdigit()]
    edits = save_to_served(project, work / "tmp", generated[:: len(generated) // EDITS][:EDITS])
    return SizeResult(
        ho_so=size,
        cau_chuyen=size // 5,
        trang=len(pages),
        sua_den_trang_moi_s=[e.served_s for e in edits],
        dung_lai_theo_nhat_ky_s=[e.rebuilt_s for e in edits],
        sua_den_chi_muc_s=[e.indexed_s for e in edits],
        dung_lan_dau_s=round(cold.seconds, 1),
        bo_nho_lan_dau_mb=round(cold.peak_bytes / 1e6),
        dung_co_bo_dem_s=round(cached.seconds, 1),
        bo_nho_co_bo_dem_mb=round(cached.peak_bytes / 1e6),
        ket_xuat_s=rendering_seconds(cached.log),
        hugo_s=round(hugo, 2),
        kich_thuoc_mb=round(size_of(site) / 1e6, 1),
        trang_trung_vi_kb=round(statistics.median(pages) / 1e3, 1),
        trang_ho_so_kb=round(profile.stat().st_size / 1e3, 1),
        tim_kiem_kb=round((search.load_bytes + search.search_bytes) / 1e3),
        tim_kiem_s=search.seconds,
        tim_kiem_dau_trang_s=search.from_header,
        tai_ve_kb=weights,
    )


def _n(value: float | None, digits: int = 0) -> str:
    """A number as Vietnamese writes it: 1.234,5 (— for none)."""
    if value is None:
        return "—"
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _spread(values: Sequence[float | None], unit: str) -> str:
    """Median / max of the values measured (— when one was not)."""
    measured = [v for v in values if v is not None]
    if not measured or len(measured) < len(values):
        return "—"
    return f"{_n(statistics.median(measured), 2)} / {_n(max(measured), 2)} {unit}"


# (figure, target at 10,000 honorees, value for one size)
ROWS: list[tuple[str, str, Callable[[SizeResult], str]]] = [
    ("Trang dựng ra", "", lambda r: _n(r.trang)),
    ("Lưu một hồ sơ → `mkdocs serve` trả về trang hồ sơ đã sửa (3 lần lưu): trung vị / lớn nhất", "≤ 2 s", lambda r: _spread(r.sua_den_trang_moi_s, "s")),
    ("… trong đó máy chủ dựng lại (dòng \"dựng lại … trang\" của nhật ký): trung vị / lớn nhất", "", lambda r: _spread(r.dung_lai_theo_nhat_ky_s, "s")),
    ("Lưu → nhật ký báo đã làm lại chỉ mục tìm kiếm: trung vị / lớn nhất", "", lambda r: _spread(r.sua_den_chi_muc_s, "s")),
    ("Dựng lần đầu (`scripts/build.py`, chưa có `.cache/`)", "≤ 60 s", lambda r: f"{_n(r.dung_lan_dau_s, 1)} s"),
    ("Bộ nhớ đỉnh khi dựng lần đầu (PSS cộng mọi tiến trình)", "≤ 1,2 GB", lambda r: f"{_n(r.bo_nho_lan_dau_mb)} MB"),
    ("Dựng cả trang khi giữ `.cache/` (như CI)", "≤ 30 s", lambda r: f"{_n(r.dung_co_bo_dem_s, 1)} s"),
    ("Bộ nhớ đỉnh khi dựng có `.cache/`", "≤ 1,2 GB", lambda r: f"{_n(r.bo_nho_co_bo_dem_mb)} MB"),
    ("Tải về trước kết quả đầu cho \"nguyen van\" (trang tìm kiếm và dữ liệu tìm kiếm)", "≤ 500 KB", lambda r: f"{_n(r.tim_kiem_kb)} KB"),
    ("Enter → kết quả đầu ở 400 kbps: trang tìm kiếm / ô tìm ở đầu trang chủ", "≤ 3 s", lambda r: f"{_n(r.tim_kiem_s, 2)} / {_n(r.tim_kiem_dau_trang_s, 2)} s"),
    ("Kết xuất trang: đọc và dựng mọi trang (dòng \"kết xuất … trang\" khi dựng có `.cache/`)", "", lambda r: f"{_n(r.ket_xuat_s, 2)} s"),
    ("Hugo dựng cùng các hồ sơ và câu chuyện (mẫu tối giản)", "", lambda r: f"{_n(r.hugo_s, 2)} s"),
    ("Kết xuất trang so với Hugo", "≤ 4×", lambda r: f"{_n(r.ket_xuat_s / r.hugo_s, 1)}×"),
    ("Dựng lần đầu so với Hugo (cả ảnh chia sẻ, mã QR, tìm kiếm)", "", lambda r: f"{_n(r.dung_lan_dau_s / r.hugo_s, 1)}×"),
    ("Dựng có `.cache/` so với Hugo", "", lambda r: f"{_n(r.dung_co_bo_dem_s / r.hugo_s, 1)}×"),
    ("Kích thước trang dựng ra", "", lambda r: f"{_n(r.kich_thuoc_mb, 1)} MB"),
    ("Trang trung vị", "", lambda r: f"{_n(r.trang_trung_vi_kb, 1)} KB"),
    ("Trang hồ sơ", "≤ 100 KB", lambda r: f"{_n(r.trang_ho_so_kb, 1)} KB"),
    ("Tải về lần mở đầu: kế hoạch / hồ sơ / trang chủ / danh sách / thống kê", "kế hoạch ≤ 300 KB", lambda r: " / ".join(f"{_n(kb)} KB" for kb in r.tai_ve_kb.values())),
]


def table(results: list[SizeResult]) -> str:
    """One row a figure, its target, then one column a size."""
    head = "| Số đo | Mục tiêu (10.000 hồ sơ) | " + " | ".join(f"{_n(r.ho_so)} hồ sơ, {_n(r.cau_chuyen)} câu chuyện" for r in results) + " |"
    rule = "|" + "---|" * (2 + len(results))
    rows = [f"| {label} | {target} | " + " | ".join(value(r) for r in results) + " |" for label, target, value in ROWS]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tốc độ dựng và xem trước trang ở quy mô lớn, so với Hugo.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache/bench")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as work:
            print(f"… {size:,} hồ sơ", file=sys.stderr, flush=True)
            results.append(measure(size, Path(work)))
            print(table(results[-1:]), file=sys.stderr, flush=True)
    by_size = {r.ho_so: r for r in results}
    ratio = round(by_size[10000].dung_lan_dau_s / by_size[2500].dung_lan_dau_s, 2) if {2500, 10000} <= by_size.keys() else None
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = f"{table(results)}\n"
    if ratio is not None:
        markdown += f"\nThời gian dựng lần đầu 10.000 / 2.500 hồ sơ: {_n(ratio, 2)} (mục tiêu ≤ {_n(RATIO_TARGET, 1)})\n"
    (args.out / "ket-qua.md").write_text(markdown, encoding="utf-8")
    (args.out / "ket-qua.json").write_text(json.dumps({"ket_qua": [asdict(r) for r in results], "ti_le_10k_2k5": ratio}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
