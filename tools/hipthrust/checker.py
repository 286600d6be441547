"""The angle checker's measurements from the points the user placed (all of them or only some).

Side photo at the top of a rep (definitions as in :mod:`hipthrust.pose`):

- ``shin``: ankle->knee from vertical; + knee further from the shoulders than the ankle (foot too
  close, quads take over), - knee nearer the bench than the ankle (foot too far, hamstrings take over);
- ``hip_line``: shoulder-hip-knee bend from straight; + hip above the shoulder-knee line (pushed
  too high, lower back arching), - below it (hips not fully extended);
- ``plane``: the shoulder->knee line against the floor; + the knee higher than the shoulders;
- ``heel``: heel->toe against the floor; + the heel higher than the toe (pushing off the toes);
  toes lifted (-) is fine: the guide allows lifting them slightly;
- ``free_leg``: hip->free knee above the horizontal; - the free knee below the hip (dropping).

Front photo, taken facing the lifter (their right leg on the photo's left): ``valgus``, the
working shin's tilt from vertical, + the knee inward of the ankle (towards the midline). Not the
frontal-plane projection angle (hip-knee-ankle): from the feet, at the top, the thigh points at the
camera and the hip and knee overlap in the photo, so that angle swings wildly with a few pixels;
the shin is seen full length. ``pelvis``, the working hip->other hip line from horizontal, + the
free-leg side lower.

The step (:mod:`hipthrust.steps`) chooses which metrics are asked for
(:data:`hipthrust.metrics.STEP_CHECKS`): e.g. no body line against the floor on a floor step.

Partial input: a metric is measured only when every point it needs (:data:`metrics.NEEDS`) is
placed; the others come back as waiting lines. Nothing here invents a point: there are no default
landmarks, and the floor line is used only when the user marked it. Which way the lifter faces (the
sign of the shin and heel angles) comes from the first placed pair of :data:`FACING_PAIRS`
(shoulder-ankle first, as in v1): the shoulders and hips lie behind the working knee and foot.
The verdict bands and their sources are in :mod:`hipthrust.metrics`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Final

from .geometry import (
    Frame,
    GeometryError,
    Point,
    check_point,
    direction_deg,
    from_vertical_deg,
    inside_angle_deg,
    length,
    level_up,
    require_apart,
    side_frame,
    signed_angle,
    sub,
)
from .metrics import OPTIONAL, STEP_CHECKS, THRESHOLDS, metric, missing, verdict, waiting
from .steps import DEFAULT_STEP, Step
from .steps import step as find_step

__all__ = [
    "THRESHOLDS",
    "FrontReport",
    "SideReport",
    "measure_front",
    "measure_side",
    "metric",
    "verdict",
]

SIDE_POINTS: Final = ("shoulder", "hip", "knee", "ankle", "heel", "toe", "free_knee")
FRONT_POINTS: Final = ("hip", "knee", "ankle", "other_hip")
# The pairs that tell which way the lifter faces, best first (shoulder-ankle is v1's pair).
FACING_PAIRS: Final = (
    ("shoulder", "ankle"),
    ("shoulder", "knee"),
    ("hip", "ankle"),
    ("hip", "knee"),
    ("shoulder", "heel"),
    ("hip", "heel"),
)
# Four points within this fraction of the shoulder-ankle distance of one line are "all in a line".
COLLINEAR_FRACTION: Final = 0.02
# A hip-hip line steeper than this is not two hips side by side: the points are misplaced.
MAX_PELVIS_TILT_DEG: Final = 45.0


def _points(landmarks: Any, names: tuple[str, ...]) -> dict[str, Point]:
    """The placed points among ``names``; a missing or null entry is a point not placed yet."""
    if landmarks is None:
        return {}
    if not isinstance(landmarks, dict):
        raise GeometryError("Place the points on the photo first.")
    return {
        name: check_point(name, landmarks[name])
        for name in names
        if landmarks.get(name) is not None
    }


def _floor(floor: Any) -> tuple[Point, Point] | None:
    if floor is None:
        return None
    if not isinstance(floor, list | tuple) or len(floor) != 2:
        raise GeometryError("Mark the floor with two points.")
    return (check_point("floor", floor[0]), check_point("floor", floor[1]))


def _require_apart_placed(p: dict[str, Point], *pairs: tuple[str, str]) -> None:
    require_apart(p, *(pair for pair in pairs if pair[0] in p and pair[1] in p))


def _require_not_in_a_line(p: dict[str, Point]) -> None:
    axis = sub(p["ankle"], p["shoulder"])
    span = length(axis)
    off = [
        abs(axis[0] * (q[1] - p["shoulder"][1]) - axis[1] * (q[0] - p["shoulder"][0])) / span
        for q in (p["hip"], p["knee"])
    ]
    if max(off) < COLLINEAR_FRACTION * span:
        raise GeometryError(
            "All four points lie on one line: place each on its joint "
            "(shoulder, hip, knee and ankle of the working leg)."
        )


def checked_step(key: str) -> Step:
    """The step with this key; an unknown key is a GeometryError the page shows as it is."""
    try:
        return find_step(key)
    except ValueError as error:
        raise GeometryError(str(error)) from None


def _step_checks(step: str) -> tuple[str, ...]:
    checked_step(step)
    return STEP_CHECKS[step].allowed("side")


def _waiting(
    view: str, step: str, done: dict[str, Any], placed: dict[str, Point]
) -> list[dict[str, Any]]:
    checks = STEP_CHECKS[step]
    names = [*checks.core(view)]
    if view == "side":
        names += [
            m
            for m, own in OPTIONAL.items()
            if m in checks.optional and any(n in placed for n in own)
        ]
    return [waiting(name, missing(name, placed)) for name in names if name not in done]


@dataclass(frozen=True, slots=True)
class SideReport:
    """What a side photo's placed points give: ``frame.facing`` is +1 when ``facing`` is None."""

    frame: Frame
    points: dict[str, Point]
    metrics: dict[str, dict[str, Any]]
    knee_angle: float | None
    floor: tuple[Point, Point] | None
    facing: float | None = None
    waiting: list[dict[str, Any]] = field(default_factory=list)


