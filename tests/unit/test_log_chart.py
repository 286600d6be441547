"""hipthrust.log_chart: the Log page's trend chart, volume and load per leg by week."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust.log_chart import MAX_WEEKS, WIDTH, trend, week_of
from hipthrust.log_format import check_entries
from tests.unit.logs import entries, sets

SVG = "{http://www.w3.org/2000/svg}"
MONDAY = date(2026, 9, 7)


def weekly(
    weeks: int, load: float | None = None, skip: tuple[int, ...] = ()
) -> list[dict[str, Any]]:
    log: list[dict[str, Any]] = []
    for week in range(weeks):
        if week in skip:
            continue
        day = (MONDAY + timedelta(weeks=week, days=2)).isoformat()
        log += sets([10, 10, 10], [2, 2, 2], "left", day=day, load=load)
        log += sets([12, 12, 12], [2, 2, 2], "right", day=day, load=load)
    return log


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_an_empty_log_draws_nothing_and_says_why() -> None:
    chart = trend([])
    assert (chart.svg, chart.weeks) == ("", 0)
    assert chart.message == "Save a set to start the chart."


def test_weeks_start_on_monday() -> None:
    assert week_of("2026-09-13T20:00:00") == MONDAY  # a Sunday
    assert week_of("2026-09-14") == MONDAY + timedelta(weeks=1)


def test_bodyweight_log_draws_the_reps_panel_per_leg() -> None:
    chart = trend(weekly(4))
    root = parse(chart.svg)
    assert chart.weeks == 4 and chart.message == ""
    assert root.get("viewBox", "").split()[2] == f"{WIDTH:g}"
    assert root.find(f"{SVG}title") is not None and root.get("role") == "img"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Volume: reps a week (sets \N{MULTIPLICATION SIGN} reps)" in texts
    assert not any("Load" in (t or "") for t in texts), "no load panels without load"
    assert {"left leg", "right leg"} <= set(texts)
    lines = {p.get("class"): p.get("points", "") for p in root.iter(f"{SVG}polyline")}
    assert set(lines) == {"ht-log-left", "ht-log-right"}
    assert len(lines["ht-log-left"].split()) == 4


def test_the_lines_follow_the_volume() -> None:
    """The right leg's 36 reps a week sit higher (smaller y) than the left leg's 30."""
    root = parse(trend(weekly(2)).svg)
    y = {
        p.get("class"): float(p.get("points", "").split()[0].split(",")[1])
        for p in root.iter(f"{SVG}polyline")
    }
    assert y["ht-log-right"] < y["ht-log-left"]


def test_a_loaded_log_adds_volume_with_load_and_the_load() -> None:
    chart = trend(weekly(3, load=10.0))
    texts = [t.text or "" for t in parse(chart.svg).iter(f"{SVG}text")]
    assert "Volume with load: kg \N{MULTIPLICATION SIGN} reps a week" in texts
    assert "Load: heaviest in the week (kg)" in texts
    assert len(list(parse(chart.svg).iter(f"{SVG}polyline"))) == 6


def test_a_week_without_sets_breaks_the_line() -> None:
    root = parse(trend(weekly(5, skip=(2,))).svg)
    left = [p for p in root.iter(f"{SVG}polyline") if p.get("class") == "ht-log-left"]
    assert [len(p.get("points", "").split()) for p in left] == [2, 2]
    assert trend(weekly(5, skip=(2,))).weeks == 5


def test_only_the_last_weeks_are_drawn() -> None:
    assert trend(weekly(MAX_WEEKS + 4)).weeks == MAX_WEEKS
    assert (
        trend(weekly(1) + [e | {"date": "2020-01-01"} for e in sets([9], [2], "left")]).weeks
        == MAX_WEEKS
    )


def test_loads_in_two_units_are_drawn_in_the_latest_unit() -> None:
    log = weekly(1, load=22.0) + [
        e | {"unit": "lb", "load": 22.0462262, "id": e["id"] + "lb", "date": "2026-09-21T18:00:00"}
        for e in weekly(1, load=10.0)
    ]
    texts = [t.text or "" for t in parse(trend(log).svg).iter(f"{SVG}text")]
    assert "Load: heaviest in the week (lb)" in texts


def test_a_vanishingly_small_load_still_draws() -> None:
    # Found by Hypothesis inside Pyodide: a load of 5e-324 (the smallest float JSON can carry)
    # made the axis's top 0.0 and the chart divided by it.
    chart = trend(weekly(2, load=5e-324))
    assert chart.svg and not re.search(r"nan|inf", chart.svg, re.IGNORECASE)
    assert "0.01" in chart.svg  # the axis's smallest top


@settings(max_examples=30, deadline=None)
@given(st.lists(entries(), min_size=1, max_size=8, unique_by=lambda e: e["id"]))
def test_any_log_draws_inside_the_view_box(values: list[dict[str, Any]]) -> None:
    chart = trend(check_entries(values))
    root = parse(chart.svg)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    numbers = [
        float(n)
        for p in root.iter(f"{SVG}polyline")
        for pair in p.get("points", "").split()
        for n in pair.split(",")
    ]
    assert all(0 <= n <= max(width, height) for n in numbers)
    assert all(float(t.get("font-size", "0")) >= 12 for t in root.iter(f"{SVG}text"))
    assert not re.search(r"nan|inf", chart.svg, re.IGNORECASE)
