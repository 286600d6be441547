"""Issue 18: the checker judges the step the photo shows. Each step's metric set and bands, the
step suggested from made-up and labelled points, the size judgement at its boundary, and the
oblique view seen from the head or the feet. Issue 17 §2: the front knee check is the shin's tilt.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from hipthrust import checker, step_guess, steps, view, web
from hipthrust.geometry import Point
from hipthrust.keypoints import parse_keypoints
from hipthrust.metrics import BAND_SOURCES, STEP_CHECKS, THRESHOLDS
from tests.unit.photo_labels import LABELS

# --- each step's metric set and bands ------------------------------------------------------------

# (side core, front core, optional side checks), written out: the rules read per step.
EXPECTED = {
    "glute-bridge": (("shin", "hip_line"), ("valgus",), ("heel",)),
    "single-leg-bridge": (("shin", "hip_line"), ("valgus", "pelvis"), ("heel", "free_leg")),
    "hip-thrust": (("shin", "hip_line", "plane"), ("valgus",), ("heel",)),
    "b-stance": (("shin", "hip_line", "plane"), ("valgus", "pelvis"), ("heel",)),
    "two-up-one-down": (("shin", "hip_line", "plane"), ("valgus", "pelvis"), ("heel",)),
    "single-leg-hip-thrust": (
        ("shin", "hip_line", "plane"),
        ("valgus", "pelvis"),
        ("heel", "free_leg"),
    ),
    "loaded": (("shin", "hip_line", "plane"), ("valgus", "pelvis"), ("heel", "free_leg")),
}
# The bands (good, close, which sign is judged): the same on every step (metrics.py says why).
BANDS = {
    "shin": (5.0, 10.0, "both"),
    "hip_line": (5.0, 10.0, "both"),
    "plane": (10.0, 20.0, "both"),
    "heel": (5.0, 10.0, "above"),
    "free_leg": (10.0, 25.0, "below"),
    "valgus": (5.0, 10.0, "above"),
    "pelvis": (5.0, 10.0, "above"),
}


def test_every_step_of_the_ladder_has_a_metric_set() -> None:
    assert set(STEP_CHECKS) == set(steps.STEPS_BY_KEY) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_steps_metric_set(key: str) -> None:
    side, front, optional = EXPECTED[key]
    checks = STEP_CHECKS[key]
    assert (checks.side, checks.front, checks.optional) == (side, front, optional)


@pytest.mark.parametrize("name", sorted(BANDS))
def test_each_band_and_its_source(name: str) -> None:
    band = THRESHOLDS[name]
    assert (band.good, band.close, band.judged) == BANDS[name]
    assert BAND_SOURCES[name]


# A side photo's points at the top: shin vertical (200 px), thigh level, shoulders on a bench
# (level with the knee) or on the floor (near the ankle's height, the hip on the line).
BENCH = {"shoulder": (270.0, 400.0), "hip": (500.0, 400.0), "knee": (700.0, 400.0)}
BENCH |= {"ankle": (700.0, 600.0)}
FLOOR = {"shoulder": (270.0, 590.0), "hip": (500.0, 488.4), "knee": (700.0, 400.0)}
FLOOR |= {"ankle": (690.0, 600.0)}


def landmarks(points: dict[str, Point]) -> dict[str, list[float]]:
    return {k: list(v) for k, v in points.items()}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_step_measures_its_metrics_only(key: str) -> None:
    side, front, _ = EXPECTED[key]
    report = checker.measure_side(landmarks(FLOOR), step=key)
    assert tuple(report.metrics) == side
    assert "plane" not in {w["metric"] for w in report.waiting} or "plane" in side
    leg = {"hip": [500, 300], "knee": [505, 500], "ankle": [500, 700], "other_hip": [700, 305]}
    assert tuple(checker.measure_front(leg, "right", key).metrics) == front


def test_a_floor_bridge_gets_no_body_line_verdict() -> None:
    """The issue's case: +28° on the floor is the step, not a fault."""
    result = call("checker_side", landmarks=landmarks(FLOOR), width=1000, height=800)
    assert {m["name"]: m["verdict"] for m in result["metrics"]}["plane"] == "fix"
    floor = call(
        "checker_side", landmarks=landmarks(FLOOR), width=1000, height=800, step="glute-bridge"
    )
    assert [m["name"] for m in floor["metrics"]] == ["shin", "hip_line"]
    assert floor["waiting"] == [] and floor["suggestion"] is None


def test_an_unknown_step_is_a_message() -> None:
    result = call("checker_side", landmarks={}, width=100, height=100, step="squat")
    assert result["ok"] is False and "glute-bridge" in result["message"]


