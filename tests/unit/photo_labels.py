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
