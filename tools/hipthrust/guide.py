"""The guide's numbers: one source of truth for the Markdown pages (via macros) and the tools.

Where each number comes from:
- lowering 2-3 s: the source article ("the lowering phase ... should take two to three seconds");
- free leg bent about 90 degrees: the source article;
- top hold "a few seconds": the source article's progression (isometric hold at the top).
"""

from typing import Final

LOWERING_SECONDS_MIN: Final = 2
LOWERING_SECONDS_MAX: Final = 3
FREE_LEG_KNEE_DEGREES: Final = 90
TOP_HOLD_PROGRESSION_SECONDS: Final = 3

# Tempo notation: lowering - pause at the bottom - drive up - hold at the top.
DEFAULT_TEMPO: Final = "3-0-1-1"

# Target angles at the top (pose.py's conventions; the source article: "shin vertical" and "a
# straight line from your shoulders, through your hips, to your knee").
TOP_SHIN_TARGET_DEGREES: Final = 0
TOP_HIP_LINE_TARGET_DEGREES: Final = 0

# Tempo timer defaults and presets (read by hipthrust.presets). Sources differ on sets and reps
# (facts-beyond-the-seed: ACE glute bridge 1-2 x 5-10 per side, 1-2 s hold, 30 s rest; Athloft
# single-leg hip thrust 3 x 8-12 bodyweight, 2-3 min rest when loaded): the defaults sit inside
# the bodyweight ranges (3 x 10 per leg, 60 s between sets: between ACE's 30 s and the 2-3 min
# for loaded sets). The 15 s to switch legs and the 10 s to get into position are the timer's own
# choices, not from a source.
DEFAULT_REPS_PER_LEG: Final = 10
DEFAULT_SETS: Final = 3
DEFAULT_REST_BETWEEN_LEGS_SECONDS: Final = 15
DEFAULT_REST_BETWEEN_SETS_SECONDS: Final = 60
DEFAULT_LEAD_IN_SECONDS: Final = 10
BRIDGE_TOP_HOLD_SECONDS: Final = 2  # ACE glute bridge: 1-2 s hold at the top
BRIDGE_SETS: Final = 2  # ACE glute bridge: 1-2 sets
BRIDGE_REST_SECONDS: Final = 30  # ACE glute bridge: 30 s rest
