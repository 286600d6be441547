"""The angle checker's metrics as data: verdict bands, wording, and the points each one needs.

Every threshold lives here, once; the guide's table (``docs/tools/angle-checker.md``, through
macros) and the checker read the same :data:`THRESHOLDS`. :data:`NEEDS` says which placed points a
metric needs, so a metric exists only when all of them are placed (never a verdict on a point the
user did not place); the others come back as "waiting" lines that say what to place next.

Where the numbers come from: the source article asks for a vertical shin, a straight
shoulders-hips-knee line, a flat plane, the knee in line with hip and ankle, and (single-leg work)
level hips, but gives no tolerance. The bands are ours, set from what a photo can show: hand-placed
points on a phone photo move an angle by about 2-3° (a joint is a few centimetres across), and a
camera a little off side-on skews it by a few more, so "good" allows about twice that error and
"fix" starts where a coach would see the fault by eye.

Pelvis level (front photo): the hip joints are about 17-20 cm apart on an adult; a hip point placed
2 cm off (a hip is hidden under clothes, and the detector is weakest there) tilts that line by
about 3°, so good is up to 5° and fix over 10°, as for the other angles. Only the free-leg side
*dropping* is judged (``judged="above"``): that is the single-leg fault (the working side's glutes
fail to hold the pelvis up, so the unsupported side sags); the free side a little higher is the
working hip driving up hard, not a fault the guide names.

Knee in line (front photo): the photo is taken from the feet, so at the top the thigh points
straight at the camera and the hip and knee overlap; the frontal-plane projection angle (the bend
at the knee between hip and ankle) is then ill-defined: a few pixels move the hip point and the
angle swings by tens of degrees. The shin is seen full length from the front (it is vertical at the
top), so its tilt from vertical tells the same thing: the knee drifting inward over the foot. Its
band is the shin's (a shin is about 40 cm long; a point 2 cm off tilts it by about 3°).

Which metrics each step asks for (:data:`STEP_CHECKS`, keys of :mod:`hipthrust.steps`):

- the body line against the floor only with the shoulders on a bench (``support == "bench"``): on
  the floor the shoulders rest on the floor and the knees are always higher (a vertical shin puts
  the knee about 45 cm up, so the line rises about 25-30°), so that number is no fault there;
- the shoulder-hip-knee line and the shin on every step: a straight line from shoulders to knees
  at the top is the cue for the floor bridge as for the hip thrust (ACE glute bridge; the source
  article), and the vertical shin the foot position (Contreras, 10 steps; 365physique);
- the free leg only with one foot down (``feet_down == 1``): the two-leg steps and B-stance have
  no raised leg (the source article: the free leg stays up);
- the pelvis level (front) only on one-leg steps (``one_leg``): a drop of the free side is the
  single-leg fault (pelvic drop with weak hip abductors, PMC8628027); on two legs both sides hold;
- the shin tilt (front) on every step.

The bands are the same on every step: the sources give each step the same target (vertical shin,
straight line, level pelvis), and the error a photo carries does not depend on the step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from . import faults
from .faults import Fault
from .steps import STEPS, Step

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
        "Knee over the foot (front)",
        5.0,
        10.0,
        "above",
        faults.KNEE_CAVING_IN,
        counts="shin tilted inward only (knee slightly out is the cue)",
    ),
    "pelvis": Band(
        "Pelvis level (front)",
        5.0,
        10.0,
        "above",
        faults.HIPS_DROPPING,
        counts="free-leg side lower only",
    ),
}

# The points each metric needs. A tuple inside is "one of these" (the shin's and the heel's sign
# depend on which way the lifter faces, known from a shoulder or a hip against the leg).
Need = str | tuple[str, ...]
NEEDS: Final[dict[str, tuple[Need, ...]]] = {
    "shin": ("knee", "ankle", ("shoulder", "hip")),
    "hip_line": ("shoulder", "hip", "knee"),
    "plane": ("shoulder", "knee"),
    "heel": ("heel", "toe", ("shoulder", "hip")),
    "free_leg": ("hip", "free_knee"),
    "valgus": ("knee", "ankle"),
    "pelvis": ("hip", "other_hip"),
}
# Metrics always asked for in each view; the optional ones (heel, free leg) wait only once one of
# their own points is placed (the user ticked that option).
CORE: Final = {"side": ("shin", "hip_line", "plane"), "front": ("valgus", "pelvis")}
OPTIONAL: Final = {"heel": ("heel", "toe"), "free_leg": ("free_knee",)}

# Where each band comes from (the report's and the guide's "why" column): the target is the
# source's, the width is what a photo can carry (module docstring).
BAND_SOURCES: Final = {
    "shin": "vertical shin at the top: Contreras, 10 steps; 365physique (knees over the heels)",
    "hip_line": "straight shoulders-hips-knees at the top: the source article; ACE glute bridge",
    "plane": "flat body at the top, shoulders on a bench level with the knees: the source article",
    "heel": "drive through the heel, toes may lift: Contreras, 10 steps; the source article",
    "free_leg": "free leg kept up and passive: the source article",
    "valgus": "knee in line with the foot: the source article (knee caving in)",
    "pelvis": "level hips on one leg; pelvic drop = weak abductors: PMC8628027",
}


@dataclass(frozen=True, slots=True)
class StepChecks:
    """The metrics a step asks for: always (``side``/``front``) and when ticked (``optional``)."""

    side: tuple[str, ...]
    front: tuple[str, ...]
    optional: tuple[str, ...]

    def core(self, view: str) -> tuple[str, ...]:
        return self.side if view == "side" else self.front

    def allowed(self, view: str) -> tuple[str, ...]:
        return self.core(view) + (self.optional if view == "side" else ())


def _checks(step: Step) -> StepChecks:
    """A step's metric set from its geometry (the rules in the module docstring)."""
    side = ("shin", "hip_line") + (("plane",) if step.support == "bench" else ())
    front = ("valgus",) + (("pelvis",) if step.one_leg else ())
    optional = ("heel",) + (("free_leg",) if step.feet_down == 1 else ())
    return StepChecks(side, front, optional)


