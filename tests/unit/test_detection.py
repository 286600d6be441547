"""From detector keypoints to checker points: near side, working leg, points to check, no person,
and the burst's best frame. Cases from six real photos' joints marked by eye (the near side, the
far side added a few pixels off and scoring lower) and from the stick model seen by a camera."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust import detection, view
from hipthrust.geometry import GeometryError
from hipthrust.keypoints import parse_keypoints
from hipthrust.pose import BOTTOM, Pose
from tests.unit.keypoint_sets import (
    by_name,
    face_up_near_side,
    label_keypoints,
    pose_keypoints,
    standing_joints,
)
from tests.unit.photo_labels import LABELS, SINGLE_LEG, SINGLE_LEG_FREE

PHOTOS = sorted(LABELS)


def detect(raw: list[dict[str, Any]], mode: str = "side") -> detection.Detection:
    return detection.detect(parse_keypoints(raw), mode)


def moved(raw: list[dict[str, Any]], name: str, to: tuple[float, float]) -> list[dict[str, Any]]:
    out = copy.deepcopy(raw)
    for item in out:
        if item["name"] == name:
            item["x"], item["y"] = to
    return out


# --- real photos ----------------------------------------------------------------------------


@pytest.mark.parametrize("photo", PHOTOS)
def test_labelled_photos_give_the_near_side_joints_with_only_the_hip_to_check(photo: str) -> None:
    label = LABELS[photo]
    found = detect(label_keypoints(label))
    near = face_up_near_side(label.S[0], label.A[0])
    assert found.found and found.message is None
    assert found.near_side == near and found.working_leg == near
    assert found.points == {k: tuple(v) for k, v in label.points().items()}
    assert found.checks == {"hip": detection.HIP_REASON}
    assert found.view.code == "ok"


@pytest.mark.parametrize("photo", PHOTOS)
def test_equal_scores_fall_back_to_geometry_lying_face_up(photo: str) -> None:
    """Head on the photo's right (01-07) shows the left side, on the left (08, 09) the right."""
    label = LABELS[photo]
    found = detect(label_keypoints(label, near_score=0.6, far_score=0.62))
    assert found.near_side == ("left" if label.S[0] > label.A[0] else "right")


@pytest.mark.parametrize("photo", PHOTOS)
def test_clearly_higher_scores_decide_the_near_side(photo: str) -> None:
    label = LABELS[photo]
    geometric = face_up_near_side(label.S[0], label.A[0])
    other = "left" if geometric == "right" else "right"
    found = detect(label_keypoints(label, near=other, near_score=0.9, far_score=0.5))
    assert found.near_side == other
    assert found.points["hip"] == tuple(map(float, label.H))


# --- the stick model, seen by a camera ------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "raw", "near", "working", "free_knee", "view"),
    [
        ("top, head left", pose_keypoints(), "right", "right", True, "ok"),
        ("top, head right", pose_keypoints(mirror=True), "left", "left", True, "ok"),
        ("both feet down", pose_keypoints(single_leg=False), "right", "right", False, "ok"),
        ("free leg nearer", pose_keypoints(working="far"), "right", "left", True, "ok"),
        ("turned 20°", pose_keypoints(yaw=20), "right", "right", True, "ok"),
        ("turned 45°", pose_keypoints(yaw=45), "right", "right", True, "oblique"),
        ("turned 80°", pose_keypoints(yaw=80), "right", "right", True, "facing"),
        ("bottom", pose_keypoints(BOTTOM), "right", "right", True, "bottom"),
        (
            "standing",
            pose_keypoints(standing_joints(), single_leg=False),
            "right",
            "right",
            False,
            "standing",
        ),
    ],
)
def test_model_poses(
    case: str, raw: list[dict[str, Any]], near: str, working: str, free_knee: bool, view: str
) -> None:
    found = detect(raw)
    named = by_name(raw)
    assert (found.near_side, found.working_leg) == (near, working), case
    assert found.points["shoulder"] == named[f"{near}_shoulder"]
    assert found.points["hip"] == named[f"{near}_hip"]
    assert found.points["knee"] == named[f"{working}_knee"]
    assert found.points["ankle"] == named[f"{working}_ankle"]
    free = "left" if working == "right" else "right"
    assert found.points.get("free_knee") == (named[f"{free}_knee"] if free_knee else None), case
    assert found.view.code == view, case


