"""The training log's door for the browser: JSON-in/JSON-out functions registered in ``web.API``.

The page keeps the entries (IndexedDB) and moves files; Python checks every entry and import, and
says everything the Log page shows: the sessions, the advice per leg with the rule's words, the
balance of left and right, the trend chart (SVG), the export files. The stored format is
documented in :mod:`hipthrust.log_format`:
``{"format": "hipthrust-log", "version": 1, "entries": [entry, ...]}``.

Every call that takes ``entries`` checks them first; bad entries give
``{"ok": False, "message": str}`` and nothing else. The calls (arguments → result):

- ``log_check_entry(entry)`` → ``{"ok": True, "entry": entry}`` with the optional fields filled
  in (``pain`` false, ``hips_level`` null, ``tempo`` null, ``plan.preset`` null), or
  ``{"ok": False, "message"}``. Call it before storing a new entry.
- ``log_validate(text)``: an import's file text → ``{"ok": True, "entries": [entry, ...],
  "count": int, "sessions": int}`` or ``{"ok": False, "message"}`` (not JSON, not this format,
  another version, a bad field, a duplicate id, too big). The page replaces (or merges into) the
  log only on ``ok``.
- ``log_export(entries, today)``: ``today`` is the phone's date ``YYYY-MM-DD`` →
  ``{"ok": True, "json": str, "filename": "hipthrust-log-<today>.json"}``.
- ``log_csv(entries, today)`` → ``{"ok": True, "csv": str, "filename": "hipthrust-log-<today>.csv"}``
  (columns: date, step, leg, set, reps, rir, load, unit, pain, hips_level, measured_lowering,
  measured_bottom_pause, measured_drive, measured_top_hold, plan_tempo, plan_reps, plan_preset, id).
- ``log_sessions(entries)`` → ``{"ok": True, "sessions": [session, ...]}``, newest first; a
  session is ``{"date": "YYYY-MM-DD", "step": key, "step_name": str, "legs": [{"leg":
  "left"|"right"|"both", "sets": int, "reps": [int], "rir": [int], "load": float|null, "unit":
  "kg"|"lb", "summary": "3 x 10 at 12.5 kg, 2, 2, 1 in reserve", "entries": [id, ...]}]}``.
- ``log_advice(entries)`` → ``{"ok": True, "date": day|null, "step": key|null, "step_name":
  str|null, "advice": [advice, ...], "balance": balance|null, "timer": timer|null}`` for the
  latest session's step (empty ``advice`` when the log is empty). One ``advice`` per leg:
  ``{"leg", "action": "add-rep"|"add-load"|"next-step"|"repeat"|"ease-off", "title": "Add a
  rep", "reason": what the log shows, "next_words": "Next time: 11 reps a set.", "rule": {"title",
  "when", "do", "link": "programming/#when-to-move-up"}, "next": {"step", "step_name", "reps",
  "load", "unit"}, "row": the programming row key}``. ``timer`` is the plan for next time:
  ``{"preset": row key, "fields": timer_plan fields (hipthrust.plan.Plan.fields), "summary":
  str, "first": "left"|"right"|null}``: ``first`` is the lagging leg (then also
  ``fields.first``), null when the legs are even or the step is two-leg (the page keeps the
  lifter's own choice); the reps are the lower of the legs' next reps, so both legs do the same
  reps, as "Which side first" advises.
- ``log_balance(entries)`` → ``{"ok": True, "balance": null | {"lagging": "left"|"right",
  "first": the leg to start with, "words": str, "link": "programming/#which-side-first"}}``.
- ``log_trend_svg(entries)`` → ``{"ok": True, "svg": str, "weeks": int, "message": str}``: the
  chart of volume (sets x reps, x load where loaded) and load per leg by week; ``svg`` is empty
  and ``message`` says why when there is nothing to draw.
- ``log_rule()`` → ``{"rule": [{"key", "title", "when", "do"}], "link"}``: the rule's outcomes.
"""

from __future__ import annotations

from typing import Any

from . import log_chart
from .log_balance import LINK as BALANCE_LINK
from .log_balance import judge
from .log_format import Entry, LogError, check_entries, check_entry, read_log, write_log
from .log_sessions import LegSession, csv_text, group_sessions, session_json
from .programming import PROGRESSION_RULE, ROWS_BY_KEY
from .progression import RULE_LINK, STEP_ROWS, Advice, advise, next_words, rule_words
from .steps import STEPS_BY_KEY

Result = dict[str, Any]


def _fail(error: LogError) -> Result:
    return {"ok": False, "message": str(error)}


def log_check_entry(entry: object) -> Result:
    try:
        return {"ok": True, "entry": check_entry(entry)}
    except LogError as error:
        return _fail(error)


def log_validate(text: object) -> Result:
    if not isinstance(text, str):
        return {"ok": False, "message": "The file could not be read as text."}
    try:
        entries = read_log(text)
    except LogError as error:
        return _fail(error)
    return {
        "ok": True,
        "entries": entries,
        "count": len(entries),
        "sessions": len(group_sessions(entries)),
    }


