"""hipthrust.faults: anchors are stable, unique slugs and every entry is complete."""

from __future__ import annotations

import re

import pytest

from hipthrust.faults import FAULTS, FAULTS_BY_ANCHOR


def test_anchors_are_unique_slugs() -> None:
    anchors = [fault.anchor for fault in FAULTS]
    assert len(set(anchors)) == len(anchors)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor) for anchor in anchors)
    assert set(FAULTS_BY_ANCHOR) == set(anchors)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.anchor)
def test_each_fault_says_what_why_and_fix(fault) -> None:
    for text in (fault.title, fault.symptom, fault.why, fault.cue):
        assert text.strip() and text == text.strip()
    assert len(fault.cue) <= 90, "a cue must be readable mid-set"
