"""Benchmark: build the site at 1,000, 2,500 and 10,000 honorees (stories at 20 %) and compare with Hugo.

For each size it measures the cold build (no cache), its peak memory (all its processes), output size,
median page size, the search page on a 400 kbps link (scripts/search_timing.py: Enter → first result,
bytes), a rebuild after editing
one record in a running process as `make serve` rebuilds (configuration read again, whole site built,
caches warm), Hugo building the same pages with simple templates, and what a reader's browser
downloads on a first visit to five kinds of page (scripts/page_weight.py). It writes a Markdown
table and a JSON file. Usage: python scripts/bench.py [--sizes 1000 2500 10000] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guongsang.settings import TRIAL_BUILD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
# The scripts next to this one, importable once their folder is on the path.
import page_weight
import search_timing

TARGETS = "≤ 3 s từ Enter tới kết quả đầu ở 400 kbps; trang kế hoạch ≤ 300 KB tải về; ≤ 60 s và ≤ 1,5 GB ở 10.000 hồ sơ; ≤ 4× Hugo; 10k/2,5k ≤ 4,4; dựng lại ≤ 2 s; ≤ 500 KB trang tìm kiếm và dữ liệu tìm kiếm; trang hồ sơ ≤ 100 KB"


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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", TRIAL_BUILD: "1"}  # sample sites, built for this machine
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{result.stderr[-3000:]}")
    return elapsed


def run_measured(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak memory (bytes) and output of a command. The memory is the largest sum, over time,
    of the proportional set size (PSS) of the command and every process it started (worker processes
    included, shared pages counted once), sampled every 0.1 s."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", TRIAL_BUILD: "1"}  # sample sites, built for this machine
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_pss(process.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{err[-3000:]}")
    return elapsed, peak, out


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


SERVE_REBUILD = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
root, site_dir, record = sys.argv[1:4]
def rebuild():
    # What `mkdocs serve` does on every change: read the configuration again and build it whole.
    config = load_config(f"{root}/mkdocs.yml", site_dir=site_dir)
    build(config, serve_url="http://127.0.0.1:8000/")
rebuild()
with open(record, encoding="utf-8") as f:
    text = f.read()
with open(record, "w", encoding="utf-8") as f:
    f.write(text.replace("tom_tat: ", "tom_tat: Đã cập nhật. ", 1))
started = time.perf_counter()
rebuild()
print(time.perf_counter() - started)
"""


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_timing_on(site: Path) -> search_timing.Timing:
    """Search on a slow link (scripts/search_timing.py): Enter → first result on the search page and from the
    header box of the home page, and bytes."""
    return search_timing.measure(site, "nguyen van", 1)[0]


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
    elapsed = timed([shutil.which("hugo") or str(Path(sys.executable).parent / "hugo"), "--quiet", "--source", str(site)], site)
    return elapsed


def measure(size: int, work: Path) -> dict[str, float | int]:
    project = copy_project(work / "project")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/generate_sample.py"), "--root", str(project), "--honorees", str(size), "--stories", str(size // 5)],
        check=True, capture_output=True,
    )
    build = [sys.executable, str(ROOT / "scripts/build.py"), "--root", str(project)]
    cold, peak, _ = run_measured(build, project)
    site = project / "site"
    pages = [p.stat().st_size for p in site.rglob("index.html")]
    profile = next(p for p in sorted((site / "guong").glob("*/index.html")) if p.parent.name[-5:].isdigit())
    record = next(p for p in sorted((project / "data/guong").glob("*.yaml")) if p.stem[-5:].isdigit())  # a generated person
    _, _, out = run_measured([sys.executable, "-c", SERVE_REBUILD, str(project), str(work / "serve"), str(record)], project)
    rebuild = float(out.split()[-1])
    hugo = hugo_build(project, work)
    return {
        "ho_so": size,
        "cau_chuyen": size // 5,
        "trang": len(pages),
        "dung_lan_dau_s": round(cold, 1),
        "bo_nho_dinh_mb": round(peak / 1e6),
        "dung_lai_s": round(rebuild, 1),
        "kich_thuoc_mb": round(size_of(site) / 1e6, 1),
        "trang_trung_vi_kb": round(statistics.median(pages) / 1e3, 1),
        "trang_ho_so_kb": round(profile.stat().st_size / 1e3, 1),
        **_search_figures(search_timing_on(site)),
        "hugo_s": round(hugo, 2),
        "so_voi_hugo": round(cold / hugo, 1),
        "tai_ve_kb": {w.kind: round(w.transferred / 1e3) for w in page_weight.measure(site)},
    }


def _search_figures(timing: search_timing.Timing) -> dict[str, float | int]:
    return {
        "tim_kiem_kb": round((timing.load_bytes + timing.search_bytes) / 1e3), "tim_kiem_s": timing.seconds,
        "tim_kiem_dau_trang_s": timing.from_header,
    }


def table(results: list[dict[str, float | int]]) -> str:
    head = "| Hồ sơ | Câu chuyện | Trang | Dựng lần đầu | Bộ nhớ đỉnh | Dựng lại sau 1 sửa | Kích thước | Trang trung vị | Trang hồ sơ | Trang tìm kiếm và kết quả đầu | Enter → kết quả đầu (400 kbps): trang tìm kiếm / ô tìm đầu trang chủ | Hugo | So với Hugo | Tải về: kế hoạch, hồ sơ, trang chủ, danh sách, thống kê |"
    rule = "|" + "---|" * 14
    rows = [
        f"| {r['ho_so']:,} | {r['cau_chuyen']:,} | {r['trang']:,} | {r['dung_lan_dau_s']} s | {r['bo_nho_dinh_mb']} MB | {r['dung_lai_s']} s |"
        f" {r['kich_thuoc_mb']} MB | {r['trang_trung_vi_kb']} KB | {r['trang_ho_so_kb']} KB | {r['tim_kiem_kb']} KB | {r['tim_kiem_s']} s / {r['tim_kiem_dau_trang_s']} s | {r['hugo_s']} s | {r['so_voi_hugo']}× |"
        f" {' / '.join(f'{kb} KB' for kb in r['tai_ve_kb'].values())} |"
        for r in results
    ]
    return "\n".join([head, rule, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo tốc độ dựng trang ở quy mô lớn, so với Hugo.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / ".cache/bench")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as work:
            print(f"… {size:,} hồ sơ", file=sys.stderr, flush=True)
            results.append(measure(size, Path(work)))
            print(table(results[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    by_size = {r["ho_so"]: r for r in results}
    ratio = round(by_size[10000]["dung_lan_dau_s"] / by_size[2500]["dung_lan_dau_s"], 2) if {2500, 10000} <= by_size.keys() else None
    args.out.mkdir(parents=True, exist_ok=True)
    markdown = f"{table(results)}\n\nTỉ lệ thời gian 10.000 / 2.500 hồ sơ: {ratio}\n\nMục tiêu: {TARGETS}\n"
    (args.out / "ket-qua.md").write_text(markdown, encoding="utf-8")
    (args.out / "ket-qua.json").write_text(json.dumps({"ket_qua": results, "ti_le_10k_2k5": ratio}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
