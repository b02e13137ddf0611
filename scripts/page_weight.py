"""Page weight: what a reader's browser downloads on a first visit to five kinds of page.

The built site is served by a local host that compresses text as GitHub Pages, GitLab Pages and nginx
do (gzip for HTML, CSS, JavaScript, JSON, SVG, XML); each page is opened in a fresh Chromium context
(empty cache) at a phone's width, and the bytes on the wire (Chrome's encodedDataLength, headers
included) and the requests are summed until the network is idle.
Usage: python scripts/page_weight.py [--root DIR] [--site DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from gzip_host import compressing_host

ROOT = Path(__file__).resolve().parents[1]
PHONE = {"width": 390, "height": 844}
PLAN = "kế hoạch"
PLAN_LIMIT = 300_000


@dataclass
class Weight:
    kind: str
    path: str
    requests: int = 0
    transferred: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    fonts: list[str] = field(default_factory=list)


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind a reader lands on: a plan, a profile, the home page, a list, the statistics."""
    def first(pattern: str, marker: str) -> str:
        for page in sorted(site.glob(pattern)):
            if marker in page.read_text(encoding="utf-8"):
                return page.parent.relative_to(site).as_posix() + "/"
        raise SystemExit(f"{site}: không thấy trang nào {pattern} có {marker!r}; hãy dựng trang trước")

    return {
        PLAN: first("van-ban/*/index.html", '<span class="vb-ten-loai">KẾ HOẠCH</span>'),
        "hồ sơ": first("guong/*/index.html", '<article class="gs-ho-so"'),
        "trang chủ": "",
        "danh sách": first("guong/don-vi/*/index.html", '<h1'),
        "thống kê": "thong-ke/",
    }


def measure(site: Path) -> list[Weight]:
    """Transferred bytes and requests of each kind of page, first visit, empty cache, phone width."""
    from playwright.sync_api import sync_playwright

    kinds = page_kinds(site)
    results = []
    with compressing_host(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        for kind, path in kinds.items():
            context = browser.new_context(viewport=PHONE, device_scale_factor=1)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            requests: dict[str, tuple[str, str]] = {}
            sizes: dict[str, int] = {}
            cdp.on("Network.responseReceived", lambda e, r=requests: r.__setitem__(e["requestId"], (e["type"], e["response"]["url"])))
            cdp.on("Network.loadingFinished", lambda e, s=sizes: s.__setitem__(e["requestId"], int(e["encodedDataLength"])))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(300)
            weight = Weight(kind, "/" + path)
            for request_id, size in sizes.items():
                kind_of, url = requests.get(request_id, ("Other", ""))
                if not url.startswith("http"):  # data: URLs inside CSS cost no request
                    continue
                weight.requests += 1
                weight.transferred += size
                weight.by_type[kind_of] = weight.by_type.get(kind_of, 0) + size
                if kind_of == "Font":
                    weight.fonts.append(url.rsplit("/", 1)[-1])
            weight.fonts.sort()
            results.append(weight)
            context.close()
        browser.close()
    return results


def table(weights: list[Weight]) -> str:
    kilo = lambda n: f"{n / 1000:.0f} KB"
    rows = ["| Trang | Địa chỉ | Yêu cầu | Tải về | Phông | JavaScript | CSS | HTML |", "|" + "---|" * 8]
    for w in weights:
        rows.append(
            f"| {w.kind} | {w.path} | {w.requests} | {kilo(w.transferred)} | {len(w.fonts)} tệp, {kilo(w.by_type.get('Font', 0))} |"
            f" {kilo(w.by_type.get('Script', 0))} | {kilo(w.by_type.get('Stylesheet', 0))} | {kilo(w.by_type.get('Document', 0))} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo dung lượng tải về của năm loại trang, lần mở đầu, từ máy chủ có nén.")
    parser.add_argument("--root", type=Path, default=ROOT, help="thư mục dự án (mặc định: thư mục này)")
    parser.add_argument("--site", type=Path, help="thư mục trang đã dựng (mặc định: site/ của dự án)")
    parser.add_argument("--json", type=Path, help="ghi kết quả ra tệp JSON này")
    args = parser.parse_args(argv)
    weights = measure(args.site or args.root / "site")
    print(table(weights))
    if args.json:
        args.json.write_text(json.dumps([asdict(w) for w in weights], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    plan = next(w for w in weights if w.kind == PLAN)
    if plan.transferred > PLAN_LIMIT:
        print(f"Trang kế hoạch {plan.path} tải {plan.transferred / 1000:.0f} KB, quá mức {PLAN_LIMIT // 1000} KB.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
