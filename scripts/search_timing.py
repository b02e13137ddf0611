"""Time a search on a slow link: Enter → first result visible on /tim-kiem/, counted from a fresh page load.

Serves a built site from a small static server that gzips text as real hosts do (GitHub Pages, GitLab
Pages, nginx), opens a fresh Chromium context throttled with CDP (400 ms latency, 50,000 bytes/s each
way: a 400 kbps mobile link), loads the search page fully, types the query at TYPING_MS a key, presses
Enter and waits for the first result link. Reports seconds from Enter and bytes on the wire (page load, then search),
with --requests each file's.
Usage: python scripts/search_timing.py [SITE] [--query "dang van khoa"] [--runs 3] [--requests]
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from gzip_host import compressing_host

ROOT = Path(__file__).resolve().parents[1]
LATENCY_MS = 400
BYTES_PER_SECOND = 50_000
TYPING_MS = 150
"""Between two key presses: a quick typist on a phone (the same for every build measured)."""
TARGET_S = 3.0
HEADER_INPUT = ".gs-tim input"
SEARCH_INPUT = "#tim-kiem input[type=search], .pagefind-ui__search-input"
RESULT_LINK = "#tim-kiem-ket-qua a, .pagefind-ui__result-link"

# Installed in the page before its scripts: note when Enter goes down in the search box, then watch
# every frame for the first visible result link.
_WATCH = """
(() => {
  const resultLink = %r;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || window.__gsEnter !== undefined) return;
    window.__gsEnter = performance.now();
    const look = () => {
      const link = document.querySelector(resultLink);
      if (link && link.getClientRects().length > 0) { window.__gsShown = performance.now(); return; }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, true);
})();
"""


@dataclass(frozen=True)
class Fetched:
    """One response on the wire: while the page loads ("load"), or from the first key typed ("search")."""

    phase: str
    path: str
    bytes: int


@dataclass(frozen=True)
class Timing:
    seconds: float
    first_link: str
    load_bytes: int
    search_bytes: int
    from_header: float = 0.0
    """Enter in the header box of the home page → first result on the search page it opens."""
    fetched: tuple[Fetched, ...] = ()


def time_search(browser, base: str, query: str) -> Timing:  # type: ignore[no-untyped-def]
    """One measurement in a fresh context (empty cache), throttled from the first request."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS, "downloadThroughput": BYTES_PER_SECOND, "uploadThroughput": BYTES_PER_SECOND,
    })
    urls: dict[str, str] = {}
    fetched: list[Fetched] = []
    phase = ["load"]
    cdp.on("Network.requestWillBeSent", lambda event: urls.update({event["requestId"]: event["request"]["url"]}))
    cdp.on("Network.loadingFinished", lambda event: fetched.append(
        Fetched(phase[0], urls.get(event["requestId"], "?").removeprefix(base.rstrip("/")), int(event["encodedDataLength"]))
    ))
    page.add_init_script(_WATCH % RESULT_LINK)
    page.goto(f"{base}tim-kiem/", wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    phase[0] = "search"
    page.click(SEARCH_INPUT)
    page.keyboard.type(query, delay=TYPING_MS)
    page.keyboard.press("Enter")
    page.wait_for_function("window.__gsShown !== undefined", timeout=120_000, polling=100)
    seconds = page.evaluate("(window.__gsShown - window.__gsEnter) / 1000")
    first = page.eval_on_selector(RESULT_LINK, "a => a.getAttribute('href')")
    page.wait_for_load_state("networkidle", timeout=120_000)
    context.close()
    load_bytes = sum(f.bytes for f in fetched if f.phase == "load")
    return Timing(round(seconds, 2), first, load_bytes, sum(f.bytes for f in fetched) - load_bytes, fetched=tuple(fetched))


def time_header_search(browser, base: str, query: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from Enter in the header box of a freshly loaded home page to the first result on the search
    page it opens (fresh context, empty cache at first, the browser caching as it does for a host)."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS, "downloadThroughput": BYTES_PER_SECOND, "uploadThroughput": BYTES_PER_SECOND,
    })
    page.goto(base, wait_until="load", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.click(HEADER_INPUT)
    page.keyboard.type(query, delay=TYPING_MS)
    entered = time.monotonic()
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULT_LINK, state="visible", timeout=120_000)
    seconds = time.monotonic() - entered
    context.close()
    return round(seconds, 2)


def measure(site: Path, query: str, runs: int) -> list[Timing]:
    from playwright.sync_api import sync_playwright

    with compressing_host(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        try:
            return [
                dataclasses.replace(time_search(browser, base, query), from_header=time_header_search(browser, base, query))
                for _ in range(runs)
            ]
        finally:
            browser.close()


def median_seconds(timings: list[Timing]) -> float:
    return round(statistics.median(t.seconds for t in timings), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian từ lúc nhấn Enter tới kết quả đầu tiên trên đường truyền chậm (400 kbps, trễ 400 ms).")
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site", help="thư mục trang đã dựng")
    parser.add_argument("--query", default="dang van khoa", help="câu tìm")
    parser.add_argument("--runs", type=int, default=3, help="số lần đo (lấy trung vị)")
    parser.add_argument("--requests", action="store_true", help="in từng tệp tải về và số byte của nó")
    args = parser.parse_args(argv)
    timings = measure(args.site, args.query, args.runs)
    for timing in timings:
        if args.requests:
            for file in timing.fetched:
                print(f"  {'tải trang' if file.phase == 'load' else 'tìm':9} {file.bytes / 1000:7.1f} KB  {file.path}")
        print(
            f"{timing.seconds:.2f} s  kết quả đầu: {timing.first_link}  tải trang: {timing.load_bytes / 1000:.1f} KB"
            f"  tìm: {timing.search_bytes / 1000:.1f} KB  từ ô tìm ở đầu trang chủ: {timing.from_header:.2f} s"
        )
    median = median_seconds(timings)
    from_header = round(statistics.median(t.from_header for t in timings), 2)
    print(f"Trung vị: {median:.2f} s trên trang tìm kiếm, {from_header:.2f} s từ ô tìm ở đầu trang chủ (mục tiêu ≤ {TARGET_S:g} s)")
    return 0 if max(median, from_header) <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
