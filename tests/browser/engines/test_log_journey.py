"""The training log's journey on three engines (issue 20): a set run to DONE, saved from the
prompt with 2 reps in reserve, read back on the Log page, in Chromium, WebKitGTK and Firefox ESR.

It also records how far each engine takes the lock-screen media session (the timer root's
``data-media-session``): ``playing`` means the silent media element plays, which is what the
platforms need before they show media controls; what a locked phone then shows cannot be seen
from here (no phone), so the expectation per engine is what these engines do on this machine.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.browser.engines.driver import ENGINES

pytestmark = [pytest.mark.browser, pytest.mark.engines]

BOOT_S = 120  # WebKit starts Python 2-3x slower than Chromium (issue 10 §2)
# Three reps (6 s): WebKitGTK's media pipeline can take a few seconds to start the silent element.
ONE_SET = "?tempo=1-0-1-0&reps=3&sets=1&legs=one&lead_in=0"
TOOL = "document.querySelector('[data-tool]')"
PROMPT = "document.querySelector('[data-testid=\"log-prompt\"]')"
# What each engine here does with the media session while a set runs (see the module's note).
MEDIA_SESSION = {name: "playing" for name in ENGINES}


def _boot(engine: Any, url: str) -> None:
    engine.goto(url)
    engine.wait(f"{TOOL}?.dataset.python === 'ready'", BOOT_S)


def _until(engine: Any, expression: str, timeout: float = BOOT_S) -> None:
    """Poll through a navigation: while the next page loads, a script may fail to run at all."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if engine.eval(expression):
                return
        except Exception:  # the page between two documents
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{engine.name}: never true within {timeout} s: {expression}")


@pytest.mark.parametrize("name", ENGINES)
def test_a_set_saved_from_the_prompt_shows_in_the_log(
    open_engine: Any, engine_url: str, name: str
) -> None:
    engine = open_engine(name)
    _boot(engine, f"{engine_url}tools/tempo-timer/{ONE_SET}")
    engine.wait("!document.querySelector('[data-testid=\"start-button\"]').disabled")
    engine.click('[data-testid="start-button"]')
    engine.wait(f"{TOOL}.dataset.state === 'running'", 5)
    # While the set runs: the Media Session API, and the silent element that makes it show.
    assert engine.eval("'mediaSession' in navigator") is True
    engine.wait(f"{TOOL}.dataset.mediaSession === {MEDIA_SESSION[name]!r}", 5)
    running = engine.eval(f"{TOOL}.dataset.state")
    print(f"\n{name}: media session {MEDIA_SESSION[name]} while the set is {running}")
    assert running == "running"
    engine.wait(f"!{PROMPT}.hidden", 15)
    assert engine.eval("document.querySelectorAll('[data-testid=\"log-reps\"]').length") == 1
    engine.click('[data-testid="log-rir"][data-rir="2"]')
    engine.click('[data-testid="log-save"]')
    engine.wait("document.querySelector('[data-testid=\"log-saved\"]') !== null", 15)

    # The lifter follows the prompt's link to the log (WebKit's page lives in a frame, which a
    # link navigates like any page).
    engine.click('[data-testid="log-saved"] a')
    _until(
        engine, f"location.pathname.endsWith('/tools/log/') && {TOOL}?.dataset.state === 'ready'"
    )
    entry = engine.eval(
        "[...document.querySelectorAll('[data-testid=\"log-entry\"]')]"
        ".map((e) => [e.dataset.leg, e.dataset.reps, e.dataset.rir])"
    )
    assert entry == [["right", "3", "2"]]
    actions = engine.eval(
        "[...document.querySelectorAll('[data-testid=\"log-advice\"]')].map((e) => e.dataset.action)"
    )
    assert len(actions) == 1
    assert engine.errors() == []
