"""Long frames of the main thread, attributed to scripts with the Long Animation Frames API
(LoAF: ``PerformanceObserver`` type ``long-animation-frame``, Chromium 123+).

A long task says only that the main thread was busy; a long animation frame also lists the
scripts that ran in it (``sourceURL``, ``invoker``, ``duration``, the style and layout they
forced), so a test can tell the site's own code from Material's bundle (``assets/javascripts/
bundle.*.js``), from the browser parsing and laying out the page, and from a busy machine.

Ours = a script entry whose ``sourceURL`` is under the site's ``javascripts/`` (the page's own
modules, and Comlink under ``javascripts/vendor/``, through which Python's answers arrive); its
duration includes the style and layout it forced.

Budget: OUR_FRAME_BUDGET_MS = 100 ms of our script in any one frame, RAIL's response budget (a
tap answered within 100 ms feels immediate). On this desktop, unloaded, our scripts take at most
about 10 ms in a frame (tests/bench/tool_frames.py); Lighthouse takes a mid-range phone as 4x
slower, so about 40 ms there, within that budget. The rest of the budget absorbs a busy test
machine: script time is wall-clock time, and a descheduled renderer makes a 1 ms step take 70.
Python booting on the main thread (about 2,000 ms) or a mount that lays the page out
synchronously fails it.
"""

from __future__ import annotations

from typing import Any

OUR_FRAME_BUDGET_MS = 100.0

# Installed before any page script: every long animation frame (> 50 ms) with its scripts.
RECORDER = """
window.__longFrames = [];
new PerformanceObserver((list) => {
  for (const frame of list.getEntries()) {
    window.__longFrames.push({
      start: frame.startTime,
      duration: frame.duration,
      blocking: frame.blockingDuration,
      renderStart: frame.renderStart,
      styleAndLayoutStart: frame.styleAndLayoutStart,
      scripts: frame.scripts.map((s) => ({
        url: s.sourceURL,
        invoker: s.invoker,
        type: s.invokerType,
        duration: s.duration,
        forced: s.forcedStyleAndLayoutDuration,
      })),
    });
  }
}).observe({ type: "long-animation-frame", buffered: true });
"""

# Resolves after two more frames, so the frames so far have been reported to the observer.
FLUSH = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


def long_frames(page: Any) -> list[dict[str, Any]]:
    page.evaluate(FLUSH)
    frames: list[dict[str, Any]] = page.evaluate("window.__longFrames")
    return frames


def ours(script: dict[str, Any], site_url: str) -> bool:
    return str(script["url"]).startswith(site_url + "javascripts/")


def our_time(frame: dict[str, Any], site_url: str) -> float:
    """Milliseconds of our scripts in the frame (with the style and layout they forced)."""
    return sum(s["duration"] for s in frame["scripts"] if ours(s, site_url))


def style_and_layout(frame: dict[str, Any]) -> float:
    """Milliseconds of the frame's rendering style and layout (after its scripts)."""
    if not frame["styleAndLayoutStart"]:
        return 0.0
    return float(frame["start"] + frame["duration"] - frame["styleAndLayoutStart"])


def over_budget(frames: list[dict[str, Any]], site_url: str) -> list[str]:
    """Each frame where our scripts took more than the budget, described for the failure."""
    return [
        describe(frame, site_url)
        for frame in frames
        if our_time(frame, site_url) > OUR_FRAME_BUDGET_MS
    ]


def describe(frame: dict[str, Any], site_url: str) -> str:
    scripts = ", ".join(
        f"{s['invoker'] or s['type']} {s['url'].removeprefix(site_url)} {s['duration']:.0f} ms"
        for s in frame["scripts"]
    )
    return (
        f"frame {frame['duration']:.0f} ms (blocking {frame['blocking']:.0f}, ours"
        f" {our_time(frame, site_url):.0f}, style+layout {style_and_layout(frame):.0f}): {scripts}"
    )
