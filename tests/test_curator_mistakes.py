"""A catalogue of the mistakes curators make, each written as a curator would make it.

Every message must name the line to change, say what to type there, and use none of the YAML
parser's own words. The mistakes are made in a small exhibit about lighthouses; each case
replaces a few of its lines, as a curator's edit would.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import NamedTuple

import media_files
import pytest

from exhibit.loader import load_exhibit
from exhibit.problems import Problem

GOOD = [
    "exhibit:",  # 1
    "  title: Lighthouses of the North Sea",  # 2
    "  subtitle: Keepers and their lights",  # 3
    "kiosk:",  # 4
    "  demo_interval: 20",  # 5
    "panels:",  # 6
    "  - id: keepers",  # 7
    "    title: The keepers",  # 8
    "    body: |",  # 9
    "      Keepers lived at the light for weeks.",  # 10
    "    images:",  # 11
    "      - file: media/lamp.png",  # 12
    "        alt: A brass lamp.",  # 13
    "        caption: The lamp of 1890",  # 14
    "    sources: [S1]",  # 15
    "sources:",  # 16
    "  - id: S1",  # 17
    "    text: A history of lights.",  # 18
]

JARGON = (
    "while scanning",
    "while parsing",
    "mapping values",
    "block mapping",
    "block end",
    "simple key",
    "token",
    "stream",
    "scalar",
    "node",
    "position",
    "<",
    "YAML syntax",
)


class Mistake(NamedTuple):
    edit: dict[int, str] | str
    """Lines replaced (by number, from 1; text with newlines adds lines), or a whole file."""
    line: int
    severity: str
    advice: str
    """Words of the message that say what to do."""


CATALOGUE: dict[str, Mistake] = {
    "tab in the indentation": Mistake({3: "\tsubtitle: Keepers"}, 3, "error", "spaces only"),
    "tab before a key in a panel": Mistake({8: "  \ttitle: The keepers"}, 8, "error", "spaces"),
    "colon and space inside a caption": Mistake(
        {14: "        caption: Lamp: made in 1890"},
        14,
        "error",
        "put the whole text in quotes: caption: 'Lamp: made in 1890'",
    ),
    "colon forgotten after a key": Mistake(
        {8: "    title The keepers"}, 8, "error", "write: title: The keepers"
    ),
    "no space after the colon": Mistake(
        {3: "  subtitle:Keepers"}, 3, "error", "put a space after the colon: subtitle: Keepers"
    ),
    "double quote never closed": Mistake(
        {8: '    title: "The keepers'}, 8, "error", 'add a closing " at the end'
    ),
    "single quote never closed": Mistake(
        {14: "        caption: 'The lamp of 1890"}, 14, "error", "add a closing '"
    ),
    "list bracket never closed": Mistake(
        {15: "    sources: [S1"}, 15, "error", "end it with ']' on the same line: sources: [S1]"
    ),
    "brace never closed": Mistake(
        {3: "  timeline: {start: 1850, end: 1950"}, 3, "error", "end it with '}'"
    ),
    "key indented too far": Mistake(
        {3: "   subtitle: Keepers"}, 3, "error", "line it up with 'title' (2 spaces)"
    ),
    "key indented too little": Mistake(
        {3: " subtitle: Keepers"}, 3, "error", "indent it by 2 spaces"
    ),
    "caption starting with an asterisk": Mistake(
        {14: "        caption: *Fresnel* lens"}, 14, "error", "caption: '*Fresnel* lens'"
    ),
    "title starting with a bracket": Mistake(
        {8: "    title: [Draft] The keepers"}, 8, "error", "title: '[Draft] The keepers'"
    ),
    "quoted words then more words": Mistake(
        {8: '    title: "Keepers" of the light'}, 8, "error", "title: '\"Keepers\" of the light'"
    ),
    "caption starting with @": Mistake(
        {14: "        caption: @lighthouse_museum"}, 14, "error", "'@lighthouse_museum'"
    ),
    "Windows path in double quotes": Mistake(
        {18: '    text: "C:\\archive\\lights"'}, 18, "error", "two backslashes"
    ),
    "a second --- in the middle": Mistake({6: "---\npanels:"}, 6, "error", "delete this line"),
    "body text not indented under |": Mistake(
        {10: "    Keepers lived at the light for weeks."},
        10,
        "error",
        "indent each of its lines by 6 spaces",
    ),
    "tab inside the body text": Mistake(
        {10: "      Keepers lived\tat the light."}, 10, "warning", "replace it with a space"
    ),
    "escape character pasted into a title": Mistake(
        {8: "    title: The keep\x1bers"}, 8, "warning", "retype this line"
    ),
    "right-to-left mark pasted into a caption": Mistake(
        {14: "        caption: The lamp\u202e of 1890"}, 14, "warning", "retype this line"
    ),
    "misspelt key": Mistake(
        {14: "        captoin: The lamp"}, 14, "error", "did you mean 'caption'?"
    ),
    "a kiosk setting under exhibit:": Mistake(
        {3: "  demo_interval: 30"}, 3, "error", "'demo_interval' belongs under 'kiosk:'"
    ),
    "an image's caption written on the panel": Mistake(
        {9: "    captoin: The lamp room\n    body: |"},
        9,
        "error",
        "did you mean 'caption'? It belongs under 'images:'",
    ),
    "the same key twice": Mistake({14: "        alt: A lamp."}, 14, "error", "keep only one"),
    "minutes:seconds for a number": Mistake(
        {5: "  demo_interval: 1:20"}, 5, "error", "write a plain number"
    ),
    "panel without a title": Mistake(
        {8: "    theme: Keepers"}, 7, "error", "add a line 'title: ...'"
    ),
    "title left empty": Mistake({8: "    title:"}, 8, "error", "write text"),
    "source id not in the list": Mistake(
        {15: "    sources: [S2]"}, 15, "error", "add it under 'sources:' or correct the id"
    ),
    "image file name wrong": Mistake(
        {12: "      - file: media/lamp.jpg"}, 12, "warning", "check the file name"
    ),
    "alt text left empty": Mistake(
        {13: "        alt: ''"}, 13, "error", "describe the image in a sentence"
    ),
    "panel id with capitals and spaces": Mistake(
        {7: "  - id: The Keepers"}, 7, "error", "lowercase letters"
    ),
    "sources written without brackets": Mistake(
        {15: "    sources: S1, S2"}, 15, "error", "in brackets: [A, B]"
    ),
    "timeline written as a range": Mistake(
        {3: "  timeline: 1850-1950"}, 3, "error", "each key on its own line"
    ),
    "year written in words": Mistake(
        {3: "  timeline: {start: eighteen-fifty, end: 1950}"}, 3, "error", "plain number"
    ),
    "hash in a title cuts it short": Mistake(
        {8: "    title: Light #3"}, 8, "warning", "put the whole text in quotes"
    ),
    "image entries without a dash": Mistake(
        {12: "        file: media/lamp.png"}, 11, "error", "starting with '- '"
    ),
    "a file holding only ---": Mistake("---\n", 1, "error", "'exhibit:'"),
    "a file that is a list": Mistake("- exhibit\n- panels\n", 1, "error", "'exhibit:'"),
}


def _write(folder: Path, mistake: Mistake) -> Path:
    if isinstance(mistake.edit, str):
        text = mistake.edit
    else:
        lines = [mistake.edit.get(number, line) for number, line in enumerate(GOOD, start=1)]
        text = "\n".join(lines) + "\n"
    (folder / "media").mkdir(exist_ok=True)
    media_files.photo(folder / "media" / "lamp.png", (40, 30))
    path = folder / "exhibit.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _shown(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def test_the_good_exhibit_has_no_problems(tmp_path: Path) -> None:
    result = load_exhibit(_write(tmp_path, Mistake({}, 0, "", "")))
    assert result.ok and result.problems.items == [], _shown(result.problems.items)


def test_the_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 25


@pytest.mark.parametrize("name", CATALOGUE)
def test_each_mistake_names_its_line_and_what_to_type(tmp_path: Path, name: str) -> None:
    mistake = CATALOGUE[name]
    result = load_exhibit(_write(tmp_path, mistake))
    problems = result.problems.sorted()
    everything = _shown(problems)
    matching = [
        p
        for p in problems
        if p.line == mistake.line
        and p.severity.value == mistake.severity
        and mistake.advice in p.message
    ]
    wanted = f"line {mistake.line} saying {mistake.advice!r}"
    assert matching, f"{name}: nothing at {wanted}:\n{everything}"
    for word in JARGON:
        assert word not in everything, f"{name}: parser jargon {word!r} in:\n{everything}"
    assert all(p.column >= 1 for p in problems), everything
    assert "\n" not in "".join(str(p) for p in problems)
    assert result.ok == (mistake.severity == "warning"), everything


SEVERAL = """\
exhibit:
\tsubtitle: Keepers and their lights
kiosk:
  demo_interval: 1:20
