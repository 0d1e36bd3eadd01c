"""The `healthsite` command: import, check, render, build, serve, new, fields, linkcheck."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click
import yaml

from healthsite.loader import load_library
from healthsite.model import Section
from healthsite.render import render_library

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


@click.group()
@click.version_option(package_name="healthsite")
def main() -> None:
    """Turn consumer health articles into a cross-linked, searchable static site."""


@main.command("import")
@click.argument("article", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--topic", required=True, help="The topic's slug, e.g. muscle-twitches (its web address).")
@CONTENT_OPTION
@click.option("--force", is_flag=True, help="Replace an existing topic (a backup is kept in content/.backup/).")
@click.option("--date", "today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Date to stamp as accessed/reviewed (default: today).")
def import_command(article: Path, topic: str, content_dir: Path, force: bool, today: dt.datetime | None) -> None:
    """Split ARTICLE (.txt, .md or .html) into a topic folder of content files."""
    from healthsite.importer import import_article

    report = import_article(
        article, topic=topic, content_dir=content_dir, force=force, today=(today.date() if today else dt.date.today())
    )
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    counts = ", ".join(f"{report.counts.get(s, 0)} {s.value}" for s in Section)
    click.echo(f"Wrote {report.topic_dir}: {counts}.")
    if report.links:
        click.echo("Suggested cross-links (review them in the pull request):")
        for source, target in report.links:
            click.echo(f"  {source} -> {target}")


@main.command()
@CONTENT_OPTION
def check(content_dir: Path) -> None:
    """Validate the content folder; report every problem, then exit 1 if there were any."""
    library = load_library(content_dir)
    items = sum(len(t.section(s)) for t in library.topics for s in Section)
    click.echo(f"Content OK: {len(library.topics)} topic(s), {items} item(s).")


@main.command()
@CONTENT_OPTION
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write the Markdown to.")
def render(content_dir: Path, out: Path) -> None:
    """Write the generated Markdown pages and their navigation (nav.yml) to --out."""
    site = render_library(load_library(content_dir))
    for page in site.pages:
        path = out / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    (out / "nav.yml").write_text(yaml.safe_dump({"nav": site.nav}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    click.echo(f"Wrote {len(site.pages)} pages and nav.yml to {out}.")


@main.command()
@CONTENT_OPTION
@CONFIG_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Where to write the site (default: site_dir of the config).")
def build(content_dir: Path, config_file: Path, site_dir: Path | None) -> None:
    """Check the content, then build the site strictly; the old site is replaced only on success."""
    from healthsite.build import build_site

    load_library(content_dir)
    target = build_site(config_file=config_file, site_dir=site_dir)
    click.echo(f"Site built in {target}.")


@main.command()
@CONFIG_OPTION
@click.option("--addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(config_file: Path, addr: str) -> None:
    """Live preview: rebuilds when content/, docs/ or overrides/ change."""
    sys.exit(subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", addr]))


@main.command()
@click.argument("section", type=click.Choice([s.singular for s in Section]))
@click.argument("title")
@click.option("--topic", required=True, help="The topic's folder name, e.g. muscle-twitches.")
@CONTENT_OPTION
def new(section: str, title: str, topic: str, content_dir: Path) -> None:
    """Write a new SECTION page called TITLE, with every field explained, ready to fill in."""
    from healthsite.scaffold import new_item

    path = new_item(section=_section(section), title=title, topic=topic, content_dir=content_dir)
    click.echo(f"Wrote {path.as_posix()}. Fill in the summary and the text, then run: healthsite check")


def _section(singular: str) -> Section:
    return next(s for s in Section if s.singular == singular)


@main.command()
@click.option("--update", "target", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Rewrite the table between the markers in this file (e.g. CONTRIBUTING.md) instead of printing it.")
def fields(target: Path | None) -> None:
    """Print the front-matter fields of every kind of content file, as Markdown tables."""
    from healthsite.fields import fields_markdown, update_between_markers

    if target is None:
        click.echo(fields_markdown(), nl=False)
    elif update_between_markers(target):
        click.echo(f"Updated the fields table in {target}.")
    else:
        click.echo(f"{target} is up to date.")


@main.command()
@CONFIG_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("site"), show_default=True,
              help="The built site to check.")
def linkcheck(config_file: Path, site_dir: Path) -> None:
    """Serve the built site under its site_url path, as GitHub Pages does, and check every link."""
    from mkdocs.config import load_config

    from healthsite.errors import HealthsiteError
    from healthsite.subpath import serve_under

    checker = Path(sys.executable).with_name("linkchecker")
    if not checker.exists():
        raise HealthsiteError("linkchecker is not installed; run `make test` once (it installs the test tools)")
    prefix = urlsplit(load_config(str(config_file)).site_url or "/").path
    with serve_under(site_dir, prefix=prefix) as url:
        code = subprocess.call([str(checker), "--no-status", "--no-warnings", url])
    if code:
        raise HealthsiteError(f"linkchecker found broken links in {site_dir} served at {prefix}")
    click.echo(f"No broken links in {site_dir} served at {prefix}.")
