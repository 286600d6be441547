"""Is this photo a usable side view at the top of the rep? Judged before any verdict is trusted.

From the near side's points (placed or detected) and, when the detector ran, both sides'
keypoints. Checked in this order, the first that applies wins:

1. **standing**: the body's long axis is vertical: shoulder above hip above (knee above) ankle,
   each segment within 60° of vertical (:data:`STEEP_SEGMENT`; sitting up, the thigh is level),
   the shoulder-ankle line steeper than :data:`STANDING_STEEPNESS` (a hip thrust's body is near
   horizontal: on the shared photos the shoulder-ankle line is at most 11° from level) and, when
   the knee is placed, the leg nearly straight (knee over :data:`STANDING_KNEE_DEG`; at the top
   of a hip thrust it is bent about 90°, and a tall bench with a tilted shin can tilt the whole
   body past 56° — found by the property test);
2. **facing** / **oblique** (detector only: it needs both sides): seen side-on, the two shoulders
   and the two hips overlap; turned by an angle θ their separation grows as sin θ while the torso
   (level in a hip thrust, like the shoulder and hip axes) shrinks as cos θ. With the COCO joints
   (shoulders about 0.75 and hips about 0.45 of a torso length apart, mid-shoulder to mid-hip)
   shoulders >= 1.0 and hips >= 0.6 torso lengths apart is θ over about 53° (facing the camera);
   hips >= 0.4 or shoulders >= 0.6 torso lengths is θ over about 40° (strongly oblique). A side
   view shows up to about 0.2 from perspective alone (the far side is ~10% smaller) plus the
   detector's noise, so the limits leave room for both. The near thigh shorter than
   :data:`MIN_THIGH_TO_SHIN` of the shin is oblique too: seen side-on both are full length (0.245
   and 0.246 of height, Drillis & Contini) and at the top the thigh is level, so turning the camera
   shortens it (cos θ) but not the vertical shin. On the six labelled photos thigh/shin is
   0.88-1.15. Seen from near the head or the feet (the camera turned along the body), the torso
   and thigh, both level at the top, shorten together while the shin does not: shoulder-hip plus
   hip-knee under :data:`MIN_BODY_TO_SHIN` shins is oblique (side-on 1.17 + 1.0 = 2.2 shins by
   Drillis & Contini; the six labelled photos 1.86-2.50; 1.5 is the lowest labelled photo turned by
   about 36°, the model by 46°). This catches the obliqueness that hand-placed points alone show.
3. **bottom**: the hips far below the shoulder-knee line (the bend at the hip over
   :data:`BOTTOM_BEND_DEG`; the labelled tops bend at most 13.4°, the model's bottom 80°) or down
   near the floor (the hip less than :data:`FLOOR_FRACTION` of the thigh above the ankle; the
   lowest labelled top is 0.42).

4. **small**: the person is too small in the photo for a verdict (:func:`too_small`); after the
   turned views (turning shortens the thigh: oblique is then the message that helps).

Too few points to judge gives ``unknown`` (usable, no message: there is nothing to warn about).
``none`` is the detector's "no person". Each code has a ``reason`` for the page's
``data-reason``: ``bottom`` is ``not-top``; the others are their code.

Big enough (the size judgement, from the placed points' lengths in photo pixels, never the file's
size): a point cannot be placed closer than about :data:`PIXEL_ERROR_PX` to a joint's centre on
the photo's own pixels (on a small photo a joint is a blur a few pixels wide, JPEG smears edges over
its 8-pixel blocks, and MoveNet Thunder's heat map has one cell per 4 pixels of its 256-pixel
input). Over a segment of L pixels that turns an angle by atan(3 / L). The verdict bands allow
about 2.5° for a joint's width (:mod:`hipthrust.metrics`); the pixels must not add that much
again, so each placed segment a verdict uses (side: thigh and shin; front: shin and hip to hip)
must be at least 3 / tan(2.5°) = :data:`MIN_SEGMENT_PX` (69 px). A shin of 69 px is a person about
280 px tall: lying in a 224 px photo, far too small; in the shared 850 px photos the shins are
147-199 px.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final

from .geometry import Point, dot, inside_angle_deg, length, sub
from .keypoints import Keypoints

STANDING_STEEPNESS: Final = 1.5  # vertical / horizontal extent of shoulder-ankle (56°)
STEEP_SEGMENT: Final = 0.5  # drop / length of each segment: within 60° of vertical
STANDING_KNEE_DEG: Final = 140.0  # a standing leg is nearly straight; a hip thrust's is bent ~90°
FACING_SHOULDERS: Final = 1.0
FACING_HIPS: Final = 0.6
OBLIQUE_SHOULDERS: Final = 0.6
OBLIQUE_HIPS: Final = 0.4
MIN_THIGH_TO_SHIN: Final = 0.6
MIN_BODY_TO_SHIN: Final = 1.5
PIXEL_ERROR_PX: Final = 3.0
JOINT_ERROR_DEG: Final = 2.5
MIN_SEGMENT_PX: Final = PIXEL_ERROR_PX / math.tan(math.radians(JOINT_ERROR_DEG))
SIZE_SEGMENTS: Final = {
    "side": (("hip", "knee"), ("knee", "ankle")),
    "front": (("knee", "ankle"), ("hip", "other_hip")),
}
BOTTOM_BEND_DEG: Final = 30.0
FLOOR_FRACTION: Final = 0.2
# Front view: the hip joints are about 0.2-0.3 of the hip-ankle distance apart seen from the
# front; seen side-on they overlap. Below this fraction it is a side view.
FRONT_MIN_HIP_SPREAD: Final = 0.12

RETAKE: Final = "phone at hip height, side-on, 2-3 m away, whole body in frame"
MESSAGES: Final = {
    "standing": f"This looks like a standing photo, not the top of a hip thrust. Take it at the top of the rep: {RETAKE}.",
    "facing": f"You seem to face the camera: the angles need a side view. Retake it with the {RETAKE}.",
    "oblique": f"The camera sees you at a slant (both hips show, the body looks shortened), so the angles are skewed. Retake it with the {RETAKE}.",
    "bottom": "The hips are down: this is not the top position. Take the photo at the top of the rep (the self-timer's burst keeps the highest hip).",
    "side": "This looks like a side view: for the front check, put the phone in front of you at hip height, 2-3 m away, both legs in frame.",
    "small": "You are too small in this photo to measure a few degrees. Retake it closer, so your whole body fills most of the frame (still whole, side-on, phone at hip height).",
    "none": "No person found in this photo: take it with the whole body in frame, side-on and in good light, or place the points by hand.",
}
REASONS: Final = {"bottom": "not-top"}


@dataclass(frozen=True, slots=True)
class View:
    """``code``: ok, small, standing, facing, oblique, bottom, side (front mode), none (no person)
    or unknown."""

    code: str

    @property
    def usable(self) -> bool:
        return self.code in ("ok", "unknown")

    @property
    def message(self) -> str | None:
        return MESSAGES.get(self.code)

    @property
    def reason(self) -> str | None:
        """The page's ``data-reason``: None when usable."""
        return None if self.usable else REASONS.get(self.code, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "usable": self.usable,
            "code": self.code,
            "reason": self.reason,
            "message": self.message,
        }


