"""Made-up keypoint series with exact truth, for the set review's unit tests.

The body is the project's stick model: :func:`hipthrust.figure_rep.pose_at` poses it with the
hips a share of the way up (shoulders on the bench), and :func:`tests.unit.keypoint_sets.
pose_keypoints` turns the joints into MoveNet's 17 keypoints as a side-on camera sees them. The
hips follow a tempo: each movement at a steady speed with short smooth starts and stops
(:data:`BLEND_S`, how a lifter counting seconds moves), each hold flat. The truth is each
phase's start and end: where the hips start and stop moving.

The jitter model: Gaussian noise on every keypoint coordinate with ``noise`` px standard
deviation. Measured on the real clip's top hold (MoveNet Thunder, tests/data/videos/keypoints/),
the shoulder, hip, knee and ankle keypoints wobble by 0.3-2.0 px standard deviation on a leg of
183-248 px (at most about 1 % of the leg, a slight real sag included); the tests go up to 5 px on
this model's 258 px leg (2 %), twice that.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hipthrust.figure_rep import pose_at
from hipthrust.keypoints import KEYPOINT_NAMES
from hipthrust.pose import joint_positions
from tests.unit.keypoint_sets import pose_keypoints, standing_joints

BLEND_S = 0.08
LEG_PX = 258.0  # thigh + shin of the model at pose_keypoints' scale (3 px/cm, 86 cm)
ORDER = {"up": ("drive", "top", "lower", "bottom"), "down": ("lower", "bottom", "drive", "top")}


@dataclass
class Trace:
    """Phases (name, start, end) in time order and the hips' height (0-1) at any time."""

    phases: list[tuple[str, float, float]] = field(default_factory=list)
    legs: list[tuple[float, float, str]] = field(default_factory=list)  # start, end, working

    @property
    def duration(self) -> float:
        return self.phases[-1][2]

    def height(self, t: float) -> float:
        for name, a, b in self.phases:
            if a <= t <= b:
                if name in ("top", "bottom"):
                    return 1.0 if name == "top" else 0.0
                x = _ramp((t - a) / (b - a), b - a)
                return x if name == "drive" else 1.0 - x
        return 1.0 if self.phases[-1][0] in ("top", "drive") else 0.0

    def leg(self, t: float) -> str:
        return next((side for a, b, side in self.legs if a <= t < b), "near")


def _ramp(x: float, seconds: float) -> float:
    """0 -> 1 at a steady speed, the speed blending in and out over BLEND_S (smoothstep ends)."""
    blend = min(BLEND_S / seconds, 0.25)
    peak = 1.0 / (1.0 - blend)  # the steady speed, in range per unit of x
    if x < blend:
        return peak * x * x / (2 * blend)
    if x > 1 - blend:
        return 1.0 - peak * (1 - x) ** 2 / (2 * blend)
    return peak * (x - blend / 2)


def tempo_trace(
    reps: int,
    tempo: tuple[float, float, float, float] = (2.0, 0.5, 1.0, 1.0),
    *,
    start: str = "down",
    lead: float = 1.0,
    tail: float = 1.0,
    speed: float = 1.0,
) -> Trace:
    """``reps`` reps at ``tempo`` (lower, bottom, drive, top seconds), divided by ``speed``.

    ``start`` "down": the video starts holding at the top, reps go lower-bottom-drive-top;
    "up": it starts at the bottom, reps go drive-top-lower-bottom. ``lead`` seconds of the first
    hold before the first movement, ``tail`` seconds of the last hold (cut by the end).
    """
    seconds = dict(zip(("lower", "bottom", "drive", "top"), tempo, strict=True))
    order = ORDER[start]
    trace = Trace()
    t = lead / speed
    trace.phases.append((order[3], 0.0, t))
    for _ in range(reps):
        for name in order[:3]:
            trace.phases.append((name, t, t + seconds[name] / speed))
            t += seconds[name] / speed
        last = tail if _ == reps - 1 else seconds[order[3]]
        trace.phases.append((order[3], t, t + last / speed))
        t += last / speed
    return trace


def trimmed(trace: Trace, start: float, end: float) -> Trace:
    """The trace seen from ``start`` to ``end`` (times shifted to start at 0)."""
    out = Trace(legs=[(a - start, b - start, s) for a, b, s in trace.legs])
    for name, a, b in trace.phases:
        if b > start and a < end:
            out.phases.append((name, max(a, start) - start, min(b, end) - start))
    full = trace

    def height(t: float) -> float:
        return full.height(t + start)

    out.height = height  # type: ignore[method-assign]
    return out


