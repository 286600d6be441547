"""The angle checker's measurements and verdicts, with every threshold in one place.

Side photo at the top of a rep (definitions as in :mod:`hipthrust.pose`):

- ``shin``: ankle->knee from vertical; + knee further from the shoulders than the ankle (foot too
  close, quads take over), - knee behind the ankle (foot too far, hamstrings take over);
- ``hip_line``: shoulder-hip-knee bend from straight; + hip above the shoulder-knee line (pushed
  too high, lower back arching), - below it (hips not fully extended);
- ``plane``: the shoulder->knee line against the floor; + the knee higher than the shoulders;
- ``heel``: heel->toe against the floor; + the heel higher than the toe (pushing off the toes);
  toes lifted (-) is fine: the guide allows lifting them slightly;
- ``free_leg``: hip->free knee above the horizontal; - the free knee below the hip (dropping).

Front photo: ``valgus``, the frontal-plane projection angle: how far the knee leaves the
hip-ankle line, + inward (towards the midline).

Where the numbers come from: the source article asks for a vertical shin, a straight
shoulders-hips-knee line, a flat plane and the knee in line with hip and ankle, but gives no
tolerance. The bands below are ours, set from what a photo can show: hand-placed points on a phone
photo move an angle by about 2-3° (a joint is a few centimetres across), and a camera a little off
side-on skews it by a few more, so "good" allows about twice that error and "fix" starts where a
coach would see the fault by eye. The guide page explains them through macros (``checker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from . import faults
from .faults import Fault
from .geometry import (
    Frame,
    GeometryError,
    Point,
    check_point,
    direction_deg,
    from_vertical_deg,
    inside_angle_deg,
    length,
    require_apart,
    side_frame,
    signed_angle,
    sub,
)
from .pose import TOP, joint_positions

Verdict = Literal["good", "close", "fix"]
Side = Literal["both", "above", "below"]


@dataclass(frozen=True, slots=True)
class Band:
    """Verdict limits for one metric: |value| <= good is good, <= close is close, else fix.

    ``judged`` says which sign can be a fault at all (toes lifted or a knee pushed out is fine);
    ``above``/``below`` are the troubleshooting entries for a positive/negative fault.
    """

    label: str
    good: float
    close: float
    judged: Side = "both"
    above: Fault | None = None
    below: Fault | None = None
    counts: str = "either way"  # which deviation counts, in words (the guide's table)


THRESHOLDS: Final = {
    "shin": Band("Shin angle", 5.0, 10.0, "both", faults.FOOT_TOO_CLOSE, faults.FOOT_TOO_FAR),
    "hip_line": Band("Hip line", 5.0, 10.0, "both", faults.LOWER_BACK_ARCH, faults.HIPS_TOO_LOW),
    "plane": Band("Body line against the floor", 10.0, 20.0),
    "heel": Band(
        "Heel lift",
        5.0,
        10.0,
        "above",
        faults.PUSHING_OFF_TOES,
        counts="heel above the toe only (toes lifted is fine)",
    ),
    "free_leg": Band(
        "Free leg",
        10.0,
        25.0,
        "below",
        below=faults.FREE_LEG_DROPPING,
        counts="free knee below the hip only (higher is fine)",
    ),
    "valgus": Band(
        "Knee in line (front)",
        5.0,
        10.0,
        "above",
        faults.KNEE_CAVING_IN,
        counts="inward only (pushed slightly out is the cue)",
    ),
}

SIDE_REQUIRED: Final = ("shoulder", "hip", "knee", "ankle")
SIDE_OPTIONAL: Final = ("heel", "toe", "free_knee")
FRONT_REQUIRED: Final = ("hip", "knee", "ankle")
# Four points within this fraction of the shoulder-ankle distance of one line are "all in a line".
COLLINEAR_FRACTION: Final = 0.02


def verdict(name: str, value: float) -> Verdict:
    band = THRESHOLDS[name]
    if (band.judged == "above" and value <= 0) or (band.judged == "below" and value >= 0):
        return "good"
    size = abs(value)
    return "good" if size <= band.good else "close" if size <= band.close else "fix"


def _fault(name: str, value: float, judged: Verdict) -> Fault | None:
    if judged == "good":
        return None
    band = THRESHOLDS[name]
    return band.above if value > 0 else band.below


_DIRECTIONS: Final = {
    "shin": ("knee ahead of the ankle", "knee behind the ankle", "vertical"),
    "hip_line": (
        "hips above the shoulder-knee line",
        "hips below the shoulder-knee line",
        "straight",
    ),
    "plane": ("knee higher than the shoulders", "knee lower than the shoulders", "flat"),
    "heel": ("heel lifted", "toes lifted", "foot flat"),
    "free_leg": ("free knee above the hip", "free knee below the hip", "level with the hip"),
    "valgus": ("knee inside the hip-ankle line", "knee outside the hip-ankle line", "in line"),
}


def metric(name: str, value: float) -> dict[str, Any]:
    """One measured angle as plain data: value, verdict, wording and (if any) the fault to fix."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    judged = verdict(name, value)
    positive, negative, neutral = _DIRECTIONS[name]
    direction = neutral if abs(rounded) < 0.5 else positive if value > 0 else negative
    fault = _fault(name, value, judged)
    return {
        "name": name,
        "label": THRESHOLDS[name].label,
        "value": rounded,
        "verdict": judged,
        "direction": direction,
        "fault": None
        if fault is None
        else {"anchor": fault.anchor, "title": fault.title, "cue": fault.cue},
    }


