"""The set review's second stage: the smoothed hip angle -> movements, phases and reps.

The signal is the hip's elevation about the shoulders (:func:`hipthrust.review_series.
hip_elevation`, degrees): in a bridge or hip thrust the shoulders rest and the hips swing round
them (the stick model's bottom is 40° below its top, :mod:`hipthrust.figure_rep`), and a lifter on
a tempo turns at a steady speed, so the angle moves in straight lines between holds. Filmed from
the front the shoulders hide behind the hips and the angle cannot be read, so there the signal
is the hip height (px), with the minimum swing in leg lengths.

**Movements** (a lowering or a drive) are found with hysteresis: a turning point (the top or
bottom of a cycle) counts only once the hips have come back from it by :data:`SWING_SHARE` of
the set's own range of the angle (its 5th to 95th percentile), and by at least
:data:`MIN_SWING_DEG`. So the model's jitter (about 1° once smoothed), a shuffle of the feet or
a breath at the top never makes a rep, and a set of shallow reps still counts (the threshold
follows the set's own range).

**Phase boundaries**, per movement, on that movement's own range: each turning point has a hold
level, the median of the samples around it within :data:`HOLD_SHARE` (5 %) of the swing, about
the smoothed jitter (1°): a flat hold gives its level, not its noisiest sample, and a turn with
no pause (a 0 s pause at the bottom) gives nearly its tip, so no pause is invented there (with
20 % the median sat 2° above the tip of such a turn and made up a 0.2 s pause on made-up sets). Between the two levels, the times the
hips pass :data:`EDGE_SHARE` (20 %) and 80 % of the way are found (interpolated between samples),
a straight line is fitted (least squares) to the samples between them, and the movement starts
and ends where that line meets the two hold levels (never beyond the turning points themselves;
with too few samples, the line through the two crossings). Why:
a lifter on a tempo moves at a steady speed between short starts and stops, so that line is the
movement, and its ends fall within half a start-up (about 0.05 s) of where the hips start and
stop; a plain threshold would cut the movement short by its own share of the time at each end
(10 % of a 3 s lowering is 0.3 s), and a speed threshold loses a slow lowering in the model's
jitter (it moves about as slowly). 20 % and 80 % are far above the smoothed jitter (1-2 % of a
leg length) and clear of the rounded corners the smoothing leaves. The pause at the bottom and
the hold at the top are the times between two movements.

**Reps**: a rep is one full lowering and one full drive, in the order the video shows them
(down-up if it starts at the top, up-down if it starts at the bottom), with the hold after each:
lowering, bottom pause, drive, top hold, or drive, top hold, lowering, bottom pause. A movement
cut by the video's start or end (or by a hole in the series, :mod:`hipthrust.review_series`) is
partial and makes no rep, and a movement left without its partner at the end is partial too. A
hold cut by the end (the last rep's last phase) is left empty (``None``).

Telling a bridge from other exercises is :mod:`hipthrust.review_bridge`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from statistics import median
from typing import Final, Literal

from .review_series import Series, runs

SWING_SHARE: Final = 0.5
MIN_SWING_DEG: Final = 8.0  # a fifth of the model's 40° rep: a rep at least that deep
# From the front: the model's hips rise 0.38 leg lengths (33 of 86 cm); a rep at least a quarter.
MIN_SWING_LEG: Final = 0.1
HOLD_SHARE: Final = 0.05
EDGE_SHARE: Final = 0.2
# A movement whose line meets its hold level within this of the video's first or last sample
# (three frames at 30 fps) was cut by the video: its hold was not seen.
HOLD_SEEN_S: Final = 0.1

PhaseName = Literal["lower", "bottom", "drive", "top"]
PHASES: Final[tuple[PhaseName, ...]] = ("lower", "bottom", "drive", "top")


@dataclass(frozen=True, slots=True)
class Movement:
    """A lowering (``down``) or drive between two turning points; ``None`` ends are cut."""

    down: bool
    start: float | None
    end: float | None
    high: float  # hold level at the top (degrees)
    low: float  # hold level at the bottom
    run: int  # which unbroken piece of the series it lies in
    shoulder_share: float | None = None  # shoulders' travel / hips' travel over the movement

    @property
    def full(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of a rep; ``seconds`` is ``None`` when the video's start or end cut it."""

    start: float | None
    end: float | None

    @property
    def seconds(self) -> float | None:
        return None if self.start is None or self.end is None else self.end - self.start


