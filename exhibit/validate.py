"""Turns plain data into the frozen model, reporting every problem rather than the first.

msgspec converts one value at a time; this module walks the model's own types, as
`msgspec.inspect` describes them, so that an unknown key in one panel does not hide a wrong type
in another, and so that any field added to model.py is checked and explained with no change here.

A value that cannot be used is replaced by a stand-in of the right type (an empty text, an empty
list, the field's default) and its place is remembered in `Problems.unreadable`: the checks of
the whole exhibit (source ids, media, alt text) still run over every part that could be read,
and stay quiet about the parts already reported.
"""

from __future__ import annotations

import difflib
import functools
from typing import Annotated, Any, Literal

import msgspec
import msgspec.inspect as mi

from .problems import KeyPath, Problems
from .yaml_reader import REJECTED

_LEAVES: dict[type[mi.Type], tuple[type, str]] = {
    mi.StrType: (str, "text"),
    mi.IntType: (int, "a whole number"),
    mi.FloatType: (float, "a number"),
    mi.BoolType: (bool, "true or false"),
}


@functools.cache
def type_info(cls: type[msgspec.Struct]) -> mi.StructType:
    """The model class as msgspec sees it. Cached: the tree is walked for every value read."""
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    return info


@functools.cache
def homes(cls: type[msgspec.Struct]) -> dict[str, list[str]]:
    """Every key of the model and the keys it belongs under ('caption' -> ['images']), so a
    key written in the wrong place can be sent to the right one ('' is the top level)."""
    found: dict[str, list[str]] = {}

    def walk(t: mi.Type, under: str) -> None:
        t = bare(t)
        if isinstance(t, mi.StructType):
            for field in t.fields:
                places = found.setdefault(field.name, [])
                if under not in places:
                    places.append(under)
                walk(field.type, field.name)
        elif isinstance(t, (mi.VarTupleType, mi.ListType)):
            walk(t.item_type, under)

    walk(type_info(cls), "")
    return found


def bare(t: mi.Type) -> mi.Type:
    """`t` without its Metadata (description, schema extras) and without `| None`."""
    while True:
        if isinstance(t, mi.Metadata):
            t = t.type
        elif isinstance(t, mi.UnionType) and len(others := _not_none(t)) == 1:
            t = others[0]
        else:
            return t


def extras(t: mi.Type) -> dict[str, Any]:
    """The JSON-schema extras of a (possibly optional) type: description, x-translatable."""
    found: dict[str, Any] = {}
    while isinstance(t, (mi.Metadata, mi.UnionType)):
        if isinstance(t, mi.Metadata):
            found = {**(t.extra_json_schema or {}), **found}
            t = t.type
        elif len(others := _not_none(t)) == 1:
            t = others[0]
        else:
            break
    return found


def _allows_none(t: mi.Type) -> bool:
    return isinstance(t, mi.UnionType) and any(isinstance(m, mi.NoneType) for m in t.types)


def _not_none(t: mi.UnionType) -> list[mi.Type]:
    return [member for member in t.types if not isinstance(member, mi.NoneType)]


def describe(t: mi.Type) -> str:
    """What a curator must write for a value of type `t`, in words."""
    description = extras(t).get("description")
    if description:
        return str(description)
    t = bare(t)
    if isinstance(t, mi.StructType):
        return f"a group of keys ({', '.join(f.name for f in t.fields)})"
    if isinstance(t, (mi.VarTupleType, mi.ListType, mi.TupleType)):
        return "a list"
    if isinstance(t, mi.LiteralType):
        return "one of " + ", ".join(repr(v) for v in t.values)
    if isinstance(t, mi.EnumType):
        return "one of " + ", ".join(repr(m.value) for m in t.cls)
    return _LEAVES.get(type(t), (object, "a value"))[1]


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def stand_in(t: mi.Type) -> Any:
    """A value of type `t` for a part that could not be read: empty, or the smallest allowed."""
    if _allows_none(t):
        return None
    t = bare(t)
    if isinstance(t, mi.StructType):
        return t.cls(**{f.name: stand_in(f.type) for f in t.fields if f.required})
    if isinstance(t, (mi.VarTupleType, mi.TupleType)):
        return ()
    if isinstance(t, mi.ListType):
        return []
    if isinstance(t, (mi.IntType, mi.FloatType)):
        low = t.ge if t.ge is not None else 0
        return _LEAVES[type(t)][0](low)
    if isinstance(t, mi.LiteralType):
        return t.values[0]
    if isinstance(t, mi.EnumType):
        return next(iter(t.cls))
    return _LEAVES.get(type(t), (str, ""))[0]()


_PYTHON_TYPES: dict[tuple[Any, ...], Any] = {}


def _python_type(t: mi.Type) -> Any:
    """The Python type msgspec converts a single value to, constraints included. Kept by the
    type's kind and constraints: msgspec's type descriptions are not hashable."""
    limits = tuple((n, getattr(t, n)) for n in t.__struct_fields__)
    key = (type(t), limits)
    if key not in _PYTHON_TYPES:
        if isinstance(t, mi.LiteralType):
            built: Any = Literal[t.values]
        elif isinstance(t, mi.EnumType):
            built = t.cls
        else:
            base = _LEAVES.get(type(t), (Any, ""))[0]
            given = {n: v for n, v in limits if v is not None}
            built = Annotated[base, msgspec.Meta(**given)] if given else base
        _PYTHON_TYPES[key] = built
    return _PYTHON_TYPES[key]