def test_setup_lists_the_steps_with_their_options() -> None:
    result = call("checker_setup", width=100, height=100)
    options = {s["key"]: s["options"] for s in result["steps"]}
    assert list(options) == [s.key for s in steps.STEPS]
    assert options["glute-bridge"] == ["foot", "floor"]  # two feet down: no free leg
    assert options["single-leg-hip-thrust"] == ["foot", "freeLeg", "floor"]
    assert result["default_step"] == steps.DEFAULT_STEP


def call(name: str, **arguments: object) -> dict[str, Any]:
    result = json.loads(web.call(name, json.dumps(arguments)))
    assert isinstance(result, dict)
    return result


# --- issue 17 §2: the front knee check is the shin's tilt -------------------------------------


@pytest.mark.parametrize("hip_x", [300.0, 505.0, 700.0])
def test_the_front_check_does_not_depend_on_where_the_overlapping_hip_is(hip_x: float) -> None:
    """From the feet the hip sits on or beside the knee: the shin alone gives the number."""
    points = {"hip": [hip_x, 480], "knee": [530, 500], "ankle": [500, 800]}
    value = checker.measure_front(points, "right").metrics["valgus"]["value"]
    assert value == pytest.approx(math.degrees(math.atan2(30, 300)), abs=0.05)


# --- the step suggestion ----------------------------------------------------------------------


def keypoints(feet: int) -> Any:
    """Both ankles down (2) or the left one raised a whole shin (1), confidently seen."""
    raw = [
        {"name": "right_knee", "x": 700, "y": 400, "score": 0.9},
        {"name": "right_ankle", "x": 700, "y": 600, "score": 0.9},
        {"name": "left_knee", "x": 690, "y": 390, "score": 0.8},
        {"name": "left_ankle", "x": 720, "y": 600 if feet == 2 else 300, "score": 0.8},
    ]
    return parse_keypoints(raw)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_a_photo_of_each_step_suggests_nothing_for_it_and_it_for_the_others(key: str) -> None:
    shown = steps.step(key)
    points = dict(BENCH if shown.support == "bench" else FLOOR)
    seen = step_guess.seen(points, keypoints(shown.feet_down))
    assert seen == step_guess.Seen(shown.support, shown.feet_down)
    assert step_guess.suggest(key, seen) is None
    for other in steps.STEPS:
        offered = step_guess.suggest(other.key, seen)
        if (other.support, other.feet_down) == (shown.support, shown.feet_down):
            assert offered is None
        else:
            assert offered is not None
            assert (offered.support, offered.feet_down) == (shown.support, shown.feet_down)


@pytest.mark.parametrize(
    ("chosen", "support", "feet", "offered"),
    [
        ("single-leg-hip-thrust", "floor", None, "single-leg-bridge"),
        ("loaded", "floor", 1, "single-leg-bridge"),
        ("b-stance", "floor", None, "glute-bridge"),  # feet unseen: keep two feet down
        ("glute-bridge", "bench", None, "hip-thrust"),
        ("single-leg-bridge", "bench", None, "single-leg-hip-thrust"),
        ("hip-thrust", "bench", 1, "single-leg-hip-thrust"),
        ("single-leg-hip-thrust", "bench", 2, "b-stance"),
        ("glute-bridge", "floor", 1, "single-leg-bridge"),
        ("glute-bridge", None, None, None),
    ],
)
def test_the_nearest_step_is_offered(
    chosen: str, support: Any, feet: int | None, offered: str | None
) -> None:
    found = step_guess.suggest(chosen, step_guess.Seen(support, feet))
    assert (found.key if found else None) == offered


def test_a_placed_free_knee_is_one_foot_down_and_hand_points_alone_cannot_tell() -> None:
    assert step_guess.feet_down({**BENCH, "free_knee": (520.0, 250.0)}, None) == 1
    assert step_guess.feet_down(BENCH, None) is None
    unsure = parse_keypoints([{"name": "left_ankle", "x": 1, "y": 1, "score": 0.1}])
    assert step_guess.feet_down(BENCH, unsure) is None


@pytest.mark.parametrize(
    ("name", "support"),
    [
        ("01_ht_fedb.jpg", "bench"),
        ("03_br_fedb.jpg", "floor"),
        ("04_br_fedb.jpg", "floor"),
        ("07_br_fedb.jpg", "floor"),
        ("08_ht_fedb.jpg", "bench"),  # a stability ball: shoulders raised like on a bench
        ("09_br_fedb.jpg", "floor"),
    ],
)
def test_support_of_the_labelled_photos(name: str, support: str) -> None:
    points = {k: (v[0], v[1]) for k, v in LABELS[name].points().items()}
    assert step_guess.support(points) == support


