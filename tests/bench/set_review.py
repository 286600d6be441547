"""Set review speed and accuracy, on the built site in headless Chromium (issue 19 §5).

Per test video (tests/data/videos/, truth in truth.json; the 60 s 1080p 30 fps set made by
``python tests/data/videos/make_videos.py --bench`` into .cache/videos/, when it is there):
rep count against the truth, phase errors (median and worst, s), time from choosing the video to
the table (s, and against the video's duration), the pose model's time per frame (the worker's
own, and the page's round trip), how the frames were decoded, the renderer's CPU time (all its
threads, and the busiest one: the model's worker; on a busy machine the wall clock measures the
other processes, CPU time does not), and peak memory: the page's JS heap
(``performance.memory``, sampled) and the renderer process's peak resident size (``VmHWM`` of the
Chromium renderer that runs the page and its workers, from /proc; one fresh browser per video, so
the peak is that video's).

``--fps 5 10 15`` also runs every video at those sampling rates (the page's ``SAMPLE_FPS`` is
swapped in the served ``review/run.js`` for the run): how the rate was chosen.

Run: ``.venv/bin/python -m tests.bench.set_review [--fps N ...] [--only NAME]``
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.review_page import (
    TIMEOUT_MS,
    TRUTH,
    VIDEOS,
    choose,
    open_review,
    phase_errors,
    rows,
    wait_finished,
)
from tests.support import CHROMIUM_ARGS, ROOT, build_site, chromium_path, serve

BENCH_VIDEO = ROOT / ".cache" / "videos" / "bridge_60s_1080p.mp4"
STEP = "glute-bridge"
SAMPLE_S = 1.0
SAMPLE_FPS = re.compile(r"export const SAMPLE_FPS = \d+(\.\d+)?;")


def bench_truth() -> dict[str, Any]:
    """The 60 s set's truth: 20 joined copies of the real clip (as make_videos.py builds it)."""
    spec = importlib.util.spec_from_file_location("make_videos", VIDEOS / "make_videos.py")
    assert spec and spec.loader
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    copies = 20
    phases = make.merged([p for k in range(copies) for p in make.forward(k * make.CLIP)])
    duration = copies * make.CLIP
    return {"duration": duration, "reps": make.reps(phases, duration)}