@dataclass(frozen=True, slots=True)
class Rep:
    number: int
    phases: dict[PhaseName, Phase]
    start: float
    end: float
    high: float
    low: float

    @property
    def top(self) -> Phase:
        return self.phases["top"]


@dataclass(frozen=True, slots=True)
class Reps:
    reps: list[Rep]
    movements: list[Movement]
    partial: list[tuple[float, float, str]] = field(default_factory=list)  # start, end, where


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def signal(series: Series, front: bool = False) -> list[float | None]:
    """The series the reps are found in: the hip angle side-on; the hip height (px) from the
    front, where the shoulders hide behind the hips and the angle cannot be read."""
    return series.hip if front else series.angle


def swing_threshold(series: Series, front: bool = False) -> float | None:
    """The hysteresis: SWING_SHARE of the set's range, at least MIN_SWING_DEG (side-on) or
    MIN_SWING_LEG leg lengths (front)."""
    values = [v for v in signal(series, front) if v is not None]
    if len(values) < 3:
        return None
    spread = _percentile(values, 0.95) - _percentile(values, 0.05)
    if front:
        return None if series.leg is None else max(SWING_SHARE * spread, MIN_SWING_LEG * series.leg)
    return max(SWING_SHARE * spread, MIN_SWING_DEG)


def turning_points(values: list[float], swing: float) -> list[int]:
    """Indices of alternating tops and bottoms, each confirmed by a return of ``swing``; the
    last extreme is kept too (the hips reached it, the video ended)."""
    found: list[int] = []
    hi = lo = 0
    rising: bool | None = None
    for i, v in enumerate(values):
        if v > values[hi]:
            hi = i
        if v < values[lo]:
            lo = i
        if rising is None:
            if values[hi] - values[lo] >= swing:
                found.append(min(hi, lo))
                rising = hi > lo
                hi = lo = i
        elif rising and v <= values[hi] - swing:
            found.append(hi)
            rising, lo = False, i
        elif rising is False and v >= values[lo] + swing:
            found.append(lo)
            rising, hi = True, i
    if rising is not None:
        found.append(hi if rising else lo)
    return found


def _hold_level(values: list[float], at: int, band: float) -> float:
    """Median of the samples around ``at`` that stay within ``band`` of its value."""
    a = b = at
    while a > 0 and abs(values[a - 1] - values[at]) <= band:
        a -= 1
    while b + 1 < len(values) and abs(values[b + 1] - values[at]) <= band:
        b += 1
    return median(values[a : b + 1])


def _edge_level(values: list[float], at: int, level: float, other: float) -> float:
    """The hold level of a turning point on the piece's first or last sample, once the movement
    from it is known to be whole (its line meets the extreme's level inside the video): there the
    extreme is no turn (nothing came before it, and the model's first frames often drift: 7° on
    the real clip), so the level is the median of the hold's samples, from the edge to halfway to
    the other level, kept within :data:`EDGE_SHARE` of the range of their own median."""
    if at not in (0, len(values) - 1):
        return level
    middle = (level + other) / 2
    ordered = values if at == 0 else values[::-1]
    hold: list[float] = []
    for v in ordered:
        if (v - middle) * (level - middle) <= 0:
            break
        hold.append(v)
    if not hold:
        return level
    centre = median(hold)
    near = [v for v in hold if abs(v - centre) <= EDGE_SHARE * abs(other - level)]
    return median(near) if near else centre


