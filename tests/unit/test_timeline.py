"""The timeline: durations add up, the state at any time, phase order, leg switching, rests."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.plan import Plan, plan_from_fields
from hipthrust.timeline import (
    EXPLOSIVE_DRIVE_SECONDS,
    build_timeline,
    leg_order,
    next_segment_text,
    state_at,
)
from tests.unit.strategies import plans


def _expected_total(plan: Plan) -> float:
    """The sum of the parts, worked out independently of the segment list."""
    t = plan.tempo
    drive = EXPLOSIVE_DRIVE_SECONDS if t.explosive_drive else t.drive
    rep = drive + t.top_hold + t.lowering + t.bottom_pause
    legs = 2 if plan.legs == "both" else 1
    per_leg = plan.reps * rep - t.bottom_pause  # the last rep ends at the bottom
    return (
        plan.lead_in
        + plan.sets * legs * per_leg
        + plan.sets * (legs - 1) * plan.rest_legs
        + (plan.sets - 1) * plan.rest_sets
    )


@given(plans())
def test_total_is_the_sum_of_the_parts(plan: Plan) -> None:
    timeline = build_timeline(plan)
    assert timeline.total == _expected_total(plan)
    assert sum(s.duration for s in timeline.segments) == timeline.total


@given(plans())
def test_segments_are_back_to_back_and_never_empty(plan: Plan) -> None:
    segments = build_timeline(plan).segments
    assert segments[0].start == 0
    for before, after in itertools.pairwise(segments):
        assert before.end == after.start
    assert all(s.duration > 0 for s in segments)


@settings(max_examples=50)
@given(plans(), st.floats(0, 1, exclude_max=True))
def test_state_at_any_time_is_the_segment_covering_it(plan: Plan, fraction: float) -> None:
    timeline = build_timeline(plan)
    elapsed = fraction * timeline.total
    state = state_at(timeline, elapsed)
    segment = timeline.segments[state.index]
    assert segment.start <= elapsed < segment.end
    assert 0 <= state.progress < 1
    assert state.remaining == pytest.approx(segment.end - elapsed)
    assert not state.done


def test_state_at_the_edges() -> None:
    timeline = build_timeline(plan_from_fields({"tempo": "1-0-1-0", "reps": 2, "lead_in": 0}))
    assert state_at(timeline, 0).index == 0
    assert state_at(timeline, 1.0).index == 1  # half-open: a boundary belongs to the next phase
    assert state_at(timeline, timeline.total).done
    assert state_at(timeline, -0.5).index == -1 and state_at(timeline, -0.5).remaining == 0.5


@pytest.mark.parametrize(
    ("tempo", "kinds"),
    [
        ("3-1-1-2", ["up", "hold", "down", "pause", "up", "hold", "down"]),
        ("3-0-1-0", ["up", "down", "up", "down"]),
        ("2-2-X-0", ["up", "down", "pause", "up", "down"]),
    ],
)
def test_a_rep_goes_up_hold_down_pause(tempo: str, kinds: list[str]) -> None:
    plan = plan_from_fields({"tempo": tempo, "reps": 2, "sets": 1, "legs": "one", "lead_in": 0})
    assert [s.kind for s in build_timeline(plan).segments] == kinds


def test_explosive_drive_is_shown_for_a_moment() -> None:
    plan = plan_from_fields({"tempo": "3-0-X-0", "reps": 1, "legs": "one", "sets": 1, "lead_in": 0})
    up = build_timeline(plan).segments[0]
    assert (up.kind, up.duration) == ("up", EXPLOSIVE_DRIVE_SECONDS)


@pytest.mark.parametrize(
    ("legs", "first", "order"),
    [
        ("both", "right", ("right", "left")),
        ("both", "left", ("left", "right")),
        ("one", "left", ("left",)),
        ("together", "left", ("both",)),
    ],
)
def test_leg_order(legs: str, first: str, order: tuple[str, ...]) -> None:
    assert leg_order(plan_from_fields({"legs": legs, "first": first})) == order


def test_legs_switch_within_each_set_and_sets_rest_between() -> None:
    plan = plan_from_fields(
        {
            "tempo": "2-0-1-1",
            "reps": 3,
            "sets": 2,
            "legs": "both",
            "first": "left",
            "rest_legs": 10,
            "rest_sets": 45,
            "lead_in": 5,
        }
    )
    segments = build_timeline(plan).segments
    story = [
        (s.kind, s.set, s.leg) for s in segments if s.kind not in ("up", "hold", "down", "pause")
    ]
    assert story == [
        ("lead_in", 1, "left"),
        ("switch", 1, "right"),
        ("rest", 2, "left"),
        ("switch", 2, "right"),
    ]
    rests = [s for s in segments if s.kind in ("switch", "rest")]
    assert [s.duration for s in rests] == [10, 45, 10]
    working = [(s.set, s.leg, s.rep) for s in segments if s.kind == "up"]
    assert working == [
        (set_, leg, rep) for set_ in (1, 2) for leg in ("left", "right") for rep in (1, 2, 3)
    ]


def test_zero_rests_are_left_out() -> None:
    plan = plan_from_fields({"legs": "both", "rest_legs": 0, "rest_sets": 0, "lead_in": 0})
    kinds = {s.kind for s in build_timeline(plan).segments}
    assert kinds == {"up", "hold", "down"}


def test_next_text_says_what_comes() -> None:
    plan = plan_from_fields(
        {"tempo": "1-0-1-0", "reps": 1, "sets": 2, "legs": "one", "rest_sets": 30, "lead_in": 3}
    )
    timeline = build_timeline(plan)
    texts = [next_segment_text(timeline, i) for i in range(len(timeline.segments))]
    assert texts == [
        "Next: set 1, right leg",
        "Next: DOWN",
        "Next: rest 30 s",
        "Next: set 2, right leg",
        "Next: DOWN",
        "Next: done",
    ]
