"""Take the README's screenshots of timeline pages (desktop 1400x860 and phone 390x844).

    .venv/bin/python docs/screenshots.py exports/timeline.html docs/seed --select 0871
    .venv/bin/python docs/screenshots.py out/timeline-17000.html docs/17k --mode country

Needs Playwright for Python and Debian's /usr/bin/chromium. ``--select`` opens the first event
whose CAMEO code starts with the given digits in the evidence panel.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZES = {"desktop": (1400, 860), "phone": (390, 844)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("stem", help="output path without suffix (-desktop.png, -phone.png added)")
    ap.add_argument("--select", help="CAMEO code prefix of the event to open in the panel")
    ap.add_argument("--mode", choices=["actor", "country"], help="the lanes to show")
    args = ap.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        for name, (w, h) in SIZES.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            page.goto(args.page.resolve().as_uri())
            page.wait_for_function("window.kgTimeline && window.kgTimeline.ready", timeout=120000)
            if args.mode:
                folded = not page.locator("#f-mode").is_visible()  # a phone folds the filters
                if folded:
                    page.click("#f-toggle")
                page.select_option("#f-mode", args.mode)
                if folded:
                    page.click("#f-toggle")
            if args.select:
                page.evaluate("""code => {
                    const data = JSON.parse(document.getElementById('kg-data').textContent);
                    const e = data.events.find(e => e.cameo.startsWith(code));
                    if (e) kgTimeline.select(e.id);
                }""", args.select)
            page.wait_for_timeout(400)
            page.screenshot(path=f"{args.stem}-{name}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
