"""How much the unsafe-HTML check adds to loading content: python bench/markup_check.py [topics]

Copies the golden sample topic N times (default 200, 17 items each) and times
load_library, and the share of it spent in the markup check.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from healthsite.content import loader

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "golden" / "muscle-twitches"


def main(topics: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        for n in range(topics):
            folder = shutil.copytree(SAMPLE, content / f"topic-{n}")
            topic = folder / "topic.md"
            topic.write_text(topic.read_text().replace("title: ", f"title: {n} ", 1))
        spent = [0.0]
        check = loader._check_markup

        def timed(*args, **kwargs):
            start = time.perf_counter()
            check(*args, **kwargs)
            spent[0] += time.perf_counter() - start

        loader._check_markup = timed
        start = time.perf_counter()
        library = loader.load_library(content)
        total = time.perf_counter() - start
        files = sum(1 + sum(len(items) for items in t.items.values()) for t in library.topics)
        print(f"{files} files: load_library {total:.2f} s, of which markup check {spent[0]:.2f} s "
              f"({spent[0] / files * 1000:.2f} ms per file)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
