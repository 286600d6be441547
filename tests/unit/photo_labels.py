"""Joints marked by eye on six real side-view photos (tests/data/photos/labels.json), as Python
so the unit tests need no file access (they also run inside Pyodide).

Photos from yuhonas/free-exercise-db, The Unlicense (public domain); 850x567 px; the near side's
shoulder, hip, knee and ankle, about ±10-15 px (±30 px for a hip hidden under a plate or ball).
All six are at (or near) the top of a bridge or hip thrust. tests/integration/test_photo_labels.py
checks these numbers against the JSON file.
"""

from __future__ import annotations

from typing import NamedTuple

WIDTH, HEIGHT = 850, 567


class Label(NamedTuple):
    S: tuple[int, int]
    H: tuple[int, int]
    K: tuple[int, int]
    A: tuple[int, int]

    def points(self) -> dict[str, list[float]]:
        return {
            "shoulder": list(map(float, self.S)),
            "hip": list(map(float, self.H)),
            "knee": list(map(float, self.K)),
            "ankle": list(map(float, self.A)),
        }


LABELS = {
    "01_ht_fedb.jpg": Label(S=(604, 241), H=(397, 264), K=(170, 236), A=(227, 427)),
    "03_br_fedb.jpg": Label(S=(567, 368), H=(397, 302), K=(236, 194), A=(194, 383)),
    "04_br_fedb.jpg": Label(S=(619, 331), H=(444, 269), K=(283, 225), A=(203, 397)),
    "07_br_fedb.jpg": Label(S=(576, 359), H=(378, 283), K=(208, 236), A=(151, 411)),
    "08_ht_fedb.jpg": Label(S=(387, 312), H=(576, 316), K=(727, 312), A=(732, 472)),
    "09_br_fedb.jpg": Label(S=(264, 434), H=(463, 354), K=(609, 307), A=(623, 453)),
}

# Three more photos of the same set that labels.json leaves out, marked by eye for these tests on
# a 50 px grid (about ±20 px; the hip of 02 is behind the plate, ±30 px): the bottom of a hip
# thrust (02), lying flat at the bottom of a bridge (05), and a single-leg bridge part way up with
# the free leg raised high (10; free knee and free ankle as F and G).
BOTTOM_LABELS = {
    "02_ht_fedb.jpg": Label(S=(600, 270), H=(375, 400), K=(250, 280), A=(255, 462)),
    "05_br_fedb.jpg": Label(S=(645, 315), H=(455, 328), K=(320, 195), A=(215, 398)),
}
SINGLE_LEG = Label(S=(255, 445), H=(470, 405), K=(600, 320), A=(640, 465))
SINGLE_LEG_FREE = {"knee": (495, 275), "ankle": (610, 135)}
