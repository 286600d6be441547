"""The guide's figures as data: one entry per figure (name, caption, panels), one per panel (what
is drawn, the alt text, the label under it, the verdict), in the vocabulary of
:mod:`hipthrust.figure_views`. :mod:`hipthrust.figures` builds the SVG and HTML from these entries;
nothing here draws. Numbers come from :mod:`hipthrust.guide` (tempo, hold, lowering time) and the
source article (vertical shin, straight shoulders-hips-knee line, free leg bent about 90 degrees).
"""

from __future__ import annotations

from typing import Final

from . import guide
from .figure_drawing import DUMBBELL_ABOVE_HIP
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
from .figure_views import Arrow, FigureEntry, Front, PanelEntry, Pelvis, Reference, Side, Tempo
from .pose import BOTTOM, TOP, joint_positions

HOLD: Final = guide.TOP_HOLD_PROGRESSION_SECONDS
LO: Final = guide.LOWERING_SECONDS_MIN
HI: Final = guide.LOWERING_SECONDS_MAX
CREASE: Final = joint_positions(TOP)["hip"]
LINE: Final[tuple[Reference, ...]] = ("line",)
SHIN: Final[tuple[Reference, ...]] = ("shin",)
HIPS_UP: Final = Arrow("hip", 90.0, offset=(0.0, -34.0), length=22.0)

# The correction shown beside both foot-placement faults.
SHIN_VERTICAL_FIX: Final = PanelEntry(
    Side(TOP, references=SHIN),
    "Fix: knee directly over the ankle, shin vertical on the dashed line.",
    "Shin vertical",
    "good",
)

