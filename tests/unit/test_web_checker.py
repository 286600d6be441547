"""The checker's browser functions: the JSON contract of issue 9 (names, shapes, units), messages
instead of errors, and no point the user did not place."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust import detection, web
from hipthrust.keypoints import KEYPOINT_NAMES
from tests.unit.keypoint_sets import label_keypoints, pose_keypoints, standing_joints
from tests.unit.photo_labels import HEIGHT, LABELS, WIDTH

RESULT_KEYS = {"ok", "metrics", "waiting", "facing", "knee_angle", "overlay", "view", "suggestion"}
DETECT_KEYS = {"ok", "found", "message", "points", "checks", "near_side", "working_leg", "view"}
LABEL = LABELS["04_br_fedb.jpg"]


def call(name: str, **arguments: object) -> dict[str, Any]:
    result = json.loads(web.call(name, json.dumps(arguments)))  # refuses NaN (allow_nan=False)
    assert isinstance(result, dict)
    return result


def test_setup_gives_the_order_prompts_and_thresholds_but_no_points() -> None:
    result = call("checker_setup", width=4000, height=3000)
    assert result["ok"] is True
    assert result["order"] == {
        "side": ["shoulder", "hip", "knee", "ankle"],
        "front": ["hip", "knee", "ankle", "other_hip"],
    }
    assert result["optional"] == {
        "foot": ["heel", "toe"],
        "freeLeg": ["free_knee"],
        "floor": ["floor_a", "floor_b"],
    }
    names = {
        n for group in (*result["order"].values(), *result["optional"].values()) for n in group
    }
    assert set(result["prompts"]) == names == set(result["labels"])
    assert result["prompts"]["shoulder"] == "Tap your shoulder (the top of the arm)"
    assert result["labels"]["shoulder"] == "Shoulder"
    assert result["thresholds"]["pelvis"] == {
        "label": "Pelvis level (front)",
        "good": 5.0,
        "close": 10.0,
    }
    assert result["thresholds"]["shin"]["good"] < result["thresholds"]["shin"]["close"]
    assert result["faults"]["hips-dropping"] == "Hips dropping to one side"
    assert not {"side", "front", "floor"} & set(result) - {"order", "optional"}


@pytest.mark.parametrize(("width", "height"), [(0, 100), (100, -1), ("a", 3), (None, 5), (True, 5)])
def test_setup_refuses_a_photo_without_a_size(width: object, height: object) -> None:
    result = call("checker_setup", width=width, height=height)
    assert result["ok"] is False and "size" in str(result["message"])


def test_side_with_nothing_placed_has_no_metric_and_draws_nothing() -> None:
    result = call("checker_side", landmarks={}, width=WIDTH, height=HEIGHT)
    assert set(result) == RESULT_KEYS and result["ok"] is True
    assert result["metrics"] == [] and result["facing"] is None and result["knee_angle"] is None
    assert [w["metric"] for w in result["waiting"]] == ["shin", "hip_line", "plane"]
    assert "<text" not in result["overlay"] and "<line" not in result["overlay"]
    assert result["view"] == {"usable": True, "code": "unknown", "reason": None, "message": None}


def test_side_with_three_points_measures_what_they_allow() -> None:
    points = LABEL.points()
    del points["knee"]
    result = call("checker_side", landmarks=points, width=WIDTH, height=HEIGHT)
    assert result["metrics"] == []
    assert result["waiting"][0] == {
        "metric": "shin",
        "label": "Shin angle",
        "needs": ["knee"],
        "message": "Place the knee to see the shin angle.",
    }


@pytest.mark.parametrize("photo", sorted(LABELS))
def test_side_round_trip_on_the_labelled_photos(photo: str) -> None:
    label = LABELS[photo]
    floor = [[0, 500], [WIDTH, 500]]
    result = call("checker_side", landmarks=label.points(), width=WIDTH, height=HEIGHT, floor=floor)
    assert set(result) == RESULT_KEYS
    assert [m["name"] for m in result["metrics"]] == ["shin", "hip_line", "plane"]
    assert result["waiting"] == []
    assert result["facing"] == ("right" if label.S[0] < label.A[0] else "left")
    assert isinstance(result["knee_angle"], float)
    assert result["overlay"].startswith("<g ")
    assert result["view"]["code"] == "ok"


def test_side_view_uses_the_detector_keypoints_when_given() -> None:
    points = LABEL.points()
    turned = pose_keypoints(yaw=80)
    result = call("checker_side", landmarks=points, width=WIDTH, height=HEIGHT, detected=turned)
    assert result["view"]["code"] == "facing" and result["view"]["usable"] is False
    assert "side-on" in result["view"]["message"]
    # issue 18: a view that cannot carry a verdict holds them all back until a retake
    assert result["metrics"] == []
    assert [w["metric"] for w in result["waiting"]] == ["shin", "hip_line", "plane"]
    assert all("warning" in w["message"] for w in result["waiting"])
    assert "<text" not in result["overlay"]  # lines only, no numbers
    bad = call("checker_side", landmarks=points, width=WIDTH, height=HEIGHT, detected="x")
    assert bad["ok"] is False and "place the points by hand" in bad["message"]


def test_front_round_trip() -> None:
    result = call(
        "checker_front",
        landmarks={"hip": [100, 0], "knee": [100, 300], "ankle": [100, 600], "other_hip": [180, 8]},
        width=1000,
        height=1000,
        leg="left",
    )
    assert set(result) == RESULT_KEYS and result["ok"] is True
    assert [(m["name"], m["value"]) for m in result["metrics"]] == [
        ("valgus", 0.0),
        ("pelvis", round(math.degrees(math.atan2(8, 80)), 1)),
    ]
    assert result["waiting"] == [] and result["facing"] is None
    assert "pelvis +5.7°" in result["overlay"]
    assert result["view"]["code"] == "ok"
    bad = call("checker_front", landmarks={"hip": [1, 1]}, width=10, height=10, leg="middle")
    assert bad["ok"] is False and "leg" in str(bad["message"])


def test_detect_contract_on_a_labelled_photo() -> None:
    result = call("checker_detect", keypoints=label_keypoints(LABEL), width=WIDTH, height=HEIGHT)
    assert set(result) == DETECT_KEYS
    assert result["found"] is True and result["message"] is None
    assert result["points"] == {k: v for k, v in LABEL.points().items()}
    assert result["checks"] == {
        "hip": "Hips are often hidden by a plate, band or ball: check this point."
    }
    assert (result["near_side"], result["working_leg"]) == ("left", "left")
    assert result["view"] == {"usable": True, "code": "ok", "reason": None, "message": None}


def test_detect_rounds_to_a_tenth_of_a_pixel_and_reports_no_person() -> None:
    raw = [{**k, "x": k["x"] + 0.123456, "y": k["y"] - 0.06} for k in label_keypoints(LABEL)]
    points = call("checker_detect", keypoints=raw, width=WIDTH, height=HEIGHT)["points"]
    assert points["hip"] == [444.1, 268.9]
    nobody = call(
        "checker_detect",
        keypoints=label_keypoints(LABEL, near_score=0.1, far_score=0.1),
        width=WIDTH,
        height=HEIGHT,
    )
    assert nobody["found"] is False and nobody["points"] == {} and nobody["checks"] == {}
    assert nobody["message"].startswith("No person found in this photo: ")
    assert nobody["near_side"] is None and nobody["working_leg"] is None


def test_detect_standing_person_warns_and_front_mode() -> None:
    raw = pose_keypoints(standing_joints(), single_leg=False)
    result = call("checker_detect", keypoints=raw, width=WIDTH, height=HEIGHT, mode="side")
    assert result["view"]["code"] == "standing" and "hip height" in result["view"]["message"]
    front = call("checker_detect", keypoints=raw, width=WIDTH, height=HEIGHT, mode="front")
    assert set(front["points"]) == {"hip", "knee", "ankle", "other_hip"}
    assert set(front["checks"]) >= {"hip", "other_hip"}
    bad = call("checker_detect", keypoints=raw, width=WIDTH, height=HEIGHT, mode="top")
    assert bad["ok"] is False and "side or front" in bad["message"]


def test_best_frame_contract() -> None:
    raw = label_keypoints(LABEL)
    frames = [[], [{**k, "y": k["y"] - 12.34} for k in raw], raw]
    result = call("checker_best_frame", frames=frames, width=WIDTH, height=HEIGHT)
    assert result == {"ok": True, "index": 1, "hip_y": [None, 256.7, 269.0]}
    empty = call("checker_best_frame", frames=[[], []], width=WIDTH, height=HEIGHT)
    assert empty == {"ok": True, "index": None, "hip_y": [None, None]}
    bad = call("checker_best_frame", frames="burst", width=WIDTH, height=HEIGHT)
    assert bad["ok"] is False and bad["message"]


keypoint_lists = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.sampled_from(KEYPOINT_NAMES),
            "x": st.floats(-1e5, 1e5),
            "y": st.floats(-1e5, 1e5),
            "score": st.floats(0, 1),
        }
    ),
    max_size=20,
)


@given(keypoints=keypoint_lists, mode=st.sampled_from(["side", "front"]))
def test_any_keypoints_give_points_or_no_person_never_nan(
    keypoints: list[dict[str, Any]], mode: str
) -> None:
    result = call("checker_detect", keypoints=keypoints, width=800, height=600, mode=mode)
    assert result["ok"] is True
    if result["found"]:
        side = call(
            "checker_side", landmarks=result["points"], width=800, height=600, detected=keypoints
        )
        assert side["ok"] is True or side["message"]
    else:
        assert result["points"] == {} and result["message"]


def test_detect_knows_a_staggered_stance_by_its_step() -> None:
    steps = call("checker_setup", width=WIDTH, height=HEIGHT)["steps"]
    assert [s["key"] for s in steps if s["staggered"]] == ["b-stance"]
    side_by_side = label_keypoints(LABEL, far_score=0.6)
    args = {"keypoints": side_by_side, "width": WIDTH, "height": HEIGHT}
    b_stance = call("checker_detect", step="b-stance", **args)
    assert b_stance["checks"]["knee"] == b_stance["checks"]["ankle"] == detection.STAGGER_REASON
    assert "knee" not in call("checker_detect", step="single-leg-hip-thrust", **args)["checks"]
    unknown = call("checker_detect", step="kickstand", **args)
    assert unknown["ok"] is False and "Unknown step" in unknown["message"]
