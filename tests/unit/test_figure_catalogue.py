"""The guide's figures stay byte-for-byte what they were when the catalogue became data (issue 16
§4): ``data/figure_digests.json`` holds the SHA-256 of each figure's HTML (every panel's SVG, its
label and verdict, the caption) built by the code before that change.

A figure changed on purpose gets its new digest written with
``python -m tests.unit.test_figure_catalogue`` (then read the figure on the page before
committing). A figure added later has no stored digest and is not compared here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hipthrust.figures import FIGURES, figure_html

DIGESTS_FILE = Path(__file__).parent / "data" / "figure_digests.json"
DIGESTS: dict[str, str] = json.loads(DIGESTS_FILE.read_text(encoding="utf-8"))


def digest(name: str) -> str:
    return hashlib.sha256(figure_html(name).encode("utf-8")).hexdigest()


def test_every_stored_figure_is_still_in_the_catalogue() -> None:
    assert len(DIGESTS) >= 19
    assert set(DIGESTS) <= set(FIGURES)


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_figure_is_byte_for_byte_the_stored_one(name: str) -> None:
    assert digest(name) == DIGESTS[name], f"{name} changed; see this module's docstring"


if __name__ == "__main__":  # pragma: no cover - writes the digests of the figures as they are now
    DIGESTS_FILE.write_text(
        json.dumps({name: digest(name) for name in FIGURES}, indent=2) + "\n", encoding="utf-8"
    )
