"""The site's search index, split into small files that a reader's browser fetches by need.

One list of every word would grow with the library until a phone downloads megabytes before
its first result. Here a query fetches only:
  - index.json: which file holds which words, the stop words; a few KB;
  - the vocabulary file of each word's first letter (or first two or three letters, where
    many words share them): the words, their stems and how to reach their pages, plus the
    lay phrases that start there;
  - the postings files of the stems it matched (pages and scores);
  - the page files of the results it shows (address, title, kind, snippet).
Each of these is capped in size, so what a query costs stays about the same from ten
topics to a thousand (bench/search.py measures it).

All linguistics happens here, at build time: words are folded (text.fold) and stemmed with
Snowball in the site's language; the browser only compares strings, so a second language
needs no new code in the browser. Files live in a folder named by a hash of the index, so a
reader whose browser cached yesterday's files never mixes them with today's.
"""

from __future__ import annotations

import hashlib
import math
import shutil
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import snowballstemmer

from healthsite.content.model import Library
from healthsite.site.search.files import VOCABULARY_FILE_BYTES, compact_json, postings_files, prefix_groups, prefix_of
from healthsite.site.search.lay_words import LayEntry, LayWords
from healthsite.site.search.text import STOP_WORDS, display_words, page_text, words

FOLDER = "search"
# How much each field counts: a word in the title says more than one in the body.
FIELD_WEIGHTS = {"title": 10.0, "aliases": 8.0, "joined": 6.0, "headings": 2.0, "body": 1.0}
PAGES_PER_FILE = 8  # a result list of 10 fetches at most 10 small files
EXACT = "="  # marks a word's own postings, beside its stem's
_K1, _B = 1.2, 0.75  # BM25's usual term-saturation and length constants
_SNOWBALL = {"en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian", "pt": "portuguese"}


@dataclass(frozen=True, slots=True)
class SearchPage:
    url: str  # relative to the site root, as MkDocs' page.url
    title: str
    label: str  # "Cause · Gout": what the page is, shown above its title in results
    snippet: str
    boost: float
    stems: dict[str, dict[str, int]]  # field -> stem -> how often
    named: frozenset[str]  # title and alias words that differ from their stem ("stressed")


