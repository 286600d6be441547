"""Synthetic photos rendered from the pose model at known angles: marker centres found in the
pixels, measured by the checker, give back the angles the photo was posed with (within 0.5°)."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from hipthrust import checker
from hipthrust.pose import Pose, joint_positions
from tests.checker_photos import encode, exif_rotated_jpeg, find_markers, render

TOLERANCE_DEG = 0.5

POSES = [
    Pose(),
    Pose(shin=7.0),
    Pose(shin=-12.0, knee=100.0),
    Pose(hip_line=9.0),
    Pose(hip_line=-14.0, shin=3.0),
    Pose(shin=15.0, hip_line=-6.0, knee=80.0),
    Pose(heel_lift=20.0, free_hip=-30.0),
]


def _true_heel_and_free_leg(pose: Pose) -> tuple[float, float]:
    j = joint_positions(pose)
    foot = (j["toe"][0] - j["heel"][0], j["toe"][1] - j["heel"][1])
    free = (j["free_knee"][0] - j["hip"][0], j["free_knee"][1] - j["hip"][1])
    return (
        -math.degrees(math.atan2(foot[1], foot[0])),
        math.degrees(math.atan2(free[1], abs(free[0]))),
    )


@pytest.mark.parametrize("pose", POSES, ids=lambda p: f"shin{p.shin:g}_hip{p.hip_line:g}")
@pytest.mark.parametrize(
    ("facing", "tilt"), [("right", 0.0), ("left", 0.0), ("right", 8.0), ("left", -11.0)]
)
def test_markers_in_the_photo_give_the_posed_angles(pose: Pose, facing: str, tilt: float) -> None:
    photo = render(pose, facing=facing, tilt_deg=tilt)
    # Through PNG bytes and back, as the browser gets them.
    image = Image.open(io.BytesIO(encode(photo.image)))
    found = find_markers(image)
    for name, (x, y) in photo.joints.items():
        if name in found:
            assert math.hypot(found[name][0] - x, found[name][1] - y) < 1.0, name
    floor = [list(photo.floor[0]), list(photo.floor[1])] if tilt else None
    report = checker.measure_side({k: list(v) for k, v in found.items()}, floor)
    heel, free_leg = _true_heel_and_free_leg(pose)
    expected = {"shin": pose.shin, "hip_line": pose.hip_line, "heel": heel, "free_leg": free_leg}
    for name, value in expected.items():
        assert report.metrics[name]["value"] == pytest.approx(value, abs=TOLERANCE_DEG), name
    assert report.frame.facing == (1.0 if facing == "right" else -1.0)


def test_a_tilted_phone_without_a_floor_line_reads_the_tilt_into_the_shin() -> None:
    """Why the floor line exists: the same vertical shin, photographed tilted, reads as tilted."""
    photo = render(Pose(), tilt_deg=6.0)
    found = find_markers(photo.image)
    plain = checker.measure_side({k: list(v) for k, v in found.items()})
    levelled = checker.measure_side(
        {k: list(v) for k, v in found.items()}, [list(photo.floor[0]), list(photo.floor[1])]
    )
    assert abs(plain.metrics["shin"]["value"]) == pytest.approx(6.0, abs=TOLERANCE_DEG)
    assert levelled.metrics["shin"]["value"] == pytest.approx(0.0, abs=TOLERANCE_DEG)


def test_exif_rotated_jpeg_is_upright_once_its_orientation_is_applied() -> None:
    """The browser tests rely on this file: stored sideways, shown upright."""
    from PIL import ImageOps

    photo = render(Pose(shin=6.0), width=900, height=600)
    data = exif_rotated_jpeg(photo.image)
    stored = Image.open(io.BytesIO(data))
    assert stored.size == (600, 900)
    assert ImageOps.exif_transpose(stored).size == (900, 600)
