"""Long frames of the main thread, attributed to scripts with the Long Animation Frames API
(LoAF: ``PerformanceObserver`` type ``long-animation-frame``, Chromium 123+).

A long task says only that the main thread was busy; a long animation frame also lists the
scripts that ran in it (``sourceURL``, ``invoker``, ``duration``, the style and layout they
forced), so a test can tell the site's own code from Material's bundle (``assets/javascripts/
bundle.*.js``), from the browser parsing and laying out the page, and from a busy machine.

Ours = a script entry whose ``sourceURL`` is under the site's ``javascripts/`` (the page's own
modules, and Comlink under ``javascripts/vendor/``, through which Python's answers arrive); its
duration includes the style and layout it forced.

For the benchmark (tests/bench/tool_frames.py), which prints wall-clock figures of a quiet
machine. The tests judge CPU time instead (tests/main_thread.py): wall time on a busy machine
measures the machine.
"""

from __future__ import annotations

from typing import Any

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
