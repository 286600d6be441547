"""Tempo timer accuracy: planned vs actual cue times over a real 2-minute run, main thread loaded.

Runs the built site in headless Chromium. In the same page and the same run, beside the site's
timer (beeps queued ahead on the audio clock), a naive timer of the usual kind counts
``setInterval(…, 100)`` ticks and plays each beep "now" when its count reaches the cue time. Both
play through the same AudioContext, so both are measured on the one audio clock:

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
    record.starts.push({ when, now: this.context.currentTime, naive: Boolean(this.__naive) });
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
  // The naive timer: counts 100 ms ticks from the same tap, plays each beep when its count is due.
  document.querySelector('[data-testid="start-button"]').addEventListener("click", () => {
    const context = window.__audio.contexts[0];
    let ticks = 0;
    let next = 0;
    setTimeout(() => {
      const interval = setInterval(() => {
        ticks += 1;
        while (next < cueTimes.length && cueTimes[next] <= ticks * 0.1 + 1e-9) {
          const oscillator = context.createOscillator();
          oscillator.__naive = true;
          oscillator.connect(context.destination);
          oscillator.start();
          oscillator.stop(context.currentTime + 0.02);
          next += 1;
        }
        if (next >= cueTimes.length) clearInterval(interval);
      }, 100);
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


def main() -> None:
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
        page.wait_for_timeout(1500)  # the naive timer's last beep, if it is late
        record = page.evaluate(
            "() => { clearInterval(window.__load); const a = window.__audio;"
            " return {starts: a.starts, createdAt: a.createdAt,"
            " rate: a.contexts[0].sampleRate}; }"
        )
        browser.close()
    origin = record["createdAt"] + START_DELAY
    planned = [origin + t for t in cue_times]
    ours = _errors_ms([s for s in record["starts"] if not s["naive"]], planned)
    naive = _errors_ms([s for s in record["starts"] if s["naive"]], planned)
    frame_ms = 1000 / record["rate"]
    figures = {
        "run_seconds": total,
        "cues": len(cue_times),
        "load": f"busy {BUSY_MS} ms of every {EVERY_MS} ms",
        "audio_clock_worst_ms": round(max(ours), 4),
        "audio_clock_median_ms": round(statistics.median(ours), 4),
        "setInterval_worst_ms": round(max(naive), 1),
        "setInterval_median_ms": round(statistics.median(naive), 1),
        "audio_frame_ms": round(frame_ms, 4),
    }
    # Our errors are below one audio frame (the clock's resolution): floor them there for a ratio.
    figures["ratio_worst"] = round(max(naive) / max(max(ours), frame_ms))
    figures["ratio_median"] = round(
        statistics.median(naive) / max(statistics.median(ours), frame_ms)
    )
    json.dump(figures, sys.stdout, indent=2)
    print()
    print(
        f"worst cue error: audio clock {figures['audio_clock_worst_ms']} ms vs setInterval "
        f"{figures['setInterval_worst_ms']} ms (≥{figures['ratio_worst']}x); median "
        f"{figures['audio_clock_median_ms']} ms vs {figures['setInterval_median_ms']} ms "
        f"(≥{figures['ratio_median']}x), over {total:g} s and {len(cue_times)} cues"
    )


if __name__ == "__main__":
    main()
