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


# --- v2: only what is placed is drawn ---------------------------------------------------------

ALL = ("shoulder", "hip", "knee", "ankle", "heel", "toe", "free_knee")


def model_points(pose: Pose, names: tuple[str, ...]) -> dict[str, list[float]]:
    return {
        k: [1000 + 5 * x, 1500 - 5 * y] for k, (x, y) in joint_positions(pose).items() if k in names
    }


def digest(markup: str) -> str:
    import hashlib

    return hashlib.sha256(markup.encode()).hexdigest()


def test_full_input_draws_exactly_what_v1_drew() -> None:
    """Golden digests of v1's overlays (commit c86619c) for every point placed: v2 only leaves
    out what is not placed, it changes nothing else."""
    side = checker.measure_side(model_points(Pose(), ALL))
    assert digest(overlay.side_overlay(side, 4000, 3000)) == (
        "b25792d128c9ef5db25c70522c0c6a2e001958d3a050f34758b02c6b831bda9e"
    )
    front = checker.measure_front(
        {"hip": [100, 0], "knee": [130, 300], "ankle": [100, 600]}, "left"
    )
    assert digest(overlay.front_overlay(front, 1000, 1000)) == (
        "23bb19072f90b848f6129e38bff4f58c8ff09492b9ddbb52ee28096cea98b732"
    )


@pytest.mark.parametrize(
    ("placed", "lines", "texts", "arcs"),
    [
        ((), 0, [], 0),
        (("shoulder",), 0, [], 0),
        (("shoulder", "hip"), 1, [], 0),  # a white body line, no number
        (("hip", "knee", "ankle"), 2 + 1, ["shin +0.0°"], 1),  # + the vertical reference
        (("shoulder", "hip", "knee"), 2 + 1, ["hip +0.0°"], 1),  # + the plane's dashed line
        (("heel", "toe"), 1, [], 0),  # no facing yet: a white line, no heel number
        (("hip", "free_knee"), 1, [], 0),  # measured (coloured), no number (as in v1)
    ],
)
def test_partial_overlay_draws_placed_lines_and_measured_numbers_only(
    placed: tuple[str, ...], lines: int, texts: list[str], arcs: int
) -> None:
    report = checker.measure_side(model_points(Pose(), placed))
    tree = parse(overlay.side_overlay(report, 4000, 3000))
    # every line is drawn twice: a dark outline under the colour
    assert len(list(tree.iter(f"{SVG}line"))) == 2 * lines
    assert [t.text for t in tree.iter(f"{SVG}text")] == texts
    assert len(list(tree.iter(f"{SVG}path"))) == 2 * arcs
    colours = {line.get("stroke") for line in tree.iter(f"{SVG}line")} - {"#000000"}
    if not report.metrics:
        assert colours <= {"#ffffff"}  # no verdict colour without a measured metric


def test_front_overlay_with_the_pelvis_and_without_the_ankle() -> None:
    report = checker.measure_front({"hip": [100, 0], "knee": [140, 300], "other_hip": [260, 30]})
    texts = [t.text for t in parse(overlay.front_overlay(report, 1000, 1000)).iter(f"{SVG}text")]
    assert texts == [f"pelvis {report.metrics['pelvis']['value']:+.1f}°"]