def test_free_leg_nearer_with_a_doubtful_far_ankle_still_takes_the_foot_on_the_floor() -> None:
    """The raised near leg's ankle is not below its knee, so it cannot be the working foot."""
    raw = pose_keypoints(working="far", scores={"left_ankle": 0.2})
    found = detect(raw)
    assert found.working_leg == "left"
    assert found.points["ankle"] == by_name(raw)["left_ankle"]
    assert "unsure of the ankle" in found.checks["ankle"]
    assert found.points["free_knee"] == by_name(raw)["right_knee"]


# --- points to check ------------------------------------------------------------------------


LABEL = LABELS[
    "04_br_fedb.jpg"
]  # left side near; S (619, 331) H (444, 269) K (283, 225) A (203, 397)


@pytest.mark.parametrize(
    ("case", "raw", "flagged", "says"),
    [
        ("low knee score", label_keypoints(LABEL, scores={"left_knee": 0.2}), {"knee"}, "unsure"),
        (
            "knee and ankle swapped on both legs",
            label_keypoints(LABEL, far_offset=(0, 0), scores={}, swap=True),
            {"knee", "ankle"},
            "below the knee",
        ),
        (
            "shin over twice the thigh",
            moved(label_keypoints(LABEL), "left_knee", (380, 230)),
            {"knee", "ankle"},
            "twice as long as the thigh",
        ),
        (
            "thigh over twice the shin",
            moved(label_keypoints(LABEL), "left_ankle", (270, 300)),
            {"hip", "knee"},
            "twice as long as the shin",
        ),
        (
            "shoulder on the hip",
            moved(label_keypoints(LABEL), "left_shoulder", (470, 260)),
            {"shoulder", "hip"},
            "too close together",
        ),
        (
            "hip under the floor",
            moved(label_keypoints(LABEL), "left_hip", (444, 500)),
            {"hip"},
            "lower than the foot",
        ),
    ],
)
def test_doubtful_points_are_flagged_with_a_reason(
    case: str, raw: list[dict[str, Any]], flagged: set[str], says: str
) -> None:
    found = detect(raw)
    assert found.found, case
    assert set(found.checks) == flagged | {"hip"}, case
    assert all(says in found.checks[name] for name in flagged), case
    assert found.checks["hip"].startswith(detection.HIP_REASON)


def test_a_swapped_near_knee_and_ankle_give_way_to_the_far_leg_on_the_floor() -> None:
    raw = moved(moved(label_keypoints(LABEL), "left_knee", (203, 397)), "left_ankle", (283, 225))
    found = detect(raw)
    assert found.working_leg == "right" and found.near_side == "left"
    assert found.points["knee"] == by_name(raw)["right_knee"]
    assert found.checks == {"hip": detection.HIP_REASON}


def test_a_knee_above_the_hip_is_normal_at_the_top_of_a_bridge() -> None:
    """All four labelled bridges have the knee higher in the photo than the hip: not flagged."""
    bridges = [LABELS[p] for p in PHOTOS if "_br_" in p]
    assert all(label.K[1] < label.H[1] for label in bridges)
    assert all(set(detect(label_keypoints(label)).checks) == {"hip"} for label in bridges)


# --- no person --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        [],
        pose_keypoints(near_score=0.2, far_score=0.05),  # an empty room: nothing sure
        pose_keypoints(
            scores={f"{s}_{j}": 0.1 for s in ("left", "right") for j in ("knee", "ankle")}
        ),  # only the upper body
        pose_keypoints(
            near_score=0.1,
            far_score=0.1,
            scores={"right_shoulder": 0.9, "right_hip": 0.9, "right_knee": 0.9},
        ),  # three joints
    ],
)
def test_too_few_confident_keypoints_is_no_person(raw: list[dict[str, Any]]) -> None:
    found = detect(raw, "side")
    assert not found.found and found.points == {} and found.checks == {}
    assert found.message is not None and found.message.startswith("No person found in this photo")
    assert not detect(raw, "front").found


# --- front view -------------------------------------------------------------------------------


def front_keypoints(free_hip_drop: float = 0.0) -> list[dict[str, Any]]:
    """Facing the lifter at the top of a single-leg hip thrust on the right leg: their right side
    on the photo's left; the left (free) leg raised, its ankle high."""
    points = {
        "right_shoulder": (360, 200),
        "left_shoulder": (480, 200),
        "right_hip": (380, 300),
        "left_hip": (460, 300 + free_hip_drop),
        "right_knee": (385, 330),
        "left_knee": (455, 250),
        "right_ankle": (385, 520),
        "left_ankle": (455, 180),
    }
    return [{"name": n, "x": x, "y": y, "score": 0.8} for n, (x, y) in points.items()]


