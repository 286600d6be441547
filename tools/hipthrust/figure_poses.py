"""The positions the guide's figures show, posed on the model of :mod:`hipthrust.pose`.

Faults are the correct top with one thing changed, re-posed with
:func:`~hipthrust.pose.pose_through` so the shoulders stay on the same spot of the bench; the
numbers (how far the hips rise, how far the foot moves) are chosen to be clearly visible, not
measured from anyone.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Final

from .pose import (
    FOREARM,
    TOP,
    TRUNK,
    UPPER_ARM,
    Point,
    Pose,
    circle_intersection,
    joint_positions,
    pose_through,
)

TOP_SHOULDER: Final = joint_positions(TOP)["shoulder"]
TOP_HIP: Final = joint_positions(TOP)["hip"]
TRUNK_CM: Final = TRUNK * TOP.height_cm


# -----------------------------------------------------------------------------
# The poses the figures show
# -----------------------------------------------------------------------------


def at_top(
    *,
    hip_line: float = 0.0,
    shoulder: Point = TOP_SHOULDER,
    swing_range: tuple[float, float] = (-40.0, 40.0),
    **fields: float,
) -> Pose:
    """A top position with the shoulders on the bench and the hip bent ``hip_line`` off the line.

    Other fields (``ankle_x``: foot too close or too far; ``foot_raise``) change the base pose.
    The hip swings on a circle around the shoulder (the trunk keeps its length) and the knee
    follows from the foot; bisection finds the swing that gives the requested ``hip_line``.
    """
    base = replace(TOP, **fields)

    def posed(swing: float) -> Pose:
        angle = math.radians(swing)
        hip = (
            shoulder[0] + TRUNK_CM * math.cos(angle),
            shoulder[1] + TRUNK_CM * math.sin(angle),
        )
        return pose_through(base, hip=hip, shoulder=shoulder)

    low, high = swing_range  # hip_line grows as the hip swings up
    for _ in range(60):
        middle = (low + high) / 2.0
        if posed(middle).hip_line < hip_line:
            low = middle
        else:
            high = middle
    return posed((low + high) / 2.0)


SETUP: Final = pose_through(
    replace(TOP, ankle_x=-8.0, head=-25.0), hip=(-60.0, 11.0), shoulder=(-94.0, 47.0)
)
MIDWAY: Final = pose_through(TOP, hip=(-48.0, 33.0), shoulder=TOP_SHOULDER)
ARCHED: Final = at_top(hip_line=16.0)
SAGGING: Final = at_top(hip_line=-22.0)
FOOT_CLOSE: Final = at_top(ankle_x=-12.0)
FOOT_FAR: Final = at_top(ankle_x=12.0)
ON_TOES: Final = replace(TOP, heel_lift=24.0)
HEEL_DRIVE: Final = replace(TOP, toe_lift=12.0)
FREE_LEG_DOWN: Final = replace(TOP, free_hip=-12.0, free_knee=140.0)
FREE_LEG_STRAIGHT: Final = replace(TOP, free_hip=40.0, free_knee=180.0)
ELEVATED_BOTTOM: Final = pose_through(
    replace(TOP, foot_raise=12.0), hip=(-54.0, 11.0), shoulder=TOP_SHOULDER
)
ELEVATED_TOP: Final = at_top(foot_raise=12.0)


def _floor_bridge() -> Pose:
    """The floor glute bridge at the top: shoulders and head on the floor, both feet down."""
    pose = at_top(shoulder=(-96.0, 7.0), swing_range=(5.0, 40.0), ankle_x=-14.0)
    torso = joint_positions(pose)
    direction = math.degrees(
        math.atan2(torso["shoulder"][1] - torso["hip"][1], torso["shoulder"][0] - torso["hip"][0])
    )
    return replace(pose, head=180.0 - direction, upper_arm_direction=-4.0, elbow=176.0)


BRIDGE_TOP: Final = _floor_bridge()


def holding(pose: Pose, target: Point) -> Pose:
    """``pose`` with the hand on ``target`` (a load on the hips), the elbow bent above the line."""
    shoulder = joint_positions(pose)["shoulder"]
    h = pose.height_cm
    elbow = circle_intersection(shoulder, UPPER_ARM * h, target, FOREARM * h, upper=True)
    upper = math.degrees(math.atan2(elbow[1] - shoulder[1], elbow[0] - shoulder[0]))
    lower = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
    return replace(pose, upper_arm_direction=upper, elbow=(upper + 180.0 - lower) % 360.0)
