"""Run every benchmark in tests/bench/ (each module with a ``main()``), one after another.

.venv/bin/python -m tests.bench.all      (what `make bench` runs)
"""

from __future__ import annotations

import importlib
import pkgutil

import tests.bench


def main() -> None:
    for module_info in sorted(pkgutil.iter_modules(tests.bench.__path__), key=lambda m: m.name):
        if module_info.name == "all":
            continue
        module = importlib.import_module(f"tests.bench.{module_info.name}")
        if hasattr(module, "main"):
            print(f"\n== {module_info.name} ==", flush=True)
            module.main([])


if __name__ == "__main__":
    main()
