"""The timer's presets: one per row of the guide's programming table (:mod:`hipthrust.programming`).

The table is the one source: a preset's key is its row's anchor on the Programming page, and its
plan is the row's plan. "Standard" comes first (the timer's default), then the order the timer has always shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .plan import Plan
from .programming import ROWS, ROWS_BY_KEY


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    name: str
    summary: str
    plan: Plan


ORDER: Final = ("standard", "top-hold", "two-up-one-down", "glute-bridge")

PRESETS: Final[tuple[Preset, ...]] = tuple(
    Preset(row.key, row.name, row.summary, row.plan)
    for row in (
        *(ROWS_BY_KEY[key] for key in ORDER),
        *(row for row in ROWS if row.key not in ORDER),
    )
)


def preset(key: str) -> Preset:
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"No preset {key!r}")
