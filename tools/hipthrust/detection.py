"""From the pose detector's 17 keypoints to the checker's points, with the points to check.

Side photo: the shoulder and hip come from the **near side** (the body side nearer the camera),
the knee and ankle from the **working leg** (the foot on the floor), which may be the far side's,
and ``free_knee`` from a raised free leg when there is one. Front photo (taken facing the lifter,
their right side on the photo's left): the working leg's hip, knee and ankle and the other hip.

Near side: the side whose shoulder, hip, knee and ankle score higher on average (the far side is
partly hidden behind the body, so the detector is less sure of it). When the means are within
:data:`SCORE_TIE` of each other, geometry decides: a hip thrust or bridge is done lying face up,
and a person lying face up with the head on the photo's left shows their right side to the camera
(their right is "face direction x head direction" = up x left = towards the viewer); a standing
person shows the side whose segments look longer (nearer = bigger).

Working leg: in a single-leg photo the free leg is the raised one: both ankles confidently found
and one higher than the other by more than :data:`RAISED_FRACTION` of a shin; the lower one is on
the floor. Otherwise the near leg is the working one (better seen) if its ankle is well below its
knee (:data:`MIN_ANKLE_DROP`: a foot on the floor), else the far leg if its foot is down (the near
leg is then the raised one, its far partner scored too low to compare ankles).

Staggered stance (B-stance, :attr:`hipthrust.steps.Step.staggered`): both feet are down, the
working one flat and the other slid forward on its heel, so the working ankle is the one less far
along the thigh (hip to knee, towards the feet). When both ankles are confidently found at least
:data:`STAGGER_FRACTION` of a shin apart along it, that one is the working leg; otherwise the
knee and ankle are flagged, since they may be the front leg's (the set review then leaves the
shin out rather than judge the wrong leg).

Points to check (``checks``: point -> reason): the hip always (every model tried misplaces it
under a plate, band, ball or loose clothes); any point scoring below
:data:`hipthrust.keypoints.CONFIDENT`; and geometry that cannot be a hip thrust. Note what is NOT
impossible: at the top of a bridge the knee is higher than the hip in the photo (it is on all six
labelled photos of the shared set), so "knee above hip" is no error here. What is: the working
ankle less than half a shin below its knee (the foot is on the floor), the shin more than twice the thigh or the thigh
more than twice the shin (side-on they are equal: 0.246 and 0.245 of height), a shoulder-hip
distance under :data:`MIN_TORSO_TO_THIGH` of the thigh (the trunk is about 1.2 thighs), and the hip
lower than the foot (below the floor).

"No person" when fewer than :data:`MIN_CONFIDENT_JOINTS` of the 8 shoulder/hip/knee/ankle
keypoints are confident, or none of the upper or none of the lower ones are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from .geometry import Point, length, sub
from .keypoints import JOINTS, SIDES, Keypoint, Keypoints, other, side_point
from .view import MESSAGES, View, front_view, side_view

SCORE_TIE: Final = 0.1
RAISED_FRACTION: Final = 0.5
# The front foot of a B-stance sits about half a foot's length ahead, some 0.3 of a shin. The
# camera's angle alone moves the feet apart along the thigh: on the seven photos of
# tests/data/photos with both feet down side by side, the site's model read the ankles 0.07-0.36
# of a shin apart, the near one always behind. Only a gap beyond both tells the back foot;
# anything less is flagged, not guessed.
STAGGER_FRACTION: Final = 0.5
STAGGER_REASON: Final = (
    "In a B-stance the working leg is the flat back foot's: check the knee and ankle are that"
    " leg's, not the forward heel's."
)
MIN_CONFIDENT_JOINTS: Final = 4
MIN_TORSO_TO_THIGH: Final = 0.4
# A foot on the floor is well below its knee: by the whole shin at the top (shin vertical), by
# 0.87 of it at the model's bottom (shin at 30°). Less than half a shin below is no working foot.
MIN_ANKLE_DROP: Final = 0.5
HIP_BELOW_FOOT: Final = 0.3  # of a shin: the hip joint is never that far below the ankle joint

HIP_REASON: Final = "Hips are often hidden by a plate, band or ball: check this point."
NO_PERSON: Final = MESSAGES["none"]


@dataclass(frozen=True, slots=True)
class Detection:
    found: bool
    points: dict[str, Point] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    near_side: str | None = None
    working_leg: str | None = None
    view: View = field(default_factory=lambda: View("unknown"))

    @property
    def message(self) -> str | None:
        return None if self.found else NO_PERSON


def person_found(keypoints: Keypoints) -> bool:
    sure = [
        joint
        for side in SIDES
        for joint in JOINTS
        if (k := side_point(keypoints, side, joint)) is not None and k.confident
    ]
    return (
        len(sure) >= MIN_CONFIDENT_JOINTS
        and bool({"shoulder", "hip"} & set(sure))
        and bool({"knee", "ankle"} & set(sure))
    )


def _mean_score(keypoints: Keypoints, side: str) -> float:
    scores = [k.score if (k := side_point(keypoints, side, j)) else 0.0 for j in JOINTS]
    return sum(scores) / len(scores)


def _segments(keypoints: Keypoints, side: str) -> float:
    chain = [side_point(keypoints, side, j) for j in JOINTS]
    return sum(
        length(sub(a.point, b.point)) for a, b in pairwise(chain) if a is not None and b is not None
    )


def _mid(keypoints: Keypoints, joint: str) -> Point | None:
    """The mean position of a joint's confident keypoints (both sides), or None."""
    found = [k for s in SIDES if (k := side_point(keypoints, s, joint)) and k.confident]
    if not found:
        return None
    return (sum(k.x for k in found) / len(found), sum(k.y for k in found) / len(found))