def _checked(entries: object) -> list[Entry]:
    return check_entries(entries)


def _day(today: object) -> str:
    if not isinstance(today, str) or len(today) != 10:
        raise LogError("today must be a date like 2026-12-02.")
    return today


def log_export(entries: object, today: object) -> Result:
    try:
        checked, day = _checked(entries), _day(today)
        return {
            "ok": True,
            "json": write_log(checked, day),
            "filename": f"hipthrust-log-{day}.json",
        }
    except LogError as error:
        return _fail(error)


def log_csv(entries: object, today: object) -> Result:
    try:
        checked, day = _checked(entries), _day(today)
        return {"ok": True, "csv": csv_text(checked), "filename": f"hipthrust-log-{day}.csv"}
    except LogError as error:
        return _fail(error)


def log_sessions(entries: object) -> Result:
    try:
        sessions = group_sessions(_checked(entries))
    except LogError as error:
        return _fail(error)
    return {"ok": True, "sessions": [session_json(s) for s in sessions]}


def _latest_legs(entries: list[Entry]) -> list[LegSession]:
    """Each leg's last session of the latest session's step."""
    sessions = group_sessions(entries)
    if not sessions:
        return []
    step = sessions[0].step
    legs: dict[str, LegSession] = {}
    for session in sessions:
        if session.step == step:
            for leg in session.legs:
                legs.setdefault(leg.leg, leg)
    return sorted(legs.values(), key=lambda leg: leg.leg)


def _advice_json(advice: Advice) -> Result:
    nxt = advice.next
    return {
        "leg": advice.leg,
        "action": advice.action,
        "title": rule_words(advice.action)["title"],
        "reason": advice.reason,
        "next_words": next_words(advice),
        "rule": rule_words(advice.action),
        "next": {
            "step": nxt.step,
            "step_name": STEPS_BY_KEY[nxt.step].name,
            "reps": nxt.reps,
            "load": nxt.load,
            "unit": nxt.unit,
        },
        "row": advice.row,
    }


def _balance_json(legs: list[LegSession]) -> Result | None:
    by_leg = {leg.leg: leg for leg in legs}
    if "left" not in by_leg or "right" not in by_leg:
        return None
    balance = judge(by_leg["left"], by_leg["right"])
    if balance is None:
        return None
    return {
        "lagging": balance.lagging,
        "first": balance.lagging,
        "words": balance.words,
        "link": BALANCE_LINK,
    }


def _timer(advices: list[Advice], first: str | None) -> Result | None:
    """The timer's plan for next time: the next step's row, both legs at the lower next reps."""
    if not advices:
        return None
    step = STEPS_BY_KEY[advices[0].next.step]
    same_row = advices[0].next.step == advices[0].step
    row = ROWS_BY_KEY[advices[0].row if same_row else STEP_ROWS[step.key]]
    reps = min(a.next.reps for a in advices)
    fields: dict[str, Any] = {**row.plan.fields(), "reps": reps}
    if not step.one_leg:
        fields["legs"] = "together"
    elif first is not None:
        fields["first"] = first
    times = "\N{MULTIPLICATION SIGN}"
    return {
        "preset": row.key,
        "fields": fields,
        "first": first if step.one_leg else None,
        "summary": f"{row.name}: {fields['sets']} {times} {reps}"
        + (" a leg" if step.one_leg else "")
        + f", tempo {fields['tempo']}"
        + (f", {first} leg first." if first and step.one_leg else "."),
    }


def log_advice(entries: object) -> Result:
    try:
        legs = _latest_legs(_checked(entries))
    except LogError as error:
        return _fail(error)
    if not legs:
        return {
            "ok": True,
            "date": None,
            "step": None,
            "step_name": None,
            "advice": [],
            "balance": None,
            "timer": None,
        }
    advices = [advise(leg) for leg in legs]
    balance = _balance_json(legs)
    return {
        "ok": True,
        "date": max(leg.day for leg in legs),
        "step": legs[0].step,
        "step_name": STEPS_BY_KEY[legs[0].step].name,
        "advice": [_advice_json(a) for a in advices],
        "balance": balance,
        "timer": _timer(advices, None if balance is None else balance["first"]),
    }


def log_balance(entries: object) -> Result:
    try:
        legs = _latest_legs(_checked(entries))
    except LogError as error:
        return _fail(error)
    return {"ok": True, "balance": _balance_json(legs)}


def log_trend_svg(entries: object) -> Result:
    try:
        checked = _checked(entries)
    except LogError as error:
        return _fail(error)
    chart = log_chart.trend(checked)
    return {"ok": True, "svg": chart.svg, "weeks": chart.weeks, "message": chart.message}


def log_rule() -> Result:
    return {
        "rule": [
            {"key": line.key, "title": line.title, "when": line.when, "do": line.do}
            for line in PROGRESSION_RULE
        ],
        "link": RULE_LINK,
    }
