"""Front matter: a content file split into its YAML fields and Markdown body, and written back.

Reading reports why a file can't be read (encoding, BOM, unclosed or invalid YAML)
with the line; writing is the one place that turns fields into front matter, for
the importer, `healthsite new` and the generated pages.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from healthsite.content.report import Collector


@dataclass(slots=True)
class Document:
    """A content file split into front matter and Markdown body."""

    meta: dict[str, Any]
    body: str
    key_lines: dict[str, int]  # front-matter field -> line number in the file
    body_line: int  # the line of the file on which the body starts


def read_document(path: Path, report: Collector) -> Document | None:
    """Split a content file into front matter and body, reporting why it can't be read."""
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        report.add(path, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM", 1)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        report.add(path, "is not UTF-8 text; save it with UTF-8 encoding", line)
        return None
    if not text.strip():
        report.add(path, "is empty; expected front matter between '---' lines, then the page text")
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        report.add(path, "expected the file to start with a '---' line that opens the front matter", 1)
        return None
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        report.add(path, "front matter is not closed; expected a second '---' line after the fields", 1)
        return None
    header = "\n".join(lines[1:end])
    try:
        node, meta = _parse_yaml(header)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 2 if mark else None
        report.add(path, f"front matter is not valid YAML: {err.problem or err.context}", line)
        return None
    except yaml.reader.ReaderError as err:  # a control character, which YAML does not allow anywhere
        line = header[: err.position].count("\n") + 2
        report.add(path, f"front matter contains an invisible control character (#x{err.character:04x}); delete it", line)
        return None
    except RecursionError:  # hundreds of nested brackets: the parser recurses once per level
        report.add(path, "front matter is nested too deeply; expected 'field: value' lines", 2)
        return None
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        report.add(path, "front matter must be a list of 'field: value' lines", 2)
        return None
    key_lines: dict[str, int] = {}
    for key_node, _ in node.value:
        if key_node.value in key_lines:
            report.add(path, f"field '{key_node.value}' appears twice", key_node.start_mark.line + 2)
        key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    report.key_lines[report.rel(path)] = key_lines
    body = lines[end + 1 :]
    blank = next((n for n, line in enumerate(body) if line.strip()), len(body))
    return Document(meta=meta, body="\n".join(body).strip() + "\n", key_lines=key_lines, body_line=end + 2 + blank)


def _parse_yaml(header: str) -> tuple[yaml.Node | None, Any]:
    """The front matter's node tree (for line numbers) and its value, from one parse.

    libyaml is several times faster, which counts at a thousand topics; its error
    messages are terser, so a broken file is parsed again by PyYAML for the message.
    """
    try:
        return _compose_and_construct(header, yaml.CSafeLoader)
    except yaml.MarkedYAMLError:
        return _compose_and_construct(header, yaml.SafeLoader)


def _compose_and_construct(header: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(header)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


class _Dumper(yaml.CSafeDumper):  # libyaml's emitter: the Python one was slow at a thousand topics
    def ignore_aliases(self, data: object) -> bool:
        return True  # the same date twice must not become "&id001 ... *id001"


def dump_fields(meta: dict[str, Any], *, flow_lists: bool = False) -> str:
    """YAML for front-matter fields, in the given order; lists as `[a, b]` on the field's line
    when `flow_lists`, so an editor sees where entries go."""
    def dump(value: Any, flow: bool) -> str:
        return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=flow, width=10_000)

    if not flow_lists:
        return dump(meta, False)
    return "".join(f"{name}: {dump(value, True)}" if isinstance(value, list) else dump({name: value}, False)
                   for name, value in meta.items())


def document_text(meta: dict[str, Any], body: str) -> str:
    """A content file: front matter between '---' lines, then the body."""
    return f"---\n{dump_fields(meta)}---\n{body.strip()}\n"
