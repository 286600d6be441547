"""The guide's figures: inline SVG drawn from the stick model in :mod:`hipthrust.pose`.

Every side view is a :class:`~hipthrust.pose.Pose` drawn in one fixed frame (centimetres, the
floor at y = 0, the bench in the same place), so the figures agree with each other and with the
angle checker's geometry. Faults are the correct pose with one angle changed, re-posed with
:func:`~hipthrust.pose.pose_through` so the shoulders stay on the bench.

Styling is by CSS class only (``docs/stylesheets/guide.css``), so the markup follows the light and
dark palettes. Each SVG carries a ``<title>`` that says what matters in the picture: it is the
figure's alt text. Numbers come from :mod:`hipthrust.guide` (tempo, hold) and the source article
(vertical shin, straight shoulders-hips-knee line, free leg bent about 90 degrees).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from html import escape
from typing import Final

from . import guide, svg
from .pose import BOTTOM, TOP, TRUNK, Point, Pose, joint_positions, pose_through
from .tempo import parse_tempo

# The fixed frame of every side view (model centimetres, y up): x from -165 to 45, y from -4 to 126.
FRAME: Final = (-165.0, -4.0, 210.0, 130.0)
BENCH_TOP: Final = 42.0  # cm; the guide's "about 33-43 cm" bench, edge under the shoulder blades
BENCH_EDGE_X: Final = -86.0
BENCH_BACK_X: Final = -165.0
LIMB: Final = 9.0  # stroke widths in cm: a silhouette, not a skeleton
GRAPH_UNITS_PER_SECOND: Final = 9.0  # tempo graph: x units per second of the rep
TORSO: Final = 14.0
ARM: Final = 6.0

TOP_SHOULDER: Final = joint_positions(TOP)["shoulder"]
TOP_HIP: Final = joint_positions(TOP)["hip"]
TRUNK_CM: Final = TRUNK * TOP.height_cm


def _flip(point: Point) -> Point:
    """Model (y up) to SVG (y down)."""
    return (point[0], -point[1])


def _view_box(frame: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, width, height = frame
    return (x, -(y + height), width, height)


# -----------------------------------------------------------------------------
# Drawing pieces
# -----------------------------------------------------------------------------


def _floor(x0: float = FRAME[0], x1: float = FRAME[0] + FRAME[2]) -> str:
    return svg.line((x0, 0.0), (x1, 0.0), class_="ht-floor")


def _bench(top: float = BENCH_TOP) -> str:
    return svg.element(
        "rect",
        x=BENCH_BACK_X,
        y=-top,
        width=BENCH_EDGE_X - BENCH_BACK_X,
        height=top,
        rx=2.0,
        class_="ht-bench",
    )


def _step(x: float, height: float) -> str:
    return svg.element(
        "rect", x=x - 14.0, y=-height, width=30.0, height=height, rx=1.5, class_="ht-bench"
    )


def _body(
    joints: dict[str, Point],
    *,
    free_leg: bool = True,
    second_leg: bool = False,
    highlight: Iterable[str] = (),
) -> list[str]:
    """The figure: far limbs first (lighter), then the working leg, trunk and head."""
    p = {name: _flip(point) for name, point in joints.items()}
    marked = set(highlight)
    parts: list[str] = []
    parts.append(svg.polyline([p["shoulder"], p["elbow"], p["hand"]], class_="ht-far ht-arm"))
    if free_leg:
        parts.append(
            svg.polyline(
                [p["hip"], p["free_knee"], p["free_ankle"]],
                class_="ht-far ht-leg" + (" ht-mark" if "free_leg" in marked else ""),
            )
        )
    if second_leg:
        parts.append(svg.polyline([p["hip"], p["knee"], p["ankle"]], class_="ht-far ht-leg"))
    parts.append(
        svg.polyline(
            [p["heel"], p["toe"], p["ankle"], p["heel"]],
            class_="ht-body ht-foot" + (" ht-mark" if "foot" in marked else ""),
        )
    )
    parts.append(
        svg.polyline(
            [p["ankle"], p["knee"], p["hip"]],
            class_="ht-body ht-leg" + (" ht-mark" if "leg" in marked else ""),
        )
    )
    parts.append(
        svg.line(
            p["hip"],
            p["shoulder"],
            class_="ht-body ht-torso" + (" ht-mark" if "torso" in marked else ""),
        )
    )
    parts.append(svg.line(p["shoulder"], p["neck"], class_="ht-body ht-neck"))
    parts.append(svg.circle(p["head"], 10.0, class_="ht-head"))
    return parts


def _line_reference(joints: dict[str, Point]) -> str:
    """Dashed shoulder-to-knee line: the hips should sit on it at the top."""
    return svg.line(_flip(joints["shoulder"]), _flip(joints["knee"]), class_="ht-ref")


def _shin_reference(joints: dict[str, Point]) -> str:
    """Dashed vertical through the ankle: the knee should sit on it at the top."""
    ankle = joints["ankle"]
    return svg.line(_flip(ankle), _flip((ankle[0], ankle[1] + 58.0)), class_="ht-ref")


def _side(
    pose: Pose,
    title: str,
    *,
    references: Iterable[Callable[[dict[str, Point]], str]] = (),
    extras: Iterable[str] = (),
    bench: bool = True,
    **body: bool | Iterable[str],
) -> str:
    joints = joint_positions(pose)
    parts = [_floor()]
    if bench:
        parts.append(_bench())
    if pose.foot_raise:
        parts.append(_step(pose.ankle_x, pose.foot_raise))
    parts += _body(joints, **body)  # type: ignore[arg-type]
    parts += [reference(joints) for reference in references]
    parts += list(extras)
    return svg.document(parts, _view_box(FRAME), title=title, class_="ht-svg")


# -----------------------------------------------------------------------------
# The poses the figures show
# -----------------------------------------------------------------------------


def at_top(
    *,
    hip_line: float = 0.0,
    shoulder: Point = TOP_SHOULDER,
    swing_range: tuple[float, float] = (-40.0, 40.0),
    **fields: float,
) -> Pose:
    """A top position with the shoulders on the bench and the hip bent ``hip_line`` off the line.

    Other fields (``ankle_x``: foot too close or too far; ``foot_raise``) change the base pose.
    The hip swings on a circle around the shoulder (the trunk keeps its length) and the knee
    follows from the foot; bisection finds the swing that gives the requested ``hip_line``.
    """
    base = replace(TOP, **fields)

    def posed(swing: float) -> Pose:
        angle = math.radians(swing)
        hip = (
            shoulder[0] + TRUNK_CM * math.cos(angle),
            shoulder[1] + TRUNK_CM * math.sin(angle),
        )
        return pose_through(base, hip=hip, shoulder=shoulder)

    low, high = swing_range  # hip_line grows as the hip swings up
    for _ in range(60):
        middle = (low + high) / 2.0
        if posed(middle).hip_line < hip_line:
            low = middle
        else:
            high = middle
    return posed((low + high) / 2.0)


SETUP: Final = pose_through(
    replace(TOP, ankle_x=-8.0, head=-25.0), hip=(-60.0, 11.0), shoulder=(-94.0, 47.0)
)
MIDWAY: Final = pose_through(TOP, hip=(-48.0, 33.0), shoulder=TOP_SHOULDER)
ARCHED: Final = at_top(hip_line=16.0)
SAGGING: Final = at_top(hip_line=-22.0)
FOOT_CLOSE: Final = at_top(ankle_x=-12.0)
FOOT_FAR: Final = at_top(ankle_x=12.0)
ON_TOES: Final = replace(TOP, heel_lift=24.0)
HEEL_DRIVE: Final = replace(TOP, toe_lift=12.0)
FREE_LEG_DOWN: Final = replace(TOP, free_hip=-12.0, free_knee=140.0)
FREE_LEG_STRAIGHT: Final = replace(TOP, free_hip=40.0, free_knee=180.0)
ELEVATED_BOTTOM: Final = pose_through(
    replace(TOP, foot_raise=12.0), hip=(-54.0, 11.0), shoulder=TOP_SHOULDER
)
ELEVATED_TOP: Final = at_top(foot_raise=12.0)


def _floor_bridge() -> Pose:
    """The floor glute bridge at the top: shoulders and head on the floor, both feet down."""
    pose = at_top(shoulder=(-96.0, 7.0), swing_range=(5.0, 40.0), ankle_x=-14.0)
    torso = joint_positions(pose)
    direction = math.degrees(
        math.atan2(torso["shoulder"][1] - torso["hip"][1], torso["shoulder"][0] - torso["hip"][0])
    )
    return replace(pose, head=180.0 - direction, upper_arm_direction=-4.0, elbow=176.0)


BRIDGE_TOP: Final = _floor_bridge()


# -----------------------------------------------------------------------------
# Extras: load, hold, band, front view, tempo graph
# -----------------------------------------------------------------------------


def _dumbbell(at: Point) -> str:
    x, y = _flip(at)
    y -= 9.0  # resting on the hip crease
    return svg.element(
        "g",
        [
            svg.line((x - 14.0, y), (x + 14.0, y), class_="ht-load-bar"),
            svg.circle((x - 14.0, y), 7.0, class_="ht-load"),
            svg.circle((x + 14.0, y), 7.0, class_="ht-load"),
        ],
    )


def _hold_marker(at: Point) -> str:
    """A stopwatch above the hips: hold the top."""
    x, y = _flip(at)
    x, y = x - 26.0, y - 30.0
    return svg.element(
        "g",
        [
            svg.circle((x, y), 11.0, class_="ht-clock"),
            svg.line((x, y), (x, y - 7.0), class_="ht-clock-hand"),
            svg.line((x, y), (x + 6.0, y), class_="ht-clock-hand"),
            svg.line((x - 3.0, y - 14.0), (x + 3.0, y - 14.0), class_="ht-clock-hand"),
        ],
    )


def _front(knee_in: float, *, band: bool, title: str) -> str:
    """Seen from the feet: working shin from the floor to the knee, pelvis behind, free thigh up.

    ``knee_in`` is how far (cm) the working knee drifts towards the midline.
    """
    knee_height = joint_positions(TOP)["knee"][1]
    ankle = (14.0, 6.8)
    knee = (14.0 - knee_in, knee_height)
    hip_work, hip_free = (12.0, knee_height + 2.0), (-12.0, knee_height + 2.0)
    free_knee = (-12.0, knee_height + 40.0)
    parts = [
        _floor(-50.0, 50.0),
        svg.element(
            "rect", x=-30.0, y=-BENCH_TOP, width=60.0, height=BENCH_TOP, rx=2.0, class_="ht-bench"
        ),
        svg.line(
            _flip((-22.0, knee_height + 4.0)),
            _flip((22.0, knee_height + 4.0)),
            class_="ht-far ht-torso",
        ),
        svg.line(_flip(hip_free), _flip(free_knee), class_="ht-far ht-leg"),
        svg.line(_flip(hip_work), _flip(knee), class_="ht-body ht-leg"),
        svg.line(
            _flip(knee), _flip(ankle), class_="ht-body ht-leg" + (" ht-mark" if knee_in else "")
        ),
        svg.line(
            _flip((ankle[0] - 5.0, 2.0)), _flip((ankle[0] + 5.0, 2.0)), class_="ht-body ht-foot"
        ),
        svg.line(_flip((ankle[0], 0.0)), _flip((ankle[0], knee_height + 14.0)), class_="ht-ref"),
    ]
    if band:
        # a loop around both knees: two long sides offset either side of the knee-to-knee line
        dx, dy = free_knee[0] - knee[0], free_knee[1] - knee[1]
        length = math.hypot(dx, dy)
        nx, ny = -dy / length * 5.0, dx / length * 5.0
        loop = [
            (knee[0] + nx, knee[1] + ny),
            (free_knee[0] + nx, free_knee[1] + ny),
            (free_knee[0] - nx, free_knee[1] - ny),
            (knee[0] - nx, knee[1] - ny),
            (knee[0] + nx, knee[1] + ny),
        ]
        parts.append(svg.polyline([_flip(point) for point in loop], class_="ht-band"))
    return svg.document(
        parts, _view_box((-50.0, -4.0, 100.0, 110.0)), title=title, class_="ht-svg ht-svg--front"
    )


def _tempo_graph(controlled: bool, title: str) -> str:
    """Hip height over two reps: a controlled rep (the default tempo) or a bounce."""
    if controlled:
        tempo = parse_tempo(guide.DEFAULT_TEMPO)
        # top hold, lowering, bottom (a touch, no rebound), drive: seconds -> (t, height)
        rep = [
            (0.0, 1.0),
            (float(tempo.top_hold), 1.0),
            (float(tempo.top_hold + tempo.lowering), 0.0),
            (float(tempo.top_hold + tempo.lowering) + 0.3, 0.0),
            (float(tempo.top_hold + tempo.lowering + tempo.drive) + 0.3, 1.0),
        ]
    else:
        rep = [(0.0, 1.0), (0.8, 0.0), (1.6, 1.0)]
    period = rep[-1][0]
    points = [(t + k * period, height) for k in range(12) for t, height in rep]
    width, height = 100.0, 40.0
    scale = GRAPH_UNITS_PER_SECOND
    points = [(t * scale, height - h * height) for t, h in points if t * scale <= width]
    parts = [
        svg.line((0.0, height), (width, height), class_="ht-floor"),
        svg.line((0.0, 0.0), (0.0, height), class_="ht-floor"),
        svg.polyline(points, class_="ht-trace" + ("" if controlled else " ht-mark")),
    ]
    return svg.document(
        parts, (-4.0, -6.0, width + 8.0, height + 12.0), title=title, class_="ht-svg ht-svg--graph"
    )


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


_LINE = (_line_reference,)
_SHIN = (_shin_reference,)


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
                    _side(
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
                    _side(
                        BOTTOM,
                        "Bottom position: hips just above the floor, shoulders on the bench, free leg up.",
                        references=_SHIN,
                    ),
                    "Bottom",
                ),
                Panel(
                    _side(
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
                    _side(
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
                Panel(_side(TOP, "Free leg bent about 90 degrees, held up."), "Bent ~90°", "good"),
                Panel(_side(FREE_LEG_STRAIGHT, "Free leg straight, held up."), "Straight", "good"),
            ),
        ),
        Figure(
            "lower-back-arching",
            "Hips pushed above the line arch the lower back. Stop at the line.",
            (
                Panel(
                    _side(
                        ARCHED,
                        "Fault: hips pushed above the dashed shoulder-to-knee line, lower back arched.",
                        references=_LINE,
                        highlight=("torso",),
                    ),
                    "Arched",
                    "bad",
                ),
                Panel(
                    _side(
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
                    _side(
                        SAGGING,
                        "Fault: hips sag below the dashed shoulder-to-knee line at the top.",
                        references=_LINE,
                        highlight=("torso",),
                    ),
                    "Hips low",
                    "bad",
                ),
                Panel(
                    _side(TOP, "Fix: hips on the dashed shoulder-to-knee line.", references=_LINE),
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
                    _side(
                        FOOT_CLOSE,
                        "Fault: foot too close, the knee is ahead of the dashed vertical through the ankle.",
                        references=_SHIN,
                        highlight=("leg",),
                    ),
                    "Foot too close",
                    "bad",
                ),
                Panel(
                    _side(
                        TOP,
                        "Fix: knee directly over the ankle, shin vertical on the dashed line.",
                        references=_SHIN,
                    ),
                    "Shin vertical",
                    "good",
                ),
            ),
        ),
        Figure(
            "foot-too-far",
            "Knee behind the ankle: bring the foot in.",
            (
                Panel(
                    _side(
                        FOOT_FAR,
                        "Fault: foot too far, the knee is behind the dashed vertical through the ankle.",
                        references=_SHIN,
                        highlight=("leg",),
                    ),
                    "Foot too far",
                    "bad",
                ),
                Panel(
                    _side(
                        TOP,
                        "Fix: knee directly over the ankle, shin vertical on the dashed line.",
                        references=_SHIN,
                    ),
                    "Shin vertical",
                    "good",
                ),
            ),
        ),
        Figure(
            "pushing-off-the-toes",
            "Heel up means toes drive. Keep the heel down.",
            (
                Panel(
                    _side(
                        ON_TOES, "Fault: heel lifted, pushing off the toes.", highlight=("foot",)
                    ),
                    "On the toes",
                    "bad",
                ),
                Panel(
                    _side(
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
                    _front(
                        9.0,
                        band=False,
                        title="Fault, seen from the feet: the working knee caves in towards the midline, off the dashed line above the ankle.",
                    ),
                    "Knee caves in",
                    "bad",
                ),
                Panel(
                    _front(
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
            "bouncing-off-the-floor",
            "Hip height over time: a bounce versus a controlled rep.",
            (
                Panel(
                    _tempo_graph(
                        False,
                        "Fault: hip height over time drops and rebounds in quick sharp V shapes, with no pause.",
                    ),
                    "Bouncing",
                    "bad",
                ),
                Panel(
                    _tempo_graph(
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
                    _side(
                        FREE_LEG_DOWN,
                        "Fault: the free leg drifts down towards the floor.",
                        highlight=("free_leg",),
                    ),
                    "Free leg drops",
                    "bad",
                ),
                Panel(
                    _side(TOP, "Fix: free leg held up, bent about 90 degrees."),
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
                    _side(
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
                    _side(
                        TOP,
                        "Two up: both feet on the floor, hips driven up to a straight line.",
                        free_leg=False,
                        second_leg=True,
                    ),
                    "Up on two",
                ),
                Panel(
                    _side(MIDWAY, "One down: one foot lifted, lowering slowly on the working leg."),
                    "Down on one",
                ),
            ),
        ),
        Figure(
            "load",
            "Progression: a dumbbell or kettlebell across the hip crease.",
            (
                Panel(
                    _side(
                        TOP,
                        "Progression: a dumbbell resting across the hip crease at the top position.",
                        extras=(_dumbbell(crease),),
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
                    _side(
                        TOP,
                        f"Progression: hold the top position for about {hold} seconds.",
                        extras=(_hold_marker(crease),),
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
                    _front(
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
                    _side(
                        ELEVATED_BOTTOM,
                        "Progression: working foot raised on a step, hips lower than the foot at the bottom, a deeper stretch.",
                    ),
                    "Deeper bottom",
                ),
                Panel(
                    _side(
                        ELEVATED_TOP,
                        "Foot raised on a step at the top: still a straight line and a vertical shin.",
                        references=_LINE,
                    ),
                    "Top",
                ),
            ),
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
