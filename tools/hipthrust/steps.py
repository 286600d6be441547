"""The ladder's steps: one list, one key each, for every tool and page that names a step.

The Programming page's ladder and table, the Scaling page, the timer's variants, the angle
checker's step choice, the set review and the training log all use these keys, so a step is
spelled one way.

Each step holds what every consumer needs to tell the steps apart by their geometry:
- ``support``: what the shoulders rest on (``floor`` or ``bench``); on the floor the body line
  against the floor is not judged (the shoulders lie on it);
- ``feet_down``: how many feet are on the floor at the top of the rep (2 or 1);
- ``one_leg``: whether one leg does the work (the pelvis-level check and the working/free leg apply).

and its coaching (issue 17), printed by the macros in ``overrides/macros.py``:
- ``how``: how to do it, as short Markdown bullets (links are from a page at the docs root);
- its row of the programming table (:func:`row`: sets x reps x reps in reserve, rests, tempo and the
  timer preset, all in :mod:`hipthrust.programming`; the row's key is the step's key);
- ``ready``: what must hold, besides the number, before the next step; the number is always the
  top of the row's range (:func:`ready_test`), so the ladder and the table cannot disagree;
- ``figure``: the guide figure that shows it (:mod:`hipthrust.figures`), if any.

A how line may end in ``(coaching practice)``: the pages print the one coaching-practice marker
there.

Anchors: the step's key is its heading id on the Programming page (its row and ready test) and on
the Scaling page (how to do it). The steps before ``DEFAULT_STEP`` are the regressions, the ones
after it the progressions; ``HARDER`` are the ways to make a step harder that are not steps.

Sources: the source article (glute bridge on the floor, "two up, one down", load on the hip
crease, the top hold, band, raised foot); ACE (glute bridge); Athloft (sets and reps). The
single-leg bridge, the two-leg hip thrust as a step, the B-stance hip thrust, the order of the
ladder, the ready tests and the loading tips are coaching practice: no source was checked for
them, and the pages mark them so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from . import guide
from .plan import Variant
from .programming import ROWS_BY_KEY, Row

Support = Literal["floor", "bench"]
Place = Literal["regression", "target", "progression"]

_FREE = guide.FREE_LEG_KNEE_DEGREES
_LO, _HI = guide.LOWERING_SECONDS_MIN, guide.LOWERING_SECONDS_MAX


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the ladder; ``key`` is its anchor, its ``?step=`` value and its log key."""

    key: str
    name: str
    support: Support
    feet_down: Literal[1, 2]
    one_leg: bool
    how: tuple[str, ...] = ()
    ready: str = ""  # besides the row's top number; "" for the last step
    figure: str = ""
    sources: tuple[str, ...] = ()  # footnote keys for ``how``
    practice: bool = False  # the step itself is coaching practice, not from a source
    # The feet are not side by side: one flat (the working foot), the other forward on its heel.
    staggered: bool = False


@dataclass(frozen=True, slots=True)
class ReadyTest:
    """Ready for the next step: ``sets`` x ``reps`` (the top of the row's range) with at least
    ``rir`` reps in reserve on every set, and ``also``."""

    sets: int
    reps: int
    rir: int
    also: str


@dataclass(frozen=True, slots=True)
class Harder:
    """A way to make a step harder that is not a step of its own (Scaling's progressions)."""

    key: str  # its heading id on the Scaling page
    name: str
    how: tuple[str, ...]
    figure: str
    row: str = ""  # its row of the programming table, if it has one