panels:
  - id: keepers
    title: The keepers
    captoin: The lamp room
    body: |
      Keepers lived\tat the light for weeks.
    images:
      - file: media/lamp.png
        alt: A brass lamp.
        caption: Lamp: made in 1890
      - file: media/missing.png
        alt: The tower in \x1b[31mred
    sources: [S1, S99]
  - id: storms
    body: Storms.
    sources: [S1
sources:
  - id: S1
    text: A history of lights.
"""


def test_mistakes_of_every_kind_are_all_reported_in_one_run(tmp_path: Path) -> None:
    path = _write(tmp_path, Mistake(SEVERAL, 0, "", ""))
    result = load_exhibit(path)
    found = {(p.line, p.severity.value, p.message.split(";")[0]) for p in result.problems.items}
    expected = {
        (1, "error", "the key 'title' is missing"),  # exhibit: has no title
        (2, "error", "a tab in the indentation"),
        (4, "error", "expected a number of seconds, at least 1, got '1:20'"),
        (8, "error", "unknown key 'captoin'"),
        (10, "warning", "a tab inside the text"),
        (
            14,
            "error",
            "this text contains ': ' (a colon and a space), which YAML reads as a new key",
        ),
        (15, "warning", "'media/missing.png' not found"),
        (16, "warning", "an invisible control character (U+001B) was removed here"),
        (17, "error", "source 'S99' is not in the sources list"),
        (18, "error", "the key 'title' is missing"),  # the second panel
        (20, "error", "the list opened with '[' here is not closed"),
    }
    assert expected <= found, "\n".join(str(p) for p in result.problems.sorted())
    assert not result.ok


def _mutated(rng: random.Random) -> str:
    """The good exhibit with a few slips of the keyboard."""
    lines = list(GOOD)
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        line = lines[index]
        slips = [
            "\t" + line.lstrip(" "),
            line.replace(":", "", 1),
            line.replace(": ", ': "', 1),
            line.replace(": ", ": '", 1),
            " " * rng.randint(1, 3) + line,
            line[rng.randint(1, 3) :],
            line.replace(": ", ": [", 1),
            line.replace(": ", ": {", 1),
            line.replace("- ", "-", 1),
            line.replace(": ", ": *", 1),
            line.replace(": ", ": @", 1),
            line + ": x",
            line + " #3",
            "---",
        ]
        lines[index] = rng.choice(slips)
    return "\n".join(lines) + "\n"


def test_any_slip_gets_plain_words_and_reading_stays_bounded(tmp_path: Path) -> None:
    """Slips combined at random: never a traceback, never parser words, never a runaway
    repair (a repair that kept quoting the same line once grew the text to gigabytes)."""
    rng = random.Random(13)
    for trial in range(300):
        text = _mutated(rng)
        path = _write(tmp_path, Mistake(text, 0, "", ""))
        problems = load_exhibit(path).problems.items
        everything = _shown(problems)
        assert len(problems) < 60, f"trial {trial}:\n{text}\n{everything}"
        assert len(everything) < 20_000, f"trial {trial}:\n{text}"
        for word in JARGON:
            assert word not in everything, f"trial {trial}: {word!r}:\n{text}\n{everything}"
