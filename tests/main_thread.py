"""The page's main-thread tasks in CPU time, from a Chromium trace, and which of them are ours.

Why CPU time: a wall-clock measure (long tasks, Long Animation Frames) times the machine as much
as the page. On a busy 2-core machine a task that computes for 5 ms can take 100 ms to finish,
because the renderer waits for a core; the suite then failed on the load, not on the code
(issue 16 §5: 207 and 221 ms "long tasks" on a busy machine, none of them Python). The trace
gives every task's thread time (``tdur``: CPU time of that thread), which the load does not
inflate.

Which time is ours: in a task (``RunTask`` on a ``CrRendererMain`` thread) that one of the site's
own scripts entered (a script URL under ``javascripts/``: the tool, the Python client, Comlink
through which Python answers; or an inline script of our page), the whole task's CPU time: the
callback, the message it unpacked, the continuations it resolved, the style and layout it
forced; less the other parties' entries (the theme's bundle under ``assets/javascripts/``, the
test driver's calls, which have no URL) and the HTML parser's own time. In a task nobody
entered (promise continuations after a fetch or an IndexedDB reply, a module graph's
evaluation: on our pages only our code is written as modules), only that JavaScript's time and
what it forced: the browser may run such a microtask checkpoint inside a frame's rendering or a
GC, and those are not ours (a CI run charged us 54 ms of a 59 ms task that way). A task the
theme or the driver entered is not ours.

Budget: TASK_BUDGET_MS = 50 ms of main-thread CPU in any one task of ours, the platform's own
line for a long task (and RAIL's: a tap answered within 100 ms needs tasks under 50). On this
desktop our largest task to Python ready takes 2-5 ms of CPU (python -m
tests.bench.main_thread_tasks prints it per tool page; it read 13-14 ms while the driver's own
calls were charged to us); a phone 4x slower is far within. Python booting on the main thread
(about 2,000 ms of CPU) or a mount that lays the whole page out at once fails it.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

TASK_BUDGET_MS = 50.0

# RunTask and thread times: the timeline's hidden category; script entries, parsing and module
# compile/evaluate: devtools.timeline and v8; promise continuations: v8.execute.
CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8",
    "v8.execute",
]
ENTRIES = ("FunctionCall", "EvaluateScript", "v8.compileModule")
JAVASCRIPT = (*ENTRIES, "v8.evaluateModule", "RunMicrotasks")


@dataclass(frozen=True)
class Task:
    """One main-thread task that ran JavaScript: when, how long, whose."""

    start_ms: float  # trace clock
    wall_ms: float
    cpu_ms: float  # thread time of the whole task
    ours_ms: float  # thread time spent for our code (0 when the task is not ours)
    scripts: tuple[str, ...]  # entry script URLs, in order
    heaviest: tuple[str, ...] = ()  # its costliest kinds of event, e.g. "Layout 12 ms"

    def describe(self, site_url: str) -> str:
        names = ", ".join(url.removeprefix(site_url) or "(no URL)" for url in self.scripts)
        return (
            f"task of {self.ours_ms:.0f} ms CPU ours ({self.cpu_ms:.0f} ms CPU,"
            f" {self.wall_ms:.0f} ms wall): {names or 'promise continuations / module code'}"
            f" [{', '.join(self.heaviest)}]"
        )


# Resolves in a later task of the main thread. A page.evaluate() answers from inside the task
# that settled its promise; tracing stopped then would end before that task's own end (12 runs:
# one lost the task it measured), so the trace waits for the thread to move on.
NEXT_TASK = "() => new Promise((resolve) => setTimeout(resolve, 0))"


@contextmanager
def traced(page: Any) -> Iterator[list[Task]]:
    """Trace the browser while the block runs; the list fills with the tasks when it ends."""
    browser = page.context.browser
    tasks: list[Task] = []
    browser.start_tracing(page=page, categories=CATEGORIES)
    try:
        yield tasks
    finally:
        if not page.is_closed():
            page.evaluate(NEXT_TASK)
        tasks.extend(javascript_tasks(browser.stop_tracing(), page.url))


def javascript_tasks(trace: bytes, page_url: str) -> list[Task]:
    """The renderer main threads' tasks that ran JavaScript, with our share of each.

    ``page_url`` is any URL of the page: its origin's ``javascripts/`` is ours."""
    data = json.loads(trace)
    events = data["traceEvents"] if isinstance(data, dict) else data
    mains = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
        and e["args"]["name"] == "CrRendererMain"
    }  # fmt: skip
    by_thread: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e.get("tid")) in mains:
            by_thread[(e["pid"], e["tid"])].append(e)
    site = _site_of(page_url)
    tasks = []
    for thread_events in by_thread.values():
        thread_events.sort(key=lambda e: e["ts"])
        starts = [e["ts"] for e in thread_events]
        for task in thread_events:
            if task["name"] != "RunTask":
                continue
            inside = thread_events[
                bisect_right(starts, task["ts"]) : bisect_left(starts, task["ts"] + task["dur"])
            ]
            found = _task(task, inside, site)
            if found:
                tasks.append(found)
    return sorted(tasks, key=lambda t: t.start_ms)


