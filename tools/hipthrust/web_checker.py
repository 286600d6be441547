"""The angle checker's browser functions (registered in :data:`hipthrust.web.API`).

JSON in, JSON out. Points are ``{"name": [x, y]}`` in the photo's own pixels and contain only the
points placed so far (by a tap, or by the detector and then shown). Bad input never raises into
the page: it comes back as ``{"ok": False, "message": ...}`` with a sentence the page shows as it
is, so the user never sees NaN or a traceback. Coordinates going out are rounded to 0.1 px.

The contract (issue 9):

- ``checker_setup(width, height)`` -> ``{"ok", "order": {"side": [...], "front": [...]},
  "optional": {"foot", "freeLeg", "floor"}, "prompts": {name: sentence}, "labels": {name: word},
  "thresholds": {metric: {"label", "good", "close"}}, "faults": {anchor: title}}``; no points.
- ``checker_side(landmarks, width, height, floor=None, detected=None)`` and
  ``checker_front(landmarks, width, height, leg="right")`` -> ``{"ok", "metrics": [metric dicts
  of :func:`hipthrust.metrics.metric`], "waiting": [{"metric", "label", "needs", "message"}],
  "facing": "left"|"right"|None, "knee_angle": float|None, "overlay": "<g ...>", "view": {"usable",
  "code", "message"}}`` (front: ``facing`` and ``knee_angle`` are None).
- ``checker_detect(keypoints, width, height, mode="side")`` -> ``{"ok", "found", "message",
  "points", "checks", "near_side", "working_leg", "view"}`` (:mod:`hipthrust.detection`).
- ``checker_best_frame(frames, width, height)`` -> ``{"ok", "index", "hip_y"}``.
"""

from __future__ import annotations

import math
from typing import Any, Final

from . import checker, detection, overlay, view
from .faults import FAULTS
from .geometry import GeometryError, Point
from .keypoints import parse_keypoints

ORDER: Final = {"side": ["shoulder", "hip", "knee", "ankle"], "front": list(checker.FRONT_POINTS)}
OPTIONAL: Final = {
    "foot": ["heel", "toe"],
    "freeLeg": ["free_knee"],
    "floor": ["floor_a", "floor_b"],
}
LABELS: Final = {
    "shoulder": "Shoulder",
    "hip": "Hip",
    "knee": "Knee",
    "ankle": "Ankle",
    "heel": "Heel",
    "toe": "Toe",
    "free_knee": "Free knee",
    "other_hip": "Other hip",
    "floor_a": "Floor",
    "floor_b": "Floor",
}
PROMPTS: Final = {
    "shoulder": "Tap your shoulder (the top of the arm)",
    "hip": "Tap your hip (the bony point at the side, where the thigh meets the body)",
    "knee": "Tap the knee of the working leg (the foot on the floor)",
    "ankle": "Tap the ankle of the working leg (the bony bump above the heel)",
    "heel": "Tap the back of the working heel",
    "toe": "Tap the tip of the working foot's toes",
    "free_knee": "Tap the knee of the free (raised) leg",
    "other_hip": "Tap the hip on the free-leg side",
    "floor_a": "Tap a point on the floor",
    "floor_b": "Tap a second point on the floor, far from the first",
}


def _size(width: Any, height: Any) -> tuple[float, float]:
    if not all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and v > 0
        for v in (width, height)
    ):
        raise GeometryError("The photo has no size: choose another photo.")
    return float(width), float(height)


def _failed(error: GeometryError) -> dict[str, Any]:
    return {"ok": False, "message": str(error)}


def _xy(point: Point) -> list[float]:
    return [round(point[0], 1) + 0.0, round(point[1], 1) + 0.0]


def checker_setup(width: float, height: float) -> dict[str, Any]:
    """The order to place points in, what to say for each, thresholds, and faults for links."""
    try:
        _size(width, height)
    except GeometryError as error:
        return _failed(error)
    return {
        "ok": True,
        "order": ORDER,
        "optional": OPTIONAL,
        "prompts": PROMPTS,
        "labels": LABELS,
        "thresholds": {
            name: {"label": band.label, "good": band.good, "close": band.close}
            for name, band in checker.THRESHOLDS.items()
        },
        "faults": {fault.anchor: fault.title for fault in FAULTS},
    }


def checker_side(
    landmarks: Any, width: float, height: float, floor: Any = None, detected: Any = None
) -> dict[str, Any]:
    """Side-view metrics of the placed points, waiting lines, the overlay and the view check."""
    try:
        w, h = _size(width, height)
        report = checker.measure_side(landmarks, floor)
        seen = None if detected is None else parse_keypoints(detected)
    except GeometryError as error:
        return _failed(error)
    facing = None if report.facing is None else "right" if report.facing > 0 else "left"
    return {
        "ok": True,
        "metrics": list(report.metrics.values()),
        "waiting": report.waiting,
        "facing": facing,
        "knee_angle": None if report.knee_angle is None else round(report.knee_angle, 1),
        "overlay": overlay.side_overlay(report, w, h),
        "view": view.side_view(report.points, seen, report.frame.up).as_dict(),
    }


def checker_front(
    landmarks: Any, width: float, height: float, leg: str = "right"
) -> dict[str, Any]:
    """Front-view knee valgus and pelvis level of the placed points, and their overlay."""
    try:
        w, h = _size(width, height)
        report = checker.measure_front(landmarks, leg)
    except GeometryError as error:
        return _failed(error)
    return {
        "ok": True,
        "metrics": list(report.metrics.values()),
        "waiting": report.waiting,
        "facing": None,
        "knee_angle": None,
        "overlay": overlay.front_overlay(report, w, h),
        "view": view.front_view(report.points).as_dict(),
    }


def checker_detect(
    keypoints: Any, width: float, height: float, mode: str = "side"
) -> dict[str, Any]:
    """The detector's 17 keypoints -> the checker's points, the points to check, the view."""
    try:
        _size(width, height)
        if mode not in ("side", "front"):
            raise GeometryError("Choose the view: side or front.")
        found = detection.detect(parse_keypoints(keypoints), mode)
    except GeometryError as error:
        return _failed(error)
    return {
        "ok": True,
        "found": found.found,
        "message": found.message,
        "points": {name: _xy(point) for name, point in found.points.items()},
        "checks": found.checks,
        "near_side": found.near_side,
        "working_leg": found.working_leg,
        "view": found.view.as_dict(),
    }


def checker_best_frame(frames: Any, width: float, height: float) -> dict[str, Any]:
    """Of a self-timer burst, the frame with the highest hip (smallest photo y)."""
    try:
        _size(width, height)
        if not isinstance(frames, list):
            raise GeometryError("The burst has no frames: take the photos again.")
        index, hip_y = detection.best_frame([parse_keypoints(f) for f in frames])
    except GeometryError as error:
        return _failed(error)
    return {
        "ok": True,
        "index": index,
        "hip_y": [None if y is None else round(y, 1) + 0.0 for y in hip_y],
    }
