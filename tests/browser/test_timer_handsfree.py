"""Hands-free from the bench and the log prompt (issue 20), in Chromium at a phone's size.

The media session's buttons are driven the way the phone drives them: the page's own handlers,
captured by wrapping ``navigator.mediaSession.setActionHandler`` before the page runs. The
timer's exactness checks (tests/browser/test_timer.py) then prove that a pause and a resume from
the lock screen lose no rep and move no beep.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from hipthrust.plan import plan_from_fields
from hipthrust.timeline import build_timeline
from tests.browser.test_offline import WAIT_FOR_OFFLINE_COPY, _until
from tests.browser.test_timer import (
    BOOT_TIMEOUT_MS,
    _assert_on_plan,
    _planned_times,
    _query,
    _wait_done,
    audio_record,
    open_timer,
)
from tests.support import PHONE, serve

pytestmark = pytest.mark.browser

# The handlers the page registers, as the platform would call them; null clears one.
CAPTURE_MEDIA_SESSION = """
(() => {
  const media = { handlers: {}, log: [] };
  window.__media = media;
  const session = navigator.mediaSession;
  const original = session.setActionHandler.bind(session);
  session.setActionHandler = (action, handler) => {
    media.handlers[action] = handler;
    media.log.push([action, handler ? "set" : "null"]);
    return original(action, handler);
  };
})();
"""
ONE_SET = {"tempo": "1-0-1-0", "reps": "1", "sets": "1", "legs": "one", "lead_in": "0"}
PROMPT = '[data-testid="log-prompt"]:not([hidden])'


def _phases(fields: dict[str, str]) -> list[str]:
    """The phase words the display shows for this plan, in order (Python's timeline)."""
    words = ["READY"]
    for segment in build_timeline(plan_from_fields(dict(fields))).segments:
        if segment.word != words[-1]:
            words.append(segment.word)
    return [*words, "DONE"]


def _handler(page: Any, action: str) -> None:
    page.evaluate(f"() => window.__media.handlers[{action!r}]({{ action: {action!r} }})")


def _elapsed(page: Any) -> float:
    return float(page.locator("[data-timer-run]").get_attribute("data-elapsed") or "nan")


def test_media_session_pause_and_play_pause_and_resume_the_set_with_no_rep_lost(
    page: Any, site_url: str
) -> None:
    fields = {**ONE_SET, "tempo": "2-0-2-0", "reps": "2"}
    page.add_init_script(CAPTURE_MEDIA_SESSION)
    open_timer(page, site_url, _query(fields))
    page.get_by_test_id("start-button").click()
    page.wait_for_selector('[data-state="running"]')
    # The silent media element plays: what the platforms need to show the controls at all.
    page.wait_for_selector('[data-tool][data-media-session="playing"]')
    registered = page.evaluate("() => Object.keys(window.__media.handlers)")
    assert {"play", "pause", "nexttrack"} <= set(registered)
    # What the lock screen shows: the phase, rep, set and leg, and the site's figure icon.
    metadata = page.evaluate(
        "() => { const m = navigator.mediaSession.metadata;"
        " return { title: m.title, artist: m.artist, art: m.artwork.map((a) => a.src) }; }"
    )
    assert "Rep 1 of 2" in metadata["title"]
    assert metadata["artist"] == "Set 1 of 1 · Right leg"
    assert all(src.endswith(".png") and "/icons/" in src for src in metadata["art"])
    page.wait_for_function(
        "() => Number(document.querySelector('[data-timer-run]').dataset.elapsed) > 0.5"
    )
    _handler(page, "pause")
    page.wait_for_selector('[data-state="paused"]')
    assert page.evaluate("() => navigator.mediaSession.playbackState") == "paused"
    page.wait_for_timeout(200)  # the audio clock finishes suspending
    before = _elapsed(page)
    page.wait_for_timeout(1000)
    assert _elapsed(page) == pytest.approx(before, abs=0.01), "the set ran on while paused"
    _handler(page, "play")
    page.wait_for_selector('[data-state="running"]')
    assert page.evaluate("() => navigator.mediaSession.playbackState") == "playing"
    _wait_done(page)
    record = audio_record(page)
    assert record["phases"] == _phases(fields)  # every phase of both reps, none lost
    _assert_on_plan(record["starts"], _planned_times(fields))
    # Cleared once the set is over: the lock screen no longer drives a finished timer.
    handlers = page.evaluate(
        "() => ['play', 'pause', 'nexttrack'].map((a) => window.__media.handlers[a])"
    )
    assert handlers == [None, None, None]
    assert page.evaluate("() => navigator.mediaSession.metadata") is None


def test_next_track_skips_the_rest(page: Any, site_url: str) -> None:
    fields = {**ONE_SET, "sets": "2", "rest_sets": "60"}
    page.add_init_script(CAPTURE_MEDIA_SESSION)
    open_timer(page, site_url, _query(fields))
    page.get_by_test_id("start-button").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"skip-button\"]').disabled === false",
        timeout=10_000,
    )
    _handler(page, "nexttrack")
    _wait_done(page, 10_000)  # without the skip, the rest alone is 60 s
    assert audio_record(page)["phases"][-1] == "DONE"