STEPS: Final[tuple[Step, ...]] = (
    Step(
        "glute-bridge",
        "Glute bridge",
        "floor",
        2,
        one_leg=False,
        how=(
            "The **glute bridge on the floor**: lie on your back, knees bent, both feet flat and"
            " hip-width apart.",
            "Drive through both heels and lift your hips to a straight line from shoulders to"
            f" knees. Squeeze for {guide.BRIDGE_TOP_HOLD_SECONDS} s, then lower slowly.",
            "**Easier because**: a **shorter range of motion** and **less balance** to hold.",
            "Use it to **learn the hip-extension pattern** (driving the hips up) before you go to"
            " one leg on a bench.",
        ),
        ready="slow reps, no cramp and no back pain",
        figure="glute-bridge",
        sources=("ace",),
    ),
    Step(
        "single-leg-bridge",
        "Single-leg glute bridge",
        "floor",
        1,
        one_leg=True,
        how=(
            "Set up as for the glute bridge, then lift one foot. The free leg is bent about"
            f" {_FREE}° or straight, and relaxed.",
            "Lift and lower on the one foot, with the **belt buckle flat**: both hip bones level.",
            "One leg now lifts you and holds the hips level, over the short range of the floor.",
        ),
        ready="hips level the whole time",
        practice=True,
    ),
    Step(
        "hip-thrust",
        "Two-leg hip thrust",
        "bench",
        2,
        one_leg=False,
        how=(
            "Back on the bench as in [Setup](setup.md), but **both feet down**, each under its"
            " own hip.",
            f"Drive up to the straight line, lower in {_LO}\N{EN DASH}{_HI} s.",
            "The full range of the bench, with two legs to share it.",
        ),
        ready="a straight line at the top and a slow way down",
        practice=True,
    ),
    Step(
        "b-stance",
        "B-stance hip thrust",
        "bench",
        2,
        one_leg=True,
        how=(
            "Also called the **kickstand** hip thrust. Set up as for the two-leg hip thrust.",
            "Slide one foot forward about half a foot's length and rest it on its **heel, toes"
            " up**. The flat foot is the working foot.",
            "The flat foot does the work. The heel of the other foot only steadies you: if it"
            " starts to push, slide it further forward.",
            "A step between two legs and one, and a way to add load before one leg can take it.",
        ),
        ready="hips level and the front heel barely pressing",
        figure="b-stance",
        practice=True,
        staggered=True,
    ),
    Step(
        "two-up-one-down",
        "Two up, one down",
        "bench",
        2,
        one_leg=True,
        how=(
            "Bodyweight, back on the bench.",
            "**Drive up with both feet.**",
            "At the top, **lift one foot** and **lower slowly on the other leg alone**, in"
            f" {_HI} s. Put the foot back down at the bottom.",
        ),
        ready="hips level on the way down",
        figure="two-up-one-down",
    ),
    Step(
        "single-leg-hip-thrust",
        "Single-leg hip thrust",
        "bench",
        1,
        one_leg=True,
        how=(
            "The whole lift: [Setup](setup.md) and [Execution](execution.md).",
            f"The free leg is bent about {_FREE}° or straight, and relaxed; it never touches down.",
        ),
        ready="hips level and the line at the top",
        figure="top",
        sources=("athloft",),
    ),
    Step(
        "loaded",
        "Single-leg hip thrust, loaded",
        "bench",
        1,
        one_leg=True,
        how=(
            "Lay a **dumbbell or kettlebell across the hip crease** (where the thigh meets the"
            " hip).",
            "More **mechanical tension** (the pull on the muscle while it works) on the glutes:"
            " more **strength and muscle growth** (hypertrophy).",
            "**Where and which hand**: a light weight can sit in the middle. As it gets heavier,"
            " set it over the **working hip** and steady it with the hand on that side. Weight over"
            " the free side would pull that side down and tip your hips. The other arm stays"
            " relaxed on the bench. (coaching practice)",
            '**Why a hand is fine here**: "arms relaxed" means don\'t push the bench or floor with'
            " your elbows. A hand that only **keeps the weight from rolling** does no pushing.",
            "**Pad it**: fold a towel or use a bar pad between the weight and your hip bone.",
            "**On and off**: sit on the floor, set the weight on your hip crease, then lean back"
            " onto the bench. After the last rep, lower your hips to the floor and lift the weight"
            " off to the side. Don't drop it or roll it onto your belly. (coaching practice)",
            "**Heavier than a dumbbell**: a **barbell** with a thick pad, rolled over your legs"
            " while you sit; a **band across the hips**, held down by a heavy dumbbell on each"
            " side or hooked under the bench; or a **hip thrust machine**. On one leg, keep the"
            " load light enough that the hips stay level. (coaching practice)",
        ),
        figure="load",
        sources=("athloft",),
    ),
)
STEPS_BY_KEY: Final = {step.key: step for step in STEPS}
DEFAULT_STEP: Final = "single-leg-hip-thrust"

HARDER: Final[tuple[Harder, ...]] = (
    Harder(
        "hold-the-top",
        "Hold the top",
        (
            "Add a **pause of a few seconds at the very top** (an isometric hold: holding still"
            f" under load), for example {guide.TOP_HOLD_PROGRESSION_SECONDS} s.",
            "More **time under tension**, no extra weight needed.",
            "Pregnant? After the first three months, skip long holds at the top: see"
            " [Safety](safety.md#pregnancy-and-after-giving-birth).",
        ),
        "top-hold",
        row="top-hold",
    ),
    Harder(
        "band-around-the-knees",
        "Band around the knees",
        (
            "Loop a **resistance band around the knees**, just above them.",
            "The glutes and the **hip abductors** (the muscles on the side of the hip) must work"
            " harder to keep the knees from **caving inward**.",
            "On one leg: see the [band set-up](programming.md#band-set-up-for-one-leg).",
        ),
        "band",
    ),
    Harder(
        "foot-elevated",
        "Foot elevated",
        (
            "Stand the working foot on a **small plate or a low step**.",
            "A **bigger range of motion**: more **hip flexion** (the thigh closer to the chest)"
            " and a **deeper glute stretch at the bottom**.",
            "A pinch at the front of the hip at the bottom means the hip bends too far for you:"
            " go less deep, or leave this one out (see [Safety](safety.md#what-usually-helps)).",
        ),
        "foot-elevated",
    ),
)


def step(key: str) -> Step:
    """The step with this key; an unknown key is an error that names the known ones."""
    try:
        return STEPS_BY_KEY[key]
    except KeyError:
        known = ", ".join(STEPS_BY_KEY)
        raise ValueError(f"Unknown step {key!r}: one of {known}") from None


def row(key: str) -> Row:
    """The step's row of the programming table (sets, reps, reps in reserve, rests, timer plan)."""
    return ROWS_BY_KEY[step(key).key]


def timer_variant(key: str) -> Variant:
    """What the timer runs for this step: its row's plan's variant."""
    return row(key).plan.variant


def place(key: str) -> Place:
    """Easier than the single-leg hip thrust (a regression), the lift itself, or harder."""
    keys = list(STEPS_BY_KEY)
    index, target = keys.index(step(key).key), keys.index(DEFAULT_STEP)
    return "regression" if index < target else "target" if index == target else "progression"


def next_step(key: str) -> Step | None:
    """The step after this one on the ladder; None for the last."""
    index = STEPS.index(step(key))
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def ready_test(key: str) -> ReadyTest | None:
    """When to move on: every set at the top of the row's reps with its reserve; None at the end."""
    current = step(key)
    if next_step(key) is None:
        return None
    found = row(key)
    return ReadyTest(found.sets[1], found.reps[1], found.rir[0], current.ready)


# The timer's Variation menu: what each variant the steps' plans use is called there.
VARIANT_LABELS: Final[dict[Variant, str]] = {
    "single": "Single leg all the way",
    "two_up_one_down": "Two up, one down",
}
