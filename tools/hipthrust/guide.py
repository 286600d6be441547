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
