"""Plane geometry of the checker: the level/facing frame and the angle helpers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust.geometry import (
    GeometryError,
    check_point,
    from_vertical_deg,
    level_up,
    side_frame,
    signed_angle,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((1, 0), (0, 1), 90.0),
        ((0, 1), (1, 0), -90.0),
        ((1, 0), (-1, 0), 180.0),
        ((1, 1), (1, 1), 0.0),
    ],
)
def test_signed_angle_is_counter_clockwise_positive(
    a: tuple[float, float], b: tuple[float, float], expected: float
) -> None:
    assert signed_angle(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(("v", "expected"), [((0, 1), 0.0), ((1, 1), 45.0), ((-1, 1), -45.0)])
def test_from_vertical(v: tuple[float, float], expected: float) -> None:
    assert from_vertical_deg(v) == pytest.approx(expected)


def test_no_floor_means_the_photo_is_level() -> None:
    assert level_up(None) == (0.0, -1.0)


@given(st.floats(-44, 44), st.booleans())
def test_floor_line_gives_up_perpendicular_to_it_whichever_end_is_first(
    tilt: float, swap: bool
) -> None:
    c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    a, b = (100.0, 500.0), (100.0 + 300 * c, 500.0 - 300 * s)  # rising to the right for tilt > 0
    up = level_up((b, a) if swap else (a, b))
    assert up[0] * c - up[1] * s == pytest.approx(0.0, abs=1e-9)  # perpendicular to the floor
    assert up[1] < 0  # and pointing up the photo
    assert math.hypot(*up) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("shoulder", "ankle", "facing"), [((0, 0), (500, 300), 1.0), ((500, 0), (0, 300), -1.0)]
)
def test_facing_is_detected_from_the_points(
    shoulder: tuple[float, float], ankle: tuple[float, float], facing: float
) -> None:
    assert side_frame(shoulder, ankle, None).facing == facing


@pytest.mark.parametrize(
    "bad", [None, [1], [1, 2, 3], ["1", 2], [math.nan, 1], [1, math.inf], [True, 1]]
)
def test_points_must_be_two_finite_numbers(bad: object) -> None:
    with pytest.raises(GeometryError, match="knee"):
        check_point("knee", bad)
