"""Benchmark: the largest main-thread task of ours on each tool page, from navigation to "Python
ready" in a fresh profile, in CPU time and in wall time (tests/main_thread.py reads the trace).
Prints medians over several runs, and the machine's load average, so the two measures can be
compared on a quiet and on a busy machine: the tests judge CPU time (budget
tests/main_thread.py::TASK_BUDGET_MS) because wall time grows with the load.

    .venv/bin/python -m tests.bench.main_thread_tasks [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.main_thread import TASK_BUDGET_MS, traced
from tests.support import CHROMIUM_ARGS, TOOL_PAGES, build_site, chromium_path, serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; budget"
          f" {TASK_BUDGET_MS:.0f} ms of CPU per task of ours")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = build_site(Path(tmp) / "site")
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with serve(site) as url:
            for path in TOOL_PAGES:
                cpu, wall, count = [], [], []
                for _ in range(args.runs):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto("about:blank")
                    with traced(page) as tasks:
                        page.goto(url + path)
                        page.wait_for_selector(
                            "[data-tool][data-python='ready']", state="attached", timeout=120_000
                        )
                    ours = [t for t in tasks if t.ours_ms > 0]
                    largest = max(ours, key=lambda t: t.ours_ms)
                    cpu.append(largest.ours_ms)
                    wall.append(largest.wall_ms)
                    count.append(len(ours))
                    context.close()
                print(
                    f"{path:24} largest task of ours: {statistics.median(cpu):5.1f} ms CPU,"
                    f" {statistics.median(wall):6.1f} ms wall (median of {args.runs});"
                    f" {statistics.median(count):.0f} tasks of ours to ready"
                )
        browser.close()


if __name__ == "__main__":
    main()