def _points(landmarks: dict[str, Any], required: tuple[str, ...]) -> dict[str, Point]:
    if not isinstance(landmarks, dict):
        raise GeometryError("Place the landmarks on the photo first.")
    points = {name: check_point(name, landmarks.get(name)) for name in required}
    for name in SIDE_OPTIONAL:
        if landmarks.get(name) is not None and name not in points:
            points[name] = check_point(name, landmarks[name])
    return points


def _floor(floor: Any) -> tuple[Point, Point] | None:
    if floor is None:
        return None
    if not isinstance(floor, list | tuple) or len(floor) != 2:
        raise GeometryError("Mark the floor with two points.")
    return (check_point("floor", floor[0]), check_point("floor", floor[1]))


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


@dataclass(frozen=True, slots=True)
class SideReport:
    frame: Frame
    points: dict[str, Point]
    metrics: dict[str, dict[str, Any]]
    knee_angle: float
    floor: tuple[Point, Point] | None


def measure_side(landmarks: dict[str, Any], floor: Any = None) -> SideReport:
    """All side-view metrics from landmarks in photo pixels (and an optional floor line)."""
    p = _points(landmarks, SIDE_REQUIRED)
    require_apart(
        p,
        ("shoulder", "hip"),
        ("hip", "knee"),
        ("knee", "ankle"),
        ("shoulder", "knee"),
        ("hip", "ankle"),
        ("shoulder", "ankle"),
    )
    _require_not_in_a_line(p)
    floor_points = _floor(floor)
    frame = side_frame(p["shoulder"], p["ankle"], floor_points)
    m = {name: frame.point(q) for name, q in p.items()}

    shin_vector = sub(m["knee"], m["ankle"])
    if shin_vector[1] <= 0:
        raise GeometryError("The knee point is not above the ankle point: check which is which.")
    values = {
        "shin": from_vertical_deg(shin_vector),
        "hip_line": signed_angle(sub(m["hip"], m["knee"]), sub(m["shoulder"], m["hip"])),
        "plane": direction_deg(sub(m["knee"], m["shoulder"])),
    }
    if "heel" in m and "toe" in m:
        require_apart(p, ("heel", "toe"))
        foot = sub(m["toe"], m["heel"])
        if foot[0] <= 0:
            raise GeometryError("The toe point is behind the heel point: check which is which.")
        values["heel"] = -direction_deg(foot)
    if "free_knee" in m:
        require_apart(p, ("hip", "free_knee"))
        free = sub(m["free_knee"], m["hip"])
        values["free_leg"] = direction_deg((abs(free[0]), free[1]))
    return SideReport(
        frame=frame,
        points=p,
        metrics={name: metric(name, value) for name, value in values.items()},
        knee_angle=inside_angle_deg(m["knee"], m["ankle"], m["hip"]),
        floor=floor_points,
    )


@dataclass(frozen=True, slots=True)
class FrontReport:
    points: dict[str, Point]
    metrics: dict[str, dict[str, Any]]


def measure_front(landmarks: dict[str, Any], leg: str = "right") -> FrontReport:
    """Knee valgus from a front photo taken facing the lifter (not a mirrored selfie).

    The lifter's right leg appears on the photo's left, so its midline side is the photo's right.
    """
    if leg not in ("left", "right"):
        raise GeometryError("Choose the working leg: left or right.")
    p = _points(landmarks, FRONT_REQUIRED)
    require_apart(p, ("hip", "knee"), ("knee", "ankle"), ("hip", "ankle"))
    axis = sub(p["ankle"], p["hip"])
    # Normal of the hip->ankle line pointing to the photo's right when the leg hangs down.
    normal = (axis[1], -axis[0])
    if normal[0] < 0:
        normal = (-normal[0], -normal[1])
    medial = 1.0 if leg == "right" else -1.0
    offset = sub(p["knee"], p["hip"])
    side = offset[0] * normal[0] + offset[1] * normal[1]
    bend = 180.0 - inside_angle_deg(p["knee"], p["hip"], p["ankle"])
    value = bend * medial if side > 0 else -bend * medial
    return FrontReport(points=p, metrics={"valgus": metric("valgus", value)})


def initial_side_landmarks(width: float, height: float) -> dict[str, Point]:
    """Landmarks of the correct top position fitted into a photo, facing right, on the floor."""
    joints = joint_positions(TOP)
    names = (*SIDE_REQUIRED, *SIDE_OPTIONAL)
    xs = [joints[n][0] for n in (*names, "head")]
    ys = [joints[n][1] for n in (*names, "head")]
    span_x = max(xs) - min(xs)
    span_y = max(ys) - min(ys)
    scale = min(0.7 * width / span_x, 0.6 * height / span_y)
    left = (width - span_x * scale) / 2 - min(xs) * scale
    floor_y = 0.85 * height
    return {
        n: (round(left + joints[n][0] * scale, 1), round(floor_y - joints[n][1] * scale, 1))
        for n in names
    }


def initial_front_landmarks(width: float, height: float) -> dict[str, Point]:
    x = round(width / 2, 1)
    return {
        "hip": (x, round(0.3 * height, 1)),
        "knee": (x, round(0.5 * height, 1)),
        "ankle": (x, round(0.8 * height, 1)),
    }


def initial_floor(width: float, height: float) -> tuple[Point, Point]:
    y = round(0.87 * height, 1)
    return ((round(0.2 * width, 1), y), (round(0.8 * width, 1), y))
