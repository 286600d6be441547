"""hipthrust.review_reps: reps, phases and partial cycles of made-up sets with exact truth.

The sets are the stick model moved at a tempo (:mod:`tests.unit.review_traces`): clean, noisy,
with jittered frame times, missing frames, cut at both ends, started at the top or the bottom,
and another exercise. Phase times are held to issue 19's figures: within 0.15 s median and 0.3 s
worst of the truth.
"""

from __future__ import annotations

from statistics import median
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.review_bridge import not_a_bridge
from hipthrust.review_reps import (
    PHASES,
    Reps,
    find_movements,
    find_reps,
    turning_points,
)
from hipthrust.review_series import build_series, parse_frames
from tests.unit.review_traces import (
    Trace,
    frames,
    lunge_keypoints,
    tempo_trace,
    trimmed,
    truth_reps,
)


def analyse(trace: Trace, **options: Any) -> Reps:
    return find_reps(build_series(parse_frames(frames(trace, **options))), trace.duration)


def errors(found: Reps, trace: Trace) -> list[float]:
    """Each measured phase against the truth's same phase of the same rep (count must match)."""
    truth = truth_reps(trace)
    assert len(found.reps) == len(truth)
    out = []
    for rep, true in zip(found.reps, truth, strict=True):
        for name in PHASES:
            seconds, expected = rep.phases[name].seconds, true[name]
            assert (seconds is None) == (expected is None), (rep.number, name)
            if seconds is not None and expected is not None:
                out.append(abs(seconds - expected))
    return out


SETS = {
    "clean": (tempo_trace(4, (3, 0, 1, 1)), {}),
    "from the bottom": (tempo_trace(3, (2, 1, 1, 2), start="up"), {}),
    "noisy": (tempo_trace(5, (3, 0, 1, 1)), {"noise": 2.5, "seed": 3}),
    "jittered times": (tempo_trace(4, (2, 0, 1, 1)), {"noise": 1.5, "jitter": 0.45, "seed": 4}),
    "missing frames": (tempo_trace(4, (2, 1, 1, 1)), {"noise": 1.5, "drop": 0.2, "seed": 5}),
    "10 frames a second": (tempo_trace(4, (3, 1, 1, 1)), {"fps": 10.0, "noise": 1.5}),
    "explosive drive": (tempo_trace(4, (2, 0, 0.4, 1)), {"noise": 1.5, "seed": 6}),
    "slow": (tempo_trace(3, (5, 2, 3, 3)), {"noise": 2.5, "seed": 7}),
}


@pytest.mark.parametrize("name", list(SETS))
def test_reps_are_counted_exactly_and_timed_within_the_issue_figures(name: str) -> None:
    trace, options = SETS[name]
    found = analyse(trace, **options)
    off = errors(found, trace)
    assert median(off) <= 0.15
    assert max(off) <= 0.3
    assert found.partial == []


def test_cycles_cut_at_both_ends_are_partial_and_not_counted() -> None:
    full = tempo_trace(4, (2, 0.5, 1, 1))
    trace = trimmed(full, 2.0, full.duration - 4.6)  # starts mid-lowering, ends after a drive
    found = analyse(trace, noise=1.5)
    errors(found, trace)
    assert len(found.reps) == 2
    assert [where for _, _, where in found.partial] == ["start", "end"]


def test_a_video_that_ends_mid_movement_leaves_that_phase_empty() -> None:
    full = tempo_trace(2, (2, 0.5, 2, 1))
    trace = trimmed(full, 0.0, full.duration - 1.0 - 1.0)  # the last drive cut halfway
    found = analyse(trace)
    assert len(found.reps) == 1
    assert found.partial and found.partial[-1][2] == "end"
    assert found.partial[-1][1] == pytest.approx(trace.duration)


def test_the_rep_order_follows_where_the_video_starts() -> None:
    down = analyse(tempo_trace(2, start="down")).reps[0]
    up = analyse(tempo_trace(2, start="up")).reps[0]
    assert down.start == down.phases["lower"].start
    assert up.start == up.phases["drive"].start
    # the last rep's last hold is cut by the end of the video
    assert analyse(tempo_trace(2, start="down")).reps[-1].phases["top"].seconds is None
    assert analyse(tempo_trace(2, start="up")).reps[-1].phases["bottom"].seconds is None


def test_a_long_loss_of_the_person_splits_the_set() -> None:
    trace = tempo_trace(3, (2, 1, 1, 1))
    raw = frames(trace)
    lower = truth_reps(trace)[1]["start"]
    assert lower is not None
    for f in raw:
        if lower + 0.5 <= f["t"] <= lower + 1.5:  # the person lost mid-lowering of rep 2
            f["keypoints"] = None
    found = find_reps(build_series(parse_frames(raw)), trace.duration)
    assert len(found.reps) == 2  # the cycle with the lost lowering makes no rep
    assert any(where == "middle" for _, _, where in found.partial)


