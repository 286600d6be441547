"""The progression rule applied to the training log: per leg, what to do next time.

The rule and its words live in :mod:`hipthrust.programming` ("When to move up"); this module only
reads one leg's last session of a step through it. Which row's numbers apply: the step's own row
(a row's key is its step's key), or the harder row the timer ran (``top-hold``,
:data:`hipthrust.programming.EXTRA_ROWS`). The result names the
outcome, says why in the lifter's numbers, gives the rule's own words and a link to them, and the
plan for next time (step, reps a set, load).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .log_sessions import LegSession
from .programming import (
    EXTRA_ROWS,
    LOAD_JUMP,
    PROGRESSION_RULE_BY_KEY,
    ROWS_BY_KEY,
    Outcome,
    Row,
    Thresholds,
    thresholds,
)
from .steps import STEPS, STEPS_BY_KEY
from .steps import row as step_row

RULE_LINK: Final = "programming/#when-to-move-up"


@dataclass(frozen=True, slots=True)
class NextTime:
    step: str
    reps: int  # a set (a leg)
    load: float | None
    unit: str


@dataclass(frozen=True, slots=True)
class Advice:
    leg: str
    step: str
    row: str
    action: Outcome
    reason: str  # what the log shows, in the lifter's numbers
    next: NextTime


def row_for(leg: LegSession) -> Row:
    """The row whose numbers the rule uses for this session: the step's, or the harder one run."""
    if leg.preset in EXTRA_ROWS:
        return ROWS_BY_KEY[leg.preset]
    return step_row(leg.step)


def _reserve(value: int) -> str:
    return "4 or more" if value >= 4 else str(value)


def _target(row: Row) -> str:
    low, high = row.rir
    return f"{low}\N{EN DASH}{high}" if low != high else str(low)


def decide(leg: LegSession, row: Row) -> tuple[Outcome, str]:
    """The rule's outcome for one leg's session and the reason, in the order the rule checks."""
    t = thresholds(row)
    sets = leg.entries
    target = f"the row asks {_target(row)} in reserve"
    for e in sets:
        if e["pain"]:
            return "ease-off", f"You noted pain on set {e['set']}."
    for e in sets:
        if e["reps"] < t.bottom:
            return "ease-off", (
                f"Set {e['set']} had {e['reps']} reps, short of the bottom of the range ({t.bottom})."
            )
    for e in sets:
        if e["rir"] < t.ease_below:
            return "ease-off", f"Set {e['set']} had {_reserve(e['rir'])} in reserve; {target}."
    for e in sets:
        if e["hips_level"] is False:
            return "repeat", f"Your hips did not stay level on set {e['set']}."
    for e in sets:
        if e["rir"] < t.reserve:
            return "repeat", f"Set {e['set']} had {_reserve(e['rir'])} in reserve; {target}."
    if all(e["reps"] >= t.top for e in sets):
        loaded = t.loaded or leg.load is not None
        return ("add-load" if loaded else "next-step"), (
            f"Every set reached {t.top} reps, the top of the range, with "
            f"{t.reserve} or more in reserve."
        )
    return "add-rep", (
        f"Every set kept {t.reserve} or more in reserve, below the top of the range ({t.top})."
    )


def _neighbour(step: str, offset: int) -> str:
    keys = [s.key for s in STEPS]
    index = min(max(keys.index(step) + offset, 0), len(keys) - 1)
    return keys[index]


def _next_time(leg: LegSession, row: Row, action: Outcome, t: Thresholds) -> NextTime:
    load, unit = leg.load, leg.unit
    jump = LOAD_JUMP[unit][1]
    if action == "add-rep":
        return NextTime(leg.step, min(max(min(leg.reps) + 1, t.bottom), t.top), load, unit)
    if action == "repeat":
        planned = leg.entries[-1]["plan"]["reps"]
        return NextTime(leg.step, min(max(planned, t.bottom), t.top), load, unit)
    if action == "add-load":
        return NextTime(leg.step, t.bottom, None if load is None else load + jump, unit)
    if action == "next-step":
        step = _neighbour(leg.step, 1)
        return NextTime(step, thresholds(step_row(step)).bottom, None, unit)
    # ease-off: less load when there was load, else one step back down the ladder
    if load is not None and load > 0:
        return NextTime(leg.step, t.bottom, max(load - jump, 0.0), unit)
    step = _neighbour(leg.step, -1)
    return NextTime(step, thresholds(step_row(step)).bottom, None, unit)


def advise(leg: LegSession) -> Advice:
    """Apply the rule to one leg's last session of a step."""
    row = row_for(leg)
    action, reason = decide(leg, row)
    return Advice(
        leg.leg, leg.step, row.key, action, reason, _next_time(leg, row, action, thresholds(row))
    )


def next_words(advice: Advice) -> str:
    """What to do next time, in one sentence with the numbers."""
    nxt = advice.next
    load = "" if nxt.load is None else f" at {nxt.load:g} {nxt.unit}"
    where = "" if nxt.step == advice.step else f" on the {STEPS_BY_KEY[nxt.step].name.lower()}"
    if advice.action == "ease-off" and nxt.step == advice.step and nxt.load is None:
        where = " with fewer reps and more rest"
    return f"Next time: {nxt.reps} reps a set{load}{where}."


def rule_words(action: Outcome) -> dict[str, str]:
    """The rule's own words for an outcome (as the Programming page prints them)."""
    line = PROGRESSION_RULE_BY_KEY[action]
    return {"title": line.title, "when": line.when, "do": line.do, "link": RULE_LINK}
