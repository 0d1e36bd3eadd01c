"""Content -> pages and navigation: a pure function, independent of MkDocs.

`render_library` turns a `Library` into Markdown pages (with their paths and the
content file an editor should change) plus a navigation tree in MkDocs' `nav`
shape. The MkDocs plugin and `healthsite render --out` are two thin adapters
over it, so another site engine is one adapter away.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthsite.content.kinds import KINDS, Kind
from healthsite.content.model import Item, Library, Topic
from healthsite.content.schema import TAG_LABELS
from healthsite.render import jsonld
from healthsite.render.edition import Edition, prefixed, prefixed_nav
from healthsite.render.i18n import DEFAULT_LANGUAGE, gettext_for, markdown_templates
from healthsite.render.trust import trust_fields
from healthsite.render.checklist import CARE_CARD_MARKER, Checklist, build_checklist, checklist_uri
from healthsite.render.checklist import NAV_TITLE as CHECKLIST_NAV_TITLE

NavEntry = dict[str, Any] | str

# Material's per-page search boost for a topic's overview; item pages take theirs from
# their kind. Both rank above the list pages that merely mention them.
OVERVIEW_SEARCH_BOOST = 2
# Where a page's care cards go (theme/partials/content.html): after the answer, before the related pages.
CARE_CARDS_MARKER = "<!-- care-cards -->"


@dataclass(frozen=True, slots=True, kw_only=True)
class GeneratedPage:
    src_uri: str  # where the page sits in the site, e.g. "muscle-twitches/causes/dehydration.md"
    markdown: str  # the page's text, without front matter
    meta: dict[str, Any]  # what front matter would hold: title, description, review, care cards, JSON-LD
    edit_path: Path | None  # the content file an editor changes, relative to the project root
    search_label: str  # "Cause · Gout": what the page is, above its title in search results


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderedSite:
    pages: tuple[GeneratedPage, ...]
    nav: list[NavEntry]  # MkDocs `nav` entries for all topics, in A-Z order


# A preview's pages from its last render, by topic: what they were made from, and the pages.
PageCache = dict[str, tuple[tuple[Topic, tuple[Topic, ...]], list["GeneratedPage"], "NavEntry"]]


def render_library(library: Library, *, edition: Edition = Edition(), cache: PageCache | None = None) -> RenderedSite:
    """Every generated page and the topics' navigation, in a stable order, under the
    edition's prefix. With a `cache` (a preview's), a topic whose content, related topics and
    untranslated pages are unchanged is not rendered again."""
    pages: list[GeneratedPage] = []
    nav: list[NavEntry] = []
    related = library.related()
    for topic in library.topics:
        inputs = (topic, related[topic.slug], edition)
        key = edition.prefix + topic.slug
        hit = cache.get(key) if cache is not None else None
        _, topic_pages, topic_nav = hit if hit is not None and hit[0] == inputs else (
            inputs, prefixed(_topic_pages(topic, related=related[topic.slug], edition=edition), edition, topic),
            prefixed_nav(_topic_nav(topic, edition), edition.prefix))
        if cache is not None:
            cache[key] = (inputs, topic_pages, topic_nav)
        pages.extend(topic_pages)
        nav.append(topic_nav)
    return RenderedSite(pages=tuple(pages), nav=nav)


def tag_labels(topic: Topic, language: str = DEFAULT_LANGUAGE) -> str:
    """The topic's tags as they read on a page: "Muscles, bones and joints, Symptom"."""
    return ", ".join(gettext_for(language)(TAG_LABELS[tag]) for tag in topic.tags)


# --- Paths ------------------------------------------------------------------------------


def overview_uri(topic: Topic) -> str:
    return f"{topic.slug}/index.md"


def section_uri(topic: Topic, kind: Kind) -> str:
    return f"{topic.slug}/{kind.folder}/index.md"


def item_uri(topic: Topic, item: Item) -> str:
    return f"{topic.slug}/{item.kind.folder}/{item.slug}.md"


def relative_uri(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri))


# --- Pages ------------------------------------------------------------------------------


