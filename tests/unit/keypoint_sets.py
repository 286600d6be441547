"""Detector-like keypoint sets (17 COCO keypoints, photo pixels, scores) for the unit tests.

Two sources, since there is no model here:

- :func:`label_keypoints`: a real photo's joints marked by eye (:mod:`tests.unit.photo_labels`)
  as the near side, the far side a few pixels off with lower scores (the detector is less sure of
  a side hidden behind the body);
- :func:`pose_keypoints`: the stick model (:func:`hipthrust.pose.joint_positions`) given a body
  width and seen by a camera 2.5 m away (perspective: the far side looks ~10% smaller), turned
  by ``yaw`` degrees from side-on. Widths between the left and right COCO joints, as fractions of
  height: shoulders 0.22, hips 0.13, legs hip-width apart.
"""

from __future__ import annotations

import math
from typing import Any

from hipthrust.pose import STANDING_HEIGHT_CM, Pose, joint_positions
from tests.unit.photo_labels import Label

Joints = dict[str, tuple[float, float]]
KEYS = ("shoulder", "hip", "knee", "ankle")
HALF_WIDTH = {"shoulder": 0.11, "hip": 0.065, "knee": 0.065, "ankle": 0.065}
CAMERA_CM = 250.0


def keypoint(name: str, x: float, y: float, score: float) -> dict[str, Any]:
    return {"name": name, "x": x, "y": y, "score": score}


def _extras(
    near: str, shoulder: tuple[float, float], head_dx: float, score: float
) -> list[dict[str, Any]]:
    """Face and arm keypoints near the shoulder (not used by the checker, present as in MoveNet)."""
    x, y = shoulder
    return [
        keypoint("nose", x + head_dx, y - 20, score),
        keypoint("left_eye", x + head_dx, y - 25, score),
        keypoint("right_eye", x + head_dx, y - 25, score),
        keypoint(f"{near}_ear", x + 0.7 * head_dx, y - 22, score),
        keypoint(f"{_other(near)}_ear", x + 0.7 * head_dx, y - 22, score / 2),
        keypoint("left_elbow", x, y + 40, score),
        keypoint("right_elbow", x, y + 40, score / 2),
        keypoint("left_wrist", x, y + 70, score),
        keypoint("right_wrist", x, y + 70, score / 2),
    ]


def _other(side: str) -> str:
    return "right" if side == "left" else "left"


def face_up_near_side(shoulder_x: float, ankle_x: float) -> str:
    """Lying face up, head on the photo's left: the right side faces the camera."""
    return "right" if shoulder_x < ankle_x else "left"


def label_keypoints(
    label: Label,
    *,
    near: str | None = None,
    far_offset: tuple[float, float] = (12.0, -8.0),
    near_score: float = 0.8,
    far_score: float = 0.4,
    scores: dict[str, float] | None = None,
    swap: bool = False,
) -> list[dict[str, Any]]:
    """A labelled photo's joints as the near side; the far side offset, scoring lower.

    ``scores`` overrides single keypoints' scores by COCO name (e.g. ``{"left_hip": 0.1}``);
    ``swap`` swaps knee and ankle on both legs (a detector's classic mix-up).
    """
    near = near or face_up_near_side(label.S[0], label.A[0])
    knee, ankle = (label.A, label.K) if swap else (label.K, label.A)
    points = dict(zip(KEYS, (label.S, label.H, knee, ankle), strict=True))
    out = []
    for joint, (x, y) in points.items():
        out.append(keypoint(f"{near}_{joint}", float(x), float(y), near_score))
        out.append(
            keypoint(f"{_other(near)}_{joint}", x + far_offset[0], y + far_offset[1], far_score)
        )
    head_dx = -40.0 if label.S[0] < label.A[0] else 40.0
    out += _extras(near, (float(label.S[0]), float(label.S[1])), head_dx, 0.6)
    return _rescore(out, scores)


def _rescore(out: list[dict[str, Any]], scores: dict[str, float] | None) -> list[dict[str, Any]]:
    for item in out:
        if scores and item["name"] in scores:
            item["score"] = scores[item["name"]]
    return out


def standing_joints() -> Joints:
    """A person standing upright, in the model's frame (cm, y up), arms down, feet together."""
    h = STANDING_HEIGHT_CM
    return {
        "shoulder": (0.0, 0.82 * h),
        "hip": (0.0, 0.53 * h),
        "knee": (0.0, 0.285 * h),
        "ankle": (0.0, 0.039 * h),
        "free_knee": (0.0, 0.285 * h),
        "free_ankle": (0.0, 0.039 * h),
    }


def pose_keypoints(
    pose: Pose | Joints = Pose(),  # noqa: B008 - a frozen dataclass, never mutated
    *,
    yaw: float = 0.0,
    mirror: bool = False,
    near: str | None = None,
    working: str = "near",
    single_leg: bool = True,
    scale: float = 3.0,
    origin: tuple[float, float] = (425.0, 450.0),
    near_score: float = 0.85,
    far_score: float = 0.5,
    scores: dict[str, float] | None = None,
) -> list[dict[str, Any]]:
    """The model's joints as 17 keypoints seen by a camera ``yaw`` degrees off side-on.

    ``working`` = "near"/"far": which side's leg has the foot on the floor; with ``single_leg``
    the other leg is the model's raised free leg, else both feet are down. ``near`` defaults to
    the side a face-up lifter shows (their right when the head is on the photo's left).
    """
    joints = joint_positions(pose) if isinstance(pose, Pose) else pose
    head_left = not mirror  # the model's shoulders are at smaller x than the foot
    near = near or ("right" if head_left else "left")
    far = _other(near)
    work_side = near if working == "near" else far
    centre = joints["hip"]
    theta = math.radians(yaw)
    sign = -1.0 if mirror else 1.0
    out = []
    for side in (near, far):
        z_sign = 1.0 if side == near else -1.0  # + towards the camera
        for joint in KEYS:
            source = joint
            if single_leg and side != work_side and joint in ("knee", "ankle"):
                source = f"free_{joint}"
            x, y = joints[source]
            z = z_sign * HALF_WIDTH[joint] * STANDING_HEIGHT_CM
            across = (x - centre[0]) * math.cos(theta) - z * math.sin(theta)
            depth = z * math.cos(theta) + (x - centre[0]) * math.sin(theta)
            f = CAMERA_CM / (CAMERA_CM - depth)
            px = origin[0] + sign * scale * across * f
            py = origin[1] - scale * (y - centre[1]) * f
            score = near_score if side == near else far_score
            out.append(keypoint(f"{side}_{joint}", px, py, score))
    shoulder = next(k for k in out if k["name"] == f"{near}_shoulder")
    head_dx = -sign * 30.0
    out += _extras(near, (shoulder["x"], shoulder["y"]), head_dx, 0.6)
    return _rescore(out, scores)


def by_name(keypoints: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    return {k["name"]: (k["x"], k["y"]) for k in keypoints}
