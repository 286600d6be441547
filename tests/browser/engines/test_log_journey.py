"""The training log's journey on three engines (issue 20): a set run to DONE, saved from the
prompt with 2 reps in reserve, read back on the Log page, in Chromium, WebKitGTK and Firefox ESR.

It also records how far each engine takes the lock-screen media session (the timer root's
``data-media-session``): ``playing`` means the silent media element plays, which is what the
platforms need before they show media controls; what a locked phone then shows cannot be seen
from here (no phone), so the expectation per engine is what these engines do on this machine.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.engines.driver import ENGINES

pytestmark = [pytest.mark.browser, pytest.mark.engines]

BOOT_S = 120  # WebKit starts Python 2-3x slower than Chromium (issue 10 §2)
ONE_SET = "?tempo=1-0-1-0&reps=1&sets=1&legs=one&lead_in=0"
TOOL = "document.querySelector('[data-tool]')"
PROMPT = "document.querySelector('[data-testid=\"log-prompt\"]')"
# What each engine here does with the media session while a set runs (see the module's note).
MEDIA_SESSION = {"chromium": "playing", "webkit": "playing", "firefox": "playing"}


def _boot(engine: Any, url: str) -> None:
    engine.goto(url)
    engine.wait(f"{TOOL}?.dataset.python === 'ready'", BOOT_S)


@pytest.mark.parametrize("name", ENGINES)
def test_a_set_saved_from_the_prompt_shows_in_the_log(
    open_engine: Any, engine_url: str, name: str
) -> None:
    engine = open_engine(name)
    _boot(engine, f"{engine_url}tools/tempo-timer/{ONE_SET}")
    engine.wait("!document.querySelector('[data-testid=\"start-button\"]').disabled")
    engine.click('[data-testid="start-button"]')
    engine.wait(f"{TOOL}.dataset.state === 'running'", 5)
    media = engine.eval(f"[('mediaSession' in navigator), {TOOL}.dataset.mediaSession || '']")
    engine.wait(f"!{PROMPT}.hidden", 15)
    media = [media[0], engine.eval(f"{TOOL}.dataset.mediaSession || ''")]
    print(f"\n{name}: mediaSession API {media[0]}, silent element {media[1]}")
    assert media[1] == MEDIA_SESSION[name], media
    assert engine.eval("document.querySelectorAll('[data-testid=\"log-reps\"]').length") == 1
    engine.click('[data-testid="log-rir"][data-rir="2"]')
    engine.click('[data-testid="log-save"]')
    engine.wait("document.querySelector('[data-testid=\"log-saved\"]') !== null", 15)

    _boot(engine, f"{engine_url}tools/log/")
    engine.wait(f"{TOOL}.dataset.state === 'ready'", 30)
    entry = engine.eval(
        "[...document.querySelectorAll('[data-testid=\"log-entry\"]')]"
        ".map((e) => [e.dataset.leg, e.dataset.reps, e.dataset.rir])"
    )
    assert entry == [["right", "1", "2"]]
    actions = engine.eval(
        "[...document.querySelectorAll('[data-testid=\"log-advice\"]')].map((e) => e.dataset.action)"
    )
    assert len(actions) == 1
    assert engine.errors() == []