def _side_frame(p: dict[str, Point], floor: tuple[Point, Point] | None) -> tuple[Frame, bool]:
    """The level frame, facing the lifter's way when a facing pair is placed (else +1, False)."""
    for back, front in FACING_PAIRS:
        if back in p and front in p:
            return side_frame(p[back], p[front], floor), True
    return Frame(level_up(floor)), False


def measure_side(landmarks: Any, floor: Any = None, step: str = DEFAULT_STEP) -> SideReport:
    """The side-view metrics the step asks for and the placed points allow (photo pixels;
    optional floor line)."""
    allowed = _step_checks(step)
    p = _points(landmarks, SIDE_POINTS)
    _require_apart_placed(
        p,
        ("shoulder", "hip"),
        ("hip", "knee"),
        ("knee", "ankle"),
        ("shoulder", "knee"),
        ("hip", "ankle"),
        ("shoulder", "ankle"),
    )
    if all(n in p for n in ("shoulder", "hip", "knee", "ankle")):
        _require_not_in_a_line(p)
    floor_points = _floor(floor)
    frame, facing_known = _side_frame(p, floor_points)
    m = {name: frame.point(q) for name, q in p.items()}
    # Every metric that needs the facing has a FACING_PAIRS pair among its needs.
    can = {name for name in allowed if not missing(name, p)}

    values: dict[str, float] = {}
    # Checked as soon as both are placed: a swapped pair must not wait for a third point.
    if "knee" in m and "ankle" in m and sub(m["knee"], m["ankle"])[1] <= 0:
        raise GeometryError("The knee point is not above the ankle point: check which is which.")
    if "shin" in can:
        values["shin"] = from_vertical_deg(sub(m["knee"], m["ankle"]))
    if "hip_line" in can:
        values["hip_line"] = signed_angle(sub(m["hip"], m["knee"]), sub(m["shoulder"], m["hip"]))
    if "plane" in can:
        values["plane"] = direction_deg(sub(m["knee"], m["shoulder"]))
    if "heel" in can:
        require_apart(p, ("heel", "toe"))
        foot = sub(m["toe"], m["heel"])
        if foot[0] <= 0:
            raise GeometryError("The toe point is behind the heel point: check which is which.")
        values["heel"] = -direction_deg(foot)
    if "free_leg" in can:
        require_apart(p, ("hip", "free_knee"))
        free = sub(m["free_knee"], m["hip"])
        values["free_leg"] = direction_deg((abs(free[0]), free[1]))
    done = {name: metric(name, value) for name, value in values.items()}
    knee_angle = (
        inside_angle_deg(m["knee"], m["ankle"], m["hip"])
        if all(n in m for n in ("hip", "knee", "ankle"))
        else None
    )
    return SideReport(
        frame=frame,
        points=p,
        metrics=done,
        knee_angle=knee_angle,
        floor=floor_points,
        facing=frame.facing if facing_known else None,
        waiting=_waiting("side", step, done, p),
    )


@dataclass(frozen=True, slots=True)
class FrontReport:
    points: dict[str, Point]
    metrics: dict[str, dict[str, Any]]
    waiting: list[dict[str, Any]] = field(default_factory=list)


def _valgus(p: dict[str, Point], leg: str) -> float:
    """The shin's tilt from the photo's vertical, + the knee towards the midline. The lifter's
    right leg appears on the photo's left, so its midline side is the photo's right."""
    shin = sub(p["knee"], p["ankle"])
    if shin[1] >= 0:
        raise GeometryError("The knee point is not above the ankle point: check which is which.")
    medial = 1.0 if leg == "right" else -1.0
    return medial * math.degrees(math.atan2(shin[0], -shin[1]))


def _pelvis(p: dict[str, Point]) -> float:
    """Degrees of the hip->other hip line below horizontal (photo y is down, so + = the free-leg
    side lower). Which side of the photo the free leg is on does not change the sign."""
    across = sub(p["other_hip"], p["hip"])
    tilt = math.degrees(math.atan2(across[1], abs(across[0])))
    if abs(tilt) > MAX_PELVIS_TILT_DEG:
        raise GeometryError(
            "The two hip points are nearly one above the other: "
            "place one on each hip, seen from the front."
        )
    return tilt


def measure_front(landmarks: Any, leg: str = "right", step: str = DEFAULT_STEP) -> FrontReport:
    """The shin's tilt and (one-leg steps) pelvis level from a front photo taken facing the
    lifter (not a mirrored selfie), from the points placed so far."""
    if leg not in ("left", "right"):
        raise GeometryError("Choose the working leg: left or right.")
    _step_checks(step)
    allowed = STEP_CHECKS[step].front
    p = _points(landmarks, FRONT_POINTS)
    _require_apart_placed(
        p, ("hip", "knee"), ("knee", "ankle"), ("hip", "ankle"), ("hip", "other_hip")
    )
    values: dict[str, float] = {}
    if "valgus" in allowed and not missing("valgus", p):
        values["valgus"] = _valgus(p, leg)
    if "pelvis" in allowed and not missing("pelvis", p):
        values["pelvis"] = _pelvis(p)
    done = {name: metric(name, value) for name, value in values.items()}
    return FrontReport(points=p, metrics=done, waiting=_waiting("front", step, done, p))
