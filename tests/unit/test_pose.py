"""The stick model: the top position really is a vertical shin and a straight line, angles and
points agree both ways (forward and inverse kinematics), and the named poses fit together."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hipthrust.pose import (
    BOTTOM,
    JOINTS,
    SHANK,
    TOP,
    Pose,
    angles_from_points,
    circle_intersection,
    joint_positions,
    mirrored,
    pose_through,
)


def _angle_at(a, b, c) -> float:
    """Inside angle at ``b`` in degrees."""
    ab = math.atan2(a[1] - b[1], a[0] - b[0])
    cb = math.atan2(c[1] - b[1], c[0] - b[0])
    angle = abs(math.degrees(ab - cb)) % 360.0
    return 360.0 - angle if angle > 180.0 else angle


def test_top_position_has_a_vertical_shin() -> None:
    joints = joint_positions(TOP)
    ankle, knee = joints["ankle"], joints["knee"]
    from_vertical = math.degrees(math.atan2(knee[0] - ankle[0], knee[1] - ankle[1]))
    assert from_vertical == pytest.approx(0.0, abs=1e-9)
    assert knee[1] > ankle[1]


def test_top_position_has_a_straight_shoulder_hip_knee_line() -> None:
    joints = joint_positions(TOP)
    assert _angle_at(joints["shoulder"], joints["hip"], joints["knee"]) == pytest.approx(180.0)
    # the shoulders are on the bench side, the knee on the foot side
    assert joints["shoulder"][0] < joints["hip"][0] < joints["knee"][0]


def test_top_knee_is_bent_to_a_right_angle_with_the_thigh_level() -> None:
    joints = joint_positions(TOP)
    assert _angle_at(joints["ankle"], joints["knee"], joints["hip"]) == pytest.approx(TOP.knee)
    assert joints["hip"][1] == pytest.approx(joints["knee"][1])


def test_joint_names_are_the_contract() -> None:
    assert tuple(joint_positions(TOP)) == JOINTS
    assert tuple(joint_positions(BOTTOM)) == JOINTS


def test_bottom_keeps_the_shoulders_on_the_bench_and_the_hips_low() -> None:
    top, bottom = joint_positions(TOP), joint_positions(BOTTOM)
    assert math.dist(top["shoulder"], bottom["shoulder"]) < 2.0
    assert bottom["hip"][1] < top["hip"][1] - 25.0
    assert bottom["ankle"] == top["ankle"]


@pytest.mark.parametrize(("field", "sign"), [("shin", 1), ("hip_line", 1)])
def test_sign_conventions(field: str, sign: int) -> None:
    """Positive shin: knee further from the shoulders than the ankle; positive hip_line: hip
    above the shoulder-knee line (the module's docstring)."""
    joints = joint_positions(Pose(**{field: 10.0}))
    if field == "shin":
        assert sign * (joints["knee"][0] - joints["ankle"][0]) > 0
    else:
        shoulder, hip, knee = joints["shoulder"], joints["hip"], joints["knee"]
        cross = (knee[0] - shoulder[0]) * (hip[1] - shoulder[1]) - (knee[1] - shoulder[1]) * (
            hip[0] - shoulder[0]
        )
        assert sign * cross > 0  # hip on the left of shoulder->knee, i.e. above it


def test_foot_raise_lifts_the_whole_figure() -> None:
    flat, raised = joint_positions(TOP), joint_positions(Pose(foot_raise=12.0))
    for name in JOINTS:
        assert raised[name][0] == pytest.approx(flat[name][0])
        assert raised[name][1] == pytest.approx(flat[name][1] + 12.0)


angles = st.fixed_dictionaries(
    {
        "shin": st.floats(-45, 45),
        "knee": st.floats(45, 175),
        "hip_line": st.floats(-120, 40),
    }
)


@given(angles)
def test_angles_survive_a_round_trip_through_points(values: dict[str, float]) -> None:
    joints = joint_positions(Pose(**values))
    measured = angles_from_points(
        joints["ankle"], joints["knee"], joints["hip"], joints["shoulder"]
    )
    for name, value in values.items():
        assert measured[name] == pytest.approx(value, abs=1e-6)


@given(angles, st.floats(-30, 30), st.floats(-10, 10))
def test_pose_through_puts_hip_and_shoulder_where_asked(
    values: dict[str, float], dx: float, dy: float
) -> None:
    original = joint_positions(Pose(**values))
    hip = (original["hip"][0] + dx, original["hip"][1] + dy)
    try:
        posed = pose_through(TOP, hip=hip, shoulder=original["shoulder"])
    except ValueError:
        return  # the leg cannot reach that hip: nothing to check
    joints = joint_positions(posed)
    assert joints["hip"] == pytest.approx(hip, abs=1e-6)
    assert math.dist(joints["ankle"], joints["knee"]) == pytest.approx(SHANK * TOP.height_cm)
    # the trunk points at the requested shoulder
    direction = math.atan2(
        original["shoulder"][1] - hip[1], original["shoulder"][0] - hip[0]
    ) - math.atan2(joints["shoulder"][1] - hip[1], joints["shoulder"][0] - hip[0])
    assert math.sin(direction) == pytest.approx(0.0, abs=1e-9)


def test_circle_intersection_refuses_points_out_of_reach() -> None:
    with pytest.raises(ValueError):
        circle_intersection((0.0, 0.0), 1.0, (5.0, 0.0), 1.0)
    x, y = circle_intersection((0.0, 0.0), 5.0, (8.0, 0.0), 5.0)
    assert (x, y) == pytest.approx((4.0, 3.0))


def test_mirrored_flips_only_x() -> None:
    joints = joint_positions(TOP)
    flipped = mirrored(joints, axis_x=10.0)
    assert all(flipped[n] == pytest.approx((20.0 - x, y)) for n, (x, y) in joints.items())
