"""hipthrust.review_top: each rep's top position through the angle checker's own code."""

from __future__ import annotations

from statistics import median
from typing import Any

import pytest

from hipthrust import checker, detection
from hipthrust.pose import Pose
from hipthrust.review_reps import find_reps
from hipthrust.review_series import Frame, build_series, parse_frames
from hipthrust.review_top import judge_top, measure_frame, top_frames, wanted
from hipthrust.steps import step
from tests.unit.keypoint_sets import face_up_near_side, label_keypoints, pose_keypoints
from tests.unit.photo_labels import LABELS
from tests.unit.review_traces import frames, tempo_trace

ONE_LEG = step("single-leg-hip-thrust")


def _reps(raw: list[dict[str, Any]], duration: float) -> tuple[list[Frame], Any]:
    parsed = parse_frames(raw)
    return parsed, find_reps(build_series(parsed), duration).reps


def test_the_model_top_measures_level_and_vertical() -> None:
    trace = tempo_trace(2)
    parsed, reps = _reps(frames(trace, noise=1.0), trace.duration)
    top = judge_top(reps[0], parsed, ONE_LEG, "side")
    assert top.view.code == "ok"
    assert top.leg == "right"  # the near (right) leg works, the far leg is raised
    assert abs(top.metrics["shin"]["value"]) <= 2.0
    assert abs(top.metrics["hip_line"]["value"]) <= 2.0
    assert top.shown is not None and top.shown.t in top.times


def test_the_median_is_within_2_degrees_of_the_checker_on_each_top_frame() -> None:
    """Issue 19: a rep's angles within 2° of the angle checker run on its top-hold frames."""
    trace = tempo_trace(3)
    parsed, reps = _reps(frames(trace, noise=2.5, seed=9), trace.duration)
    for rep in reps:
        top = judge_top(rep, parsed, ONE_LEG, "side")
        chosen = [f for f in parsed if f.t in top.times]
        for name in ("shin", "hip_line"):
            per_photo = []
            for f in chosen:
                found = detection.detect(f.keypoints, "side")
                report = checker.measure_side(found.points)
                per_photo.append(report.metrics[name]["value"])
            assert top.metrics[name]["value"] == pytest.approx(median(per_photo), abs=2.0)


def test_a_sagging_top_gets_the_checkers_verdict_and_fix() -> None:
    sag = Pose(hip_line=-15.0)
    raw = [{"t": i / 30, "keypoints": pose_keypoints(sag)} for i in range(10)]
    parsed = parse_frames(raw)
    frame = measure_frame(parsed[0], ONE_LEG, "side")
    assert frame is not None
    assert frame.values["hip_line"] == pytest.approx(-15.0, abs=0.2)


def test_unsure_points_are_left_out_as_unplaced_points_are() -> None:
    weak = pose_keypoints(Pose(), scores={"right_knee": 0.1, "left_knee": 0.1})
    frame = measure_frame(parse_frames([{"t": 0, "keypoints": weak}])[0], ONE_LEG, "side")
    assert frame is not None
    assert "knee" not in frame.points
    assert "shin" not in frame.values and "hip_line" not in frame.values


def test_a_warned_view_gets_no_verdict() -> None:
    """Filmed facing the camera: the checker withholds its verdicts, and so does the review."""
    facing = [{"t": i / 10, "keypoints": pose_keypoints(Pose(), yaw=70.0)} for i in range(20)]
    parsed = parse_frames(facing)
    trace = tempo_trace(2)
    _, reps = _reps(frames(trace), trace.duration)
    shifted = [Frame((reps[0].top.start or 0.0) + f.t, f.keypoints) for f in parsed]
    top = judge_top(reps[0], shifted, ONE_LEG, "side")
    assert not top.view.usable
    assert top.metrics == {}


@pytest.mark.parametrize(
    ("key", "mode", "names"),
    [
        ("glute-bridge", "side", ("shin", "hip_line")),
        ("hip-thrust", "side", ("shin", "hip_line", "plane")),
        ("single-leg-bridge", "side", ("shin", "hip_line", "free_leg")),
        ("single-leg-hip-thrust", "front", ("valgus", "pelvis")),
        ("hip-thrust", "front", ("valgus",)),
    ],
)
def test_which_metrics_each_step_is_judged_on(key: str, mode: str, names: tuple[str, ...]) -> None:
    assert wanted(step(key), mode) == names


def test_a_touch_and_go_top_still_has_its_nearest_frame() -> None:
    trace = tempo_trace(2, (2, 0, 1, 0))
    parsed, reps = _reps(frames(trace, fps=10), trace.duration)
    assert top_frames(reps[0], parsed)


def test_a_b_stance_is_judged_on_the_back_foot_or_not_at_all() -> None:
    """Both feet down, one forward on its heel: the shin judged is the flat back foot's; when
    the feet cannot be told apart the shin is left out rather than judged on the wrong leg."""
    b_stance = step("b-stance")
    photo = LABELS["01_ht_fedb.jpg"]  # the thigh points to the photo's left
    near = face_up_near_side(photo.S[0], photo.A[0])
    side_by_side = label_keypoints(photo, far_score=0.6)
    frame = parse_frames([{"t": 0, "keypoints": side_by_side}])[0]
    unsure = measure_frame(frame, b_stance, "side")
    assert unsure is not None and "shin" not in unsure.values and "ankle" not in unsure.points
    assert "shin" in (measure_frame(frame, ONE_LEG, "side") or unsure).values

    near_forward = [
        k | {"x": k["x"] - 120.0} if k["name"] == f"{near}_ankle" else k for k in side_by_side
    ]
    back = measure_frame(parse_frames([{"t": 0, "keypoints": near_forward}])[0], b_stance, "side")
    assert back is not None and back.leg != near and "shin" in back.values
