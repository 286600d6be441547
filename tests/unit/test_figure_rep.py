"""hipthrust.figure_rep: the animated rep keeps the shoulders on the bench and the joints
together in every keyframe the browser gets, follows the tempo, and has its still fallback."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from hipthrust import figure_rep, guide
from hipthrust.pose import BOTTOM, TOP, joint_positions
from hipthrust.tempo import parse_tempo

SVG = "{http://www.w3.org/2000/svg}"
CHAIN = [("shin", "thigh"), ("thigh", "torso"), ("torso", "neck"), ("free-thigh", "free-shin")]


def _frames(svg_text: str) -> dict[str, dict[str, tuple[float, float, float]]]:
    """bone -> keyframe percent -> (x, y, angle) as written in the CSS."""
    style = ET.fromstring(svg_text).find(f"{SVG}style")
    assert style is not None and style.text
    frames: dict[str, dict[str, tuple[float, float, float]]] = {}
    for name, body in re.findall(r"@keyframes ht-rep-([\w-]+)\{(.*?\})\}", style.text):
        steps = re.findall(
            r"([\d.]+)%\{transform:translate\(([-\d.]+)px,([-\d.]+)px\)(?: rotate\(([-\d.]+)deg\))?\}",
            body,
        )
        frames[name] = {p: (float(x), float(y), float(a or 0.0)) for p, x, y, a in steps}
    return frames


def _lengths(svg_text: str) -> dict[str, float]:
    lengths = {}
    for line in ET.fromstring(svg_text).iter(f"{SVG}line"):
        match = re.search(r"ht-rep-([\w-]+)$", line.get("class", ""))
        if match:
            lengths[match.group(1)] = float(line.get("x2", "nan"))
    return lengths


@pytest.fixture(scope="module")
def drawn() -> str:
    return figure_rep.rep_svg("One rep moving through the default tempo.")


def test_joints_stay_together_in_every_shared_keyframe(drawn: str) -> None:
    frames, lengths = _frames(drawn), _lengths(drawn)
    checked = 0
    for parent, child in CHAIN:
        for percent, (x, y, angle) in frames[parent].items():
            if percent not in frames[child]:
                continue
            end = (
                x + lengths[parent] * math.cos(math.radians(angle)),
                y + lengths[parent] * math.sin(math.radians(angle)),
            )
            assert math.dist(end, frames[child][percent][:2]) < 0.5, (parent, child, percent)
            checked += 1
    assert checked > 60


def test_the_shoulders_stay_on_the_bench_and_the_hips_travel(drawn: str) -> None:
    frames = _frames(drawn)
    shoulder = {(round(x), round(y)) for x, y, _ in frames["neck"].values()}
    assert len(shoulder) == 1, "the neck starts at the shoulder: one spot all rep"
    hips = [y for _, y, _ in frames["torso"].values()]
    top = -joint_positions(figure_rep.pose_at(1.0))["hip"][1]
    bottom = -joint_positions(figure_rep.pose_at(0.0))["hip"][1]
    assert min(hips) == pytest.approx(top, abs=0.1)
    assert max(hips) == pytest.approx(bottom, abs=0.1)
    assert bottom - top > 30.0, "the hips travel a visible distance"


def test_arm_resting_on_the_bench_does_not_move(drawn: str) -> None:
    assert len(_frames(drawn)["arm"]) == 2, "only the two ends: nothing to interpolate"


@pytest.mark.parametrize("height", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_pose_at_keeps_the_shoulders_and_the_foot(height: float) -> None:
    joints = joint_positions(figure_rep.pose_at(height))
    assert joints["shoulder"] == pytest.approx(figure_rep.SHOULDER, abs=1e-6)
    assert joints["ankle"] == pytest.approx(joint_positions(TOP)["ankle"])


def test_ends_of_the_rep_are_the_guides_bottom_and_top() -> None:
    top, bottom = figure_rep.pose_at(1.0), figure_rep.pose_at(0.0)
    assert (top.shin, top.hip_line) == pytest.approx((TOP.shin, TOP.hip_line), abs=1e-6)
    # BOTTOM itself has its shoulders about 1 cm off the top's spot; the rep keeps them still
    assert joint_positions(bottom)["hip"] == pytest.approx(joint_positions(BOTTOM)["hip"], abs=1.0)


def test_height_follows_the_tempo_in_the_sites_order() -> None:
    tempo = parse_tempo(guide.DEFAULT_TEMPO)
    down = tempo.lowering
    up = down + tempo.bottom_pause + tempo.drive
    assert figure_rep.height_at(0.0) == 1.0
    assert figure_rep.height_at(down / 2) == pytest.approx(0.5)
    assert figure_rep.height_at(down) == pytest.approx(0.0)
    assert figure_rep.height_at(up) == pytest.approx(1.0)
    assert figure_rep.rep_seconds() == down + tempo.bottom_pause + tempo.drive + tempo.top_hold
    # a pause at the bottom holds the hips down; the rep repeats
    assert figure_rep.height_at(3.5, "3-2-1-1") == 0.0
    assert figure_rep.height_at(figure_rep.rep_seconds() + 1.0) == figure_rep.height_at(1.0)


def test_html_has_pause_switch_still_positions_and_alt_texts() -> None:
    markup = figure_rep.rep_html()
    assert '<input type="checkbox" id="ht-rep-pause"' in markup
    assert '<label for="ht-rep-pause"' in markup and "Pause" in markup
    keys = markup.split('class="ht-rep__keys')[1]
    assert keys.count("<svg") == 3
    assert len(re.findall(r"<title>[^<]{20,}</title>", markup)) == 4