def near_side(keypoints: Keypoints) -> str:
    """The body side nearer the camera: by score, then by geometry (see the module docstring)."""
    left, right = _mean_score(keypoints, "left"), _mean_score(keypoints, "right")
    if abs(left - right) >= SCORE_TIE:
        return "left" if left > right else "right"
    head, feet = _mid(keypoints, "shoulder"), _mid(keypoints, "ankle")
    # Lying (the feet not well below the shoulders): face up, so the head's side tells.
    if head is not None and feet is not None and feet[1] - head[1] <= abs(feet[0] - head[0]):
        return "right" if head[0] < feet[0] else "left"
    return "left" if _segments(keypoints, "left") >= _segments(keypoints, "right") else "right"


def raised_side(keypoints: Keypoints) -> str | None:
    """The side of a raised free leg, or None when both feet look down (or cannot be told)."""
    left, right = side_point(keypoints, "left", "ankle"), side_point(keypoints, "right", "ankle")
    if left is None or right is None or not (left.confident and right.confident):
        return None
    shins = [
        length(sub(knee.point, ankle.point))
        for side, ankle in (("left", left), ("right", right))
        if (knee := side_point(keypoints, side, "knee"))
    ]
    if not shins or abs(left.y - right.y) <= RAISED_FRACTION * max(shins):
        return None
    return "left" if left.y < right.y else "right"  # photo y is down: smaller y = higher


def _foot_down(keypoints: Keypoints, side: str) -> bool:
    knee, ankle = side_point(keypoints, side, "knee"), side_point(keypoints, side, "ankle")
    if knee is None or ankle is None:
        return False
    shin = length(sub(knee.point, ankle.point))
    return ankle.y - knee.y >= MIN_ANKLE_DROP * shin


def working_leg(keypoints: Keypoints, near: str) -> tuple[str, str | None]:
    """(working side, raised free side or None): a clearly raised ankle first; else the first of
    near, far whose foot is down (a leg whose ankle is not below its knee is off the floor)."""
    free = raised_side(keypoints)
    if free is not None:
        return other(free), free
    for side in (near, other(near)):
        if _foot_down(keypoints, side):
            return side, None if side == near else near
    return near, None


def back_foot(keypoints: Keypoints, near: str) -> str | None:
    """In a staggered stance, the side of the flat back foot: the ankle less far along the thigh
    (hip to knee, towards the feet); None when the ankles cannot be told apart (module
    docstring)."""
    hip, knee = side_point(keypoints, near, "hip"), side_point(keypoints, near, "knee")
    left, right = side_point(keypoints, "left", "ankle"), side_point(keypoints, "right", "ankle")
    if hip is None or knee is None or left is None or right is None:
        return None
    if not (left.confident and right.confident):
        return None
    thigh = sub(knee.point, hip.point)
    thigh_length = length(thigh)
    shin = length(sub(knee.point, (left if near == "left" else right).point))
    if thigh_length <= 0 or shin <= 0:
        return None

    def along(ankle: Keypoint) -> float:
        offset = sub(ankle.point, hip.point)
        return (offset[0] * thigh[0] + offset[1] * thigh[1]) / thigh_length

    gap = along(left) - along(right)
    if abs(gap) < STAGGER_FRACTION * shin:
        return None
    return "left" if gap < 0 else "right"


def _take(keypoints: Keypoints, picks: dict[str, tuple[str, str]]) -> dict[str, Keypoint]:
    return {
        name: k
        for name, (side, joint) in picks.items()
        if (k := side_point(keypoints, side, joint))
    }


def _flag(checks: dict[str, str], name: str, reason: str) -> None:
    checks[name] = f"{checks[name]} {reason}" if name in checks else reason


