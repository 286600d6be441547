"""The guide's sources: one entry per footnote key, each with a link a reader can open.

Pages cite with Markdown footnotes (``[^ace]``) and list the definitions with the ``sources``
macro, so a source is written once here and every page shows the same text and link.
Links come from shared/facts-beyond-the-seed.md (studies by PubMed, PMC or DOI address; web
articles by their own page). A source with no known link is not listed: the claim is dropped or
marked as coaching practice on the page instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    text: str  # authors, year, title, journal: what the footnote says before the link
    url: str


SOURCES: Final = (
    Source(
        "contreras2015",
        "Contreras B. et al. (2015). A comparison of gluteus maximus, biceps femoris, and vastus"
        " lateralis EMG activity in the back squat and barbell hip thrust exercises."
        " *J Appl Biomech* 31(6):452\N{EN DASH}458. PMID 26214739.",
        "https://pubmed.ncbi.nlm.nih.gov/26214739/",
    ),
    Source(
        "plotkin",
        "Plotkin D. et al. (2023). Hip thrust and back squat training elicit similar gluteus muscle"
        " hypertrophy and transfer similarly to the deadlift. *Front Physiol*."
        " doi 10.3389/fphys.2023.1279170.",
        "https://doi.org/10.3389/fphys.2023.1279170",
    ),
    Source(
        "lehecka",
        "Lehecka B.J. et al. (2017). Building a better gluteal bridge: electromyographic analysis"
        " of hip muscle activity during modified single-leg bridges. *International Journal of"
        " Sports Physical Therapy* 12(4):543\N{EN DASH}549. PMC5534144.",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC5534144/",
    ),
    Source(
        "helms",
        "Helms E.R. et al. (2016). Application of the repetitions in reserve-based rating of"
        " perceived exertion scale for resistance training. *Strength Cond J* 38(4):42\N{EN DASH}49.",
        "https://pubmed.ncbi.nlm.nih.gov/27531969/",
    ),
    Source(
        "schoenfeld",
        "Schoenfeld B.J., Ogborn D., Krieger J.W. (2016). Effects of resistance training frequency"
        " on measures of muscle hypertrophy: a systematic review and meta-analysis."
        " *Sports Med* 46:1689\N{EN DASH}1697.",
        "https://doi.org/10.1007/s40279-016-0543-8",
    ),
    Source(
        "schoenfeld2019",
        "Schoenfeld B.J., Grgic J., Krieger J. (2019). How many times per week should a muscle be"
        " trained to maximize muscle hypertrophy? A systematic review and meta-analysis of studies"
        " examining the effects of resistance training frequency. *J Sports Sci*"
        " 37(11):1286\N{EN DASH}1295. PMID 30558493.",
        "https://doi.org/10.1080/02640414.2018.1555906",
    ),
    Source(
        "grenier",
        "Grenier S.G., McGill S.M. (2007). Quantification of lumbar stability by using 2 different"
        " abdominal activation strategies. *Arch Phys Med Rehabil* 88(1):54\N{EN DASH}62.",
        "https://doi.org/10.1016/j.apmr.2006.10.014",
    ),
    Source(
        "pgp",
        'Cambridge University Hospitals NHS, "Pelvic girdle pain (PGP) in pregnancy".',
        "https://cuh.nhs.uk/patient-information/pelvic-girdle-pain-pgp-in-pregnancy",
    ),
    Source(
        "ces",
        'Royal Free London NHS, "Cauda equina syndrome" (patient leaflet).',
        "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome",
    ),
    Source(
        "acog",
        "ACOG Committee Opinion 804 (2020). Physical activity and exercise during pregnancy and"
        " the postpartum period. *Obstet Gynecol*.",
        "https://doi.org/10.1097/AOG.0000000000003772",
    ),
    Source(
        "kang",
        "Kang S.Y. et al. (2016). *Manual Therapy* 22:211\N{EN DASH}215 (bridging with the hips abducted).",
        "https://doi.org/10.1016/j.math.2015.12.010",
    ),
    Source(
        "pelvicdrop",
        "A study of pelvic drop in walking and the hip abductors (PMC8628027).",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8628027/",
    ),
    Source(
        "exrx",
        'ExRx, "Barbell hip thrust".',
        "https://exrx.net/WeightExercises/GluteusMaximus/BBHipThrust",
    ),
    Source(
        "365",
        '365physique, "Single-leg hip thrust".',
        "https://www.365physique.com/single-leg-hip-thrust",
    ),
    Source(
        "bench",
        'Biology Insights, "How high should the bench be for hip thrusts".',
        "https://biologyinsights.com/how-high-should-the-bench-be-for-hip-thrusts",
    ),
    Source(
        "contreras10",
        'Bret Contreras, "10 steps to the perfect hip thrust".',
        "https://bretcontreras.com/10-steps-to-the-perfect-hip-thrust/",
    ),
    Source(
        "cramp",
        'Bret Contreras, "Ask Bret: hamstring cramping".',
        "https://bretcontreras.com/abc-ask-bret-contreras-hamstring-cramping/",
    ),
    Source(
        "mas",
        'Muscle & Strength, "Hip thrust".',
        "https://www.muscleandstrength.com/exercises/hip-thrusts.html",
    ),
    Source(
        "caulfield",
        'Mark Caulfield Coaching, "Do this to ensure an effective hip thrust".',
        "https://markcaulfieldcoaching.ie/2019/10/03/do-this-to-ensure-an-effective-hip-thrust",
    ),
    Source(
        "ace",
        'ACE exercise library, "Glute bridge".',
        "https://www.acefitness.org/resources/everyone/exercise-library/49/glute-bridge/",
    ),
    Source(
        "elite",
        'The Elite Trainer, "Unilateral training: which side first".',
        "https://www.theelitetrainer.com/unilateral-training-which-side-first/",
    ),
    Source(
        "tnation",
        'T-Nation, "Train your strong side first".',
        "https://www.t-nation.com/training/tip-train-your-strong-side-first/",
    ),
    Source(
        "athloft",
        'Athloft, "Single-leg hip thrust".',
        "https://www.athloft.com/exercises/single-leg-hip-thrust-(skill)",
    ),
)
SOURCES_BY_KEY: Final = {source.key: source for source in SOURCES}


def footnotes(*keys: str) -> str:
    """Markdown footnote definitions for ``keys``, in that order; KeyError for an unknown key."""
    lines = []
    for key in keys:
        source = SOURCES_BY_KEY[key]
        lines.append(f"[^{key}]: {source.text} [{_site(source.url)}]({source.url})")
    return "\n".join(lines)


def _site(url: str) -> str:
    """The link's text: its host, so a phone shows a short word, not a long address."""
    host = url.split("/")[2]
    return host.removeprefix("www.")
