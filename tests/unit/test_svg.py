"""hipthrust.svg: markup is well-formed, escaped and compact."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from hypothesis import given
from hypothesis import strategies as st

from hipthrust import svg


def test_document_is_valid_xml_with_a_title() -> None:
    markup = svg.document(
        [svg.line((0, 0), (10.04, 5), class_="bone"), svg.text((1, 2), "a < b & c")],
        (0, 0, 100, 50),
        title="A figure",
    )
    root = ElementTree.fromstring(markup)
    assert root.get("viewBox") == "0 0 100 50"
    assert root.get("role") == "img"
    assert root.find("{http://www.w3.org/2000/svg}title").text == "A figure"
    line = root.find("{http://www.w3.org/2000/svg}line")
    assert line.get("class") == "bone"
    assert line.get("x2") == "10"


@given(st.text())
def test_any_text_is_escaped(content: str) -> None:
    content = "".join(ch for ch in content if ch.isprintable())
    root = ElementTree.fromstring(
        svg.document([svg.text((0, 0), content)], (0, 0, 1, 1), title=content)
    )
    assert (root.find("{http://www.w3.org/2000/svg}text").text or "") == content


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_numbers_are_rounded_to_a_tenth(x: float, y: float) -> None:
    markup = svg.circle((x, y), 1.0)
    cx = float(ElementTree.fromstring(markup).get("cx"))
    assert abs(cx - x) <= 0.05 + 1e-9
