"""The checker's metrics: tables of known geometry, verdict bands, and property tests showing the
numbers do not depend on where the person is in the photo, how big, which way they face, or how
the phone was turned (with the floor line marked)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hipthrust import checker, web
from hipthrust.geometry import GeometryError
from hipthrust.pose import Pose, joint_positions

NAMES = ("shoulder", "hip", "knee", "ankle", "heel", "toe", "free_knee")


def photo_points(
    pose: Pose,
    *,
    scale: float = 5.0,
    shift: tuple[float, float] = (1000.0, 1500.0),
    mirror: bool = False,
    tilt_deg: float = 0.0,
) -> tuple[dict[str, list[float]], list[list[float]]]:
    """The pose's joints (and a floor line) as photo pixels: y down, moved, scaled, turned."""
    c, s = math.cos(math.radians(tilt_deg)), math.sin(math.radians(tilt_deg))

    def to_photo(p: tuple[float, float]) -> list[float]:
        x, y = (-p[0] if mirror else p[0]) * scale, p[1] * scale
        return [shift[0] + x * c - y * s, shift[1] - (x * s + y * c)]

    joints = joint_positions(pose)
    return (
        {name: to_photo(joints[name]) for name in NAMES},
        [to_photo((-100.0, 0.0)), to_photo((100.0, 0.0))],
    )


def values(report: checker.SideReport) -> dict[str, float]:
    return {name: m["value"] for name, m in report.metrics.items()}


# --- known geometry -------------------------------------------------------------------------


# Photo pixels, y down; shoulders on the left. Shin tilted by atan(dx / 400).
@pytest.mark.parametrize(
    ("knee", "hip", "shin", "hip_line"),
    [
        ((800, 500), (400, 500), 0.0, 0.0),
        ((840, 500), (400, 500), math.degrees(math.atan2(40, 400)), None),  # knee ahead of ankle
        ((760, 500), (400, 500), -math.degrees(math.atan2(40, 400)), None),  # knee behind
        ((800, 500), (400, 450), 0.0, 2 * math.degrees(math.atan2(50, 400))),  # hip above the line
        ((800, 500), (400, 560), 0.0, -2 * math.degrees(math.atan2(60, 400))),  # hip below
    ],
)
def test_known_geometry(
    knee: tuple[float, float], hip: tuple[float, float], shin: float, hip_line: float | None
) -> None:
    landmarks = {"shoulder": [0, 500], "hip": list(hip), "knee": list(knee), "ankle": [800, 900]}
    report = checker.measure_side(landmarks)
    assert report.metrics["shin"]["value"] == pytest.approx(shin, abs=0.05)
    if hip_line is not None:
        assert report.metrics["hip_line"]["value"] == pytest.approx(hip_line, abs=0.05)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("shin", 0.0, "good"),
        ("shin", 5.0, "good"),
        ("shin", -5.1, "close"),
        ("shin", 10.0, "close"),
        ("shin", 10.1, "fix"),
        ("shin", -25.0, "fix"),
        ("hip_line", 4.9, "good"),
        ("hip_line", -12.0, "fix"),
        ("heel", -30.0, "good"),  # toes lifted is fine
        ("heel", 7.0, "close"),
        ("free_leg", 80.0, "good"),  # knee up is the point
        ("free_leg", -30.0, "fix"),
        ("valgus", -12.0, "good"),  # knee pushed out is the cue
        ("valgus", 12.0, "fix"),
        ("pelvis", 4.0, "good"),
        ("pelvis", -20.0, "good"),  # the free-leg side higher is not the fault
        ("pelvis", 9.0, "close"),
        ("pelvis", 12.0, "fix"),
    ],
)
def test_verdict_bands(name: str, value: float, expected: str) -> None:
    assert checker.verdict(name, value) == expected


@pytest.mark.parametrize(
    ("pose", "metric", "anchor"),
    [
        (Pose(shin=15.0), "shin", "foot-too-close"),
        (Pose(shin=-15.0), "shin", "foot-too-far"),
        (Pose(hip_line=15.0), "hip_line", "lower-back-arching"),
        (Pose(hip_line=-15.0), "hip_line", "hips-not-fully-extended"),
        (Pose(heel_lift=60.0), "heel", "pushing-off-the-toes"),
        (Pose(free_hip=-60.0), "free_leg", "free-leg-dropping"),
    ],
)
def test_faults_point_to_their_troubleshooting_entry(pose: Pose, metric: str, anchor: str) -> None:
    landmarks, _ = photo_points(pose)
    found = checker.measure_side(landmarks).metrics[metric]
    assert found["verdict"] == "fix"
    assert found["fault"]["anchor"] == anchor
    assert found["fault"]["cue"]