def too_small(points: dict[str, Point], view: str = "side") -> bool:
    """Is any placed segment a verdict uses shorter than :data:`MIN_SEGMENT_PX`? (docstring)"""
    return any(
        length(sub(points[a], points[b])) < MIN_SEGMENT_PX
        for a, b in SIZE_SEGMENTS[view]
        if a in points and b in points
    )


def _height(p: Point, up: Point) -> float:
    return dot(p, up)


def _standing(p: dict[str, Point], up: Point) -> bool:
    chain = [p[n] for n in ("shoulder", "hip", "knee", "ankle") if n in p]
    heights = [_height(q, up) for q in chain]
    # each segment within 60° of vertical, top to bottom (a sitting person's thigh is level)
    if not all(
        ha - hb > STEEP_SEGMENT * length(sub(a, b))
        for (a, ha), (b, hb) in pairwise(zip(chain, heights, strict=True))
    ):
        return False
    bent_knee = {"hip", "knee", "ankle"} <= p.keys() and (
        inside_angle_deg(p["knee"], p["hip"], p["ankle"]) < STANDING_KNEE_DEG
    )
    if bent_knee:
        return False
    right = (-up[1], up[0])
    vertical = heights[0] - heights[-1]
    across = abs(dot(sub(chain[0], chain[-1]), right))
    return vertical > STANDING_STEEPNESS * across


