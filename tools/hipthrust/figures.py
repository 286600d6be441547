"""The guide's figures: inline SVG drawn from the stick model in :mod:`hipthrust.pose`.

Every side view is a :class:`~hipthrust.pose.Pose` drawn in one fixed frame (centimetres, the
floor at y = 0, the bench in the same place), so the figures agree with each other and with the
angle checker's geometry. Faults are the correct pose with one angle changed, re-posed with
:func:`~hipthrust.pose.pose_through` so the shoulders stay on the bench.

Styling is by CSS class only (``docs/stylesheets/guide.css``), so the markup follows the light and
dark palettes. Each SVG carries a ``<title>`` that says what matters in the picture: it is the
figure's alt text. Numbers come from :mod:`hipthrust.guide` (tempo, hold) and the source article
(vertical shin, straight shoulders-hips-knee line, free leg bent about 90 degrees).

This module is the catalogue (name -> panels, labels, caption) and its HTML; the drawing is in
:mod:`hipthrust.figure_drawing`, the positions in :mod:`hipthrust.figure_poses`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Final

from . import guide
from .figure_drawing import (
    DUMBBELL_ABOVE_HIP,
    arrow,
    dumbbell,
    flip,
    front_view,
    hold_marker,
    line_reference,
    pad,
    pelvis_view,
    shin_reference,
    side,
    tempo_graph,
)
from .figure_poses import (
    ARCHED,
    BRIDGE_TOP,
    ELEVATED_BOTTOM,
    ELEVATED_TOP,
    FOOT_CLOSE,
    FOOT_FAR,
    FREE_LEG_DOWN,
    FREE_LEG_STRAIGHT,
    HEEL_DRIVE,
    MIDWAY,
    ON_TOES,
    SAGGING,
    SETUP,
    holding,
)
from .figure_steps import b_stance_svg
from .pose import BOTTOM, TOP, Point, Pose, joint_positions

# -----------------------------------------------------------------------------
# The catalogue: figure name -> panels (svg, label) and caption
# -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Panel:
    svg: str
    label: str
    verdict: str = ""  # "good", "bad" or "" (neutral)


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    caption: str
    panels: tuple[Panel, ...]


_LINE = (line_reference,)
_SHIN = (shin_reference,)
# The correction shown beside both foot-placement faults.
_SHIN_VERTICAL_FIX = Panel(
    side(
        TOP,
        "Fix: knee directly over the ankle, shin vertical on the dashed line.",
        references=_SHIN,
    ),
    "Shin vertical",
    "good",
)


def _motion(
    pose: Pose,
    joint: str,
    direction: float,
    *,
    offset: Point = (0.0, 0.0),
    length: float = 24.0,
    bad: bool = False,
) -> str:
    """A motion arrow (model cm) starting ``offset`` from ``joint``, pointing ``direction`` degrees
    (0 = towards the feet, 90 = up). In a fault panel (``bad``) it shows the wrong motion."""
    x, y = joint_positions(pose)[joint]
    start = (x + offset[0], y + offset[1])
    angle = math.radians(direction)
    end = (start[0] + length * math.cos(angle), start[1] + length * math.sin(angle))
    return arrow(flip(start), flip(end), class_="ht-arrow ht-arrow--bad" if bad else "ht-arrow")


def _figures() -> dict[str, Figure]:
    hold = guide.TOP_HOLD_PROGRESSION_SECONDS
    lo, hi = guide.LOWERING_SECONDS_MIN, guide.LOWERING_SECONDS_MAX
    top_joints = joint_positions(TOP)
    crease = top_joints["hip"]
    figures = [
        Figure(
            "setup",
            "Start seated on the floor: bench behind you, free leg up, core braced.",
            (
                Panel(
                    side(
                        SETUP,
                        "Setup: seated on the floor, the lower edge of the shoulder blades on the edge of a bench that is secured against a wall, working foot flat, free leg lifted and bent.",
                    ),
                    "Set up on the floor",
                ),
            ),
        ),
        Figure(
            "bottom-top",
            f"Lower in {lo}\N{EN DASH}{hi} s, drive up to a straight line. The shoulders pivot on the bench.",
            (
                Panel(
                    side(
                        BOTTOM,
                        "Bottom position: hips just above the floor, shoulders on the bench, free leg up; an arrow shows the hips driving up.",
                        references=_SHIN,
                        extras=(_motion(BOTTOM, "hip", 90.0, offset=(12.0, 4.0)),),
                    ),
                    "Bottom",
                ),
                Panel(
                    side(
                        TOP,
                        "Top position: shoulders, hips and knee in one straight line, knee directly over the ankle so the shin is vertical, free leg up.",
                        references=_LINE + _SHIN,
                    ),
                    "Top",
                    "good",
                ),
            ),
        ),
        Figure(
            "top",
            "The top: straight shoulders\N{EN DASH}hips\N{EN DASH}knee line, shin vertical, free leg up.",
            (
                Panel(
                    side(
                        TOP,
                        "Top position: shoulders, hips and knee in one straight line (dashed), knee directly over the ankle so the shin is vertical (dashed), free leg bent about 90 degrees and kept up.",
                        references=_LINE + _SHIN,
                    ),
                    "Top position",
                    "good",
                ),
            ),
        ),
        Figure(
            "free-leg",
            "Free leg: bent about 90° or straight, kept up all set.",
            (
                Panel(side(TOP, "Free leg bent about 90 degrees, held up."), "Bent ~90°", "good"),
                Panel(side(FREE_LEG_STRAIGHT, "Free leg straight, held up."), "Straight", "good"),
            ),
        ),
        Figure(
            "lower-back-arching",
            "Hips pushed above the line arch the lower back. Stop at the line.",
            (
                Panel(
                    side(
                        ARCHED,
                        "Fault: hips pushed above the dashed shoulder-to-knee line, lower back arched.",
                        references=_LINE,
                        highlight=("torso",),
                        extras=(
                            _motion(ARCHED, "hip", 90.0, offset=(0.0, 12.0), length=18.0, bad=True),
                        ),
                    ),
                    "Arched",
                    "bad",
                ),
                Panel(
                    side(
                        TOP,
                        "Fix: hips on the dashed shoulder-to-knee line, ribs down, pelvis tucked.",
                        references=_LINE,
                    ),
                    "Flat line",
                    "good",
                ),
            ),
        ),
        Figure(
            "hips-not-fully-extended",
            "Hips below the line: drive up until they meet it.",
            (
                Panel(
                    side(
                        SAGGING,
                        "Fault: hips sag below the dashed shoulder-to-knee line at the top.",
                        references=_LINE,
                        highlight=("torso",),
                    ),
                    "Hips low",
                    "bad",
                ),
                Panel(
                    side(
                        TOP,
                        "Fix: hips driven up onto the dashed shoulder-to-knee line.",
                        references=_LINE,
                        extras=(_motion(TOP, "hip", 90.0, offset=(0.0, -34.0), length=22.0),),
                    ),
                    "Full extension",
                    "good",
                ),
            ),
        ),
        Figure(
            "foot-too-close",
            "Knee ahead of the ankle: slide the foot out.",
            (
                Panel(
                    side(
                        FOOT_CLOSE,
                        "Fault: foot too close, the knee is ahead of the dashed vertical through the ankle.",
                        references=_SHIN,
                        highlight=("leg",),
                        extras=(
                            _motion(
                                FOOT_CLOSE, "knee", 0.0, offset=(4.0, 12.0), length=16.0, bad=True
                            ),
                        ),
                    ),
                    "Foot too close",
                    "bad",
                ),
                _SHIN_VERTICAL_FIX,
            ),
        ),
        Figure(
            "foot-too-far",
            "Knee behind the ankle: bring the foot in.",
            (
                Panel(
                    side(
                        FOOT_FAR,
                        "Fault: foot too far, the knee is behind the dashed vertical through the ankle.",
                        references=_SHIN,
                        highlight=("leg",),
                        extras=(
                            _motion(
                                FOOT_FAR, "knee", 180.0, offset=(-4.0, 12.0), length=16.0, bad=True
                            ),
                        ),
                    ),
                    "Foot too far",
                    "bad",
                ),
                _SHIN_VERTICAL_FIX,
            ),
        ),
        Figure(
            "pushing-off-the-toes",
            "Heel up means toes drive. Keep the heel down.",
            (
                Panel(
                    side(ON_TOES, "Fault: heel lifted, pushing off the toes.", highlight=("foot",)),
                    "On the toes",
                    "bad",
                ),
                Panel(
                    side(
                        HEEL_DRIVE,
                        "Fix: whole foot rooted, pressure through the heel and midfoot; the toes may lift a little.",
                    ),
                    "Heel and midfoot",
                    "good",
                ),
            ),
        ),
        Figure(
            "knee-caving-in",
            "Seen from your feet: keep the knee over the ankle.",
            (
                Panel(
                    front_view(
                        9.0,
                        band=False,
                        title="Fault, seen from the feet: the working knee caves in towards the midline, off the dashed line above the ankle.",
                    ),
                    "Knee caves in",
                    "bad",
                ),
                Panel(
                    front_view(
                        0.0,
                        band=False,
                        title="Fix, seen from the feet: the working knee stays over the ankle, in line with hip and ankle.",
                    ),
                    "Knee over ankle",
                    "good",
                ),
            ),
        ),
        Figure(
            "hips-dropping",
            "Seen from your feet: keep the belt buckle level.",
            (
                Panel(
                    pelvis_view(
                        12.0,
                        title="Fault, seen from the feet at the top: the free leg's side of the pelvis drops below the dashed level line, so one hip bone sits lower than the other.",
                    ),
                    "Hips drop",
                    "bad",
                ),
                Panel(
                    pelvis_view(
                        0.0,
                        title="Fix, seen from the feet at the top: both hip bones level on the dashed line, belt buckle level, free thigh straight up.",
                    ),
                    "Hips level",
                    "good",
                ),
            ),
        ),
        Figure(
            "bouncing-off-the-floor",
            "Hip height over time: a bounce versus a controlled rep.",
            (
                Panel(
                    tempo_graph(
                        False,
                        "Fault: hip height over time drops and rebounds in quick sharp V shapes, with no pause.",
                    ),
                    "Bouncing",
                    "bad",
                ),
                Panel(
                    tempo_graph(
                        True,
                        f"Fix: hip height over time with a pause at the top and a slow {lo} to {hi} second lowering.",
                    ),
                    "Controlled",
                    "good",
                ),
            ),
        ),
        Figure(
            "free-leg-dropping",
            "The free foot drifts down: keep it up.",
            (
                Panel(
                    side(
                        FREE_LEG_DOWN,
                        "Fault: the free leg drifts down towards the floor.",
                        highlight=("free_leg",),
                        extras=(
                            _motion(
                                FREE_LEG_DOWN,
                                "free_ankle",
                                -90.0,
                                offset=(12.0, 14.0),
                                length=20.0,
                                bad=True,
                            ),
                        ),
                    ),
                    "Free leg drops",
                    "bad",
                ),
                Panel(
                    side(TOP, "Fix: free leg held up, bent about 90 degrees."),
                    "Free leg up",
                    "good",
                ),
            ),
        ),
        Figure(
            "glute-bridge",
            "Regression: the floor glute bridge, both feet down.",
            (
                Panel(
                    side(
                        BRIDGE_TOP,
                        "Regression: glute bridge on the floor, shoulders and head on the floor, both feet down, hips lifted to a straight line.",
                        bench=False,
                        free_leg=False,
                        second_leg=True,
                        references=_LINE,
                    ),
                    "Glute bridge",
                ),
            ),
        ),
        Figure(
            "two-up-one-down",
            "Regression: up on two feet, down on one.",
            (
                Panel(
                    side(
                        TOP,
                        "Two up: both feet on the floor, hips driven up to a straight line.",
                        free_leg=False,
                        second_leg=True,
                        extras=(_motion(TOP, "hip", 90.0, offset=(0.0, -34.0), length=22.0),),
                    ),
                    "Up on two",
                ),
                Panel(
                    side(
                        MIDWAY,
                        "One down: one foot lifted, lowering slowly on the working leg.",
                        extras=(_motion(MIDWAY, "hip", -90.0, offset=(0.0, -8.0), length=20.0),),
                    ),
                    "Down on one",
                ),
            ),
        ),
        Figure(
            "load",
            "Progression: a dumbbell or kettlebell across the hip crease.",
            (
                Panel(
                    side(
                        holding(TOP, (crease[0], crease[1] + DUMBBELL_ABOVE_HIP)),
                        "Progression: a dumbbell resting across the hip crease at the top position, a towel under it, the hand on the working side keeping it in place.",
                        extras=(pad(crease), dumbbell(crease)),
                        near_arm=True,
                    ),
                    "Load on the hips",
                ),
            ),
        ),
        Figure(
            "top-hold",
            f"Progression: hold the top for {hold} s.",
            (
                Panel(
                    side(
                        TOP,
                        f"Progression: hold the top position for about {hold} seconds.",
                        extras=(hold_marker(crease),),
                    ),
                    f"Hold {hold} s",
                ),
            ),
        ),
        Figure(
            "band",
            "Progression: a band around the knees, pushed apart.",
            (
                Panel(
                    front_view(
                        0.0,
                        band=True,
                        title="Progression, seen from the feet: a resistance band around the knees; the working knee stays over the ankle.",
                    ),
                    "Band around the knees",
                ),
            ),
        ),
        Figure(
            "foot-elevated",
            "Progression: working foot on a plate or low step for a deeper bottom.",
            (
                Panel(
                    side(
                        ELEVATED_BOTTOM,
                        "Progression: working foot raised on a step, hips lower than the foot at the bottom, a deeper stretch.",
                    ),
                    "Deeper bottom",
                ),
                Panel(
                    side(
                        ELEVATED_TOP,
                        "Foot raised on a step at the top: still a straight line and a vertical shin.",
                        references=_LINE,
                    ),
                    "Top",
                ),
            ),
        ),
        # issue 17: the B-stance step (drawn in figure_steps, kept apart from the entries above)
        Figure(
            "b-stance",
            "B-stance (kickstand): one foot works, the other steadies on its heel.",
            (Panel(b_stance_svg(), "B-stance"),),
        ),
    ]
    return {figure.name: figure for figure in figures}


FIGURES: Final = _figures()


def figure_html(name: str) -> str:
    """The figure as HTML for a Markdown page (raw block): panels side by side and a caption."""
    figure = FIGURES[name]
    panels = "".join(
        f'<div class="ht-panel{f" ht-panel--{p.verdict}" if p.verdict else ""}">{p.svg}'
        f'<span class="ht-label">{_mark(p.verdict)}{escape(p.label)}</span></div>'
        for p in figure.panels
    )
    return (
        f'<figure class="ht-figure ht-figure--{len(figure.panels)}" id="fig-{name}">'
        f'<div class="ht-panels">{panels}</div>'
        f"<figcaption>{escape(figure.caption)}</figcaption></figure>"
    )


def _mark(verdict: str) -> str:
    return {
        "good": '<span class="ht-verdict">✓ </span>',
        "bad": '<span class="ht-verdict">✗ </span>',
    }.get(verdict, "")
