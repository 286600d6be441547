"""Helpers for the timer's browser tests and benchmark: Web Audio instrumentation and page setup.

The init script wraps ``AudioScheduledSourceNode.prototype.start`` to record, for every sound,
the ``when`` it was scheduled for and the audio clock's time at the call, and keeps every
AudioContext the page creates so a test can check that they were closed.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hipthrust.cues import build_cues
from hipthrust.plan import plan_from_fields
from hipthrust.timeline import build_timeline

INSTRUMENT_AUDIO = """
(() => {
  const record = { starts: [], contexts: [], phases: [] };
  window.__audio = record;
  const originalStart = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (when = 0, ...rest) {
    record.starts.push({ when, now: this.context.currentTime, wall: performance.now() });
    return originalStart.call(this, when, ...rest);
  };
  const Original = window.AudioContext;
  if (!Original) return; // a test took Web Audio away
  window.AudioContext = class extends Original {
    constructor(...args) {
      super(...args);
      record.contexts.push(this);
    }
  };
})();
"""

WATCH_PHASES = """
() => {
  const label = document.querySelector('[data-testid="phase-label"]');
  window.__audio.phases = [label.textContent];
  new MutationObserver(() => {
    const text = label.textContent;
    const phases = window.__audio.phases;
    if (phases[phases.length - 1] !== text) phases.push(text);
  }).observe(label, { childList: true, characterData: true, subtree: true });
}
"""

BOOT_TIMEOUT_MS = 120_000


def open_timer(page: Any, site_url: str, query: str = "", lookahead: float | None = None) -> None:
    """Open the timer with the audio instrumented; wait until Python has checked the plan."""
    script = INSTRUMENT_AUDIO
    if lookahead is not None:
        script += f"\nwindow.hipthrustTimerLookahead = {lookahead};"
    page.add_init_script(script)
    page.goto(f"{site_url}tools/tempo-timer/{query}")
    page.wait_for_selector('[data-python="ready"]', timeout=BOOT_TIMEOUT_MS)
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=30_000)
    page.evaluate(WATCH_PHASES)


def audio_record(page: Any) -> dict[str, Any]:
    return page.evaluate(
        "() => ({starts: window.__audio.starts, phases: window.__audio.phases,"
        " states: window.__audio.contexts.map((c) => c.state)})"
    )


# ---------------------------------------------------------------------------------------- tests

pytestmark = pytest.mark.browser

SHORT = {"tempo": "1-0-1-0", "reps": "2", "sets": "1", "legs": "one", "lead_in": "0"}


def _query(fields: dict[str, str]) -> str:
    return "?" + "&".join(f"{key}={value}" for key, value in fields.items())


def _planned_times(fields: dict[str, str]) -> list[float]:
    return [cue.time for cue in build_cues(build_timeline(plan_from_fields(dict(fields))))]


def _wait_done(page: Any, timeout_ms: int = 30_000) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"phase-label\"]').textContent === 'DONE'",
        timeout=timeout_ms,
    )


def _assert_on_plan(starts: list[dict[str, float]], planned: list[float]) -> None:
    """Every sound was queued ahead of the audio clock, at origin + its planned time."""
    assert len(starts) == len(planned)
    origin = starts[0]["when"] - planned[0]
    for start, time in zip(starts, planned, strict=True):
        assert start["when"] == pytest.approx(origin + time, abs=1e-6)
        assert start["when"] > start["now"], (
            "a sound was scheduled late (in the audio clock's past)"
        )


def test_short_run_shows_the_phases_in_order_and_schedules_every_beep(page, site_url):
    open_timer(page, site_url, _query(SHORT))
    page.get_by_test_id("start-button").click()
    _wait_done(page)
    record = audio_record(page)
    assert record["phases"] == ["READY", "UP", "DOWN", "UP", "DOWN", "DONE"]
    _assert_on_plan(record["starts"], _planned_times(SHORT))
    assert page.get_by_test_id("rep-counter").text_content() == "Rep 2 of 2"
    assert page.get_by_test_id("set-counter").text_content() == "Set 1 of 1"
    assert page.get_by_test_id("leg-label").text_content() == "Right leg"


def test_pause_keeps_the_remaining_time_and_resume_carries_on(page, site_url):
    fields = {"tempo": "3-0-3-0", "reps": "2", "sets": "1", "legs": "one", "lead_in": "0"}
    open_timer(page, site_url, _query(fields))
    page.get_by_test_id("start-button").click()
    page.wait_for_timeout(1200)
    page.get_by_test_id("pause-button").click()
    page.wait_for_selector('[data-state="paused"]')
    page.wait_for_timeout(200)  # the audio context finishes suspending
    run = page.locator("[data-timer-run]")
    before = float(run.get_attribute("data-elapsed") or "nan")
    countdown = page.locator("[data-timer-countdown]").text_content()
    page.wait_for_timeout(1500)
    after = float(run.get_attribute("data-elapsed") or "nan")
    assert after == pytest.approx(before, abs=0.01)
    assert page.locator("[data-timer-countdown]").text_content() == countdown
    assert page.get_by_test_id("pause-button").text_content() == "Resume"
    page.get_by_test_id("pause-button").click()
    page.wait_for_timeout(1000)
    resumed = float(run.get_attribute("data-elapsed") or "nan")
    assert 0.7 < resumed - after < 1.5
    # The whole run still ends on plan: the sounds queued before the pause kept their places.
    _wait_done(page)
    _assert_on_plan(audio_record(page)["starts"], _planned_times(fields))


def test_a_busy_main_thread_does_not_delay_any_cue(page, site_url):
    fields = {"tempo": "1-0-1-0", "reps": "4", "sets": "1", "legs": "one", "lead_in": "0"}
    # A 2 s queue instead of 30 s, so cues are queued while the page is busy, not all at start.
    open_timer(page, site_url, _query(fields), lookahead=2)
    page.get_by_test_id("start-button").click()
    for _ in range(12):
        page.evaluate(
            "() => { const end = performance.now() + 500; while (performance.now() < end) {} }"
        )
        page.wait_for_timeout(100)
    _wait_done(page)
    record = audio_record(page)
    _assert_on_plan(record["starts"], _planned_times(fields))
    walls = [start["wall"] for start in record["starts"]]
    assert walls[-1] - walls[0] > 3000, "later cues should have been queued during the run"


def test_invalid_tempo_shows_the_message_and_disables_start(page, site_url):
    open_timer(page, site_url)
    error = page.get_by_test_id("tempo-error")
    assert error.is_hidden()
    page.get_by_test_id("tempo-input").fill("3-0-1")
    page.wait_for_selector('[data-testid="tempo-error"]:not([hidden])')
    assert "four numbers like 3-0-1-1" in (error.text_content() or "")
    assert page.get_by_test_id("start-button").is_disabled()
    page.get_by_test_id("tempo-input").fill("3011")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])')
    assert error.is_hidden()


def test_bad_numbers_show_inline_messages(page, site_url):
    open_timer(page, site_url)
    page.get_by_test_id("reps-input").fill("0")
    page.get_by_test_id("rest-input").fill("601")
    page.wait_for_selector("#timer-rest_sets-error:not([hidden])")
    assert "1 to 50" in (page.locator("#timer-reps-error").text_content() or "")
    assert "0 to 600" in (page.locator("#timer-rest_sets-error").text_content() or "")
    assert page.get_by_test_id("start-button").is_disabled()


def test_leaving_the_page_stops_the_run_and_its_sound(page, site_url):
    open_timer(page, site_url)
    page.get_by_test_id("start-button").click()
    page.wait_for_selector('[data-state="running"]')
    page.wait_for_timeout(500)
    assert audio_record(page)["states"] == ["running"]
    # What Material's instant navigation does: swap the page content and emit `document$`; the
    # site's app.js then unmounts the tool. (On the loopback test server Material does full page
    # loads instead, because site_url's path differs, so the swap is made here.)
    page.evaluate(
        "() => { document.querySelector('[data-tool]').remove(); document$.next(document); }"
    )
    page.wait_for_function("() => window.__audio.contexts.every((c) => c.state === 'closed')")
    assert audio_record(page)["states"] == ["closed"]
    assert page.evaluate("() => window.speechSynthesis.speaking") is False


def _press_start(page: Any) -> None:
    """Put a finger (the mouse) down on Start, without lifting it."""
    start = page.get_by_test_id("start-button")
    start.scroll_into_view_if_needed()
    box = start.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()


def test_pressing_start_opens_the_audio_and_the_click_runs_on_it(page, site_url):
    # Opening the audio device is the slow part of the first AudioContext: it happens while the
    # finger is down, and the click then only queues the beeps (tests/bench/python_boot.py).
    open_timer(page, site_url, _query(SHORT))
    _press_start(page)
    assert page.evaluate("() => window.__audio.contexts.length") == 1
    assert page.evaluate("() => window.__audio.starts.length") == 0  # no run yet
    page.mouse.up()  # the click
    page.wait_for_selector('[data-state="running"]')
    page.wait_for_function("() => window.__audio.starts.length > 0")
    assert page.evaluate(
        "() => window.__audio.contexts.length === 1 && window.__audio.contexts[0].state === 'running'"
    )
    _wait_done(page, 10_000)


def test_a_press_on_start_without_a_run_closes_its_audio_when_the_reader_leaves(page, site_url):
    open_timer(page, site_url, _query(SHORT))
    _press_start(page)
    page.mouse.move(5, 5)  # slid off: no click
    page.mouse.up()
    assert page.evaluate("() => document.querySelector('[data-tool]').dataset.state") != "running"
    page.evaluate(
        "() => { document.querySelector('[data-tool]').remove(); document$.next(document); }"
    )
    page.wait_for_function("() => window.__audio.contexts.every((c) => c.state === 'closed')")
    assert page.evaluate("() => window.__audio.contexts.length") == 1


def test_space_starts_and_pauses_and_the_plan_travels_in_the_link(page, site_url):
    fields = {"tempo": "2-1-X-2", "reps": "7", "sets": "2", "legs": "both", "lead_in": "5"}
    open_timer(page, site_url, _query(fields))
    assert page.get_by_test_id("tempo-input").input_value() == "2-1-X-2"
    assert page.get_by_test_id("reps-input").input_value() == "7"
    page.locator("h1").click()
    page.keyboard.press("Space")
    page.wait_for_selector('[data-state="running"]')
    assert page.get_by_test_id("phase-label").text_content() == "GET READY"
    page.keyboard.press("Space")
    page.wait_for_selector('[data-state="paused"]')
    # Remembered on the device: a fresh visit without the link shows the same plan.
    page.get_by_test_id("stop-button").click()
    page.goto(f"{site_url}tools/tempo-timer/")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=BOOT_TIMEOUT_MS)
    assert page.get_by_test_id("tempo-input").input_value() == "2-1-X-2"


def test_skip_rest_jumps_to_the_next_phase_on_plan(page, site_url):
    fields = {"tempo": "1-0-1-0", "reps": "2", "sets": "1", "legs": "one", "lead_in": "20"}
    open_timer(page, site_url, _query(fields))
    page.get_by_test_id("start-button").click()
    page.wait_for_selector('[data-testid="skip-button"]:not([disabled])')
    assert page.get_by_test_id("phase-label").text_content() == "GET READY"
    page.wait_for_timeout(500)
    page.get_by_test_id("skip-button").click()
    assert page.get_by_test_id("phase-label").text_content() == "UP"
    assert float(page.locator("[data-timer-run]").get_attribute("data-elapsed") or "0") >= 20
    _wait_done(page, timeout_ms=10_000)
    starts = audio_record(page)["starts"]
    # the lead-in's opening sound, then the skipped rest's ticks (queued, then cancelled), then
    # the reps: these keep their spacing on the audio clock after the jump.
    reps = starts[-5:]
    gaps = [b["when"] - a["when"] for a, b in itertools.pairwise(reps)]
    assert gaps == pytest.approx([1, 1, 1, 1], abs=1e-6)
    # The first UP sounds at the tap (it is due the moment the rest ends); the rest are ahead.
    assert reps[0]["when"] == pytest.approx(reps[0]["now"], abs=0.05)
    assert all(s["when"] > s["now"] for s in reps[1:])


NOTHING_EXTRA = """
delete window.AudioContext;
delete window.webkitAudioContext;
delete Navigator.prototype.wakeLock;
delete Navigator.prototype.vibrate;
"""


def test_without_sound_vibration_or_wake_lock_the_timer_runs_and_says_what_is_off(page, site_url):
    page.add_init_script(NOTHING_EXTRA)
    open_timer(page, site_url, _query(SHORT))
    limits = page.get_by_test_id("timer-limits")
    text = limits.text_content() or ""
    assert "No sound" in text and "No vibration" in text and "screen may sleep" in text
    page.get_by_test_id("start-button").click()
    _wait_done(page)
    assert audio_record(page)["phases"] == ["READY", "UP", "DOWN", "UP", "DOWN", "DONE"]
    assert audio_record(page)["starts"] == []


FAKE_WAKE_LOCK = """
(() => {
  const log = [];
  window.__wake = log;
  const wakeLock = {
    request: async (type) => {
      const sentinel = new EventTarget();
      sentinel.release = async () => {
        log.push("release");
        sentinel.dispatchEvent(new Event("release"));
      };
      log.push(`request ${type}`);
      window.__sentinel = sentinel;
      return sentinel;
    },
  };
  Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => wakeLock });
})();
"""


def test_coming_back_to_the_page_takes_the_wake_lock_and_the_audio_clock_again(page, site_url):
    page.add_init_script(FAKE_WAKE_LOCK)
    open_timer(page, site_url)
    page.get_by_test_id("start-button").click()
    page.wait_for_function("() => window.__wake.length === 1")
    assert page.evaluate("() => window.__wake") == ["request screen"]
    # Hidden page or locked screen: the browser drops the wake lock and (iOS) interrupts audio.
    page.evaluate(
        "async () => { window.__sentinel.dispatchEvent(new Event('release'));"
        " await window.__audio.contexts[0].suspend(); }"
    )
    assert audio_record(page)["states"] == ["suspended"]
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    page.wait_for_function("() => window.__audio.contexts[0].state === 'running'")
    page.wait_for_function("() => window.__wake.length === 2")
    page.get_by_test_id("stop-button").click()
    assert page.evaluate("() => window.__wake") == ["request screen", "request screen", "release"]
    assert audio_record(page)["states"] == ["closed"]
    assert page.get_by_test_id("phase-label").text_content() == "READY"


# The figure's frame and the phase shown, read together.
FRAME_AND_PHASE = """() => [
  document.querySelector("[data-timer-figure]").dataset.frame ?? null,
  document.querySelector('[data-testid="phase-label"]').dataset.kind,
]"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_the_figure_moves_with_the_tempo_unless_motion_is_reduced(browser, site_url, motion):
    from hipthrust.timer_figure import FRAMES

    context = browser.new_context(reduced_motion=motion)
    try:
        page = context.new_page()
        fields = {"tempo": "1-0-4-0", "reps": "1", "sets": "1", "legs": "one", "lead_in": "0"}
        open_timer(page, site_url, _query(fields))
        figure = page.locator("[data-timer-figure]")
        assert figure.get_attribute("data-frame") == "0"  # the bottom
        page.get_by_test_id("start-button").click()
        # The run has drawn its first frame (on a busy machine that can be later than a sample).
        page.wait_for_selector("[data-tool][data-state='running']", state="attached")
        samples = []
        for _ in range(12):  # sample the 4 s drive up, and only it (a slow sample may land later)
            page.wait_for_timeout(250)
            frame, kind = page.evaluate(FRAME_AND_PHASE)
            if kind == "up":
                samples.append(int(frame or "-1"))
        assert len(samples) >= 5, samples
        frames = set(samples)
        if motion == "reduce":
            assert frames == {FRAMES - 1}  # shows where the phase goes, without moving
        else:
            assert len(frames) >= 5 and max(frames) <= FRAMES - 1
    finally:
        context.close()


