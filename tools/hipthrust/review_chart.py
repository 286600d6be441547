"""The set review's chart: the hip angle against time, phases shaded, the target tempo over it.

Drawn by Python as SVG (:mod:`hipthrust.svg`, like the guide's figures) so the page only puts it
in place. 390 units wide, the width of a small phone, so one unit is one CSS pixel there and the
text (12 units) stays readable without zooming; wider screens scale it up.

- the measured curve: the hip's elevation about the shoulders (:mod:`hipthrust.review_series`;
  the hip height for a front view, :func:`hipthrust.review_reps.signal`), scaled between the set's median bottom and top levels (labelled "top" and "bottom"), with a
  gap where the series has a hole;
- each rep's phases as shaded bands (lowering, pause, drive, hold), its number above it;
- the target tempo, when there is one, as a dashed line: from each rep's first movement, the
  path the hips would take at exactly the target seconds (an ``X`` drive drawn as
  :data:`EXPLOSIVE_DRAWN_S`, about as fast as hips go up);
- the time axis in seconds, and a legend.

Colours are presentation attributes (the chart reads on its own) with a class per part, so the
site's stylesheet can restyle it for the dark palette.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median
from typing import Final

from . import svg
from .review_reps import PHASES, PhaseName, Rep, signal
from .review_series import Series
from .tempo import Tempo

WIDTH: Final = 390.0
HEIGHT: Final = 230.0
LEFT, RIGHT, TOP, BOTTOM = 50.0, 8.0, 24.0, 62.0
FONT: Final = 12
EXPLOSIVE_DRAWN_S: Final = 0.5
MIN_LABEL_GAP: Final = 16.0  # units between rep numbers; closer ones are thinned out
COLOURS: Final[dict[PhaseName, str]] = {
    "lower": "#1e88e5",
    "bottom": "#9e9e9e",
    "drive": "#fb8c00",
    "top": "#43a047",
}
WORDS: Final[dict[PhaseName, str]] = {
    "lower": "Lower",
    "bottom": "Pause",
    "drive": "Drive",
    "top": "Hold",
}
TICKS: Final = (1, 2, 5, 10, 15, 30, 60, 120, 300)


class _Axes:
    def __init__(self, duration: float, low: float, high: float) -> None:
        self.duration = max(duration, 1e-6)
        self.low, self.high = low, high if high > low else low + 1.0
        self.width = WIDTH - LEFT - RIGHT
        self.height = HEIGHT - TOP - BOTTOM

    def x(self, t: float) -> float:
        return LEFT + self.width * min(max(t / self.duration, 0.0), 1.0)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return TOP + self.height * (1.0 - min(max(share, -0.15), 1.15))


def _curve(series: Series, track: list[float | None], axes: _Axes) -> list[str]:
    """The measured curve, one polyline per unbroken piece, at most ~2 points per unit."""
    stride = max(1, len(track) // int(2 * axes.width))
    pieces: list[list[svg.Point]] = [[]]
    for i in range(0, len(track), stride):
        value = track[i]
        if value is None:
            if pieces[-1]:
                pieces.append([])
            continue
        pieces[-1].append((axes.x(series.time(i)), axes.y(value)))
    return [
        svg.polyline(
            piece,
            class_="review-chart-curve",
            fill="none",
            stroke="currentColor",
            stroke_width=2,
            stroke_linejoin="round",
        )
        for piece in pieces
        if len(piece) > 1
    ]


def _bands(reps: list[Rep], axes: _Axes, end: float) -> list[str]:
    items = []
    for rep in reps:
        for name in PHASES:
            phase = rep.phases[name]
            a = phase.start if phase.start is not None else rep.start
            b = phase.end if phase.end is not None else end
            if b <= a:
                continue
            items.append(
                svg.element(
                    "rect",
                    x=axes.x(a),
                    y=TOP,
                    width=max(axes.x(b) - axes.x(a), 0.5),
                    height=axes.height,
                    fill=COLOURS[name],
                    fill_opacity=0.22,
                    class_=f"review-chart-{name}",
                )
            )
    return items


def _numbers(reps: list[Rep], axes: _Axes) -> list[str]:
    items, last = [], -1e9
    for rep in reps:
        x = (axes.x(rep.start) + axes.x(rep.end)) / 2
        if x - last < MIN_LABEL_GAP:
            continue
        last = x
        items.append(
            svg.text(
                (x, TOP - 8),
                str(rep.number),
                text_anchor="middle",
                font_size=FONT,
                fill="currentColor",
                class_="review-chart-rep",
            )
        )
    return items


def _target_path(rep: Rep, tempo: Tempo, axes: _Axes) -> list[svg.Point]:
    """The hips' path at exactly the target seconds, from the rep's first movement."""
    seconds: dict[PhaseName, float] = {
        "lower": tempo.lowering,
        "bottom": tempo.bottom_pause,
        "drive": EXPLOSIVE_DRAWN_S if tempo.explosive_drive else tempo.drive,
        "top": tempo.top_hold,
    }
    lowering_first = rep.phases["lower"].start == rep.start
    order: tuple[PhaseName, ...] = (
        ("lower", "bottom", "drive", "top")
        if lowering_first
        else ("drive", "top", "lower", "bottom")
    )
    level = {"lower": rep.low, "bottom": rep.low, "drive": rep.high, "top": rep.high}
    t = rep.start
    points = [(axes.x(t), axes.y(rep.high if lowering_first else rep.low))]
    for name in order:
        t += seconds[name]
        points.append((axes.x(t), axes.y(level[name])))
    return points


def _targets(reps: list[Rep], tempo: Tempo | None, axes: _Axes) -> list[str]:
    if tempo is None:
        return []
    return [
        svg.polyline(
            _target_path(rep, tempo, axes),
            class_="review-chart-target",
            fill="none",
            stroke="#6a1b9a",
            stroke_width=1.5,
            stroke_dasharray="5 4",
        )
        for rep in reps
    ]


def _time_axis(axes: _Axes) -> list[str]:
    step = next((s for s in TICKS if axes.duration / s <= 6), TICKS[-1])
    items = [
        svg.line(
            (LEFT, TOP + axes.height), (WIDTH - RIGHT, TOP + axes.height), stroke="currentColor"
        )
    ]
    tick = 0
    while tick <= axes.duration + 1e-9:
        x = axes.x(tick)
        items.append(
            svg.line((x, TOP + axes.height), (x, TOP + axes.height + 4), stroke="currentColor")
        )
        items.append(
            svg.text(
                (x, TOP + axes.height + 17),
                f"{tick} s",
                text_anchor="middle",
                font_size=FONT,
                fill="currentColor",
            )
        )
        tick += step
    for word, value in (("top", axes.high), ("bottom", axes.low)):
        items.append(
            svg.text(
                (LEFT - 5, axes.y(value) + 4),
                word,
                text_anchor="end",
                font_size=FONT,
                fill="currentColor",
            )
        )
    return items


def _legend(with_target: bool) -> list[str]:
    items, x, y = [], LEFT, HEIGHT - 14
    for name in PHASES:
        items.append(
            svg.element(
                "rect", x=x, y=y - 10, width=12, height=12, fill=COLOURS[name], fill_opacity=0.5
            )
        )
        items.append(svg.text((x + 16, y), WORDS[name], font_size=FONT, fill="currentColor"))
        x += 62
    if with_target:
        items.append(
            svg.line(
                (x, y - 4),
                (x + 18, y - 4),
                stroke="#6a1b9a",
                stroke_width=1.5,
                stroke_dasharray="5 4",
            )
        )
        items.append(svg.text((x + 22, y), "Target", font_size=FONT, fill="currentColor"))
    return items


def _levels(reps: list[Rep], track: list[float | None]) -> tuple[float, float]:
    if reps:
        return median(r.low for r in reps), median(r.high for r in reps)
    values = [v for v in track if v is not None]
    return (min(values), max(values)) if values else (0.0, 1.0)


def chart(
    series: Series, reps: list[Rep], tempo: Tempo | None, duration: float, front: bool = False
) -> str:
    """The whole chart as a standalone ``<svg>`` (module docstring); ``front``: the hip height
    is drawn, the signal the reps were found in from the front."""
    track = signal(series, front)
    low, high = _levels(reps, track)
    axes = _Axes(duration, low, high)
    children: Iterable[str] = [
        *_bands(reps, axes, duration),
        *_targets(reps, tempo, axes),
        *_curve(series, track, axes),
        *_numbers(reps, axes),
        *_time_axis(axes),
        *_legend(tempo is not None),
    ]
    count = len(reps)
    what = "Hip height" if front else "Hip angle"
    title = f"{what} over the video: {count} rep{'s' if count != 1 else ''}, phases shaded" + (
        ", target tempo dashed" if tempo is not None else ""
    )
    return svg.document(
        children,
        (0.0, 0.0, WIDTH, HEIGHT),
        title=title,
        class_="review-chart",
        data_testid="video-chart",
    )
