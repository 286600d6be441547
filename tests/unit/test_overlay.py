"""The overlay and the photo-setup figure are well-formed SVG that say what they show."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from hipthrust import checker, overlay
from hipthrust.pose import Pose, joint_positions

SVG = "{http://www.w3.org/2000/svg}"


def side_landmarks(pose: Pose) -> dict[str, list[float]]:
    return {
        k: [1000 + 5 * x, 1500 - 5 * y]
        for k, (x, y) in joint_positions(pose).items()
        if k in ("shoulder", "hip", "knee", "ankle")
    }


def parse(markup: str) -> ET.Element:
    return ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{markup}</svg>')


@pytest.mark.parametrize(
    ("pose", "colour"),
    [(Pose(), "#00c853"), (Pose(shin=15), "#ff1744"), (Pose(shin=-8), "#ffab00")],
)
def test_side_overlay_colours_the_shin_by_verdict_and_prints_the_number(
    pose: Pose, colour: str
) -> None:
    report = checker.measure_side(side_landmarks(pose))
    tree = parse(overlay.side_overlay(report, 4000, 3000))
    texts = [t.text for t in tree.iter(f"{SVG}text")]
    assert f"shin {pose.shin:+.1f}°" in texts
    shin_label = next(t for t in tree.iter(f"{SVG}text") if t.text and t.text.startswith("shin"))
    assert shin_label.get("fill") == colour


def test_overlay_scales_with_the_photo() -> None:
    report = checker.measure_side(side_landmarks(Pose()))
    small = parse(overlay.side_overlay(report, 1000, 750))
    big = parse(overlay.side_overlay(report, 8000, 6000))
    width = lambda tree: float(next(tree.iter(f"{SVG}line")).get("stroke-width"))  # noqa: E731
    assert width(big) == pytest.approx(8 * width(small), rel=0.05)


def test_front_overlay() -> None:
    report = checker.measure_front(
        {"hip": [100, 0], "knee": [140, 300], "ankle": [100, 600]}, "right"
    )
    texts = [t.text for t in parse(overlay.front_overlay(report, 1000, 1000)).iter(f"{SVG}text")]
    assert texts == [f"knee {report.metrics['valgus']['value']:+.1f}°"]


def test_photo_setup_figure_is_titled_svg() -> None:
    root = ET.fromstring(overlay.photo_setup_figure())
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert "hip height" in (root.findtext(f"{SVG}title") or "")
