"""The `healthsite` commands that make, preview and check a site: build (with --jobs and
--shard), merge, serve, render, finish, linkcheck. They register on `healthsite.cli.main`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from healthsite.cli import ALLOW_OVERDUE_OPTION, CONFIG_OPTION, _check_quality, main
from healthsite.content.loader import load_library
from healthsite.errors import HealthsiteError


@main.command()
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The content folder (default: content_dir of the config, normally content/).")
@CONFIG_OPTION
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="The folder to write the site's sources to.")
def render(content_dir: Path | None, config_file: Path, out: Path) -> None:
    """Write the whole site as plain sources for an engine without MkDocs plugins (docs/, theme/,
    mkdocs.yml in --out); after that engine's build, run `healthsite finish`."""
    from healthsite.site.export import export_site
    from healthsite.site.settings import content_folder, load_site_config

    config = load_site_config(config_file, strict=False, content_dir=content_dir)
    _check_quality(load_library(content_folder(config)), config=config, allow_overdue=False, today=dt.date.today())
    pages = export_site(config, out=out)
    click.echo(f"Wrote {pages} pages, the theme and mkdocs.yml to {out}. Build it, then run: healthsite finish {out / 'site'}")


@main.command()
@click.argument("site", type=click.Path(file_okay=False, exists=True, path_type=Path))
@CONFIG_OPTION
def finish(site: Path, config_file: Path) -> None:
    """Complete a SITE another engine built from `healthsite render`: safety check, search index,
    security policy hashes, print addresses, sitemap."""
    from healthsite.site.finish import finish_site
    from healthsite.site.settings import load_site_config

    pages = finish_site(site, config=load_site_config(config_file, strict=False))
    click.echo(f"Finished {site}: {pages} pages checked, indexed for search and locked down.")


@main.command()
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The content folder to build (default: content_dir of the config, normally content/).")
@CONFIG_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site (default: site_dir of the config).")
@ALLOW_OVERDUE_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Build this many parts at once, one per CPU core (default: every core); the site is the same.")
@click.option("--shard", default=None, metavar="I/N",
              help="Build only the I-th of N parts, split by topic, for `healthsite merge` (one part per CI runner).")
def build(content_dir: Path | None, config_file: Path, site_dir: Path | None, allow_overdue: bool, jobs: int | None,
          shard: str | None) -> None:
    """Check the content, then build the site strictly; the old site is replaced only on success."""
    from healthsite.site.build import build_site
    from healthsite.site.settings import content_folder, load_site_config
    from healthsite.site.shards import Shard, default_jobs

    config = load_site_config(config_file, strict=False, content_dir=content_dir, allow_overdue=allow_overdue)
    _check_quality(load_library(content_folder(config)), config=config, allow_overdue=allow_overdue, today=dt.date.today())
    part = Shard.parse(shard) if shard else None
    target = build_site(config_file=config_file, site_dir=site_dir, allow_overdue=allow_overdue, content_dir=content_dir,
                        jobs=jobs or default_jobs(), shard=part)
    click.echo(f"Shard {part.number} of {part.count} built in {target}." if part else f"Site built in {target}.")


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--site-dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Where to write the whole site.")
def merge(shards: tuple[Path, ...], site_dir: Path) -> None:
    """Join SHARDS (from `healthsite build --shard I/N`) into one site with one search index."""
    from healthsite.site.build import staged
    from healthsite.site.shards import merge_shards

    target = site_dir.absolute()
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise HealthsiteError(f"will not merge into {target}: it holds files but no site (no index.html); choose another folder")
    with staged(target) as staging:
        merge_shards(list(shards), into=staging)
    click.echo(f"Merged {len(shards)} shards into {target}.")


@main.command()
@CONFIG_OPTION
@click.option("--addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on, as host:port.")
@ALLOW_OVERDUE_OPTION
def serve(config_file: Path, addr: str, allow_overdue: bool) -> None:
    """Live preview: rebuilds when content/, docs/ or overrides/ change, and shows what is wrong on the page."""
    from healthsite.site.preview import serve_preview

    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit():
        raise HealthsiteError(f"--addr: expected host:port, such as 127.0.0.1:8000; got {addr!r}")
    serve_preview(config_file=config_file, host=host, port=int(port), allow_overdue=allow_overdue)


@main.command()
@CONFIG_OPTION
@click.option("--site-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("site"), show_default=True,
              help="The built site to check.")
def linkcheck(config_file: Path, site_dir: Path) -> None:
    """Serve the built site under its site_url path, as GitHub Pages does, and check every link."""
    from mkdocs.config import load_config

    from healthsite.site.subpath import serve_under

    checker = Path(sys.executable).with_name("linkchecker")
    if not checker.exists():
        raise HealthsiteError("linkchecker is not installed; run `make test` once (it installs the test tools)")
    prefix = urlsplit(load_config(str(config_file)).site_url or "/").path
    with serve_under(site_dir, prefix=prefix) as url:
        code = subprocess.call([str(checker), "--no-status", "--no-warnings", url])
    if code:
        raise HealthsiteError(f"linkchecker found broken links in {site_dir} served at {prefix}")
    click.echo(f"No broken links in {site_dir} served at {prefix}.")
