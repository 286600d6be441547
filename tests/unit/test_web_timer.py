"""The timer's browser door: plain JSON in and out, through ``hipthrust.web.call``."""

from __future__ import annotations

import json
import math
import re

import pytest

from hipthrust import web
from hipthrust.pose import BOTTOM, TOP
from hipthrust.timer_figure import FRAMES, pose_at


def _call(name: str, **arguments: object) -> dict:  # type: ignore[type-arg]
    return json.loads(web.call(name, json.dumps(arguments)))


def test_plan_errors_come_back_per_field() -> None:
    result = _call("timer_plan", fields={"tempo": "3-0-1", "reps": "0"})
    assert result["ok"] is False
    assert set(result["errors"]) == {"tempo", "reps"}


def test_plan_comes_back_laid_out() -> None:
    result = _call(
        "timer_plan",
        fields={"tempo": "1-0-1-0", "reps": "2", "sets": "1", "legs": "one", "lead_in": "0"},
    )
    assert result["ok"] is True
    assert [s["word"] for s in result["segments"]] == ["UP", "DOWN", "UP", "DOWN"]
    assert result["total"] == 4
    assert [c["time"] for c in result["cues"]] == [0, 1, 2, 3, 4]
    assert {c["sound"] for c in result["cues"]} <= set(result["sounds"])
    assert result["segments"][0]["breath"].startswith("Exhale")
    assert result["segments"][1]["breath"].startswith("Inhale")
    assert result["plan"]["tempo"] == "1-0-1-0"


def test_setup_has_presets_limits_and_figure_frames() -> None:
    result = _call("timer_setup")
    assert result["presets"][0]["key"] == "single-leg-hip-thrust"
    assert result["limits"]["reps"] == [1, 50]
    assert len(result["figure"]["frames"]) == FRAMES
    assert all("<polyline" in frame for frame in result["figure"]["frames"])


@pytest.mark.parametrize(
    ("height", "pose"), [(0.0, BOTTOM), (1.0, TOP), (-1.0, BOTTOM), (2.0, TOP)]
)
def test_figure_ends_are_the_guide_poses(height: float, pose: object) -> None:
    assert pose_at(height) == pose


def test_every_frame_draws_the_free_foot_inside_the_view() -> None:
    figure = _call("timer_setup")["figure"]
    left, top, width, height = (float(v) for v in figure["viewBox"].split())
    for frame in figure["frames"]:
        limbs = [
            [tuple(float(v) for v in pair.split(",")) for pair in points.split()]
            for points in re.findall(r'<polyline points="([^"]+)"', frame)
        ]
        knee, ankle, toe = limbs[2][-3:]
        assert len(limbs[2]) == 4, "hip, knee, ankle and the toes of the free leg"
        shin = (ankle[0] - knee[0], ankle[1] - knee[1])
        foot = (toe[0] - ankle[0], toe[1] - ankle[1])
        # the foot stands off the shin (a foot, not a longer shin), about square to it
        cosine = (shin[0] * foot[0] + shin[1] * foot[1]) / (math.hypot(*shin) * math.hypot(*foot))
        assert abs(cosine) < 0.1
        assert left <= toe[0] <= left + width and top <= toe[1] <= top + height


def test_setup_lists_the_ladder_for_the_log_prompt() -> None:
    from hipthrust.steps import DEFAULT_STEP, STEPS

    result = _call("timer_setup")
    assert [s["key"] for s in result["steps"]] == [s.key for s in STEPS]
    assert {s["key"]: s["one_leg"] for s in result["steps"]} == {s.key: s.one_leg for s in STEPS}
    assert result["default_step"] == DEFAULT_STEP
    assert any(s["one_leg"] for s in result["steps"]) and not all(
        s["one_leg"] for s in result["steps"]
    )
