"""hipthrust.review_chart: the SVG chart of a set."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from hipthrust.review_chart import WIDTH, chart
from hipthrust.review_reps import find_reps
from hipthrust.review_series import build_series, parse_frames
from hipthrust.tempo import parse_tempo
from tests.unit.review_traces import frames, tempo_trace

NS = "{http://www.w3.org/2000/svg}"


def _draw(reps: int, tempo: str | None) -> ET.Element:
    trace = tempo_trace(reps, (2, 0.5, 1, 1))
    series = build_series(parse_frames(frames(trace, fps=15, noise=1.0)))
    found = find_reps(series, trace.duration)
    target = None if tempo is None else parse_tempo(tempo)
    return ET.fromstring(chart(series, found.reps, target, trace.duration))


def test_reps_are_numbered_and_phases_shaded() -> None:
    svg = _draw(3, "2-0-1-1")
    numbers = [t.text for t in svg.iter(f"{NS}text") if t.get("class") == "review-chart-rep"]
    assert numbers == ["1", "2", "3"]
    shaded = [
        r for r in svg.iter(f"{NS}rect") if (r.get("class") or "").startswith("review-chart-")
    ]
    assert {r.get("class") for r in shaded} == {
        "review-chart-lower",
        "review-chart-bottom",
        "review-chart-drive",
        "review-chart-top",
    }
    assert svg.get("data-testid") == "video-chart"
    assert svg.get("viewBox") == f"0 0 {WIDTH:g} 230"
    title = svg.find(f"{NS}title")
    assert title is not None and title.text is not None and "3 reps" in title.text


@pytest.mark.parametrize(("tempo", "dashed"), [("2-0-1-1", 3), (None, 0)])
def test_the_target_is_drawn_only_when_there_is_one(tempo: str | None, dashed: int) -> None:
    svg = _draw(3, tempo)
    targets = [p for p in svg.iter(f"{NS}polyline") if p.get("class") == "review-chart-target"]
    assert len(targets) == dashed


def test_everything_stays_inside_the_chart() -> None:
    svg = _draw(2, "2-0-1-1")
    for line in svg.iter(f"{NS}polyline"):
        for pair in (line.get("points") or "").split():
            x, y = (float(v) for v in pair.split(","))
            assert 0 <= x <= WIDTH and 0 <= y <= 230


def test_text_is_readable_at_390_px() -> None:
    svg = _draw(12, None)
    sizes = {float(t.get("font-size") or 0) for t in svg.iter(f"{NS}text")}
    assert min(sizes) >= 12  # one unit is one CSS pixel on a 390 px wide phone
    labels = [t for t in svg.iter(f"{NS}text") if t.get("class") == "review-chart-rep"]
    xs = [float(t.get("x") or 0) for t in labels]
    assert all(b - a >= 14 for a, b in itertools.pairwise(xs))
