"""Turns plain data into the frozen model, reporting every problem rather than the first.

msgspec converts one value at a time; this module walks the model's own type hints so that an
unknown key in one panel does not hide a wrong type in another. Nothing here knows about any
particular exhibit: the model classes are the only contract.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from typing import Any, Union

import msgspec

from .problems import KeyPath, Problems
from .yaml_reader import REJECTED

INVALID: Any = object()
"""Stands for a value that could not be converted (its problem is already recorded)."""

_READABLE = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def unwrap(tp: Any) -> tuple[Any, list[msgspec.Meta]]:
    """(the bare type, its msgspec.Meta constraints) of a possibly Annotated type."""
    if typing.get_origin(tp) is typing.Annotated:
        base, *extras = typing.get_args(tp)
        return base, [m for m in extras if isinstance(m, msgspec.Meta)]
    return tp, []


@functools.cache
def struct_fields(cls: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    """A struct's fields by name. Cached: asked for every mapping in the file, and msgspec
    works them out anew each time."""
    return {f.name: f for f in msgspec.structs.fields(cls)}


@functools.cache
def struct_hints(cls: type[msgspec.Struct]) -> dict[str, Any]:
    """A struct's field types with their Annotated metadata. Cached: typing resolves the
    string annotations anew on every call, which was most of loading an exhibit."""
    return typing.get_type_hints(cls, include_extras=True)


def is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def optional(tp: Any) -> Any | None:
    """`X` for `X | None`, else None."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and type(None) in typing.get_args(tp):
            return args[0]
    return None


def _describe(tp: Any) -> str:
    base, metas = unwrap(tp)
    for meta in metas:
        if meta.description:
            return meta.description
    if is_struct(base):
        names = ", ".join(struct_fields(base))
        return f"a group of keys ({names})"
    if typing.get_origin(base) is tuple:
        return "a list"
    return _READABLE.get(base, getattr(base, "__name__", str(base)))


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def convert(value: Any, tp: Any, path: KeyPath, problems: Problems) -> Any:
    """`value` as an instance of type `tp`, or INVALID after recording why not."""
    if value is REJECTED:
        return INVALID
    base, metas = unwrap(tp)
    inner = optional(base)
    if inner is not None:
        return None if value is None else convert(value, inner, path, problems)
    if is_struct(base):
        return _struct(value, base, path, problems)
    if typing.get_origin(base) is tuple:
        return _sequence(value, base, metas, path, problems)
    if isinstance(value, (dict, list)) or value is None:
        got = "nothing" if value is None else _shown(value)
        problems.add(path, f"expected {_describe(tp)}, got {got}")
        return INVALID
    try:
        return msgspec.convert(value, tp, strict=False)
    except msgspec.ValidationError:
        problems.add(path, f"expected {_describe(tp)}, got {_shown(value)}")
        return INVALID


def _sequence(
    value: Any, tp: Any, metas: list[msgspec.Meta], path: KeyPath, problems: Problems
) -> Any:
    if not isinstance(value, list):
        problems.add(path, f"expected a list (lines starting with '- '), got {_shown(value)}")
        return INVALID
    least = max((m.min_length or 0 for m in metas), default=0)
    if len(value) < least:
        problems.add(path, f"needs at least {least} item{'s' if least > 1 else ''}")
        return INVALID
    item_type = typing.get_args(tp)[0]
    items = [convert(v, item_type, (*path, i), problems) for i, v in enumerate(value)]
    return INVALID if any(i is INVALID for i in items) else tuple(items)


def _struct(value: Any, cls: type[msgspec.Struct], path: KeyPath, problems: Problems) -> Any:
    if not isinstance(value, dict):
        problems.add(path, f"expected a group of keys, got {_shown(value)}")
        return INVALID
    fields = struct_fields(cls)
    hints = struct_hints(cls)
    for key in value:
        if key not in fields:
            close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(fields)
            problems.add((*path, key), f"unknown key {key!r}{hint} (known keys: {known})")
    kwargs: dict[str, Any] = {}
    failed = False
    for name, field in fields.items():
        raw = value.get(name)
        if raw is None:
            if field.required and name in value:
                problems.add((*path, name), f"{name!r} is empty; it is required")
                failed = True
            elif field.required:
                problems.add(path, f"the key {name!r} is missing; it is required")
                failed = True
            continue
        converted = convert(raw, hints[name], (*path, name), problems)
        if converted is INVALID:
            failed = True
        else:
            kwargs[name] = converted
    if failed or any(key not in fields for key in value):
        return INVALID
    try:
        return cls(**kwargs)
    except (TypeError, msgspec.ValidationError) as error:  # pragma: no cover - defensive
        problems.add(path, str(error))
        return INVALID