def test_a_tap_on_run_focus_pauses_and_two_taps_resume(browser: Any, site_url: str) -> None:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        open_timer(page, site_url, _query({**ONE_SET, "tempo": "3-0-3-0", "reps": "3"}))
        page.get_by_test_id("start-button").click()
        focus = page.get_by_test_id("run-focus")
        page.wait_for_selector('[data-testid="run-focus"][data-focus]')
        box = focus.bounding_box()
        assert box == {"x": 0, "y": 0, "width": 390, "height": 844}, "fills the screen"
        focus.click()
        page.wait_for_selector('[data-state="paused"]')
        focus.click()  # one stray touch does not restart the clock
        page.wait_for_selector('[data-testid="run-focus"][data-focus-armed]')
        page.wait_for_timeout(300)
        assert page.locator("[data-tool]").get_attribute("data-state") == "paused"
        focus.click()  # the second tap within 3 s resumes
        page.wait_for_selector('[data-state="running"]')
    finally:
        context.close()


def test_mid_set_controls_are_at_least_48_px_and_below_the_top_third(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        fields = {**ONE_SET, "legs": "both", "rest_legs": "20", "tempo": "1-0-1-0"}
        open_timer(page, site_url, _query(fields))
        page.get_by_test_id("start-button").click()
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"skip-button\"]').disabled",
            timeout=10_000,
        )
        height = PHONE["viewport"]["height"]
        controls = page.locator('[data-testid="run-focus"] button:visible')
        assert controls.count() == 4  # start (disabled mid-set), pause, skip the rest, stop
        for control in controls.all():
            box = control.bounding_box()
            name = control.text_content()
            assert box["height"] >= 48 and box["width"] >= 48, name
            assert box["y"] >= height / 3, f"{name} is in the top third"
            assert box["y"] + box["height"] <= height, f"{name} is off the screen"
        # The prompt after DONE is in reach of a thumb too.
        page.get_by_test_id("skip-button").click()
        page.wait_for_selector(PROMPT, timeout=15_000)
        for control in page.locator(f"{PROMPT} button").all():
            box = control.bounding_box()
            assert box["height"] >= 48 and box["width"] >= 48, control.text_content()
    finally:
        context.close()


def _save_with_rir_2(page: Any) -> None:
    page.wait_for_selector(PROMPT, timeout=30_000)
    reps = page.get_by_test_id("log-reps")
    assert reps.count() == 1
    assert reps.get_attribute("data-leg") == "right"
    assert reps.input_value() == ONE_SET["reps"]  # pre-filled from the plan
    assert [b.text_content() for b in page.get_by_test_id("log-rir").all()] == [
        "0",
        "1",
        "2",
        "3",
        "4+",
    ]
    page.locator('[data-testid="log-rir"][data-rir="2"]').click()
    page.get_by_test_id("log-save").click()
    page.get_by_test_id("log-saved").wait_for()


def _shows_the_saved_set(page: Any, url: str) -> None:
    page.goto(url + "tools/log/")
    page.wait_for_selector("[data-tool][data-state='ready']", timeout=BOOT_TIMEOUT_MS)
    entry = page.get_by_test_id("log-entry")
    assert entry.count() == 1
    assert entry.get_attribute("data-rir") == "2"
    assert entry.get_attribute("data-reps") == "1"
    assert entry.get_attribute("data-leg") == "right"
    assert entry.get_attribute("data-step") == "single-leg-hip-thrust"


