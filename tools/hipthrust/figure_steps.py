"""Drawings for the ladder's steps that the other figures do not cover: the B-stance hip thrust.

The kickstand leg is the "foot too far" leg of :mod:`hipthrust.figure_poses` (the same stick model,
its ankle 12 cm past the working ankle) with the foot turned up on its heel: it rests on the floor,
toes up, and only steadies the lifter. It is drawn behind the working leg (the far, lighter side),
from the top position's hip, so the working leg, shin vertical, is the correct top as everywhere.
"""

from __future__ import annotations

import math
from typing import Final

from . import svg
from .figure_drawing import flip, line_reference, side
from .figure_poses import FOOT_FAR
from .pose import TOP, joint_positions

KICKSTAND_TOES_UP_DEGREES: Final = 40.0  # the kickstand foot's sole against the floor
_FOOT_LENGTH: Final = 26.6  # cm, heel to toe of the model's working foot


def _kickstand() -> str:
    hip = joint_positions(TOP)["hip"]
    far = joint_positions(FOOT_FAR)
    knee, ankle = far["knee"], far["ankle"]
    heel = (ankle[0] - 2.0, 0.0)
    angle = math.radians(KICKSTAND_TOES_UP_DEGREES)
    toe = (heel[0] + _FOOT_LENGTH * math.cos(angle), _FOOT_LENGTH * math.sin(angle))
    points = [flip(p) for p in (hip, knee, ankle, heel, toe, ankle)]
    return svg.polyline(points, class_="ht-far ht-leg")


def b_stance_svg() -> str:
    """The B-stance top: working foot flat, shin vertical; the other foot forward on its heel."""
    return side(
        TOP,
        "B-stance hip thrust at the top: the working foot flat with the shin vertical, the other"
        " foot a little further forward resting on its heel with the toes up, for balance only.",
        free_leg=False,
        references=(line_reference,),
        extras=(_kickstand(),),
    )