def _low_scores(chosen: dict[str, Keypoint], checks: dict[str, str]) -> None:
    for name, k in chosen.items():
        if not k.confident:
            words = name.replace("_", " ")
            _flag(checks, name, f"The detector is unsure of the {words} here: check this point.")


def _impossible(p: dict[str, Point], checks: dict[str, str]) -> None:
    """Flag geometry that cannot be a hip thrust photographed side-on (module docstring)."""
    if "knee" in p and "ankle" in p:
        shin = length(sub(p["knee"], p["ankle"]))
        if p["ankle"][1] - p["knee"][1] < MIN_ANKLE_DROP * shin:
            for name in ("knee", "ankle"):
                _flag(
                    checks,
                    name,
                    "The ankle should be well below the knee (foot on the floor): "
                    "check which is which.",
                )
        if "hip" in p:
            thigh = length(sub(p["hip"], p["knee"]))
            if shin > 2 * thigh:
                for name in ("knee", "ankle"):
                    _flag(checks, name, "The shin looks over twice as long as the thigh.")
            elif thigh > 2 * shin:
                for name in ("hip", "knee"):
                    _flag(checks, name, "The thigh looks over twice as long as the shin.")
            if p["hip"][1] - p["ankle"][1] > HIP_BELOW_FOOT * shin:
                _flag(checks, "hip", "The hip looks lower than the foot.")
    if "shoulder" in p and "hip" in p and "knee" in p:
        torso, thigh = length(sub(p["shoulder"], p["hip"])), length(sub(p["hip"], p["knee"]))
        if torso < MIN_TORSO_TO_THIGH * thigh:
            for name in ("shoulder", "hip"):
                _flag(checks, name, "The shoulder and hip look too close together.")


def _side(keypoints: Keypoints, staggered: bool = False) -> Detection:
    near = near_side(keypoints)
    working, free = working_leg(keypoints, near)
    unsure_stance = False
    if staggered and free is None:
        back = back_foot(keypoints, near)
        if back is None:
            unsure_stance = True  # keep the leg found above, and ask for its knee and ankle
        else:
            working = back
    picks = {
        "shoulder": (near, "shoulder"),
        "hip": (near, "hip"),
        "knee": (working, "knee"),
        "ankle": (working, "ankle"),
    }
    if free is not None:
        picks["free_knee"] = (free, "knee")
    chosen = _take(keypoints, picks)
    points = {name: k.point for name, k in chosen.items()}
    checks: dict[str, str] = {}
    if "hip" in points:
        checks["hip"] = HIP_REASON
    if unsure_stance:
        for name in ("knee", "ankle"):
            _flag(checks, name, STAGGER_REASON)
    _low_scores(chosen, checks)
    _impossible(points, checks)
    return Detection(True, points, checks, near, working, side_view(points, keypoints, (0.0, -1.0)))


def _front(keypoints: Keypoints) -> Detection:
    ankles = {s: a for s in SIDES if (a := side_point(keypoints, s, "ankle"))}
    if len(ankles) == 2:
        working = max(SIDES, key=lambda s: ankles[s].y)  # the lower ankle: the foot on the floor
    else:
        working = next(iter(ankles), "right")
    picks = {
        "hip": (working, "hip"),
        "knee": (working, "knee"),
        "ankle": (working, "ankle"),
        "other_hip": (other(working), "hip"),
    }
    chosen = _take(keypoints, picks)
    points = {name: k.point for name, k in chosen.items()}
    checks: dict[str, str] = {n: HIP_REASON for n in ("hip", "other_hip") if n in points}
    _low_scores(chosen, checks)
    return Detection(True, points, checks, None, working, front_view(points))


def detect(keypoints: Keypoints, mode: str = "side", staggered: bool = False) -> Detection:
    """The checker's points for ``mode`` ("side" or "front"), or ``found=False``; ``staggered``
    for a step whose feet are not side by side (B-stance)."""
    if not person_found(keypoints):
        return Detection(False)
    return _front(keypoints) if mode == "front" else _side(keypoints, staggered)


def best_frame(frames: list[Keypoints]) -> tuple[int | None, list[float | None]]:
    """The burst frame with the highest hip (smallest photo y of the chosen hip), among frames with
    a person; and each frame's hip y (None where no person or no hip was found)."""
    hip_y: list[float | None] = []
    for keypoints in frames:
        found = detect(keypoints, "side")
        hip = found.points.get("hip") if found.found else None
        hip_y.append(None if hip is None else hip[1])
    candidates = [(y, i) for i, y in enumerate(hip_y) if y is not None]
    return (min(candidates)[1] if candidates else None), hip_y