class SearchIndex:
    """Collects the site's pages as MkDocs renders them, then writes the index files.
    A page is kept as counts of stems, not its text, so a library of 20,000 pages fits in memory."""

    def __init__(self, *, language: str = "en", lay_words: LayWords | None = None) -> None:
        self.language = language if language in _SNOWBALL else "en"
        self.stop_words = STOP_WORDS.get(self.language, frozenset())
        self.lay_words = lay_words or LayWords(entries=())
        self._stemmer = snowballstemmer.stemmer(_SNOWBALL[self.language])
        self._stems: dict[str, str] = {}
        self._spelled: dict[str, str] = {}  # folded word -> as titles, aliases and headings write it
        self.pages: dict[str, SearchPage] = {}

    @classmethod
    def for_site(cls, *, root: Path, library: Library, language: str) -> SearchIndex:
        """An empty index in the site's language, with the lay thesaurus: the package's, the
        site's own lay-words.yml (a ContentError if it is broken), and the topics' aliases."""
        aliases = {topic.title: topic.aliases for topic in library.topics}
        return cls(language=language, lay_words=LayWords.for_site(root, language).with_aliases(aliases))

    def add(self, *, url: str, title: str, html: str, label: str = "", boost: float = 1.0) -> None:
        text = page_text(html)
        fields = {"title": words(title), "aliases": [w for a in text.aliases for w in words(a)],
                  "headings": [w for h in text.headings for w in words(h)], "body": [w for b in text.body for w in words(b)],
                  "joined": []}
        for phrase in (title, *text.aliases, *text.headings):
            folded, written = words(phrase), display_words(phrase)
            for word, spelling in zip(folded, written if len(folded) == len(written) else folded):
                self._spelled[word] = min(spelling, self._spelled.get(word, spelling))  # the same whatever the page order
            fields["joined"].extend(  # "heart burn" -> "heartburn", for readers who type it as one word
                a + b for a, b in zip(folded, folded[1:]) if len(a + b) > 4 and not {a, b} & self.stop_words)
        named = {w for w in (*fields["title"], *fields["aliases"]) if w not in self.stop_words and self.stem(w) != w}
        self.pages[url] = SearchPage(url=url, title=title, label=label, snippet=text.snippet, boost=boost,
                                     stems={name: self._stem_counts(field) for name, field in fields.items()},
                                     named=frozenset(named))

    def carry_over(self, previous: SearchIndex, *, urls: set[str]) -> None:
        """These pages' entries, and the stems and spellings, from an earlier build's index (a preview's)."""
        self._stems.update(previous._stems)
        self._spelled.update(previous._spelled)
        self.pages.update((url, page) for url, page in previous.pages.items() if url in urls)

    def state(self) -> dict:
        """What this index has collected, as JSON data: a shard of the site hands it to `merge`."""
        return {
            "language": self.language,
            "lay": [[list(e.lay), list(e.means)] for e in self.lay_words.entries],
            "stems": self._stems, "spelled": self._spelled,
            "pages": [[p.url, p.title, p.label, p.snippet, p.boost, p.stems, sorted(p.named)] for p in self.pages.values()],
        }

    @classmethod
    def from_states(cls, states: list[dict]) -> SearchIndex:
        """One index of the pages of several shards' `state()`: the same as if one build had collected them."""
        index = cls(language=states[0]["language"],
                    lay_words=LayWords(entries=tuple(LayEntry(lay=tuple(a), means=tuple(b)) for a, b in states[0]["lay"])))
        for state in states:
            index._stems.update(state["stems"])
            for word, spelling in state["spelled"].items():
                index._spelled[word] = min(spelling, index._spelled.get(word, spelling))
            for url, title, label, snippet, boost, stems, named in state["pages"]:
                index.pages[url] = SearchPage(url=url, title=title, label=label, snippet=snippet, boost=boost, stems=stems,
                                              named=frozenset(named))
        return index

    def stem(self, word: str) -> str:
        if word not in self._stems:
            self._stems[word] = self._stemmer.stemWord(word)
        return self._stems[word]

    def _stem_counts(self, field_words: list[str]) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for word in field_words:
            if word not in self.stop_words:
                counts[self.stem(word)] += 1
        return dict(counts)

    # --- Writing ------------------------------------------------------------------------

    def write(self, site_dir: Path) -> Path:
        """Write the index under site_dir/search/, replacing any index there; return its folder."""
        files = self.files()
        root = site_dir / FOLDER
        if root.exists():
            shutil.rmtree(root)
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(data, encoding="utf-8")
        return root

    def files(self) -> dict[str, str]:
        """Every index file by its path under search/: index.json and the versioned shards."""
        pages = [self.pages[url] for url in sorted(self.pages)]
        postings, forms = self._postings(pages)
        buckets, slot_of = postings_files(postings)
        shards = self._vocabulary_files(forms, postings, slot_of)
        chunks = [[[p.url, p.title, p.label, p.snippet] for p in pages[i:i + PAGES_PER_FILE]]
                  for i in range(0, len(pages), PAGES_PER_FILE)]
        named = {
            **{f"p/{n}.json": compact_json(bucket) for n, bucket in enumerate(buckets)},
            **{f"v/{n}.json": compact_json(shard) for n, (_, shard) in enumerate(shards)},
            **{f"d/{n}.json": compact_json(chunk) for n, chunk in enumerate(chunks)},
        }
        version = hashlib.sha256("".join(f"{k}\n{v}\n" for k, v in sorted(named.items())).encode()).hexdigest()[:12]
        meta = {
            "version": version, "language": self.language, "pages": len(pages), "pagesPerFile": PAGES_PER_FILE,
            "prefixes": {prefix: n for n, (prefixes, _) in enumerate(shards) for prefix in prefixes},
            "stopWords": sorted(self.stop_words),
        }
        return {"index.json": compact_json(meta), **{f"{version}/{name}": data for name, data in named.items()}}

    def _postings(self, pages: list[SearchPage]) -> tuple[dict[str, dict[int, int]], dict[str, tuple[str, str]]]:
        """stem -> {page number: score}, and folded word -> (stem, spelling if a title, alias or heading word).

        A page's score for a stem is BM25 per field, the fields weighed by FIELD_WEIGHTS:
        the title counts on its own, so a page named "Gout" ranks above pages that say
        "gout" often but are about something else."""
        average = {name: max(1.0, sum(sum(p.stems[name].values()) for p in pages) / max(1, len(pages))) for name in FIELD_WEIGHTS}
        frequency: dict[str, int] = defaultdict(int)
        for page in pages:
            for stem in set().union(*page.stems.values()):
                frequency[stem] += 1
        postings: dict[str, dict[int, int]] = defaultdict(dict)
        for number, page in enumerate(pages):
            scores: dict[str, float] = defaultdict(float)
            for name, stems in page.stems.items():
                norm = _K1 * (1 - _B + _B * sum(stems.values()) / average[name])
                for stem, tf in stems.items():
                    scores[stem] += FIELD_WEIGHTS[name] * tf * (_K1 + 1) / (tf + norm)
            for stem, score in scores.items():
                idf = math.log(1 + (len(pages) - frequency[stem] + 0.5) / (frequency[stem] + 0.5))
                postings[stem][number] = max(1, round(10 * page.boost * idf * score))
            # A word as typed, in a title or alias, counts extra: "stressed" finds
            # "Feeling stressed" before other pages about stress.
            for word in page.named:
                postings[EXACT + word][number] = max(1, round(postings[self.stem(word)][number] / 2))
        forms = {word: (stem, self._spelled.get(word, "")) for word, stem in self._stems.items()
                 if word not in self.stop_words and stem in frequency}
        return postings, forms

    def _vocabulary_files(self, forms, postings, slot_of) -> list[tuple[list[str], dict]]:
        """Vocabulary files by the words' first letter, or first two or three letters where
        there are too many words for one file (files.prefix_groups); small neighbours share a file.

        Each holds its words (word, its stem's number in the file, its spelling in titles),
        the stems (stem, postings file, place in it, pages), and the lay phrases that start
        with its prefixes, their meanings given as stems of the file: a meaning the site
        never uses is left out, and "booze" needs no file for "alcohol"."""
        by_prefix = prefix_groups(sorted(forms))
        prefix = partial(prefix_of, by_prefix)
        lay_by_prefix: dict[str, list] = defaultdict(list)
        for phrase, means in self.lay_words.folded(self.stop_words):
            used = [[forms[w][0] for w in meaning] for meaning in means if all(w in forms for w in meaning)]
            if used:
                lay_by_prefix[prefix(phrase[0]) or phrase[0][0]].append((phrase, used))
        shards: list[tuple[list[str], dict]] = []
        prefixes: list[str] = []
        shard: dict = {"terms": [], "words": [], "lay": []}
        for key in sorted(set(by_prefix) | set(lay_by_prefix)):
            terms: dict[str, int] = {stem: n for n, (stem, *_) in enumerate(shard["terms"])}
            for word in by_prefix.get(key, ()):
                stem, written = forms[word]
                entry = [word, self._term(shard, terms, stem, postings, slot_of), written]
                if EXACT + word in postings:
                    entry.append(self._term(shard, terms, EXACT + word, postings, slot_of))
                shard["words"].append(entry if len(entry) == 4 or written else entry[:2])
            for phrase, means in lay_by_prefix[key]:
                shard["lay"].append([phrase, [[self._term(shard, terms, stem, postings, slot_of) for stem in meaning]
                                              for meaning in means]])
            prefixes.append(key)
            if len(compact_json(shard)) >= VOCABULARY_FILE_BYTES:
                shards.append((prefixes, shard))
                prefixes, shard = [], {"terms": [], "words": [], "lay": []}
        if prefixes:
            shards.append((prefixes, shard))
        return shards

    @staticmethod
    def _term(shard: dict, terms: dict[str, int], stem: str, postings, slot_of) -> int:
        """The number of `stem` in the vocabulary file, adding it on first use."""
        if stem not in terms:
            terms[stem] = len(shard["terms"])
            shard["terms"].append([stem, *slot_of[stem], len(postings[stem])])
        return terms[stem]
