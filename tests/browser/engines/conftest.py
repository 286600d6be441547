"""Fixtures for the journey on three engines: an X display for MiniBrowser (Xvfb), a PulseAudio
daemon with a null sink (an audio device that plays to nowhere), the site served with the error
recorder, and one fresh browser per test (so no service worker or storage leaks between tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.engines.driver import Engine, engine_server, launch


@pytest.fixture(scope="session")
def engine_url(built_site: Path) -> Iterator[str]:
    with engine_server(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """An X display for MiniBrowser: the one we have, else our own Xvfb."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        pytest.fail("Xvfb is missing: run scripts/ensure-browsers.sh (make test does)")
    read, write = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = f":{pipe.readline().strip()}"
    os.environ["DISPLAY"] = display
    try:
        yield display
    finally:
        del os.environ["DISPLAY"]
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def null_sink() -> Iterator[str]:
    """A PulseAudio daemon whose only sink plays to nowhere; yields its PULSE_SERVER value."""
    pulseaudio = shutil.which("pulseaudio")
    if not pulseaudio:
        pytest.fail("pulseaudio is missing: run scripts/ensure-browsers.sh (make test does)")
    folder = Path(tempfile.mkdtemp(prefix="engines-pulse-"))
    socket = folder / "native"
    process = subprocess.Popen(
        [
            pulseaudio,
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--system=no",
            "--load=module-null-sink sink_name=nowhere",
            f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
        ],
        env={**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    else:
        process.terminate()
        pytest.fail("pulseaudio did not start")
    try:
        yield f"unix:{socket}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def open_engine(request: pytest.FixtureRequest) -> Iterator[Any]:
    """``open_engine(name, **options)`` launches a browser; every one is closed after the test."""
    opened: list[Engine] = []

    def _open(name: str, **options: Any) -> Engine:
        if name == "chromium":
            options["browser"] = request.getfixturevalue("browser")
        elif name == "webkit":
            request.getfixturevalue("x_display")
        elif name == "firefox" and "env" not in options:
            # The usual machine: sound goes to a device (the null sink).
            options["env"] = {"PULSE_SERVER": request.getfixturevalue("null_sink")}
        engine = launch(name, **options)
        opened.append(engine)
        return engine

    yield _open
    for engine in opened:
        engine.close()