def test_a_set_saved_with_rir_2_survives_a_reload_and_an_offline_reload(
    browser: Any, built_site: Path, tmp_path: Path
) -> None:
    own_site = Path(shutil.copytree(built_site, tmp_path / "site"))
    context = browser.new_context()
    try:
        page = context.new_page()
        with serve(own_site) as url:
            page.goto(url + "tools/tempo-timer/" + _query(ONE_SET))
            page.evaluate(WAIT_FOR_OFFLINE_COPY)
            page.wait_for_selector(
                '[data-testid="start-button"]:not([disabled])', timeout=BOOT_TIMEOUT_MS
            )
            page.get_by_test_id("start-button").click()
            _save_with_rir_2(page)
            ids = page.locator("[data-tool]").get_attribute("data-logged-ids")
            _shows_the_saved_set(page, url)
            page.reload()
            page.wait_for_selector("[data-tool][data-state='ready']", timeout=BOOT_TIMEOUT_MS)
            assert page.get_by_test_id("log-entry").get_attribute("data-id") == ids
            # The Python runtime is on the phone once a tool has loaded it (sw.js).
            _until(
                page,
                """async () => {
                  const names = await caches.keys();
                  const runtime = names.find((name) => name.startsWith("pyodide-"));
                  return runtime && (await (await caches.open(runtime)).keys()).length === 4;
                }""",
            )
        # The server is gone: the log still shows the set, from the phone.
        _shows_the_saved_set(page, url)
        page.reload()
        page.wait_for_selector("[data-tool][data-state='ready']", timeout=BOOT_TIMEOUT_MS)
        assert page.get_by_test_id("log-entry").get_attribute("data-rir") == "2"
    finally:
        context.close()


def test_the_set_review_can_add_its_measured_tempo_to_the_saved_entry(
    page: Any, site_url: str
) -> None:
    open_timer(page, site_url, _query(ONE_SET))
    page.get_by_test_id("start-button").click()
    _save_with_rir_2(page)
    entry_id = page.locator("[data-tool]").get_attribute("data-logged-ids")
    tempo = {"lowering": 2.8, "bottom_pause": 0.2, "drive": 1.1, "top_hold": 0.9}
    updated = page.evaluate(
        "async ([id, tempo]) => (await import('../../javascripts/log/store.js'))"
        ".addMeasuredTempo(id, tempo)",
        [entry_id, tempo],
    )
    assert updated["tempo"] == tempo and updated["rir"] == 2


def test_where_the_log_cannot_be_kept_the_prompt_says_so_and_keeps_the_answers(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'indexedDB', { value: undefined });")
    try:
        page = context.new_page()
        open_timer(page, site_url, _query(ONE_SET))
        page.get_by_test_id("start-button").click()
        page.wait_for_selector(PROMPT, timeout=30_000)
        page.get_by_test_id("log-save").click()  # no reserve chosen yet
        error = page.locator(f"{PROMPT} [role='alert']")
        error.filter(has_text="reps in reserve").wait_for()
        page.locator('[data-testid="log-rir"][data-rir="3"]').click()
        page.get_by_test_id("log-save").click()
        error.filter(has_text="will not keep the log").wait_for()
        assert page.locator(PROMPT).is_visible()
        assert (
            page.locator('[data-testid="log-rir"][data-rir="3"]').get_attribute("aria-pressed")
            == "true"
        )
    finally:
        context.close()


def test_the_timer_asks_which_leg_is_weaker_and_remembers_it(page: Any, site_url: str) -> None:
    open_timer(page, site_url, _query({**ONE_SET, "legs": "both"}))
    assert page.get_by_test_id("first-select").input_value() == "right"
    left = page.locator('[data-testid="weaker-leg"][data-leg="left"]')
    assert left.get_attribute("aria-pressed") == "false"
    left.click()
    assert page.get_by_test_id("first-select").input_value() == "left"
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])')
    page.goto(f"{site_url}tools/tempo-timer/")
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=BOOT_TIMEOUT_MS)
    assert page.get_by_test_id("first-select").input_value() == "left"
    assert left.get_attribute("aria-pressed") == "true"
    page.get_by_test_id("start-button").click()
    page.wait_for_selector('[data-state="running"]')
    assert page.get_by_test_id("leg-label").text_content() == "Left leg"
