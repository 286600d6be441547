"""A fake camera for Chromium's ``--use-file-for-fake-video-capture``: a Y4M video made from a
real photo moved up and down frame by frame, so a self-timer burst sees the hips rise and fall.

The offset of frame ``i`` is ``-AMPLITUDE * sin(pi * i / FRAMES)`` (pixels, negative = up): the
content is highest in the middle of the loop. Chromium plays the file at its frame rate and loops
it, so a 2 s burst at 8 fps always covers one whole loop.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image

FPS = 30
FRAMES = 60  # a 2 s loop
AMPLITUDE = 60  # pixels


def offset(index: int) -> int:
    return round(-AMPLITUDE * math.sin(math.pi * (index % FRAMES) / FRAMES))


def _i420(image: Image.Image) -> bytes:
    """Planar Y, U, V (4:2:0) bytes of an RGB image with even sides, as Y4M's C420 wants."""
    y, u, v = image.convert("YCbCr").split()
    half = (image.width // 2, image.height // 2)
    return (
        y.tobytes()
        + u.resize(half, Image.Resampling.BOX).tobytes()
        + v.resize(half, Image.Resampling.BOX).tobytes()
    )


def write_y4m(photo: Path, target: Path) -> tuple[int, int]:
    """Write the moving-photo video; returns its (width, height)."""
    source = Image.open(photo).convert("RGB")
    width, height = source.width // 2 * 2, source.height // 2 * 2
    source = source.crop((0, 0, width, height))
    with target.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{FPS}:1 Ip A1:1 C420jpeg\n".encode())
        for index in range(FRAMES):
            frame = Image.new("RGB", (width, height), (20, 20, 20))
            frame.paste(source, (0, offset(index)))
            out.write(b"FRAME\n" + _i420(frame))
    return width, height