def test_front_view_takes_the_leg_on_the_floor_and_flags_both_hips() -> None:
    found = detect(front_keypoints(12.0), "front")
    assert found.working_leg == "right" and found.near_side is None
    assert found.points == {
        "hip": (380, 300),
        "knee": (385, 330),
        "ankle": (385, 520),
        "other_hip": (460, 312),
    }
    assert set(found.checks) == {"hip", "other_hip"}
    assert found.view.code == "ok"


# --- burst: the highest hip -------------------------------------------------------------------


def shifted(raw: list[dict[str, Any]], dy: float) -> list[dict[str, Any]]:
    return [{**k, "y": k["y"] + dy} for k in raw]


@pytest.mark.parametrize(
    ("shifts", "best"),
    [([30, 0, -20, 10], 2), ([0], 0), ([5, -5, -5], 1)],
)
def test_best_frame_is_the_highest_hip(shifts: list[float], best: int) -> None:
    raw = label_keypoints(LABEL)
    frames = [parse_keypoints(shifted(raw, dy)) for dy in shifts]
    index, hip_y = detection.best_frame(frames)
    assert index == best
    assert hip_y == [LABEL.H[1] + dy for dy in shifts]


def test_best_frame_skips_frames_without_a_person() -> None:
    raw = label_keypoints(LABEL)
    nobody = shifted(label_keypoints(LABEL, near_score=0.1, far_score=0.1), -200)  # higher "hip"
    frames = [parse_keypoints(f) for f in ([], shifted(raw, 10), nobody, raw)]
    index, hip_y = detection.best_frame(frames)
    assert index == 3 and hip_y == [None, LABEL.H[1] + 10, None, LABEL.H[1]]
    assert detection.best_frame([{}, {}]) == (None, [None, None])


# --- input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "keypoints",
        [1, 2],
        [{"name": "left_hip", "x": "a", "y": 1, "score": 0.5}],
        [{"name": "left_hip", "x": 1, "y": float("nan"), "score": 0.5}],
        [{"name": "left_hip", "x": 1, "y": 2, "score": True}],
    ],
)
def test_unreadable_keypoints_give_a_message(raw: object) -> None:
    with pytest.raises(GeometryError, match="could not be read"):
        parse_keypoints(raw)


def test_unknown_names_are_ignored_and_scores_clamped() -> None:
    parsed = parse_keypoints(
        [{"name": "tail", "x": 1, "y": 1, "score": 1}, {"name": "nose", "x": 1, "y": 2, "score": 7}]
    )
    assert list(parsed) == ["nose"] and parsed["nose"].score == 1.0


@given(
    dx=st.floats(-2000, 2000),
    dy=st.floats(-2000, 2000),
    scale=st.floats(0.3, 8),
    photo=st.sampled_from(PHOTOS),
    near_score=st.floats(0.3, 1),
    gap=st.floats(0, 0.3),
)
def test_moving_and_scaling_the_photo_moves_the_points_and_nothing_else(
    dx: float, dy: float, scale: float, photo: str, near_score: float, gap: float
) -> None:
    raw = label_keypoints(LABELS[photo], near_score=near_score, far_score=near_score - gap)
    base = detect(raw)
    out = detect([{**k, "x": k["x"] * scale + dx, "y": k["y"] * scale + dy} for k in raw])
    # issue 18: scaled down far enough, the person is too small to judge (and only that changes);
    # standing, facing and oblique are still said first (view.py's order)
    small = (
        view.too_small(out.points)
        and not view.too_small(base.points)
        and base.view.code in ("ok", "bottom", "unknown")
    )
    assert (out.near_side, out.working_leg, out.view.code) == (
        base.near_side,
        base.working_leg,
        "small" if small else base.view.code,
    )
    assert set(out.checks) == set(base.checks)
    for name, (x, y) in base.points.items():
        assert out.points[name] == pytest.approx((x * scale + dx, y * scale + dy), abs=1e-6)


def test_near_side_of_a_standing_person_with_equal_scores_is_the_bigger_one() -> None:
    raw = pose_keypoints(standing_joints(), single_leg=False, near_score=0.7, far_score=0.7)
    assert detect(raw).near_side == "right"  # the nearer side projects larger
    assert detection.near_side(parse_keypoints(pose_keypoints(Pose(), near="left"))) == "left"


