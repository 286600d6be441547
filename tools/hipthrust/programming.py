"""How to train it: one row per step of the ladder, and the one source of the timer's presets.

Each row is a way to train the lift with its sets, reps, effort (reps in reserve, RIR), rests and
tempo, and the timer plan that runs it (:mod:`hipthrust.presets` is built from these rows, so the
table and the timer can never disagree). A row's key is its step's key (:mod:`hipthrust.steps`),
its anchor on the Programming page and its preset's key; "top-hold" is the one row that is not a
step: a harder way to do the single-leg hip thrust without a weight.

RIR is counted to **technical failure**: the reps you could still do with good form, not the reps
until you could not move at all (Helms et al. 2016 count to that second point; counting to the
first keeps every target a little safer). ``RIR_MEANS`` is the one sentence every page uses.

Where the numbers come from (shared/facts-beyond-the-seed.md):
- Athloft, single-leg hip thrust: 3 x 8-12 with bodyweight, 3 x 5-7 loaded, 2-3 min rest when
  loaded (the "single-leg-hip-thrust" and "loaded" rows);
- ACE, glute bridge: 1-2 x 5-10, a 1-2 s hold at the top, 30 s rest (the glute bridge row);
- the source article: lowering in 2-3 s, a top hold of a few seconds, "two up, one down";
- Helms et al. 2016: RIR as a way to set effort. The RIR targets themselves, the middle steps'
  sets and reps (single-leg bridge, two-leg and B-stance hip thrust, two up one down) and the rests
  the sources do not give (between legs, the bodyweight rows' 60 s) are coaching practice and the
  timer's own choices, marked so on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal

from . import guide
from .plan import Plan
from .tempo import Tempo, parse_tempo

Range = tuple[int, int]
RirCount = Literal["technical failure"]

# What "in reserve" counts up to (see the module docstring): one choice, said the same way on the
# Programming page, in the glossary and on the timer page.
RIR_COUNTS_TO: Final[RirCount] = "technical failure"
RIR_MEANS: Final = (
    "how many more reps you could still do **with good form** when you stop the set: hips level,"
    " the straight line at the top, the slow way down. The first rep you could only grind out"
    " with worse form is where the count ends (technical failure), not the rep you could not"
    " finish at all"
)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the table; ``key`` is its step's key, its anchor and its preset's key."""

    key: str
    name: str  # the preset's name in the timer
    goal: str
    sets: Range
    reps: Range  # per leg (both feet together for the two-leg rows)
    rir: Range  # reps in reserve at the end of each set (counted to technical failure)
    rest_sets: Range  # seconds
    plan: Plan  # what the timer runs: inside every range above
    summary: str  # one line under the timer's preset menu
    sources: tuple[str, ...] = ()  # footnote keys (hipthrust.sources); none: coaching practice


def _range(low: int, high: int) -> Range:
    return (low, high)


_STANDARD: Final = Plan(parse_tempo(guide.DEFAULT_TEMPO))
_TOGETHER: Final = replace(_STANDARD, legs="together", rest_legs=0)
STRENGTH_REPS: Final = 6  # Athloft: 3 x 5-7 loaded
STRENGTH_REST_SETS: Final = 150  # Athloft: 2-3 min between loaded sets
STRENGTH_REST_LEGS: Final = 60  # coaching practice: a breath between heavy legs
STRENGTH_TEMPO: Final = f"{guide.LOWERING_SECONDS_MIN}-0-1-1"  # heavier: the short end of 2-3 s
LEARNING_REPS: Final = 8  # the middle steps: the timer's plan inside 6-10 and 8-12

