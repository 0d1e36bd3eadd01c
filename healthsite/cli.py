"""The `healthsite` command and its content commands: init, import, check, new, fields (the site commands are in cli_site.py)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from healthsite.errors import ContentError, HealthsiteError, ImportRefused
from healthsite.content.loader import load_library
from healthsite.content.kinds import KINDS
from healthsite.check.quality import QualityReport, QualitySettings, check_quality, content_pages

CONTENT_OPTION = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="The content folder (one sub-folder per topic).",
)
CONFIG_OPTION = click.option(
    "--config-file",
    "-f",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration.",
)
ALLOW_OVERDUE_OPTION = click.option(
    "--allow-overdue", is_flag=True, help="Warn about overdue reviews instead of failing (for local previews only)."
)


class _KindChoice(click.Choice):
    """The kinds of item page, read from the registry when the command runs."""

    def __init__(self) -> None:
        super().__init__([])

    @property
    def choices(self) -> list[str]:
        return [kind.command for kind in KINDS]

    @choices.setter
    def choices(self, _value: list[str]) -> None:
        pass


@click.group()
@click.version_option(package_name="healthsite")
def main() -> None:
    """Turn consumer health articles into a cross-linked, searchable static site."""


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", required=True, help="The site's name as readers see it, e.g. 'Riverside Clinic health pages'.")
@click.option("--url", required=True, help="The site's address on GitHub Pages, sub-path included, e.g. https://your-org.github.io/health/.")
@click.option("--language", default="en", show_default=True, help="The language of the site's pages and buttons, as a code: en, es, fr...")
def init(directory: Path, name: str, url: str, language: str) -> None:
    """Start a new health site in DIRECTORY: settings, the site's own pages, one example topic, workflows."""
    from healthsite.starter import init_site

    written = init_site(target=directory, name=name, url=url, language=language, today=dt.date.today())
    click.echo(f"Wrote a new site in {directory} ({len(written)} files). Next:\n"
               f"  cd {directory}\n  make site      # build it, then open site/index.html or run: make serve\n"
               f"  make check     # lists the [[fill-ins]] to replace before you publish")


@main.command("import")
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--topic", default=None, help="The topic's slug for a single article, e.g. muscle-twitches "
              "(default: from the file name).")
@CONTENT_OPTION
@click.option("--force", is_flag=True, help="Replace existing topics (a backup is kept in content/.backup/).")
@click.option("--date", "today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Date to stamp as accessed/reviewed (default: today).")
def import_command(articles: tuple[Path, ...], topic: str | None, content_dir: Path, force: bool, today: dt.datetime | None) -> None:
    """Split each ARTICLE (.txt, .md or .html, or a folder of them) into a topic folder of content files."""
    from healthsite.importer.batch import find_articles, import_batch, summary_table

    files = find_articles(articles)
    if not files:
        raise HealthsiteError(f"no articles (.txt, .md, .html) in {', '.join(p.as_posix() for p in articles)}")
    day = today.date() if today else dt.date.today()
    if len(files) == 1:
        results = import_batch(files, topic=topic, content_dir=content_dir, force=force, today=day)
    else:
        with click.progressbar(length=len(files), label="Importing", file=sys.stderr,
                               item_show_func=lambda r: r.topic if r else None) as bar:
            results = import_batch(files, topic=topic, content_dir=content_dir, force=force, today=day,
                                   done=lambda result: bar.update(1, result))
    for result in results:
        for warning in result.report.warnings if result.report else ():
            click.echo(f"warning: {warning}", err=True)
    if len(results) == 1 and results[0].report:
        _echo_one_import(results[0].report)
    elif len(results) > 1:
        click.echo(summary_table(results))
    refused = [r.refused for r in results if r.refused]
    if refused:
        count = f"{len(refused)} of {len(results)} article{'s' if len(results) != 1 else ''} not imported"
        raise ImportRefused(refused[0] if len(results) == 1 else f"{count}:\n" + "\n".join(f"  {r}" for r in refused))


def _echo_one_import(report) -> None:
    counts = ", ".join(f"{report.counts[kind]} {kind.folder}" for kind in KINDS if report.counts.get(kind))
    click.echo(f"Wrote {report.topic_dir}: {counts}.")
    if report.links:
        click.echo("Suggested cross-links (review them in the pull request):")
        for source, target in report.links:
            click.echo(f"  {source} -> {target}")


@main.command()
@CONTENT_OPTION
@click.option(
    "--config-file",
    "-f",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="Settings (reading grade limit, review warnings) and the hand-written pages; defaults if it does not exist.",
)
@click.option("--report", is_flag=True, help="Also print the reading grade of every page, hardest first.")
@ALLOW_OVERDUE_OPTION
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Check as if it were this date (default: today).")
def check(content_dir: Path, config_file: Path, report: bool, allow_overdue: bool, today: dt.datetime | None) -> None:
    """Validate the content, review dates and reading grades; report every problem, then exit 1 if there were any."""
    from healthsite.site.search.lay_words import LayWords
    from healthsite.site.settings import load_site_config

    library = load_library(content_dir)
    LayWords.for_site(config_file.absolute().parent)  # reports a broken lay-words.yml of the site
    config = load_site_config(config_file, strict=False, allow_overdue=allow_overdue) if config_file.is_file() else None
    _check_quality(library, config=config, allow_overdue=allow_overdue, today=today.date() if today else dt.date.today(),
                   report=report, publishing=True)
    items = sum(len(t.of_kind(kind)) for t in library.topics for kind in t.kinds())
    click.echo(f"Content OK: {len(library.topics)} topic(s), {items} item(s).")