# -------------------------------------------------------- the clock when the audio cannot run

# The AudioContext never starts, like Firefox with no output device: `suspended` for ever, its
# clock at 0 and resume() never settles.
AUDIO_NEVER_STARTS = """
(() => {
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(...args) {
      super(...args);
      super.suspend();
    }
    get state() { return "suspended"; }
    get currentTime() { return 0; }
    resume() { return new Promise(() => {}); }
  };
})();
"""

NO_SOUND = "No sound: the timer keeps time on screen."

# When the Start tap reached the page, on the page's clock.
TAP_TIME = """() => document.querySelector('[data-testid="start-button"]').addEventListener(
  "click", () => { window.__tapped = performance.now() / 1000; }, { capture: true, once: true })"""


def _renders(page: Any) -> list[tuple[str, float | None, float]]:
    """Every frame the run drew: (phase|rep shown, the run clock's elapsed seconds, wall s)."""
    return [tuple(item) for item in page.evaluate("() => window.__renders")]


# Records each frame of the run as it is drawn: the phase and rep shown, the run clock's
# elapsed time the frame was drawn for (data-elapsed, written in the same frame), and the wall
# time. Both times are read at the same moment, so a late frame on a busy machine shifts the
# frame, not the relation between them.
WATCH_RENDERS = """
() => {
  const label = document.querySelector('[data-testid="phase-label"]');
  const rep = document.querySelector('[data-testid="rep-counter"]');
  const panel = document.querySelector('[data-timer-run]');
  const now = () => {
    const elapsed = panel.dataset.elapsed === undefined ? null : Number(panel.dataset.elapsed);
    return [`${label.textContent}|${rep.textContent}`, elapsed, performance.now() / 1000];
  };
  window.__renders = [now()];
  new MutationObserver(() => {
    const frame = now();
    const last = window.__renders[window.__renders.length - 1];
    if (frame[0] !== last[0] || frame[1] !== last[1]) window.__renders.push(frame);
  }).observe(panel, { childList: true, characterData: true, subtree: true, attributes: true,
    attributeFilter: ["data-elapsed"] });
}
"""