def renderer_threads(browser: Any) -> dict[tuple[int, int], float]:
    """CPU seconds used so far by each thread of each renderer process, by (pid, tid)."""
    session = browser.new_browser_cdp_session()
    ticks = os.sysconf("SC_CLK_TCK")
    threads: dict[tuple[int, int], float] = {}
    for process in session.send("SystemInfo.getProcessInfo")["processInfo"]:
        if process["type"] != "renderer":
            continue
        for task in Path(f"/proc/{process['id']}/task").glob("*"):
            try:
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the thread ended
            # utime and stime are the 14th and 15th fields of stat (12th, 13th after the name).
            threads[process["id"], int(task.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return threads


class RssSampler(threading.Thread):
    """Samples the renderers' resident size (MB) every SAMPLE_S while the video is read, to show
    whether memory grows with the video's length or stays flat."""

    def __init__(self, browser: Any) -> None:
        super().__init__(daemon=True)
        session = browser.new_browser_cdp_session()
        infos = session.send("SystemInfo.getProcessInfo")["processInfo"]
        self.pids = [p["id"] for p in infos if p["type"] == "renderer"]
        self.samples: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_S):
            total = 0
            for pid in self.pids:
                try:
                    found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
                except OSError:
                    continue
                total += int(found.group(1)) if found else 0
            self.samples.append(total / 1024)

    def quarters(self) -> str:
        """RSS at a quarter, half, three quarters and the end of the run (MB)."""
        n = len(self.samples)
        if n < 4:
            return "too short to sample"
        return " / ".join(f"{self.samples[min(n - 1, n * q // 4)]:.0f}" for q in (1, 2, 3, 4))


def renderer_peak_kb(browser: Any) -> int:
    """The largest VmHWM (peak resident set, kB) among this browser's renderer processes."""
    session = browser.new_browser_cdp_session()
    peak = 0
    for process in session.send("SystemInfo.getProcessInfo")["processInfo"]:
        if process["type"] != "renderer":
            continue
        status = Path(f"/proc/{process['id']}/status")
        if status.exists():
            found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
            peak = max(peak, int(found.group(1)) if found else 0)
    return peak


def run_one(url: str, video: Path, truth: dict[str, Any], fps: float | None) -> dict[str, Any]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()
        if fps is not None:

            def swap(route: Any) -> None:
                body = route.fetch().text()
                route.fulfill(body=SAMPLE_FPS.sub(f"export const SAMPLE_FPS = {fps};", body),
                              content_type="text/javascript")  # fmt: skip

            context.route("**/javascripts/review/run.js", swap)
        page = context.new_page()
        open_review(page, url, f"?step={STEP}")
        # The model's first download is not the video's time: load it before the clock starts.
        page.evaluate(
            "(u) => import(u).then((m) => m.startPose())", url + "javascripts/review/pose.js"
        )
        page.evaluate(
            """() => { window.__heap = 0; setInterval(() => {
                window.__heap = Math.max(window.__heap, performance.memory?.usedJSHeapSize ?? 0);
            }, 200); }"""
        )
        cpu_before = renderer_threads(browser)
        sampler = RssSampler(browser)
        sampler.start()
        started = time.perf_counter()
        choose(page, video)
        state = wait_finished(page, timeout=max(TIMEOUT_MS, 20 * 60_000))
        sampler.stop.set()
        seconds = time.perf_counter() - started
        cpu = {
            key: used - cpu_before.get(key, 0.0) for key, used in renderer_threads(browser).items()
        }
        found = rows(page)
        stats = page.evaluate(
            "(u) => import(u).then((m) => m.poseStats)", url + "javascripts/review/pose.js"
        )
        result = {
            "state": state,
            "reps": len(found),
            "truth": len(truth["reps"]),
            "errors": phase_errors(found, truth["reps"])
            if len(found) == len(truth["reps"])
            else [],
            "seconds": seconds,
            "duration": truth["duration"],
            "frames": stats["frames"],
            "model_ms": stats["modelMs"] / max(1, stats["frames"]),
            "trip_ms": stats["roundTripMs"] / max(1, stats["frames"]),
            "decode": page.locator(".review-ui").get_attribute("data-decode"),
            "heap_mb": page.evaluate("window.__heap") / 1e6,
            "rss_mb": renderer_peak_kb(browser) / 1024,
            "rss_quarters": sampler.quarters(),
            "cpu_s": sum(cpu.values()),
            "busiest_s": max(cpu.values(), default=0.0),
        }
        browser.close()
        return result


def report(name: str, fps: float | None, r: dict[str, Any]) -> None:
    errors = r["errors"]
    # Two cores: the busiest thread (the model's worker) on one, everything else on the other.
    idle = max(r["busiest_s"], r["cpu_s"] / 2)
    if errors:
        phase = f"phase error median {statistics.median(errors):.2f} s, worst {max(errors):.2f} s"
    else:
        phase = "no phases" if r["reps"] == r["truth"] else "phase errors: n/a (rep count differs)"
    print(
        f"{name} @ {fps or 'page'} fps: {r['state']}, {r['reps']} reps (truth {r['truth']}); "
        f"{phase}; {r['seconds']:.1f} s for {r['duration']:.1f} s of video "
        f"({r['seconds'] / r['duration']:.2f}x); {r['frames']} frames, model "
        f"{r['model_ms']:.0f} ms/frame (round trip {r['trip_ms']:.0f}); decode {r['decode']}; "
        f"peak JS heap {r['heap_mb']:.0f} MB, renderer peak RSS {r['rss_mb']:.0f} MB "
        f"(RSS at 1/4, 1/2, 3/4, end: {r['rss_quarters']}); "
        f"renderer CPU {r['cpu_s']:.1f} s, busiest thread {r['busiest_s']:.1f} s: on an idle "
        f"2-core machine about {idle:.1f} s ({idle / r['duration']:.2f}x the video)",
        flush=True,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fps", type=float, nargs="*", default=[])
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    videos = [(VIDEOS / name, truth) for name, truth in TRUTH.items()]
    if BENCH_VIDEO.exists():
        videos.append((BENCH_VIDEO, bench_truth()))
    else:
        print(f"({BENCH_VIDEO} is missing: make_videos.py --bench makes it)")
    videos = [(v, t) for v, t in videos if args.only in v.name]
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp) / "site")
        with serve(site) as url:
            for fps in [None, *args.fps]:
                for video, truth in videos:
                    report(video.name, fps, run_one(url, video, truth, fps))


if __name__ == "__main__":
    main()
