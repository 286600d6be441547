"""Drawing pieces of the guide's figures: the fixed frame, floor, bench, the stick figure from
:func:`hipthrust.pose.joint_positions`, reference lines, load, band, stopwatch, the front view
and the tempo graph, each as SVG markup styled by CSS class (``docs/stylesheets/guide.css``).

Model coordinates are centimetres with y up; :func:`flip` turns them into SVG's y-down. The
bench is 42 cm high (the FAQ's 33-43 cm range), its edge under the shoulder blades.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Final

from . import guide, svg
from .pose import HEAD_RADIUS, HIP_WIDTH, THIGH, TOP, Point, Pose, joint_positions
from .tempo import parse_tempo

# The fixed frame of every side view (model centimetres, y up): x from -165 to 45, y from -4 to 126.
FRAME: Final = (-165.0, -4.0, 210.0, 130.0)
BENCH_TOP: Final = 42.0  # cm; the guide's "about 33-43 cm" bench, edge under the shoulder blades
BENCH_EDGE_X: Final = -86.0
BENCH_BACK_X: Final = -165.0
GRAPH_UNITS_PER_SECOND: Final = 9.0  # tempo graph: x units per second of the rep
FREE_FOOT: Final = 0.09  # free foot drawn from the ankle, a fraction of height (toes pulled up)


def flip(point: Point) -> Point:
    """Model (y up) to SVG (y down)."""
    return (point[0], -point[1])


def view_box(frame: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x, y, width, height = frame
    return (x, -(y + height), width, height)


# -----------------------------------------------------------------------------
# Drawing pieces
# -----------------------------------------------------------------------------


def floor(x0: float = FRAME[0], x1: float = FRAME[0] + FRAME[2]) -> str:
    return svg.line((x0, 0.0), (x1, 0.0), class_="ht-floor")


def bench_shape(top: float = BENCH_TOP) -> str:
    return svg.element(
        "rect",
        x=BENCH_BACK_X,
        y=-top,
        width=BENCH_EDGE_X - BENCH_BACK_X,
        height=top,
        rx=2.0,
        class_="ht-bench",
    )


def step(x: float, height: float) -> str:
    return svg.element(
        "rect", x=x - 14.0, y=-height, width=30.0, height=height, rx=1.5, class_="ht-bench"
    )


def free_toe(joints: dict[str, Point]) -> Point:
    """Where the free foot's toes are: the foot drawn on the free shin so the leg never reads as
    an arm. Toes pulled up (dorsiflexed), on the front of the shin, as on the working foot."""
    knee, ankle = joints["free_knee"], joints["free_ankle"]
    direction = math.atan2(ankle[1] - knee[1], ankle[0] - knee[0]) + math.pi / 2.0
    length = FREE_FOOT * TOP.height_cm
    return (ankle[0] + length * math.cos(direction), ankle[1] + length * math.sin(direction))


def stick_figure(
    joints: dict[str, Point],
    *,
    free_leg: bool = True,
    second_leg: bool = False,
    near_arm: bool = False,
    highlight: Iterable[str] = (),
) -> list[str]:
    """The figure: far limbs first (lighter), then the working leg, trunk and head.

    ``near_arm`` draws the arm on the working side in front (a hand holding the load)."""
    p = {name: flip(point) for name, point in joints.items()}
    marked = set(highlight)
    parts: list[str] = []
    arm = svg.polyline(
        [p["shoulder"], p["elbow"], p["hand"]],
        class_=f"{'ht-body' if near_arm else 'ht-far'} ht-arm",
    )
    if not near_arm:
        parts.append(arm)
    if free_leg:
        parts.append(
            svg.polyline(
                [p["hip"], p["free_knee"], p["free_ankle"], flip(free_toe(joints))],
                class_="ht-far ht-leg ht-free" + (" ht-mark" if "free_leg" in marked else ""),
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
    parts.append(svg.circle(p["head"], HEAD_RADIUS * TOP.height_cm, class_="ht-head"))
    if near_arm:
        parts.append(arm)
    return parts


def line_reference(joints: dict[str, Point]) -> str:
    """Dashed shoulder-to-knee line: the hips should sit on it at the top."""
    return svg.line(flip(joints["shoulder"]), flip(joints["knee"]), class_="ht-ref")


def shin_reference(joints: dict[str, Point]) -> str:
    """Dashed vertical through the ankle: the knee should sit on it at the top."""
    ankle = joints["ankle"]
    return svg.line(flip(ankle), flip((ankle[0], ankle[1] + 58.0)), class_="ht-ref")


def side(
    pose: Pose,
    title: str,
    *,
    references: Iterable[Callable[[dict[str, Point]], str]] = (),
    extras: Iterable[str] = (),
    bench: bool = True,
    **body: bool | Iterable[str],
) -> str:
    joints = joint_positions(pose)
    parts = [floor()]
    if bench:
        parts.append(bench_shape())
    if pose.foot_raise:
        parts.append(step(pose.ankle_x, pose.foot_raise))
    figure = stick_figure(joints, **body)  # type: ignore[arg-type]
    # a hand on the load: the load goes under the near arm, which stick_figure draws last
    hand = figure[-1:] if body.get("near_arm") else []
    parts += figure[: len(figure) - len(hand)]
    parts += [reference(joints) for reference in references]
    parts += list(extras)
    parts += hand
    return svg.document(parts, view_box(FRAME), title=title, class_="ht-svg")


# -----------------------------------------------------------------------------
# Extras: load, hold, band, front view, tempo graph
# -----------------------------------------------------------------------------


DUMBBELL_ABOVE_HIP: Final = 9.0  # cm: the handle's centre above the hip crease


def dumbbell(at: Point) -> str:
    x, y = flip(at)
    y -= DUMBBELL_ABOVE_HIP  # resting on the hip crease
    return svg.element(
        "g",
        [
            svg.line((x - 14.0, y), (x + 14.0, y), class_="ht-load-bar"),
            svg.circle((x - 14.0, y), 7.0, class_="ht-load"),
            svg.circle((x + 14.0, y), 7.0, class_="ht-load"),
        ],
    )


def pad(at: Point) -> str:
    """A folded towel between the load and the hip bone."""
    x, y = flip(at)
    return svg.element(
        "rect", x=x - 12.0, y=y - 4.5, width=24.0, height=4.0, rx=2.0, class_="ht-pad"
    )


def hold_marker(at: Point) -> str:
    """A stopwatch above the hips: hold the top."""
    x, y = flip(at)
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


def front_view(knee_in: float, *, band: bool, title: str) -> str:
    """Seen from the feet: working shin from the floor to the knee, pelvis behind, free thigh up.

    ``knee_in`` is how far (cm) the working knee drifts towards the midline.
    """
    knee_height = joint_positions(TOP)["knee"][1]
    ankle = (14.0, 6.8)
    knee = (14.0 - knee_in, knee_height)
    hip_work, hip_free = (12.0, knee_height + 2.0), (-12.0, knee_height + 2.0)
    free_knee = (-12.0, knee_height + 40.0)
    parts = [
        floor(-50.0, 50.0),
        svg.element(
            "rect", x=-30.0, y=-BENCH_TOP, width=60.0, height=BENCH_TOP, rx=2.0, class_="ht-bench"
        ),
        svg.line(
            flip((-22.0, knee_height + 4.0)),
            flip((22.0, knee_height + 4.0)),
            class_="ht-far ht-torso",
        ),
        svg.line(flip(hip_free), flip(free_knee), class_="ht-far ht-leg"),
        svg.line(flip(hip_work), flip(knee), class_="ht-body ht-leg"),
        svg.line(
            flip(knee), flip(ankle), class_="ht-body ht-leg" + (" ht-mark" if knee_in else "")
        ),
        svg.line(
            flip((ankle[0] - 5.0, 2.0)), flip((ankle[0] + 5.0, 2.0)), class_="ht-body ht-foot"
        ),
        svg.line(flip((ankle[0], 0.0)), flip((ankle[0], knee_height + 14.0)), class_="ht-ref"),
    ]
    kx, ky = flip(knee)
    if knee_in:  # the wrong motion: the knee drifting in
        parts.append(
            arrow((kx + 4.0, ky - 12.0), (kx - 14.0, ky - 12.0), class_="ht-arrow ht-arrow--bad")
        )
    elif band:  # the cue: push the knee out against the band
        parts.append(arrow((kx + 4.0, ky - 12.0), (kx + 20.0, ky - 12.0)))
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
        parts.append(svg.polyline([flip(point) for point in loop], class_="ht-band"))
    return svg.document(
        parts, view_box((-50.0, -4.0, 100.0, 110.0)), title=title, class_="ht-svg ht-svg--front"
    )


def tempo_graph(controlled: bool, title: str) -> str:
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


def arrow(start: Point, end: Point, *, class_: str = "ht-arrow") -> str:
    """A motion arrow in SVG coordinates: a shaft and an open head at ``end``."""
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = [
        (end[0] - 7.0 * math.cos(angle - 0.5), end[1] - 7.0 * math.sin(angle - 0.5)),
        end,
        (end[0] - 7.0 * math.cos(angle + 0.5), end[1] - 7.0 * math.sin(angle + 0.5)),
    ]
    return svg.element("g", [svg.line(start, end), svg.polyline(head)], class_=class_)


def pelvis_view(drop: float, *, title: str) -> str:
    """Seen from the feet at the top: is the pelvis level? ``drop`` (degrees) tips the free side down.

    Heights come from the model's top position; widths from the same anthropometric table. The
    working hip is the pivot (the working leg holds it up), so a drop lowers the free hip, and the
    free leg, still at right angles to the pelvis, leans with it. At the top the trunk is level
    with the hips, so from the feet it hides behind the pelvis and is not drawn.
    """
    top = joint_positions(TOP)
    height = TOP.height_cm
    hip_y = top["hip"][1]
    half = HIP_WIDTH * height / 2.0
    tilt = math.radians(drop)
    work_hip = (half, hip_y)
    free_hip = (half - 2.0 * half * math.cos(tilt), hip_y - 2.0 * half * math.sin(tilt))
    buckle = ((work_hip[0] + free_hip[0]) / 2.0, (work_hip[1] + free_hip[1]) / 2.0)
    thigh = THIGH * height
    free_knee = (free_hip[0] - thigh * math.sin(tilt), free_hip[1] + thigh * math.cos(tilt))
    ankle = (half, top["ankle"][1])
    parts = [
        floor(-50.0, 50.0),
        svg.element(
            "rect", x=-30.0, y=-BENCH_TOP, width=60.0, height=BENCH_TOP, rx=2.0, class_="ht-bench"
        ),
        svg.line(flip(free_hip), flip(free_knee), class_="ht-far ht-leg ht-free"),
        svg.circle(flip(free_knee), 5.0, class_="ht-far ht-foot-end"),
        svg.line(flip(work_hip), flip(ankle), class_="ht-body ht-leg"),
        svg.line(
            flip((ankle[0] - 6.0, 2.0)), flip((ankle[0] + 6.0, 2.0)), class_="ht-body ht-foot"
        ),
        svg.line(
            flip(free_hip),
            flip(work_hip),
            class_="ht-body ht-pelvis" + (" ht-mark" if drop else ""),
        ),
        svg.circle(flip(free_hip), 4.0, class_="ht-hipbone"),
        svg.circle(flip(work_hip), 4.0, class_="ht-hipbone"),
        svg.element(
            "rect",
            x=buckle[0] - 4.0,
            y=-buckle[1] - 3.0,
            width=8.0,
            height=6.0,
            class_="ht-buckle",
        ),
        svg.line(flip((-42.0, hip_y)), flip((42.0, hip_y)), class_="ht-ref"),
    ]
    if drop:
        x, y = flip(free_hip)
        parts.append(
            arrow((x - 14.0, y - 16.0), (x - 14.0, y + 6.0), class_="ht-arrow ht-arrow--bad")
        )
    return svg.document(
        parts, view_box((-50.0, -4.0, 100.0, 110.0)), title=title, class_="ht-svg ht-svg--front"
    )