def _topic_pages(topic: Topic, *, related: tuple[Topic, ...], edition: Edition) -> list[GeneratedPage]:
    pages = [_overview_page(topic, related=related, edition=edition)]
    if checklist := build_checklist(topic, language=edition.language):
        pages.append(_checklist_page(topic, checklist, edition))
    for kind in topic.kinds():
        pages.append(_section_page(topic, kind, edition))
        pages.extend(_item_page(topic, item, edition) for item in topic.of_kind(kind))
    return pages


def _overview_page(topic: Topic, *, related: tuple[Topic, ...], edition: Edition) -> GeneratedPage:
    uri, t = overview_uri(topic), edition.t
    if topic.path in edition.untranslated:
        return _untranslated_page(uri, topic, topic, edition, label=t("Overview"))
    lead, rest = _split_at_first_heading(topic.body)
    meta = _meta(
        title=topic.title,
        description=topic.summary,
        search={"boost": OVERVIEW_SEARCH_BOOST},
        **trust_fields(topic, care_cards=topic.care_cards, structured_data=jsonld.topic_page(topic)),
    )
    markdown = render_template(
        "topic.md.j2",
        uri=uri,
        edition=edition,
        topic=topic,
        lead=lead,
        rest=rest,
        checklist=relative_uri(uri, checklist_uri(topic)) if build_checklist(topic) else None,
        sections=[(kind, topic.of_kind(kind)) for kind in topic.kinds()],
        related=[(other, relative_uri(uri, overview_uri(other))) for other in related],
        tags=tag_labels(topic, edition.language),
    )
    return GeneratedPage(src_uri=uri, markdown=markdown, meta=meta, edit_path=topic.path,
                         search_label=t("Overview") + f" · {topic.title}")


def _checklist_page(topic: Topic, checklist: Checklist, edition: Edition) -> GeneratedPage:
    uri = checklist_uri(topic)
    meta = _meta(
        **checklist.front_matter(),
        **trust_fields(topic, structured_data=jsonld.topic_page(topic, name=checklist.front_matter()["title"],
                                                                kinds=checklist.kinds())),
    )
    markdown = render_template(
        "checklist.md.j2",
        uri=uri,
        edition=edition,
        topic=topic,
        checklist=checklist,
        care_card_marker=CARE_CARD_MARKER,
        overview=relative_uri(uri, overview_uri(topic)),
        storage=edition.prefix + topic.slug,  # each language keeps its own answers
    )
    return GeneratedPage(src_uri=uri, markdown=markdown, meta=meta, edit_path=None,
                         search_label=edition.t("Checklist") + f" · {topic.title}")


def _section_page(topic: Topic, kind: Kind, edition: Edition) -> GeneratedPage:
    uri, t = section_uri(topic, kind), edition.t
    heading = t(kind.list_title).format(topic=_lower_first(topic.title))
    meta = _meta(
        title=heading,
        description=f"{heading}. {t(kind.intro)}",
        search={"exclude": True},  # a list of summaries: search finds the item pages themselves
        **trust_fields(topic, structured_data=jsonld.topic_page(topic, name=heading, kinds=(kind,))),
    )
    markdown = render_template(
        "section.md.j2",
        uri=uri,
        edition=edition,
        topic=topic,
        heading=heading,
        intro=t(kind.intro),
        items=topic.of_kind(kind),
        overview=relative_uri(uri, overview_uri(topic)),
    )
    return GeneratedPage(src_uri=uri, markdown=markdown, meta=meta, edit_path=None,
                         search_label=f"{t(kind.plural)} · {topic.title}")


def _item_page(topic: Topic, item: Item, edition: Edition) -> GeneratedPage:
    uri, t = item_uri(topic, item), edition.t
    if item.path in edition.untranslated:
        return _untranslated_page(uri, topic, item, edition, label=t(item.kind.label))
    meta = _meta(
        title=item.title,
        description=item.summary,
        search={"boost": item.kind.search_boost},
        hide=["navigation", "toc"],  # the answer first: breadcrumbs lead back, not a long sidebar
        **trust_fields(topic, care_cards=item.care_cards, structured_data=jsonld.item_page(topic, item)),
    )
    markdown = render_template(
        item.kind.template,
        uri=uri,
        edition=edition,
        topic=topic,
        item=item,
        list_title=t(item.kind.list_title).format(topic=_lower_first(topic.title)),
        related=_related(topic, item, t),
        section_index=relative_uri(uri, section_uri(topic, item.kind)),
        overview=relative_uri(uri, overview_uri(topic)),
    )
    return GeneratedPage(src_uri=uri, markdown=markdown, meta=meta, edit_path=item.path,
                         search_label=f"{t(item.kind.label)} · {topic.title}")


