"""Plain words, measured: the Flesch-Kincaid grade of a page's prose, and how much of it repeats
the source article word for word (shared 8-word sequences).

Flesch-Kincaid grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59
(Kincaid et al. 1975). Syllables are counted by vowel groups with the usual English corrections
(a silent final "e", except in "-le" endings); on plain text this is within about one syllable in ten of a
dictionary count, which moves the grade by well under one. List items, headings, table cells and
captions end a sentence: on a phone page of steps and checklists each of them is read as one.

The article itself is not stored here: only short hashes of its 8-word sequences
(``article_8grams.txt``, written by ``scripts/article_shingles.py`` from the source text), so
the test can measure overlap without the repository carrying the article's prose.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

SHINGLE = 8
SHINGLES_FILE = Path(__file__).with_name("article_8grams.txt")

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def syllables(word: str) -> int:
    """Vowel groups in ``word``, corrected for a silent final e; at least one."""
    word = word.lower().removesuffix("'s")
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def sentences(chunks: Iterable[str]) -> list[str]:
    """Sentences of prose given as block chunks (paragraphs, list items, cells)."""
    found: list[str] = []
    for chunk in chunks:
        for sentence in re.split(r"(?<=[.!?])\s+", chunk.strip()):
            if _WORD.search(sentence):
                found.append(sentence)
    return found


def grade(chunks: Iterable[str]) -> float:
    """Flesch-Kincaid grade level of the prose."""
    parts = sentences(chunks)
    words = [w for s in parts for w in _WORD.findall(s)]
    if not parts or not words:
        raise ValueError("no prose to measure")
    return (
        0.39 * len(words) / len(parts)
        + 11.8 * sum(syllables(w) for w in words) / len(words)
        - 15.59
    )


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'"))


def shingle_hashes(text: str) -> set[str]:
    """Short hashes of every 8-word sequence of ``text`` (lower case, words and numbers only)."""
    words = tokens(text)
    return {
        hashlib.sha256(" ".join(words[i : i + SHINGLE]).encode()).hexdigest()[:12]
        for i in range(len(words) - SHINGLE + 1)
    }


def article_hashes() -> set[str]:
    lines = SHINGLES_FILE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def overlap(text: str, article: set[str]) -> float:
    """Share of the text's 8-word sequences that also occur in the article (0-1)."""
    mine = shingle_hashes(text)
    return len(mine & article) / len(mine) if mine else 0.0