def test_the_correct_top_position_has_no_findings() -> None:
    landmarks, _ = photo_points(Pose())
    report = checker.measure_side(landmarks)
    assert all(m["verdict"] == "good" and m["fault"] is None for m in report.metrics.values())


# --- invariance -----------------------------------------------------------------------------

poses = st.builds(
    Pose,
    shin=st.floats(-25, 25),
    knee=st.floats(70, 120),
    hip_line=st.floats(-25, 25),
    heel_lift=st.floats(0, 30),
    free_hip=st.floats(-60, 90),
)


@given(
    pose=poses,
    scale=st.floats(0.5, 40),
    shift=st.tuples(st.floats(-5000, 5000), st.floats(-5000, 5000)),
    mirror=st.booleans(),
    tilt=st.floats(-40, 40),
)
def test_same_pose_same_numbers(
    pose: Pose, scale: float, shift: tuple[float, float], mirror: bool, tilt: float
) -> None:
    reference_points, reference_floor = photo_points(pose)
    reference = values(checker.measure_side(reference_points, reference_floor))
    points, floor = photo_points(pose, scale=scale, shift=shift, mirror=mirror, tilt_deg=tilt)
    moved = checker.measure_side(points, floor)
    assert moved.frame.facing == (-1.0 if mirror else 1.0)
    for name, value in values(moved).items():
        assert value == pytest.approx(reference[name], abs=0.11), name  # values are rounded to 0.1


@given(pose=poses)
def test_measured_angles_are_the_posed_angles(pose: Pose) -> None:
    points, _ = photo_points(pose)
    report = checker.measure_side(points)
    assert report.metrics["shin"]["value"] == pytest.approx(pose.shin, abs=0.051)
    assert report.metrics["hip_line"]["value"] == pytest.approx(pose.hip_line, abs=0.051)
    assert report.knee_angle == pytest.approx(pose.knee, abs=1e-6)


# --- degenerate input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("landmarks", "says"),
    [
        ({"shoulder": [10, 10], "hip": [10, 10], "knee": [50, 10], "ankle": [50, 60]}, "same spot"),
        ({"shoulder": [0, 0], "hip": [100, 0], "knee": [200, 0.5], "ankle": [300, 1]}, "one line"),
        (
            {"shoulder": [0, 0], "hip": [100, 100], "knee": [200, 200], "ankle": [300, 300]},
            "one line",
        ),
        (
            {"shoulder": [0, 500], "hip": [400, 500], "knee": [800, 900], "ankle": [800, 500]},
            "not above",
        ),
        ({"shoulder": [0, 500], "knee": [800, 900], "ankle": [800, 500]}, "not above"),
        ({"knee": [800, 900], "ankle": [800, 500]}, "not above"),  # checked with the pair alone
        ({"hip": [1, 1], "ankle": None, "knee": [1.5, 1.5]}, "same spot"),
        ({"shoulder": [0, 500], "hip": [400, 500], "knee": [800, 500], "ankle": [1, "2"]}, "ankle"),
        ({"heel": [0, 500], "toe": [-100, 500], "hip": [-400, 300]}, "toe point is behind"),
        ({"shoulder": [0, 500], "hip": [400, 500], "knee": [800, 500], "ankle": ["a", 1]}, "ankle"),
    ],
)
def test_degenerate_landmarks_give_a_clear_message(
    landmarks: dict[str, list[float]], says: str
) -> None:
    with pytest.raises(GeometryError, match=says):
        checker.measure_side(landmarks)
    answer = json.loads(
        web.call(
            "checker_side", json.dumps({"landmarks": landmarks, "width": 1000, "height": 1000})
        )
    )
    assert answer["ok"] is False and says in answer["message"]


@pytest.mark.parametrize(
    ("floor", "says"),
    [([[5, 5], [5, 5]], "same spot"), ([[0, 0], [10, 100]], "tilted"), ([[0, 0]], "two points")],
)
def test_bad_floor_lines_give_a_clear_message(floor: list[list[float]], says: str) -> None:
    points, _ = photo_points(Pose())
    with pytest.raises(GeometryError, match=says):
        checker.measure_side(points, floor)


coordinate = st.floats(-1e6, 1e6)


@given(st.dictionaries(st.sampled_from(NAMES), st.lists(coordinate, min_size=2, max_size=2)))
def test_any_landmarks_give_numbers_or_a_message_never_nan(
    landmarks: dict[str, list[float]],
) -> None:
    answer = web.call(
        "checker_side", json.dumps({"landmarks": landmarks, "width": 4000, "height": 3000})
    )
    result = json.loads(answer)  # web.call refuses NaN (allow_nan=False)
    if result["ok"]:
        assert all(math.isfinite(m["value"]) for m in result["metrics"])
    else:
        assert isinstance(result["message"], str) and result["message"]


