"""Lighthouse, axe, requests and bytes for every kind of page, served gzipped as GitHub Pages does.

Builds the site, then runs ../shared/tools/site-audit on one page of each kind and prints
a table: the median of 3 Lighthouse mobile runs (performance/accessibility/best practices/SEO),
requests, requests leaving the site, and gzipped bytes of a first view. site-audit's own axe
pass injects a <script> tag, which the site's Content-Security-Policy rightly blocks, so it is
off here; tests/test_design.py runs axe on every page kind instead.

    .venv/bin/python bench/pages.py [--runs 3] [--no-lh] [--audit PATH]

The audit's tool chain (Chromium, Lighthouse 12.2.3 on Node 20) is installed outside the
project as its README describes, in /tmp/bench.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from healthsite.site.build import build_site  # noqa: E402
from page_kinds import PAGE_KINDS  # noqa: E402

DEFAULT_AUDIT = ROOT.parent / "shared" / "tools" / "site-audit" / "measure_site.sh"
BUDGET = {"requests": 7, "bytes_gz": 80 * 1024}


def main() -> None:
    args = _arguments()
    site = build_site(config_file=ROOT / "mkdocs.yml", site_dir=Path(tempfile.mkdtemp(prefix="hs-bench-")) / "site")
    kinds = {kind: path for kind, path in PAGE_KINDS.items() if kind != "not found"}
    rows = _audit(args.audit, site, kinds, runs=args.runs, lighthouse=not args.no_lh)
    _print_table(rows)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is shown)")
    parser.add_argument("--no-lh", action="store_true", help="skip Lighthouse: requests, bytes and axe only")
    parser.add_argument("--audit", type=Path, default=DEFAULT_AUDIT, help="site-audit's measure_site.sh")
    return parser.parse_args()


def _audit(audit: Path, site: Path, kinds: dict[str, str], *, runs: int, lighthouse: bool) -> list[tuple[str, dict]]:
    command = [str(audit), str(site), *(f"/{path}" for path in kinds.values()), "--gzip", "--presets", "mobile", "--no-axe"]
    command += ["--lh-runs", str(runs)] if lighthouse else ["--no-lh"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    lines = [line.split("\t") for line in output.splitlines() if line and not line.startswith("#")]
    header, *records = lines
    header = [name.split("(")[0] for name in header]  # "lh_mobile(perf/a11y/bp/seo)" -> "lh_mobile"
    by_page = {record[0]: dict(zip(header, record)) for record in records}
    return [(kind, by_page[f"/{path}"]) for kind, path in kinds.items()]


def _print_table(rows: list[tuple[str, dict]]) -> None:
    print(f"{'page kind':<18} {'LH mobile p/a/bp/seo':<22} {'req':>4} {'off':>4} {'KB gz':>7}  budget")
    for kind, row in rows:
        requests, gz = int(row["requests"]), int(row["bytes_gz"])
        ok = requests <= BUDGET["requests"] and gz <= BUDGET["bytes_gz"]
        print(f"{kind:<18} {row.get('lh_mobile', '-'):<22} {requests:>4} {row['offorigin']:>4} "
              f"{gz / 1024:>7.1f}  {'ok' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
