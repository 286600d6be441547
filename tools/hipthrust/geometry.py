"""Plane geometry for the angle checker: photo pixels in, degrees out, plain ``math``.

Photos use image coordinates (x right, y DOWN, pixels). The checker's angles are defined in the
side-view model's frame (:mod:`hipthrust.pose`: y up, the person facing +x, shoulders at smaller x
than the working foot), so :class:`Frame` maps photo pixels into that frame:

1. *level*: "up" is the photo's up, or perpendicular to a floor line the user marked (a tilted
   phone must not fake a tilted shin);
2. *facing*: mirrored if the shoulders are on the right of the ankle, so the signs of the angles
   never depend on which way the lifter faces. Facing is detected from the points, never asked.

Angles come from ``atan2`` of cross and dot products, so they are exact for any length and never
divide by zero; points closer than :data:`MIN_SEPARATION_PX` are rejected with a message instead
(an angle between two points on one spot is noise).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

Point = tuple[float, float]

# Two landmarks nearer than this (in photo pixels) are "on one spot": no direction between them.
MIN_SEPARATION_PX: Final = 2.0
# A floor line steeper than this cannot be a floor photographed side-on by a roughly level phone.
MAX_FLOOR_TILT_DEG: Final = 45.0


class GeometryError(ValueError):
    """Landmarks that give no meaningful angle; the message is shown to the user as it is."""


def check_point(name: str, point: object) -> Point:
    """A finite ``(x, y)`` pair, or a :class:`GeometryError` naming the landmark."""
    if (
        not isinstance(point, list | tuple)
        or len(point) != 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)
    ):
        raise GeometryError(f"The {label(name)} point is missing.")
    x, y = float(point[0]), float(point[1])
    if not (math.isfinite(x) and math.isfinite(y)):
        raise GeometryError(f"The {label(name)} point is not a position on the photo.")
    return (x, y)


def label(name: str) -> str:
    return name.replace("_", " ")


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def length(v: Point) -> float:
    return math.hypot(v[0], v[1])


def cross(a: Point, b: Point) -> float:
    return a[0] * b[1] - a[1] * b[0]


def dot(a: Point, b: Point) -> float:
    return a[0] * b[0] + a[1] * b[1]


def signed_angle(a: Point, b: Point) -> float:
    """Degrees to turn direction ``a`` into direction ``b``, counter-clockwise positive (y up)."""
    return math.degrees(math.atan2(cross(a, b), dot(a, b)))


def require_apart(points: dict[str, Point], *pairs: tuple[str, str]) -> None:
    """Raise a clear message if any named pair of landmarks sits on one spot."""
    for first, second in pairs:
        if length(sub(points[first], points[second])) < MIN_SEPARATION_PX:
            raise GeometryError(
                f"The {label(first)} and {label(second)} points are on the same spot: "
                f"drag them onto the joints."
            )


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps photo pixels to the model frame: level (``up``) and facing (``facing`` = +1 or -1)."""

    up: Point  # unit vector, in photo pixels, pointing up (away from the floor)
    facing: float = 1.0

    def vector(self, v: Point) -> Point:
        """A photo-pixel vector in model coordinates (y up, person facing +x)."""
        # In y-down image coordinates, "up" turned a quarter turn clockwise is "right".
        right = (-self.up[1], self.up[0])
        return (dot(v, right) * self.facing, dot(v, self.up))

    def point(self, p: Point) -> Point:
        return self.vector(p)


def level_up(floor: tuple[Point, Point] | None) -> Point:
    """The photo's "up" as a unit vector: straight up, or perpendicular to the marked floor."""
    if floor is None:
        return (0.0, -1.0)
    a, b = floor
    along = sub(b, a)
    size = length(along)
    if size < MIN_SEPARATION_PX:
        raise GeometryError(
            "The two floor points are on the same spot: mark two points on the floor."
        )
    ux, uy = along[0] / size, along[1] / size
    if ux < 0:  # the floor direction is a line, not an arrow: point it to the photo's right
        ux, uy = -ux, -uy
    tilt = math.degrees(math.atan2(-uy, ux))
    if abs(tilt) > MAX_FLOOR_TILT_DEG:
        raise GeometryError(
            f"The floor line is tilted {abs(tilt):.0f}°: mark two points on the floor, "
            f"or hold the phone level (landscape)."
        )
    # Up is the floor direction turned a quarter turn counter-clockwise on screen (y down).
    return (uy, -ux)


def side_frame(shoulder: Point, ankle: Point, floor: tuple[Point, Point] | None) -> Frame:
    """The frame of a side photo; facing +1 when the shoulders are left of the ankle (level)."""
    up = level_up(floor)
    level = Frame(up)
    across = level.vector(sub(ankle, shoulder))[0]
    return Frame(up, 1.0 if across >= 0 else -1.0)


def direction_deg(v: Point) -> float:
    """Direction of a model-frame vector, degrees counter-clockwise from +x, in (-180, 180]."""
    return math.degrees(math.atan2(v[1], v[0]))


def from_vertical_deg(v: Point) -> float:
    """Angle of a model-frame vector from straight up, positive leaning towards +x."""
    return math.degrees(math.atan2(v[0], v[1]))


def inside_angle_deg(vertex: Point, a: Point, b: Point) -> float:
    """The unsigned angle at ``vertex`` between the rays to ``a`` and ``b`` (0-180)."""
    return abs(signed_angle(sub(a, vertex), sub(b, vertex)))