STEP_CHECKS: Final = {step.key: _checks(step) for step in STEPS}

_DIRECTIONS: Final = {
    "shin": ("knee past the ankle, towards your feet", "knee nearer the bench", "vertical"),
    "hip_line": (
        "hips above the shoulder-knee line",
        "hips below the shoulder-knee line",
        "straight",
    ),
    "plane": ("knee higher than the shoulders", "knee lower than the shoulders", "flat"),
    "heel": ("heel lifted", "toes lifted", "foot flat"),
    "free_leg": ("free knee above the hip", "free knee below the hip", "level with the hip"),
    "valgus": ("knee inward of the foot", "knee outward of the foot", "shin vertical"),
    "pelvis": ("free-leg side lower", "free-leg side higher", "level"),
}
# How a waiting line names the metric: "Place the knee to see the shin angle."
_WAITING_NAMES: Final = {
    "shin": "shin angle",
    "hip_line": "hip line",
    "plane": "body line against the floor",
    "heel": "heel lift",
    "free_leg": "free leg angle",
    "valgus": "shin tilt from the front",
    "pelvis": "pelvis level",
}


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


def missing(name: str, placed: set[str] | dict[str, Any]) -> list[Need]:
    """The needs of a metric that are not placed yet, in the metric's order ([] = computable)."""
    return [
        need
        for need in NEEDS[name]
        if (need not in placed if isinstance(need, str) else not any(n in placed for n in need))
    ]


def _the(need: Need) -> str:
    names = [need] if isinstance(need, str) else list(need)
    return " or the ".join(n.replace("_", " ") for n in names)


def waiting(name: str, needs: list[Need]) -> dict[str, Any]:
    """A "waiting" line: what to place to see this metric, as data and as a sentence.

    ``needs`` lists point names in placing order; of a "one of" group only its first member is
    listed (the sentence names them all: "the shoulder or the hip").
    """
    parts = [f"the {_the(need)}" for need in needs]
    places = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return {
        "metric": name,
        "label": THRESHOLDS[name].label,
        "needs": [need if isinstance(need, str) else need[0] for need in needs],
        "message": f"Place {places} to see the {_WAITING_NAMES[name]}.",
    }
