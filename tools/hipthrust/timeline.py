"""A plan laid out in time: the segments of a whole workout and the state at any moment.

The page never counts: it reads one clock and looks up :func:`state_at` (mirrored in the page's
JavaScript by a binary search over the same segment list), so nothing can drift.

Rules:
- the workout opens with the lead-in (time to get into position), if it is longer than 0 s;
- a rep starts at the bottom: drive up, hold at the top, lower, pause at the bottom; a phase of
  0 s is left out; an explosive drive (``X``) is shown for :data:`EXPLOSIVE_DRIVE_SECONDS`;
- the last rep on a leg ends when the hips are down: its pause at the bottom is left out, the
  set is over;
- each set does the first leg, then (legs ``both``) "switch legs" for the rest between legs and
  the other leg; sets are separated by the rest between sets; no rest after the last set;
- segments are half-open ``[start, end)``; at or after the end the workout is done.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Final, Literal

from .plan import Leg, Plan

Kind = Literal["lead_in", "up", "hold", "down", "pause", "switch", "rest"]

EXPLOSIVE_DRIVE_SECONDS: Final = 1
WORDS: Final[dict[str, str]] = {
    "lead_in": "GET READY",
    "up": "UP",
    "hold": "HOLD",
    "down": "DOWN",
    "pause": "PAUSE",
    "switch": "SWITCH LEGS",
    "rest": "REST",
}
BREATH: Final[dict[str, str]] = {"up": "Exhale, drive up", "down": "Inhale, lower slowly"}
# Height of the hips in the figure at the start and end of each phase: 0 = bottom, 1 = top.
MOTION: Final[dict[str, tuple[float, float]]] = {
    "lead_in": (0.0, 0.0),
    "up": (0.0, 1.0),
    "hold": (1.0, 1.0),
    "down": (1.0, 0.0),
    "pause": (0.0, 0.0),
    "switch": (0.0, 0.0),
    "rest": (0.0, 0.0),
}
RESTS: Final = frozenset({"lead_in", "switch", "rest"})


@dataclass(frozen=True, slots=True)
class Segment:
    """One phase of the workout. ``rep`` is 0 outside the reps; ``leg`` is the working leg
    (``both`` when both feet work together); ``next_leg`` is set on rests: who works next."""

    start: float
    end: float
    kind: Kind
    set: int
    rep: int
    leg: str
    instruction: str

    @property
    def duration(self) -> float:
        return self.end - self.start

    @property
    def word(self) -> str:
        return WORDS[self.kind]


@dataclass(frozen=True, slots=True)
class Timeline:
    plan: Plan
    segments: tuple[Segment, ...]

    @property
    def total(self) -> float:
        return self.segments[-1].end if self.segments else 0.0


def leg_order(plan: Plan) -> tuple[str, ...]:
    """The legs worked in each set, in order."""
    if plan.legs == "together":
        return ("both",)
    other: Leg = "left" if plan.first == "right" else "right"
    return (plan.first,) if plan.legs == "one" else (plan.first, other)


def _instruction(kind: Kind, plan: Plan, leg: str) -> str:
    two_up = plan.variant == "two_up_one_down" and leg != "both"
    if kind == "up":
        if two_up:
            return "Both feet drive up"
        return "Drive through both heels" if leg == "both" else f"Drive through the {leg} heel"
    if kind == "hold":
        return "Squeeze, ribs down"
    if kind == "down":
        return f"Lift the other foot, lower on the {leg} leg" if two_up else "Lower slowly"
    if kind == "pause":
        return "Hips just above the floor" if not two_up else "Both feet down"
    return ""


def _rep_phases(plan: Plan) -> list[tuple[Kind, int]]:
    tempo = plan.tempo
    drive = EXPLOSIVE_DRIVE_SECONDS if tempo.explosive_drive else tempo.drive
    phases: list[tuple[Kind, int]] = [
        ("up", drive),
        ("hold", tempo.top_hold),
        ("down", tempo.lowering),
        ("pause", tempo.bottom_pause),
    ]
    return phases


def build_timeline(plan: Plan) -> Timeline:
    """Every segment of the workout, back to back from time 0."""
    segments: list[Segment] = []
    clock = 0.0
    legs = leg_order(plan)

    def add(kind: Kind, seconds: float, set_: int, rep: int, leg: str, instruction: str) -> None:
        nonlocal clock
        if seconds <= 0:
            return
        segments.append(Segment(clock, clock + seconds, kind, set_, rep, leg, instruction))
        clock += seconds

    first_words = "Both feet" if legs == ("both",) else f"{legs[0].capitalize()} leg first"
    add("lead_in", plan.lead_in, 1, 0, legs[0], f"Get into position. {first_words}.")
    for set_ in range(1, plan.sets + 1):
        for index, leg in enumerate(legs):
            if index > 0:
                add("switch", plan.rest_legs, set_, 0, leg, f"Switch to the {leg} leg")
            for rep in range(1, plan.reps + 1):
                for kind, seconds in _rep_phases(plan):
                    if kind == "pause" and rep == plan.reps:
                        continue
                    add(kind, seconds, set_, rep, leg, _instruction(kind, plan, leg))
        if set_ < plan.sets:
            add(
                "rest", plan.rest_sets, set_ + 1, 0, legs[0], f"Next: set {set_ + 1} of {plan.sets}"
            )
    return Timeline(plan, tuple(segments))


@dataclass(frozen=True, slots=True)
class State:
    """Where the workout is at one moment: ``index`` is -1 before the start and past the end."""

    index: int
    elapsed: float
    remaining: float  # in the current segment
    progress: float  # of the current segment, 0-1
    done: bool


def state_at(timeline: Timeline, elapsed: float) -> State:
    """The state ``elapsed`` seconds into the workout (same rule as the page's lookup)."""
    segments = timeline.segments
    if elapsed >= timeline.total:
        return State(-1, elapsed, 0.0, 1.0, True)
    if elapsed < 0:
        return State(-1, elapsed, -elapsed, 0.0, False)
    starts = [segment.start for segment in segments]
    index = bisect.bisect_right(starts, elapsed) - 1
    segment = segments[index]
    return State(
        index,
        elapsed,
        segment.end - elapsed,
        (elapsed - segment.start) / segment.duration,
        False,
    )


def next_segment_text(timeline: Timeline, index: int) -> str:
    """What comes after segment ``index``, for the "next" line under the phase word."""
    segments = timeline.segments
    if index + 1 >= len(segments):
        return "Next: done"
    current, following = segments[index], segments[index + 1]
    if following.kind in RESTS:
        return f"Next: {following.word.lower()} {following.duration:g} s"
    if current.kind in RESTS and following.leg != "both":
        return f"Next: set {following.set}, {following.leg} leg"
    return f"Next: {following.word}"
