"""The unit tests' copy of the labelled photos' joints (tests/unit/photo_labels.py) is the data
file's (tests/data/photos/labels.json): one set of numbers, kept in two forms for Pyodide."""

from __future__ import annotations

import json

from tests.support import ROOT
from tests.unit.photo_labels import LABELS


def test_embedded_labels_match_the_data_file() -> None:
    data = json.loads((ROOT / "tests/data/photos/labels.json").read_text(encoding="utf-8"))
    photos = {name: value for name, value in data.items() if not name.startswith("_")}
    assert set(photos) == set(LABELS)
    for name, label in LABELS.items():
        for key in "SHKA":
            assert tuple(photos[name][key]) == getattr(label, key), (name, key)
