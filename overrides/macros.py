"""mkdocs-macros entry point: the guide's numbers come from the ``hipthrust`` package.

Pages write ``{{ guide.LOWERING_SECONDS_MIN }}`` and the like, so a number in the guide and the
tools' default can never disagree. Unknown names fail the build (``on_undefined: strict``).
"""

from __future__ import annotations

import re
from html import escape
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import hipthrust
from hipthrust import guide


def define_env(env: Any) -> None:
    env.variables["hipthrust_version"] = hipthrust.__version__
    env.variables["guide"] = SimpleNamespace(
        **{name: value for name, value in vars(guide).items() if name.isupper()}
    )
    define_guide_macros(env)
    define_programming(env)
    define_checker(env)
    define_progression(env)


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
    def tempo_notation() -> str:
        """The one explanation of the notation (Execution, the glossary and the timer): written
        lowering first, while the timer starts each rep at the bottom."""
        example = guide.DEFAULT_TEMPO
        return (
            f"Tempo is four numbers of seconds, written **lowering first**: **{example}** means "
            f"{tempo_words(example)}. The timer starts each rep at the bottom, so it plays the "
            "same four parts from the drive: drive up, hold, lower, pause."
        )

    @env.macro  # type: ignore[untyped-decorator]
    def animated_rep() -> str:
        """The moving rep (CSS keyframes written here), its Pause switch and still key positions."""
        from hipthrust.figure_rep import rep_html

        return "\n" + rep_html() + "\n"

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


# -----------------------------------------------------------------------------
# Programming (issue 12): the table and the timer's presets come from hipthrust.programming
# -----------------------------------------------------------------------------


TIMES = "\N{MULTIPLICATION SIGN}"


def _span(low: int, high: int, unit: str = "") -> str:
    return f"{low}{unit}" if low == high else f"{low}\N{EN DASH}{high}{unit}"


