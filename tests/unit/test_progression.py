"""The progression rule (hipthrust.programming) applied to made-up logs (hipthrust.progression)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.programming import (
    LOAD_JUMP,
    PROGRESSION_RULE,
    ROWS,
    ROWS_BY_KEY,
    Row,
    thresholds,
)
from hipthrust.progression import STEP_ROWS, advise, next_words, row_for
from hipthrust.steps import STEPS_BY_KEY
from tests.unit.logs import leg_session

SLHT = "single-leg-hip-thrust"

# (case, reps per set, reserve per set, options) -> (action, next step, next reps, next load)
CASES: list[
    tuple[str, list[int], list[int], dict[str, Any], tuple[str, str, int, float | None]]
] = [
    # the standard row: 8-12 reps, 1-2 in reserve
    ("reserve kept, below the top", [10, 10, 10], [2, 2, 1], {}, ("add-rep", SLHT, 11, None)),
    ("the weakest set sets the reps", [11, 10, 9], [2, 1, 1], {}, ("add-rep", SLHT, 10, None)),
    ("a rep short of the top", [11, 11, 11], [1, 1, 1], {}, ("add-rep", SLHT, 12, None)),
    ("4+ in reserve still adds a rep", [8, 8, 8], [4, 4, 4], {}, ("add-rep", SLHT, 9, None)),
    ("top of the range, bodyweight", [12, 12, 12], [2, 1, 1], {}, ("next-step", "loaded", 5, None)),
    (
        "over the top counts as the top",
        [14, 13, 12],
        [1, 1, 1],
        {},
        ("next-step", "loaded", 5, None),
    ),
    (
        "top of the range with a weight",
        [12, 12, 12],
        [1, 1, 1],
        {"load": 4.0},
        ("add-load", SLHT, 8, 6.5),
    ),
    ("last set at the limit", [10, 10, 10], [2, 1, 0], {}, ("repeat", SLHT, 10, None)),
    ("top reached but a set at the limit", [12, 12, 12], [1, 0, 1], {}, ("repeat", SLHT, 10, None)),
    ("hips not level", [10, 10, 10], [2, 2, 2], {"hips_level": False}, ("repeat", SLHT, 10, None)),
    ("pain", [12, 12, 12], [2, 2, 2], {"pain": True}, ("ease-off", "two-up-one-down", 6, None)),
    ("short of the range", [9, 8, 7], [1, 1, 0], {}, ("ease-off", "two-up-one-down", 6, None)),
    # the strength row (loaded step): 5-7 reps, 1-2 in reserve, add load at the top
    (
        "loaded, below the top",
        [6, 6, 5],
        [2, 1, 1],
        {"step": "loaded", "load": 10.0},
        ("add-rep", "loaded", 6, 10.0),
    ),
    (
        "loaded, top",
        [7, 7, 7],
        [1, 1, 1],
        {"step": "loaded", "load": 10.0},
        ("add-load", "loaded", 5, 12.5),
    ),
    (
        "loaded in pounds",
        [7, 7, 7],
        [2, 2, 2],
        {"step": "loaded", "load": 25.0, "unit": "lb"},
        ("add-load", "loaded", 5, 30.0),
    ),
    (
        "loaded, no load written",
        [7, 7, 7],
        [1, 1, 1],
        {"step": "loaded"},
        ("add-load", "loaded", 5, None),
    ),
    (
        "loaded, pain",
        [6, 6, 6],
        [2, 2, 2],
        {"step": "loaded", "load": 10.0, "pain": True},
        ("ease-off", "loaded", 5, 7.5),
    ),
    (
        "loaded, light load",
        [4, 4, 4],
        [0, 0, 0],
        {"step": "loaded", "load": 2.0},
        ("ease-off", "loaded", 5, 0.0),
    ),
    # the glute bridge row: 5-10 reps, 3-4 in reserve
    (
        "bridge, reserve kept",
        [8, 8],
        [3, 3],
        {"step": "glute-bridge", "leg": "both"},
        ("add-rep", "glute-bridge", 9, None),
    ),
    (
        "bridge, one short of the reserve",
        [8, 8],
        [3, 2],
        {"step": "glute-bridge", "leg": "both"},
        ("repeat", "glute-bridge", 10, None),
    ),
    (
        "bridge, two short of the reserve",
        [8, 8],
        [3, 1],
        {"step": "glute-bridge", "leg": "both"},
        ("ease-off", "glute-bridge", 5, None),
    ),
    (
        "bridge, top",
        [10, 10],
        [4, 3],
        {"step": "glute-bridge", "leg": "both"},
        ("next-step", "single-leg-bridge", 8, None),
    ),
    # the two-up-one-down row: 6-10 reps, 2-3 in reserve
    (
        "two up, one down, top",
        [10, 10, 10],
        [3, 2, 2],
        {"step": "two-up-one-down"},
        ("next-step", SLHT, 8, None),
    ),
    (
        "two up, one down, one short",
        [9, 9, 9],
        [2, 2, 1],
        {"step": "two-up-one-down"},
        ("repeat", "two-up-one-down", 10, None),
    ),
    (
        "two up, one down, at the limit",
        [9, 9, 9],
        [2, 2, 0],
        {"step": "two-up-one-down"},
        ("ease-off", "b-stance", 8, None),
    ),
    # the timer's preset names the row: top-hold is 8-12, 1-2 like standard
    (
        "top-hold preset",
        [12, 12, 12],
        [1, 1, 1],
        {"preset": "top-hold"},
        ("next-step", "loaded", 5, None),
    ),
    (
        "a preset with a stricter reserve",
        [8, 8],
        [2, 2],
        {"step": "hip-thrust", "leg": "both", "preset": "glute-bridge"},
        ("repeat", "hip-thrust", 10, None),
    ),
]


@pytest.mark.parametrize(
    ("case", "reps", "rir", "options", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_advice_per_leg(
    case: str,
    reps: list[int],
    rir: list[int],
    options: dict[str, Any],
    expected: tuple[str, str, int, float | None],
) -> None:
    advice = advise(leg_session(reps, rir, **options))
    nxt = advice.next
    assert (advice.action, nxt.step, nxt.reps, nxt.load) == expected
    assert nxt.unit == options.get("unit", "kg")
    assert advice.reason.endswith(".")


def test_every_outcome_is_reached_by_the_table() -> None:
    reached = {case[4][0] for case in CASES}
    assert reached == {line.key for line in PROGRESSION_RULE}


def test_the_first_step_has_no_step_below_to_go_back_to() -> None:
    advice = advise(leg_session([4, 4], [3, 3], step="glute-bridge", leg="both"))
    assert (advice.action, advice.next.step) == ("ease-off", "glute-bridge")
    assert next_words(advice) == "Next time: 5 reps a set with fewer reps and more rest."


@pytest.mark.parametrize(
    ("reps", "rir", "options", "reason"),
    [
        ([10], [2], {"pain": True}, "You noted pain on set 1."),
        ([7, 9], [2, 2], {}, "Set 1 had 7 reps, short of the bottom of the range (8)."),
        (
            [9, 9],
            [3, 1],
            {"step": "two-up-one-down"},
            "Set 2 had 1 in reserve; the row asks 2\N{EN DASH}3 in reserve.",
        ),
        ([10], [2], {"hips_level": False}, "Your hips did not stay level on set 1."),
        (
            [12],
            [1],
            {},
            "Every set reached 12 reps, the top of the range, with 1 or more in reserve.",
        ),
    ],
)
def test_the_reason_names_the_set_and_the_numbers(
    reps: list[int], rir: list[int], options: dict[str, Any], reason: str
) -> None:
    assert advise(leg_session(reps, rir, **options)).reason == reason


def test_next_words_give_the_numbers() -> None:
    up = advise(leg_session([7, 7, 7], [1, 1, 1], step="loaded", load=10.0))
    assert next_words(up) == "Next time: 5 reps a set at 12.5 kg."
    step = advise(leg_session([12, 12, 12], [1, 1, 1]))
    assert next_words(step) == "Next time: 5 reps a set on the single-leg hip thrust, loaded."


def test_every_step_has_a_row_and_a_preset_overrides_it() -> None:
    assert set(STEP_ROWS) == set(STEPS_BY_KEY)
    assert all(key in ROWS_BY_KEY for key in STEP_ROWS.values())
    assert row_for(leg_session([10], [2])).key == "standard"
    assert row_for(leg_session([10], [2], preset="top-hold")).key == "top-hold"


def test_the_load_jump_is_small() -> None:
    assert LOAD_JUMP["kg"] == (1.0, 2.5)
    assert LOAD_JUMP["lb"] == (2.5, 5.0)


# --- the rule and the rows' reserve targets agree -------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.key)
def test_a_session_inside_the_rows_target_moves_on(row: Row) -> None:
    """Every set inside the row's RIR target: below the top a rep is added, at the top the lifter
    moves up; one below the target repeats, two below eases off."""
    low, high = row.rir
    step = next((step for step, key in STEP_ROWS.items() if key == row.key), SLHT)
    leg = "left" if STEPS_BY_KEY[step].one_leg else "both"
    bottom, top = row.reps
    options: dict[str, Any] = {"step": step, "leg": leg, "preset": row.key}
    for reserve in range(low, high + 1):
        assert advise(leg_session([bottom] * 3, [reserve] * 3, **options)).action == "add-rep"
        moved = advise(leg_session([top] * 3, [reserve] * 3, **options)).action
        assert moved == ("add-load" if thresholds(row).loaded else "next-step")
    if low >= 1:
        assert advise(leg_session([top] * 3, [high, high, low - 1], **options)).action == "repeat"
    if low >= 2:
        assert advise(leg_session([top] * 3, [high, high, low - 2], **options)).action == "ease-off"


@settings(deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 20), st.integers(0, 4)), min_size=1, max_size=5),
    st.sampled_from([row.key for row in ROWS]),
    st.booleans(),
)
def test_the_outcome_respects_the_thresholds(
    sets: list[tuple[int, int]], preset: str, pain: bool
) -> None:
    reps, rir = [r for r, _ in sets], [q for _, q in sets]
    advice = advise(leg_session(reps, rir, preset=preset, pain=pain))
    row = ROWS_BY_KEY[preset]
    t = thresholds(row)
    if pain or min(reps) < t.bottom or min(rir) < t.ease_below:
        assert advice.action == "ease-off"
    elif min(rir) < t.reserve:
        assert advice.action == "repeat"
    elif min(reps) >= t.top:
        assert advice.action in ("add-load", "next-step")
    else:
        assert advice.action == "add-rep"
        assert advice.next.reps == min(reps) + 1 <= t.top
    next_row = ROWS_BY_KEY[
        preset if advice.next.step == advice.step else STEP_ROWS[advice.next.step]
    ]
    assert next_row.reps[0] <= advice.next.reps <= next_row.reps[1]
