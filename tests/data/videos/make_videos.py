"""Build the set review's test videos, whose truth is exact, from the one real bridge clip.

Run from the repository root (needs ``ffmpeg`` on PATH; CI does not have it, so the small
results are committed)::

    python tests/data/videos/make_videos.py            # the committed videos + truth.json
    python tests/data/videos/make_videos.py --bench    # also a 60 s 1080p 30 fps set in .cache/

The real clip (``bridge_1rep_physioplus.mp4``, 91 frames at 30 fps) is labelled by eye (about
±0.1 s, ``/work/shared/videos/README.md``): bottom 0-0.3, drive 0.3-0.6, top hold 0.6-2.3,
lowering 2.3-2.7, bottom 2.7-end. Every made video is built from whole frames of it, so its
phases are those labels moved by a known offset: joined copies (offset k x 91/30 s), the clip
played backwards (time mirrored: the lowering becomes a drive), slowed with ``setpts`` (every
phase x 2) or trimmed at a known frame. ``truth.json`` lists, per video, the phases and the reps
(the same rep rule as ``hipthrust.review_reps``: a rep is one full lowering and one full drive
with the pause and hold between and after them; a phase cut by the video's start or end is null).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/videos")
REAL = "bridge_1rep_physioplus.mp4"
LUNGE = "lunge_negative_pexels.mp4"
FPS = 30
FRAMES = 91  # the real clip's frame count (ffprobe nb_frames)
CLIP = FRAMES / FPS
# (phase, start, end) of the real clip, seconds; "end" of the last is the clip's end.
LABELS = [("bottom", 0.0, 0.3), ("drive", 0.3, 0.6), ("top", 0.6, 2.3), ("lower", 2.3, 2.7)]
LABELS.append(("bottom", 2.7, CLIP))
# H.264 at 480x360, CRF 30, no audio: a 12 s set is a few hundred KB.
ENCODE = ["-an", "-c:v", "libx264", "-preset", "slow", "-crf", "30", "-pix_fmt", "yuv420p"]
ENCODE += ["-movflags", "+faststart", "-r", str(FPS)]
SCALE = "scale=480:360"

Phase = tuple[str, float, float]


def forward(offset: float, speed: float = 1.0) -> list[Phase]:
    return [(name, offset + a * speed, offset + b * speed) for name, a, b in LABELS]


def backward(offset: float) -> list[Phase]:
    """The clip played backwards: time mirrored, a lowering seen backwards is a drive."""
    swap = {"drive": "lower", "lower": "drive"}
    return [
        (swap.get(name, name), offset + CLIP - b, offset + CLIP - a) for name, a, b in LABELS[::-1]
    ]


def merged(phases: list[Phase], start: float = 0.0, end: float | None = None) -> list[Phase]:
    """Neighbouring same phases joined (a bottom then a bottom), clipped to [start, end]."""
    out: list[Phase] = []
    for name, a, b in phases:
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1], b)
        else:
            out.append((name, a, b))
    stop = out[-1][2] if end is None else end
    clipped = [(n, max(a, start) - start, min(b, stop) - start) for n, a, b in out]
    return [(n, round(a, 4), round(b, 4)) for n, a, b in clipped if b > a]


def reps(phases: list[Phase], duration: float) -> list[dict[str, Any]]:
    """The truth's reps: 4 phases each, starting at the video's first movement (module doc)."""
    first = next(i for i, p in enumerate(phases) if p[0] in ("lower", "drive"))
    found = []
    for i in range(first, len(phases), 4):
        group = phases[i : i + 4]
        names = [p[0] for p in group]
        moves = [p for p in group if p[0] in ("lower", "drive")]
        cut = [p for p in moves if p[2] >= duration - 1e-3]
        if len(moves) < 2 or cut:
            break  # no full lowering and full drive: a partial cycle, not counted
        row: dict[str, Any] = {"rep": len(found) + 1, "start": group[0][1], "end": group[-1][2]}
        for name in ("lower", "bottom", "drive", "top"):
            p = next((p for p in group if p[0] == name), None)
            whole = p is not None and p[2] < duration - 1e-3
            row[name] = round(p[2] - p[1], 4) if p is not None and whole else None
        row["order"] = names
        found.append(row)
    return found


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make(out: Path, filters: str) -> None:
    ffmpeg("-i", str(SHARED / REAL), "-filter_complex", filters, "-map", "[v]", *ENCODE, str(out))


def copies(n: int) -> str:
    inputs = "".join(f"[c{i}]" for i in range(n))
    split = f"[0:v]{SCALE},split={n}" + inputs
    return f"{split};{inputs}concat=n={n}:v=1:a=0[v]"


def main() -> None:
    if shutil.which("ffmpeg") is None:
        sys.exit("ffmpeg is needed to make the test videos")
    truth: dict[str, Any] = {}

    def record(name: str, phases: list[Phase], duration: float, **extra: Any) -> None:
        counted = reps(phases, duration)
        last = counted[-1]["end"] if counted else 0.0
        first = counted[0]["start"] if counted else duration
        loose = [
            p for p in phases if p[0] in ("lower", "drive") and (p[1] >= last or p[2] <= first)
        ]
        truth[name] = {
            "duration": round(duration, 4),
            "phases": [list(p) for p in phases],
            "reps": counted,
            "partial": len(loose),  # movements (lowering or drive) in no counted rep
            **extra,
        }

    shutil.copyfile(SHARED / REAL, HERE / "bridge_1rep.mp4")
    record("bridge_1rep.mp4", merged(forward(0.0)), CLIP, step="glute-bridge", real=True)

    make(HERE / "bridge_4reps.mp4", copies(4))
    record(
        "bridge_4reps.mp4",
        merged([p for k in range(4) for p in forward(k * CLIP)]),
        4 * CLIP,
        step="glute-bridge",
    )

    make(HERE / "bridge_1rep_half_speed.mp4", f"[0:v]{SCALE},setpts=2*PTS[v]")
    record(
        "bridge_1rep_half_speed.mp4",
        merged(forward(0.0, speed=2.0)),
        2 * CLIP,
        step="glute-bridge",
        speed=0.5,
    )

    make(
        HERE / "bridge_there_and_back.mp4",
        f"[0:v]{SCALE},split=2[a][b];[b]reverse[r];[a][r]concat=n=2:v=1:a=0[v]",
    )
    record(
        "bridge_there_and_back.mp4",
        merged(forward(0.0) + backward(CLIP)),
        2 * CLIP,
        step="glute-bridge",
    )

    # Three copies, the first 45 frames (1.5 s, mid top hold) cut: starts at the top, ends at the
    # bottom after a lowering with no drive: one partial cycle at each end.
    cut = 45
    make(
        HERE / "bridge_cut_both_ends.mp4",
        copies(3).replace("[v]", "[j]") + f";[j]trim=start_frame={cut},setpts=PTS-STARTPTS[v]",
    )
    record(
        "bridge_cut_both_ends.mp4",
        merged([p for k in range(3) for p in forward(k * CLIP)], start=cut / FPS),
        3 * CLIP - cut / FPS,
        step="glute-bridge",
    )

    shutil.copyfile(SHARED / LUNGE, HERE / "lunge_negative.mp4")
    truth["lunge_negative.mp4"] = {
        "duration": 10.0,
        "phases": [],
        "reps": [],
        "partial": 0,
        "not_bridge": True,
    }

    (HERE / "truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    if "--bench" in sys.argv:
        bench = Path(".cache/videos")
        bench.mkdir(parents=True, exist_ok=True)
        n = 20  # 20 x 3.03 s = 60.7 s
        big = copies(n).replace(SCALE, "scale=1920:1080")
        ffmpeg(
            "-i",
            str(SHARED / REAL),
            "-filter_complex",
            big,
            "-map",
            "[v]",
            *ENCODE,
            str(bench / "bridge_60s_1080p.mp4"),
        )


if __name__ == "__main__":
    main()