SCALE = 3.0  # px per cm, as pose_keypoints
ORIGIN = (425.0, 450.0)  # where the top position's hip is in the photo


def _seen(
    joints: dict[str, tuple[float, float]], reference: tuple[float, float]
) -> tuple[float, float]:
    """pose_keypoints centres the photo on the hip; move it so ``reference`` stays put (a camera
    that does not follow the hips)."""
    hip = joints["hip"]
    return (
        ORIGIN[0] + SCALE * (hip[0] - reference[0]),
        ORIGIN[1] - SCALE * (hip[1] - reference[1]),
    )


TOP_HIP = joint_positions(pose_at(1.0))["hip"]


def bridge_keypoints(height: float, working: str = "near", single_leg: bool = True) -> list[Any]:
    """The 17 keypoints (named dicts) of the model with the hips ``height`` of the way up."""
    pose = pose_at(height)
    origin = _seen(joint_positions(pose), TOP_HIP)
    return pose_keypoints(pose, working=working, single_leg=single_leg, origin=origin)


def lunge_keypoints(depth: float) -> list[Any]:
    """A standing person sinking ``depth`` (0-1) of 40 cm, the whole body moving together."""
    drop = 40.0 * depth
    joints = {
        name: (x + (15.0 * depth if name in ("knee", "free_knee") else 0.0), y - drop)
        for name, (x, y) in standing_joints().items()
    }
    joints["ankle"] = standing_joints()["ankle"]
    joints["free_ankle"] = (-50.0 * depth, standing_joints()["free_ankle"][1])
    origin = _seen(joints, standing_joints()["hip"])
    return pose_keypoints(joints, single_leg=True, origin=origin)


def as_triples(named: list[dict[str, Any]]) -> list[list[float]]:
    """Named keypoints -> [[x, y, score]] in COCO order, as the page sends them."""
    by_name = {k["name"]: k for k in named}
    return [[by_name[n]["x"], by_name[n]["y"], by_name[n]["score"]] for n in KEYPOINT_NAMES]


def frames(
    trace: Trace,
    *,
    fps: float = 30.0,
    noise: float = 0.0,
    jitter: float = 0.0,
    drop: float = 0.0,
    seed: int = 1,
    single_leg: bool = True,
    pose: Callable[[float], list[Any]] | None = None,
) -> list[dict[str, Any]]:
    """Sampled frames of a trace: ``noise`` px on each coordinate, frame times moved by up to
    ``jitter`` of a frame interval, a share ``drop`` of frames lost (keypoints null)."""
    rng = random.Random(seed)
    out = []
    count = math.floor(trace.duration * fps + 1e-9) + 1
    for i in range(count):
        t = min(trace.duration, max(0.0, (i + rng.uniform(-jitter, jitter)) / fps))
        if rng.random() < drop:
            out.append({"t": t, "keypoints": None})
            continue
        h = trace.height(t)
        named = pose(h) if pose else bridge_keypoints(h, trace.leg(t), single_leg=single_leg)
        for k in named:
            k["x"] += rng.gauss(0.0, noise) if noise else 0.0
            k["y"] += rng.gauss(0.0, noise) if noise else 0.0
        out.append({"t": round(t, 6), "keypoints": as_triples(named)})
    return out


def hip_lift_cm() -> float:
    """How far the model's hips rise from the bottom to the top (cm)."""
    return joint_positions(pose_at(1.0))["hip"][1] - joint_positions(pose_at(0.0))["hip"][1]


def truth_reps(trace: Trace) -> list[dict[str, float | None]]:
    """The trace's reps by the review's rule: from the first movement, four phases each, both
    movements whole; a phase cut by the start or end (touching 0 or the duration) is None."""
    phases = trace.phases
    end = trace.duration

    def whole(p: tuple[str, float, float]) -> bool:
        return p[1] > 1e-9 and p[2] < end - 1e-9

    first = next(i for i, p in enumerate(phases) if p[0] in ("lower", "drive") and whole(p))
    found: list[dict[str, float | None]] = []
    for i in range(first, len(phases), 4):
        group = phases[i : i + 4]
        moves = [p for p in group if p[0] in ("lower", "drive")]
        if len(moves) < 2 or not all(whole(p) for p in moves):
            break
        row: dict[str, float | None] = {"start": group[0][1]}
        for name, a, b in group:
            row[name] = b - a if whole((name, a, b)) else None
        found.append(row)
    return found