ROUNDING = 0.0005  # data-elapsed has 3 decimals


def _phase_changes(renders: list[tuple[str, float | None, float]]) -> list[int]:
    """Indices of the frames where the phase or rep shown changed."""
    return [i for i in range(1, len(renders)) if renders[i][0] != renders[i - 1][0]]


def _assert_on_the_run_clock(
    renders: list[tuple[str, float | None, float]],
    fields: dict[str, str],
    per_phase_s: float,
    whole_run_s: float,
) -> None:
    """Each phase appears in the first frame drawn at or past its planned start on the run
    clock (never early, never a frame late), DONE at the end; and the run clock kept to real
    time: its elapsed against the wall clock, both read in the same frames, drifts by at most
    per_phase_s within a phase and whole_run_s over the run (a lost or repeated beat is 0.5 s
    or more). Frame times are the machine's; these relations are the timer's."""
    timeline = build_timeline(plan_from_fields(dict(fields)))
    starts = [segment.start for segment in timeline.segments]
    changes = _phase_changes(renders)
    # From the second shown phase: the first is shown at the tap, during the start delay.
    for number, i in enumerate(changes[1:], start=1):
        boundary = starts[number] if number < len(starts) else timeline.total
        before, at = renders[i - 1][1], renders[i][1]
        assert before is not None and before < boundary + ROUNDING, (renders[i], before, boundary)
        if not renders[i][0].startswith("DONE"):  # DONE writes no elapsed
            assert at is not None and at > boundary - ROUNDING, (renders[i], at, boundary)
    timed = [
        (i, elapsed, wall)
        for i, (shown, elapsed, wall) in enumerate(renders)
        if elapsed is not None and elapsed > 0 and not shown.startswith("DONE")  # DONE: no elapsed
    ]
    _, e0, w0 = timed[0]
    drift = {i: (e - e0) - (w - w0) for i, e, w in timed}
    worst = max(drift.values(), key=abs)
    assert abs(worst) <= whole_run_s, f"run clock {worst:+.3f} s off the wall clock"
    at_changes = [drift[i] for i in changes if i in drift]
    per_phase = [b - a for a, b in itertools.pairwise(at_changes)]
    assert max(map(abs, per_phase)) <= per_phase_s, f"drift per phase (s): {per_phase}"