ROWS: Final[tuple[Row, ...]] = (
    Row(
        "glute-bridge",
        "Glute bridge",
        "Learn the movement",
        _range(1, guide.BRIDGE_SETS),
        _range(5, 10),
        _range(3, 4),
        _range(guide.BRIDGE_REST_SECONDS, guide.BRIDGE_REST_SECONDS),
        Plan(
            Tempo(guide.LOWERING_SECONDS_MIN, 0, 1, guide.BRIDGE_TOP_HOLD_SECONDS),
            legs="together",
            sets=guide.BRIDGE_SETS,
            rest_legs=0,
            rest_sets=guide.BRIDGE_REST_SECONDS,
        ),
        "On the floor, both feet down: learn to lift with the hips.",
        ("ace",),
    ),
    Row(
        "single-leg-bridge",
        "Single-leg glute bridge",
        "One leg, on the floor",
        _range(2, 3),
        _range(6, 10),
        _range(2, 3),
        _range(60, 60),
        replace(_STANDARD, reps=LEARNING_REPS),
        "On the floor, one foot down: hold the hips level.",
    ),
    Row(
        "hip-thrust",
        "Two-leg hip thrust",
        "Both feet, back on the bench",
        _range(2, 3),
        _range(8, 12),
        _range(2, 3),
        _range(60, 60),
        _TOGETHER,
        "Back on the bench, both feet down: the full range.",
    ),
    Row(
        "b-stance",
        "B-stance hip thrust",
        "Most of the work on one leg",
        _range(2, 3),
        _range(8, 12),
        _range(2, 3),
        _range(60, 60),
        _STANDARD,
        "One foot works, the other rests on its heel for balance only.",
    ),
    Row(
        "two-up-one-down",
        "Two up, one down",
        "Learn the one-leg lowering",
        _range(2, 3),
        _range(6, 10),
        _range(2, 3),
        _range(60, 60),
        replace(
            _STANDARD,
            reps=LEARNING_REPS,
            tempo=replace(_STANDARD.tempo, lowering=guide.LOWERING_SECONDS_MAX),
            variant="two_up_one_down",
        ),
        f"Both feet drive up; lift one foot and lower on the other in {guide.LOWERING_SECONDS_MAX} s.",
    ),
    Row(
        "single-leg-hip-thrust",
        "Single-leg hip thrust",
        "Muscle, bodyweight",
        _range(3, 3),
        _range(8, 12),
        _range(1, 3),
        _range(60, 90),
        _STANDARD,
        "Lower in 2-3 s, drive up, squeeze at the top.",
        ("athloft",),
    ),
    Row(
        "top-hold",
        "Top-hold progression",
        "Muscle, harder without weight",
        _range(3, 3),
        _range(8, 12),
        _range(1, 3),
        _range(60, 90),
        replace(
            _STANDARD,
            tempo=replace(_STANDARD.tempo, top_hold=guide.TOP_HOLD_PROGRESSION_SECONDS),
        ),
        f"Hold the top for {guide.TOP_HOLD_PROGRESSION_SECONDS} s each rep.",
    ),
    Row(
        "loaded",
        "Single-leg hip thrust, loaded",
        "Strength, with a weight",
        _range(3, 3),
        _range(5, 7),
        _range(1, 2),
        _range(120, 180),
        Plan(
            parse_tempo(STRENGTH_TEMPO),
            reps=STRENGTH_REPS,
            rest_legs=STRENGTH_REST_LEGS,
            rest_sets=STRENGTH_REST_SETS,
        ),
        f"{STRENGTH_REPS} heavy reps a leg, {STRENGTH_REST_SETS // 60} min {STRENGTH_REST_SETS % 60} s between sets.",
        ("athloft",),
    ),
)
ROWS_BY_KEY: Final = {row.key: row for row in ROWS}
# The rows that are not a step of the ladder: harder ways to do a step (see Scaling).
EXTRA_ROWS: Final = ("top-hold",)

# Which leg goes first (The Elite Trainer: the weaker side first, the same reps on the stronger
# side; T-Nation: some coaches start with the stronger side). The timer asks which leg is weaker
# and starts with it, rather than defaulting to one side; the guide says the same on Programming.
FIRST_LEG_RULE: Final = "weaker"
FIRST_LEG_QUESTION: Final = "Which leg is weaker? It goes first."
FIRST_LEG_WHY: Final = (
    "Start with your weaker leg, then do the same reps on the stronger one, so the stronger side"
    " never gets more work."
)

