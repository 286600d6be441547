"""The angle checker's browser functions (registered in :data:`hipthrust.web.API`).

JSON in, JSON out. Points are ``{"name": [x, y]}`` in the photo's own pixels and contain only the
points placed so far (by a tap, or by the detector and then shown). Bad input never raises into
the page: it comes back as ``{"ok": False, "message": ...}`` with a sentence the page shows as it
is, so the user never sees NaN or a traceback. Coordinates going out are rounded to 0.1 px.

The contract (issue 9):

- ``checker_setup(width, height)`` -> ``{"ok", "order": {"side": [...], "front": [...]},
  "optional": {"foot", "freeLeg", "floor"}, "prompts": {name: sentence}, "labels": {name: word},
  "keyboard": sentence, "thresholds": {metric: {"label", "good", "close"}},
  "faults": {anchor: title}, "steps": [{"key", "name", "options", "staggered"}],
  "default_step": key}``; no points. ``options`` lists the optional checks the step offers (no
  free leg on two feet); ``staggered`` marks a B-stance.
- ``checker_side(landmarks, width, height, floor=None, detected=None, step=DEFAULT_STEP)`` and
  ``checker_front(landmarks, width, height, leg="right", step=DEFAULT_STEP)`` -> ``{"ok",
  "metrics": [metric dicts of :func:`hipthrust.metrics.metric`], "waiting": [{"metric", "label",
  "needs", "message"}], "facing": "left"|"right"|None, "knee_angle": float|None, "overlay": "<g
  ...>", "view": {"usable", "code", "reason", "message"}, "suggestion": {"step", "name",
  "message"}|None}`` (front: ``facing``, ``knee_angle`` and ``suggestion`` are None).
  Issue 18: the step chooses the metrics; a view that cannot carry a verdict (``usable`` false:
  too small, standing, turned, not the top) holds every verdict back: no metric, a waiting line
  per metric that points to the warning, the overlay's lines in white without numbers. The
  suggestion is only offered, never applied.
- ``checker_detect(keypoints, width, height, mode="side", step=DEFAULT_STEP)`` -> ``{"ok",
  "found", "message", "points", "checks", "near_side", "working_leg", "view"}``
  (:mod:`hipthrust.detection`; a B-stance's working leg is its back foot's).
- ``checker_best_frame(frames, width, height)`` -> ``{"ok", "index", "hip_y"}``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Final

from . import checker, detection, overlay, step_guess, view
from .faults import FAULTS
from .geometry import GeometryError, Point
from .keypoints import Keypoints, parse_keypoints
from .metrics import STEP_CHECKS
from .steps import DEFAULT_STEP, STEPS

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
# Shown only to keyboard users (after a key press, or with a fine pointer): not to a thumb.
KEYBOARD: Final = "Enter places it in the middle for the arrow keys"
# The optional checks' metrics: a step offers an option only when it asks for its metric.
OPTION_METRICS: Final = {"foot": "heel", "freeLeg": "free_leg"}
HELD: Final = "Retake the photo to see the {name} (see the warning above the photo)."


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
        "keyboard": KEYBOARD,
        "steps": [
            {"key": s.key, "name": s.name, "options": _options(s.key), "staggered": s.staggered}
            for s in STEPS
        ],
        "default_step": DEFAULT_STEP,
    }


def _options(step: str) -> list[str]:
    offered = STEP_CHECKS[step].optional
    return [o for o in OPTIONAL if o not in OPTION_METRICS or OPTION_METRICS[o] in offered]


def _held(result: dict[str, Any], judged: view.View) -> dict[str, Any]:
    """No verdict on a photo that cannot carry one: each metric waits for a retake."""
    if judged.usable:
        return result
    held = [
        {
            "metric": m["name"],
            "label": m["label"],
            "needs": [],
            "message": HELD.format(name=m["label"].lower()),
        }
        for m in result["metrics"]
    ]
    return {**result, "metrics": [], "waiting": held + result["waiting"]}


def _side_view(report: checker.SideReport, seen: Keypoints | None) -> view.View:
    if seen is not None and not report.points and not detection.person_found(seen):
        return view.View("none")
    return view.side_view(report.points, seen, report.frame.up)


def checker_side(
    landmarks: Any,
    width: float,
    height: float,
    floor: Any = None,
    detected: Any = None,
    step: str = DEFAULT_STEP,
) -> dict[str, Any]:
    """Side-view metrics of the step for the placed points, waiting lines, the overlay, the
    view check and the step the photo looks like (when not the chosen one)."""
    try:
        w, h = _size(width, height)
        report = checker.measure_side(landmarks, floor, step)
        seen = None if detected is None else parse_keypoints(detected)
    except GeometryError as error:
        return _failed(error)
    facing = None if report.facing is None else "right" if report.facing > 0 else "left"
    judged = _side_view(report, seen)
    drawn = report if judged.usable else replace(report, metrics={})
    result = {
        "ok": True,
        "metrics": list(report.metrics.values()),
        "waiting": report.waiting,
        "facing": facing,
        "knee_angle": None if report.knee_angle is None else round(report.knee_angle, 1),
        "overlay": overlay.side_overlay(drawn, w, h),
        "view": judged.as_dict(),
        "suggestion": step_guess.suggestion(
            step, step_guess.seen(report.points, seen, report.frame.up)
        ),
    }
    return _held(result, judged)


def checker_front(
    landmarks: Any, width: float, height: float, leg: str = "right", step: str = DEFAULT_STEP
) -> dict[str, Any]:
    """Front-view shin tilt and (one-leg steps) pelvis level of the placed points, and their
    overlay."""
    try:
        w, h = _size(width, height)
        report = checker.measure_front(landmarks, leg, step)
    except GeometryError as error:
        return _failed(error)
    judged = view.front_view(report.points)
    drawn = report if judged.usable else replace(report, metrics={})
    result = {
        "ok": True,
        "metrics": list(report.metrics.values()),
        "waiting": report.waiting,
        "facing": None,
        "knee_angle": None,
        "overlay": overlay.front_overlay(drawn, w, h),
        "view": judged.as_dict(),
        "suggestion": None,
    }
    return _held(result, judged)


def checker_detect(
    keypoints: Any, width: float, height: float, mode: str = "side", step: str = DEFAULT_STEP
) -> dict[str, Any]:
    """The detector's 17 keypoints -> the checker's points, the points to check, the view; the
    step tells a staggered stance (B-stance), whose working leg is the back foot's."""
    try:
        _size(width, height)
        if mode not in ("side", "front"):
            raise GeometryError("Choose the view: side or front.")
        staggered = checker.checked_step(step).staggered
        found = detection.detect(parse_keypoints(keypoints), mode, staggered)
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
