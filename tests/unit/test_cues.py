"""Cue events: one per phase, ticks at the end of rests, voice lines, the end of the workout."""

from __future__ import annotations

from hypothesis import given

from hipthrust.cues import SOUNDS, TICK_SECONDS, VIBRATIONS, build_cues
from hipthrust.plan import plan_from_fields
from hipthrust.timeline import build_timeline
from tests.unit.strategies import plans


def _cues(**fields: object):  # type: ignore[no-untyped-def]
    return build_cues(build_timeline(plan_from_fields(fields)))


@given(plans())
def test_every_phase_opens_with_a_cue_and_the_list_is_in_order(plan) -> None:  # type: ignore[no-untyped-def]
    timeline = build_timeline(plan)
    cues = build_cues(timeline)
    times = [cue.time for cue in cues]
    assert times == sorted(times)
    openers = {cue.time for cue in cues if cue.sound != "tick"}
    assert {s.start for s in timeline.segments} <= openers
    assert cues[-1].sound == "done" and cues[-1].time == timeline.total
    assert all(cue.sound in SOUNDS and cue.sound in VIBRATIONS for cue in cues)


@given(plans())
def test_ticks_fall_in_the_last_seconds_of_rests_only(plan) -> None:  # type: ignore[no-untyped-def]
    timeline = build_timeline(plan)
    rests = [s for s in timeline.segments if s.kind in ("lead_in", "switch", "rest")]
    ticks = [cue.time for cue in build_cues(timeline) if cue.sound == "tick"]
    expected = [s.end - k for s in rests for k in range(TICK_SECONDS, 0, -1) if s.end - k > s.start]
    assert ticks == expected


def test_up_and_down_have_distinct_sounds() -> None:
    up, down = SOUNDS["up"], SOUNDS["down"]
    assert up.end_hz > up.start_hz and down.end_hz < down.start_hz


def test_voice_lines() -> None:
    cues = _cues(
        tempo="1-0-1-0",
        reps=2,
        sets=2,
        legs="both",
        first="right",
        rest_legs=5,
        rest_sets=60,
        lead_in=4,
    )
    lines = [cue.say for cue in cues if cue.say]
    assert lines[0] == "Get into position. Right leg first."
    assert lines[1:5] == ["Up", "Down", "Last rep. Up", "Down"]
    assert "Switch to the left leg" in lines
    assert "Rest 60 seconds" in lines
    assert lines[-1].startswith("Done")


def test_single_rep_is_not_called_the_last() -> None:
    lines = [c.say for c in _cues(tempo="1-0-1-0", reps=1, sets=1, legs="one", lead_in=0)]
    assert "Last rep. Up" not in lines