# ------------------------------------------------------------------------------------------------
# When to move up (issues 17 and 20): the progression rule, exact, as data. The Programming page
# prints it (macro ``progression_rule``) and the training log applies it (hipthrust.progression).
# Each outcome's reserve threshold is read from the row's own RIR target, so the table and the
# rule cannot disagree. "Reserve" is reps in reserve: reps left before technical failure (before
# your form would break). In order, the first that holds wins:
#   ease-off   any pain, a set short of the row's lowest reps, or a set with less than
#              (lowest RIR - 1) in reserve, i.e. two or more short of the target;
#   repeat     hips not level on a set, or a set below the lowest RIR (one short of the target);
#   add-load   loaded row, every set at the top of the rep range (each at least the lowest RIR);
#   next-step  bodyweight row, the same;
#   add-rep    otherwise: every set at least the lowest RIR, below the top of the range.
# Coaching practice: Helms et al. 2016 describe RIR; the thresholds and the jump of load are ours.
# ------------------------------------------------------------------------------------------------

Outcome = Literal["add-rep", "add-load", "next-step", "repeat", "ease-off"]

# The jump of load to add (coaching practice: the smallest step of weight you have).
LOAD_JUMP: Final[dict[str, tuple[float, float]]] = {"kg": (1.0, 2.5), "lb": (2.5, 5.0)}
# Rows done with a weight on the hips: the top of their range means more load, not the next step.
LOADED_ROWS: Final = frozenset({"loaded"})


@dataclass(frozen=True, slots=True)
class RuleLine:
    """One outcome of the rule, in the order it is checked; ``when`` and ``do`` are its words."""

    key: Outcome
    title: str
    when: str
    do: str


def _jump_words() -> str:
    kg, lb = LOAD_JUMP["kg"], LOAD_JUMP["lb"]
    return f"{kg[0]:g}\N{EN DASH}{kg[1]:g} kg ({lb[0]:g}\N{EN DASH}{lb[1]:g} lb)"


PROGRESSION_RULE: Final[tuple[RuleLine, ...]] = (
    RuleLine(
        "ease-off",
        "Ease off",
        "Any pain, or a set short of the bottom of the rep range, "
        "or a set two or more reps short of the row's reserve.",
        "Go back one step of the ladder, or take off the last load you added.",
    ),
    RuleLine(
        "repeat",
        "Repeat",
        "A set one rep short of the row's reserve, or hips that did not stay level.",
        "Do the same sets, reps and load again.",
    ),
    RuleLine(
        "add-load",
        "Add load",
        "With a weight: the top of the rep range on every set, each with the row's reserve "
        "or more, hips level and no pain.",
        f"Add the smallest jump you have, {_jump_words()}, and start again at the bottom "
        "of the rep range.",
    ),
    RuleLine(
        "next-step",
        "Next step",
        "Without a weight: the same as for adding load.",
        "Move to the next step of the ladder and start again at the bottom of its rep range.",
    ),
    RuleLine(
        "add-rep",
        "Add a rep",
        "Every set kept the row's reserve or more, below the top of the rep range.",
        "Next time, do one rep more than your weakest set, on every set. One change at a time.",
    ),
)
PROGRESSION_RULE_BY_KEY: Final = {line.key: line for line in PROGRESSION_RULE}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A row's numbers for the rule, all read from its ``rir`` and ``reps`` ranges."""

    reserve: int  # the least reserve on a set that lets you add a rep or move up
    ease_below: int  # a set with less than this in reserve means ease off (0: never by reserve)
    bottom: int
    top: int
    loaded: bool


def thresholds(row: Row) -> Thresholds:
    return Thresholds(
        reserve=row.rir[0],
        ease_below=row.rir[0] - 1,
        bottom=row.reps[0],
        top=row.reps[1],
        loaded=row.key in LOADED_ROWS,
    )
