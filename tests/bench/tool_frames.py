"""Benchmark: the tool pages' long animation frames once Python is ready (the tool's mount and
first render), measured with the Long Animation Frames API (tests/bench/long_frames.py). Prints, per
page, the median over the runs of the longest frame from the "python-ready" mark until the tool
has settled: its duration, blocking time, style and layout, and our scripts' time; and the
longest time our scripts took in any one frame of the whole visit. Times on a shared machine
swing with its load, so it also counts the work itself, from a Chrome trace over the same span:
elements whose style was recalculated (UpdateLayoutTree elementCount) and layout objects laid out
again (Layout dirtyObjects), and the largest single layout.

    .venv/bin/python -m tests.bench.tool_frames [--runs N] [--site DIR]

Each run is a fresh browser context (cold caches), like a first visit.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.bench.long_frames import RECORDER, long_frames, our_time, style_and_layout
from tests.support import CHROMIUM_ARGS, build_site, chromium_path, serve

# The tool has settled: the timer's plan is checked (Start enabled), the checker waits for a photo.
SETTLED = {
    "tools/tempo-timer/": "[data-testid='start-button']:not([disabled])",
    "tools/angle-checker/": "[data-tool][data-python='ready'][data-photo='none']",
}


TRACE_CATEGORIES = "devtools.timeline,blink.user_timing"


def style_and_layout_work(events: list[dict[str, Any]]) -> dict[str, float]:
    """Restyled elements and laid-out objects after the page's "python-ready" mark."""
    ready = min((e["ts"] for e in events if e.get("name") == "python-ready"), default=None)
    after = [e for e in events if ready is not None and e["ts"] >= ready and e.get("ph") != "E"]
    restyled = [e["args"].get("elementCount", 0) for e in after if e["name"] == "UpdateLayoutTree"]
    layouts = [
        e["args"].get("beginData", {}).get("dirtyObjects", 0)
        for e in after
        if e["name"] == "Layout"
    ]
    return {
        "restyled": float(sum(restyled)),
        "laid_out": float(sum(layouts)),
        "largest_layout": float(max(layouts, default=0)),
    }


def one_visit(context: Any, url: str, settled: str) -> dict[str, float]:
    page = context.new_page()
    page.add_init_script(RECORDER)
    cdp = context.new_cdp_session(page)
    events: list[dict[str, Any]] = []
    cdp.on("Tracing.dataCollected", lambda data: events.extend(data["value"]))
    cdp.send("Tracing.start", {"categories": TRACE_CATEGORIES, "transferMode": "ReportEvents"})
    page.goto(url)
    page.wait_for_selector(settled, state="attached", timeout=120_000)
    ready = page.evaluate("performance.getEntriesByName('python-ready')[0]?.startTime ?? 0")
    frames = long_frames(page)
    done: list[bool] = []
    cdp.on("Tracing.tracingComplete", lambda _: done.append(True))
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(100)
    page.close()
    after = [f for f in frames if f["start"] + f["duration"] >= ready]
    site = url.split("tools/")[0]
    worst = max(after, key=lambda f: f["duration"], default=None)
    return {
        "frame": worst["duration"] if worst else 0.0,
        "blocking": worst["blocking"] if worst else 0.0,
        "style_layout": style_and_layout(worst) if worst else 0.0,
        "ours": our_time(worst, site) if worst else 0.0,
        "ours_any_frame": max((our_time(f, site) for f in frames), default=0.0),
        **style_and_layout_work(events),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for path, settled in SETTLED.items():
                runs = []
                for _ in range(args.runs):
                    context = browser.new_context()
                    runs.append(one_visit(context, base + path, settled))
                    context.close()
                medians = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                print(
                    f"{path}: after Python is ready, longest frame {medians['frame']:.0f} ms"
                    f" (blocking {medians['blocking']:.0f}, style+layout"
                    f" {medians['style_layout']:.0f}, our scripts {medians['ours']:.0f});"
                    f" our scripts in any frame at most {medians['ours_any_frame']:.0f} ms"
                    f" (medians of {args.runs} runs; each run's frame: "
                    + ", ".join(f"{r['frame']:.0f}" for r in runs)
                    + ")",
                    flush=True,
                )
                print(
                    f"  work after Python is ready: {medians['restyled']:.0f} elements restyled,"
                    f" {medians['laid_out']:.0f} layout objects laid out (largest layout"
                    f" {medians['largest_layout']:.0f})",
                    flush=True,
                )
            browser.close()


if __name__ == "__main__":
    main()
