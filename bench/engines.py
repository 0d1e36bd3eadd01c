"""Which engine keeps what: runs tests/test_engines.py and prints its results as a table.

Each feature is one test per engine (see that file). A passing test is "yes"; an expected
failure is "no", with the reason the test gives. Zensical is included when its command is
given (or on PATH), as the non-blocking Zensical job in the pull-request workflow does:

    .venv/bin/python bench/engines.py [--zensical PATH]

Prints a Markdown table (the one in PUBLISHING.md); exits 1 if any test failed outright.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINES = {"mkdocs": "MkDocs 1.6 + plugin", "mkdocs-without-plugins": "MkDocs, no plugins", "zensical": "Zensical"}
TEST = re.compile(r"test_(?P<feature>\w+)\[(?P<engine>[\w-]+)\]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", default=shutil.which("zensical"), help="the zensical command (default: from PATH)")
    args = parser.parse_args()
    env = {**os.environ, **({"HEALTHSITE_ZENSICAL": args.zensical} if args.zensical else {})}
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.xml"
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_engines.py"),
                               f"--junitxml={report}"], cwd=ROOT, env=env, capture_output=True, text=True)
        results = _results(report)
    engines = [e for e in ENGINES if any(e in row for row in results.values())]
    print("| Feature | " + " | ".join(ENGINES[e] for e in engines) + " |")
    print("|---|" + "---|" * len(engines))
    for feature, row in results.items():
        print(f"| {feature.replace('_', ' ').capitalize()} | " + " | ".join(row.get(e, "") for e in engines) + " |")
    if done.returncode:
        print(done.stdout[-3000:], file=sys.stderr)
    return done.returncode


def _results(report: Path) -> dict[str, dict[str, str]]:
    results: dict[str, dict[str, str]] = {}
    for case in ET.parse(report).iter("testcase"):
        match = TEST.fullmatch(case.get("name", ""))
        if not match:
            continue
        skipped, failed = case.find("skipped"), case.find("failure") or case.find("error")
        if failed is not None:
            cell = "**fails**"
        elif skipped is not None and skipped.get("type") == "pytest.xfail":
            cell = f"no: {skipped.get('message', '').removeprefix('reason: ')}"
        else:
            cell = "yes"
        results.setdefault(match["feature"], {})[match["engine"]] = cell
    return results


if __name__ == "__main__":
    sys.exit(main())
