"""Driving the set review page the way a user does: choose a video, wait for the analysis, read the
results from the stable test hooks (issue 19). Shared by the browser tests and the benchmark.

Hooks: ``video-input``, ``video-record``, ``video-status`` (``data-state``), ``video-progress``
(role=progressbar, ``aria-valuenow``), ``video-cancel``, ``video-warning`` (``data-reason``),
``rep-count`` (``data-value``, ``data-left``/``data-right``), ``rep-row`` (``data-rep``,
``data-leg``, ``data-start``/``data-end``, ``data-lower``/``data-bottom``/``data-drive``/
``data-top``, ``data-shin``, ``data-hip-line``, ``data-verdict``), ``video-target-tempo``,
``video-chart``, ``video-export-csv``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support import ROOT

VIDEOS = ROOT / "tests" / "data" / "videos"
FORMATS = VIDEOS / "formats"
TRUTH: dict[str, Any] = json.loads((VIDEOS / "truth.json").read_text(encoding="utf-8"))
PAGE = "tools/set-review/"
TIMEOUT_MS = 180_000
FINISHED = ("done", "none", "failed", "unsupported", "idle")


def open_review(page: Any, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}{PAGE}{query}")
    page.wait_for_selector(".hipthrust-tool[data-python='ready']", timeout=TIMEOUT_MS)


def choose(page: Any, path: Path) -> None:
    """Choose a file in the page's file input, as the file picker hands it over (by path: no
    copy of its bytes goes through the page's main thread, as it would for an in-memory file)."""
    page.get_by_test_id("video-input").set_input_files(str(path))


def wait_finished(page: Any, timeout: int = TIMEOUT_MS) -> str:
    """Wait until the status leaves loading/analysing (after a new choice); returns data-state."""
    page.wait_for_function(
        """(finished) => {
            const s = document.querySelector('[data-testid="video-status"]').dataset.state;
            return finished.includes(s) && s !== 'idle';
        }""",
        arg=list(FINISHED),
        timeout=timeout,
    )
    return str(page.get_by_test_id("video-status").get_attribute("data-state"))


def rows(page: Any) -> list[dict[str, str]]:
    return list(
        page.eval_on_selector_all(
            '[data-testid="rep-row"]', "rows => rows.map((row) => ({ ...row.dataset }))"
        )
    )


def warnings(page: Any) -> list[str]:
    return list(
        page.eval_on_selector_all(
            '[data-testid="video-warning"]', "els => els.map((e) => e.dataset.reason)"
        )
    )


def phase_errors(found: list[dict[str, str]], truth: list[dict[str, Any]]) -> list[float]:
    """|found - truth| (s) of every phase the truth times, rep by rep."""
    errors = []
    for row, rep in zip(found, truth, strict=True):
        for phase in ("lower", "bottom", "drive", "top"):
            if rep[phase] is None:
                continue
            # A phase the page left empty where the truth times one is as wrong as can be.
            errors.append(abs(float(row[phase]) - rep[phase]) if phase in row else float("inf"))
    return errors
