"""The set review's words: each phase against the target, and the summary a coach would give.

**A phase against its target** (:func:`judge_phase`): within :data:`ON_TARGET_S` of the target
seconds is on target (✓); within :data:`CLOSE_S` is close; beyond is to fix. Why half a second:
the timer counts whole seconds and a lifter counting in their head drifts by about that much,
while the review's own timing error is smaller (issue 19 asks ±0.15 s median, ±0.3 s worst), so
a miss beyond it is the lifter's, not the measurement's. An ``X`` drive (as fast as possible) has
no seconds; a drive up to :data:`EXPLOSIVE_MAX_S` counts as explosive (the real clip's fast drive
took 0.3 s; a drive of more than a second is a controlled one).

**The summary** (:func:`summary`), in this order:

1. reps and leg(s), and how many partial cycles were not counted;
2. the tempo: each phase's average against the target with what to do when it is off, or the
   averages alone when there is no target;
3. fatigue, first reps against last (sets of at least :data:`MIN_TREND_REPS` reps on a leg): a
   movement that slowed or sped up by more than :data:`TREND_S` and :data:`TREND_SHARE` from the
   first third of the reps to the last, and an angle that left the checker's "good" band from
   some rep on and stayed out (at least two reps, after a good start);
4. left against right (single-leg sets filmed on both legs): a phase whose averages differ by more
   than :data:`SIDE_S`, or an angle whose averages differ by more than the checker's good band.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean
from typing import Any, Final

from .metrics import THRESHOLDS
from .review_reps import PHASES, PhaseName
from .tempo import Tempo

ON_TARGET_S: Final = 0.5
CLOSE_S: Final = 1.0
EXPLOSIVE_MAX_S: Final = 1.0
MIN_TREND_REPS: Final = 4
TREND_S: Final = 0.3
TREND_SHARE: Final = 0.25
SIDE_S: Final = 0.3
MINUS: Final = "\u2212"

NAMES: Final[dict[PhaseName, str]] = {
    "lower": "lowering",
    "bottom": "pause at the bottom",
    "drive": "drive up",
    "top": "hold at the top",
}
# What to do when a phase is (short, long) against its target.
ADVICE: Final[dict[PhaseName, tuple[str, str]]] = {
    "lower": ("slow down on the way down", "lower a little faster"),
    "bottom": ("pause longer at the bottom", "shorten the pause at the bottom"),
    "drive": ("drive up more slowly, under control", "drive up faster"),
    "top": ("hold the top longer", "shorten the hold at the top"),
}


def seconds_text(value: float) -> str:
    """``+1.1 s`` or, below zero, a true minus sign (U+2212) and the size: one decimal."""
    text = f"{abs(value):.1f} s"
    return f"{MINUS}{text}" if value < 0 and text != "0.0 s" else f"+{text}"


def target_seconds(tempo: Tempo, phase: PhaseName) -> int | None:
    """The target's seconds for a phase; None for an ``X`` drive."""
    if phase == "drive":
        return None if tempo.explosive_drive else tempo.drive
    return {"lower": tempo.lowering, "bottom": tempo.bottom_pause, "top": tempo.top_hold}[phase]


def judge_phase(seconds: float | None, tempo: Tempo | None, phase: PhaseName) -> dict[str, Any]:
    """``{"seconds", "target", "verdict", "off", "text"}`` of one phase of one rep."""
    rounded = None if seconds is None else round(seconds, 2)
    base: dict[str, Any] = {"seconds": rounded, "target": None, "verdict": None, "off": None}
    if tempo is None or seconds is None:
        return {**base, "text": ""}
    target = target_seconds(tempo, phase)
    # An explosive drive is off only when too slow.
    off = max(0.0, seconds - EXPLOSIVE_MAX_S) if target is None else seconds - target
    size = abs(off)
    verdict = "good" if size <= ON_TARGET_S else "close" if size <= CLOSE_S else "fix"
    text = "✓" if verdict == "good" else seconds_text(off)
    return {**base, "target": target, "verdict": verdict, "off": round(off, 2) + 0.0, "text": text}


@dataclass(frozen=True, slots=True)
class Row:
    """One full rep as the summary needs it: its number, leg, phase seconds and top metrics."""

    number: int
    leg: str
    seconds: dict[PhaseName, float | None]
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)


