"""Screenshots of graph.html's opening view on the seeds, for the README and docs/.

Usage: python scripts/screenshot_viewer.py [--out docs] [--graph DIR]

Builds the bundled seeds (into a temporary folder, or reads ``DIR/graph.html`` when
``--graph`` is given), opens the page from ``file://`` in Debian's chromium with every other
request blocked, and saves the opening view at 1400x900 and 1024x768 as
``viewer-1400x900.png`` and ``viewer-1024x768.png``. Prints how many node labels each view
draws.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from newsgraph import build

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SIZES = ((1400, 900), (1024, 768))


def screenshots(page_file: Path, out: Path) -> list[Path]:
    """Save the opening view of a page at each size; the paths written."""
    from playwright.sync_api import sync_playwright

    url = page_file.resolve().as_uri()
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for width, height in SIZES:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url == url else r.abort()
            )
            page.goto(url)
            page.wait_for_function("window.newsgraph && window.newsgraph.settled")
            labels = page.evaluate("newsgraph.drawnLabels().length")
            path = out / f"viewer-{width}x{height}.png"
            page.screenshot(path=str(path))
            print(f"{path}: {labels} node labels")
            written.append(path)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--graph", type=Path, help="a built graph folder (default: the seeds)")
    args = parser.parse_args(argv)
    if args.graph is not None:
        screenshots(args.graph / "graph.html", args.out)
        return 0
    with tempfile.TemporaryDirectory() as work:
        build(out=work)
        screenshots(Path(work) / "graph.html", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
