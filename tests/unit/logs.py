"""Made-up training logs for the log's unit tests: entries built from a few numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from hypothesis import strategies as st

from hipthrust.log_format import check_entry
from hipthrust.log_sessions import LegSession, group_sessions
from hipthrust.steps import STEPS


def entry(
    leg: str = "left",
    set_: int = 1,
    reps: int = 10,
    rir: int = 2,
    *,
    step: str = "single-leg-hip-thrust",
    day: str = "2026-11-30",
    load: float | None = None,
    unit: str = "kg",
    preset: str | None = None,
    plan_reps: int = 10,
    **extra: Any,
) -> dict[str, Any]:
    """One checked entry; the id is unique per day, step, leg and set."""
    return check_entry(
        {
            "id": f"{day}-{step}-{leg}-{set_}",
            "date": f"{day}T18:{set_:02d}:00",
            "step": step,
            "leg": leg,
            "set": set_,
            "reps": reps,
            "rir": rir,
            "load": load,
            "unit": unit,
            "plan": {"tempo": "3-0-1-1", "reps": plan_reps}
            | ({"preset": preset} if preset else {}),
            **extra,
        }
    )


def sets(
    reps: Sequence[int], rir: Sequence[int], leg: str = "left", **options: Any
) -> list[dict[str, Any]]:
    """One leg's sets in one session: reps and reserve per set."""
    return [
        entry(leg, number, r, q, **options)
        for number, (r, q) in enumerate(zip(reps, rir, strict=True), start=1)
    ]


def leg_session(reps: Sequence[int], rir: Sequence[int], **options: Any) -> LegSession:
    """The one leg session these sets make."""
    (session,) = group_sessions(sets(reps, rir, **options))
    (leg,) = session.legs
    return leg


@st.composite
def entries(draw: st.DrawFn, ids: str = "e") -> dict[str, Any]:
    """Any valid raw entry (before :func:`check_entry` fills the optional fields)."""
    step = draw(st.sampled_from(STEPS))
    value: dict[str, Any] = {
        "id": f"{ids}{draw(st.integers(0, 10**6))}",
        "date": draw(st.dates(min_value=date(2020, 1, 1))).isoformat()
        + draw(
            st.sampled_from(["", "T07:30:00", "T21:05:59.250", "T18:00:00Z", "T18:00:00+01:00"])
        ),
        "step": step.key,
        "leg": draw(st.sampled_from(["left", "right"])) if step.one_leg else "both",
        "set": draw(st.integers(1, 20)),
        "reps": draw(st.integers(0, 50)),
        "rir": draw(st.integers(0, 4)),
        "load": draw(st.none() | st.integers(0, 500) | st.floats(0, 500, allow_nan=False)),
        "unit": draw(st.sampled_from(["kg", "lb"])),
        "plan": {
            "tempo": draw(st.sampled_from(["3-0-1-1", "2-0-X-2", "3011"])),
            "reps": draw(st.integers(1, 50)),
        },
    }
    if draw(st.booleans()):
        value["pain"] = draw(st.booleans())
    if draw(st.booleans()):
        value["hips_level"] = draw(st.none() | st.booleans())
    if draw(st.booleans()):
        value["tempo"] = {
            p: draw(st.floats(0, 30, allow_nan=False))
            for p in ("lowering", "bottom_pause", "drive", "top_hold")
        }
    return value
