"""The lay thesaurus: everyday words readers type, and the words health pages use for them.

The package ships lay-words.yml (general health vocabulary, each pairing with its source),
and lay-words.es.yml for Spanish. A site adds its own entries in a lay-words.yml (or
lay-words.es.yml) next to mkdocs.yml, in the same format, and
every topic's aliases join in as well ("podagra" -> "gout"), so "podagra causes" also
searches for "gout causes". The index carries the entries to the browser, which searches a
query holding a lay phrase for each of its meanings too (theme/assets/hs-search-engine.js).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from healthsite.errors import ContentError, Problem
from healthsite.site.search.text import words

PACKAGE_FILE = Path(__file__).with_name("lay-words.yml")
SITE_FILE = "lay-words.yml"  # next to mkdocs.yml; optional


@dataclass(frozen=True, slots=True)
class LayEntry:
    lay: tuple[str, ...]  # what readers type: "throwing up"
    means: tuple[str, ...]  # what pages say: "vomiting"


@dataclass(frozen=True, slots=True)
class LayWords:
    entries: tuple[LayEntry, ...]

    @classmethod
    def load(cls, *paths: Path, root: Path | None = None) -> LayWords:
        """The entries of each file that exists, in order; errors name the file and entry."""
        entries: list[LayEntry] = []
        problems: list[Problem] = []
        for path in paths:
            if path.is_file():
                shown = path.relative_to(root) if root and path.is_relative_to(root) else path
                entries.extend(_read(path, shown=shown, problems=problems))
        if problems:
            raise ContentError(problems)
        return cls(entries=tuple(entries))

    @classmethod
    def for_site(cls, root: Path, language: str = "en") -> LayWords:
        """The package's entries in `language`, then those of the site's own lay-words.yml
        (next to mkdocs.yml; lay-words.es.yml for Spanish)."""
        name = SITE_FILE if language == "en" else SITE_FILE.replace(".yml", f".{language}.yml")
        return cls.load(PACKAGE_FILE.with_name(name), root / name, root=root)

    def with_aliases(self, names: dict[str, tuple[str, ...]]) -> LayWords:
        """These entries plus one per alias: alias -> the title it names."""
        extra = [LayEntry(lay=(alias,), means=(title,)) for title, aliases in names.items() for alias in aliases]
        return LayWords(entries=(*self.entries, *extra))

    def folded(self, stop_words: frozenset[str] = frozenset()) -> list[list]:
        """[[lay words], [[meaning words], ...]] per lay phrase, folded as search folds words;
        an entry's lay phrases are meanings of each other ("pain tablets" -> "painkillers"),
        and a phrase listed twice keeps every meaning."""
        meanings: dict[tuple[str, ...], list[list[str]]] = {}
        for entry in self.entries:
            for phrase in entry.lay:
                key = tuple(words(phrase))
                if not key:
                    continue
                known = meanings.setdefault(key, [])
                for meaning in (*entry.means, *entry.lay):  # the other lay phrases mean it too
                    folded = [w for w in words(meaning) if w not in stop_words]
                    if folded and folded != list(key) and folded not in known:
                        known.append(folded)
        return [[list(key), means] for key, means in sorted(meanings.items()) if means]


def _read(path: Path, *, shown: Path, problems: list[Problem]) -> list[LayEntry]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        problems.append(Problem(path=shown, message=f"cannot read it as YAML ({' '.join(str(err).split())})"))
        return []
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        problems.append(Problem(path=shown, message="expected a mapping with a 'terms' list (as in the lay-words.yml that ships with healthsite)"))
        return []
    sources = data.get("sources") or {}
    entries = []
    for number, entry in enumerate(data["terms"], start=1):
        where = f"terms entry {number}"
        if not isinstance(entry, dict) or set(entry) - {"lay", "means", "source"}:
            problems.append(Problem(path=shown, message=f"{where}: expected only the fields lay, means and source"))
            continue
        lay, means = entry.get("lay"), entry.get("means")
        if not _phrases(lay) or not _phrases(means):
            problems.append(Problem(path=shown, message=f"{where}: 'lay' and 'means' must each be a list of words or phrases"))
            continue
        if entry.get("source") not in sources:
            listed = ", ".join(map(str, sources)) or "none listed"
            problems.append(Problem(path=shown, message=f"{where}: source {entry.get('source')!r} is not one of the file's sources ({listed})"))
            continue
        entries.append(LayEntry(lay=tuple(lay), means=tuple(means)))
    return entries


def _phrases(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)
