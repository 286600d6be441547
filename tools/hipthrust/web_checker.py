"""The angle checker's browser functions (registered in :data:`hipthrust.web.API`).

JSON in, JSON out: landmarks are ``{"name": [x, y]}`` in the photo's own pixels. Bad input never
raises into the page: it comes back as ``{"ok": False, "message": ...}`` with a sentence the page
shows as it is, so the user never sees NaN or a traceback.
"""

from __future__ import annotations

import math
from typing import Any

from . import checker, overlay
from .faults import FAULTS
from .geometry import GeometryError


def _size(width: Any, height: Any) -> tuple[float, float]:
    if not all(isinstance(v, int | float) and math.isfinite(v) and v > 0 for v in (width, height)):
        raise GeometryError("The photo has no size: choose another photo.")
    return float(width), float(height)


def checker_setup(width: float, height: float) -> dict[str, Any]:
    """Starting landmarks for a photo of this size, thresholds, and the fault list for links."""
    try:
        w, h = _size(width, height)
    except GeometryError as error:
        return {"ok": False, "message": str(error)}
    return {
        "ok": True,
        "side": {k: list(v) for k, v in checker.initial_side_landmarks(w, h).items()},
        "front": {k: list(v) for k, v in checker.initial_front_landmarks(w, h).items()},
        "floor": [list(p) for p in checker.initial_floor(w, h)],
        "thresholds": {
            name: {"label": band.label, "good": band.good, "close": band.close}
            for name, band in checker.THRESHOLDS.items()
        },
        "faults": {fault.anchor: fault.title for fault in FAULTS},
    }


def checker_side(
    landmarks: dict[str, Any], width: float, height: float, floor: Any = None
) -> dict[str, Any]:
    """Side-view metrics and the overlay SVG for the current landmarks."""
    try:
        w, h = _size(width, height)
        report = checker.measure_side(landmarks, floor)
    except GeometryError as error:
        return {"ok": False, "message": str(error)}
    return {
        "ok": True,
        "facing": "right" if report.frame.facing > 0 else "left",
        "knee_angle": round(report.knee_angle, 1),
        "metrics": list(report.metrics.values()),
        "overlay": overlay.side_overlay(report, w, h),
    }


def checker_front(
    landmarks: dict[str, Any], width: float, height: float, leg: str = "right"
) -> dict[str, Any]:
    """Front-view knee valgus and its overlay."""
    try:
        w, h = _size(width, height)
        report = checker.measure_front(landmarks, leg)
    except GeometryError as error:
        return {"ok": False, "message": str(error)}
    return {
        "ok": True,
        "metrics": list(report.metrics.values()),
        "overlay": overlay.front_overlay(report, w, h),
    }
