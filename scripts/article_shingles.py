"""Write tests/content/article_8grams.txt: hashes of the source article's 8-word sequences.

Usage: python scripts/article_shingles.py PATH/TO/ARTICLE.txt
The overlap test (tests/content/test_plain_words.py) compares the site's prose with these, so the
repository never holds the article's own sentences.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.content.plain_words import SHINGLES_FILE, shingle_hashes


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8")
    hashes = sorted(shingle_hashes(text))
    header = f"# {len(hashes)} 8-word sequences of the source article, sha256 prefixes\n"
    SHINGLES_FILE.write_text(header + "\n".join(hashes) + "\n", encoding="utf-8")
    print(f"wrote {len(hashes)} hashes to {SHINGLES_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
