"""The Log page's trend chart: volume and load per leg, week by week, as SVG.

Volume is sets x reps (every set's reps added up) in a week, and, where sets were loaded, load x
reps; load is the heaviest load of the week. A panel is drawn for each measure the log has (load
panels only once any set was loaded), the legs as lines told apart by dash and marker shape as
well as by label, so the chart reads without colour. Lines use ``currentColor`` and the page's
text colour (light and dark themes). Weeks start on Monday; the last :data:`MAX_WEEKS` weeks up to
the latest entry are drawn, a week without a set breaking the line. Drawn for a 360-unit-wide view box with 12-unit
text: readable on a 390 px phone. Loads in pounds and kilograms mix by converting to the unit of
the latest entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Final

from . import svg
from .log_balance import POUND_KG
from .log_format import Entry

MAX_WEEKS: Final = 26
SMALLEST_TOP: Final = 0.01  # the axis's smallest top: a hundredth of a kg, lb or rep
WIDTH: Final = 360.0
PANEL_HEIGHT: Final = 130.0
LEFT: Final = 44.0  # room for the value labels
RIGHT: Final = 12.0
TOP: Final = 22.0  # room for the panel's title
BOTTOM: Final = 20.0  # room for the week labels
FONT: Final = 12.0
LEG_STYLES: Final[dict[str, tuple[str | None, str]]] = {
    # leg -> (stroke-dasharray, marker) so the legs differ without colour
    "left": (None, "circle"),
    "right": ("6 4", "square"),
    "both": ("2 3", "circle"),
}
MONTHS: Final = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, slots=True)
class Chart:
    svg: str
    weeks: int
    message: str


def week_of(day: str) -> date:
    """The Monday of the week an entry's date falls in."""
    d = date.fromisoformat(day[:10])
    return d - timedelta(days=d.weekday())


def _label(monday: date) -> str:
    return f"{MONTHS[monday.month - 1]} {monday.day}"


def _in_unit(entry: Entry, unit: str) -> float | None:
    load = entry["load"]
    if load is None or load == 0:
        return None
    if entry["unit"] == unit:
        return float(load)
    return float(load) * POUND_KG if unit == "kg" else float(load) / POUND_KG


Series = dict[str, dict[date, float]]  # leg -> week -> value


def _series(
    entries: list[Entry],
    value: Callable[[Entry], float | None],
    combine: Callable[[float, float], float],
) -> Series:
    out: Series = {}
    for entry in entries:
        v = value(entry)
        if v is None:
            continue
        weeks = out.setdefault(entry["leg"], {})
        week = week_of(entry["date"])
        weeks[week] = combine(weeks[week], v) if week in weeks else v
    return out


def _nice_top(high: float) -> float:
    """A round number at or above ``high`` for the axis (1, 2, 2.5 or 5 x a power of ten)."""
    if high <= 0:
        return 1.0
    if high < SMALLEST_TOP:
        # A load like 5e-324 (valid JSON, found by Hypothesis) would shrink the power of ten to
        # 0.0 and the plot would divide by it.
        return SMALLEST_TOP
    power = 1.0
    while power * 10 <= high:
        power *= 10
    while power > high:
        power /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= high:
            return step * power
    return 10 * power


def _marker(point: tuple[float, float], shape: str) -> str:
    if shape == "square":
        return svg.element(
            "rect", x=point[0] - 3, y=point[1] - 3, width=6, height=6, fill="currentColor"
        )
    return svg.circle(point, 3.2, fill="currentColor")


def _panel(title: str, series: Series, weeks: list[date], top_y: float) -> list[str]:
    """One panel: title, axis with its top value, a line and markers per leg."""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = PANEL_HEIGHT - TOP - BOTTOM
    base = top_y + TOP + plot_h
    high = _nice_top(max(v for leg in series.values() for v in leg.values()))
    step_x = plot_w / max(len(weeks) - 1, 1)
    x_of = {
        week: LEFT + (i * step_x if len(weeks) > 1 else plot_w / 2) for i, week in enumerate(weeks)
    }
    parts = [
        svg.text(
            (LEFT, top_y + FONT + 2), title, font_size=FONT, font_weight="bold", fill="currentColor"
        ),
        svg.line(
            (LEFT, top_y + TOP), (LEFT, base), stroke="currentColor", stroke_width=1, opacity=0.5
        ),
        svg.line(
            (LEFT, base), (WIDTH - RIGHT, base), stroke="currentColor", stroke_width=1, opacity=0.5
        ),
        svg.text(
            (LEFT - 4, top_y + TOP + FONT / 2),
            f"{high:g}",
            font_size=FONT,
            text_anchor="end",
            fill="currentColor",
        ),
        svg.line(
            (LEFT, base - plot_h / 2),
            (WIDTH - RIGHT, base - plot_h / 2),
            stroke="currentColor",
            stroke_width=1,
            opacity=0.2,
        ),
        svg.text(
            (LEFT - 4, base - plot_h / 2 + FONT / 2),
            f"{high / 2:g}",
            font_size=FONT,
            text_anchor="end",
            fill="currentColor",
        ),
        svg.text((LEFT - 4, base + 4), "0", font_size=FONT, text_anchor="end", fill="currentColor"),
    ]
    for leg in ("left", "right", "both"):
        if leg not in series:
            continue
        dash, shape = LEG_STYLES[leg]
        runs: list[list[tuple[float, float]]] = [[]]
        for week in weeks:  # a week without a set breaks the line
            if week in series[leg]:
                runs[-1].append((x_of[week], base - plot_h * series[leg][week] / high))
            elif runs[-1]:
                runs.append([])
        points = [p for run in runs for p in run]
        parts.extend(
            svg.polyline(
                run,
                fill="none",
                stroke="currentColor",
                stroke_width=2,
                stroke_dasharray=dash,
                class_=f"ht-log-{leg}",
            )
            for run in runs
            if len(run) > 1
        )
        parts.extend(_marker(p, shape) for p in points)
    return parts


