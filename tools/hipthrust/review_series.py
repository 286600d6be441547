"""The set review's first stage: sampled frames -> a clean, evenly timed, smoothed hip-height series.

The browser sends the pose model's 17 keypoints for each sampled frame, with the frame's time from
the video's own timestamps. Those samples are neither clean nor evenly timed: the model misses
a joint now and then (a low score), loses the person for a few frames, and a browser that cannot
keep up drops frames, so the gaps between samples vary. This module:

1. reads the frames (:func:`parse_frames`): ``[[x, y, score] x 17]`` in MoveNet (COCO) order or
   the checker's ``[{"name", "x", "y", "score"}]``; sorted by time, duplicate times dropped;
2. takes each frame's **hip elevation** (:func:`hip_elevation`: how many degrees the hip is above
   or below the level line through the shoulder, the trunk's swing about the shoulders, which rest
   on the floor or bench; it needs no scale and no still camera) and the hip and shoulder heights
   (for telling a bridge from other exercises), from confident keypoints only (score >=
   :data:`hipthrust.keypoints.CONFIDENT`, the checker's own limit); a frame without them is a
   missing sample;
3. removes single-frame jumps with a running median of :data:`MEDIAN_WINDOW` samples (the model
   sometimes puts the hip on a hand for one frame); a median keeps ramps and corners where they are,
   so it moves no phase boundary;
4. resamples onto an even grid (the median sampling interval) by straight lines between samples,
   bridging gaps up to :data:`MAX_GAP_S`; a longer gap stays a hole (``None``) and splits the series;
5. smooths each piece with a second-order Butterworth low-pass run forwards then backwards
   (zero phase: a recorded video has its future, so nothing lags and no boundary moves) at
   :data:`CUTOFF_HZ`.

Where the numbers come from: human-movement kinematics are usually low-passed at about 6 Hz
(Winter, *Biomechanics and Motor Control of Human Movement*, 4th ed., ch. 3, for marker data);
the pose model's jitter is larger than a marker's, and the fastest phase we time (an explosive
drive, 0.3 s on the real clip, about a 1.7 Hz half-cosine) keeps almost all its energy below
4 Hz, so :data:`CUTOFF_HZ` is 4. The forward-backward run squares the filter's gain, so it is
-6 dB at the cutoff. :data:`MAX_GAP_S` is the shortest phase on the real clip (0.3 s): a hole no
longer than that cannot hide a whole movement.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any, Final

from .keypoints import CONFIDENT, KEYPOINT_NAMES, SIDES, Keypoint, Keypoints, parse_keypoints

MEDIAN_WINDOW: Final = 5
MAX_GAP_S: Final = 0.3
CUTOFF_HZ: Final = 4.0
# The grid is never finer than 60 samples a second (a 60 fps video) nor coarser than 5.
MIN_STEP_S: Final = 1 / 60
MAX_STEP_S: Final = 0.2
MAX_FRAMES: Final = 20_000  # 10 minutes at 30 fps, with room; the page samples below this


class ReviewError(ValueError):
    """Input the review cannot use; the message is written for the person who chose the video."""


_UNREADABLE: Final = "The video's poses could not be read: analyse the video again."


@dataclass(frozen=True, slots=True)
class Frame:
    """One sampled frame: its time in the video (s) and the keypoints found in it."""

    t: float
    keypoints: Keypoints


def _number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ReviewError(_UNREADABLE)
    return float(value)


def _keypoints(raw: Any) -> Keypoints:
    """Triples in COCO order, or the checker's named dicts; None or [] is nobody found."""
    if raw is None or raw == []:
        return {}
    if not isinstance(raw, list):
        raise ReviewError(_UNREADABLE)
    if isinstance(raw[0], dict):
        try:
            return parse_keypoints(raw)
        except ValueError as error:
            raise ReviewError(_UNREADABLE) from error
    if len(raw) != len(KEYPOINT_NAMES):
        raise ReviewError(_UNREADABLE)
    found: Keypoints = {}
    for name, item in zip(KEYPOINT_NAMES, raw, strict=True):
        if not isinstance(item, list | tuple) or len(item) != 3:
            raise ReviewError(_UNREADABLE)
        x, y, score = (_number(v) for v in item)
        found[name] = Keypoint(x, y, min(max(score, 0.0), 1.0))
    return found


