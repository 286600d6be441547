"""The set review's analysis alone (pure Python), on real MoveNet keypoints of the test videos.

For each video with stored keypoints (tests/data/videos/keypoints/, from keypoints.mjs: the site's
MoveNet Thunder on every 3rd frame, 10 a second), prints the rep count against the truth
(tests/data/videos/truth.json), the phase errors (median and worst, s; issue 19 asks 0.15 and
0.3), the partial cycles, and the analysis time per video and per frame on CPython. The browser's
whole pipeline (decode, model, this analysis) is measured by tests/bench/set_review.py.

Run: ``.venv/bin/python -m tests.bench.review_keypoints``
"""

from __future__ import annotations

import statistics
import time

from hipthrust.web_review import review_analyse
from tests.unit.review_truth import keypoint_files, keypoints, phase_errors, truth


def main(argv: list[str] | None = None) -> None:
    del argv
    expected = truth()
    print(
        f"{'video':32} {'reps':>9} {'partial':>8} {'median s':>9} {'worst s':>8} {'ms':>7} {'ms/frame':>9}"
    )
    for video in keypoint_files():
        data = keypoints(video)
        true = expected[video]
        started = time.perf_counter()
        out = review_analyse(
            data["frames"],
            data["width"],
            data["height"],
            true.get("step", "glute-bridge"),
            None,
            data["duration"],
        )
        elapsed = (time.perf_counter() - started) * 1000
        count = out["count"]["value"] if out["ok"] else None
        reps = f"{count}/{len(true['reps'])}" + ("" if count == len(true["reps"]) else " !")
        errors = phase_errors(out["reps"], true["reps"]) if count == len(true["reps"]) else []
        median = f"{statistics.median(errors):.3f}" if errors else "-"
        worst = f"{max(errors):.3f}" if errors else "-"
        partial = f"{len(out.get('partial', []))}/{true['partial']}"
        state = "" if out.get("state") == "done" else f"  ({out.get('state')}: "
        state += ", ".join(w["reason"] for w in out.get("warnings", [])) + ")" if state else ""
        per_frame = elapsed / max(1, len(data["frames"]))
        print(
            f"{video:32} {reps:>9} {partial:>8} {median:>9} {worst:>8} {elapsed:7.1f} "
            f"{per_frame:9.2f}{state}"
        )


if __name__ == "__main__":
    main()
