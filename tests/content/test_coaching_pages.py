"""The pages a coach and a physio asked for (issue 12): in the navigation, covering what they
must cover, and linking from the home page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.content.guide_text import ALL_GUIDE_PAGES, COACHING_PAGES, GUIDE_PAGES, read_page

# (page, phrases the page must hold: each topic the issue lists)
# The lookup: each feeling the issue lists, as an anchor on the page that links to its fix.
FEELINGS = (
    "quads",
    "hamstrings",
    "lower-back",
    "knee",
    "front-of-the-hip",
    "neck",
    "the-bench-slides",
    "the-free-leg-gets-tired",
    "hips-tip",
)
GLOSSARY_TERMS = (
    "reps in reserve",
    "posterior pelvic tilt",
    "bracing",
    "tempo",
    "valgus",
    "working leg",
    "free leg",
)

TOPICS: list[tuple[str, tuple[str, ...]]] = [
    (
        "programming",
        (
            "sets \N{MULTIPLICATION SIGN} reps",
            r"reps in reserve",
            "2\N{EN DASH}3 times a week",
            r"rest between legs",
            r"which side first",
            r"when to move up",
            r"glute bridge.*single-leg glute bridge.*two-leg hip thrust.*b-stance hip thrust"
            r".*two up, one down.*single-leg hip thrust",
            r"ready for the",
            r"band set-up for one leg",
            r"hold a dumbbell on the working hip",
        ),
    ),
    (
        "safety",
        (
            r"sharp or stabbing pain",
            r"builds rep after rep",
            r"pinch at the front of the hip",
            r"lower back",
            r"knee",
            r"padding",
            r"warm-up",
            r"pregnancy",
            r"lying flat on your back",
            r"pelvic floor",
            r"after surgery or an injury",
            r"ask a physio or doctor when",
        ),
    ),
]


@pytest.mark.parametrize("page", list(COACHING_PAGES))
def test_new_pages_are_in_the_navigation_of_every_guide_page(built_site: Path, page: str) -> None:
    url = COACHING_PAGES[page].removesuffix("index.html")
    for other in (*GUIDE_PAGES.values(), *COACHING_PAGES.values()):
        depth = other.count("/")
        prefix = "../" * depth if depth else ""
        links = read_page(built_site, other).links
        assert f"{prefix}{url}" in links or (other == COACHING_PAGES[page] and "./" in links), (
            other,
            url,
        )


@pytest.mark.parametrize(("page", "phrases"), TOPICS, ids=[page for page, _ in TOPICS])
def test_page_covers_its_topics(built_site: Path, page: str, phrases: tuple[str, ...]) -> None:
    text = read_page(built_site, COACHING_PAGES[page]).text
    missing = [p for p in phrases if not re.search(p, text, re.IGNORECASE)]
    assert missing == []


def test_home_links_every_new_page(built_site: Path) -> None:
    links = read_page(built_site, GUIDE_PAGES["home"]).links
    for path in COACHING_PAGES.values():
        assert path.removesuffix("index.html") in links, path


def test_each_timer_preset_links_to_its_programming_row(built_site: Path) -> None:
    from hipthrust.presets import PRESETS

    timer = read_page(built_site, "tools/tempo-timer/index.html")
    programming = read_page(built_site, COACHING_PAGES["programming"])
    for found in PRESETS:
        assert f"../../programming/#{found.key}" in timer.links, found.key
        assert found.key in programming.ids, found.key


def test_each_programming_row_opens_its_plan_in_the_timer(built_site: Path) -> None:
    from urllib.parse import parse_qsl, urlsplit

    from hipthrust.plan import plan_from_fields
    from hipthrust.programming import ROWS

    links = read_page(built_site, COACHING_PAGES["programming"]).links
    opened = [
        plan_from_fields(dict(parse_qsl(urlsplit(href).query)))
        for href in links
        if urlsplit(href).path.endswith("tempo-timer/") and urlsplit(href).query
    ]
    assert opened == [row.plan for row in ROWS]


def test_each_ladder_step_opens_the_checker_on_that_step(built_site: Path) -> None:
    from urllib.parse import parse_qsl, urlsplit

    from hipthrust.steps import STEPS

    links = read_page(built_site, COACHING_PAGES["programming"]).links
    chosen = [
        dict(parse_qsl(urlsplit(href).query)).get("step")
        for href in links
        if urlsplit(href).path.endswith("angle-checker/") and urlsplit(href).query
    ]
    assert chosen == [step.key for step in STEPS]


@pytest.mark.parametrize("page", list(ALL_GUIDE_PAGES))
def test_no_footnote_is_left_unrendered(built_site: Path, page: str) -> None:
    assert "[^" not in read_page(built_site, ALL_GUIDE_PAGES[page]).text


def test_hips_level_lives_everywhere_a_fault_lives(built_site: Path) -> None:
    from hipthrust.faults import FAULTS_BY_ANCHOR

    fault = FAULTS_BY_ANCHOR["hips-dropping"]
    execution = read_page(built_site, GUIDE_PAGES["execution"])
    assert re.search(r"belt buckle flat.*both hip bones point at the ceiling", execution.text, re.I)
    assert "../troubleshooting/#hips-dropping" in execution.links
    card = read_page(built_site, GUIDE_PAGES["home"]).text
    assert re.search(r"hips level: belt buckle flat, both hip bones", card, re.I)
    source = (built_site / GUIDE_PAGES["troubleshooting"]).read_text(encoding="utf-8")
    section = source[source.index('id="hips-dropping"') :]
    section = section[: section.index("<h2", 10)]
    assert 'id="fig-hips-dropping"' in section, "the front/behind figure sits in the entry"
    assert "Drill:" in section and "two-up-one-down" in section
    assert fault.cue in html.unescape(section)


def test_the_lookup_has_every_feeling_with_a_link_to_its_fix(built_site: Path) -> None:
    source = (built_site / COACHING_PAGES["feel"]).read_text(encoding="utf-8")
    for anchor in FEELINGS:
        start = source.index(f'id="{anchor}"')
        end = source.find("<h2", start + 10)
        section = source[start : end if end > 0 else None]
        assert re.search(
            r'href="\.\./(troubleshooting|setup|safety|scaling|faq|execution)/', section
        ), anchor


def test_glossary_defines_each_term(built_site: Path) -> None:
    source = (built_site / COACHING_PAGES["glossary"]).read_text(encoding="utf-8")
    terms = [html.unescape(t).lower() for t in re.findall(r"<dt>(.*?)</dt>", source, re.S)]
    for term in GLOSSARY_TERMS:
        assert any(term in t for t in terms), term
    assert len(re.findall(r"<dd>", source)) == len(terms)


def _section(source: str, anchor: str) -> str:
    start = source.index(f'id="{anchor}"')
    end = source.find("<h", source.index(">", start) + 1)
    while end > 0 and source[end + 2] not in "23":  # the next h2/h3, not h4 or a header
        end = source.find("<h", end + 1)
    return source[start : end if end > 0 else None]


def test_the_ladder_the_table_scaling_and_the_timer_come_from_the_one_list(
    built_site: Path,
) -> None:
    """Issue 17 §4: one list of steps (hipthrust.steps) prints every place a step appears."""
    from hipthrust import programming, steps
    from hipthrust.plan import VARIANTS
    from hipthrust.presets import PRESETS

    keys = [step.key for step in steps.STEPS]
    source = (built_site / COACHING_PAGES["programming"]).read_text(encoding="utf-8")
    # the ladder: one section per step, in the list's order, each with its row and ready test
    positions = [source.index(f'id="{key}"') for key in keys]
    assert positions == sorted(positions)
    for step in steps.STEPS:
        text = html.unescape(re.sub(r"<[^>]+>", "", _section(source, step.key)))
        row = steps.row(step.key)
        assert f"{row.rir[0]}\N{EN DASH}{row.rir[1]} reps in reserve" in text, step.key
        test = steps.ready_test(step.key)
        if test is not None:
            assert f"{test.sets} \N{MULTIPLICATION SIGN} {test.reps}" in text, step.key
            assert test.also in text, step.key
    # the table: one line per row, in the rows' order, each linking to its section
    table = source[source.index("<table") : source.index("</table>")]
    assert re.findall(r'href="#([\w-]+)"', table) == [row.key for row in programming.ROWS]
    # Scaling: the easier steps, then the harder ones and the ways to make a step harder
    scaling = (built_site / GUIDE_PAGES["scaling"]).read_text(encoding="utf-8")
    ids = re.findall(r'<h3 id="([\w-]+)"', scaling)
    easier = [k for k in keys if steps.place(k) == "regression"]
    harder = [k for k in keys if steps.place(k) == "progression"]
    assert ids == [*easier, *harder, *(h.key for h in steps.HARDER)]
    for step in steps.STEPS:
        if step.key in ids:
            text = html.unescape(re.sub(r"<[^>]+>", "", _section(scaling, step.key)))
            first = re.sub(r"\*\*|\[|\]\([^)]*\)", "", step.how[0]).split(":")[0]
            assert first in text, step.key
    # the timer: its presets are the rows, its Variation menu the variants the steps use
    timer = (built_site / "tools/tempo-timer/index.html").read_text(encoding="utf-8")
    menu = timer[timer.index('data-testid="variant-select"') :]
    menu = menu[: menu.index("</select>")]
    used = list(dict.fromkeys(steps.timer_variant(k) for k in keys))
    assert re.findall(r'<option value="([\w]+)"', menu) == used
    assert set(used) == set(VARIANTS)
    assert {p.key for p in PRESETS} == {row.key for row in programming.ROWS}


def test_the_tempo_notation_is_explained_once_the_same_way(built_site: Path) -> None:
    texts = [
        read_page(built_site, path).text
        for path in (
            GUIDE_PAGES["execution"],
            COACHING_PAGES["glossary"],
            "tools/tempo-timer/index.html",
        )
    ]
    explained = re.compile(r"Tempo is four numbers of seconds, written lowering first: .*?pause\.")
    found = [explained.search(" ".join(text.split())) for text in texts]
    assert all(found)
    assert len({match.group(0) for match in found if match}) == 1
