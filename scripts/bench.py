"""Benchmark: build the site at 1,000, 2,500 and 10,000 honorees (stories at 20 %) and compare with Hugo.

For each size it measures the cold build (no cache), peak memory, output size, median page size, the
search data a reader downloads before the first result, a rebuild after editing one record (warm cache,
as `make serve` rebuilds), and Hugo building the same pages with simple templates. It writes a Markdown
table and a JSON file. Usage: python scripts/bench.py [--sizes 1000 2500 10000] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = "≤ 60 s và ≤ 1,5 GB ở 10.000 hồ sơ; ≤ 4× Hugo; 10k/2,5k ≤ 4,4; dựng lại ≤ 2 s; ≤ 500 KB dữ liệu tìm kiếm; trang hồ sơ ≤ 100 KB"


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


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and peak memory (bytes) of a command and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} thất bại:\n{result.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) * 1024


def run_isolated(command: list[str], cwd: Path) -> tuple[float, int]:
    """Run through a fresh Python so the peak memory is this build's alone."""
    probe = (
        "import resource, subprocess, sys, time, os;"
        "t = time.perf_counter();"
        f"r = subprocess.run({command!r}, cwd={str(cwd)!r}, env={{**os.environ, 'NO_MKDOCS_2_WARNING': '1'}}, capture_output=True, text=True);"
        "e = time.perf_counter() - t;"
        "sys.stderr.write(r.stderr[-3000:] if r.returncode else '');"
        "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    elapsed, peak, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"dựng trang thất bại:\n{out.stderr}")
    return float(elapsed), int(peak)


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


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
            total = sum(len(r.body()) for r in responses if r.ok)
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
    elapsed, _ = timed([shutil.which("hugo") or str(Path(sys.executable).parent / "hugo"), "--quiet", "--source", str(site)], site)
    return elapsed


def measure(size: int, work: Path) -> dict[str, float | int]:
    project = copy_project(work / "project")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/generate_sample.py"), "--root", str(project), "--honorees", str(size), "--stories", str(size // 5)],
        check=True, capture_output=True,
    )
    build = [sys.executable, str(ROOT / "scripts/build.py"), "--root", str(project)]
    cold, peak = run_isolated(build, project)
    site = project / "site"
    pages = [p.stat().st_size for p in site.rglob("index.html")]
    profile = next(p for p in sorted((site / "guong").glob("*/index.html")) if p.parent.name[-5:].isdigit())
    record = next(p for p in sorted((project / "data/guong").glob("*.yaml")) if p.stem[-5:].isdigit())  # a generated person
    record.write_text(record.read_text(encoding="utf-8").replace("tom_tat: ", "tom_tat: Đã cập nhật. ", 1), encoding="utf-8")
    rebuild, _ = run_isolated([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(work / "serve")], project)
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
    }


def table(results: list[dict[str, float | int]]) -> str:
    head = "| Hồ sơ | Câu chuyện | Trang | Dựng lần đầu | Bộ nhớ đỉnh | Dựng lại sau 1 sửa | Kích thước | Trang trung vị | Trang hồ sơ | Tìm kiếm trước kết quả đầu | Hugo | So với Hugo |"
    rule = "|" + "---|" * 12
    rows = [
        f"| {r['ho_so']:,} | {r['cau_chuyen']:,} | {r['trang']:,} | {r['dung_lan_dau_s']} s | {r['bo_nho_dinh_mb']} MB | {r['dung_lai_s']} s |"
        f" {r['kich_thuoc_mb']} MB | {r['trang_trung_vi_kb']} KB | {r['trang_ho_so_kb']} KB | {r['tim_kiem_kb']} KB | {r['hugo_s']} s | {r['so_voi_hugo']}× |"
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