def test_audio_that_never_starts_falls_back_to_the_screen_clock_on_time(page, site_url):
    page.add_init_script(AUDIO_NEVER_STARTS)
    open_timer(page, site_url, _query(SHORT))
    page.evaluate(WATCH_RENDERS)
    page.evaluate(TAP_TIME)
    page.get_by_test_id("start-button").click()
    # The message shows while the set runs (it goes with the run once DONE).
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"timer-limits\"]').textContent.includes({NO_SOUND!r})",
        timeout=3000,
    )
    _wait_done(page, 10_000)
    renders = _renders(page)
    shown = [renders[0][0], *(renders[i][0] for i in _phase_changes(renders))]
    assert [text.split("|")[0] for text in shown] == ["READY", "UP", "DOWN", "UP", "DOWN", "DONE"]
    # The screen clock took over from the start: phases on the run clock, which kept to real time.
    _assert_on_the_run_clock(renders, SHORT, per_phase_s=0.02, whole_run_s=0.05)
    # The first second-long phase ends the start grace (0.4 s) plus the start delay after the
    # tap, give or take a busy machine's frames (its frame, not the clock, can come late).
    first_down = renders[_phase_changes(renders)[1]][2] - page.evaluate("() => window.__tapped")
    assert 1.0 < first_down < 2.5


