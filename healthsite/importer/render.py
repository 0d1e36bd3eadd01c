"""Renderer: Article -> file texts (topic.md and one page per item, each with YAML front matter)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from healthsite.content.frontmatter import document_text
from healthsite.content.kinds import KINDS
from healthsite.importer.links import Suggestions
from healthsite.importer.records import Article, ParsedItem
from healthsite.importer.slugs import Slugs
from healthsite.importer.synonyms import suggest_aliases
from healthsite.importer.text import plain, split_sentences

_RED_FLAG = re.compile(r"neurological (condition|disorder|disease)s?|\bALS\b|amyotrophic|multiple sclerosis|\bstroke\b|"
                       r"seizure|chest pain|difficulty breathing|shortness of breath|paralysis|loss of consciousness|"
                       r"\bcancer\b|tumou?r", re.I)
_ALSO_KNOWN = re.compile(r"\b(?:also|sometimes|commonly|medically) (?:known as|called|referred to as)\s+(.+?)(?=[,.;:)(]| are | is |$)", re.I)


def render(*, doc: Article, slugs: Slugs, links: Suggestions, source_name: str, today: dt.date) -> dict[PurePosixPath, str]:
    files = {PurePosixPath("topic.md"): _render_topic(doc=doc, source_name=source_name, today=today)}
    help_text = " ".join(reason for reasons in doc.help.values() for reason in reasons).casefold()
    for kind, items in doc.sections.items():
        for index, item in enumerate(items):
            slug = slugs.of(kind, index)
            meta: dict[str, object] = {
                "title": slugs.titles[(kind, index)],
                "summary": _summary(item.description) or item.name,
                "aliases": suggest_aliases(slugs.titles[(kind, index)]),
                "order": index + 1,
            }
            # Only what readers tick in the checklist can be a red flag.
            if kind.checklist is not None and _is_red_flag(item, help_text=help_text):
                meta["red_flag"] = True
            for link in kind.links:
                if (target := KINDS[link.target]) in doc.sections:
                    meta[link.field] = [slugs.of(target, j) for j in links.get((kind, target), {}).get(index, ())]
            files[PurePosixPath(kind.folder, f"{slug}.md")] = document_text(meta, _capitalise(item.description) or item.name)
    return files


def _is_red_flag(item: ParsedItem, *, help_text: str) -> bool:
    """A clear danger, or an item that the article's "When to see a doctor" names."""
    name = re.sub(r"\s*\(.*?\)", "", item.name).casefold()
    return bool(_RED_FLAG.search(f"{item.name} {item.description}")) or (len(name) > 3 and name in help_text)


def _render_topic(*, doc: Article, source_name: str, today: dt.date) -> str:
    # A list or a letterhead line is no summary: the first sentences of real prose are.
    prose = [p for p in doc.intro if not p.startswith("- ") and len(p.split()) >= 6 and p.rstrip()[-1:] in ".!?"]
    intro_text = " ".join(prose) or " ".join(p for ps in doc.notes.values() for p in ps)
    source: dict[str, object] = {"title": doc.source_title}
    if doc.publisher:
        source["publisher"] = doc.publisher
    if doc.url:
        source["url"] = doc.url
    source["accessed"] = today
    meta = {
        "title": doc.title,
        "summary": _summary(intro_text) or f"{doc.title}: symptoms, causes and treatment.",
        "aliases": list(dict.fromkeys([*_aliases(" ".join(doc.intro)), *doc.aliases])),
        "reviewed": {"date": today, "by": f"Not yet reviewed (imported from {source_name})"},
        "next_review": _one_year_later(today),
    }
    if doc.help:
        # Urgent and emergency advice must name its source: here, the article it came from.
        meta["care_cards"] = [{"level": level, "reasons": list(reasons), **({} if level == "non-urgent" else {"source": doc.source_title})}
                              for level, reasons in doc.help.items()]
    meta["sources"] = [source]
    body: list[str] = list(doc.intro)
    for kind, paras in doc.notes.items():
        body += [f"## {kind.about}", *paras]
    for extra in doc.extras:
        body += [f"## {extra.heading}", *extra.paragraphs]
    if doc.conclusion:
        body += ["## Outlook", *doc.conclusion]
    if doc.disclaimer:
        body += ["## About this information", *doc.disclaimer]
    return document_text(meta, "\n\n".join(body))


def _summary(text: str) -> str:
    sentences = split_sentences(plain(text.strip().split("\n\n")[0]))  # from the first paragraph only
    return _capitalise(sentences[0]) if sentences else ""


def _capitalise(text: str) -> str:
    # "Dehydration: lack of water..." leaves the description starting in lower case.
    return text[:1].upper() + text[1:]


def _aliases(intro: str) -> list[str]:
    aliases: list[str] = []
    for match in _ALSO_KNOWN.finditer(plain(intro)):
        for alias in re.split(r",\s*|\s+or\s+", match.group(1)):
            alias = alias.strip(" \"'“”‘’")
            if alias and len(alias.split()) <= 5 and alias not in aliases:
                aliases.append(alias)
    return aliases


def _one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
