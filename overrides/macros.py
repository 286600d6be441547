"""mkdocs-macros entry point: the guide's numbers come from the ``hipthrust`` package.

Pages write ``{{ guide.LOWERING_SECONDS_MIN }}`` and the like, so a number in the guide and the
tools' default can never disagree. Unknown names fail the build (``on_undefined: strict``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import hipthrust
from hipthrust import guide


def define_env(env: Any) -> None:
    env.variables["hipthrust_version"] = hipthrust.__version__
    env.variables["guide"] = SimpleNamespace(
        **{name: value for name, value in vars(guide).items() if name.isupper()}
    )
    define_guide_macros(env)
    define_checker(env)


# -----------------------------------------------------------------------------
# The guide's figures and troubleshooting entries (issue 3)
# -----------------------------------------------------------------------------


def define_guide_macros(env: Any) -> None:
    """``figure(name)``, ``troubleshooting_entries()``, ``fault_cue(anchor)``, ``fault_link``."""
    from hipthrust import faults, figures
    from hipthrust.sources import footnotes
    from hipthrust.tempo import parse_tempo

    env.variables["faults"] = faults.FAULTS

    @env.macro  # type: ignore[untyped-decorator]
    def figure(name: str) -> str:
        """An inline SVG figure (raw HTML block) from ``hipthrust.figures``."""
        if name not in figures.FIGURES:
            raise KeyError(f"unknown figure {name!r}; known: {', '.join(figures.FIGURES)}")
        return "\n" + figures.figure_html(name) + "\n"

    @env.macro  # type: ignore[untyped-decorator]
    def sources(*keys: str) -> str:
        """Footnote definitions with links (``hipthrust.sources``): the keys given, else every
        ``[^key]`` the page's Markdown cites, in order of first use."""
        cited = keys or tuple(dict.fromkeys(re.findall(r"\[\^([\w-]+)\](?!:)", env.markdown)))
        return "\n" + footnotes(*cited) + "\n"

    @env.macro  # type: ignore[untyped-decorator]
    def tempo_words(notation: str) -> str:
        """``3-0-1-1`` in words, in the one order the site uses (the timer's notation)."""
        tempo = parse_tempo(notation)
        drive = "an explosive drive up" if tempo.explosive_drive else f"{tempo.drive} s drive up"
        return (
            f"{tempo.lowering} s lowering, {tempo.bottom_pause} s pause at the bottom, "
            f"{drive} and {tempo.top_hold} s hold at the top"
        )

    @env.macro  # type: ignore[untyped-decorator]
    def fault_cue(anchor: str) -> str:
        return faults.FAULTS_BY_ANCHOR[anchor].cue

    @env.macro  # type: ignore[untyped-decorator]
    def fault_link(anchor: str, page: str = "troubleshooting.md") -> str:
        """``[Title](troubleshooting.md#anchor)`` for a fault, from any page at the docs root."""
        return f"[{faults.FAULTS_BY_ANCHOR[anchor].title}]({page}#{anchor})"

    @env.macro  # type: ignore[untyped-decorator]
    def troubleshooting_entries() -> str:
        """One section per fault: heading with its stable anchor, figure, see/feel, why, cue."""
        sections = []
        for fault in faults.FAULTS:
            art = figures.figure_html(fault.anchor) if fault.anchor in figures.FIGURES else ""
            sections.append(
                f"## {fault.title} {{#{fault.anchor}}}\n\n"
                f'<p class="ht-cue"><strong>Fix:</strong> {fault.cue}</p>\n\n'
                f"{art}\n\n"
                f"- **You see or feel:** {fault.symptom}\n"
                f"- **Why it matters:** {fault.why}\n"
                + (f"- **Drill:** {fault.drill}\n" if fault.drill else "")
                + (f"\n{fault.note}\n" if fault.note else "")
            )
        return "\n".join(sections)


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
