"""Plan checking and the presets: limits, one message per bad field, defaults from the guide."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust import guide
from hipthrust.plan import LIMITS, Plan, PlanError, plan_from_fields
from hipthrust.presets import PRESETS, preset
from hipthrust.steps import STEPS_BY_KEY
from hipthrust.tempo import parse_tempo


def test_defaults_come_from_the_guide() -> None:
    plan = plan_from_fields({})
    assert plan.tempo == parse_tempo(guide.DEFAULT_TEMPO)
    assert (plan.reps, plan.sets) == (guide.DEFAULT_REPS_PER_LEG, guide.DEFAULT_SETS)
    assert plan.rest_sets == guide.DEFAULT_REST_BETWEEN_SETS_SECONDS
    assert plan.lead_in == guide.DEFAULT_LEAD_IN_SECONDS


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reps", "0", "1 to 50"),
        ("reps", "51", "1 to 50"),
        ("reps", "2.5", "whole number"),
        ("reps", "", "whole number"),
        ("sets", 11, "1 to 10"),
        ("rest_sets", "601", "0 to 600"),
        ("rest_legs", -1, "0 to 600"),
        ("lead_in", True, "whole number"),
        ("legs", "three", "choose one of"),
        ("first", "middle", "choose one of"),
        ("tempo", "3-0-1", "four numbers"),
        ("colour", "red", "Unknown setting"),
    ],
)
def test_bad_fields_get_their_own_message(field: str, value: object, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        plan_from_fields({field: value})
    assert list(caught.value.errors) == [field]
    assert message in caught.value.errors[field]


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(PlanError) as caught:
        plan_from_fields({"tempo": "nope", "reps": "0", "sets": "99"})
    assert set(caught.value.errors) == {"tempo", "reps", "sets"}


@pytest.mark.parametrize("field", sorted(LIMITS))
def test_limits_are_inclusive(field: str) -> None:
    low, high, _ = LIMITS[field]
    assert getattr(plan_from_fields({field: str(low)}), field) == low
    assert getattr(plan_from_fields({field: high}), field) == high


@given(
    st.integers(1, 50),
    st.integers(1, 10),
    st.sampled_from(["both", "one", "together"]),
    st.sampled_from(["left", "right"]),
    st.integers(0, 600),
)
def test_fields_round_trip(reps: int, sets: int, legs: str, first: str, rest: int) -> None:
    plan = plan_from_fields(
        {"reps": reps, "sets": sets, "legs": legs, "first": first, "rest_sets": rest}
    )
    assert plan_from_fields(plan.fields()) == plan
    # as the link carries them: every value a string
    assert plan_from_fields({k: str(v) for k, v in plan.fields().items()}) == plan


def test_presets_follow_the_guide() -> None:
    keys = [p.key for p in PRESETS]
    assert keys[0] == "single-leg-hip-thrust", "the timer's default comes first"
    assert set(keys) == {*STEPS_BY_KEY, "top-hold"}
    assert preset("top-hold").plan.tempo.top_hold == guide.TOP_HOLD_PROGRESSION_SECONDS
    assert preset("two-up-one-down").plan.variant == "two_up_one_down"
    assert preset("two-up-one-down").plan.tempo.lowering == guide.LOWERING_SECONDS_MAX
    bridge = preset("glute-bridge").plan
    assert bridge.legs == "together" and bridge.tempo.top_hold == guide.BRIDGE_TOP_HOLD_SECONDS
    for candidate in PRESETS:
        lowering = candidate.plan.tempo.lowering
        assert guide.LOWERING_SECONDS_MIN <= lowering <= guide.LOWERING_SECONDS_MAX
        assert plan_from_fields(candidate.plan.fields()) == candidate.plan
    with pytest.raises(KeyError):
        preset("nope")


def test_plan_is_immutable() -> None:
    plan = Plan(parse_tempo("3011"))
    with pytest.raises(AttributeError):
        plan.reps = 3  # type: ignore[misc]