def _check_quality(library, *, config, allow_overdue: bool, today: dt.date, report: bool = False,
                   publishing: bool = False) -> None:
    """Review dates, reading grades, [[fill-ins]] and translations: print the warnings (and the
    grades), raise on problems. Fill-ins are problems when `publishing` (check), warnings for a build."""
    from healthsite.check.translations import check_translations

    quality = _quality_report(library, config=config, allow_overdue=allow_overdue, today=today)
    if report:
        click.echo(_grade_table(quality))
    plugin = config.plugins.get("healthsite") if config is not None else None
    translation_problems, translation_warnings = check_translations(  # a build leaves the missing ones to `check`
        library, plugin.config.languages if plugin else [], docs_dir=Path(config.docs_dir) if config is not None else None,
        missing=publishing)
    problems = [*quality.problems, *(quality.unfinished if publishing else ()), *translation_problems]
    for warning in [*quality.warnings, *(() if publishing else quality.unfinished), *translation_warnings]:
        click.echo(f"warning: {warning}", err=True)
    if problems:
        raise ContentError(problems)


def _quality_report(library, *, config, allow_overdue: bool, today: dt.date) -> QualityReport:
    """Checks with the settings and hand-written pages of mkdocs.yml (loaded with the command
    line's overrides), or the defaults without it."""
    if config is None or "healthsite" not in config.plugins:
        settings = QualitySettings(allow_overdue=allow_overdue)
        return check_quality(pages=content_pages(library), settings=settings, today=today)
    from healthsite.site.plugin_checks import quality_report

    return quality_report(config.plugins["healthsite"].config, config, library=library, today=today)


def _grade_table(quality: QualityReport) -> str:
    """Reading grades, hardest first. SMOG counts from 30 sentences; pages under 30 words are not judged (*)."""
    rows = [f"{'Grade':>6}  {'Flesch-Kincaid':>14}  {'SMOG':>5}  {'Words':>5}  Page"]
    for g in quality.grades:
        mark = " " if g.grades.reliable else "*"
        rows.append(f"{g.grades.grade:5.1f}{mark}  {g.grades.flesch_kincaid:14.1f}  {g.grades.smog:5.1f}  {g.grades.words:5d}  {g.path.as_posix()}")
    if any(not g.grades.reliable for g in quality.grades):
        rows.append("* under 30 words: too short to grade reliably, so not held to the limit")
    return "\n".join(rows)


@main.command()
@click.argument("what", nargs=-1, required=True, metavar="KIND TITLE | FILE...")
@click.option("--topic", help="For a new page: the topic's folder name, e.g. muscle-twitches.")
@click.option("--lang", "language", help="Translate each FILE (content/ or docs/) into this language (its code, e.g. es).")
@CONTENT_OPTION
def new(what: tuple[str, ...], topic: str | None, language: str | None, content_dir: Path) -> None:
    """Write a new KIND page called TITLE in a --topic, with every field explained, ready to fill
    in; or, with --lang, the translation of each FILE (a content file or a page of docs/), beside
    it, with its texts to translate."""
    from healthsite.content.scaffold import new_item, new_translation

    if language is not None:
        for source in what:
            path = new_translation(source=Path(source), language=language)
            click.echo(f"Wrote {path.as_posix()}. Translate each text between [[ and ]], then run: healthsite check")
        return
    if len(what) != 2 or topic is None:
        raise click.UsageError("expected KIND TITLE --topic FOLDER (a new page), or --lang LANG FILE... (a translation)")
    kind = _KindChoice().convert(what[0], None, None)
    path = new_item(kind=KINDS.by_command(kind), title=what[1], topic=topic, content_dir=content_dir)
    click.echo(f"Wrote {path.as_posix()}. Fill in the summary and the text, then run: healthsite check")


@main.command()
@click.option("--update", "target", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Rewrite the table between the markers in this file (e.g. CONTRIBUTING.md) instead of printing it.")
def fields(target: Path | None) -> None:
    """Print the front-matter fields of every kind of content file, as Markdown tables."""
    from healthsite.content.fields import fields_markdown, update_between_markers

    if target is None:
        click.echo(fields_markdown(), nl=False)
    elif update_between_markers(target):
        click.echo(f"Updated the fields table in {target}.")
    else:
        click.echo(f"{target} is up to date.")


@main.command()
def messages() -> None:
    """Collect the words around the content (templates, kinds registry) into the catalogues'
    template, and bring each language's catalogue (healthsite/locale/) up to date from it."""
    from healthsite.render.messages import untranslated, update_catalogues
    from healthsite.render.i18n import LOCALE_DIR

    for path in update_catalogues():
        click.echo(f"Updated {path}.")
    for folder in sorted(p for p in LOCALE_DIR.iterdir() if p.is_dir()):
        if missing := untranslated(folder.name):
            click.echo(f"{folder.name}: {len(missing)} strings to translate in "
                       f"healthsite/locale/{folder.name}/LC_MESSAGES/healthsite.po (empty or fuzzy).")


from healthsite import cli_site  # noqa: E402,F401  (registers the site commands on `main`)
