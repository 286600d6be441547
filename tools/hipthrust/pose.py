"""A side-view stick model of a person doing a hip thrust, posed by joint angles.

One model serves three jobs, so they can never disagree: the guide's figures, the angle
checker's overlay, and the synthetic photos the checker's tests measure.

Coordinates: centimetres, y up, the floor at y = 0. The model faces +x: the shoulders (on the
bench) are at smaller x than the working foot. Mirror with :func:`mirrored` for the other facing.

Segment lengths are fractions of standing height from Drillis & Contini's anthropometric table
(Winter, *Biomechanics and Motor Control of Human Movement*, 4th ed., table 4.1): shank 0.246,
thigh 0.245, hip to shoulder 0.288, upper arm 0.186, forearm 0.146, foot 0.152, ankle height 0.039,
hip width 0.191, shoulder width 0.259.

Angle conventions (degrees), matching the angle checker's metrics:
- ``shin``: the ankle->knee line from vertical, positive when the knee is further from the
  shoulders than the ankle (foot too close), negative when behind it (foot too far);
- ``knee``: the inside angle at the working knee, 180 = straight;
- ``hip_line``: how far shoulder-hip-knee bends from a straight line, positive when the hip is
  above the shoulder-knee line (pushed too high, back arched), negative when below (not extended);
- the others are named where they are used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Final

Point = tuple[float, float]

STANDING_HEIGHT_CM: Final = 175.0
SHANK: Final = 0.246
THIGH: Final = 0.245
TRUNK: Final = 0.288
NECK: Final = 0.060
HEAD_RADIUS: Final = 0.060
UPPER_ARM: Final = 0.186
FOREARM: Final = 0.146
ANKLE_HEIGHT: Final = 0.039
HEEL_BEHIND_ANKLE: Final = 0.040
TOE_AHEAD_OF_ANKLE: Final = 0.112
# Widths for the views from the feet (same table): hip width 0.191, shoulder width 0.259.
HIP_WIDTH: Final = 0.191
SHOULDER_WIDTH: Final = 0.259

JOINTS: Final = (
    "toe",
    "heel",
    "ankle",
    "knee",
    "hip",
    "shoulder",
    "neck",
    "head",
    "elbow",
    "hand",
    "free_knee",
    "free_ankle",
)

# The straight segments of the stick model, as pairs of joints (the head is drawn as a circle).
BONES: Final = (
    ("toe", "heel"),
    ("heel", "ankle"),
    ("ankle", "knee"),
    ("knee", "hip"),
    ("hip", "shoulder"),
    ("shoulder", "neck"),
    ("shoulder", "elbow"),
    ("elbow", "hand"),
    ("hip", "free_knee"),
    ("free_knee", "free_ankle"),
)


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles of one moment of the lift; the defaults are the correct top position."""

    shin: float = 0.0
    knee: float = 90.0
    hip_line: float = 0.0
    # head relative to the torso line; positive tips the head back (chin up)
    head: float = 0.0
    # absolute direction of the upper arm and the inside angle at the elbow: resting on the bench
    upper_arm_direction: float = 185.0
    elbow: float = 160.0
    # free leg: thigh direction relative to the working thigh (90 = thigh vertical when the working
    # thigh is flat) and inside angle at its knee (90 = bent, 180 = straight)
    free_hip: float = 90.0
    free_knee: float = 90.0
    # toes lifted off the floor (pushing through the heel) or heel lifted (pushing off the toes)
    toe_lift: float = 0.0
    heel_lift: float = 0.0
    # where the working ankle stands on the floor
    ankle_x: float = 0.0
    height_cm: float = STANDING_HEIGHT_CM
    # the working foot stands on a plate or step this high (cm) instead of the floor
    foot_raise: float = 0.0


def _step(origin: Point, direction_deg: float, length: float) -> Point:
    angle = math.radians(direction_deg)
    return (origin[0] + length * math.cos(angle), origin[1] + length * math.sin(angle))


