"""The angle checker's drawings: the overlay on the photo and the "how to take the photo" figure.

Both are SVG made with :mod:`hipthrust.svg` from the same model as the guide's figures
(:mod:`hipthrust.pose`). The overlay is a ``<g>`` in the photo's own pixel coordinates (the page's
SVG has viewBox = the photo's natural size), coloured by verdict. Colours are attributes, not
classes, so the overlay looks the same on any photo and when the page saves it as a PNG; every line
has a dark outline under it so it stays visible on light and dark photos. Sizes scale with the
photo (1 unit = 1/1000 of its longer side) so a 48 MP photo gets lines as readable as a small one.
Only what is placed is drawn: a line needs both its points, an arc and a number need their metric
(:mod:`hipthrust.checker` measures a metric only once all its points are placed).

Every number stays inside the photo: a label's box is estimated from its characters
(:data:`CHAR_EM`, wide enough for bold digits and signs in the usual sans-serif fonts) and, when it
would cross an edge, it goes to the side of its joint with room (:func:`_Pen.label` with
``alternatives``) and is then pushed in from the edge, so "shin +4.4°" is never cut to "hin".
"""

from __future__ import annotations

import math
from typing import Any, Final

from . import svg
from .checker import FrontReport, SideReport
from .geometry import Point, length, sub
from .pose import BONES, HEAD_RADIUS, TOP, joint_positions

COLOURS: Final = {"good": "#00c853", "close": "#ffab00", "fix": "#ff1744", None: "#ffffff"}
OUTLINE: Final = "#000000"
FONT_UNITS: Final = 30.0  # label size in 1/1000 of the photo's longer side
# Estimated advance of one character in ems (bold "+" and digits are up to 0.84 and 0.7 em in
# DejaVu Sans Bold; the label's average is lower): over-estimating only keeps it further in.
CHAR_EM: Final = 0.75


def _image_angle(v: Point) -> float:
    """Direction of a photo-pixel vector: degrees clockwise from +x (SVG's y-down convention)."""
    return math.degrees(math.atan2(v[1], v[0]))


class _Pen:
    def __init__(self, width: float, height: float) -> None:
        self.u = max(width, height) / 1000.0
        self.width, self.height = width, height
        self.items: list[str] = []

    def _half_box(self, content: str) -> tuple[float, float]:
        """Half the label's width and height (its outline included), in photo pixels."""
        font = FONT_UNITS * self.u
        return (len(content) * CHAR_EM * font + 5 * self.u) / 2, (font + 5 * self.u) / 2

    def _overflow(self, at: Point, content: str) -> float:
        """How far (pixels) the label centred at ``at`` would cross the photo's edges."""
        hw, hh = self._half_box(content)
        x, y = at
        return (
            max(0.0, hw - x)
            + max(0.0, x + hw - self.width)
            + max(0.0, hh - y)
            + max(0.0, y + hh - self.height)
        )

    def inside(self, at: Point, content: str) -> Point:
        """``at`` moved the least to put the whole label inside the photo (centred if too big)."""
        hw, hh = self._half_box(content)
        x = self.width / 2 if 2 * hw >= self.width else min(max(at[0], hw), self.width - hw)
        y = self.height / 2 if 2 * hh >= self.height else min(max(at[1], hh), self.height - hh)
        return (x, y)

    def line(self, a: Point, b: Point, colour: str, *, dashed: bool = False, w: float = 4) -> None:
        dash = f"{8 * self.u:.1f} {6 * self.u:.1f}" if dashed else None
        for stroke, width in ((OUTLINE, w + 3), (colour, w)):
            self.items.append(
                svg.line(
                    a,
                    b,
                    stroke=stroke,
                    stroke_width=width * self.u,
                    stroke_linecap="round",
                    stroke_dasharray=dash,
                    stroke_opacity=0.55 if stroke == OUTLINE else None,
                )
            )

    def arc(self, centre: Point, radius: float, start: float, turn: float, colour: str) -> None:
        d = svg.arc_path(centre, radius, start, start + turn)
        for stroke, width in ((OUTLINE, 6.0), (colour, 3.0)):
            self.items.append(svg.path(d, fill="none", stroke=stroke, stroke_width=width * self.u))

    def label(
        self, at: Point, content: str, colour: str, alternatives: tuple[Point, ...] = ()
    ) -> None:
        """A number at ``at``, or at the first of ``alternatives`` with more room; always inside."""
        best = min((at, *alternatives), key=lambda p: self._overflow(p, content))
        self.items.append(
            svg.text(
                self.inside(best, content),
                content,
                fill=colour,
                stroke=OUTLINE,
                stroke_width=5 * self.u,
                paint_order="stroke",
                font_size=30 * self.u,
                font_weight="700",
                font_family="system-ui, sans-serif",
                text_anchor="middle",
                dominant_baseline="middle",
            )
        )


def _turn(a: Point, b: Point) -> float:
    """Signed turn from direction a to b in photo degrees, in (-180, 180]."""
    return (_image_angle(b) - _image_angle(a) + 180.0) % 360.0 - 180.0


