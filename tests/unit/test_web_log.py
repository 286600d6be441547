"""The training log's browser door: plain JSON in and out, through ``hipthrust.web.call``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hipthrust import web
from hipthrust.plan import plan_from_fields
from hipthrust.programming import PROGRESSION_RULE
from tests.unit.logs import entry, sets

LOG_CALLS = (
    "log_check_entry",
    "log_validate",
    "log_export",
    "log_csv",
    "log_sessions",
    "log_advice",
    "log_balance",
    "log_trend_svg",
    "log_rule",
)


def _call(name: str, **arguments: object) -> Any:
    return json.loads(web.call(name, json.dumps(arguments)))


def raw(value: dict[str, Any]) -> dict[str, Any]:
    """An entry as the page stores it (optional fields left out)."""
    return {k: v for k, v in value.items() if v is not None or k == "load"} | {
        "plan": {k: v for k, v in value["plan"].items() if v is not None}
    }


LAGGING_LEFT = [
    *sets([10, 9, 8], [2, 1, 1], "left", day="2026-11-30"),
    *sets([10, 10, 10], [2, 2, 2], "right", day="2026-11-30"),
]


def test_every_log_call_is_in_the_door() -> None:
    assert set(LOG_CALLS) <= set(web.API)


def test_a_new_entry_is_checked_and_filled_in() -> None:
    stored = raw(entry("left", 1, 10, 2))
    result = _call("log_check_entry", entry=stored)
    assert result["ok"] is True
    assert result["entry"] == stored | {"pain": False, "hips_level": None, "tempo": None} | {
        "plan": stored["plan"] | {"preset": None}
    }
    bad = _call("log_check_entry", entry=stored | {"rir": 9})
    assert bad == {"ok": False, "message": "rir must be a whole number from 0 to 4."}


def test_export_then_import_gives_the_same_log() -> None:
    exported = _call("log_export", entries=[raw(e) for e in LAGGING_LEFT], today="2026-12-02")
    assert exported["ok"] is True and exported["filename"] == "hipthrust-log-2026-12-02.json"
    imported = _call("log_validate", text=exported["json"])
    assert imported["ok"] is True
    assert (imported["count"], imported["sessions"]) == (6, 1)
    assert sorted(imported["entries"], key=lambda e: e["id"]) == sorted(
        LAGGING_LEFT, key=lambda e: e["id"]
    )


@pytest.mark.parametrize("text", ["{broken", '{"format": "other"}', 3])
def test_a_bad_import_is_refused_with_a_message(text: object) -> None:
    result = _call("log_validate", text=text)
    assert result["ok"] is False and result["message"]
    assert set(result) == {"ok", "message"}


@pytest.mark.parametrize("name", ["log_sessions", "log_advice", "log_balance", "log_trend_svg"])
def test_bad_entries_are_refused_not_used(name: str) -> None:
    result = _call(name, entries=[{"id": "x"}])
    assert result == {"ok": False, "message": "Set 1 in the file: date is missing."}


def test_csv_export() -> None:
    result = _call("log_csv", entries=LAGGING_LEFT, today="2026-12-02")
    assert result["filename"] == "hipthrust-log-2026-12-02.csv"
    assert result["csv"].count("\r\n") == 7
    assert _call("log_csv", entries=LAGGING_LEFT, today="today")["ok"] is False


def test_sessions_newest_first() -> None:
    log = LAGGING_LEFT + sets([8, 8, 8], [2, 2, 2], "left", day="2026-11-27")
    sessions = _call("log_sessions", entries=log)["sessions"]
    assert [s["date"] for s in sessions] == ["2026-11-30", "2026-11-27"]
    assert [leg["leg"] for leg in sessions[0]["legs"]] == ["left", "right"]


def test_advice_per_leg_with_the_rules_words_and_the_timers_plan() -> None:
    result = _call("log_advice", entries=LAGGING_LEFT)
    assert (result["date"], result["step"], result["step_name"]) == (
        "2026-11-30",
        "single-leg-hip-thrust",
        "Single-leg hip thrust",
    )
    left, right = result["advice"]
    assert (left["leg"], left["action"], left["next"]["reps"]) == ("left", "add-rep", 9)
    assert (right["leg"], right["action"], right["next"]["reps"]) == ("right", "add-rep", 11)
    rule = next(line for line in PROGRESSION_RULE if line.key == "add-rep")
    assert left["rule"] == {
        "title": rule.title,
        "when": rule.when,
        "do": rule.do,
        "link": "programming/#when-to-move-up",
    }
    assert left["next_words"] == "Next time: 9 reps a set."
    assert result["balance"]["lagging"] == "left"
    timer = result["timer"]
    assert timer["preset"] == "standard"
    assert (timer["fields"]["reps"], timer["fields"]["first"], timer["first"]) == (
        9,
        "left",
        "left",
    )
    assert plan_from_fields(timer["fields"]).reps == 9, "the timer accepts the plan as it is"
    assert (
        timer["summary"]
        == "Standard: 3 \N{MULTIPLICATION SIGN} 9 a leg, tempo 3-0-1-1, left leg first."
    )


def test_a_two_leg_step_runs_both_feet_together_in_the_timer() -> None:
    result = _call("log_advice", entries=sets([10, 10], [3, 4], "both", step="glute-bridge"))
    (advice,) = result["advice"]
    assert (advice["leg"], advice["action"], advice["next"]["step"]) == (
        "both",
        "next-step",
        "single-leg-bridge",
    )
    assert result["balance"] is None
    assert result["timer"]["fields"]["legs"] == "both"
    assert result["timer"]["preset"] == "standard"


def test_the_next_step_uses_its_own_row() -> None:
    result = _call("log_advice", entries=sets([12, 12, 12], [1, 1, 1], "left"))
    (advice,) = result["advice"]
    assert advice["next"] == {
        "step": "loaded",
        "step_name": "Single-leg hip thrust, loaded",
        "reps": 5,
        "load": None,
        "unit": "kg",
    }
    assert result["timer"]["preset"] == "strength"
    assert result["timer"]["first"] is None, "even legs: the page keeps the lifter's choice"
    assert result["timer"]["fields"]["reps"] == 5


def test_advice_on_an_empty_log() -> None:
    result = _call("log_advice", entries=[])
    assert result == {
        "ok": True,
        "date": None,
        "step": None,
        "step_name": None,
        "advice": [],
        "balance": None,
        "timer": None,
    }


def test_advice_follows_the_latest_sessions_step_and_each_legs_last_session() -> None:
    older_right = sets([12, 12, 12], [1, 1, 1], "right", day="2026-11-27")
    latest_left = sets([10, 10, 10], [1, 1, 0], "left", day="2026-11-30")
    other_step = sets([10], [3], "both", step="glute-bridge", day="2026-11-20")
    result = _call("log_advice", entries=older_right + latest_left + other_step)
    assert [(a["leg"], a["action"]) for a in result["advice"]] == [
        ("left", "repeat"),
        ("right", "next-step"),
    ]


def test_balance_and_chart_and_rule() -> None:
    assert _call("log_balance", entries=LAGGING_LEFT)["balance"] == {
        "lagging": "left",
        "first": "left",
        "words": "Your left leg lags: 3 fewer reps than the right at the same load. "
        "Start with your left leg next time, then do the same reps on the right.",
        "link": "programming/#which-side-first",
    }
    chart = _call("log_trend_svg", entries=LAGGING_LEFT)
    assert chart["svg"].startswith("<svg") and chart["weeks"] == 1 and chart["message"] == ""
    rule = _call("log_rule")
    assert [line["key"] for line in rule["rule"]] == [
        "ease-off",
        "repeat",
        "add-load",
        "next-step",
        "add-rep",
    ]
    assert rule["link"] == "programming/#when-to-move-up"