def _untranslated_page(uri: str, topic: Topic, page: Topic | Item, edition: Edition, *, label: str) -> GeneratedPage:
    """A content page not translated yet (`untranslated_note`), whose care cards say when to
    get help in the original's language."""
    markdown, meta = untranslated_note(uri, page.title, edition)
    meta.update(trust_fields(topic, structured_data=jsonld.topic_page(topic, name=page.title)))
    return GeneratedPage(src_uri=uri, markdown=markdown, meta=meta, edit_path=page.path, search_label=f"{label} · {topic.title}")


def untranslated_note(uri: str, title: str, edition: Edition) -> tuple[str, dict[str, Any]]:
    """The Markdown and meta of a page at `uri` not translated into the edition's language yet:
    its title, and a note linking the original; kept out of search and of search engines."""
    note = edition.t("This page has not been translated yet. You can read it in English.")
    markdown = render_template("untranslated.md.j2", uri=uri, edition=edition, title=title,
                               original=relative_uri(edition.prefix + uri, uri))
    return markdown, _meta(title=title, description=f"{title}: {note}", search={"exclude": True}, hs_untranslated=True)


def _related(topic: Topic, item: Item, t) -> list[tuple[str, tuple[Item, ...]]]:
    """The groups of related pages that are not empty: the links the item declares, the
    links declared to it (derived), then the items two links away, per the kinds registry."""
    kind = item.kind
    groups: dict[str, tuple[Item, ...]] = {}
    for other in KINDS:
        if link := kind.link_to(other):
            groups.setdefault(t(link.label), topic.linked(item, other))
        if link := other.link_to(kind):
            groups.setdefault(t(link.reverse_label), topic.linking(item, other))
    for reach in kind.reaches:
        groups.setdefault(t(reach.label), topic.reached(item, through=KINDS[reach.through], target=KINDS[reach.target]))
    return [(heading, items) for heading, items in groups.items() if items]


def _topic_nav(topic: Topic, edition: Edition) -> NavEntry:
    t = edition.t
    entries: list[NavEntry] = [overview_uri(topic)]
    if build_checklist(topic):
        entries.append({t(CHECKLIST_NAV_TITLE): checklist_uri(topic)})
    for kind in topic.kinds():
        children = [{i.title: item_uri(topic, i)} for i in topic.of_kind(kind)]
        entries.append({t(kind.plural): [section_uri(topic, kind), *children]})
    return {topic.title: entries}


# --- Helpers ----------------------------------------------------------------------------


def _split_at_first_heading(body: str) -> tuple[str, str]:
    """The overview text before the first '## ' heading, and the rest (shown after the lists)."""
    lines = body.splitlines()
    cut = next((n for n, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return "\n".join(lines[:cut]).strip(), "\n".join(lines[cut:]).strip()


def _meta(**fields: Any) -> dict[str, Any]:
    # Material writes the description into an HTML attribute unescaped: a quote would end it.
    fields["description"] = html.escape(fields["description"])
    return fields


def _lower_first(text: str) -> str:
    """'Muscle twitches' -> 'muscle twitches', but keep acronyms such as 'ALS'."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def render_template(template: str, *, uri: str, edition: Edition = Edition(), **context: Any) -> str:
    """The template's Markdown in the edition's language; it marks the edition's pages still in
    the source's language (`untranslated`) as English."""
    def link(from_uri: str, item: Item) -> str:
        return relative_uri(from_uri, item_uri(context["topic"], item))

    text = markdown_templates(edition.language).get_template(template).render(
        uri=uri, link=link, care_cards_marker=CARE_CARDS_MARKER, untranslated=edition.untranslated, **context)
    return text.strip() + "\n"