def _crossing(values: list[float], times: list[float], i: int, level: float) -> float:
    """Time where the straight line from sample i to i+1 meets ``level``."""
    a, b = values[i], values[i + 1]
    share = 0.5 if b == a else min(1.0, max(0.0, (level - a) / (b - a)))
    return times[i] + share * (times[i + 1] - times[i])


def _fit(times: list[float], values: list[float]) -> tuple[float, float] | None:
    """Least-squares line ``value = a + b * time`` (None: too few samples or no slope)."""
    n = len(times)
    if n < 3:
        return None
    mt, mv = sum(times) / n, sum(values) / n
    spread = sum((t - mt) ** 2 for t in times)
    slope = sum((t - mt) * (v - mv) for t, v in zip(times, values, strict=True)) / spread
    return None if slope == 0 else (mv - slope * mt, slope)


def movement(
    values: list[float], times: list[float], a: int, b: int, levels: tuple[float, float], run: int
) -> Movement:
    """The movement from turning point ``a`` to ``b`` (module docstring: phase boundaries)."""
    begin, finish = levels
    span = finish - begin

    def progress(i: int) -> float:
        return (values[i] - begin) / span

    middle = next((i for i in range(a, b + 1) if progress(i) >= 0.5), b)
    leave = next((i for i in range(middle - 1, -1, -1) if progress(i) <= EDGE_SHARE), None)
    arrive = next((i for i in range(middle, len(values)) if progress(i) >= 1 - EDGE_SHARE), None)
    start = None if leave is None else _crossing(values, times, leave, begin + EDGE_SHARE * span)
    end = (
        None
        if arrive is None or arrive == 0
        else _crossing(values, times, arrive - 1, finish - EDGE_SHARE * span)
    )
    if leave is not None and arrive is not None and start is not None and end is not None:
        line = _fit(times[leave + 1 : arrive], values[leave + 1 : arrive])
        if line is None:  # two samples or fewer in the middle: the line through the crossings
            reach = (end - start) * EDGE_SHARE / (1 - 2 * EDGE_SHARE)
            start, end = start - reach, end + reach
        else:
            start, end = (begin - line[0]) / line[1], (finish - line[0]) / line[1]
        # A hold seen for less than HOLD_SEEN_S before the video's first sample or after its
        # last is no hold: the video started or ended during the movement.
        cut_start, cut_end = start < times[0] + HOLD_SEEN_S, end > times[-1] - HOLD_SEEN_S
        start = None if cut_start else max(times[a], start)
        end = None if cut_end else min(times[b], end)
    high, low = (begin, finish) if span < 0 else (finish, begin)
    return Movement(span < 0, start, end, high, low, run)


def _shoulder_share(series: Series, first: int, stop: int) -> float | None:
    hips = [v for v in series.hip[first:stop] if v is not None]
    shoulders = [v for v in series.shoulder[first:stop] if v is not None]
    if len(shoulders) < 2 or len(hips) < 2 or max(hips) == min(hips):
        return None
    return (max(shoulders) - min(shoulders)) / (max(hips) - min(hips))


def find_movements(series: Series, front: bool = False) -> list[Movement]:
    """Every lowering and drive of the series, in time order, with cut ends as ``None``."""
    swing = swing_threshold(series, front)
    if swing is None:
        return []
    found: list[Movement] = []
    track = signal(series, front)
    for run, (first, stop) in enumerate(runs(track)):
        values = [v for v in track[first:stop] if v is not None]
        times = [series.time(i) for i in range(first, stop)]
        turns = turning_points(values, swing)
        levels = [_hold_level(values, i, HOLD_SHARE * swing) for i in turns]
        found += _stub(values, times, turns, levels, run, swing, at_start=True)
        for k in range(len(turns) - 1):
            ends = (levels[k], levels[k + 1])
            done = movement(values, times, turns[k], turns[k + 1], ends, run)
            # A whole movement from a hold on the piece's edge: that hold's level, refined.
            if k == 0 and done.start is not None:
                ends = (_edge_level(values, turns[k], ends[0], ends[1]), ends[1])
            if k == len(turns) - 2 and done.end is not None:
                ends = (ends[0], _edge_level(values, turns[k + 1], ends[1], ends[0]))
            if ends != (levels[k], levels[k + 1]):
                done = movement(values, times, turns[k], turns[k + 1], ends, run)
            a, b = first + turns[k], first + turns[k + 1] + 1
            found.append(replace(done, shoulder_share=_shoulder_share(series, a, b)))
        found += _stub(values, times, turns, levels, run, swing, at_start=False)
    return found