class _Converter:
    def __init__(self, problems: Problems, homes: dict[str, list[str]]) -> None:
        self.problems = problems
        self.homes = homes

    def fail(self, path: KeyPath, message: str, at: KeyPath | None = None) -> None:
        """Record a problem, and that the value at `path` stands in for an unreadable one."""
        self.problems.add(path if at is None else at, message)
        self.problems.unreadable.add(path)

    def convert(self, value: Any, t: mi.Type, path: KeyPath) -> Any:
        if value is REJECTED:
            self.problems.unreadable.add(path)
            return stand_in(t)
        if value is None and _allows_none(t):
            return None
        inner = bare(t)
        if isinstance(inner, mi.StructType):
            return self.struct(value, inner, path)
        if isinstance(inner, (mi.VarTupleType, mi.ListType)):
            return self.sequence(value, t, inner, path)
        if isinstance(value, (dict, list)) or value is None:
            got = "nothing" if value is None else _shown(value)
            self.fail(path, f"expected {describe(t)}, got {got}; {_example(t)}")
            return stand_in(t)
        try:
            return msgspec.convert(value, _python_type(inner), strict=False)
        except msgspec.ValidationError:
            self.fail(path, f"expected {describe(t)}, got {_shown(value)}; {_example(t)}")
            return stand_in(t)

    def sequence(
        self, value: Any, t: mi.Type, inner: mi.VarTupleType | mi.ListType, path: KeyPath
    ) -> Any:
        if not isinstance(value, list):
            self.fail(
                path,
                f"expected a list, got {_shown(value)}; write each item on its own line "
                "starting with '- ', or all of them in brackets: [A, B]",
            )
            return stand_in(t)
        items = [self.convert(v, inner.item_type, (*path, i)) for i, v in enumerate(value)]
        least = inner.min_length or 0
        if len(items) < least:
            self.fail(path, f"needs at least {least} item{'s' if least > 1 else ''}; add them")
        return tuple(items) if isinstance(inner, mi.VarTupleType) else items

    def struct(self, value: Any, t: mi.StructType, path: KeyPath) -> Any:
        if not isinstance(value, dict):
            keys = ", ".join(f.name for f in t.fields)
            self.fail(
                path,
                f"expected a group of keys ({keys}), got {_shown(value)}; write each key "
                "on its own line under this one, indented by two more spaces",
            )
            return stand_in(t)
        names = [f.name for f in t.fields]
        for key in value:
            if key not in names:
                hint = self._hint(key, names)
                self.problems.add(
                    (*path, key), f"unknown key {key!r}{hint} (known keys: {', '.join(names)})"
                )
        kwargs: dict[str, Any] = {}
        for field in t.fields:
            raw = value.get(field.name)
            if raw is None:
                if field.required:
                    what = describe(field.type)
                    if field.name in value:
                        at: KeyPath = (*path, field.name)
                        message = f"is empty; it is required: write {what} after it"
                    else:
                        at = path
                        message = f"is missing; it is required: add a line '{field.name}: ...' "
                        message += f"with {what}"
                    self.fail((*path, field.name), f"the key {field.name!r} {message}", at=at)
                    kwargs[field.name] = stand_in(field.type)
                continue
            kwargs[field.name] = self.convert(raw, field.type, (*path, field.name))
        return t.cls(**kwargs)

    def _hint(self, key: str, names: list[str]) -> str:
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        if close:
            return f"; did you mean {close[0]!r}?"
        elsewhere = difflib.get_close_matches(key, self.homes, n=1, cutoff=0.75)
        if elsewhere:
            name = elsewhere[0]
            places = " or ".join(
                f"under '{home}:'" if home else "at the top of the file, not indented"
                for home in self.homes[name]
            )
            meant = f"did you mean {name!r}? It" if name != key else f"{name!r}"
            return f"; {meant} belongs {places}: move it there, or remove it"
        return "; remove it or correct it"


def _example(t: mi.Type) -> str:
    """A hint saying what to type instead."""
    inner = bare(t)
    if isinstance(inner, (mi.IntType, mi.FloatType)):
        low, high = inner.ge, inner.le
        span = f" from {low:g} to {high:g}" if low is not None and high is not None else ""
        return f"write a plain number{span}"
    if isinstance(inner, mi.StrType) and inner.max_length is not None:
        return f"change it to match, in at most {inner.max_length} characters"
    return "change it to match"


def convert(value: Any, cls: type[msgspec.Struct], problems: Problems) -> Any:
    """`value` as an instance of model class `cls`: always an instance, with stand-ins where
    parts could not be read; every problem is in `problems` (and `problems.unreadable`)."""
    return _Converter(problems, homes(cls)).convert(value, type_info(cls), ())
