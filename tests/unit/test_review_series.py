"""hipthrust.review_series: reading the frames and cleaning the series (no lag, no lost phase)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.keypoints import KEYPOINT_NAMES
from hipthrust.review_series import (
    MAX_GAP_S,
    ReviewError,
    build_series,
    grid_step,
    hip_elevation,
    leg_length,
    parse_frames,
    resample,
    running_median,
    zero_phase,
)
from tests.unit.review_traces import LEG_PX, as_triples, bridge_keypoints, frames, tempo_trace


def test_triples_in_coco_order_and_named_dicts_read_the_same() -> None:
    named = bridge_keypoints(1.0)
    from_triples = parse_frames([{"t": 0.5, "keypoints": as_triples(named)}])[0]
    from_names = parse_frames([{"t": 0.5, "keypoints": named}])[0]
    assert from_triples.keypoints == from_names.keypoints
    assert set(from_triples.keypoints) == set(KEYPOINT_NAMES)


def test_frames_are_sorted_and_a_repeated_time_is_kept_once() -> None:
    kp = as_triples(bridge_keypoints(1.0))
    parsed = parse_frames(
        [{"t": 0.2, "keypoints": kp}, {"t": 0.1, "keypoints": None}, {"t": 0.2, "keypoints": []}]
    )
    assert [f.t for f in parsed] == [0.1, 0.2]
    assert parsed[0].keypoints == {}  # nobody found in that frame
    assert parsed[1].keypoints  # the first frame at 0.2 s is kept


@pytest.mark.parametrize(
    "raw",
    [
        "frames",
        [1, 2],
        [{"t": "0", "keypoints": None}],
        [{"t": -1.0, "keypoints": None}],
        [{"t": float("nan"), "keypoints": None}],
        [{"t": 0.0, "keypoints": [[1.0, 2.0, 0.5]] * 16}],  # 16 keypoints, not 17
        [{"t": 0.0, "keypoints": [[1.0, 2.0]] * 17}],
        [{"t": 0.0, "keypoints": [[1.0, None, 0.9]] * 17}],
        [{"t": 0.0, "keypoints": "none"}],
    ],
)
def test_unreadable_frames_raise_a_sentence(raw: object) -> None:
    with pytest.raises(ReviewError, match="could not be read"):
        parse_frames(raw)


def test_the_model_lies_flat_at_the_top_and_40_degrees_down_at_the_bottom() -> None:
    top = parse_frames([{"t": 0, "keypoints": bridge_keypoints(1.0)}])[0].keypoints
    bottom = parse_frames([{"t": 0, "keypoints": bridge_keypoints(0.0)}])[0].keypoints
    top_angle, bottom_angle = hip_elevation(top), hip_elevation(bottom)
    assert top_angle is not None and bottom_angle is not None
    assert abs(top_angle) < 1.0
    assert bottom_angle == pytest.approx(-40.6, abs=1.5)


def test_unsure_keypoints_give_no_sample() -> None:
    weak = bridge_keypoints(1.0)
    for k in weak:
        if k["name"].endswith(("_hip", "_shoulder")):
            k["score"] = 0.1
    frame = parse_frames([{"t": 0, "keypoints": weak}])[0]
    assert hip_elevation(frame.keypoints) is None


def test_leg_length_is_thigh_plus_shin() -> None:
    parsed = parse_frames(frames(tempo_trace(1)))
    assert leg_length(parsed) == pytest.approx(LEG_PX, rel=0.03)


def test_running_median_removes_a_one_frame_jump_and_keeps_a_ramp() -> None:
    ramp = [float(i) for i in range(20)]
    assert running_median(ramp) == ramp
    spiky = [0.0] * 10
    spiky[5] = 100.0
    assert running_median(spiky) == [0.0] * 10


def test_grid_step_is_the_median_interval_within_limits() -> None:
    assert grid_step([0.0, 0.033, 0.066, 0.2, 0.233]) == pytest.approx(0.033)
    assert grid_step([0.0, 0.001, 0.002]) == pytest.approx(1 / 60)
    assert grid_step([0.0, 1.0]) == pytest.approx(0.2)


def test_resample_bridges_short_gaps_and_leaves_long_ones_empty() -> None:
    times = [0.0, 0.1, 0.2, 0.2 + MAX_GAP_S + 0.1, 0.2 + MAX_GAP_S + 0.2]
    values = [0.0, 1.0, 2.0, 10.0, 11.0]
    out = resample(times, values, 0.05, 0.0, 14)
    assert out[1] == pytest.approx(0.5)  # halfway between two samples
    assert out[4] == pytest.approx(2.0)
    assert out[6] is None  # inside the long gap
    assert out[-1] is not None


def test_zero_phase_keeps_a_peak_where_it_is() -> None:
    rate = 30.0
    pulse = [math.exp(-(((i - 60) / 8.0) ** 2)) for i in range(121)]
    smooth = zero_phase(pulse, rate)
    assert max(range(len(smooth)), key=smooth.__getitem__) == 60
    # and a steady ramp goes through untouched (a straight line has nothing above 4 Hz)
    ramp = [0.5 * i for i in range(90)]
    assert zero_phase(ramp, rate) == pytest.approx(ramp, abs=0.01)


def test_too_few_samples_per_cutoff_are_left_as_they_are() -> None:
    values = [0.0, 5.0, 0.0, 5.0]
    assert zero_phase(values, 5.0) == values


@settings(max_examples=30, deadline=None)
@given(st.floats(0.2, 3.0), st.floats(-50, 50))
def test_smoothing_keeps_a_constant_level(amplitude: float, level: float) -> None:
    values = [level + amplitude * (i % 2) for i in range(200)]
    smooth = zero_phase(values, 30.0)
    assert all(abs(v - (level + amplitude / 2)) < amplitude * 0.2 for v in smooth[40:-40])


def test_the_series_has_holes_only_where_the_person_was_lost_long() -> None:
    raw = frames(tempo_trace(1))
    lost = [f["t"] for f in raw if 1.0 <= f["t"] <= 1.0 + 2 * MAX_GAP_S]
    for f in raw:
        if f["t"] in lost:
            f["keypoints"] = None
    series = build_series(parse_frames(raw))
    holes = [series.time(i) for i, v in enumerate(series.angle) if v is None]
    assert holes
    assert min(holes) >= lost[0] - 0.05
    assert max(holes) <= lost[-1] + 0.05