def test_support_at_its_boundary() -> None:
    shin = 200.0
    at = step_guess.BENCH_SHOULDER_HEIGHT * shin
    base = {"knee": (700.0, 400.0), "ankle": (700.0, 600.0)}
    assert step_guess.support({**base, "shoulder": (270.0, 600.0 - at - 0.5)}) == "bench"
    assert step_guess.support({**base, "shoulder": (270.0, 600.0 - at + 0.5)}) == "floor"


def test_the_suggestion_comes_back_from_the_page_call() -> None:
    result = call(
        "checker_side", landmarks=landmarks(BENCH), width=1000, height=800, step="glute-bridge"
    )
    assert result["suggestion"]["step"] == "hip-thrust"
    assert "bench" in result["suggestion"]["message"]
    # and the verdicts stay the chosen step's: never switched silently
    assert "plane" not in [m["name"] for m in result["metrics"]]


# --- big enough to measure ----------------------------------------------------------------------


def test_the_size_boundary_is_the_pixel_error_against_a_joints_width() -> None:
    assert pytest.approx(3.0 / math.tan(math.radians(2.5))) == view.MIN_SEGMENT_PX
    assert 68 < view.MIN_SEGMENT_PX < 69


@pytest.mark.parametrize(("delta", "code"), [(-0.5, "small"), (0.5, "ok")])
def test_the_size_judgement_at_its_boundary(delta: float, code: str) -> None:
    """A side photo scaled so its shorter segment (the thigh) is just under / over the limit."""
    scale = (view.MIN_SEGMENT_PX + delta) / 200.0  # thigh and shin are 200 px in BENCH
    points = {k: (x * scale, y * scale) for k, (x, y) in BENCH.items()}
    judged = view.side_view(points)
    assert judged.code == code
    assert judged.reason == (None if code == "ok" else "small")
    if code == "small":
        assert "closer" in (judged.message or "")


@pytest.mark.parametrize(("delta", "code"), [(-0.5, "small"), (0.5, "ok")])
def test_the_front_size_judgement_at_its_boundary(delta: float, code: str) -> None:
    shin = view.MIN_SEGMENT_PX + delta
    points = {"hip": (100.0, 0.0), "other_hip": (300.0, 0.0)}
    points |= {"knee": (100.0, 10.0), "ankle": (100.0, 10.0 + shin)}
    assert view.front_view(points).code == code


def test_verdicts_wait_on_a_small_photo() -> None:
    small = {k: [x / 4, y / 4] for k, (x, y) in BENCH.items()}  # 50 px segments
    result = call("checker_side", landmarks=small, width=224, height=224)
    assert result["view"]["reason"] == "small" and result["view"]["usable"] is False
    assert result["metrics"] == []
    assert {w["metric"] for w in result["waiting"]} == {"shin", "hip_line", "plane"}


# --- oblique from the head or the feet --------------------------------------------------------


def seen_from(theta: float) -> dict[str, Point]:
    """BENCH's near-side joints seen by a camera turned ``theta`` degrees along the body (towards
    the head when positive), perspective from 2.5 shins' distance per 200 px (about 2 m)."""
    distance = 2500.0  # px at the hip, the camera 2.5 m away at 1 px/mm
    centre = BENCH["hip"]
    c, s = math.cos(math.radians(theta)), math.sin(math.radians(theta))
    out = {}
    for name, (x, y) in BENCH.items():
        along = x - centre[0]
        # the body along the camera's x (cos) and its depth towards the camera (sin)
        across, depth = along * c, along * s
        k = distance / (distance - depth)
        out[name] = (centre[0] + across * k, centre[1] + (y - centre[1]) * k)
    return out


@pytest.mark.parametrize(
    ("theta", "code"),
    [(0, "ok"), (20, "ok"), (-20, "ok"), (50, "oblique"), (-50, "oblique"), (70, "oblique")],
)
def test_oblique_from_the_head_or_the_feet(theta: float, code: str) -> None:
    points = seen_from(theta)
    assert view.side_view(points).code == code
    if abs(theta) == 50:  # the thigh alone is not shortened enough: the body line catches it
        thigh = math.dist(points["hip"], points["knee"])
        assert thigh >= view.MIN_THIGH_TO_SHIN * math.dist(points["knee"], points["ankle"])


def test_reasons_for_the_page() -> None:
    assert {code: view.View(code).reason for code in view.MESSAGES} == {
        "standing": "standing",
        "facing": "facing",
        "oblique": "oblique",
        "bottom": "not-top",
        "side": "side",
        "small": "small",
        "none": "none",
    }
    assert view.View("ok").reason is None and view.View("unknown").reason is None


def test_no_person_from_the_detector_is_reason_none() -> None:
    nobody = [{"name": "nose", "x": 5, "y": 5, "score": 0.05}]
    result = call("checker_side", landmarks={}, width=224, height=224, detected=nobody)
    assert result["view"]["reason"] == "none" and "No person" in result["view"]["message"]
