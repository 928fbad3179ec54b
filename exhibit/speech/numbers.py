"""Numbers, dates and ranges written for the eye, rewritten for the ear, per language.

Engines read "1945–1956" as two numbers with a pause, "1904–05" as "nineteen hundred and four,
zero five", and espeak-ng reads every year as "nineteen hundred and forty-five". A visitor
should hear "1945 to 1956", "1945年から1956年". The rules follow how curators write (see
CURATING.md): a four-digit number without a comma is a year, a count of thousands has a comma
(9,780) in English and 万 in Japanese (57万5000).

Only languages with rules here are rewritten; any other text reaches its engine as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from .engines import base_language

DASHES: Final = "–—〜～~"
"""Characters that join the two ends of a range (en dash, em dash, wave dashes, tilde). A
hyphen joins two numbers only when neither is part of a word ("M-72" is a name, not a range)."""

MINUS: Final = "−－"

_D = re.escape(DASHES)
_NUMBER = r"\d+(?:,\d{3})*"


def for_speech(text: str, language: str) -> str:
    """`text` with its numbers, dates and ranges written out as the language says them."""
    rewrite = _RULES.get(base_language(language))
    return rewrite(text) if rewrite else text


def _full_year(start: str, end: str) -> str:
    """The end of a range written short ("1904–05") in full ("1905")."""
    if len(start) == 4 and len(end) < 4 and start.isdigit() and end.isdigit():
        return start[: 4 - len(end)] + end
    return end


# English ---------------------------------------------------------------------------------------

MONTHS: Final = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_MONTH_NAMES = "|".join(
    sorted({*MONTHS, *(m.lower() for m in MONTHS.values()), "may"}, key=len, reverse=True)
)
_EN_ABBREVIATED_MONTH = re.compile(rf"\b({'|'.join(m.capitalize() for m in MONTHS)})\b\.?")
_EN_RANGE = re.compile(rf"(?<![\w.,-])({_NUMBER})(?:\s*[{_D}]\s*|-)({_NUMBER})(?![\w-]|[.,]\d)")
_EN_SPACED_RANGE = re.compile(
    rf"(?<=\d|[a-z])(\s*[{_D}]\s*)(?=\d|(?:{_MONTH_NAMES})\b)", re.IGNORECASE
)
_EN_YEAR = re.compile(r"(?<![\d,.])(1[1-9]\d\d|20\d\d)(?!\d|[.,]\d)")
_EN_ABOUT = re.compile(r"(?:≈|\bc\.)\s*(?=\d)")
_EN_MINUS = re.compile(rf"[{MINUS}]\s*(?=\d)")


def english(text: str) -> str:
    text = _EN_ABOUT.sub("about ", text)
    text = _EN_MINUS.sub("minus ", text)
    text = _EN_ABBREVIATED_MONTH.sub(_month, text)
    text = _EN_RANGE.sub(lambda m: f"{m[1]} to {_full_year(m[1], m[2])}", text)
    text = _EN_SPACED_RANGE.sub(_spaced_range, text)
    return _EN_YEAR.sub(lambda m: english_year(m.group(1)), text)


def _month(match: re.Match[str]) -> str:
    """ "Sep" in a date ("5 Sep 1905", "Sep 1945") as "September"; elsewhere as written."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if re.search(r"\d\s$", before) or re.match(r"\s\d", after):
        return MONTHS[match.group(1).lower()]
    return match.group(0)


def _spaced_range(match: re.Match[str]) -> str:
    """ "15 August – 10 October" is a range; "August – December" too; a dash between two words
    that are not dates stays a pause (only months and numbers reach here)."""
    before = match.string[: match.start()]
    if re.search(rf"(?:\d|\b(?:{_MONTH_NAMES}))$", before, re.IGNORECASE):
        return " to "
    return match.group(1)


def english_year(year: str) -> str:
    """How a year is said: 1945 "19 45", 1905 "19 oh 5", 1900 "1900", 2005 "2005",
    2015 "20 15" (the engine then reads each part as a number)."""
    century, rest = year[:2], year[2:]
    if rest == "00" or (century == "20" and rest < "10"):
        return year
    if rest.startswith("0"):
        return f"{century} oh {rest[1]}"
    return f"{century} {rest}"


# Japanese --------------------------------------------------------------------------------------

COUNTERS: Final = ("か月", "ヶ月", "カ月", "年", "月", "日", "人", "名", "歳", "km", "キロ", "%")
"""Units that can close a range and belong to both its ends: 1945–56年, 2–3か月, 20〜30万人."""

_JA_NUMBER = r"\d+(?:,\d{3})*(?:[万億]\d*)*"
_JA_COUNTER = "|".join(re.escape(c) for c in COUNTERS)
_JA_RANGE = re.compile(
    rf"(?<![A-Za-z0-9.,-])({_JA_NUMBER})\s*(?:[{_D}]|-(?=\d))\s*({_JA_NUMBER})({_JA_COUNTER})?"
)
_JA_AFTER_UNIT = re.compile(rf"(?<=[年月日人名歳])\s*[{_D}]\s*(?=\d)")
_JA_ABOUT = re.compile(r"≈\s*(?=\d)")
_JA_MINUS = re.compile(rf"[{MINUS}]\s*(?=\d)")
_JA_DEGREES = re.compile(r"\s*(?:℃|°C)")


def japanese(text: str) -> str:
    text = _JA_ABOUT.sub("約", text)
    text = _JA_MINUS.sub("マイナス", text)
    text = _JA_DEGREES.sub("度", text)
    text = _JA_RANGE.sub(_japanese_range, text)
    return _JA_AFTER_UNIT.sub("から", text)


def _japanese_range(match: re.Match[str]) -> str:
    start, end, unit = match.group(1), match.group(2), match.group(3) or ""
    end = _full_year(start, end)
    if not unit and _is_year(start) and _is_year(end):
        unit = "年"  # 1906–1956 on its own is a span of years
    magnitude = ""
    round_end = re.fullmatch(r"\d+([万億])", end)
    if round_end and re.fullmatch(r"\d+", start):
        magnitude = round_end.group(1)  # 20〜30万人: twenty *thousand*... of ten thousands
    return f"{start}{magnitude}{unit}から{end}{unit}"


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"1[1-9]\d\d|20\d\d", number))


_RULES: Final[dict[str, Callable[[str], str]]] = {"en": english, "ja": japanese}