def test_audio_suspended_mid_set_for_10_s_loses_no_rep_and_comes_back(page, site_url):
    fields = {"tempo": "1-0-1-0", "reps": "10", "sets": "1", "legs": "one", "lead_in": "0"}
    open_timer(page, site_url, _query(fields))
    page.evaluate(WATCH_RENDERS)
    page.get_by_test_id("start-button").click()
    page.wait_for_timeout(2500)
    # The system takes the audio (iOS: a call) while the set runs, and refuses it back until the
    # call ends.
    page.evaluate(
        "() => { const c = window.__audio.contexts[0]; c.__resume = c.resume;"
        " c.resume = () => Promise.reject(new DOMException('interrupted', 'InvalidStateError'));"
        " return c.suspend(); }"
    )
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"timer-limits\"]').textContent.includes({NO_SOUND!r})",
        timeout=2000,
    )
    suspended_at = page.evaluate("() => performance.now() / 1000")
    page.wait_for_timeout(10_000)
    # The call ends: nobody taps anything, the timer asks for the audio again by itself.
    page.evaluate("() => { const c = window.__audio.contexts[0]; c.resume = c.__resume; }")
    page.wait_for_function(
        f"() => !document.querySelector('[data-testid=\"timer-limits\"]').textContent.includes({NO_SOUND!r})",
        timeout=3000,
    )
    resumed_at = page.evaluate("() => performance.now() / 1000")
    _wait_done(page, 15_000)
    renders = _renders(page)
    shown = [renders[i][0] for i in _phase_changes(renders)]
    expected = [f"{word}|Rep {rep} of 10" for rep in range(1, 11) for word in ("UP", "DOWN")]
    assert [renders[0][0], *shown][: len(expected) + 1] == ["READY|Rep \u2013 of 10", *expected]
    assert shown[-1].startswith("DONE")  # no rep lost, none repeated
    # On time through the switch both ways: each phase in the first frame past its start on the
    # run clock, and the run clock (audio, then the screen, then audio again) kept to real time.
    _assert_on_the_run_clock(renders, fields, per_phase_s=0.1, whole_run_s=0.2)
    # Sounds: one mapping before the suspension, one after; no cue queued twice, none in the gap.
    planned = _planned_times(fields)
    record = audio_record(page)["starts"]
    before = [s for s in record if s["wall"] / 1000 < suspended_at]
    after = [s for s in record if s["wall"] / 1000 > resumed_at - 0.5]
    assert len(before) + len(after) == len(record)
    assert before and after
    origin_after = after[-1]["when"] - planned[-1]  # the last sound is the "done" cue
    indices = [round(s["when"] - origin_after, 3) for s in after]
    assert len(set(indices)) == len(indices)
    assert all(any(abs(i - t) < 1e-3 for t in planned) for i in indices)
    assert all(s["when"] >= s["now"] for s in after), "a re-queued sound was scheduled late"
