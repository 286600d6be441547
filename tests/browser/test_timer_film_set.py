"""'Film this set' (issue 19 §1, issue 20 §2) in Chromium: the timer films the set with the
rear camera (Chromium's fake camera: a moving test pattern, no person), hands the recording to
the set review with the plan's tempo and the logged entries, and the review adds its measured
tempo to the log. A refused camera is said in the page and the set runs anyway; with the switch
off nothing asks for the camera.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_timer import _query, _wait_done, audio_record, open_timer
from tests.browser.test_timer_handsfree import ONE_SET, PROMPT, _save_with_rir_2
from tests.review_page import TIMEOUT_MS, open_review, wait_finished
from tests.support import CHROMIUM_ARGS, PHONE, chromium_path

pytestmark = pytest.mark.browser

# Counts the page's camera requests (and keeps what it asked for) before any script runs.
COUNT_CAMERA = """
(() => {
  window.__camera = [];
  const devices = navigator.mediaDevices;
  if (!devices) return;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (constraints) => {
    window.__camera.push(constraints);
    return original(constraints);
  };
})();
"""


def _film_and_start(page: Any, site_url: str) -> None:
    page.add_init_script(COUNT_CAMERA)
    open_timer(page, site_url, _query(ONE_SET))
    page.get_by_test_id("film-set").check()
    page.get_by_test_id("start-button").click()


def test_a_filmed_set_opens_its_review_with_the_plan_and_the_logged_entry(
    browser: Any, site_url: str
) -> None:
    fake = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    )
    try:
        context = fake.new_context(**PHONE, permissions=["camera"])
        page = context.new_page()
        _film_and_start(page, site_url)
        page.wait_for_selector("[data-tool][data-filming='recording']", timeout=30_000)
        assert page.evaluate("window.__camera") == [
            {"video": {"facingMode": "environment"}, "audio": False}
        ]
        page.wait_for_selector(PROMPT, timeout=30_000)
        assert audio_record(page)["phases"][-1] == "DONE"  # the timer's sound ran to the end
        page.locator('[data-testid="log-rir"][data-rir="2"]').click()
        page.get_by_test_id("log-save").click()  # saved, then the review opens
        page.wait_for_url("**/tools/set-review/**", timeout=30_000)
        query = page.evaluate("Object.fromEntries(new URLSearchParams(location.search))")
        assert query["tempo"] == ONE_SET["tempo"]
        assert query["step"] == "single-leg-hip-thrust"
        logged = page.evaluate(
            """async (id) => (await (await import("../../javascripts/log/store.js"))
                .allEntries()).filter((e) => e.id === id).map((e) => e.rir)""",
            query["entries"],
        )
        assert logged == [2]  # the entry the prompt just saved
        assert query["recording"].startswith("rec-")
        page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)
        assert page.get_by_test_id("video-target-tempo").input_value() == ONE_SET["tempo"]
        # The fake camera shows nobody: analysed, answered "none", and the logged set kept.
        assert wait_finished(page) == "none"
        assert page.get_by_test_id("video-error").is_hidden()
        page.get_by_test_id("video-log-status").wait_for(state="visible")
        line = page.get_by_test_id("video-log-status").text_content()
        assert "no measured tempo was added. What you logged is kept as you saved it." in line
        context.close()
    finally:
        fake.close()


def test_a_skipped_prompt_still_opens_the_review_without_log_entries(
    browser: Any, site_url: str
) -> None:
    fake = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    )
    try:
        context = fake.new_context(**PHONE, permissions=["camera"])
        page = context.new_page()
        _film_and_start(page, site_url)
        page.wait_for_selector(PROMPT, timeout=30_000)
        page.get_by_test_id("log-skip").click()
        page.wait_for_url("**/tools/set-review/**", timeout=30_000)
        query = page.evaluate("Object.fromEntries(new URLSearchParams(location.search))")
        assert query["tempo"] == ONE_SET["tempo"] and "entries" not in query
        page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)
        assert wait_finished(page) == "none"
        assert page.get_by_test_id("video-log-status").is_hidden()
        context.close()
    finally:
        fake.close()


def test_a_refused_camera_is_said_and_the_set_still_runs(browser: Any, site_url: str) -> None:
    context = browser.new_context(**PHONE)  # no camera permission: the request is refused
    try:
        page = context.new_page()
        _film_and_start(page, site_url)
        page.wait_for_selector("[data-tool][data-filming='failed']", timeout=30_000)
        _wait_done(page)
        status = page.get_by_test_id("film-set-status").text_content()
        assert status.startswith("Filming was not possible"), status
        assert audio_record(page)["phases"][-1] == "DONE"
        _save_with_rir_2(page)
        assert "tempo-timer" in page.url  # no recording: nothing to review, the page stays
    finally:
        context.close()


def test_with_the_switch_off_nothing_asks_for_the_camera(page: Any, site_url: str) -> None:
    page.add_init_script(COUNT_CAMERA)
    open_timer(page, site_url, _query(ONE_SET))
    assert not page.get_by_test_id("film-set").is_checked()  # off by default
    page.get_by_test_id("start-button").click()
    _wait_done(page)
    assert page.evaluate("window.__camera") == []
    assert page.get_by_test_id("film-set-status").text_content() == ""


def test_the_switch_is_remembered(page: Any, site_url: str) -> None:
    open_timer(page, site_url, _query(ONE_SET))
    page.get_by_test_id("film-set").check()
    page.reload()
    page.wait_for_selector('[data-testid="start-button"]:not([disabled])', timeout=TIMEOUT_MS)
    assert page.get_by_test_id("film-set").is_checked()


def test_the_review_adds_its_measured_tempo_to_the_named_entries(page: Any, site_url: str) -> None:
    open_review(page, site_url)
    measured = {"lowering": 2.6, "bottom_pause": 0.1, "drive": 1.2, "top_hold": 0.9}
    found = page.evaluate(
        """async (measured) => {
            const store = await import("../../javascripts/log/store.js");
            const toLog = await import("../../javascripts/review/to-log.js");
            const entry = { id: "film-set-test", date: "2026-12-01", rir: 2, tempo: null };
            await store.addEntries([entry]);
            const line = await toLog.addTempoToLog(["film-set-test"], { state: "done", measured });
            const none = await toLog.addTempoToLog(["film-set-test"], { state: "none" });
            const gone = await toLog.addTempoToLog(["no-such-entry"], { state: "done", measured });
            const kept = (await store.allEntries()).find((e) => e.id === "film-set-test");
            return { line, none, gone, kept };
        }""",
        measured,
    )
    assert found["kept"]["tempo"] == measured and found["kept"]["rir"] == 2
    assert found["line"] == "The measured tempo was added to your log for this set."
    assert found["none"].endswith("What you logged is kept as you saved it.")
    assert found["gone"].startswith("The measured tempo was not added to your log.")
    assert "no-such-entry" in found["gone"]
