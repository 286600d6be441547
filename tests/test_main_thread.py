"""Who is charged for a main-thread task (tests/main_thread.py), on made-up traces: each case is a
shape of task the browser tests met, so a change to the rule shows here before it shows on CI."""

from __future__ import annotations

import json
from typing import Any

from tests.main_thread import TASK_BUDGET_MS, javascript_tasks, over_budget

SITE = "http://127.0.0.1:8000/"
OURS = SITE + "javascripts/tools/set-review.js"
THEME = SITE + "assets/javascripts/bundle.min.js"
PID, TID = 1, 7


def _event(name: str, start_ms: float, cpu_ms: float, url: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "ph": "X",
        "name": name,
        "pid": PID,
        "tid": TID,
        "ts": start_ms * 1000,
        "dur": cpu_ms * 1000,
        "tdur": cpu_ms * 1000,
    }
    if url is not None:
        event["args"] = {"data": {"url": url}}
    return event


def _trace(*events: dict[str, Any]) -> bytes:
    name = {"ph": "M", "name": "thread_name", "pid": PID, "tid": TID}
    return json.dumps([{**name, "args": {"name": "CrRendererMain"}}, *events]).encode()


def _ours(*inside: dict[str, Any], task_ms: float = 60.0) -> float:
    tasks = javascript_tasks(_trace(_event("RunTask", 0, task_ms), *inside), SITE + "tools/")
    assert len(tasks) == 1
    return tasks[0].ours_ms


def test_a_frame_with_a_bare_microtask_checkpoint_charges_only_the_microtasks() -> None:
    # The CI case: style and layout of a frame, and 2 ms of continuations in the same task.
    ours = _ours(
        _event("UpdateLayoutTree", 1, 25),
        _event("Layout", 26, 30),
        _event("RunMicrotasks", 57, 2),
    )
    assert ours == 2


def test_continuations_nobody_entered_are_ours_with_what_they_forced() -> None:
    ours = _ours(_event("RunMicrotasks", 1, 55), _event("Layout", 10, 20))  # forced inside
    assert ours == 55
    tasks = javascript_tasks(
        _trace(_event("RunTask", 0, 60), _event("RunMicrotasks", 1, 55)), SITE + "tools/"
    )
    assert over_budget(tasks, SITE) and tasks[0].ours_ms > TASK_BUDGET_MS


def test_a_task_we_entered_is_ours_whole_less_the_other_parties() -> None:
    # Our message handler (10 ms) after the theme's callback (30 ms), in a task of 55 ms: the
    # message's unpacking and the frame around them are ours, the theme's call is not.
    ours = _ours(
        _event("FunctionCall", 1, 30, THEME),
        _event("FunctionCall", 35, 10, OURS),
        _event("Layout", 46, 8),
        task_ms=55,
    )
    assert ours == 25


def test_the_drivers_calls_and_their_continuations_are_not_ours() -> None:
    # page.evaluate / Playwright's injected script: an entry with no URL.
    assert _ours(_event("EvaluateScript", 1, 40, ""), _event("RunMicrotasks", 42, 15)) == 0


def test_the_themes_tasks_are_not_ours() -> None:
    assert _ours(_event("FunctionCall", 1, 55, THEME), _event("RunMicrotasks", 57, 2)) == 0


def test_the_parsers_time_around_an_inline_script_is_not_ours() -> None:
    ours = _ours(
        _event("ParseHTML", 1, 50),
        _event("EvaluateScript", 10, 5, SITE + "tools/"),  # our inline script, inside the parse
    )
    assert ours == 15  # the task's 10 ms outside the parse, and the script's 5
