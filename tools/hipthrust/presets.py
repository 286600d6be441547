"""The timer's presets, named after the guide's own variations, built from :mod:`hipthrust.guide`.

- standard: the guide's default tempo (2-3 s lowering) with the default reps, sets and rests;
- top hold: the progression "an isometric hold for a few seconds at the very top";
- two up, one down: the regression "use both feet to lift the hips but remove one foot to lower
  down slowly and unilaterally" (so the lowering takes the guide's longest 3 s);
- glute bridge: the floor regression, both feet together, with ACE's 1-2 s hold, 1-2 sets, 30 s rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from . import guide
from .plan import Plan
from .tempo import Tempo, parse_tempo


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    name: str
    summary: str
    plan: Plan


_STANDARD: Final = Plan(parse_tempo(guide.DEFAULT_TEMPO))

PRESETS: Final[tuple[Preset, ...]] = (
    Preset(
        "standard",
        "Standard",
        "Lower in 2-3 s, drive up, squeeze at the top.",
        _STANDARD,
    ),
    Preset(
        "top-hold",
        "Top-hold progression",
        f"Hold the top for {guide.TOP_HOLD_PROGRESSION_SECONDS} s each rep.",
        replace(
            _STANDARD,
            tempo=replace(_STANDARD.tempo, top_hold=guide.TOP_HOLD_PROGRESSION_SECONDS),
        ),
    ),
    Preset(
        "two-up-one-down",
        "Two up, one down",
        f"Both feet drive up; lift one foot and lower on the other in {guide.LOWERING_SECONDS_MAX} s.",
        replace(
            _STANDARD,
            tempo=replace(_STANDARD.tempo, lowering=guide.LOWERING_SECONDS_MAX),
            variant="two_up_one_down",
        ),
    ),
    Preset(
        "glute-bridge",
        "Glute bridge",
        "On the floor, both feet down: the regression to learn the movement.",
        Plan(
            Tempo(guide.LOWERING_SECONDS_MIN, 0, 1, guide.BRIDGE_TOP_HOLD_SECONDS),
            legs="together",
            sets=guide.BRIDGE_SETS,
            rest_legs=0,
            rest_sets=guide.BRIDGE_REST_SECONDS,
        ),
    ),
)


def preset(key: str) -> Preset:
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"No preset {key!r}")
