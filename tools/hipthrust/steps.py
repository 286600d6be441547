"""The ladder's steps: one list, one key each, for every tool and page that names a step.

The Programming page's ladder, the Scaling page, the timer's variants, the angle checker's step
choice, the set review and the training log all use these keys, so a step is spelled one way.

This module holds what every consumer needs to tell the steps apart by their geometry:
- ``support``: what the shoulders rest on (``floor`` or ``bench``); on the floor the body line
  against the floor is not judged (the shoulders lie on it);
- ``feet_down``: how many feet are on the floor at the top of the rep (2 or 1);
- ``one_leg``: whether one leg does the work (the pelvis-level check and the working/free leg apply).

The coaching (how to do each step, its sets x reps x RIR, the "ready for the next step" test) is
added beside these fields by the coaching work (issue 17); the keys and geometry stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Support = Literal["floor", "bench"]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the ladder; ``key`` is its anchor, its ``?step=`` value and its log key."""

    key: str
    name: str
    support: Support
    feet_down: Literal[1, 2]
    one_leg: bool


STEPS: Final[tuple[Step, ...]] = (
    Step("glute-bridge", "Glute bridge", "floor", 2, one_leg=False),
    Step("single-leg-bridge", "Single-leg glute bridge", "floor", 1, one_leg=True),
    Step("hip-thrust", "Two-leg hip thrust", "bench", 2, one_leg=False),
    # B-stance (kickstand): both feet down, but the back foot only steadies; one leg works.
    Step("b-stance", "B-stance hip thrust", "bench", 2, one_leg=True),
    # Drive up on two feet, lower on one: the top is reached on two feet.
    Step("two-up-one-down", "Two up, one down", "bench", 2, one_leg=True),
    Step("single-leg-hip-thrust", "Single-leg hip thrust", "bench", 1, one_leg=True),
    Step("loaded", "Single-leg hip thrust, loaded", "bench", 1, one_leg=True),
)
STEPS_BY_KEY: Final = {step.key: step for step in STEPS}
DEFAULT_STEP: Final = "single-leg-hip-thrust"


def step(key: str) -> Step:
    """The step with this key; an unknown key is an error that names the known ones."""
    try:
        return STEPS_BY_KEY[key]
    except KeyError:
        known = ", ".join(STEPS_BY_KEY)
        raise ValueError(f"Unknown step {key!r}: one of {known}") from None
