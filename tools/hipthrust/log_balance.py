"""Left and right: does one leg lag? Judged on one session's sets, as the Programming page advises.

A leg lags when, over the set numbers both legs did, it did at least :data:`LAG_REPS` fewer reps
in all at the same load, or the same reps with at least :data:`LAG_RESERVE` less in reserve on
average. One rep less over a session is noise (a rep miscounted), so it is not called a lag; the
numbers are coaching practice. Loads are compared in kilograms (1 lb = 0.45359237 kg, exact).
With different loads the lighter leg lags only when it did no more reps than the heavier one.
The advice is the page's "Which side first": start with the weaker side, then do the same reps on
the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .log_sessions import LegSession

LAG_REPS: Final = 2
LAG_RESERVE: Final = 1.0
POUND_KG: Final = 0.45359237
LINK: Final = "programming/#which-side-first"


@dataclass(frozen=True, slots=True)
class Balance:
    lagging: str  # "left" or "right"
    stronger: str
    reason: str

    @property
    def words(self) -> str:
        return (
            f"Your {self.lagging} leg lags: {self.reason} Start with your {self.lagging} leg "
            f"next time, then do the same reps on the {self.stronger}."
        )


def _kg(leg: LegSession) -> float:
    load = leg.load or 0.0
    return load * POUND_KG if leg.unit == "lb" else load


def judge(left: LegSession, right: LegSession) -> Balance | None:
    """The lagging leg of one session, or None when the legs are even (or cannot be compared)."""
    common = sorted({e["set"] for e in left.entries} & {e["set"] for e in right.entries})
    if not common:
        return None
    sets = {
        leg.leg: [next(e for e in leg.entries if e["set"] == n) for n in common]
        for leg in (left, right)
    }
    reps = {side: sum(e["reps"] for e in chosen) for side, chosen in sets.items()}
    reserve = {side: sum(e["rir"] for e in chosen) / len(common) for side, chosen in sets.items()}
    load = {"left": _kg(left), "right": _kg(right)}
    other = {"left": "right", "right": "left"}
    if abs(load["left"] - load["right"]) > 0.01:
        lighter = min(load, key=lambda side: load[side])
        if reps[lighter] <= reps[other[lighter]]:
            return Balance(
                lighter,
                other[lighter],
                f"it used less load for no more reps than the {other[lighter]}.",
            )
        return None
    weaker = min(reps, key=lambda side: reps[side])
    gap = reps[other[weaker]] - reps[weaker]
    if gap >= LAG_REPS:
        return Balance(
            weaker, other[weaker], f"{gap} fewer reps than the {other[weaker]} at the same load."
        )
    if gap == 0:
        weaker = min(reserve, key=lambda side: reserve[side])
        less = reserve[other[weaker]] - reserve[weaker]
        if less >= LAG_RESERVE:
            return Balance(
                weaker,
                other[weaker],
                f"the same reps as the {other[weaker]}, with {less:.2g} less in reserve a set.",
            )
    return None