def _stub(
    values: list[float],
    times: list[float],
    turns: list[int],
    levels: list[float],
    run: int,
    swing: float,
    *,
    at_start: bool,
) -> list[Movement]:
    """A movement cut by the piece's start (or end) that never reached a confirmed turning point
    on that side: the series starts (ends) more than EDGE_SHARE of a swing away from the first
    (last) hold level. Listed as partial; it can make no rep."""
    if not turns:
        return []
    edge, level = (0, levels[0]) if at_start else (len(values) - 1, levels[-1])
    if abs(values[edge] - level) <= EDGE_SHARE * swing or edge == turns[0 if at_start else -1]:
        return []
    other = values[edge]
    down = (other > level) if at_start else (other < level)
    high, low = (max(other, level), min(other, level))
    # Where the hips reach (leave) the hold: the first (last) sample within the band of its level.
    near = [i for i, v in enumerate(values) if abs(v - level) <= EDGE_SHARE * swing]
    if not near:
        return []
    start, end = (None, times[near[0]]) if at_start else (times[near[-1]], None)
    return [Movement(down, start, end, high, low, run)]


def _hold(before: Movement, after: Movement | None) -> Phase:
    if after is None or after.run != before.run:
        return Phase(before.end, None)
    return Phase(before.end, after.start)


def group_reps(movements: list[Movement], duration: float) -> Reps:
    """Pairs of full movements into reps, in the video's order (module docstring)."""
    reps: list[Rep] = []
    loose: list[Movement] = []
    k = 0
    while k < len(movements):
        first = movements[k]
        second = movements[k + 1] if k + 1 < len(movements) else None
        if not first.full or second is None or not second.full or second.run != first.run:
            loose.append(first)
            k += 1
            continue
        after = movements[k + 2] if k + 2 < len(movements) else None
        hold_first, hold_second = _hold(first, second), _hold(second, after)
        lowering, drive = (first, second) if first.down else (second, first)
        phases: dict[PhaseName, Phase] = {
            "lower": Phase(lowering.start, lowering.end),
            "drive": Phase(drive.start, drive.end),
            "bottom": hold_first if first.down else hold_second,
            "top": hold_second if first.down else hold_first,
        }
        assert first.start is not None
        end = hold_second.end if hold_second.end is not None else duration
        reps.append(
            Rep(
                number=len(reps) + 1,
                phases=phases,
                start=first.start,
                end=end,
                high=(first.high + second.high) / 2,
                low=(first.low + second.low) / 2,
            )
        )
        k += 2
    return Reps(reps, movements, [_partial(m, reps, duration) for m in loose])


def _partial(cut: Movement, reps: list[Rep], duration: float) -> tuple[float, float, str]:
    """(start, end, where) of a movement in no rep: before the first rep, after the last, or in
    the middle (a hole in the series)."""
    start = cut.start if cut.start is not None else 0.0
    end = cut.end if cut.end is not None else duration
    if not reps or end <= reps[0].start:
        where = "start" if reps or cut.start is None else "end"
    else:
        where = "end" if start >= reps[-1].end - 1e-9 else "middle"
    return (start, end, where)


def find_reps(series: Series, duration: float, front: bool = False) -> Reps:
    """Movements, reps and partial cycles of a series (``duration``: the video's, in s)."""
    return group_reps(find_movements(series, front), duration)
