"""Benchmark: build the site at 1,000, 2,500 and 10,000 honorees (stories at 20 %) and compare with Hugo.

For each size it measures the cold build (no cache), its peak memory (all its processes), output size,
median page size, the search data a reader downloads before the first result, a rebuild after editing
one record in a running process as `make serve` rebuilds (configuration read again, whole site built,
caches warm), Hugo building the same pages with simple templates, and what a reader's browser
downloads on a first visit to five kinds of page (scripts/page_weight.py). It writes a Markdown
table and a JSON file. Usage: python scripts/bench.py [--sizes 1000 2500 10000] [--out DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import page_weight

ROOT = Path(__file__).resolve().parents[1]
TARGETS = "trang kế hoạch ≤ 300 KB tải về; ≤ 60 s và ≤ 1,5 GB ở 10.000 hồ sơ; ≤ 4× Hugo; 10k/2,5k ≤ 4,4; dựng lại ≤ 2 s; ≤ 500 KB dữ liệu tìm kiếm; trang hồ sơ ≤ 100 KB"


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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{result.stderr[-3000:]}")
    return elapsed


def run_measured(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak memory (bytes) and output of a command. The memory is the largest sum, over time,
    of the proportional set size (PSS) of the command and every process it started (worker processes
    included, shared pages counted once), sampled every 0.1 s."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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


def _transferred(url: str, body: bytes) -> int:
    """Bytes on the wire from a host that compresses text, as GitHub Pages, GitLab Pages and nginx do;
    Pagefind's index, fragments and WebAssembly are compressed already and are counted as they are."""
    textual = url.split("?")[0].endswith((".js", ".css", ".json", ".html"))
    return len(gzip.compress(body, 6)) if textual else len(body)


def search_bytes(site: Path, query: str) -> int:
    """Bytes of search data (engine, UI, index chunks, fragments) loaded before the first result shows."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            responses = []
            page.on("response", lambda r: responses.append(r) if "/pagefind/" in r.url else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/tim-kiem/?q={query}")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=60000)
            total = sum(_transferred(r.url, r.body()) for r in responses if r.ok)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return total


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
        "tim_kiem_kb": round(search_bytes(site, "nguyen van") / 1e3),
        "hugo_s": round(hugo, 2),
        "so_voi_hugo": round(cold / hugo, 1),
        "tai_ve_kb": {w.kind: round(w.transferred / 1e3) for w in page_weight.measure(site)},
    }


def table(results: list[dict[str, float | int]]) -> str:
    head = "| Hồ sơ | Câu chuyện | Trang | Dựng lần đầu | Bộ nhớ đỉnh | Dựng lại sau 1 sửa | Kích thước | Trang trung vị | Trang hồ sơ | Tìm kiếm trước kết quả đầu | Hugo | So với Hugo | Tải về: kế hoạch, hồ sơ, trang chủ, danh sách, thống kê |"
    rule = "|" + "---|" * 13
    rows = [
        f"| {r['ho_so']:,} | {r['cau_chuyen']:,} | {r['trang']:,} | {r['dung_lan_dau_s']} s | {r['bo_nho_dinh_mb']} MB | {r['dung_lai_s']} s |"
        f" {r['kich_thuoc_mb']} MB | {r['trang_trung_vi_kb']} KB | {r['trang_ho_so_kb']} KB | {r['tim_kiem_kb']} KB | {r['hugo_s']} s | {r['so_voi_hugo']}× |"
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
