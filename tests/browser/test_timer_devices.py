"""The timer on devices that differ (issue 10 §3), in Chromium with the difference put in by an
init script: speech voices that arrive late or never, iOS's ``navigator.audioSession`` (set to
"playback" so the silent switch does not mute the beeps; one that throws must not stop the run).
No vibration and no wake lock: test_timer.py (and WebKit shows both for real in
tests/browser/engines/)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_timer import SHORT, _query, _wait_done, open_timer

pytestmark = pytest.mark.browser

NO_VOICE = "Voice unavailable"

# Voices come only when the test says so (as on Chrome and Android, where the list fills in
# after the page loads), or never.
LATE_VOICES = """
(() => {
  const synth = window.speechSynthesis;
  window.__voices = [];
  synth.getVoices = () => window.__voices;
  window.__giveVoices = () => {
    window.__voices = [{ name: "Test voice", lang: "en-GB", default: true }];
    synth.dispatchEvent(new Event("voiceschanged"));
  };
})();
"""


def _limits(page: Any) -> str:
    return page.get_by_test_id("timer-limits").text_content() or ""


def test_voices_that_arrive_late_clear_the_message(page: Any, site_url: str) -> None:
    page.add_init_script(LATE_VOICES)
    open_timer(page, site_url, _query(SHORT))
    assert NO_VOICE in _limits(page)
    page.evaluate("() => window.__giveVoices()")
    page.wait_for_function(
        f"() => !document.querySelector('[data-testid=\"timer-limits\"]').textContent.includes({NO_VOICE!r})"
    )


def test_voices_that_never_come_leave_the_run_on_time(page: Any, site_url: str) -> None:
    page.add_init_script(LATE_VOICES)
    open_timer(page, site_url, _query(SHORT))
    page.get_by_test_id("start-button").click()
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=\"timer-limits\"]').textContent.includes({NO_VOICE!r})"
    )
    _wait_done(page)


def _audio_session(setter: str) -> str:
    return f"""
(() => {{
  const session = {{ _type: "auto", get type() {{ return this._type; }}, set type(value) {{ {setter} }} }};
  window.__session = session;
  Object.defineProperty(Navigator.prototype, "audioSession", {{ configurable: true, get: () => session }});
}})();
"""


def test_the_audio_session_is_set_to_playback_in_the_start_tap(page: Any, site_url: str) -> None:
    page.add_init_script(_audio_session("this._type = value;"))
    open_timer(page, site_url, _query(SHORT))
    assert page.evaluate("() => window.__session.type") == "auto"
    page.get_by_test_id("start-button").click()
    assert page.evaluate("() => window.__session.type") == "playback"
    _wait_done(page)


def test_an_audio_session_that_refuses_does_not_stop_the_run(page: Any, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(_audio_session("throw new TypeError('read-only');"))
    open_timer(page, site_url, _query(SHORT))
    page.get_by_test_id("start-button").click()
    _wait_done(page)
    assert page.evaluate("() => window.__session.type") == "auto"
    assert errors == []