CATALOGUE: Final[tuple[FigureEntry, ...]] = (
    FigureEntry(
        "setup",
        "Start seated on the floor: bench behind you, free leg up, core braced.",
        (
            PanelEntry(
                Side(SETUP),
                "Setup: seated on the floor, the lower edge of the shoulder blades on the edge of a bench that is secured against a wall, working foot flat, free leg lifted and bent.",
                "Set up on the floor",
            ),
        ),
    ),
    FigureEntry(
        "bottom-top",
        f"Lower in {LO}\N{EN DASH}{HI} s, drive up to a straight line. The shoulders pivot on the bench.",
        (
            PanelEntry(
                Side(BOTTOM, references=SHIN, arrows=(Arrow("hip", 90.0, offset=(12.0, 4.0)),)),
                "Bottom position: hips just above the floor, shoulders on the bench, free leg up; an arrow shows the hips driving up.",
                "Bottom",
            ),
            PanelEntry(
                Side(TOP, references=LINE + SHIN),
                "Top position: shoulders, hips and knee in one straight line, knee directly over the ankle so the shin is vertical, free leg up.",
                "Top",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "top",
        "The top: straight shoulders\N{EN DASH}hips\N{EN DASH}knee line, shin vertical, free leg up.",
        (
            PanelEntry(
                Side(TOP, references=LINE + SHIN),
                "Top position: shoulders, hips and knee in one straight line (dashed), knee directly over the ankle so the shin is vertical (dashed), free leg bent about 90 degrees and kept up.",
                "Top position",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "free-leg",
        "Free leg: bent about 90° or straight, kept up all set.",
        (
            PanelEntry(Side(TOP), "Free leg bent about 90 degrees, held up.", "Bent ~90°", "good"),
            PanelEntry(Side(FREE_LEG_STRAIGHT), "Free leg straight, held up.", "Straight", "good"),
        ),
    ),
    FigureEntry(
        "lower-back-arching",
        "Hips pushed above the line arch the lower back. Stop at the line.",
        (
            PanelEntry(
                Side(
                    ARCHED,
                    references=LINE,
                    highlight=("torso",),
                    arrows=(Arrow("hip", 90.0, offset=(0.0, 12.0), length=18.0, bad=True),),
                ),
                "Fault: hips pushed above the dashed shoulder-to-knee line, lower back arched.",
                "Arched",
                "bad",
            ),
            PanelEntry(
                Side(TOP, references=LINE),
                "Fix: hips on the dashed shoulder-to-knee line, ribs down, pelvis tucked.",
                "Flat line",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "hips-not-fully-extended",
        "Hips below the line: drive up until they meet it.",
        (
            PanelEntry(
                Side(SAGGING, references=LINE, highlight=("torso",)),
                "Fault: hips sag below the dashed shoulder-to-knee line at the top.",
                "Hips low",
                "bad",
            ),
            PanelEntry(
                Side(TOP, references=LINE, arrows=(HIPS_UP,)),
                "Fix: hips driven up onto the dashed shoulder-to-knee line.",
                "Full extension",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "foot-too-close",
        "Knee past the ankle, towards your feet: slide the foot out.",
        (
            PanelEntry(
                Side(
                    FOOT_CLOSE,
                    references=SHIN,
                    highlight=("leg",),
                    arrows=(Arrow("knee", 0.0, offset=(4.0, 12.0), length=16.0, bad=True),),
                ),
                "Fault: foot too close, the knee is past the dashed vertical through the ankle, towards the feet.",
                "Foot too close",
                "bad",
            ),
            SHIN_VERTICAL_FIX,
        ),
    ),
    FigureEntry(
        "foot-too-far",
        "Knee nearer the bench than the ankle: bring the foot in.",
        (
            PanelEntry(
                Side(
                    FOOT_FAR,
                    references=SHIN,
                    highlight=("leg",),
                    arrows=(Arrow("knee", 180.0, offset=(-4.0, 12.0), length=16.0, bad=True),),
                ),
                "Fault: foot too far, the knee is behind the dashed vertical through the ankle.",
                "Foot too far",
                "bad",
            ),
            SHIN_VERTICAL_FIX,
        ),
    ),
    FigureEntry(
        "pushing-off-the-toes",
        "Heel up means toes drive. Keep the heel down.",
        (
            PanelEntry(
                Side(ON_TOES, highlight=("foot",)),
                "Fault: heel lifted, pushing off the toes.",
                "On the toes",
                "bad",
            ),
            PanelEntry(
                Side(HEEL_DRIVE),
                "Fix: whole foot rooted, pressure through the heel and midfoot; the toes may lift a little.",
                "Heel and midfoot",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "knee-caving-in",
        "Seen from your feet: keep the knee over the ankle.",
        (
            PanelEntry(
                Front(9.0),
                "Fault, seen from the feet: the working knee caves in towards the midline, off the dashed line above the ankle.",
                "Knee caves in",
                "bad",
            ),
            PanelEntry(
                Front(0.0),
                "Fix, seen from the feet: the working knee stays over the ankle, in line with hip and ankle.",
                "Knee over ankle",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "hips-dropping",
        "Seen from your feet: keep the belt buckle flat.",
        (
            PanelEntry(
                Pelvis(12.0),
                "Fault, seen from the feet at the top: the free leg's side of the pelvis drops below the dashed level line, so one hip bone sits lower than the other.",
                "Hips drop",
                "bad",
            ),
            PanelEntry(
                Pelvis(0.0),
                "Fix, seen from the feet at the top: both hip bones level on the dashed line, belt buckle flat, free thigh straight up.",
                "Hips level",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "bouncing-off-the-floor",
        "Hip height over time: a bounce versus a controlled rep.",
        (
            PanelEntry(
                Tempo(controlled=False),
                "Fault: hip height over time drops and rebounds in quick sharp V shapes, with no pause.",
                "Bouncing",
                "bad",
            ),
            PanelEntry(
                Tempo(controlled=True),
                f"Fix: hip height over time with a pause at the top and a slow {LO} to {HI} second lowering.",
                "Controlled",
                "good",
            ),
        ),
    ),
    FigureEntry(
        "free-leg-dropping",
        "The free foot drifts down: keep it up.",
        (
            PanelEntry(
                Side(
                    FREE_LEG_DOWN,
                    highlight=("free_leg",),
                    arrows=(
                        Arrow("free_ankle", -90.0, offset=(12.0, 14.0), length=20.0, bad=True),
                    ),
                ),
                "Fault: the free leg drifts down towards the floor.",
                "Free leg drops",
                "bad",
            ),
            PanelEntry(
                Side(TOP), "Fix: free leg held up, bent about 90 degrees.", "Free leg up", "good"
            ),
        ),
    ),
    FigureEntry(
        "glute-bridge",
        "Regression: the floor glute bridge, both feet down.",
        (
            PanelEntry(
                Side(BRIDGE_TOP, references=LINE, bench=False, free_leg=False, second_leg=True),
                "Regression: glute bridge on the floor, shoulders and head on the floor, both feet down, hips lifted to a straight line.",
                "Glute bridge",
            ),
        ),
    ),
    FigureEntry(
        "two-up-one-down",
        "Regression: up on two feet, down on one.",
        (
            PanelEntry(
                Side(TOP, arrows=(HIPS_UP,), free_leg=False, second_leg=True),
                "Two up: both feet on the floor, hips driven up to a straight line.",
                "Up on two",
            ),
            PanelEntry(
                Side(MIDWAY, arrows=(Arrow("hip", -90.0, offset=(0.0, -8.0), length=20.0),)),
                "One down: one foot lifted, lowering slowly on the working leg.",
                "Down on one",
            ),
        ),
    ),
    FigureEntry(
        "load",
        "Progression: a dumbbell or kettlebell across the hip crease.",
        (
            PanelEntry(
                Side(
                    holding(TOP, (CREASE[0], CREASE[1] + DUMBBELL_ABOVE_HIP)),
                    props=("pad", "dumbbell"),
                    near_arm=True,
                ),
                "Progression: a dumbbell resting across the hip crease at the top position, a towel under it, the hand on the working side keeping it in place.",
                "Load on the hips",
            ),
        ),
    ),
    FigureEntry(
        "top-hold",
        f"Progression: hold the top for {HOLD} s.",
        (
            PanelEntry(
                Side(TOP, props=("hold",)),
                f"Progression: hold the top position for about {HOLD} seconds.",
                f"Hold {HOLD} s",
            ),
        ),
    ),
    FigureEntry(
        "band",
        "Progression: a band around the knees, pushed apart.",
        (
            PanelEntry(
                Front(0.0, band=True),
                "Progression, seen from the feet: a resistance band around the knees; the working knee stays over the ankle.",
                "Band around the knees",
            ),
        ),
    ),
    FigureEntry(
        "foot-elevated",
        "Progression: working foot on a plate or low step for a deeper bottom.",
        (
            PanelEntry(
                Side(ELEVATED_BOTTOM),
                "Progression: working foot raised on a step, hips lower than the foot at the bottom, a deeper stretch.",
                "Deeper bottom",
            ),
            PanelEntry(
                Side(ELEVATED_TOP, references=LINE),
                "Foot raised on a step at the top: still a straight line and a vertical shin.",
                "Top",
            ),
        ),
    ),
)