def test_real_single_leg_bridge_takes_the_foot_on_the_floor_and_the_raised_knee() -> None:
    """Photo 10 (head on the left, right side near): the far leg is raised high."""
    raw = label_keypoints(SINGLE_LEG, far_score=0.5)
    for joint, at in SINGLE_LEG_FREE.items():
        raw = moved(raw, f"left_{joint}", at)
    found = detect(raw)
    assert (found.near_side, found.working_leg) == ("right", "right")
    assert found.points["knee"] == SINGLE_LEG.K and found.points["ankle"] == SINGLE_LEG.A
    assert found.points["free_knee"] == SINGLE_LEG_FREE["knee"]
    # the raised leg on the side that scores higher (the nearer one): the working knee and ankle
    # come from the far side, the shoulder and hip from the near side
    swapped = label_keypoints(SINGLE_LEG, near="left", near_score=0.5, far_score=0.8)
    for joint, at in SINGLE_LEG_FREE.items():
        swapped = moved(swapped, f"right_{joint}", at)
    found = detect(swapped)
    assert (found.near_side, found.working_leg) == ("right", "left")
    assert found.points["knee"] == SINGLE_LEG.K and found.points["ankle"] == SINGLE_LEG.A
    assert found.points["hip"] == by_name(swapped)["right_hip"]
    assert found.points["free_knee"] == SINGLE_LEG_FREE["knee"]


# --- staggered stance (B-stance) ------------------------------------------------------------

BENCH = LABELS["01_ht_fedb.jpg"]  # a hip thrust on a bench; the thigh points to the photo's left
SHIN = 199.3  # |knee - ankle| of that photo, px
# The front foot, slid forward along the thigh: far enough that the camera's angle cannot
# account for it (detection.STAGGER_FRACTION), or a usual B-stance (0.3) that it can.
CLEAR = 0.6 * SHIN
USUAL = 0.3 * SHIN


def _b_stance(front: str | None, by: float = CLEAR) -> tuple[list[dict[str, Any]], str]:
    """That photo's keypoints with both ankles confident and the ``front`` side's ankle slid
    ``by`` px forward along the thigh (towards the photo's left); None leaves them side by side."""
    near = face_up_near_side(BENCH.S[0], BENCH.A[0])
    raw = label_keypoints(BENCH, far_score=0.6)
    if front is not None:
        ankle = next(k for k in raw if k["name"] == f"{front}_ankle")
        raw = moved(raw, f"{front}_ankle", (ankle["x"] - by, ankle["y"]))
    return raw, near


def test_a_b_stance_takes_the_back_foot_when_the_near_foot_is_forward() -> None:
    near = face_up_near_side(BENCH.S[0], BENCH.A[0])
    raw, _ = _b_stance(near)
    found = detection.detect(parse_keypoints(raw), "side", staggered=True)
    far = "right" if near == "left" else "left"
    assert found.working_leg == far
    far_knee = next(k for k in raw if k["name"] == f"{far}_knee")
    assert found.points["knee"] == (far_knee["x"], far_knee["y"])
    assert set(found.checks) == {"hip"}
    # The same photo judged as a step with the feet side by side keeps the near leg.
    assert detection.detect(parse_keypoints(raw), "side").working_leg == near


def test_a_b_stance_keeps_the_near_leg_when_it_is_the_back_one() -> None:
    near = face_up_near_side(BENCH.S[0], BENCH.A[0])
    far = "right" if near == "left" else "left"
    raw, _ = _b_stance(far)
    found = detection.detect(parse_keypoints(raw), "side", staggered=True)
    assert found.working_leg == near
    assert found.points["ankle"] == tuple(map(float, BENCH.A))
    assert set(found.checks) == {"hip"}


@pytest.mark.parametrize("case", ["side by side", "a usual stagger", "far ankle unsure"])
def test_a_b_stance_whose_feet_cannot_be_told_apart_flags_the_knee_and_ankle(case: str) -> None:
    near = face_up_near_side(BENCH.S[0], BENCH.A[0])
    if case == "side by side":
        raw, near = _b_stance(None)  # 12 px apart: 0.06 of a shin
    elif case == "a usual stagger":
        raw, near = _b_stance(near, USUAL)  # within what the camera's angle alone can do
    else:
        raw, near = _b_stance(face_up_near_side(BENCH.S[0], BENCH.A[0]))
        far = "right" if near == "left" else "left"
        raw = [k | {"score": 0.2} if k["name"] == f"{far}_ankle" else k for k in raw]
    found = detection.detect(parse_keypoints(raw), "side", staggered=True)
    assert found.working_leg == near
    assert found.checks["knee"] == found.checks["ankle"] == detection.STAGGER_REASON