# --- front view -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("knee_x", "leg", "sign"),
    [(130, "right", 1), (70, "right", -1), (130, "left", -1), (70, "left", 1), (100, "right", 0)],
)
def test_valgus_sign_follows_the_working_leg(knee_x: float, leg: str, sign: int) -> None:
    landmarks = {"hip": [100, 0], "knee": [knee_x, 300], "ankle": [100, 600]}
    value = checker.measure_front(landmarks, leg).metrics["valgus"]["value"]
    # issue 17: the shin's tilt from vertical (knee over ankle), not the hip-knee-ankle bend
    expected = math.degrees(math.atan2(abs(knee_x - 100), 300))
    assert value == pytest.approx(sign * expected, abs=0.05)


@given(
    knee_dx=st.floats(-200, 200),
    scale=st.floats(0.2, 20),
    tilt=st.floats(-30, 30),
    leg=st.sampled_from(["left", "right"]),
)
def test_valgus_mirrored_photo_of_the_other_leg_reads_the_same(
    knee_dx: float, scale: float, tilt: float, leg: str
) -> None:
    c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))

    def place(x: float, y: float, mirror: bool) -> list[float]:
        # The shin's tilt is read from the photo's vertical (issue 17), so the mirror image is
        # the whole photo's: mirrored after the phone's tilt.
        px = scale * (x * c - y * s)
        return [500 + (-px if mirror else px), 500 + scale * (x * s + y * c)]

    base = {"hip": (0.0, 0.0), "knee": (knee_dx, 300.0), "ankle": (0.0, 600.0)}
    other = "left" if leg == "right" else "right"
    one = checker.measure_front({k: place(*v, False) for k, v in base.items()}, leg)
    two = checker.measure_front({k: place(*v, True) for k, v in base.items()}, other)
    assume(abs(knee_dx) * scale > 3)
    assert one.metrics["valgus"]["value"] == pytest.approx(two.metrics["valgus"]["value"], abs=0.11)


# --- partial landmarks: a metric only when all its points are placed -------------------------

FULL = {k: v for k, v in photo_points(Pose(shin=7.0, hip_line=-6.0, free_hip=-20.0))[0].items()}


@pytest.mark.parametrize(
    ("placed", "measured", "waits"),
    [
        (
            (),
            [],
            {
                "shin": ["knee", "ankle", "shoulder"],
                "hip_line": ["shoulder", "hip", "knee"],
                "plane": ["shoulder", "knee"],
            },
        ),
        (
            ("shoulder",),
            [],
            {"shin": ["knee", "ankle"], "hip_line": ["hip", "knee"], "plane": ["knee"]},
        ),
        (
            ("shoulder", "hip"),
            [],
            {"shin": ["knee", "ankle"], "hip_line": ["knee"], "plane": ["knee"]},
        ),
        (("shoulder", "hip", "knee"), ["hip_line", "plane"], {"shin": ["ankle"]}),
        (
            ("shoulder", "hip", "ankle"),
            [],
            {"shin": ["knee"], "hip_line": ["knee"], "plane": ["knee"]},
        ),
        (
            ("knee", "ankle"),
            [],
            {"shin": ["shoulder"], "hip_line": ["shoulder", "hip"], "plane": ["shoulder"]},
        ),
        (("hip", "knee", "ankle"), ["shin"], {"hip_line": ["shoulder"], "plane": ["shoulder"]}),
        (("shoulder", "hip", "knee", "ankle"), ["shin", "hip_line", "plane"], {}),
        (
            ("shoulder", "hip", "knee", "ankle", "heel"),
            ["shin", "hip_line", "plane"],
            {"heel": ["toe"]},
        ),
        (
            ("hip", "free_knee"),
            ["free_leg"],
            {
                "shin": ["knee", "ankle"],
                "hip_line": ["shoulder", "knee"],
                "plane": ["shoulder", "knee"],
            },
        ),
        (
            ("free_knee",),
            [],
            {
                "shin": ["knee", "ankle", "shoulder"],
                "hip_line": ["shoulder", "hip", "knee"],
                "plane": ["shoulder", "knee"],
                "free_leg": ["hip"],
            },
        ),
        (
            ("heel", "toe", "hip"),
            ["heel"],
            {
                "shin": ["knee", "ankle"],
                "hip_line": ["shoulder", "knee"],
                "plane": ["shoulder", "knee"],
            },
        ),
        (
            ("heel", "toe"),
            [],
            {
                "shin": ["knee", "ankle", "shoulder"],
                "hip_line": ["shoulder", "hip", "knee"],
                "plane": ["shoulder", "knee"],
                "heel": ["shoulder"],
            },
        ),
    ],
)
def test_a_metric_needs_all_its_points_and_the_rest_wait(
    placed: tuple[str, ...], measured: list[str], waits: dict[str, list[str]]
) -> None:
    report = checker.measure_side({name: FULL[name] for name in placed})
    assert list(report.metrics) == measured
    assert {w["metric"]: w["needs"] for w in report.waiting} == waits
    for line in report.waiting:
        assert line["label"] == checker.THRESHOLDS[line["metric"]].label
        assert line["message"].startswith("Place the ") and line["message"].endswith(".")


