"""The set review: is this a bridge or hip thrust at all? (Else the review counts nothing.)

**Not a bridge**: a bridge or hip thrust is done lying back, the shoulders on the floor or a
bench, so (1) the trunk is far from upright (shoulder-hip line more than :data:`UPRIGHT_DEG` from
level on most frames means standing, lunging or squatting: the model's bottom position tilts it
40°, its top 0°) and (2) the hips move while the shoulders stay (they pivot on the support): a
movement where the shoulders travel more than :data:`SHOULDER_SHARE` of the hips' travel is the
whole body going up and down (a squat, a lunge, sitting up), not a bridge. On the real keypoints
(tests/data/videos/keypoints/) the floor bridge's shoulders travel 0.07-0.21 of its hips' travel
and its trunk stays within 24° of level; the reverse-lunge clip's trunk is 79° from level
(median over its frames).
"""

from __future__ import annotations

import math
from statistics import median
from typing import Final

from .keypoints import SIDES
from .review_reps import Movement
from .review_series import Series

UPRIGHT_DEG: Final = 60.0
SHOULDER_SHARE: Final = 0.5


def trunk_upright(series: Series) -> bool:
    """Whether the shoulder-hip line is more than UPRIGHT_DEG from level on most frames."""
    tilts = []
    for frame in series.frames:
        for side in SIDES:
            s, h = frame.keypoints.get(f"{side}_shoulder"), frame.keypoints.get(f"{side}_hip")
            if s and h and s.confident and h.confident and (s.x, s.y) != (h.x, h.y):
                tilts.append(math.degrees(math.atan2(abs(s.y - h.y), abs(s.x - h.x))))
    return bool(tilts) and median(tilts) > UPRIGHT_DEG


def not_a_bridge(series: Series, movements: list[Movement], front: bool = False) -> bool:
    """The module docstring's two signs: an upright trunk (side-on only: from the front a lying
    trunk looks upright), or shoulders moving with the hips."""
    if not front and trunk_upright(series):
        return True
    shares = [m.shoulder_share for m in movements if m.shoulder_share is not None]
    return bool(shares) and median(shares) > SHOULDER_SHARE
