"""The browser's door into the package: JSON-in/JSON-out functions called from the Web Worker.

The worker calls :func:`call` with a function name and a JSON object of keyword arguments and
gets JSON back, so only strings cross the JavaScript/Python boundary and nothing else in the
package knows about the browser. Only the functions in :data:`API` can be called.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from . import __version__
from .tempo import TempoError, parse_tempo
from .web_checker import (
    checker_best_frame,
    checker_detect,
    checker_front,
    checker_setup,
    checker_side,
)
from .web_log import (
    log_advice,
    log_balance,
    log_check_entry,
    log_csv,
    log_export,
    log_rule,
    log_sessions,
    log_setup,
    log_trend_svg,
    log_validate,
)
from .web_review import review_analyse
from .web_timer import timer_plan, timer_setup


def describe() -> dict[str, str]:
    """What is running: shown on the tool pages once Python is ready."""
    return {"package": __version__, "python": sys.version.split()[0], "platform": sys.platform}


def check_tempo(text: str) -> dict[str, Any]:
    """Validate tempo text: ``{"ok": True, "tempo": "3-0-1-1"}`` or ``{"ok": False, "message"}``."""
    try:
        tempo = parse_tempo(text)
    except TempoError as error:
        return {"ok": False, "message": str(error)}
    return {"ok": True, "tempo": tempo.notation()}


API: dict[str, Callable[..., Any]] = {
    "describe": describe,
    "check_tempo": check_tempo,
    "checker_setup": checker_setup,
    "checker_side": checker_side,
    "checker_front": checker_front,
    "checker_detect": checker_detect,
    "checker_best_frame": checker_best_frame,
    "timer_setup": timer_setup,
    "timer_plan": timer_plan,
    "log_check_entry": log_check_entry,
    "log_validate": log_validate,
    "log_export": log_export,
    "log_csv": log_csv,
    "log_sessions": log_sessions,
    "log_advice": log_advice,
    "log_balance": log_balance,
    "log_trend_svg": log_trend_svg,
    "log_rule": log_rule,
    "log_setup": log_setup,
    "review_analyse": review_analyse,
}


def call(name: str, arguments_json: str) -> str:
    """Run ``API[name](**arguments)`` and return its result as JSON."""
    function = API.get(name)
    if function is None:
        raise KeyError(f"hipthrust.web has no function {name!r}")
    arguments = json.loads(arguments_json)
    if not isinstance(arguments, dict):
        raise TypeError("arguments must be a JSON object")
    return json.dumps(function(**arguments), allow_nan=False)