def test_standing_lunges_are_not_a_bridge() -> None:
    trace = tempo_trace(4, (1, 0.5, 1, 1))
    raw = frames(trace, pose=lambda h: lunge_keypoints(1.0 - h), noise=1.5)
    series = build_series(parse_frames(raw))
    assert not_a_bridge(series, find_movements(series))


def test_a_bridge_is_a_bridge() -> None:
    series = build_series(parse_frames(frames(tempo_trace(3), noise=2.5)))
    assert not not_a_bridge(series, find_movements(series))


def test_lying_still_makes_no_rep() -> None:
    trace = Trace(phases=[("top", 0.0, 5.0)])
    found = analyse(trace, noise=2.5)
    assert found.reps == [] and found.partial == []


@pytest.mark.parametrize(
    ("values", "turns"),
    [
        ([0, 1, 5, 10, 9, 3, 0, 2, 10], [0, 3, 6, 8]),
        ([10, 9, 0, 1, 10], [0, 2, 4]),
        ([0, 2, 1, 3, 2], []),  # never swings by 5
    ],
)
def test_turning_points_need_a_full_swing_back(values: list[float], turns: list[int]) -> None:
    assert turning_points([float(v) for v in values], 5.0) == turns


@settings(max_examples=15, deadline=None)
@given(
    reps=st.integers(1, 4),
    speed=st.floats(0.5, 2.0),
    noise=st.floats(0.0, 5.0),  # up to 2 % of a leg: twice MoveNet's measured wobble
    seed=st.integers(0, 10_000),
    start=st.sampled_from(["up", "down"]),
)
def test_rep_count_is_unchanged_by_speed_and_noise(
    reps: int, speed: float, noise: float, seed: int, start: str
) -> None:
    trace = tempo_trace(reps, (2, 0.5, 1, 1), start=start, speed=speed)
    assert len(analyse(trace, noise=noise, seed=seed).reps) == reps


@settings(max_examples=10, deadline=None)
@given(factor=st.floats(0.4, 2.5), seed=st.integers(0, 10_000))
def test_a_slowed_video_gives_every_phase_that_much_longer(factor: float, seed: int) -> None:
    """The same frames with every time stretched by a factor (what an editor's slow motion does to
    a recording): each phase lasts that factor longer (±10 % + 0.1 s, issue 19's figure)."""
    trace = tempo_trace(2, (2, 1, 1, 1))
    recorded = frames(trace, noise=1.0, seed=seed, fps=20)
    slowed = [{**frame, "t": round(frame["t"] * factor, 6)} for frame in recorded]
    base = find_reps(build_series(parse_frames(recorded)), trace.duration).reps
    scaled = find_reps(build_series(parse_frames(slowed)), trace.duration * factor).reps
    assert len(base) == len(scaled) == 2
    for a, b in zip(base, scaled, strict=True):
        for name in PHASES:
            x, y = a.phases[name].seconds, b.phases[name].seconds
            if x is None or y is None:
                assert x is None and y is None
                continue
            assert y == pytest.approx(x * factor, rel=0.1, abs=0.1)


@settings(max_examples=10, deadline=None)
@given(factor=st.floats(0.4, 2.5), seed=st.integers(0, 10_000))
def test_phase_durations_scale_with_time(factor: float, seed: int) -> None:
    """The set done a factor slower or faster, filmed at the same frame rate: each phase is held
    to the factor times its true length, within issue 19's worst figure (0.3 s) at every pace.
    Not to the faster set's measure times the factor: two measures each off by up to 0.3 s
    disagree by more once one is scaled (CI found factor 2, seed 3409: drive measured 0.885 s
    (truth 1.0), doubled 1.77 s, against 1.956 s measured (truth 2.0)). Measured over 300 random
    examples: median error 0.08 s, worst 0.17 s."""
    trace = tempo_trace(2, (2, 1, 1, 1), speed=1 / factor)
    found = analyse(trace, noise=1.0, seed=seed, fps=20).reps
    truth = truth_reps(tempo_trace(2, (2, 1, 1, 1)))
    assert len(found) == len(truth) == 2
    for rep, true in zip(found, truth, strict=True):
        for name in PHASES:
            seconds, expected = rep.phases[name].seconds, true[name]
            if seconds is None or expected is None:
                assert seconds is None and expected is None
                continue
            assert seconds == pytest.approx(expected * factor, abs=0.3)