def _seconds(low: int, high: int) -> str:
    if low >= 120 and low % 60 == 0 and high % 60 == 0:
        return _span(low // 60, high // 60, " min")
    return _span(low, high, " s")


def define_programming(env: Any) -> None:
    """The ladder, the table, Scaling's steps and the timer's presets, all from ``hipthrust.steps``."""
    from hipthrust import figures, presets, programming, steps

    env.variables["programming"] = SimpleNamespace(
        RIR_MEANS=programming.RIR_MEANS,
        RIR_COUNTS_TO=programming.RIR_COUNTS_TO,
        FIRST_LEG_QUESTION=programming.FIRST_LEG_QUESTION,
        FIRST_LEG_WHY=programming.FIRST_LEG_WHY,
    )

    @env.macro  # type: ignore[untyped-decorator]
    def practice() -> str:
        """The one marker for coaching practice: a tag linking to its meaning in the glossary."""
        depth = env.page.file.src_uri.count("/") if env.page else 0
        return (
            f"[coaching practice]({'../' * depth}glossary.md#coaching-practice)"
            '{ .ht-practice title="What coaches commonly advise, not a study finding" }'
        )

    def cites(keys: tuple[str, ...]) -> str:
        return "".join(f" [^{key}]" for key in keys) if keys else " " + practice()

    @env.macro  # type: ignore[untyped-decorator]
    def programming_table() -> str:
        """The summary table: one line per step (and the top hold), each a link to its section."""
        lines = [
            f"| step | sets {TIMES} reps | reps in reserve | rest between sets |",
            "| --- | --- | --- | --- |",
        ]
        for row in programming.ROWS:
            each = "" if row.plan.legs == "together" else " a leg"
            lines.append(
                f"| [{row.name}](#{row.key}) | {_span(*row.sets)} {TIMES} {_span(*row.reps)}{each} "
                f"| {_span(*row.rir)} | {_seconds(*row.rest_sets)} |"
            )
        return "\n".join(lines)

    def row_lines(row: programming.Row) -> str:
        plan = row.plan
        together = plan.legs == "together"
        legs = "both feet together" if together else f"{plan.rest_legs} s between legs"
        query = urlencode(plan.fields())
        return (
            f"- **{_span(*row.sets)} sets {TIMES} {_span(*row.reps)} reps**"
            f"{'' if together else ' a leg'}{cites(row.sources)}, "
            f"stop with **{_span(*row.rir)} reps in reserve**.\n"
            f"- Rest **{_seconds(*row.rest_sets)}** between sets.\n"
            f"- Timer preset **{row.name}**: {plan.sets} {TIMES} {plan.reps}, tempo "
            f"{plan.tempo.notation()}, {plan.rest_sets} s between sets, {legs}. "
            f"[Open it in the timer](tools/tempo-timer.md?{query}).\n"
        )

    @env.macro  # type: ignore[untyped-decorator]
    def ladder() -> str:
        """One section per step: what it is, its row, its timer preset and its ready test."""
        sections = []
        extras = {h.row: h for h in steps.HARDER if h.row}
        for number, step in enumerate(steps.STEPS, start=1):
            row = steps.row(step.key)
            how = (
                f"[How to do it](scaling.md#{step.key})"
                if steps.place(step.key) != "target"
                else "[Setup](setup.md) and [Execution](execution.md)"
            )
            test = steps.ready_test(step.key)
            after = steps.next_step(step.key)
            ready = (
                f"- *Ready for the next step* ({after.name}) when every set reaches "
                f"**{test.sets} {TIMES} {test.reps}**{'' if row.plan.legs == 'together' else ' a leg'}"
                f" with at least {test.rir} in reserve, and {test.also}.\n"
                if test and after
                else ""
            )
            sections.append(
                f"### {number}. {step.name} {{#{step.key}}}\n\n"
                f"{row.goal}. {how}.\n\n{row_lines(row)}{ready}"
            )
            for key in programming.EXTRA_ROWS:
                harder = extras.get(key)
                if harder and step.key == steps.DEFAULT_STEP:
                    extra = programming.ROWS_BY_KEY[key]
                    sections.append(
                        f"### Or harder without a weight: {harder.name.lower()} {{#{key}}}\n\n"
                        f"{extra.goal}. [How to do it](scaling.md#{harder.key}).\n\n"
                        f"{row_lines(extra)}"
                    )
        return "\n".join(sections)

    @env.macro  # type: ignore[untyped-decorator]
    def scaling_steps(place: str) -> str:
        """Scaling's regressions (``easier``) or progressions (``harder``), from the one list."""
        wanted = {"easier": ("regression",), "harder": ("progression",)}[place]
        sections = []
        for step in steps.STEPS:
            if steps.place(step.key) not in wanted:
                continue
            cited = "".join(f" [^{key}]" for key in step.sources if key != "athloft")
            mark = (
                f"\n{practice()}: what coaches commonly do; no study behind it.\n"
                if step.practice
                else ""
            )
            sections.append(
                f"### {step.name} {{#{step.key}}}\n\n"
                + "".join(f"- {marked(line)}\n" for line in step.how)
                + mark
                + (f"\nSource:{cited}\n" if cited else "")
                + f"\n[Sets, reps and when to move on](programming.md#{step.key}).\n"
                + (f"\n{figure(step.figure)}\n" if step.figure else "")
            )
        if place == "harder":
            for harder in steps.HARDER:
                sections.append(
                    f"### {harder.name} {{#{harder.key}}}\n\n"
                    + "".join(f"- {marked(line)}\n" for line in harder.how)
                    + (f"\n[Sets and reps](programming.md#{harder.row}).\n" if harder.row else "")
                    + f"\n{figure(harder.figure)}\n"
                )
        return "\n".join(sections)

    @env.macro  # type: ignore[untyped-decorator]
    def preset_links(page: str = "../programming.md") -> str:
        """Each timer preset with a link to the programming row it comes from."""
        return "\n".join(
            f"- **{preset.name}**: {preset.summary} [Where it comes from]({page}#{preset.key})."
            for preset in presets.PRESETS
        )

    @env.macro  # type: ignore[untyped-decorator]
    def timer_variant_options() -> str:
        """The timer's Variation menu: each way the steps run in the timer, in ladder order."""
        seen = dict.fromkeys(steps.timer_variant(step.key) for step in steps.STEPS)
        return "".join(
            f'<option value="{variant}">{escape(steps.VARIANT_LABELS[variant])}</option>'
            for variant in seen
        )

    def figure(name: str) -> str:
        return figures.figure_html(name)

    def marked(line: str) -> str:
        return line.replace("(coaching practice)", practice())


# ---------------------------------------------------------------------------------------------
# Angle checker: its thresholds (hipthrust.checker.THRESHOLDS) and the "how to take the photo"
# figure, so the page explains the very numbers the tool uses.
# ---------------------------------------------------------------------------------------------


def checker_url(step_key: str, page: str = "tools/angle-checker.md") -> str:
    """The checker's address with the step chosen (``?step=``): ``page`` is relative to the page
    that links (from ``docs/programming.md`` the default; from a page in a folder,
    ``../tools/angle-checker.md``). An unknown key fails the build."""
    from hipthrust import steps

    return f"{page}?{urlencode({'step': steps.step(step_key).key})}"


def checker_link(
    step_key: str, text: str = "Check a photo", page: str = "tools/angle-checker.md"
) -> str:
    """A Markdown link that opens the angle checker with this step chosen: a ladder row's "check
    a photo of this step" (callable from the ladder's macros here, and as a macro in a page)."""
    return f"[{text}]({checker_url(step_key, page)})"


def define_checker(env: Any) -> None:
    """``checker`` (thresholds, steps, the photo figure) and ``checker_link``/``checker_url``."""
    from hipthrust import checker, overlay, steps, view
    from hipthrust.metrics import BAND_SOURCES, STEP_CHECKS

    env.variables["checker"] = SimpleNamespace(
        thresholds=checker.THRESHOLDS,
        photo_figure=overlay.photo_setup_figure(),
        steps=steps.STEPS,
        default_step=steps.DEFAULT_STEP,
        step_checks=STEP_CHECKS,
        band_sources=BAND_SOURCES,
        min_segment_px=view.MIN_SEGMENT_PX,
    )
    env.macro(checker_url)
    env.macro(checker_link)


# ---------------------------------------------------------------------------------------------
# When to move up (issues 17 and 20): the progression rule from hipthrust.programming, the same
# data the training log applies, printed as a list of outcomes and each row's numbers.
# ---------------------------------------------------------------------------------------------


def _reserve_span(low: int, high: int) -> str:
    if low < 0 or high < low:
        return ""
    return _span(low, high)


def define_progression(env: Any) -> None:
    """``progression_rule()``: the outcomes in the order they are checked, then a table per row."""
    from hipthrust import programming

    @env.macro  # type: ignore[untyped-decorator]
    def progression_rule() -> str:
        lines = [
            "After each session, check each leg's sets. Go down this list: the first line that "
            "fits says what to do next time. *Your row's reserve* is the lowest reps in reserve "
            f"of your row in the table. This rule is {env.macros['practice']()}.",
            "",
        ]
        for number, rule in enumerate(programming.PROGRESSION_RULE, start=1):
            lines.append(f"{number}. **{rule.title}.** *When:* {rule.when} *Then:* {rule.do}")
        lines += ["", "Each row's numbers:", ""]
        for row in programming.ROWS:
            t = programming.thresholds(row)
            up = "Add load" if t.loaded else "Next step"
            ease = _reserve_span(0, t.ease_below - 1)
            lines.append(
                f"- **[{row.goal}](#{row.key})** ({_span(*row.reps)} reps, "
                f"{_span(*row.rir)} in reserve). "
                f"*Add a rep:* every set {t.reserve}+ in reserve, under {t.top} reps. "
                f"*{up}:* {t.top} reps on every set, each {t.reserve}+. "
                f"*Repeat:* a set with {t.reserve - 1} in reserve. "
                f"*Ease off:* pain, or a set under {t.bottom} reps"
                + (f", or a set with {ease} in reserve." if ease else ".")
            )
        return "\n".join(lines)

    @env.macro  # type: ignore[untyped-decorator]
    def log_format_fields() -> str:
        """The training log's file: its frame and a table of each set's fields (log_format)."""
        from hipthrust import log_format

        lines = [
            f'The file is JSON: `{{"format": "{log_format.FORMAT}", "version": '
            f'{log_format.VERSION}, "entries": [...]}}`, one entry for each set of each leg.',
            "",
            "| field | what it holds |",
            "| --- | --- |",
            *(f"| `{name}` | {note} |" for name, note in log_format.FIELD_NOTES),
        ]
        return "\n".join(lines)