def over_budget(tasks: list[Task], site_url: str) -> list[str]:
    """Each task of ours over the budget, described for the failure message."""
    return [t.describe(site_url) for t in tasks if t.ours_ms > TASK_BUDGET_MS]


def _site_of(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/"


def _url(event: dict[str, Any]) -> str:
    data = (event.get("args") or {}).get("data") or {}
    return str(data.get("url") or "")


def _cpu(event: dict[str, Any]) -> float:
    return float(event.get("tdur", 0)) / 1000


def _task(task: dict[str, Any], inside: list[dict[str, Any]], site: str) -> Task | None:
    if not any(e["name"] in JAVASCRIPT for e in inside):
        return None
    entries = [e for e in inside if e["name"] in ENTRIES]
    scripts = tuple(_url(e) for e in entries)

    def ours(url: str) -> bool:
        # Our modules, and inline scripts of our pages (the page's own URL on our origin).
        return url.startswith(site) and "/assets/javascripts/" not in url

    outermost = _outermost(entries)
    if any(ours(url) for url in scripts):
        # A task we entered is ours whole (the message it unpacked, the continuations it
        # resolved, the style and layout it forced), less the other parties' entries: the
        # theme's scripts and the test driver's (an entry with no URL: page.evaluate,
        # Playwright's injected script), and the HTML parser's time around inline scripts.
        others = sum(_cpu(e) for e in outermost if not ours(_url(e)))
        parsing = sum(
            _cpu(e) - sum(_cpu(s) for s in _within(e, entries) if ours(_url(s)))
            for e in inside
            if e["name"] == "ParseHTML"
        )
        ours_ms = max(0.0, _cpu(task) - others - parsing)
    elif not entries:
        # Nobody entered it: continuations of a fetch or an IndexedDB reply, a module graph's
        # evaluation (on our pages only our code is a module). Only their JavaScript is ours,
        # with what it forced: a frame's rendering or a GC in the same task is not (CI: a task
        # of 59 ms CPU with a bare microtask checkpoint was charged 54 ms this way).
        ours_ms = sum(_cpu(e) for e in _outermost([e for e in inside if e["name"] in JAVASCRIPT]))
    else:
        ours_ms = 0.0  # entered by the theme or the driver: their continuations are theirs
    return Task(
        start_ms=task["ts"] / 1000,
        wall_ms=task["dur"] / 1000,
        cpu_ms=_cpu(task),
        ours_ms=ours_ms,
        scripts=scripts,
        heaviest=_heaviest(inside),
    )


def _heaviest(inside: list[dict[str, Any]]) -> tuple[str, ...]:
    """The task's three costliest kinds of event by CPU, for a failure message."""
    totals: dict[str, float] = defaultdict(float)
    for e in _outermost(inside):
        totals[e["name"]] += _cpu(e)
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:3]
    return tuple(f"{name} {ms:.0f} ms" for name, ms in top)


def _within(outer: dict[str, Any], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    end = outer["ts"] + outer.get("dur", 0)
    return [e for e in events if e is not outer and outer["ts"] <= e["ts"] < end]


def _outermost(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events not nested in another (a nested event's time is in its parent's)."""
    out: list[dict[str, Any]] = []
    for e in events:  # sorted by start
        if out and e["ts"] < out[-1]["ts"] + out[-1].get("dur", 0):
            continue
        out.append(e)
    return out
