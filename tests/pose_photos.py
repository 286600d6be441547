"""Real labelled photos for the pose detector, and running the detector on them in a page.

The photos (tests/data/photos/, public domain, see its README) are side views of bridges and hip
thrusts, 850x567, with the near side's shoulder, hip, knee and ankle marked by eye for six of
them. Used by tests/browser/test_pose_detector.py and tests/bench/pose_accuracy.py, so the test
and the benchmark judge the detector the same way.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hipthrust.geometry import from_vertical_deg, side_frame, signed_angle, sub

Point = tuple[float, float]

PHOTOS = Path(__file__).resolve().parent / "data" / "photos"
JOINTS = {"S": "shoulder", "H": "hip", "K": "knee", "A": "ankle"}


@dataclass(frozen=True)
class Labelled:
    name: str
    joints: dict[str, Point]  # shoulder, hip, knee, ankle of the near side, photo pixels
    uncertain: frozenset[str]  # joints marked less surely (hidden by a plate, a ball, hands)


def labelled_photos() -> list[Labelled]:
    raw = json.loads((PHOTOS / "labels.json").read_text(encoding="utf-8"))
    photos = []
    for name, entry in sorted(raw.items()):
        if name.startswith("_"):
            continue
        uncertain = {
            JOINTS[letter] for letter in entry.get("uncertain", "").split(" ")[:1] if letter
        }
        joints = {
            joint: (float(entry[letter][0]), float(entry[letter][1]))
            for letter, joint in JOINTS.items()
        }
        photos.append(Labelled(name, joints, frozenset(uncertain)))
    return photos


def all_photo_names() -> list[str]:
    return sorted(path.name for path in PHOTOS.glob("*.jpg"))


def photo_payload(names: list[str]) -> list[list[str]]:
    """``[[name, base64 JPEG], ...]``: what DETECT_IN_PAGE takes."""
    return [[name, base64.b64encode((PHOTOS / name).read_bytes()).decode()] for name in names]


# Runs in the page: imports the site's detector module, loads it (recording progress) and runs
# it `runs` times on each photo, decoded in the page. Returns the last result of each photo and
# the wall time of each run (decode excluded: it is the page's job, done once per photo).
DETECT_IN_PAGE = """
async ([moduleUrl, photos, options, runs]) => {
  const detector = await import(moduleUrl);
  const progress = [];
  const loadStart = performance.now();
  const info = await detector.loadDetector({ onProgress: (p) => progress.push(p) });
  const loadMs = performance.now() - loadStart;
  const results = {};
  for (const [name, encoded] of photos) {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }));
    const size = { width: bitmap.width, height: bitmap.height, ...options };
    const times = [];
    let result = null;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      result = await detector.detectPose(bitmap, size);
      times.push(performance.now() - start);
    }
    // The caller's bitmap must still be usable: the detector works on a copy.
    results[name] = { ...result, times, bitmapStillOpen: bitmap.width > 0 };
    bitmap.close();
  }
  return { info, loadMs, progress, results, detector: detector.DETECTOR };
}
"""


def near_side(keypoints: list[dict[str, Any]]) -> tuple[str, dict[str, Point]]:
    """The checker's own choice (hipthrust.detection, by scores and geometry): the near side's
    shoulder and hip with the working leg's knee and ankle, and which side that is."""
    from hipthrust.web_checker import checker_detect

    result = checker_detect(keypoints, 850, 567, "side")
    assert result["ok"] and result["found"], result
    points = {name: (float(x), float(y)) for name, (x, y) in result["points"].items()}
    return str(result["near_side"]), {joint: points[joint] for joint in JOINTS.values()}


def side_points(keypoints: list[dict[str, Any]], side: str) -> dict[str, Point]:
    """Shoulder, hip, knee and ankle of one side ("left" or "right")."""
    by_name = {point["name"]: point for point in keypoints}
    return {
        joint: (float(by_name[f"{side}_{joint}"]["x"]), float(by_name[f"{side}_{joint}"]["y"]))
        for joint in JOINTS.values()
    }


def side_angles(points: dict[str, Point]) -> tuple[float, float]:
    """(shin, shoulder-hip-knee) in degrees, as hipthrust.checker measures them (no floor line):
    shin = ankle->knee from vertical; hip line = the shoulder-hip-knee bend from straight."""
    frame = side_frame(points["shoulder"], points["ankle"], None)
    m = {name: frame.point(p) for name, p in points.items()}
    shin = from_vertical_deg(sub(m["knee"], m["ankle"]))
    hip_line = signed_angle(sub(m["hip"], m["knee"]), sub(m["shoulder"], m["hip"]))
    return shin, hip_line


def angle_error(a: float, b: float) -> float:
    """|a - b| in degrees, the short way round."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
