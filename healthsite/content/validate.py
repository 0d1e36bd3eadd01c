"""Front matter checked against the schema, and every text in it against unsafe markup:
pydantic's errors rewritten as what an editor should write, with "did you mean" hints."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from healthsite.content import safety as markup
from healthsite.content.frontmatter import Document
from healthsite.content.report import Collector
from healthsite.errors import did_you_mean


def validate(schema: type[BaseModel], doc: Document, path: Path, report: Collector) -> BaseModel | None:
    try:
        return schema.model_validate(doc.meta)
    except ValidationError as exc:
        for err in exc.errors():
            report.add(path, _describe(err, schema), doc.key_lines.get(str(err["loc"][0])) if err["loc"] else None)
        return None


def check_markup(doc: Document, path: Path, *, page_uri: str, report: Collector) -> None:
    """Refuse unsafe HTML in the body and in every front-matter text (see markup.py).

    Front-matter links (`causes:`, `treatments:`) always point into another section, so
    only the body can link a page to itself.
    """
    for finding in markup.check_markdown(doc.body, page_uri=page_uri):
        line = markup.line_of(doc.body, finding.needle)
        report.add(path, finding.message, doc.body_line + line - 1 if line else doc.body_line)
    for name, text in _texts(doc.meta):
        address = markup.check_address(text) if name.rsplit(".", 1)[-1] == "url" else None
        for finding in [address] if address else markup.check_plain_text(text):
            report.add(path, f"field '{name}': {finding.message}", doc.key_lines.get(name.split(".")[0]))


def _texts(value: Any, name: str = "") -> list[tuple[str, str]]:
    """Every text in the front matter with its field name, e.g. ('sources.1.title', '...')."""
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, dict):
        return [t for key, inner in value.items() for t in _texts(inner, f"{name}.{key}" if name else str(key))]
    if isinstance(value, list):
        return [t for n, inner in enumerate(value, start=1) for t in _texts(inner, f"{name}.{n}")]
    return []


_EXPECTED = {
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date as YYYY-MM-DD",
    "date_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date as YYYY-MM-DD",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list (one '- value' line per entry)",
    "string_type": "text",
    "model_type": "a group of fields",
    "model_attributes_type": "a group of fields",
    "dict_type": "a group of fields",
    "string_pattern_mismatch": "a file name without .md: lowercase letters, digits and hyphens",
}


def _describe(err: dict[str, Any], schema: type[BaseModel]) -> str:
    loc = err["loc"]
    name = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)
    kind = err["type"]
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), list(_fields_at(schema, loc[:-1])))
        return f"unknown field '{name}'{hint}"
    if kind == "literal_error" and isinstance(err["input"], str):
        choices = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        hint = did_you_mean(err["input"], choices)
        return f"field '{name}': expected one of {', '.join(choices)}, got {err['input']!r}{hint}"
    if kind in {"string_too_short", "too_short"}:
        return f"field '{name}' is empty; expected {'at least one entry' if kind == 'too_short' else 'some text'}"
    expected = _EXPECTED.get(kind, err["msg"].lower())
    return f"field '{name}': expected {expected}, got {err['input']!r}"


def _fields_at(schema: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a nested location, for 'did you mean' hints."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = schema.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))
        schema = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if schema is None:
            return []
    return list(schema.model_fields)
