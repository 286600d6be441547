"""The pose detector's output as plain data: the 17 COCO keypoints, read and checked.

The in-browser detector (MoveNet, COCO keypoint order) gives a list of ``{"name", "x", "y",
"score"}`` in photo pixels, score 0..1. :func:`parse_keypoints` turns it into a dict by name,
ignoring names it does not know and refusing values that are not numbers (a message, never a
crash). The names are the COCO dataset's (and TensorFlow.js pose-detection's) keypoint names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final

from .geometry import GeometryError, Point

KEYPOINT_NAMES: Final = (
    "nose",
    "left_eye",
    "right_eye",
    "left_ear",
    "right_ear",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
)
SIDES: Final = ("left", "right")
# The joints the checker uses, per side of the body.
JOINTS: Final = ("shoulder", "hip", "knee", "ankle")
# Below this score a keypoint is "unsure": it is flagged for the user to check and does not count
# towards finding a person. 0.3 is the score TensorFlow.js pose-detection's own demos use to draw a
# MoveNet keypoint at all (their default ``scoreThreshold``); on the shared photos the points of a
# side hidden behind the body score below it, the visible side above it.
CONFIDENT: Final = 0.3

_UNREADABLE: Final = "The pose detector's answer could not be read: place the points by hand."


@dataclass(frozen=True, slots=True)
class Keypoint:
    x: float
    y: float
    score: float

    @property
    def point(self) -> Point:
        return (self.x, self.y)

    @property
    def confident(self) -> bool:
        return self.score >= CONFIDENT


Keypoints = dict[str, Keypoint]


def _number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise GeometryError(_UNREADABLE)
    return float(value)


def parse_keypoints(raw: Any) -> Keypoints:
    """``[{"name", "x", "y", "score"}, ...]`` -> ``{name: Keypoint}`` (``None`` or ``[]``: none)."""
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise GeometryError(_UNREADABLE)
    keypoints: Keypoints = {}
    for item in raw:
        if not isinstance(item, dict):
            raise GeometryError(_UNREADABLE)
        name = item.get("name")
        if name not in KEYPOINT_NAMES:
            continue
        score = min(max(_number(item.get("score", 0.0)), 0.0), 1.0)
        keypoints[str(name)] = Keypoint(_number(item.get("x")), _number(item.get("y")), score)
    return keypoints


def side_point(keypoints: Keypoints, side: str, joint: str) -> Keypoint | None:
    return keypoints.get(f"{side}_{joint}")


def other(side: str) -> str:
    return "right" if side == "left" else "left"