@pytest.mark.parametrize(
    ("placed", "metric", "message"),
    [
        (("shoulder", "hip", "ankle"), "shin", "Place the knee to see the shin angle."),
        (("shoulder", "hip"), "shin", "Place the knee and the ankle to see the shin angle."),
        (
            ("knee", "ankle"),
            "shin",
            "Place the shoulder or the hip to see the shin angle.",
        ),
        ((), "hip_line", "Place the shoulder, the hip and the knee to see the hip line."),
        (
            ("hip",),
            "plane",
            "Place the shoulder and the knee to see the body line against the floor.",
        ),
        (("heel", "hip"), "heel", "Place the toe to see the heel lift."),
    ],
)
def test_waiting_lines_say_what_to_place(
    placed: tuple[str, ...], metric: str, message: str
) -> None:
    report = checker.measure_side({name: FULL[name] for name in placed})
    assert next(w["message"] for w in report.waiting if w["metric"] == metric) == message


def test_nothing_placed_gives_no_metric_no_facing_no_knee_angle() -> None:
    for landmarks in ({}, None, {"shoulder": None, "knee": None}):
        report = checker.measure_side(landmarks)
        assert report.metrics == {} and report.facing is None and report.knee_angle is None
        assert [w["metric"] for w in report.waiting] == ["shin", "hip_line", "plane"]
    assert not hasattr(checker, "initial_side_landmarks")  # nothing places a point for the user
    assert not hasattr(checker, "initial_front_landmarks")


subsets = st.sets(st.sampled_from(NAMES))


@given(pose=poses, placed=subsets, mirror=st.booleans(), tilt=st.floats(-30, 30))
def test_a_metric_from_some_points_equals_the_same_metric_from_all(
    pose: Pose, placed: set[str], mirror: bool, tilt: float
) -> None:
    """Facing found from another pair of points must give the same signs as v1's shoulder-ankle."""
    points, floor = photo_points(pose, mirror=mirror, tilt_deg=tilt)
    full = checker.measure_side(points, floor)
    some = checker.measure_side({n: points[n] for n in placed}, floor)
    assert set(some.metrics) <= set(full.metrics)
    for name, found in some.metrics.items():
        assert found == full.metrics[name], name
    if some.facing is not None:
        assert some.facing == full.facing
    assert set(some.metrics) | {w["metric"] for w in some.waiting} >= {"shin", "hip_line", "plane"}


# --- front view: pelvis level -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("other_hip", "expected"),
    [
        ((300, 100), 0.0),
        ((300, 120), math.degrees(math.atan2(20, 200))),  # free-leg side lower: positive
        ((300, 80), -math.degrees(math.atan2(20, 200))),
        ((-100, 120), math.degrees(math.atan2(20, 200))),  # free leg on the other side of the photo
    ],
)
def test_pelvis_level_is_positive_when_the_free_leg_side_drops(
    other_hip: tuple[float, float], expected: float
) -> None:
    for leg in ("left", "right"):
        report = checker.measure_front({"hip": [100, 100], "other_hip": list(other_hip)}, leg)
        assert report.metrics["pelvis"]["value"] == pytest.approx(expected, abs=0.05)
        assert [w["metric"] for w in report.waiting] == ["valgus"]


@pytest.mark.parametrize(
    ("drop", "verdict", "anchor"),
    [
        (0, "good", None),
        (4.9, "good", None),
        (8, "close", "hips-dropping"),
        (15, "fix", "hips-dropping"),
        (-15, "good", None),
    ],
)
def test_pelvis_verdict_and_fault(drop: float, verdict: str, anchor: str | None) -> None:
    rise = 200 * math.tan(math.radians(drop))
    found = checker.measure_front({"hip": [100, 100], "other_hip": [300, 100 + rise]}).metrics[
        "pelvis"
    ]
    assert found["verdict"] == verdict
    assert (found["fault"] or {}).get("anchor") == anchor


def test_front_waits_for_its_points() -> None:
    report = checker.measure_front({"hip": [100, 0], "knee": [130, 300]}, "right")
    assert report.metrics == {}
    assert {w["metric"]: w["needs"] for w in report.waiting} == {
        "valgus": ["ankle"],
        "pelvis": ["other_hip"],
    }
    assert report.waiting[1]["message"] == "Place the other hip to see the pelvis level."


def test_hips_one_above_the_other_are_not_a_pelvis() -> None:
    with pytest.raises(GeometryError, match="one above the other"):
        checker.measure_front({"hip": [100, 100], "other_hip": [110, 300]})
