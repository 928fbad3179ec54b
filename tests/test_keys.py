"""The key map is written once (exhibit/keys.py): the help window is made from it in every
language the kiosk speaks, and README's key table names exactly its keys."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from exhibit.keys import CLOSES_EVERY_WINDOW, DIGITS, HELP_ROWS, KEY_LABELS, PAGE_KEYS, Do
from exhibit.ui.screens.help import help_rows
from exhibit.ui.words import WORDS, Words

README_NAMES = {label: key for key, label in KEY_LABELS.items()} | {
    "PageDown": "pagedown",
    "PageUp": "pageup",
    "Escape": "escape",
}
"""README writes a few keys in full."""


def readme_keys() -> set[str]:
    """Every key README's "Keys" table names, as Textual names it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Keys", 1)[1].split("\n\n", 2)[1]
    keys: set[str] = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1]
        if re.search(r"\d\s*–\s*\d", cell):
            keys |= set(DIGITS)
        for word in re.findall(r"[^\s,/()]+", cell):
            if word in README_NAMES:
                keys.add(README_NAMES[word])
            elif len(word) == 1 and word in PAGE_KEYS:
                keys.add(word)
    return keys


def test_readme_names_every_key_and_no_other() -> None:
    mapped = {key for key in PAGE_KEYS if key not in ("L", "equals_sign")}
    assert readme_keys() == mapped | set(DIGITS) | set(CLOSES_EVERY_WINDOW)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_the_help_window_lists_every_key_with_its_meaning(language: str) -> None:
    words: Words = WORDS[language]
    rows = help_rows(words, languages=True, audio=True)
    assert len(rows) == len(HELP_ROWS)
    assert all(keys.strip() and meaning.strip() for keys, meaning in rows)
    listed = " ".join(keys for keys, _ in rows)
    for key, do in PAGE_KEYS.items():
        if key not in ("L", "equals_sign"):
            assert KEY_LABELS.get(key, key) in listed, (language, key, do)
    assert "Esc" in listed and "1 - 9" in listed


def test_the_help_window_leaves_out_what_this_kiosk_cannot_do() -> None:
    words = WORDS["en"]
    rows = dict(help_rows(words, languages=False, audio=False))
    assert "l" not in rows
    assert rows["a"] == words.AUDIO_UNAVAILABLE
    assert rows[dict(HELP_ROWS)["next"]] == "next page"
    assert Do.OPEN in PAGE_KEYS.values()
