"""hipthrust.log_balance: does one leg lag? (Programming, "Which side first".)"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.log_balance import LAG_REPS, judge
from hipthrust.log_sessions import LegSession, group_sessions
from tests.unit.logs import sets


def legs(
    left: tuple[list[int], list[int]],
    right: tuple[list[int], list[int]],
    left_options: dict[str, Any] | None = None,
    right_options: dict[str, Any] | None = None,
) -> tuple[LegSession, LegSession]:
    log = sets(*left, "left", **(left_options or {})) + sets(
        *right, "right", **(right_options or {})
    )
    (session,) = group_sessions(log)
    first, second = session.legs
    return first, second


# (left reps, left rir), (right reps, right rir), options -> lagging leg or None, words
CASES: list[tuple[str, Any, Any, dict[str, Any], dict[str, Any], str | None, str]] = [
    ("even", ([10, 10, 10], [2, 2, 2]), ([10, 10, 10], [2, 2, 2]), {}, {}, None, ""),
    ("one rep is noise", ([10, 10, 9], [2, 2, 2]), ([10, 10, 10], [2, 2, 2]), {}, {}, None, ""),
    (
        "fewer reps, same load",
        ([10, 9, 8], [2, 2, 1]),
        ([10, 10, 10], [2, 2, 2]),
        {},
        {},
        "left",
        "Your left leg lags: 3 fewer reps than the right at the same load. Start with your left leg next time, then do the same reps on the right.",
    ),
    (
        "fewer reps on the right",
        ([12, 12, 12], [1, 1, 1]),
        ([10, 10, 10], [1, 1, 1]),
        {},
        {},
        "right",
        "6 fewer reps than the left",
    ),
    (
        "same reps, less in reserve",
        ([10, 10, 10], [1, 1, 0]),
        ([10, 10, 10], [2, 2, 2]),
        {},
        {},
        "left",
        "the same reps as the right, with 1.3 less in reserve a set.",
    ),
    (
        "same reps, a little less in reserve",
        ([10, 10, 10], [2, 2, 1]),
        ([10, 10, 10], [2, 2, 2]),
        {},
        {},
        None,
        "",
    ),
    (
        "less load, no more reps",
        ([8, 8, 8], [2, 2, 2]),
        ([8, 8, 8], [2, 2, 2]),
        {"load": 8.0},
        {"load": 10.0},
        "left",
        "it used less load for no more reps than the right.",
    ),
    (
        "less load, more reps: cannot tell",
        ([10, 10, 10], [2, 2, 2]),
        ([8, 8, 8], [2, 2, 2]),
        {"load": 8.0},
        {"load": 10.0},
        None,
        "",
    ),
    (
        "same load in two units",
        ([8, 8, 8], [2, 2, 2]),
        ([10, 10, 10], [2, 2, 2]),
        {"load": 22.0462262, "unit": "lb"},
        {"load": 10.0},
        "left",
        "6 fewer reps than the right at the same load",
    ),
    (
        "only the sets both legs did count",
        ([10, 10], [2, 2]),
        ([10, 10, 4], [2, 2, 0]),
        {},
        {},
        None,
        "",
    ),
]


@pytest.mark.parametrize(
    ("case", "left", "right", "lo", "ro", "lagging", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_the_lagging_leg(
    case: str,
    left: Any,
    right: Any,
    lo: dict[str, Any],
    ro: dict[str, Any],
    lagging: str | None,
    words: str,
) -> None:
    balance = judge(*legs(left, right, lo, ro))
    if lagging is None:
        assert balance is None
    else:
        assert balance is not None
        assert (balance.lagging, balance.stronger) == (
            lagging,
            "right" if lagging == "left" else "left",
        )
        assert words in balance.words
        assert f"Start with your {lagging} leg" in balance.words


def test_legs_with_no_set_in_common_are_not_compared() -> None:
    left = sets([10], [2], "left")
    right = [e | {"set": 2} for e in sets([5], [2], "right")]
    (session,) = group_sessions(left + right)
    assert judge(*session.legs) is None


@settings(deadline=None)
@given(
    st.lists(st.integers(0, 20), min_size=1, max_size=4),
    st.lists(st.integers(0, 4), min_size=4, max_size=4),
)
def test_the_judgement_is_symmetric(reps: list[int], rir: list[int]) -> None:
    """Swapping the legs swaps the verdict, and a leg is never judged against itself."""
    rir = rir[: len(reps)]
    weaker = [max(r - LAG_REPS, 0) for r in reps]
    one = judge(*legs((weaker, rir), (reps, rir)))
    two = judge(*legs((reps, rir), (weaker, rir)))
    assert (one is None) == (two is None)
    if one is not None and two is not None:
        assert (one.lagging, two.lagging) == ("left", "right")
    assert judge(*legs((reps, rir), (reps, rir))) is None
