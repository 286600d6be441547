"""mkdocs-macros entry point: the guide's numbers come from the ``hipthrust`` package.

Pages write ``{{ guide.LOWERING_SECONDS_MIN }}`` and the like, so a number in the guide and the
tools' default can never disagree. Unknown names fail the build (``on_undefined: strict``).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import hipthrust
from hipthrust import guide


def define_env(env: Any) -> None:
    env.variables["hipthrust_version"] = hipthrust.__version__
    env.variables["guide"] = SimpleNamespace(
        **{name: value for name, value in vars(guide).items() if name.isupper()}
    )
    define_checker(env)


# ---------------------------------------------------------------------------------------------
# Angle checker: its thresholds (hipthrust.checker.THRESHOLDS) and the "how to take the photo"
# figure, so the page explains the very numbers the tool uses.
# ---------------------------------------------------------------------------------------------


def define_checker(env: Any) -> None:
    from hipthrust import checker, overlay

    env.variables["checker"] = SimpleNamespace(
        thresholds=checker.THRESHOLDS,
        photo_figure=overlay.photo_setup_figure(),
    )
