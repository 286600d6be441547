"""The overlay and the photo-setup figure are well-formed SVG that say what they show."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

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
    # issue 17: the front knee check is the shin's tilt, drawn at the ankle
    assert texts == [f"shin {report.metrics['valgus']['value']:+.1f}°"]


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
    out what is not placed, it changes nothing else. The front digest is issue 17's: the knee
    check became the shin's tilt (a vertical reference and an arc at the ankle)."""
    side = checker.measure_side(model_points(Pose(), ALL))
    assert digest(overlay.side_overlay(side, 4000, 3000)) == (
        "b25792d128c9ef5db25c70522c0c6a2e001958d3a050f34758b02c6b831bda9e"
    )
    front = checker.measure_front(
        {"hip": [100, 0], "knee": [130, 300], "ankle": [100, 600]}, "left"
    )
    assert digest(overlay.front_overlay(front, 1000, 1000)) == (
        "2f43b4dcf46304feb336038c66dbe06e713667503ffaeb8e65e4425498e97a0d"
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


# --- issue 18: every label inside the photo ----------------------------------------------------


def _label_boxes(markup: str) -> list[tuple[float, float, float, float]]:
    """Each text's box (left, top, right, bottom) as the pen estimates it."""
    boxes = []
    for text in parse(markup).iter(f"{SVG}text"):
        font = float(text.get("font-size"))
        x, y = float(text.get("x")), float(text.get("y"))
        half_w = len(text.text or "") * overlay.CHAR_EM * font / 2
        boxes.append((x - half_w, y - font / 2, x + half_w, y + font / 2))
    return boxes


EDGE_CASES = {
    # (width, height, points): joints near each edge of the photo
    "shin at the left edge": (
        850,
        567,
        {"shoulder": [800, 300], "hip": [500, 280], "knee": [30, 250], "ankle": [12, 540]},
    ),
    "shin at the right edge": (
        850,
        567,
        {"shoulder": [40, 300], "hip": [350, 280], "knee": [830, 250], "ankle": [840, 550]},
    ),
    "hip at the top edge": (
        600,
        400,
        {"shoulder": [500, 40], "hip": [300, 5], "knee": [100, 30], "ankle": [110, 390]},
    ),
    "hip at the bottom edge": (
        600,
        400,
        {"shoulder": [560, 395], "hip": [300, 398], "knee": [60, 200], "ankle": [60, 396]},
    ),
    "small photo": (
        224,
        224,
        {"shoulder": [200, 120], "hip": [120, 110], "knee": [10, 100], "ankle": [8, 200]},
    ),
}


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_side_labels_stay_inside_the_photo(case: str) -> None:
    width, height, points = EDGE_CASES[case]
    report = checker.measure_side(points)
    markup = overlay.side_overlay(report, width, height)
    boxes = _label_boxes(markup)
    assert len(boxes) == 2, case  # shin and hip
    for left, top, right, bottom in boxes:
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, case


def test_a_label_with_room_on_the_toes_side_stays_there() -> None:
    """Moving a label is the exception: with room, the shin's number sits on the toes' side."""
    points = {"shoulder": [700, 300], "hip": [500, 280], "knee": [300, 250], "ankle": [310, 500]}
    report = checker.measure_side(points)  # feet towards the photo's left
    x = _label_boxes(overlay.side_overlay(report, 1000, 700))[0][0]
    assert x < 300


@given(
    x=st.floats(0, 1000),
    y=st.floats(0, 600),
    dx=st.floats(20, 300),
    leg=st.sampled_from(["left", "right"]),
    lean=st.floats(-60, 60),
)
def test_front_labels_stay_inside_the_photo(
    x: float, y: float, dx: float, leg: str, lean: float
) -> None:
    ankle = [x, min(600.0, y + 300)]
    knee = [x + lean, ankle[1] - 250]
    assume(knee[1] > 0)
    points = {"knee": knee, "ankle": ankle, "hip": [knee[0], knee[1] - 10], "other_hip": []}
    points["other_hip"] = [min(1000.0, knee[0] + dx), knee[1] - 5]
    assume(points["other_hip"][0] - knee[0] > 15)
    report = checker.measure_front(points, leg)
    for left, top, right, bottom in _label_boxes(overlay.front_overlay(report, 1000, 600)):
        assert left >= -1e-6 and top >= -1e-6 and right <= 1000 + 1e-6 and bottom <= 600 + 1e-6
