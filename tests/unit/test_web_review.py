"""hipthrust.web_review: the set review's door, JSON in and out (the contract in its docstring)."""

from __future__ import annotations

import csv
import io
import json
from statistics import median
from typing import Any

import pytest

from hipthrust import web
from hipthrust.review_table import measured_tempo
from tests.unit.review_traces import Trace, frames, lunge_keypoints, tempo_trace, trimmed


def call(raw: list[dict[str, Any]], **options: Any) -> dict[str, Any]:
    arguments = {"frames": raw, "width": 850, "height": 567, "step": "single-leg-hip-thrust"}
    arguments.update(options)
    result: dict[str, Any] = json.loads(web.call("review_analyse", json.dumps(arguments)))
    return result


def test_a_set_comes_back_as_rows_chart_summary_and_csv() -> None:
    trace = tempo_trace(3, (3, 0, 1, 1))
    out = call(frames(trace, noise=1.5), tempo="3-0-1-1", duration=trace.duration)
    assert out["ok"] and out["state"] == "done"
    assert out["count"] == {"value": 3, "left": 0, "right": 3}
    assert [r["rep"] for r in out["reps"]] == [1, 2, 3]
    first = out["reps"][0]
    assert first["leg"] == "right"
    assert first["lower"] == pytest.approx(3.0, abs=0.3)
    assert first["phases"]["lower"]["target"] == 3
    assert first["phases"]["lower"]["text"] == "✓"
    assert first["shin"] is not None and first["hip_line"] is not None
    assert first["pelvis"] is None  # a side view: the pelvis is judged from the front
    assert first["overlay"].startswith("<g")
    assert first["top_time"] in first["top_frames"]
    assert out["reps"][-1]["top"] is None  # the last hold is cut by the end of the video
    assert out["chart"].startswith("<svg")
    assert out["summary"][0] == out["message"] == "3 reps, right leg."
    table = list(csv.DictReader(io.StringIO(out["csv"])))
    assert [row["rep"] for row in table] == ["1", "2", "3"]
    assert table[0]["target"] == "3-0-1-1"
    assert out["target"] == {
        "tempo": "3-0-1-1",
        "lower": 3,
        "bottom": 0,
        "drive": 1,
        "top": 1,
        "explosive": False,
    }
    # The log gets the median of each phase over the reps that have it (the last top is cut).
    measured = out["measured"]
    assert measured["lowering"] == pytest.approx(3.0, abs=0.3)
    assert measured["drive"] == pytest.approx(1.0, abs=0.3)
    tops = [r["top"] for r in out["reps"] if r["top"] is not None]
    assert measured["top_hold"] == pytest.approx(median(tops), abs=0.01)


def test_a_leg_switch_gives_two_blocks() -> None:
    trace = tempo_trace(4, (2, 1, 1, 1))
    switch = trace.phases[10][1] + 0.5  # the bottom pause of rep 3: it and rep 4 on the left
    assert trace.phases[10][0] == "bottom"
    trace.legs = [(0.0, switch, "near"), (switch, trace.duration + 1, "far")]
    out = call(frames(trace, noise=1.0))
    assert out["count"] == {"value": 4, "left": 2, "right": 2}
    assert [(b["leg"], b["reps"]) for b in out["blocks"]] == [("right", [1, 2]), ("left", [3, 4])]


def test_a_two_leg_step_counts_both_legs() -> None:
    trace = tempo_trace(2)
    out = call(frames(trace, single_leg=False), step="glute-bridge")
    assert out["count"] == {"value": 2, "left": None, "right": None}
    assert {r["leg"] for r in out["reps"]} == {"both"}
    assert all("plane" not in [m["name"] for m in r["metrics"]] for r in out["reps"])


def test_partial_reps_are_warned_about() -> None:
    full = tempo_trace(4, (2, 0.5, 1, 1))
    trace = trimmed(full, 2.0, full.duration - 4.6)
    out = call(frames(trace), duration=trace.duration)
    assert out["count"]["value"] == 2
    assert "partial" in [w["reason"] for w in out["warnings"]]
    assert [p["where"] for p in out["partial"]] == ["start", "end"]


def test_another_exercise_counts_nothing() -> None:
    trace = tempo_trace(3, (1, 0.5, 1, 1))
    out = call(frames(trace, pose=lambda h: lunge_keypoints(1.0 - h)))
    assert out["state"] == "none"
    assert [w["reason"] for w in out["warnings"]] == ["not-bridge"]
    assert out["count"]["value"] == 0 and out["reps"] == []


def test_no_person_and_no_rep() -> None:
    empty = [{"t": i / 10, "keypoints": None} for i in range(30)]
    assert call(empty)["warnings"][-1]["reason"] == "no-person"
    still = Trace(phases=[("top", 0.0, 4.0)])
    assert call(frames(still, noise=1.0))["warnings"][-1]["reason"] == "no-rep"


def test_a_bad_tempo_is_a_warning_and_the_set_is_still_timed() -> None:
    trace = tempo_trace(2)
    out = call(frames(trace, fps=15), tempo="fast")
    assert out["state"] == "done" and out["target"] is None
    assert out["warnings"][0]["reason"] == "tempo"
    assert "3-0-1-1" in out["warnings"][0]["message"]


def test_a_small_person_and_sparse_frames_are_warned_about() -> None:
    trace = tempo_trace(2, (3, 1, 2, 2))
    out = call(frames(trace, fps=5), width=3840, height=2160)
    assert {"small", "sparse"} <= {w["reason"] for w in out["warnings"]}


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"frames": "x"}, "could not be read"),
        ({"width": 0}, "no size"),
        ({"step": "deadlift"}, "Choose the step"),
        ({"view": "top"}, "side or front"),
        ({"duration": "long"}, "length"),
    ],
)
def test_bad_input_fails_with_a_sentence(options: dict[str, Any], words: str) -> None:
    raw = options.pop("frames", [])
    out = call(raw, **options)
    assert out == {"ok": False, "state": "failed", "message": out["message"]}
    assert words in out["message"]


def test_front_view_counts_by_hip_height_and_withholds_a_side_views_front_angles() -> None:
    """Told "front" for a side-on video: the reps are still counted (by the hip height), but the
    front check sees a side view, so no front angle is judged and the view is warned about."""
    trace = tempo_trace(3, (2, 1, 1, 1))
    out = call(frames(trace, noise=1.0), view="front")
    assert out["view"] == "front"
    assert out["count"]["value"] == 3
    assert all(r["pelvis"] is None and r["metrics"] == [] for r in out["reps"])
    assert all(r["view"]["code"] == "side" for r in out["reps"])
    assert "view" in [w["reason"] for w in out["warnings"]]


def test_the_view_is_judged_from_the_frames_when_not_given() -> None:
    trace = tempo_trace(2)
    assert call(frames(trace, fps=15))["view"] == "side"


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        (
            [(3.0, 0.0, 1.0, 1.0), (2.0, 0.2, 1.4, None), (2.6, 0.1, 1.2, 0.8)],
            {"lowering": 2.6, "bottom_pause": 0.1, "drive": 1.2, "top_hold": 0.9},
        ),
        ([(3.0, 0.0, 1.0, None)], None),  # the top hold was never timed
        ([(31.0, 0.0, 1.0, 1.0)], None),  # beyond the log's limit for a phase
        ([], None),
    ],
)
def test_the_measured_tempo_is_each_phases_median(
    phases: list[tuple[float | None, ...]], expected: dict[str, float] | None
) -> None:
    rows = [dict(zip(("lower", "bottom", "drive", "top"), p, strict=True)) for p in phases]
    assert measured_tempo(rows) == expected
