"""The timer's presets: one per row of the guide's programming table (:mod:`hipthrust.programming`).

The table is the one source: a preset's key is its row's key (the step's key, and its anchor on the
Programming page), and its plan is the row's plan. The single-leg hip thrust comes first (the
timer's default), then the rows in ladder order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .plan import Plan
from .programming import ROWS, ROWS_BY_KEY
from .steps import DEFAULT_STEP


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    name: str
    summary: str
    plan: Plan


PRESETS: Final[tuple[Preset, ...]] = tuple(
    Preset(row.key, row.name, row.summary, row.plan)
    for row in (ROWS_BY_KEY[DEFAULT_STEP], *(row for row in ROWS if row.key != DEFAULT_STEP))
)


def preset(key: str) -> Preset:
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"No preset {key!r}")