def _week_labels(weeks: list[date], y: float) -> list[str]:
    shown = {weeks[0], weeks[-1]}
    x_first, x_last = LEFT, WIDTH - RIGHT
    if len(weeks) == 1:
        x_first = x_last = LEFT + (WIDTH - LEFT - RIGHT) / 2
    return [
        svg.text(
            (x_first, y),
            _label(weeks[0]),
            font_size=FONT,
            text_anchor="start" if len(weeks) > 1 else "middle",
            fill="currentColor",
        ),
        *(
            [
                svg.text(
                    (x_last, y),
                    _label(weeks[-1]),
                    font_size=FONT,
                    text_anchor="end",
                    fill="currentColor",
                )
            ]
            if len(shown) > 1
            else []
        ),
    ]


def _legend(legs: Iterable[str], y: float) -> list[str]:
    parts: list[str] = []
    x = LEFT
    for leg in legs:
        dash, shape = LEG_STYLES[leg]
        parts.append(
            svg.line(
                (x, y - 4),
                (x + 24, y - 4),
                stroke="currentColor",
                stroke_width=2,
                stroke_dasharray=dash,
            )
        )
        parts.append(_marker((x + 12, y - 4), shape))
        parts.append(
            svg.text(
                (x + 30, y),
                f"{leg} leg" if leg != "both" else "both legs",
                font_size=FONT,
                fill="currentColor",
            )
        )
        x += 100
    return parts


def trend(entries: list[Entry]) -> Chart:
    """The chart, or an empty one with a message when the log has no week to draw."""
    if not entries:
        return Chart("", 0, "Save a set to start the chart.")
    weeks = sorted({week_of(e["date"]) for e in entries})
    first = max(weeks[0], weeks[-1] - timedelta(weeks=MAX_WEEKS - 1))
    span = [first + timedelta(weeks=i) for i in range((weeks[-1] - first).days // 7 + 1)]
    latest = max(entries, key=lambda e: e["date"])
    unit = str(latest["unit"])
    recent = [e for e in entries if week_of(e["date"]) >= first]
    panels: list[tuple[str, Series]] = [
        (
            "Volume: reps a week (sets \N{MULTIPLICATION SIGN} reps)",
            _series(recent, lambda e: float(e["reps"]), lambda a, b: a + b),
        ),
    ]
    loaded = _series(recent, lambda e: _in_unit(e, unit), max)
    if loaded:
        panels.append(
            (
                f"Volume with load: {unit} \N{MULTIPLICATION SIGN} reps a week",
                _series(
                    recent,
                    lambda e: None if (w := _in_unit(e, unit)) is None else w * e["reps"],
                    lambda a, b: a + b,
                ),
            )
        )
        panels.append((f"Load: heaviest in the week ({unit})", loaded))
    legs = [leg for leg in ("left", "right", "both") if any(e["leg"] == leg for e in recent)]
    children: list[str] = []
    for index, (title, series) in enumerate(panels):
        children.extend(_panel(title, series, span, index * PANEL_HEIGHT))
    height = len(panels) * PANEL_HEIGHT
    children.extend(_week_labels(span, height - 4))
    children.extend(_legend(legs, height + 16))
    description = f"{len(span)} weeks from {_label(span[0])} to {_label(span[-1])}; " + "; ".join(
        title for title, _ in panels
    )
    chart = svg.document(
        [f"<desc>{escape(description)}</desc>", *children],
        (0, 0, WIDTH, height + 24),
        title="Your trend, week by week",
        class_="ht-log-chart",
    )
    return Chart(chart, len(span), "")
