"""A build split by topic: `build --shard I/N` on N machines, `merge` to join them, and
`build --jobs N`, which does both on one machine's cores.

Every shard loads the whole library and knows every page (so links, navigation, the A-Z
home and the sitemap are whole), but renders only its own topics' pages; the site's own
pages (docs/) are rendered by every shard, identically. MkDocs skips a page whose file is
"not modified" in a dirty build: that is how a shard leaves other shards' pages alone.
Instead of a search index, a shard writes what its pages gave the index; `merge` joins
the shards' files, refuses shards that disagree on a file or come from different sources,
and writes one index from all of them. The result is the same site, byte for byte, as one
build of the whole library.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from healthsite.check.readability import grade_markdown
from healthsite.errors import PROBLEM_COUNT, HealthsiteError
from healthsite.site.search.index import SearchIndex

SHARD_DIR = ".healthsite-shard"  # in a shard's output: shard.json and search.json, never in a merged site


@dataclass(frozen=True, slots=True)
class Shard:
    number: int  # 1 to count
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        number, _, count = text.partition("/")
        if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
            raise HealthsiteError(f"--shard: expected I/N with 1 <= I <= N, such as 1/4; got {text!r}")
        return cls(int(number), int(count))

    def topics(self, sizes: dict[str, int]) -> set[str]:
        """This shard's topics: the largest topic to the least loaded shard, in turn, so shards
        have about as many pages each (ties go by slug, so every shard agrees)."""
        loads = [0] * self.count
        mine = set()
        for slug, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
            least = loads.index(min(loads))
            loads[least] += size
            if least == self.number - 1:
                mine.add(slug)
        return mine


class QuietDirtyBuild(logging.Filter):
    """A shard builds 'dirty' (site/plugin.py says why); MkDocs warns about that, and a strict
    build would stop for the warning. Only that one message is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def write_shard_state(site_dir: Path, *, shard: Shard, searches: dict[str, SearchIndex], fingerprint: str) -> None:
    """In place of the search indexes (one per language, by where it goes: "", "es/"): what
    this shard's pages gave them, for `merge`."""
    shutil.rmtree(site_dir / "search", ignore_errors=True)  # Material's index of this shard's pages; merge writes ours
    folder = site_dir / SHARD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "shard.json").write_text(json.dumps({"number": shard.number, "count": shard.count, "sources": fingerprint}),
                                       encoding="utf-8")
    (folder / "search.json").write_text(json.dumps({prefix: search.state() for prefix, search in searches.items()},
                                                   sort_keys=True), encoding="utf-8")


def sources_fingerprint(*folders: Path, files: list[Path]) -> str:
    """A hash of every source file, so that `merge` refuses shards built from different sources."""
    digest = hashlib.sha256()
    paths = sorted({*(f for f in files if f.is_file()), *(p for folder in folders for p in folder.rglob("*") if p.is_file())})
    for path in paths:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def merge_shards(shard_dirs: list[Path], *, into: Path) -> None:
    """Join the shards' output into the empty folder `into`, with one search index per language."""
    manifests = [_manifest(folder) for folder in shard_dirs]
    count = manifests[0]["count"]
    numbers = sorted(m["number"] for m in manifests)
    if numbers != list(range(1, count + 1)) or any(m["count"] != count for m in manifests):
        found = ", ".join(f"{m['number']}/{m['count']}" for m in manifests)
        raise HealthsiteError(f"cannot merge: expected shards 1 to {count} of {count} once each; got {found}")
    if len({m["sources"] for m in manifests}) > 1:
        raise HealthsiteError("cannot merge: the shards were built from different sources; build them all from one commit")
    for folder in shard_dirs:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if relative.parts[0] == SHARD_DIR or not path.is_file():
                continue
            target = into / relative
            if target.exists():
                if target.read_bytes() != path.read_bytes():
                    raise HealthsiteError(f"cannot merge: the shards disagree on {relative.as_posix()}; build them all from one commit")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    states = [json.loads((folder / SHARD_DIR / "search.json").read_text(encoding="utf-8")) for folder in shard_dirs]
    for prefix in states[0]:
        SearchIndex.from_states([state[prefix] for state in states]).write(into / prefix)


def build_in_parallel(*, jobs: int, build_shard, staging: Path) -> None:
    """`build_shard(shard, folder)` for each of `jobs` shards at once, in processes of their own,
    then merged into `staging`. Each shard checks its own topics, so every shard's problems are
    reported, one line each."""
    grade_markdown("Read once here. The shards' processes start with it.")  # the syllable dictionary: a second per process
    with tempfile.TemporaryDirectory(prefix=".shards-", dir=staging.parent) as work:
        folders = [Path(work) / str(n) for n in range(1, jobs + 1)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(build_shard, Shard(n, jobs), folder) for n, folder in enumerate(folders, start=1)]
            failures = [future.exception() for future in futures if future.exception() is not None]
        if failures:
            raise _joined(failures)
        merge_shards(folders, into=staging)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _manifest(folder: Path) -> dict:
    path = folder / SHARD_DIR / "shard.json"
    if not path.is_file():
        raise HealthsiteError(f"cannot merge {folder}: it is not a shard (no {SHARD_DIR}/shard.json); "
                              "build one with: healthsite build --shard I/N --site-dir DIR")
    return json.loads(path.read_text(encoding="utf-8"))


def _joined(failures: list[BaseException]) -> BaseException:
    """The shards' failures as one: the first, with the others' problems it does not name."""
    first = failures[0]
    if not isinstance(first, HealthsiteError):
        return first
    lines = first.message.splitlines()
    for failure in failures[1:]:
        extra = failure.message.splitlines()[1:] if isinstance(failure, HealthsiteError) else [str(failure)]
        lines.extend(line for line in extra if line not in lines and not PROBLEM_COUNT.fullmatch(line.strip()))
    return HealthsiteError("\n".join(lines))
