"""The guide's figures: valid, small SVG with alt text, drawn from the model so the top really has
a vertical shin and a straight shoulder-hip-knee line, and each fault differs from its fix in the
right direction."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipthrust import figure_drawing, figure_poses, figures, pose
from hipthrust.faults import FAULTS
from hipthrust.pose import TOP, joint_positions

SVG = "{http://www.w3.org/2000/svg}"
PANELS = [
    (name, index, panel)
    for name, figure in figures.FIGURES.items()
    for index, panel in enumerate(figure.panels)
]
MAX_SVG_BYTES = 2048


@pytest.mark.parametrize(("name", "index", "panel"), PANELS, ids=lambda v: str(v)[:20])
def test_each_svg_is_valid_small_and_has_alt_text(name: str, index: int, panel) -> None:
    root = ET.fromstring(panel.svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert len(root.get("viewBox", "").split()) == 4
    title = root[0]
    assert title.tag == f"{SVG}title"
    assert len((title.text or "").split()) >= 5, "alt text should say what matters"
    assert len(panel.svg.encode()) <= MAX_SVG_BYTES
    # styled by class only, so the palettes apply: no hard-coded colours in the markup
    assert 'fill="#' not in panel.svg and 'stroke="#' not in panel.svg


def test_alt_texts_are_distinct() -> None:
    titles = [ET.fromstring(panel.svg)[0].text for _, _, panel in PANELS]
    # the same picture may appear in several figures with the same text, but never two
    # different pictures with one text
    by_title: dict[str | None, set[str]] = {}
    for (_, _, panel), title in zip(PANELS, titles, strict=True):
        by_title.setdefault(title, set()).add(panel.svg.split("</title>")[1])
    assert all(len(bodies) == 1 for bodies in by_title.values())


def _drawn_leg(svg_text: str) -> list[tuple[float, float]]:
    """The working leg as drawn (ankle, knee, hip) in model coordinates (y up)."""
    root = ET.fromstring(svg_text)
    for element in root.iter(f"{SVG}polyline"):
        classes = element.get("class", "").split()
        if "ht-body" in classes and "ht-leg" in classes:
            points = [tuple(map(float, p.split(","))) for p in element.get("points", "").split()]
            return [(x, -y) for x, y in points]
    raise AssertionError("no working leg drawn")


def _drawn_torso(svg_text: str) -> tuple[tuple[float, float], tuple[float, float]]:
    root = ET.fromstring(svg_text)
    for element in root.iter(f"{SVG}line"):
        if "ht-torso" in element.get("class", "").split():
            x1, y1, x2, y2 = (float(element.get(k, "nan")) for k in ("x1", "y1", "x2", "y2"))
            return (x1, -y1), (x2, -y2)
    raise AssertionError("no torso drawn")


def _bend(shoulder, hip, knee) -> float:
    """Degrees the shoulder-hip-knee line bends at the hip (0 = straight)."""
    a = math.atan2(hip[1] - shoulder[1], hip[0] - shoulder[0])
    b = math.atan2(knee[1] - hip[1], knee[0] - hip[0])
    return abs(math.degrees(math.remainder(b - a, math.tau)))


def test_top_figure_as_drawn_has_a_vertical_shin_and_a_straight_line() -> None:
    svg_text = figures.FIGURES["top"].panels[0].svg
    ankle, knee, hip = _drawn_leg(svg_text)
    torso_hip, shoulder = _drawn_torso(svg_text)
    assert torso_hip == pytest.approx(hip, abs=0.06)
    # the SVG rounds to 0.1 cm: a degree of slack is far below what the eye can see
    shin_from_vertical = math.degrees(math.atan2(knee[0] - ankle[0], knee[1] - ankle[1]))
    assert abs(shin_from_vertical) < 0.5
    assert _bend(shoulder, hip, knee) < 0.5


@pytest.mark.parametrize(
    ("pose", "field", "sign"),
    [
        (figure_poses.ARCHED, "hip_line", 1),
        (figure_poses.SAGGING, "hip_line", -1),
        (figure_poses.FOOT_CLOSE, "shin", 1),
        (figure_poses.FOOT_FAR, "shin", -1),
    ],
)
def test_faults_at_the_top_keep_shoulders_on_the_bench(pose, field: str, sign: int) -> None:
    assert sign * getattr(pose, field) > 5.0
    shoulder = joint_positions(pose)["shoulder"]
    assert shoulder == pytest.approx(figure_poses.TOP_SHOULDER, abs=1e-6)
    if field == "shin":  # a foot fault alone: the line is still straight
        assert pose.hip_line == pytest.approx(0.0, abs=0.01)


@settings(max_examples=40, deadline=None)
@given(st.floats(-25, 20), st.floats(-10, 10))
def test_at_top_gives_the_requested_bend(hip_line: float, ankle_x: float) -> None:
    pose = figure_poses.at_top(hip_line=hip_line, ankle_x=ankle_x)
    assert pose.hip_line == pytest.approx(hip_line, abs=0.01)
    assert joint_positions(pose)["shoulder"] == pytest.approx(figure_poses.TOP_SHOULDER, abs=1e-6)


def test_free_leg_is_up_at_the_top_and_drops_in_the_fault() -> None:
    up, down = joint_positions(TOP), joint_positions(figure_poses.FREE_LEG_DOWN)
    assert up["free_ankle"][1] > up["hip"][1]
    assert down["free_ankle"][1] < up["hip"][1] / 2


def test_bridge_and_elevated_positions() -> None:
    bridge = joint_positions(figure_poses.BRIDGE_TOP)
    assert bridge["shoulder"][1] < 10.0  # shoulders on the floor
    assert _bend(bridge["shoulder"], bridge["hip"], bridge["knee"]) < 0.5
    raised = joint_positions(figure_poses.ELEVATED_BOTTOM)
    assert raised["ankle"][1] > joint_positions(TOP)["ankle"][1]
    assert raised["hip"][1] < raised["ankle"][1] + 10.0


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.anchor)
def test_every_fault_has_a_figure_beside_its_fix(fault) -> None:
    figure = figures.FIGURES[fault.anchor]
    assert [panel.verdict for panel in figure.panels] == ["bad", "good"]


def test_figure_html_wraps_panels_with_labels_and_caption() -> None:
    html = figures.figure_html("lower-back-arching")
    root = ET.fromstring(html)
    assert root.tag == "figure" and root.get("id") == "fig-lower-back-arching"
    assert root.find("figcaption") is not None
    assert len(root.findall("./div/div")) == 2
    assert "✗" in html and "✓" in html


def test_bouncing_graph_uses_the_default_tempo() -> None:
    from hipthrust import guide
    from hipthrust.tempo import parse_tempo

    svg_text = figures.FIGURES["bouncing-off-the-floor"].panels[1].svg
    root = ET.fromstring(svg_text)
    trace = next(e for e in root.iter(f"{SVG}polyline") if "ht-trace" in e.get("class", ""))
    points = [tuple(map(float, p.split(","))) for p in trace.get("points", "").split()]
    # the first lowering runs from the end of the top hold to the bottom
    tempo = parse_tempo(guide.DEFAULT_TEMPO)
    start, end = points[1], points[2]
    assert (end[0] - start[0]) / figure_drawing.GRAPH_UNITS_PER_SECOND == pytest.approx(
        tempo.lowering, abs=0.02
    )


def _hip_bones(svg_text: str) -> list[tuple[float, float]]:
    root = ET.fromstring(svg_text)
    return [
        (float(c.get("cx", "0")), -float(c.get("cy", "0")))
        for c in root.iter(f"{SVG}circle")
        if "ht-hipbone" in c.get("class", "")
    ]


def test_hips_dropping_shows_the_free_side_low_and_the_fix_level() -> None:
    fault, fix = figures.FIGURES["hips-dropping"].panels
    (free, work) = sorted(_hip_bones(fault.svg))
    assert work[1] - free[1] > 5.0, "the free (left) hip bone is drawn clearly lower"
    assert "ht-arrow" in fault.svg, "a motion arrow shows the drop"
    (free, work) = sorted(_hip_bones(fix.svg))
    assert free[1] == pytest.approx(work[1])
    # the pelvis is as wide as the model's hips (anthropometric table)
    assert math.dist(free, work) == pytest.approx(pose.HIP_WIDTH * TOP.height_cm, abs=0.2)


def test_loaded_figure_has_the_hand_on_the_dumbbell() -> None:
    panel = figures.FIGURES["load"].panels[0]
    root = ET.fromstring(panel.svg)
    arm = next(
        e
        for e in root.iter(f"{SVG}polyline")
        if {"ht-body", "ht-arm"} <= set(e.get("class", "").split())
    )
    hand = tuple(map(float, arm.get("points", "").split()[-1].split(",")))
    bar = next(e for e in root.iter(f"{SVG}line") if "ht-load-bar" in e.get("class", ""))
    middle = (
        (float(bar.get("x1", "0")) + float(bar.get("x2", "0"))) / 2,
        float(bar.get("y1", "0")),
    )
    assert math.dist(hand, middle) < 1.0
    # the near arm is drawn after (over) the dumbbell
    assert panel.svg.index("ht-load-bar") < panel.svg.index('class="ht-body ht-arm"')


def test_free_leg_has_a_foot_so_it_never_reads_as_an_arm() -> None:
    joints = joint_positions(TOP)
    toe = figure_drawing.free_toe(joints)
    # at the top the free shin points to the feet and the toes point up
    assert toe[1] - joints["free_ankle"][1] > 10.0
    assert abs(toe[0] - joints["free_ankle"][0]) < 1.0
    for panel in figures.FIGURES["free-leg"].panels:
        free = [
            e
            for e in ET.fromstring(panel.svg).iter(f"{SVG}polyline")
            if "ht-free" in e.get("class", "")
        ]
        assert len(free) == 1 and len(free[0].get("points", "").split()) == 4


@pytest.mark.parametrize(
    "name",
    [
        "bottom-top",
        "lower-back-arching",
        "hips-not-fully-extended",
        "foot-too-close",
        "foot-too-far",
        "free-leg-dropping",
        "two-up-one-down",
        "hips-dropping",
    ],
)
def test_figures_of_a_movement_carry_a_motion_arrow(name: str) -> None:
    assert any("ht-arrow" in panel.svg for panel in figures.FIGURES[name].panels)
