"""Reading the project's YAML data files with line numbers, so that every error can say
where the secretariat must look (file, line, field) rather than only what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

Location = tuple[str | int, ...]


class DataFileError(ValueError):
    """A data file (catalogue, countries) that cannot be used as it is."""

    def __init__(self, path: Path | str, line: int | None, field: str, message: str) -> None:
        self.path, self.line, self.field, self.message = str(path), line, field, message
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}, field '{field}': {message}")


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML plus the line of every key and list item (1-based)."""

    path: Path
    data: Any
    lines: dict[Location, int]

    def line_of(self, loc: Location) -> int | None:
        """The line of `loc`, or of its nearest parent that has one."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return 1

    def error(self, loc: Location, message: str) -> DataFileError:
        return DataFileError(self.path, self.line_of(loc), dotted(loc), message)


def dotted(loc: Location) -> str:
    """`('indicators', 3, 'name')` → `indicators[3].name`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def read_yaml(path: Path) -> YamlDocument:
    """Parse `path`; syntax errors and duplicate keys become DataFileError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, "(file)", f"cannot be read: {exc}") from exc
    try:
        node = yaml.compose(
            text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )  # libyaml when present: 10× faster
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataFileError(
            path, line, "(syntax)", f"is not valid YAML: {getattr(exc, 'problem', exc)}"
        ) from exc
    lines: dict[Location, int] = {}
    data = _construct(path, node, (), lines) if node is not None else None
    return YamlDocument(path, data, lines)


def _construct(path: Path, node: yaml.Node, loc: Location, lines: dict[Location, int]) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in out:
                raise DataFileError(
                    path, key_node.start_mark.line + 1, dotted((*loc, key)), "duplicate key"
                )
            out[key] = _construct(path, value_node, (*loc, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(path, item, (*loc, i), lines) for i, item in enumerate(node.value)]
    return _SCALARS.construct_object(node)


_SCALARS = yaml.SafeLoader("")


def validate(doc: YamlDocument, model: type[BaseModel]) -> Any:
    """Validate `doc` against a pydantic model; the first problem becomes a DataFileError."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise doc.error(loc, _plain_message(first)) from None


def _plain_message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required key is missing (every text needs es, en, pt and fr)"
    if kind == "extra_forbidden":
        return "unknown key: remove it or check its spelling"
    return error["msg"]
