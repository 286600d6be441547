"""The test videos' truth (tests/data/videos/truth.json) and real MoveNet keypoints of them
(tests/data/videos/keypoints/*.json, made by keypoints.mjs), compared with the review's answer.

Read from files next to the tests: inside Pyodide the repository is mounted at the same place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VIDEOS = Path(__file__).resolve().parents[1] / "data" / "videos"
PHASES = ("lower", "bottom", "drive", "top")


def truth() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((VIDEOS / "truth.json").read_text())
    return loaded


def keypoint_files() -> list[str]:
    """The videos whose keypoints are stored, by file name (``bridge_1rep.mp4``)."""
    return sorted(p.stem + ".mp4" for p in (VIDEOS / "keypoints").glob("*.json"))


def keypoints(video: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (VIDEOS / "keypoints" / video.replace(".mp4", ".json")).read_text()
    )
    return loaded


def phase_errors(rows: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[float]:
    """|measured - true| seconds of every phase both give, rep by rep (same count assumed);
    a phase the truth leaves empty (cut by the video) must be empty in the answer too."""
    errors = []
    for row, true in zip(rows, expected, strict=True):
        for name in PHASES:
            if true[name] is None:
                if row[name] is not None:
                    raise AssertionError(f"rep {row['rep']}: {name} should be empty (cut)")
                continue
            if row[name] is None:
                raise AssertionError(f"rep {row['rep']}: {name} missing")
            errors.append(abs(row[name] - true[name]))
    return errors
