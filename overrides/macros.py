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
