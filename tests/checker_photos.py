"""Synthetic side photos for the angle checker, rendered with Pillow from :mod:`hipthrust.pose`.

A photo shows a plain room, a bench, the lifter's limbs as thick strokes, and a small marker of a
unique pure colour on each joint. The marker colours let a test find the joints *in the pixels*
(centroid of the marker), so the chain model -> photo -> pixel positions -> metrics is checked,
not just the model's own numbers. Used by the integration tests, the browser tests and the bench.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from hipthrust.pose import BONES, BOTTOM, Pose, joint_positions

Point = tuple[float, float]

MARKERS: dict[str, tuple[int, int, int]] = {
    "shoulder": (255, 0, 0),
    "hip": (0, 255, 0),
    "knee": (0, 0, 255),
    "ankle": (255, 0, 255),
    "heel": (0, 255, 255),
    "toe": (255, 255, 0),
    "free_knee": (255, 128, 0),
}


@dataclass(frozen=True)
class Photo:
    image: Image.Image
    joints: dict[str, Point]  # true joint centres in photo pixels (y down)
    floor: tuple[Point, Point]  # two points on the floor line, in photo pixels


def render(
    pose: Pose,
    *,
    width: int = 1600,
    height: int = 1000,
    facing: str = "right",
    tilt_deg: float = 0.0,
    marker_px: float | None = None,
) -> Photo:
    """The pose photographed side-on; ``tilt_deg`` turns the whole scene (a tilted phone)."""
    model = joint_positions(pose)
    xs = [x for x, _ in model.values()]
    ys = [y for _, y in model.values()]
    scale = min(0.75 * width / (max(xs) - min(xs)), 0.6 * height / (max(ys) - min(ys)))
    mid_x = (max(xs) + min(xs)) / 2
    mirror = -1.0 if facing == "left" else 1.0
    cos_t, sin_t = math.cos(math.radians(tilt_deg)), math.sin(math.radians(tilt_deg))
    centre = (width / 2, 0.8 * height)

    def to_photo(p: Point) -> Point:
        x, y = (p[0] - mid_x) * scale * mirror, p[1] * scale  # centimetres -> pixels, y up
        # rotate counter-clockwise (y up), then flip to y down around the floor centre
        rx, ry = x * cos_t - y * sin_t, x * sin_t + y * cos_t
        return (centre[0] + rx, centre[1] - ry)

    joints = {name: to_photo(p) for name, p in model.items()}
    floor = (to_photo((mid_x - 100.0, 0.0)), to_photo((mid_x + 100.0, 0.0)))

    image = Image.new("RGB", (width, height), (205, 200, 190))
    draw = ImageDraw.Draw(image)
    far_floor = (to_photo((mid_x - 400.0, 0.0)), to_photo((mid_x + 400.0, 0.0)))
    draw.line(far_floor, fill=(90, 80, 70), width=max(2, int(scale)))
    bench_top = joint_positions(BOTTOM)["shoulder"][1] if pose is BOTTOM else model["shoulder"][1]
    sx = model["shoulder"][0]
    bench = [
        (sx - 40.0, bench_top - 5.0),
        (sx + 5.0, bench_top - 5.0),
        (sx + 5.0, 0.0),
        (sx - 40.0, 0.0),
    ]
    draw.polygon([to_photo(p) for p in bench], fill=(60, 60, 70))
    limb = max(3, int(7 * scale))
    for a, b in BONES:
        draw.line((joints[a], joints[b]), fill=(160, 110, 90), width=limb)
    head_r = 0.06 * pose.height_cm * scale
    hx, hy = joints["head"]
    draw.ellipse((hx - head_r, hy - head_r, hx + head_r, hy + head_r), fill=(160, 110, 90))
    r = marker_px if marker_px is not None else max(3.0, 1.6 * scale)
    for name, colour in MARKERS.items():
        x, y = joints[name]
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return Photo(image, joints, floor)


def find_markers(image: Image.Image) -> dict[str, Point]:
    """Centre of each joint marker: the mean position of its pure-colour pixels (pixel centres)."""
    rgb = image.convert("RGB")
    width = rgb.width
    sums = {name: [0.0, 0.0, 0] for name in MARKERS}
    colours = {colour: name for name, colour in MARKERS.items()}
    pixels = rgb.get_flattened_data() if hasattr(rgb, "get_flattened_data") else rgb.getdata()
    for index, pixel in enumerate(pixels):
        name = colours.get(pixel)
        if name is not None:
            y, x = divmod(index, width)
            s = sums[name]
            s[0] += x + 0.5
            s[1] += y + 0.5
            s[2] += 1
    return {name: (s[0] / s[2], s[1] / s[2]) for name, s in sums.items() if s[2]}


def empty_room(width: int = 1600, height: int = 1000) -> bytes:
    """A photo with nobody in it: a wall, a floor line and a bench."""
    image = Image.new("RGB", (width, height), (205, 200, 190))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(0.8 * height), width, height), fill=(120, 110, 100))
    draw.rectangle(
        (int(0.6 * width), int(0.6 * height), int(0.8 * width), int(0.8 * height)),
        fill=(60, 60, 70),
    )
    return encode(image)


def encode(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def exif_rotated_jpeg(image: Image.Image) -> bytes:
    """A JPEG whose pixels are stored turned a quarter turn, with EXIF orientation 6 to undo it.

    Orientation 6 means "rotate 90° clockwise to display", so the stored pixels are the upright
    picture turned 90° counter-clockwise; a viewer that respects EXIF shows ``image`` upright.
    """
    stored = image.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(stored, "JPEG", quality=95, exif=exif.tobytes())
