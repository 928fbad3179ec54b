"""CURATING.md, the curator's guide, names every field of the model.

The fields are found by walking the model as msgspec describes it, so a field added to model.py
fails this test until the guide's "Every field" example shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec.inspect as mi

from exhibit.model import Exhibit
from exhibit.validate import bare, type_info

GUIDE = (Path(__file__).resolve().parent.parent / "CURATING.md").read_text(encoding="utf-8")


def every_field(t: mi.Type, seen: set[str]) -> set[str]:
    t = bare(t)
    if isinstance(t, mi.StructType):
        for field in t.fields:
            seen.add(field.name)
            every_field(field.type, seen)
    elif isinstance(t, (mi.VarTupleType, mi.ListType)):
        every_field(t.item_type, seen)
    return seen


def test_the_every_field_example_shows_every_field() -> None:
    section = GUIDE.split("## Every field", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert example is not None
    keys = set(re.findall(r"(?:^\s*(?:- )?|[{,] *)([a-z_]+):", example[1], re.MULTILINE))
    missing = every_field(type_info(Exhibit), set()) - keys
    assert not missing, f"CURATING.md's 'Every field' example lacks {sorted(missing)}"


def test_sizes_are_in_the_units_the_messages_use() -> None:
    assert "64 MiB" in GUIDE and "64 MB" not in GUIDE
