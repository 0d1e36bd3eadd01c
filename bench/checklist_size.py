"""Print the checklist script's size: every page loads it, so it must stay small.

Run: .venv/bin/python bench/checklist_size.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "healthsite" / "site" / "theme" / "assets" / "checklist.js"


def main() -> None:
    raw = SCRIPT.read_bytes()
    print(f"{SCRIPT.name}: {len(raw)} bytes raw, {len(gzip.compress(raw, compresslevel=9))} bytes gzipped (level 9)")


if __name__ == "__main__":
    main()
