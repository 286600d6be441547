"""Tempo parsing: the notation's rules, round trips, and messages for what cannot be used."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust.tempo import FORMAT_HINT, MAX_PHASE_SECONDS, Tempo, TempoError, parse_tempo

phase = st.integers(min_value=0, max_value=MAX_PHASE_SECONDS)


@st.composite
def tempos(draw: st.DrawFn) -> Tempo:
    explosive = draw(st.booleans())
    drive = 0 if explosive else draw(st.integers(min_value=1, max_value=MAX_PHASE_SECONDS))
    return Tempo(draw(phase), draw(phase), drive, draw(phase), explosive_drive=explosive)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-0-1-1", Tempo(3, 0, 1, 1)),
        ("3011", Tempo(3, 0, 1, 1)),
        (" 2 - 1 - x - 3 ", Tempo(2, 1, 0, 3, explosive_drive=True)),
        ("20X0", Tempo(2, 0, 0, 0, explosive_drive=True)),
        ("30-0-1-0", Tempo(30, 0, 1, 0)),
        ("4-2-2-5", Tempo(4, 2, 2, 5)),
    ],
)
def test_parses_the_usual_notation(text: str, expected: Tempo) -> None:
    assert parse_tempo(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", FORMAT_HINT),
        ("3-0-1", FORMAT_HINT),
        ("3-0-1-1-1", FORMAT_HINT),
        ("abcd", FORMAT_HINT),
        ("3.5-0-1-1", FORMAT_HINT),
        ("31-0-1-1", "keep each phase between 0 and 30 s"),
        ("X-0-1-1", "Only the drive up can be X"),
        ("3-0-0-1", "The drive up needs at least 1 s"),
    ],
)
def test_rejects_with_a_message_for_the_lifter(text: str, message: str) -> None:
    with pytest.raises(TempoError, match=re.escape(message)):
        parse_tempo(text)


@given(tempos())
def test_notation_round_trips(tempo: Tempo) -> None:
    assert parse_tempo(tempo.notation()) == tempo


@given(tempos())
def test_compact_form_round_trips_when_every_part_is_one_character(tempo: Tempo) -> None:
    compact = tempo.notation().replace("-", "")
    if len(compact) == 4:
        assert parse_tempo(compact) == tempo
        assert parse_tempo(compact.lower()) == tempo


@given(st.text(max_size=20))
def test_any_text_parses_or_fails_with_a_message(text: str) -> None:
    try:
        tempo = parse_tempo(text)
    except TempoError as error:
        assert str(error)
    else:
        assert all(0 <= s <= MAX_PHASE_SECONDS for s in (tempo.lowering, tempo.top_hold))
        assert tempo.explosive_drive or tempo.drive >= 1
