"""`healthsite init`: a new site repository that builds from the first minute.

The files in `site/` are written with the owner's name, address and language filled in
(Jinja placeholders `{@ name @}`, so that GitHub's `${{ }}` in the workflows stays as it
is). The site's own pages and the example topic hold `[[fill-ins]]` that
`healthsite check` lists until they are replaced (healthsite.check.fill_ins).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.resources
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from healthsite.errors import HealthsiteError, did_you_mean

STARTER = Path(__file__).with_name("site")
RENAMED = {"github": ".github", "gitignore": ".gitignore"}  # dot-files do not travel well in a wheel
EXTRAS = ("check",)  # linkchecker, for the site's `make test`


def init_site(*, target: Path, name: str, url: str, language: str, today: dt.date) -> list[Path]:
    """Write a new site into `target` (new or empty); return the files, relative to it.
    Nothing is written unless every setting is valid."""
    problems = [*_name_problems(name), *_url_problems(url), *_language_problems(language), *_target_problems(target)]
    if problems:
        raise HealthsiteError("no site was written:\n" + "\n".join(f"  {p}" for p in problems))
    url = url if url.endswith("/") else url + "/"
    context = {
        "name": name.strip(), "url": url, "repo_url": _repo_url(url), "language": language,
        "today": today.isoformat(), "next_review": _a_year_after(today).isoformat(), "version": _version(),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        written = _write_starter(staging, context)
        (staging / "requirements.txt").write_text(requirements_text(), encoding="utf-8")
        written.append(Path("requirements.txt"))
        staging.chmod(0o755)
        if target.exists():
            target.rmdir()  # empty: checked above
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(written)


def _write_starter(folder: Path, context: dict[str, str]) -> list[Path]:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(STARTER), undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        variable_start_string="{@", variable_end_string="@}",
        block_start_string="{@%", block_end_string="%@}", comment_start_string="{@#", comment_end_string="#@}",
    )
    written = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = source.relative_to(STARTER)
        path = Path(*(RENAMED.get(part, part) for part in relative.parts))
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(env.get_template(relative.as_posix()).render(context), encoding="utf-8")
        written.append(path)
    return written


def requirements_text() -> str:
    """healthsite and everything it runs on, pinned to the versions installed here (known to
    work together); a requirement that is not installed keeps its declared range."""
    lines = [f"healthsite[{','.join(EXTRAS)}]=={_version()}"]
    seen: set[tuple[str, str]] = set()
    todo = [("healthsite", extra) for extra in ("", *EXTRAS)]
    pins: dict[str, str] = {}
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for text in importlib.metadata.distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
                continue
            key = canonicalize_name(requirement.name)
            try:
                pins.setdefault(key, f"{key}=={importlib.metadata.version(requirement.name)}")
            except importlib.metadata.PackageNotFoundError:
                pins.setdefault(key, str(Requirement(f"{key}{requirement.specifier}")))
                continue
            todo.extend((requirement.name, extra) for extra in ("", *requirement.extras))
    pins.pop("healthsite", None)
    header = "# The versions this site is built with. healthsite init pinned them; to upgrade, change them and run make test.\n"
    return header + "\n".join([*lines, *sorted(pins.values())]) + "\n"


def _name_problems(name: str) -> list[str]:
    return [] if name.strip() else ["--name: expected the site's name as readers see it, e.g. 'Riverside Clinic health pages'"]


def _url_problems(url: str) -> list[str]:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        return [f"--url: expected the site's full https:// address, sub-path included, "
                f"e.g. https://your-org.github.io/health/; got {url!r}"]
    return []


def material_languages() -> list[str]:
    folder = importlib.resources.files("material") / "templates" / "partials" / "languages"
    return sorted(entry.name.removesuffix(".html") for entry in folder.iterdir() if entry.name.endswith(".html"))


def _language_problems(language: str) -> list[str]:
    known = material_languages()
    if language in known:
        return []
    return [f"--language: {language!r} is not a language code the theme knows{did_you_mean(language, known)}; "
            f"expected one of {', '.join(known)}"]


def _target_problems(target: Path) -> list[str]:
    if target.exists() and not target.is_dir():
        return [f"{target}: is a file; expected a new or empty folder"]
    if target.is_dir() and any(target.iterdir()):
        return [f"{target}: already holds files; expected a new or empty folder, so that nothing is overwritten"]
    return []


def _repo_url(url: str) -> str:
    """https://org.github.io/repo/ -> https://github.com/org/repo (the workflow sets the real one)."""
    parts = urlsplit(url)
    if parts.netloc.endswith(".github.io"):
        owner = parts.netloc.removesuffix(".github.io")
        repo = parts.path.strip("/").split("/")[0] or parts.netloc
        return f"https://github.com/{owner}/{repo}"
    return "https://github.com/your-org/your-repository"


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _version() -> str:
    return importlib.metadata.version("healthsite")
