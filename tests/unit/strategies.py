"""Hypothesis strategies shared by the timer's unit tests."""

from __future__ import annotations

from hypothesis import strategies as st

from hipthrust.plan import Plan
from hipthrust.tempo import Tempo


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    explosive = draw(st.booleans())
    seconds = st.integers(0, 6)
    tempo = Tempo(
        draw(seconds),
        draw(seconds),
        0 if explosive else draw(st.integers(1, 6)),
        draw(seconds),
        explosive_drive=explosive,
    )
    return Plan(
        tempo,
        reps=draw(st.integers(1, 6)),
        sets=draw(st.integers(1, 4)),
        legs=draw(st.sampled_from(["both", "one", "together"])),
        first=draw(st.sampled_from(["left", "right"])),
        rest_legs=draw(st.integers(0, 40)),
        rest_sets=draw(st.integers(0, 90)),
        lead_in=draw(st.integers(0, 15)),
    )
