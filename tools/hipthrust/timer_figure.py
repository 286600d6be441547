"""The timer's moving figure: frames of the stick model between the bottom and the top.

Frame 0 is :data:`hipthrust.pose.BOTTOM`, the last frame :data:`hipthrust.pose.TOP`; the frames in
between interpolate the joint angles linearly, so the page only shows the frame for the hips'
height (0-1) that the timeline gives for the moment. Drawn with :mod:`hipthrust.svg` from the same
model as the guide's figures.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Final

from . import svg
from .figure_drawing import free_toe
from .pose import BOTTOM, HEAD_RADIUS, TOP, Point, Pose, joint_positions

FRAMES: Final = 11
_MARGIN: Final = 12.0


def pose_at(height: float) -> Pose:
    """The pose with the hips ``height`` of the way from the bottom (0) to the top (1)."""
    height = min(1.0, max(0.0, height))
    values = {
        field.name: getattr(BOTTOM, field.name)
        + (getattr(TOP, field.name) - getattr(BOTTOM, field.name)) * height
        for field in fields(Pose)
    }
    return Pose(**values)


def _limbs(points: dict[str, Point]) -> list[list[Point]]:
    p = points
    return [
        [p["toe"], p["heel"], p["ankle"], p["knee"], p["hip"], p["shoulder"], p["neck"]],
        [p["shoulder"], p["elbow"], p["hand"]],
        # the free foot, as in the guide's figures, so the raised leg never reads as an arm
        [p["hip"], p["free_knee"], p["free_ankle"], p["free_toe"]],
    ]


def figure_frames(count: int = FRAMES) -> dict[str, object]:
    """``{"viewBox", "frames"}``: each frame is the inner SVG markup, in y-down coordinates."""
    posed = [joint_positions(pose_at(i / (count - 1))) for i in range(count)]
    for points in posed:
        points["free_toe"] = free_toe(points)
    xs = [x for points in posed for x, _ in points.values()]
    ys = [y for points in posed for _, y in points.values()]
    head_r = HEAD_RADIUS * TOP.height_cm
    left, right = min(xs) - _MARGIN, max(xs) + _MARGIN
    top, bottom = max(ys) + head_r + _MARGIN, min(min(ys), 0.0) - _MARGIN
    frames: list[str] = []
    for points in posed:
        flipped = {name: (x, -y) for name, (x, y) in points.items()}
        parts = [svg.line((left, 0.0), (right, 0.0), class_="timer-figure__floor")]
        parts += [svg.polyline(limb, class_="timer-figure__limb") for limb in _limbs(flipped)]
        parts.append(svg.circle(flipped["head"], head_r, class_="timer-figure__head"))
        frames.append("".join(parts))
    view_box = f"{left:.1f} {-top:.1f} {right - left:.1f} {top - bottom:.1f}"
    return {"viewBox": view_box, "frames": frames}