def parse_frames(raw: Any) -> list[Frame]:
    """``[{"t", "keypoints"}]`` -> frames sorted by time, one per time (the first kept)."""
    if not isinstance(raw, list):
        raise ReviewError(_UNREADABLE)
    if len(raw) > MAX_FRAMES:
        raise ReviewError(
            f"Too many frames ({len(raw)}): the review takes at most {MAX_FRAMES}. "
            "Film a shorter video, one set at a time."
        )
    frames: dict[float, Frame] = {}
    for item in raw:
        if not isinstance(item, dict):
            raise ReviewError(_UNREADABLE)
        t = _number(item.get("t"))
        if t < 0:
            raise ReviewError(_UNREADABLE)
        frames.setdefault(t, Frame(t, _keypoints(item.get("keypoints"))))
    return [frames[t] for t in sorted(frames)]


def joint_height(keypoints: Keypoints, joint: str) -> float | None:
    """Minus the mean photo y of the joint's confident keypoints (both sides): up is +."""
    ys = [k.y for side in SIDES if (k := keypoints.get(f"{side}_{joint}")) and k.confident]
    return -sum(ys) / len(ys) if ys else None


def hip_elevation(keypoints: Keypoints) -> float | None:
    """Degrees the hip is above (+) or below (-) the level line through the shoulder, averaged
    over the sides where both are confident: the trunk's swing about the shoulders, which stay
    on the floor or bench while the hips rise and fall around them."""
    angles = []
    for side in SIDES:
        s, h = keypoints.get(f"{side}_shoulder"), keypoints.get(f"{side}_hip")
        if s and h and s.confident and h.confident and (s.x, s.y) != (h.x, h.y):
            angles.append(math.degrees(math.atan2(s.y - h.y, abs(h.x - s.x))))
    return sum(angles) / len(angles) if angles else None


def _distance(keypoints: Keypoints, side: str, a: str, b: str) -> float | None:
    ka, kb = keypoints.get(f"{side}_{a}"), keypoints.get(f"{side}_{b}")
    if ka is None or kb is None or ka.score < CONFIDENT or kb.score < CONFIDENT:
        return None
    return math.hypot(ka.x - kb.x, ka.y - kb.y)


def leg_length(frames: list[Frame]) -> float | None:
    """The median thigh + shin (px) over the frames and sides where all three joints are sure.

    The body's own ruler: side-on, thigh and shin are each about 0.245 of standing height
    (Drillis and Contini, as in :mod:`hipthrust.pose`), so thresholds in leg lengths hold for
    any camera distance and any video size.
    """
    legs = [
        thigh + shin
        for frame in frames
        for side in SIDES
        if (thigh := _distance(frame.keypoints, side, "hip", "knee")) is not None
        and (shin := _distance(frame.keypoints, side, "knee", "ankle")) is not None
    ]
    return median(legs) if legs else None