def _angle_mark(
    pen: _Pen,
    vertex: Point,
    ref: Point,
    arm: Point,
    radius: float,
    text: str,
    colour: str,
    at: Point | None = None,
    alternatives: tuple[Point, ...] = (),
) -> None:
    """An arc at ``vertex`` from direction ``ref`` to ``arm`` and the number beside it (``at``,
    or past the middle of the arc; else one of ``alternatives`` when it has more room)."""
    start = _image_angle(ref)
    turn = _turn(ref, arm)
    pen.arc(vertex, radius, start, turn, colour)
    if at is None:
        middle = math.radians(start + turn / 2)
        distance = radius + 45 * pen.u
        at = (vertex[0] + distance * math.cos(middle), vertex[1] + distance * math.sin(middle))
        opposite = (
            vertex[0] - distance * math.cos(middle),
            vertex[1] - distance * math.sin(middle),
        )
        alternatives = (*alternatives, opposite)
    pen.label(at, text, colour, alternatives)


def _colour(metrics: dict[str, dict[str, Any]], name: str) -> str:
    """A metric's verdict colour, or white while it is not measured (its points not all placed)."""
    return COLOURS[metrics[name]["verdict"]] if name in metrics else COLOURS[None]


def _segments(pen: _Pen, p: dict[str, Point], bones: list[tuple[str, str, str]]) -> None:
    for a, b, colour in bones:
        if a in p and b in p:
            pen.line(p[a], p[b], colour)


def side_overlay(report: SideReport, width: float, height: float) -> str:
    """The overlay for a side photo: body lines between placed points, references, and the angle
    arcs and numbers of the measured metrics only (white lines while a metric waits)."""
    pen = _Pen(width, height)
    p, m = report.points, report.metrics
    up = report.frame.up
    shin_c, hip_c = _colour(m, "shin"), _colour(m, "hip_line")

    if report.floor is not None:
        pen.line(report.floor[0], report.floor[1], COLOURS[None], dashed=True, w=2)
    if "shin" in m:
        shin_length = length(sub(p["knee"], p["ankle"]))
        top_of_vertical = (p["ankle"][0] + up[0] * shin_length, p["ankle"][1] + up[1] * shin_length)
        pen.line(p["ankle"], top_of_vertical, COLOURS[None], dashed=True, w=2)
    if "plane" in m:
        pen.line(p["shoulder"], p["knee"], _colour(m, "plane"), dashed=True, w=2)
    _segments(
        pen, p, [("shoulder", "hip", hip_c), ("hip", "knee", hip_c), ("knee", "ankle", shin_c)]
    )
    if "heel" in m:
        pen.line(p["heel"], p["toe"], COLOURS[m["heel"]["verdict"]])
        pen.label(
            (p["toe"][0], p["toe"][1] + 40 * pen.u),
            f"heel {m['heel']['value']:+.1f}°",
            COLOURS[m["heel"]["verdict"]],
            ((p["toe"][0], p["toe"][1] - 40 * pen.u),),
        )
    else:
        _segments(pen, p, [("heel", "toe", COLOURS[None])])
    if "hip" in p and "free_knee" in p:
        pen.line(p["hip"], p["free_knee"], _colour(m, "free_leg"), w=3)

    # Numbers off the body: the shin's on the toes' side of the shin, the hip's under the hip.
    forward = (-up[1] * report.frame.facing, up[0] * report.frame.facing)
    radius = 30 * pen.u
    if "knee" in p and "ankle" in p:
        radius = max(0.35 * length(sub(p["knee"], p["ankle"])), radius)
    if "shin" in m:
        shin_mid = ((p["knee"][0] + p["ankle"][0]) / 2, (p["knee"][1] + p["ankle"][1]) / 2)
        _angle_mark(
            pen,
            p["ankle"],
            up,
            sub(p["knee"], p["ankle"]),
            radius,
            f"shin {m['shin']['value']:+.1f}°",
            shin_c,
            at=(shin_mid[0] + forward[0] * 130 * pen.u, shin_mid[1] + forward[1] * 130 * pen.u),
            # the heel's side when the toes' side has no room
            alternatives=(
                (shin_mid[0] - forward[0] * 130 * pen.u, shin_mid[1] - forward[1] * 130 * pen.u),
            ),
        )
    if "hip_line" in m:
        below = radius + 50 * pen.u
        _angle_mark(
            pen,
            p["hip"],
            sub(p["hip"], p["knee"]),
            sub(p["shoulder"], p["hip"]),
            radius,
            f"hip {m['hip_line']['value']:+.1f}°",
            hip_c,
            at=(p["hip"][0] - up[0] * below, p["hip"][1] - up[1] * below),
            alternatives=((p["hip"][0] + up[0] * below, p["hip"][1] + up[1] * below),),
        )
    return svg.element("g", pen.items, class_="checker-overlay", data_testid="checker-overlay")


