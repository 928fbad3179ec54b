"""One exhibit file, one edition per language.

A visitor-facing field (one typed `Text` or `Markdown` in the model) is written either as plain
text, the same in every language, or as a mapping of language codes to text:

    title:
      en: The Surrender
      ja: 降伏

Before validation the raw data is split into one plain document per language, walking the
model's own type hints so that only translatable fields may be mappings. Missing translations
are warnings (the default language's text stands in); languages the exhibit does not list are
errors. Nothing here knows any particular language.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec.inspect as mi

from .model import TRANSLATABLE, Exhibit
from .problems import KeyPath, Problems
from .validate import bare, extras, type_info
from .yaml_reader import REJECTED

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def is_translatable(t: mi.Type) -> bool:
    return bool(extras(t).get(TRANSLATABLE))


def declared_languages(data: dict[str, Any]) -> tuple[list[str], str | None]:
    """The raw `exhibit.languages` list and `exhibit.default_language`, as far as readable.

    Their own problems (wrong type, bad code) are reported by the validator; here they only
    decide how to split the texts."""
    info = data.get("exhibit")
    if not isinstance(info, dict):
        return [], None
    listed = info.get("languages")
    codes = [c for c in listed if isinstance(c, str)] if isinstance(listed, list) else []
    default = info.get("default_language")
    return codes, default if isinstance(default, str) else None


def split_languages(data: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """One raw document per language, the default language first.

    Problems with the translations themselves are recorded once, against the original file."""
    languages, default = declared_languages(data)
    default = default or (languages[0] if languages else "")
    order = [default, *(code for code in languages if code != default)]
    editions = {}
    for number, code in enumerate(order):
        report = problems if number == 0 else None
        editions[code] = _pick(data, type_info(Exhibit), (), code, default, languages, report)
    return editions


def _pick(
    value: Any,
    tp: mi.Type,
    path: KeyPath,
    code: str,
    default: str,
    languages: list[str],
    problems: Problems | None,
) -> Any:
    """`value` with every translatable mapping replaced by its text in language `code`."""
    if value is REJECTED or value is None:
        return value
    if is_translatable(tp):
        return _text(value, path, code, default, languages, problems)
    base = bare(tp)
    if isinstance(base, mi.StructType) and isinstance(value, dict):
        fields = {f.name: f.type for f in base.fields}
        return {
            key: _pick(item, fields[key], (*path, key), code, default, languages, problems)
            if key in fields
            else item
            for key, item in value.items()
        }
    if isinstance(base, (mi.VarTupleType, mi.ListType)) and isinstance(value, list):
        return [
            _pick(item, base.item_type, (*path, index), code, default, languages, problems)
            for index, item in enumerate(value)
        ]
    return value


def _text(
    value: Any,
    path: KeyPath,
    code: str,
    default: str,
    languages: list[str],
    problems: Problems | None,
) -> Any:
    if not isinstance(value, dict):
        if problems is not None and len(languages) > 1 and _has_words(value):
            field = path[-1]
            problems.warn(
                path,
                f"{field!r} is in one language only; every visitor sees this same text. "
                f"Write it as one line per language ({', '.join(f'{c}: ...' for c in languages)})",
            )
        return value
    if problems is not None:
        _check_mapping(value, path, default, languages, problems)
    for choice in (code, default, *languages):
        text = value.get(choice)
        if isinstance(text, str) and text.strip():
            return text
    return next((v for v in value.values() if isinstance(v, str)), value)


def _check_mapping(
    value: dict[Any, Any], path: KeyPath, default: str, languages: list[str], problems: Problems
) -> None:
    if not languages:
        problems.add(
            path,
            "this text is written per language, but the exhibit lists no languages; "
            "add 'languages: [en, ja]' (your codes) under 'exhibit:'",
        )
        return
    for key, text in value.items():
        if key not in languages:
            problems.add(
                (*path, key),
                f"{key!r} is not one of the exhibit's languages ({', '.join(languages)}); "
                "add it to 'languages:' under 'exhibit:' or correct the code",
            )
        elif not isinstance(text, str):
            problems.add((*path, key), "expected text in this language")
    for code in languages:
        text = value.get(code)
        if not (isinstance(text, str) and text.strip()):
            stands_in = "the default language's" if code != default else "another language's"
            problems.warn(
                path,
                f"no {code!r} translation of {path[-1]!r}; visitors reading {code!r} "
                f"see {stands_in} text. Add a line '{code}: ...'",
            )


def _has_words(value: Any) -> bool:
    """Plain text worth translating: it has letters (a year or a number does not)."""
    return isinstance(value, str) and any(char.isalpha() for char in value)