def joint_positions(pose: Pose) -> dict[str, Point]:
    """Forward kinematics from the working foot: every joint's position in centimetres."""
    h = pose.height_cm
    ankle: Point = (pose.ankle_x, ANKLE_HEIGHT * h + pose.foot_raise)
    toe_direction = pose.toe_lift - math.degrees(math.atan2(ANKLE_HEIGHT, TOE_AHEAD_OF_ANKLE))
    toe = _step(ankle, toe_direction, math.hypot(ANKLE_HEIGHT, TOE_AHEAD_OF_ANKLE) * h)
    heel_direction = (
        180.0 + math.degrees(math.atan2(ANKLE_HEIGHT, HEEL_BEHIND_ANKLE)) - pose.heel_lift
    )
    heel = _step(ankle, heel_direction, math.hypot(ANKLE_HEIGHT, HEEL_BEHIND_ANKLE) * h)

    shin_direction = 90.0 - pose.shin
    knee = _step(ankle, shin_direction, SHANK * h)
    thigh_direction = shin_direction + 180.0 - pose.knee  # knee -> hip
    hip = _step(knee, thigh_direction, THIGH * h)
    torso_direction = thigh_direction + pose.hip_line  # hip -> shoulder
    shoulder = _step(hip, torso_direction, TRUNK * h)
    neck = _step(shoulder, torso_direction + pose.head, NECK * h)
    head = _step(neck, torso_direction + pose.head, HEAD_RADIUS * h)

    elbow = _step(shoulder, pose.upper_arm_direction, UPPER_ARM * h)
    hand = _step(elbow, pose.upper_arm_direction + 180.0 - pose.elbow, FOREARM * h)

    free_thigh_direction = thigh_direction + 180.0 + pose.free_hip  # hip -> free knee
    free_knee = _step(hip, free_thigh_direction, THIGH * h)
    free_ankle = _step(free_knee, free_thigh_direction - (180.0 - pose.free_knee), SHANK * h)

    return {
        "toe": toe,
        "heel": heel,
        "ankle": ankle,
        "knee": knee,
        "hip": hip,
        "shoulder": shoulder,
        "neck": neck,
        "head": head,
        "elbow": elbow,
        "hand": hand,
        "free_knee": free_knee,
        "free_ankle": free_ankle,
    }


def mirrored(points: dict[str, Point], axis_x: float = 0.0) -> dict[str, Point]:
    """The same pose facing the other way (mirrored about the vertical line x = axis_x)."""
    return {name: (2.0 * axis_x - x, y) for name, (x, y) in points.items()}


def with_angles(pose: Pose, **angles: float) -> Pose:
    """A copy of ``pose`` with some angles changed (a readable way to pose faults)."""
    return replace(pose, **angles)


# The positions the guide shows. Bottom: hips just above the floor, shoulders on the same spot of
# the bench as at the top (they pivot there), so the two figures line up.
TOP: Final = Pose()
BOTTOM: Final = Pose(shin=-30.0, knee=80.0, hip_line=-80.0)


# -----------------------------------------------------------------------------
# Inverse kinematics: pose the model through given points (the guide's figures use it so every
# position keeps the shoulders on the same spot of the bench).
# -----------------------------------------------------------------------------


def _direction(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _wrap(angle: float) -> float:
    """The same angle in (-180, 180]."""
    wrapped = (angle + 180.0) % 360.0 - 180.0
    return 180.0 if wrapped == -180.0 else wrapped


def circle_intersection(
    center_a: Point, radius_a: float, center_b: Point, radius_b: float, *, upper: bool = True
) -> Point:
    """The upper (or lower) crossing point of two circles; ValueError when they do not meet."""
    dx, dy = center_b[0] - center_a[0], center_b[1] - center_a[1]
    distance = math.hypot(dx, dy)
    if distance == 0 or distance > radius_a + radius_b or distance < abs(radius_a - radius_b):
        raise ValueError("the segments cannot reach both points")
    along = (radius_a**2 - radius_b**2 + distance**2) / (2 * distance)
    across = math.sqrt(max(radius_a**2 - along**2, 0.0))
    mid = (center_a[0] + along * dx / distance, center_a[1] + along * dy / distance)
    first = (mid[0] - across * dy / distance, mid[1] + across * dx / distance)
    second = (mid[0] + across * dy / distance, mid[1] - across * dx / distance)
    return (
        max(first, second, key=lambda p: p[1]) if upper else min(first, second, key=lambda p: p[1])
    )


def angles_from_points(ankle: Point, knee: Point, hip: Point, shoulder: Point) -> dict[str, float]:
    """``shin``, ``knee`` and ``hip_line`` (this module's conventions) of four joint positions."""
    shin_direction = _direction(ankle, knee)
    thigh_direction = _direction(knee, hip)
    torso_direction = _direction(hip, shoulder)
    return {
        "shin": _wrap(90.0 - shin_direction),
        "knee": _wrap(shin_direction + 180.0 - thigh_direction) % 360.0,
        "hip_line": _wrap(torso_direction - thigh_direction),
    }


def pose_through(base: Pose, *, hip: Point, shoulder: Point) -> Pose:
    """``base`` re-posed so its hip and shoulder are at the given points, the ankle staying put.

    The trunk length is kept by moving the shoulder along the hip->shoulder direction; the knee is
    where shank and thigh meet (the upper solution: knees point up in a hip thrust).
    """
    h = base.height_cm
    ankle = (base.ankle_x, ANKLE_HEIGHT * h + base.foot_raise)
    knee = circle_intersection(ankle, SHANK * h, hip, THIGH * h)
    along = _direction(hip, shoulder)
    shoulder = _step(hip, along, TRUNK * h)
    return replace(base, **angles_from_points(ankle, knee, hip, shoulder))
