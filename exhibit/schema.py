"""The JSON Schema of `exhibit.yaml`, for editors: generated from the model, never kept by hand.

`python kiosk.py --schema > exhibit.schema.json` writes it; the bundled exhibit names it in its
first line (`# yaml-language-server: $schema=./exhibit.schema.json`), so an editor with YAML
support (VS Code's YAML extension, for one) completes keys and underlines mistakes as you type.

msgspec describes the model as JSON would carry it; this module adjusts that description to
what the loader accepts from YAML, so that the editor and `--check` agree:

- The loader reads every value as text and converts it where the model asks for a number,
  while an editor's YAML parser hands the schema real numbers. So a number field takes a
  number or a numeric text, and a text field takes text or a number (the kiosk keeps an
  unquoted `1906` as typed), as does an id or key name that may be all digits (`7`).
  `true` and `false` stay refused in text: quoting them is clearer.
  A number in quotes is checked for its form only, not its range: JSON Schema cannot compare
  text with a number.
- A key written with nothing after it (`subtitle:`) counts as not given, so an optional key may
  be empty (null); a required one may not.
- Unknown keys are errors everywhere.

Draft 7, the version editors' YAML support reads. The schema checks shapes and types; `--check`
remains the authority (citations, unique ids, media files, label lengths and the like).
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec

from .languages import LANGUAGE_CODE
from .model import TRANSLATABLE, Exhibit

DRAFT = "http://json-schema.org/draft-07/schema#"
TITLE = "Museum kiosk exhibit (exhibit.yaml)"
REGENERATE = "python kiosk.py --schema > exhibit.schema.json"

_NUMBER_TEXT = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
"""A number written as text, as the loader converts it (msgspec's number syntax)."""
_INTEGER_TEXT = r"^-?(0|[1-9][0-9]*)$"
"""A whole number written as text."""
_TEXT = ["string", "number"]
"""What an editor may make of a plain YAML value that the kiosk keeps as text."""


def exhibit_schema() -> dict[str, Any]:
    """The schema as a plain dict: the model's, adjusted to what the loader accepts."""
    (root_ref,), definitions = msgspec.json.schema_components(
        (Exhibit,), ref_template="#/definitions/{name}"
    )
    root_name = root_ref["$ref"].rsplit("/", 1)[-1]
    for definition in definitions.values():
        _adjust_object(definition)
    root = definitions.pop(root_name)
    root.pop("title", None)
    schema = {
        "$schema": DRAFT,
        "$comment": f"Generated from exhibit/model.py by `{REGENERATE}`; do not edit by hand.",
        "title": TITLE,
        **root,
        "definitions": definitions,
    }
    # Plain JSON data from here on: lists where msgspec gave tuples (the defaults).
    return msgspec.json.decode(msgspec.json.encode(schema), type=dict[str, Any])


def schema_text() -> str:
    """The schema as the committed file holds it: indented, sorted keys, a final newline."""
    return json.dumps(exhibit_schema(), indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def _adjust_object(schema: dict[str, Any]) -> None:
    """One struct: unknown keys refused, each property as the loader reads it."""
    schema["additionalProperties"] = False
    required = set(schema.get("required", ()))
    if not required:
        schema.pop("required", None)  # msgspec writes [] for a struct of optional keys
    for name, prop in schema.get("properties", {}).items():
        adjusted = _as_loaded(prop)
        schema["properties"][name] = adjusted if name in required else _may_be_empty(adjusted)


def _as_loaded(schema: dict[str, Any]) -> dict[str, Any]:
    """A property or list item, widened to the values the loader turns into it."""
    if schema.pop(TRANSLATABLE, False):
        outer = {k: v for k, v in schema.items() if k in ("description", "default")}
        per_language = {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
            "additionalProperties": {"type": _TEXT},
            "minProperties": 1,
        }
        return {**outer, "anyOf": [{"type": _TEXT}, per_language]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [_as_loaded(option) for option in schema["anyOf"]]}
    kind = schema.get("type")
    if kind == "array" and "items" in schema:
        return {**schema, "items": _as_loaded(schema["items"])}
    if kind == "number":
        return {**schema, "type": ["number", "string"], "pattern": _NUMBER_TEXT}
    if kind == "integer":
        return {**schema, "type": ["integer", "string"], "pattern": _INTEGER_TEXT}
    if kind == "string" and not schema.keys() & {"pattern", "format", "enum", "minLength"}:
        return {**schema, "type": _TEXT}
    if kind == "string" and re.fullmatch(schema.get("pattern", "^$"), "0123456789"):
        return {**schema, "type": ["string", "integer"], "minimum": 0}  # an id such as 7
    return schema


def _may_be_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional property: `key:` with nothing after it is allowed (null)."""
    if "$ref" in schema:
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return {**rest, "anyOf": [{"$ref": schema["$ref"]}, {"type": "null"}]}
    if "anyOf" in schema:
        if {"type": "null"} in schema["anyOf"]:
            return schema
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    kind = schema.get("type")
    if isinstance(kind, list):
        return schema if "null" in kind else {**schema, "type": [*kind, "null"]}
    if isinstance(kind, str):
        return schema if kind == "null" else {**schema, "type": [kind, "null"]}
    return schema