def _midpoint(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _turned(keypoints: Keypoints) -> str | None:
    """Facing the camera, oblique, or None: from both shoulders and both hips (all confident)."""
    names = ("left_shoulder", "right_shoulder", "left_hip", "right_hip")
    if not all(n in keypoints and keypoints[n].confident for n in names):
        return None
    ls, rs, lh, rh = (keypoints[n].point for n in names)
    torso = length(sub(_midpoint(ls, rs), _midpoint(lh, rh)))
    shoulders, hips = length(sub(ls, rs)), length(sub(lh, rh))
    if torso < 1.0:  # torso pointing straight at the camera: nothing but the width is seen
        return "facing" if max(shoulders, hips) >= 1.0 else None
    if shoulders >= FACING_SHOULDERS * torso and hips >= FACING_HIPS * torso:
        return "facing"
    if shoulders >= OBLIQUE_SHOULDERS * torso or hips >= OBLIQUE_HIPS * torso:
        return "oblique"
    return None


def _shortened_thigh(p: dict[str, Point]) -> bool:
    if not all(n in p for n in ("hip", "knee", "ankle")):
        return False
    shin = length(sub(p["knee"], p["ankle"]))
    if shin <= 0:
        return False
    thigh = length(sub(p["hip"], p["knee"]))
    if thigh < MIN_THIGH_TO_SHIN * shin:
        return True
    # seen from near the head or feet: torso and thigh shortened together
    return (
        "shoulder" in p and thigh + length(sub(p["shoulder"], p["hip"])) < MIN_BODY_TO_SHIN * shin
    )


def _bottom(p: dict[str, Point], up: Point) -> bool:
    if all(n in p for n in ("shoulder", "hip", "knee")):
        line = sub(p["knee"], p["shoulder"])
        normal = (-line[1], line[0])
        if dot(normal, up) < 0:
            normal = (-normal[0], -normal[1])
        below = dot(sub(p["hip"], p["shoulder"]), normal) < 0
        bend = 180.0 - inside_angle_deg(p["hip"], p["shoulder"], p["knee"])
        if below and bend > BOTTOM_BEND_DEG:
            return True
    if all(n in p for n in ("hip", "knee", "ankle")):
        thigh = length(sub(p["hip"], p["knee"]))
        above = _height(p["hip"], up) - _height(p["ankle"], up)
        return above < FLOOR_FRACTION * thigh
    return False


def side_view(
    points: dict[str, Point], keypoints: Keypoints | None = None, up: Point = (0.0, -1.0)
) -> View:
    """The view judgement of a side photo from the near side's points (and both sides' keypoints,
    when the detector ran); ``up`` is the photo's up, or perpendicular to a marked floor."""
    known = [n for n in ("shoulder", "hip", "knee", "ankle") if n in points]
    turned = _turned(keypoints) if keypoints else None
    if len(known) >= 3 and {"shoulder", "ankle"} <= set(known) and _standing(points, up):
        return View("standing")
    if turned is not None:
        return View(turned)
    if _shortened_thigh(points):
        return View("oblique")
    # after the turned views: turning shortens the thigh, and that is the message to give
    if too_small(points, "side"):
        return View("small")
    if len(known) < 3:
        return View("unknown")
    if _bottom(points, up):
        return View("bottom")
    return View("ok")


def front_view(points: dict[str, Point]) -> View:
    """A front photo is a side view when its two hips overlap compared with the leg's length;
    too small, like a side photo, when its shin or hip-to-hip line is short in pixels."""
    whole = all(n in points for n in ("hip", "other_hip", "ankle"))
    if whole:
        leg = length(sub(points["ankle"], points["hip"]))
        spread = length(sub(points["other_hip"], points["hip"]))
        if leg > 0 and spread < FRONT_MIN_HIP_SPREAD * leg:
            return View("side")  # before the size: overlapping hips are short, and side-on
    if too_small(points, "front"):
        return View("small")
    return View("ok" if whole else "unknown")