def running_median(values: list[float], window: int = MEDIAN_WINDOW) -> list[float]:
    """Each value replaced by the median of the ``window`` values centred on it; near the ends the
    window shrinks on both sides alike (a one-sided window would move the end's level), and each
    end value is the median of itself, its neighbour and the straight line through the next two
    (Tukey's end-point rule: a ramp keeps its end, a one-frame jump at the very end is removed)."""
    n = len(values)
    out = []
    for i in range(n):
        half = min(window // 2, i, n - 1 - i)
        out.append(median(values[i - half : i + half + 1]))
    if n >= 3:
        out[0] = median([values[0], out[1], 2 * out[1] - out[2]])
        out[-1] = median([values[-1], out[-2], 2 * out[-2] - out[-3]])
    return out


def grid_step(times: list[float]) -> float:
    """The grid's step: the median interval between samples, kept within 1/60 s .. 0.2 s."""
    gaps = [b - a for a, b in pairwise(times) if b > a]
    step = median(gaps) if gaps else MAX_STEP_S
    return min(max(step, MIN_STEP_S), MAX_STEP_S)


def resample(
    times: list[float], values: list[float], step: float, start: float, count: int
) -> list[float | None]:
    """``values`` at ``start + i * step`` by straight lines between samples; ``None`` inside a gap
    longer than :data:`MAX_GAP_S` and outside the samples."""
    out: list[float | None] = []
    for i in range(count):
        t = start + i * step
        j = bisect_right(times, t + 1e-9) - 1
        if j < 0 or t > times[-1] + 1e-9:
            out.append(None)
        elif abs(times[j] - t) <= 1e-9 or j + 1 == len(times):
            out.append(values[j])
        elif times[j + 1] - times[j] > MAX_GAP_S:
            out.append(None)
        else:
            share = (t - times[j]) / (times[j + 1] - times[j])
            out.append(values[j] + share * (values[j + 1] - values[j]))
    return out


def _biquad(values: list[float], rate: float, cutoff: float) -> list[float]:
    """One pass of a 2nd-order Butterworth low-pass (bilinear transform), started at rest on
    the first value so the edge does not ring."""
    k = math.tan(math.pi * cutoff / rate)
    norm = 1.0 / (1.0 + math.sqrt(2.0) * k + k * k)
    b0 = k * k * norm
    b1, b2 = 2.0 * b0, b0
    a1 = 2.0 * (k * k - 1.0) * norm
    a2 = (1.0 - math.sqrt(2.0) * k + k * k) * norm
    x1 = x2 = y1 = y2 = values[0]
    out = []
    for x in values:
        y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        out.append(y)
        x2, x1, y2, y1 = x1, x, y1, y
    return out


def zero_phase(values: list[float], rate: float, cutoff: float = CUTOFF_HZ) -> list[float]:
    """Forward-backward low-pass (no lag), padded at both ends by point reflection so the ends
    keep their level and slope. Below 2.5 samples per cutoff period the data are left as they are
    (a filter cannot do better than the samples there)."""
    if len(values) < 3 or rate < 2.5 * cutoff - 1e-6:
        return list(values)
    pad = min(len(values) - 1, math.ceil(rate / cutoff))
    first, last = values[0], values[-1]
    padded = (
        [2 * first - v for v in values[pad:0:-1]]
        + values
        + [2 * last - v for v in values[-2 : -pad - 2 : -1]]
    )
    forward = _biquad(padded, rate, cutoff)
    both = _biquad(forward[::-1], rate, cutoff)[::-1]
    return both[pad : pad + len(values)]


def runs(values: list[float | None]) -> list[tuple[int, int]]:
    """(first, stop) index ranges of the unbroken pieces of the series (between ``None`` holes)."""
    found, i = [], 0
    while i < len(values):
        if values[i] is None:
            i += 1
            continue
        j = i
        while j < len(values) and values[j] is not None:
            j += 1
        found.append((i, j))
        i = j
    return found


def smooth(values: list[float | None], rate: float) -> list[float | None]:
    """:func:`zero_phase` over each run of values between holes; holes stay ``None``."""
    out: list[float | None] = list(values)
    for first, stop in runs(values):
        out[first:stop] = zero_phase([v for v in values[first:stop] if v is not None], rate)
    return out


@dataclass(frozen=True, slots=True)
class Series:
    """Evenly timed, smoothed: the hip's elevation about the shoulders (degrees, the signal the
    reps are found in) and the heights (px, up +) of the hip and shoulder; ``None`` = a hole."""

    start: float
    step: float
    angle: list[float | None]
    hip: list[float | None]
    shoulder: list[float | None]
    leg: float | None
    frames: list[Frame]

    def time(self, index: float) -> float:
        return self.start + index * self.step

    @property
    def rate(self) -> float:
        return 1.0 / self.step


def _track(
    frames: list[Frame],
    measure: Callable[[Keypoints], float | None],
    step: float,
    start: float,
    count: int,
) -> list[float | None]:
    samples = [(f.t, h) for f in frames if (h := measure(f.keypoints)) is not None]
    if not samples:
        return [None] * count
    times = [t for t, _ in samples]
    values = running_median([h for _, h in samples])
    return smooth(resample(times, values, step, start, count), 1.0 / step)


def build_series(frames: list[Frame]) -> Series:
    """The clean series of the frames (module docstring); the grid spans the first to last frame."""
    times = [f.t for f in frames]
    step = grid_step(times)
    start = times[0] if times else 0.0
    count = math.floor((times[-1] - start) / step + 1e-6) + 1 if times else 0
    return Series(
        start=start,
        step=step,
        angle=_track(frames, hip_elevation, step, start, count),
        hip=_track(frames, lambda k: joint_height(k, "hip"), step, start, count),
        shoulder=_track(frames, lambda k: joint_height(k, "shoulder"), step, start, count),
        leg=leg_length(frames),
        frames=frames,
    )