def _count(rows: list[Row], one_leg: bool, partial: int) -> str:
    n = len(rows)
    reps = f"{n} rep{'s' if n != 1 else ''}"
    legs = sorted({r.leg for r in rows if r.leg in ("left", "right")})
    if not one_leg or not legs:
        text = f"{reps}."
    elif len(legs) == 1:
        text = f"{reps}, {legs[0]} leg."
    else:
        per = {leg: sum(1 for r in rows if r.leg == leg) for leg in legs}
        text = f"{reps}: {per['left']} left leg, {per['right']} right leg."
    if partial:
        text += f" {partial} partial rep{'s were' if partial != 1 else ' was'} not counted."
    return text


def _average(rows: list[Row], phase: PhaseName) -> float | None:
    values = [s for r in rows if (s := r.seconds.get(phase)) is not None]
    return mean(values) if values else None


def _tempo(rows: list[Row], tempo: Tempo | None) -> list[str]:
    averages = {p: a for p in PHASES if (a := _average(rows, p)) is not None}
    if not averages:
        return []
    if tempo is None:
        parts = ", ".join(f"{NAMES[p]} {a:.1f} s" for p, a in averages.items())
        return [f"On average: {parts} (no target tempo given, so nothing is judged)."]
    lines = []
    for phase, average in averages.items():
        verdict = judge_phase(average, tempo, phase)
        if verdict["verdict"] == "good":
            continue
        target = verdict["target"]
        against = "as fast as possible" if target is None else f"against {target} s"
        short = target is not None and average < target
        advice = ADVICE[phase][0 if short else 1]
        lines.append(f"{NAMES[phase].capitalize()} averaged {average:.1f} s {against}: {advice}.")
    if not lines:
        lines.append(f"Every phase was on the target tempo ({tempo.notation()}) on average.")
    return lines


def _thirds(values: list[float]) -> tuple[float, float]:
    third = max(1, len(values) // 3)
    return mean(values[:third]), mean(values[-third:])


def _tempo_trend(rows: list[Row], side: str) -> list[str]:
    lines = []
    for phase in ("lower", "drive"):
        values = [s for r in rows if (s := r.seconds.get(phase)) is not None]
        if len(values) < MIN_TREND_REPS:
            continue
        first, last = _thirds(values)
        if abs(last - first) > max(TREND_S, TREND_SHARE * first):
            change = "slowed" if last > first else "got faster"
            lines.append(
                f"The {NAMES[phase]}{side} {change} from {first:.1f} s to {last:.1f} s over the "
                "set (fatigue)."
            )
    return lines


def _angle_trend(rows: list[Row], side: str) -> list[str]:
    lines = []
    for name, band in THRESHOLDS.items():
        judged = [(r.number, r.metrics[name]) for r in rows if name in r.metrics]
        if len(judged) < MIN_TREND_REPS or judged[0][1]["verdict"] != "good":
            continue
        start = len(judged)
        while start > 0 and judged[start - 1][1]["verdict"] != "good":
            start -= 1
        if len(judged) - start < 2:
            continue
        number, first_bad = judged[start]
        sign = MINUS if first_bad["value"] < 0 else "+"
        lines.append(
            f"{band.label}{side} went past {sign}{band.good:g}° from rep {number} on "
            f"({first_bad['direction']}): a sign of fatigue."
        )
    return lines


def _sides(rows: list[Row]) -> list[str]:
    left = [r for r in rows if r.leg == "left"]
    right = [r for r in rows if r.leg == "right"]
    if not left or not right:
        return []
    lines = []
    for phase in PHASES:
        a, b = _average(left, phase), _average(right, phase)
        if a is not None and b is not None and abs(a - b) > SIDE_S:
            lines.append(
                f"{NAMES[phase].capitalize()}: left leg {a:.1f} s, right leg {b:.1f} s on average."
            )
    for name, band in THRESHOLDS.items():
        lv = [r.metrics[name]["value"] for r in left if name in r.metrics]
        rv = [r.metrics[name]["value"] for r in right if name in r.metrics]
        if lv and rv and abs(mean(lv) - mean(rv)) > band.good:
            lines.append(
                f"{band.label}: left leg {mean(lv):+.1f}°, right leg {mean(rv):+.1f}° on average.".replace(
                    "-", MINUS
                )
            )
    return lines


def summary(rows: list[Row], tempo: Tempo | None, *, one_leg: bool, partial: int) -> list[str]:
    """The summary's sentences, in the module docstring's order."""
    lines = [_count(rows, one_leg, partial), *_tempo(rows, tempo)]
    legs = sorted({r.leg for r in rows})
    for leg in legs:
        side = f" ({leg} leg)" if len(legs) > 1 else ""
        block = [r for r in rows if r.leg == leg]
        lines += _tempo_trend(block, side) + _angle_trend(block, side)
    return lines + _sides(rows)
