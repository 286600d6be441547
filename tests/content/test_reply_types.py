"""The JavaScript's types of Python's replies (`docs/javascripts/*/replies.js`, which `tsc`
checks the page against) name the fields Python really sends: each typedef is compared with a
real reply of the door, so a field added, renamed or dropped on one side fails here instead of
leaving the type check to vouch for a shape nobody sends."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from hipthrust import web
from tests.support import ROOT
from tests.unit.keypoint_sets import label_keypoints
from tests.unit.logs import sets
from tests.unit.photo_labels import HEIGHT, LABELS, WIDTH
from tests.unit.review_traces import frames, tempo_trace

REPLIES = sorted((ROOT / "docs" / "javascripts").glob("*/replies.js"))
TYPEDEF = re.compile(r"@typedef \{object\} (\w+)")


def _typedefs() -> dict[str, tuple[set[str], set[str]]]:
    """Each `@typedef {object}`: its required and its optional (``[name]``) properties."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for path in REPLIES:
        for block in re.findall(r"/\*\*(.*?)\*/", path.read_text(), flags=re.S):
            name = TYPEDEF.search(block)
            if not name:
                continue
            required: set[str] = set()
            optional: set[str] = set()
            for prop in _properties(block):
                bare = prop.strip("[]")
                (optional if prop.startswith("[") else required).add(bare)
            found[name.group(1)] = (required, optional)
    return found


def _properties(block: str) -> list[str]:
    """The names after each `@property {type}`; a type may nest braces and span lines."""
    names = []
    for found in re.finditer(r"@property\s*\{", block):
        depth, at = 1, found.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(block[at], 0)
            at += 1
        names.append(block[at:].split()[0])
    return names


TYPEDEFS = _typedefs()


def call(name: str, **arguments: object) -> Any:
    return json.loads(web.call(name, json.dumps(arguments)))


def _replies() -> dict[str, list[dict[str, Any]]]:
    """Real replies of the door, by the typedef that describes them."""
    size = {"width": WIDTH, "height": HEIGHT}
    bench = LABELS["01_ht_fedb.jpg"].points()
    setup = call("checker_setup", **size)
    side = call("checker_side", landmarks=bench, step="glute-bridge", **size)
    waiting = call("checker_side", landmarks={"hip": bench["hip"]}, **size)
    front = call(
        "checker_front",
        landmarks={"hip": [100, 0], "knee": [100, 300], "ankle": [100, 600], "other_hip": [180, 8]},
        width=1000,
        height=1000,
        leg="left",
    )
    keypoints = label_keypoints(LABELS["04_br_fedb.jpg"])
    detected = call("checker_detect", keypoints=keypoints, **size)
    nobody = call("checker_detect", keypoints=[], **size)
    best = call("checker_best_frame", frames=[keypoints, keypoints], **size)
    failed = call("checker_setup", width=0, height=0)

    timer_setup = call("timer_setup")
    plan = call("timer_plan", fields={"tempo": "2-1-1-1", "reps": "2", "sets": "1"})
    plan_errors = call("timer_plan", fields={"tempo": "3-0-1", "reps": "0"})

    log = [
        *sets([10, 9, 8], [2, 1, 1], "left", day="2026-11-30"),
        *sets([10, 10, 10], [2, 2, 2], "right", day="2026-11-30"),
    ]
    checked = call("log_check_entry", entry=log[0])
    exported = call("log_export", entries=log, today="2026-12-02")
    imported = call("log_validate", text=exported["json"])
    sessions = call("log_sessions", entries=log)["sessions"]
    advice = call("log_advice", entries=log)

    trace = tempo_trace(3, (3, 0, 1, 1))
    review = call(
        "review_analyse",
        frames=frames(trace, noise=1.5),
        width=850,
        height=567,
        step="single-leg-hip-thrust",
        tempo="3-0-1-1",
        duration=trace.duration,
    )
    cut = call(
        "review_analyse",
        frames=frames(trace, noise=1.5)[5:],
        width=850,
        height=567,
        step="single-leg-hip-thrust",
        tempo="fast",
    )
    return {
        "CheckerSetup": [setup],
        "CheckerMeasure": [side, waiting, front],
        "Metric": side["metrics"] + front["metrics"],
        "Waiting": waiting["waiting"],
        "ViewCheck": [side["view"], front["view"], detected["view"]],
        "Suggestion": [side["suggestion"]],
        "DetectedPoints": [
            {k: v for k, v in reply.items() if k not in ("found", "message")}
            for reply in (detected, nobody)
        ],
        "CheckerBestFrame": [best],
        "CheckerFailure": [failed],
        "TimerSetup": [timer_setup],
        "Preset": timer_setup["presets"],
        "TimerPlan": [plan],
        "PlanFields": [plan["plan"]],
        "Segment": plan["segments"],
        "Cue": plan["cues"],
        "Sound": list(plan["sounds"].values()),
        "TimerPlanErrors": [plan_errors],
        "CheckedEntry": [checked["entry"]],
        "LogImport": [imported],
        "LogFailure": [call("log_validate", text="{")],
        "Session": sessions,
        "LegSession": [leg for session in sessions for leg in session["legs"]],
        "AdviceResult": [advice],
        "Advice": advice["advice"],
        "Balance": [advice["balance"]],
        "NextPlan": [advice["timer"]],
        "LogSetup": [call("log_setup")],
        "ReviewAnalysis": [review, cut],
        "ReviewRep": review["reps"],
        "RepPhase": [p for rep in review["reps"] for p in rep["phases"].values() if p],
        "ReviewTarget": [review["target"]],
        "MeasuredTempo": [review["measured"]],
        "ReviewWarning": cut["warnings"],
        "ReviewFailure": [call("review_analyse", frames="x", width=850, height=567, step="loaded")],
    }


REPLIES_BY_TYPE = _replies()


@pytest.mark.parametrize("typedef", sorted(REPLIES_BY_TYPE))
def test_each_reply_has_the_fields_its_type_names(typedef: str) -> None:
    required, optional = TYPEDEFS[typedef]
    for reply in REPLIES_BY_TYPE[typedef]:
        keys = set(reply)
        assert required <= keys, f"{typedef}: the type names {required - keys}, Python sends none"
        assert keys <= required | optional, (
            f"{typedef}: Python sends {keys - required - optional}, the type omits it"
        )


def test_every_reply_type_is_compared_with_a_real_reply() -> None:
    assert set(TYPEDEFS) == set(REPLIES_BY_TYPE), "a typedef with no reply above, or the reverse"
