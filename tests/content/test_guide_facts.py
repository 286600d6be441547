"""Fact coverage: every fact of the source article (shared/seed/000_47a707314fc69abf.txt) is on
the right page of the built site, in the guide's own words.

Each fact is a page and one or more patterns (case-insensitive, whitespace-collapsed) that must
all match that page's article text. Numbers come from ``hipthrust.guide``, as on the pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hipthrust import guide
from tests.content.guide_text import GUIDE_PAGES, read_page

LO, HI = guide.LOWERING_SECONDS_MIN, guide.LOWERING_SECONDS_MAX
FREE = guide.FREE_LEG_KNEE_DEGREES
DASH = "\N{EN DASH}"  # ranges on the pages use an en dash

# (fact, page, patterns)
FACTS: list[tuple[str, str, tuple[str, ...]]] = [
    # --- what it is and why one leg (article, intro) ---
    (
        "upper back on a bench, one foot, hips up",
        "home",
        (r"upper back rests on a bench", r"one foot"),
    ),
    ("works glutes and hamstrings", "home", (r"glutes and the hamstrings",)),
    (
        "progression of the two-leg hip thrust",
        "home",
        (r"one-leg version of the ordinary two-leg hip thrust",),
    ),
    ("each leg works independently", "home", (r"each leg works alone",)),
    ("addresses muscle imbalances", "home", (r"imbalances",)),
    ("builds hip extension strength", "home", (r"stronger hip extension",)),
    ("demands core and hip stability", "home", (r"hip and core stability",)),
    ("carries over to performance and a balanced build", "home", (r"sport", r"more even build")),
    ("links to both tools", "home", (r"tempo timer", r"angle checker")),
    # --- setup ---
    (
        "bench secured against a wall or rack",
        "setup",
        (r"against a wall or a rack", r"can't slide"),
    ),
    (
        "bench height allows a full range of motion",
        "setup",
        (r"allows a full range of motion",),
    ),
    (
        "lower edge of the shoulder blades on the bench",
        "setup",
        (r"lower edge of your shoulder blades",),
    ),
    ("the body pivots at the bench", "setup", (r"pivots around it",)),
    (
        "foot distance for a vertical shin at the top",
        "setup",
        (r"at the top.{0,20}shin should be vertical",),
    ),
    ("vertical means perpendicular to the floor", "setup", (r"right angles to the floor",)),
    (
        "vertical shin directs force through hip and glute",
        "setup",
        (r"through the hip and the glute",),
    ),
    ("free leg lifted off the floor", "setup", (r"raise the other leg off the floor",)),
    (
        "free leg bent about 90 degrees or straight",
        "setup",
        (rf"bend it to about {FREE}°", r"straight out"),
    ),
    ("free leg kept up all set", "setup", (r"up for the whole set",)),
    (
        "arms relaxed, flat on bench or floor",
        "setup",
        (r"arms relaxed", r"flat on the bench or on the floor"),
    ),
    (
        "not pushing with the elbows",
        "setup",
        (r"press through your elbows", r"work leaves your hips"),
    ),
    # the article's cue, kept and answered: one cue, a light brace (Grenier & McGill 2007)
    (
        "core: navel towards the spine",
        "setup",
        (r"belly button gently towards the spine", r"a light brace, every rep"),
    ),
    (
        "pelvis gently tucked, neutral spine",
        "setup",
        (r"tuck the pelvis slightly, just until the spine is neutral",),
    ),
    (
        "setup done seated on the floor before the first rep",
        "setup",
        (r"sitting on the floor, before the first rep",),
    ),
    # --- execution ---
    ("drive through midfoot and heel", "execution", (r"midfoot and heel",)),
    ("contract the working glute to lift", "execution", (r"squeeze the glute of the working leg",)),
    (
        "hips towards the ceiling, until the line and no higher",
        "execution",
        (r"hips up towards the ceiling, until", r"no higher"),
    ),
    (
        "straight line shoulders-hips-knee",
        "execution",
        (r"shoulders, hips and knee form one straight line",),
    ),
    ("glutes fully contracted at the top", "execution", (r"glute fully squeezed",)),
    ("knee directly over the ankle at the top", "execution", (r"knee straight above the ankle",)),
    (
        "shin vertical at the top",
        "execution",
        (rf"shin vertical \({guide.TOP_SHIN_TARGET_DEGREES}° from vertical\)",),
    ),
    ("slight posterior pelvic tilt", "execution", (r"slight posterior pelvic tilt",)),
    ("braced core at the top", "execution", (r"braced core",)),
    (
        "prevents lower-back hyperextension",
        "execution",
        (r"lower back from arching or overextending",),
    ),
    (
        "tension on glutes and hamstrings, not the lumbar spine",
        "execution",
        (r"glutes and hamstrings, not on the lumbar spine",),
    ),
    (
        "control the descent",
        "execution",
        (r"lower your hips back towards the floor under control",),
    ),
    ("lowering is the eccentric phase", "execution", (r"eccentric",)),
    ("lowering takes 2-3 seconds", "execution", (rf"{LO}{DASH}{HI} seconds",)),
    ("slow lowering adds time under tension", "execution", (r"time under tension",)),
    ("inhale while lowering", "execution", (r"breathe in as you lower",)),
    ("brace at the bottom, before the drive", "execution", (r"at the bottom, brace",)),
    ("exhale forcefully while driving up", "execution", (r"breathe out hard as you drive up",)),
    ("breathing keeps core tension", "execution", (r"keeps the core tight",)),
    # --- troubleshooting: the four errors, why, fix ---
    (
        "error 1: lower back hyperextends at the top",
        "troubleshooting",
        (r"lower back arching at the top", r"hips too high without keeping the core tight"),
    ),
    (
        "error 1: stress moves to the lumbar spine",
        "troubleshooting",
        (r"from the glutes onto the lumbar spine",),
    ),
    (
        "error 1 fix: ribs down, tuck the pelvis, flat line",
        "troubleshooting",
        (r"ribs down, tuck the pelvis a little, stop at a flat line",),
    ),
    ("error 2: pushing off the toes", "troubleshooting", (r"pushing off the toes", r"heel lifts")),
    (
        "error 2: toes hand more of the work to the quads (hamstrings: foot too far)",
        "troubleshooting",
        (r"more of the work to the quads, so the glutes do less", r"hamstrings take over"),
    ),
    (
        "error 2 fix: root the whole foot, heel",
        "troubleshooting",
        (r"root the whole foot; press through the heel",),
    ),
    ("error 3: knee caves in (valgus)", "troubleshooting", (r"knee caving inward \(valgus\)",)),
    (
        "error 3: under fatigue or heavier loads",
        "troubleshooting",
        (r"late in a set or with more load",),
    ),
    (
        "error 3: stresses the knee, less glute",
        "troubleshooting",
        (r"takes work away from the glutes", r"can stress the knee joint"),
    ),
    (
        "error 3 fix: knee slightly out, in line with hip and ankle, all the way",
        "troubleshooting",
        (r"push the knee slightly out, in line with hip and ankle, all the way up and down",),
    ),
    (
        "error 4: bouncing off the floor on momentum",
        "troubleshooting",
        (r"bouncing off the floor", r"momentum"),
    ),
    ("error 4: relies on elastic energy", "troubleshooting", (r"elastic recoil",)),
    (
        "error 4 fix: slow the lowering, pause at the top",
        "troubleshooting",
        (r"slow the lowering, pause briefly at the top",),
    ),
    # --- scaling ---
    ("regression: glute bridge on the floor", "scaling", (r"glute bridge on the floor",)),
    (
        "bridge: less range and less stability",
        "scaling",
        (r"shorter range of motion", r"less balance"),
    ),
    ("bridge: learn the hip extension pattern", "scaling", (r"learn the hip-extension pattern",)),
    ("regression: two up, one down, bodyweight", "scaling", (r"two up, one down", r"bodyweight")),
    (
        "two up one down: both feet up, one foot down slowly",
        "scaling",
        (r"drive up with both feet", r"lower slowly on the other leg alone"),
    ),
    (
        "progression: dumbbell or kettlebell on the hip crease",
        "scaling",
        (r"dumbbell or kettlebell across the hip crease",),
    ),
    (
        "load: mechanical tension, strength and hypertrophy",
        "scaling",
        (r"mechanical tension", r"strength and muscle growth", r"hypertrophy"),
    ),
    (
        "progression: isometric hold at the top",
        "scaling",
        (
            r"pause of a few seconds at the very top",
            r"isometric",
            rf"{guide.TOP_HOLD_PROGRESSION_SECONDS} s",
        ),
    ),
    ("progression: band around the knees", "scaling", (r"resistance band around the knees",)),
    (
        "band: glutes and hip abductors stop the knees caving",
        "scaling",
        (r"hip abductors", r"caving inward"),
    ),
    (
        "progression: working foot on a small plate or step",
        "scaling",
        (r"small plate or a low step",),
    ),
    (
        "elevated foot: more range, hip flexion, deeper stretch",
        "scaling",
        (r"bigger range of motion", r"hip flexion", r"deeper glute stretch at the bottom"),
    ),
    # --- FAQ (shared/facts-beyond-the-seed.md, cited) ---
    (
        "bench height: ExRx 40-46 cm, another guide 33-43 cm",
        "faq",
        (rf"40{DASH}46 cm \(16{DASH}18 in\)", rf"33{DASH}43 cm \(13{DASH}17 in\)"),
    ),
    ("too high a bench makes people arch", "faq", (r"too high a bench tends to make people arch",)),
    (
        "foot too close: quads; too far: hamstrings",
        "faq",
        (r"too close shifts the work to the quads", r"too far shifts it to the hamstrings"),
    ),
    (
        "head: sources differ; don't let it fall back",
        "faq",
        (r"coaches differ", r"don't let your head fall back"),
    ),
    ("which side first: weaker side, match reps", "faq", (r"start with the weaker side",)),
    (
        "research: Contreras 2015 EMG",
        "faq",
        (r"contreras et al\., 2015", r"69\.5% vs 29\.4%", r"PMID 26214739"),
    ),
    (
        "research: Plotkin 2023 hypertrophy",
        "faq",
        (r"plotkin et al\., 2023", r"10\.3389/fphys\.2023\.1279170"),
    ),
    (
        "research: Lehecka 2017 measured EMG, not cramps",
        "faq",
        (r"lehecka et al\., 2017", r"PMC5534144", r"did not measure cramps"),
    ),
]


@pytest.fixture(scope="module")
def page_texts(built_site: Path) -> dict[str, str]:
    return {name: read_page(built_site, path).text for name, path in GUIDE_PAGES.items()}


def test_the_list_covers_dozens_of_facts_on_every_page() -> None:
    assert len(FACTS) >= 60
    assert {page for _, page, _ in FACTS} == set(GUIDE_PAGES)


@pytest.mark.parametrize(("fact", "page", "patterns"), FACTS, ids=[f[0] for f in FACTS])
def test_fact_is_on_its_page(
    page_texts: dict[str, str], fact: str, page: str, patterns: tuple[str, ...]
) -> None:
    missing = [p for p in patterns if not re.search(p, page_texts[page], re.IGNORECASE)]
    assert missing == [], f"{fact!r} not found on {page}"


def test_facts_covered_summary(page_texts: dict[str, str]) -> None:
    """Prints the figure for the issue note (run with -s)."""
    covered = sum(
        all(re.search(p, page_texts[page], re.IGNORECASE) for p in patterns)
        for _, page, patterns in FACTS
    )
    print(f"\nfacts covered: {covered}/{len(FACTS)}")
    assert covered == len(FACTS)
