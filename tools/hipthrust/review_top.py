"""The set review's third stage: each rep's top position, judged by the angle checker's own code.

For each rep, the frames of its top hold (from the end of the drive to the start of the next
lowering, or to the video's end; :mod:`hipthrust.review_reps`) are each treated as a photo:

- :func:`hipthrust.detection.detect` picks the near side, the working leg and the checker's points
  from the 17 keypoints, and judges the view (:mod:`hipthrust.view`), exactly as for a photo;
- only points the checker would trust without a person checking them are kept: a point the
  detector flags (unsure score, impossible geometry) is left out, as an unplaced point is, so a
  metric that needs it is not measured on that frame (the hip's standing "check this point" note
  is not a doubt about this frame and does not drop it);
- :func:`hipthrust.checker.measure_side` (or ``measure_front``) gives the angles.

A rep's angle is the **median** over its top-hold frames that measured it (a frame where the model
slipped does not move it), and it is given only when at least half of the usable top frames
measured it (:data:`MIN_SHARE`). When most top frames fail the view judgement (standing, facing the
camera, at a slant, not at the top), the rep gets that view and **no** angle: the checker withholds
its verdicts on such a photo, and so does the review. Which metrics: shin and hip line always
(side view); the body line against the floor only on a bench step (on the floor the shoulders lie
on it, :mod:`hipthrust.steps`); the free leg on one-leg steps when the free knee is seen. Front
view: knee line, and pelvis level on one-leg steps.

The frame shown for the rep (with the checker's overlay, same drawing code as a photo) is the
usable top frame whose own angles are nearest the medians, so the picture agrees with the table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Any, Final

from . import checker, detection, overlay
from .geometry import GeometryError, Point
from .metrics import metric
from .review_reps import Rep
from .review_series import Frame
from .steps import Step
from .view import View

MIN_SHARE: Final = 0.5


@dataclass(frozen=True, slots=True)
class TopFrame:
    t: float
    points: dict[str, Point]
    values: dict[str, float]
    view: View
    leg: str | None
    report: checker.SideReport | checker.FrontReport | None

    def overlay(self, size: tuple[float, float]) -> str:
        """The checker's overlay of this frame (drawn only for the frame shown)."""
        if isinstance(self.report, checker.SideReport):
            return overlay.side_overlay(self.report, *size)
        if isinstance(self.report, checker.FrontReport):
            return overlay.front_overlay(self.report, *size)
        return ""


@dataclass(frozen=True, slots=True)
class Top:
    """A rep's top position: its frames' times, the median angles as metric dicts, the view,
    the working leg and the frame to show."""

    times: list[float]
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    view: View = field(default_factory=lambda: View("unknown"))
    leg: str | None = None
    shown: TopFrame | None = None


def wanted(step: Step, mode: str) -> tuple[str, ...]:
    """The metrics judged at the top for this step and view (module docstring)."""
    if mode == "front":
        return ("valgus", "pelvis") if step.one_leg else ("valgus",)
    names = ["shin", "hip_line"]
    if step.support == "bench":
        names.append("plane")
    if step.one_leg:
        names.append("free_leg")
    return tuple(names)


def _trusted(found: detection.Detection) -> dict[str, Point]:
    return {
        name: point
        for name, point in found.points.items()
        if found.checks.get(name, detection.HIP_REASON) == detection.HIP_REASON
    }


def measure_frame(frame: Frame, step: Step, mode: str) -> TopFrame | None:
    """One top frame as the checker sees a photo; None when no person is found in it."""
    found = detection.detect(frame.keypoints, mode, step.staggered)
    if not found.found:
        return None
    points = _trusted(found)
    names = wanted(step, mode)
    report: checker.SideReport | checker.FrontReport | None
    try:
        if mode == "front":
            report = checker.measure_front(points, found.working_leg or "right")
        else:
            report = checker.measure_side(points)
    except GeometryError:
        report = None
    values = (
        {} if report is None else {n: m["value"] for n, m in report.metrics.items() if n in names}
    )
    return TopFrame(frame.t, points, values, found.view, found.working_leg, report)


def top_frames(rep: Rep, frames: list[Frame]) -> list[Frame]:
    """The frames of the rep's top hold; for a hold too short to hold a frame, the one nearest it."""
    hold = rep.top
    start = hold.start if hold.start is not None else rep.start
    end = hold.end if hold.end is not None else (frames[-1].t if frames else start)
    inside = [f for f in frames if start <= f.t <= end]
    if inside or not frames:
        return inside
    middle = (start + end) / 2
    return [min(frames, key=lambda f: abs(f.t - middle))]


def judge_top(rep: Rep, frames: list[Frame], step: Step, mode: str) -> Top:
    """The rep's top position (module docstring)."""
    chosen = top_frames(rep, frames)
    measured = [m for f in chosen if (m := measure_frame(f, step, mode)) is not None]
    times = [round(f.t, 3) for f in chosen]
    if not measured:
        return Top(times)
    legs = Counter(m.leg for m in measured if m.leg is not None)
    leg = legs.most_common(1)[0][0] if legs else None
    usable = [m for m in measured if m.view.usable]
    if len(usable) * 2 < len(measured):
        bad = Counter(m.view.code for m in measured if not m.view.usable).most_common(1)[0][0]
        return Top(times, view=View(bad), leg=leg)
    medians: dict[str, float] = {}
    for name in wanted(step, mode):
        values = [m.values[name] for m in usable if name in m.values]
        if values and len(values) >= MIN_SHARE * len(usable):
            medians[name] = median(values)
    codes = Counter(m.view.code for m in usable).most_common(1)[0][0]

    def distance(m: TopFrame) -> float:
        missing = sum(1 for name in medians if name not in m.values)
        return missing * 1000.0 + sum(
            abs(m.values[n] - v) for n, v in medians.items() if n in m.values
        )

    shown = min(usable, key=distance)
    return Top(
        times,
        metrics={name: metric(name, value) for name, value in medians.items()},
        view=View(codes),
        leg=leg,
        shown=shown,
    )