def front_overlay(report: FrontReport, width: float, height: float) -> str:
    """The overlay for a front photo: the leg and hip-hip lines between placed points, the
    shin's vertical reference, arc and number once its tilt is measured, the pelvis number once
    both hips are placed."""
    pen = _Pen(width, height)
    p, m = report.points, report.metrics
    colour = _colour(m, "valgus")
    if "valgus" in m:
        shin = length(sub(p["knee"], p["ankle"]))
        pen.line(p["ankle"], (p["ankle"][0], p["ankle"][1] - shin), COLOURS[None], dashed=True, w=2)
    _segments(pen, p, [("hip", "knee", COLOURS[None]), ("knee", "ankle", colour)])
    if "valgus" in m:
        _angle_mark(
            pen,
            p["ankle"],
            (0.0, -1.0),
            sub(p["knee"], p["ankle"]),
            max(0.35 * length(sub(p["ankle"], p["knee"])), 30 * pen.u),
            f"shin {m['valgus']['value']:+.1f}°",
            colour,
        )
    if "pelvis" in m:
        pelvis_c = _colour(m, "pelvis")
        pen.line(p["hip"], p["other_hip"], pelvis_c)
        level = (p["other_hip"][0], p["hip"][1])  # the horizontal through the working hip
        pen.line(p["hip"], level, COLOURS[None], dashed=True, w=2)
        middle = ((p["hip"][0] + p["other_hip"][0]) / 2, (p["hip"][1] + p["other_hip"][1]) / 2)
        pen.label(
            (middle[0], middle[1] - 60 * pen.u),
            f"pelvis {m['pelvis']['value']:+.1f}°",
            pelvis_c,
            ((middle[0], middle[1] + 60 * pen.u),),
        )
    return svg.element("g", pen.items, class_="checker-overlay", data_testid="checker-overlay")


# ---------------------------------------------------------------------------------------------
# The guide's "how to take the photo" figure: from above (phone 2-3 m to the side, at hip
# height) and the phone's landscape view of the lifter at the top, drawn from the pose model.
# ---------------------------------------------------------------------------------------------


def stick_figure(box: tuple[float, float, float, float]) -> list[str]:
    """The correct top position on a bench as SVG, fitted into ``box`` (x, y, width, height)
    with its floor on the box's bottom edge (the model is y-up, SVG is y-down)."""
    joints = joint_positions(TOP)
    head_r = HEAD_RADIUS * TOP.height_cm
    bench_x = joints["shoulder"][0]
    xs = [x for x, _ in joints.values()] + [joints["head"][0] - head_r, bench_x - 30.0]
    top = max(y for _, y in joints.values()) + head_r
    scale = min(box[2] / (max(xs) - min(xs)), box[3] / top)
    left = box[0] + (box[2] - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    floor = box[1] + box[3]

    def at(p: Point) -> Point:
        return (left + p[0] * scale, floor - p[1] * scale)

    bench_top = joints["shoulder"][1] - 6.0  # the shoulder blades rest on its edge
    bx, by = at((bench_x - 30.0, bench_top))
    items = [
        svg.element(
            "rect", x=bx, y=by, width=33.0 * scale, height=bench_top * scale, class_="fig-bench"
        )
    ]
    items += [svg.line(at(joints[a]), at(joints[b]), class_="fig-body") for a, b in BONES]
    items.append(svg.circle(at(joints["head"]), head_r * scale, class_="fig-body fig-head"))
    return items


def photo_setup_figure() -> str:
    """Two panels: the set-up seen from above, and what the phone should see (landscape)."""
    items: list[str] = []
    # Panel 1, from above: bench, lifter (a capsule), phone 2.5 m away level with the hip.
    items.append(svg.element("rect", x=20, y=40, width=40, height=90, rx=4, class_="fig-bench"))
    items.append(svg.element("rect", x=55, y=70, width=150, height=30, rx=15, class_="fig-person"))
    items.append(svg.text((130, 60), "lifter (side-on)", class_="fig-label", text_anchor="middle"))
    items.append(svg.element("rect", x=115, y=215, width=30, height=18, rx=3, class_="fig-phone"))
    items.append(svg.line((130, 210), (130, 105), class_="fig-dim"))
    items.append(svg.text((138, 165), "2\u20133 m", class_="fig-label"))
    items.append(
        svg.text((130, 252), "phone at hip height", class_="fig-label", text_anchor="middle")
    )
    items.append(svg.text((130, 20), "From above", class_="fig-title", text_anchor="middle"))
    # Panel 2: the phone's landscape view with the whole body in frame.
    items.append(
        svg.element("rect", x=270, y=50, width=330, height=190, rx=14, class_="fig-phone-frame")
    )
    items.extend(stick_figure((285, 70, 300, 135)))
    items.append(svg.line((280, 205), (590, 205), class_="fig-floor"))
    items.append(
        svg.text((435, 20), "What the phone sees", class_="fig-title", text_anchor="middle")
    )
    items.append(
        svg.text(
            (435, 228), "whole body in frame, landscape", class_="fig-label", text_anchor="middle"
        )
    )
    return svg.document(
        items,
        (0, 0, 620, 265),
        title="How to take the photo: phone 2 to 3 metres to the side at hip height, landscape, whole body in frame",
        class_="checker-figure",
    )
