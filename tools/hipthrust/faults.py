"""The common faults: one entry per troubleshooting section of the guide.

Each fault has a stable ``anchor`` (the troubleshooting page's heading id; the angle checker links
to ``troubleshooting.md#<anchor>``), what the lifter sees or feels, why it matters and the fix as a
short cue. The guide renders its Troubleshooting page from these, the checker shows the same cue:
one text, never two versions.

Source: the user's source article (the four common errors and their fixes; foot distance for a
vertical shin; the straight shoulders-hips-knee line), and for the foot-distance symptoms the
coaching sources listed in shared/facts-beyond-the-seed.md (Contreras; 365physique). Hips dropping
(issue 12): the single-leg fault a coach looks for first; its definition and the link to the hip
abductors from the pelvic-drop study (PMC8628027), Kang et al. 2016 restated as what it measured
(two-leg bridging with the hips abducted, no band: more gluteus maximus and less erector spinae
activity; pelvic control was not tested), the rest is coaching practice. Knee caving in (issue 17):
at body weight the cost named is less glute work and a knee out of line, not proven harm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Fault:
    anchor: str
    title: str
    symptom: str
    why: str
    cue: str
    # Optional Markdown for the guide's entry only (the checker shows the cue): a drill to fix the
    # fault, and a short note (for example, what the angle checker can and cannot see).
    drill: str = ""
    note: str = ""


LOWER_BACK_ARCH: Final = Fault(
    anchor="lower-back-arching",
    title="Lower back arching at the top",
    symptom="At the top you push the hips too high without keeping the core tight: they rise above the line from shoulders to knee, the ribs flare and you feel it in your lower back.",
    why="The load moves from the glutes onto the lumbar spine.",
    cue="Ribs down, tuck the pelvis a little, stop at a flat line.",
    note=(
        "**About the angle checker:** it measures the bend at your hips on the line from shoulders"
        " to hips to knee. It cannot see your lower back. Hips above the line often come with an"
        " arched back, but you can arch with your hips right on the line. So use the checker's"
        " number as a hint, and trust what your lower back tells you."
    ),
)
HIPS_TOO_LOW: Final = Fault(
    anchor="hips-not-fully-extended",
    title="Hips not fully extended",
    symptom="At the top the hips sag below the line from shoulders to knee.",
    why="The glute never reaches its full contraction, which is the point of the top position.",
    cue="Squeeze the glute and drive the hips up until shoulders, hips and knee line up.",
)
FOOT_TOO_CLOSE: Final = Fault(
    anchor="foot-too-close",
    title="Foot too close: knee towards your feet",
    symptom="At the top the knee sits past the ankle, towards your feet, and you feel the front of the thigh (quads) working most.",
    why="A vertical shin at the top keeps the force going through the hip and glute.",
    cue="Slide the foot a little further out until the shin is vertical at the top.",
)
FOOT_TOO_FAR: Final = Fault(
    anchor="foot-too-far",
    title="Foot too far: knee nearer the bench",
    symptom="At the top the knee sits nearer the bench than the ankle, and the hamstrings work hard or cramp.",
    why="A vertical shin at the top keeps the force going through the hip and glute.",
    cue="Bring the foot a little closer until the shin is vertical at the top.",
)
PUSHING_OFF_TOES: Final = Fault(
    anchor="pushing-off-the-toes",
    title="Pushing off the toes",
    symptom="The heel lifts and you drive through the front of the foot.",
    why=(
        "Driving through the toes shifts more of the work to the quads, so the glutes do less."
        " (When the hamstrings take over, the foot is usually too far out: see the entry above.)"
    ),
    cue="Root the whole foot; press through the heel and midfoot.",
)
KNEE_CAVING_IN: Final = Fault(
    anchor="knee-caving-in",
    title="Knee caving inward (valgus)",
    symptom="The working knee drifts in towards the midline, often late in a set or with more load.",
    why=(
        "It takes work away from the glutes and puts the knee out of line with the hip and ankle."
        " With a weight, late in a set, it can stress the knee joint. At body weight, lying down,"
        " no study shows harm: the cost is less glute work and a habit worth fixing."
    ),
    cue="Push the knee slightly out, in line with hip and ankle, all the way up and down.",
    note=(
        "**About the angle checker:** seen from your feet, the thigh points straight at the"
        " camera, so the hip and the knee sit on top of each other in the photo and the angle at"
        " the knee can't be measured well. So the checker's front view judges the **shin**"
        " instead: how far it tilts from vertical, knee in towards the other leg or out."
    ),
)
HIPS_DROPPING: Final = Fault(
    anchor="hips-dropping",
    title="Hips dropping to one side",
    symptom="The free leg's side of the pelvis sinks or twists down: one hip bone sits lower than the other, and the belt buckle tilts.",
    why="On one leg, the glute on the side of the working hip and your trunk must hold the pelvis level. A drop means they are losing that job: the lift turns into a twist.",
    cue="Belt buckle flat: both hip bones point at the ceiling, up and down.",
    drill=(
        "Put your fingers on both hip bones and watch them. Do single-leg glute bridges on the"
        " floor, slow, stopping where the hips start to tip. If they still tip, go back to"
        " [two up, one down](scaling.md#two-up-one-down) for a while. (In one study of two-leg"
        " bridges, holding the knees apart, with no band, made the glutes work harder and the"
        " lower-back muscles less [^kang]; it did not test keeping the hips level.)"
    ),
    note=(
        "The free side of the pelvis dropping is called **pelvic drop**. It goes with weak hip"
        " abductors, the gluteus medius on the side of the hip [^pelvicdrop]."
    ),
)
BOUNCING: Final = Fault(
    anchor="bouncing-off-the-floor",
    title="Bouncing off the floor",
    symptom="Reps rebound from the bottom and fly up on momentum.",
    why="Momentum and elastic recoil (the spring of stretched tissue) do the work the muscles should do.",
    cue="Slow the lowering, pause briefly at the top, no bounce.",
)
FREE_LEG_DROPPING: Final = Fault(
    anchor="free-leg-dropping",
    title="Free leg dropping",
    symptom="The non-working foot drifts down towards the floor during the set.",
    why="A free leg that touches down shares the work, so the working leg no longer lifts alone.",
    cue="Keep the free leg up the whole set, bent about 90° or straight.",
)

FAULTS: Final = (
    LOWER_BACK_ARCH,
    HIPS_TOO_LOW,
    FOOT_TOO_CLOSE,
    FOOT_TOO_FAR,
    PUSHING_OFF_TOES,
    KNEE_CAVING_IN,
    HIPS_DROPPING,
    BOUNCING,
    FREE_LEG_DROPPING,
)
FAULTS_BY_ANCHOR: Final = {fault.anchor: fault for fault in FAULTS}
