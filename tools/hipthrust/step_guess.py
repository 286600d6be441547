"""Which step of the ladder a side photo shows, from its points: a suggestion, never a switch.

The checker judges a photo against the step the user chose (:mod:`hipthrust.steps`); when the
placed or detected points show another step's geometry, the page offers that step for the user to
accept. Two things can be seen side-on at the top of a rep:

- **support**, shoulders on the floor or on a bench: the shoulder joint's height above the ankle
  joint, in shin lengths (knee to ankle; the shin is vertical at the top and seen full length).
  On a bench of 40-46 cm (ExRx) the shoulder joint sits about 45 cm up and the ankle joint about
  7 cm (0.039 of height, Drillis & Contini), a shin is about 43 cm (0.246 of height): about 0.9
  shins; lying on the floor the shoulder joint is a few centimetres above the ankle's height:
  about 0.1. On the shared photos: floor bridges 0.08-0.35, bench and ball 0.93-1.0. The
  boundary is :data:`BENCH_SHOULDER_HEIGHT` (0.6 shins), with room on both sides;
- **feet down**, one or two: one when the free knee is placed (the user marks a raised free
  leg), or when the detector saw one ankle well above the other (:func:`detection.raised_side`);
  two when the detector saw both ankles confidently at the same height. Hand-placed points alone
  say nothing about the other foot, so then only the support is suggested.

The suggestion is the step that matches what is seen and differs least from the chosen one:
support must match, then feet down (weight 2), then whether one leg works (weight 1), ties to the
earlier step of the ladder. So a single-leg hip thrust photographed on the floor suggests the
single-leg glute bridge, and a glute bridge on a bench the two-leg hip thrust.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from .detection import raised_side
from .geometry import Point, dot, length, sub
from .keypoints import Keypoints, side_point
from .steps import STEPS, Step, Support, step

BENCH_SHOULDER_HEIGHT: Final = 0.6  # shoulder above ankle, in shins: over it, a bench


@dataclass(frozen=True, slots=True)
class Seen:
    """What the points show: ``None`` where they cannot tell."""

    support: Support | None = None
    feet_down: int | None = None


def support(points: dict[str, Point], up: Point = (0.0, -1.0)) -> Support | None:
    """Floor or bench from the shoulder's height above the ankle, in shins (module docstring)."""
    if not all(n in points for n in ("shoulder", "knee", "ankle")):
        return None
    shin = length(sub(points["knee"], points["ankle"]))
    if shin <= 0:
        return None
    height = dot(sub(points["shoulder"], points["ankle"]), up) / shin
    return "bench" if height > BENCH_SHOULDER_HEIGHT else "floor"


def feet_down(points: dict[str, Point], keypoints: Keypoints | None) -> int | None:
    """1 with a raised free leg, 2 when the detector saw both feet down, else None."""
    if "free_knee" in points:
        return 1
    if keypoints is None:
        return None
    if raised_side(keypoints) is not None:
        return 1
    ankles = [side_point(keypoints, side, "ankle") for side in ("left", "right")]
    return 2 if all(a is not None and a.confident for a in ankles) else None


def seen(
    points: dict[str, Point], keypoints: Keypoints | None = None, up: Point = (0.0, -1.0)
) -> Seen:
    return Seen(support(points, up), feet_down(points, keypoints))


def _distance(a: Step, b: Step) -> int:
    return 2 * (a.feet_down != b.feet_down) + (a.one_leg != b.one_leg)


def matches(candidate: Step, what: Seen) -> bool:
    return (what.support is None or candidate.support == what.support) and (
        what.feet_down is None or candidate.feet_down == what.feet_down
    )


def suggest(chosen: str, what: Seen) -> Step | None:
    """The step to offer instead of ``chosen``, or None when the chosen step fits the photo."""
    current = step(chosen)
    if matches(current, what):
        return None
    fits = [s for s in STEPS if matches(s, what)]
    return min(fits, key=lambda s: _distance(s, current)) if fits else None


def _why(what: Seen) -> str:
    parts = []
    if what.support is not None:
        on = "a bench" if what.support == "bench" else "the floor"
        parts.append(f"your shoulders look to be on {on}")
    if what.feet_down is not None:
        parts.append("one foot is down" if what.feet_down == 1 else "both feet are down")
    return " and ".join(parts)


def suggestion(chosen: str, what: Seen) -> dict[str, Any] | None:
    """The page's suggestion: the step's key and name and a sentence, or None."""
    other = suggest(chosen, what)
    if other is None:
        return None
    why = _why(what)
    return {
        "step": other.key,
        "name": other.name,
        "message": f"In this photo {why}: it looks like the {other.name.lower()}, not the "
        f"{step(chosen).name.lower()}. Judge it as that step?",
    }
