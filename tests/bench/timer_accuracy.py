"""Tempo timer accuracy: planned vs actual cue times over a real 2-minute run, main thread loaded.

Runs the built site in headless Chromium. In the same page and the same run, beside the site's
timer (beeps queued ahead on the audio clock), two naive timers of the usual kind play each beep
"now" from a ``setInterval(…, 100)`` callback once it is due: one counts its ticks (the most
common way, which drifts when callbacks are late), one compares ``performance.now()`` with its
start (no drift, but only as punctual as its callbacks). All three play through the same
AudioContext, so all are measured on the one audio clock:

- planned time = the context's time when Start created it + the timer's start delay + the cue's
  time from ``hipthrust`` (worked out here in Python, not read back from the page);
- actual time = when the sound really starts: ``max(when, currentTime at the start() call)``.

The main thread is kept busy for 400 ms out of every 1,000 ms for the whole run.

    .venv/bin/python -m tests.bench.timer_accuracy
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from hipthrust.cues import build_cues
from hipthrust.plan import plan_from_fields
from hipthrust.timeline import build_timeline
from tests.support import CHROMIUM_ARGS, build_site, chromium_path, serve

FIELDS = {
    "tempo": "2-1-1-1",
    "reps": "5",
    "sets": "2",
    "legs": "both",
    "rest_legs": "5",
    "rest_sets": "10",
    "lead_in": "5",
}
START_DELAY = 0.15  # docs/javascripts/timer/run.js START_DELAY
BUSY_MS, EVERY_MS = 400, 1000

INSTRUMENT = """
(() => {
  const record = { starts: [], contexts: [], createdAt: null };
  window.__audio = record;
  const originalStart = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (when = 0, ...rest) {
    record.starts.push({ when, now: this.context.currentTime, naive: this.__naive ?? "" });
    return originalStart.call(this, when, ...rest);
  };
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(...args) {
      super(...args);
      record.contexts.push(this);
      if (record.createdAt === null) record.createdAt = this.currentTime;
    }
  };
})();
"""

START_NAIVE_AND_LOAD = """
([cueTimes, startDelay, busyMs, everyMs]) => {
  // Two naive timers started by the same tap, each playing a beep "now" from a setInterval
  // callback when a cue is due: "count" adds up 100 ms ticks (the most common way), "poll"
  // compares performance.now() with its start (no drift, but only as punctual as its callback).
  document.querySelector('[data-testid="start-button"]').addEventListener("click", () => {
    const context = window.__audio.contexts[0];
    const beep = (kind) => {
      const oscillator = context.createOscillator();
      oscillator.__naive = kind;
      oscillator.connect(context.destination);
      oscillator.start();
      oscillator.stop(context.currentTime + 0.02);
    };
    const naive = (kind, elapsed) => {
      let next = 0;
      const interval = setInterval(() => {
        const now = elapsed();
        while (next < cueTimes.length && cueTimes[next] <= now + 1e-9) {
          beep(kind);
          next += 1;
        }
        if (next >= cueTimes.length) clearInterval(interval);
      }, 100);
    };
    setTimeout(() => {
      let ticks = 0;
      naive("count", () => (ticks += 1) * 0.1);
      const start = performance.now();
      naive("poll", () => (performance.now() - start) / 1000);
    }, startDelay * 1000);
    // The load: a busy main thread for busyMs out of every everyMs.
    window.__load = setInterval(() => {
      const end = performance.now() + busyMs;
      while (performance.now() < end) {}
    }, everyMs);
  });
}
"""


def _errors_ms(starts: list[dict[str, float]], planned: list[float]) -> list[float]:
    if len(starts) != len(planned):
        raise RuntimeError(f"{len(starts)} sounds for {len(planned)} cues")
    return [abs(max(s["when"], s["now"]) - p) * 1000 for s, p in zip(starts, planned, strict=True)]


def _summary(errors_ms: list[float]) -> dict[str, float]:
    return {
        "worst_ms": round(max(errors_ms), 3),
        "median_ms": round(statistics.median(errors_ms), 3),
    }


def main(argv: list[str] | None = None) -> None:
    del argv  # no options: the plan and the load are fixed so runs compare
    from playwright.sync_api import sync_playwright

    cue_times = [c.time for c in build_cues(build_timeline(plan_from_fields(dict(FIELDS))))]
    total = cue_times[-1]
    query = "?" + "&".join(f"{k}={v}" for k, v in FIELDS.items())
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(build_site(Path(tmp))) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(INSTRUMENT)
        page.goto(f"{url}tools/tempo-timer/{query}")
        page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=180_000)
        page.evaluate(START_NAIVE_AND_LOAD, [cue_times, START_DELAY, BUSY_MS, EVERY_MS])
        page.get_by_test_id("start-button").click()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"phase-label\"]').textContent === 'DONE'",
            timeout=int((total + 60) * 1000),
            polling=1000,
        )
        # The counting timer falls behind under load: wait for its last beep too.
        page.wait_for_function(
            f"() => window.__audio.starts.filter((s) => s.naive).length >= {2 * len(cue_times)}",
            timeout=int((total * 3 + 60) * 1000),
            polling=1000,
        )
        record = page.evaluate(
            "() => { clearInterval(window.__load); const a = window.__audio;"
            " return {starts: a.starts, createdAt: a.createdAt,"
            " rate: a.contexts[0].sampleRate}; }"
        )
        browser.close()
    origin = record["createdAt"] + START_DELAY
    planned = [origin + t for t in cue_times]
    ours = _errors_ms([s for s in record["starts"] if not s["naive"]], planned)
    poll = _errors_ms([s for s in record["starts"] if s["naive"] == "poll"], planned)
    count = _errors_ms([s for s in record["starts"] if s["naive"] == "count"], planned)
    floor = 1000 / record["rate"]  # one audio frame: the clock's resolution

    def ratio(naive: float, exact: float) -> int:
        # Our errors are below one audio frame: floor them there so the ratio is finite.
        return round(naive / max(exact, floor))

    figures = {
        "run_seconds": total,
        "cues": len(cue_times),
        "load": f"busy {BUSY_MS} ms of every {EVERY_MS} ms",
        "audio_frame_ms": round(floor, 4),
        "audio_clock": _summary(ours),
        "setInterval_polling_clock": _summary(poll),
        "setInterval_counting_ticks": _summary(count),
        "ratio_polling_worst": ratio(max(poll), max(ours)),
        "ratio_polling_median": ratio(statistics.median(poll), statistics.median(ours)),
        "ratio_counting_worst": ratio(max(count), max(ours)),
        "ratio_counting_median": ratio(statistics.median(count), statistics.median(ours)),
    }
    json.dump(figures, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
