"""Textual's parsed CSS kept from one start to the next (workarounds.KeptCss): the kept rules
style every widget as parsing does, anything changed is parsed anew, and a damaged file is
ignored, logged and written again. The start-up time it saves is measured in bench/."""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_pilot import screen_text
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from exhibit.logs import LOGGER
from exhibit.model import Exhibit
from exhibit.ui import workarounds
from exhibit.ui.app import KioskApp
from exhibit.ui.workarounds import KeptCss

CSS = "Static { color: $accent; padding: 1 2; }\n.note { text-style: bold; }\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Where each piece of CSS Textual really parsed came from."""
    seen: list[tuple[str, str]] = []
    parse = Stylesheet._parse_rules

    def counted(self: Stylesheet, css: str, read_from: tuple[str, str], *rest: object) -> object:
        seen.append(read_from)
        return parse(self, css, read_from, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "_parse_rules", counted)
    yield seen


def read(file: Path, css: str = CSS, accent: str = "#ff0000") -> list[RuleSet]:
    """The rules of `css` as a start with `file` gets them, and that start's file written."""
    stylesheet = Stylesheet(variables={"accent": accent})
    kept = KeptCss(stylesheet, file)
    stylesheet.add_source(css, read_from=("kiosk.tcss", ""))
    rules = stylesheet.rules
    kept.save()
    return rules


def described(rules: list[RuleSet]) -> list[str]:
    """Everything a rule set applies, written out (Textual's own RuleSet.css fails on some)."""
    return [
        f"{rule.selectors} {sorted(rule.styles.get_rules().items())!r} {rule.is_default_rules} "
        f"{rule.tie_breaker} {[s.specificity for s in rule.selector_set]}"
        for rule in rules
    ]


def test_the_second_start_takes_the_kept_rules_and_they_are_the_parsed_ones(
    tmp_path: Path, parses: list[tuple[str, str]]
) -> None:
    file = tmp_path / "css-rules.pickle"
    first = read(file)
    assert parses == [("kiosk.tcss", "")] and file.exists()
    second = read(file)
    assert parses == [("kiosk.tcss", "")]  # not parsed again
    assert described(second) == described(first)
    assert "Color(255, 0, 0)" in described(second)[0]


@pytest.mark.parametrize(
    "change",
    [
        {"css": CSS.replace("bold", "italic")},
        {"accent": "#00ff00"},  # a CSS variable: another theme or layout
    ],
)
def test_changed_css_or_variables_are_parsed_anew(
    tmp_path: Path, parses: list[tuple[str, str]], change: dict[str, str]
) -> None:
    file = tmp_path / "css-rules.pickle"
    read(file)
    changed = read(file, **change)
    assert len(parses) == 2
    assert described(changed) == described(read(tmp_path / "fresh.pickle", **change))
    third = read(file, **change)  # and what was parsed anew is kept for the next start
    assert len(parses) == 3 and described(third) == described(changed)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"format": 1, "textual": "0.1.0", "variables": {}, "rules": {}}),
        pickle.dumps({"format": 1, "textual": workarounds.PINNED["textual"]}),
        pickle.dumps(["a list"]),
    ],
    ids=["empty", "garbage", "other-textual", "incomplete", "other-shape"],
)
def test_a_damaged_file_is_ignored_logged_and_written_again(
    tmp_path: Path,
    parses: list[tuple[str, str]],
    damage: bytes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    file = tmp_path / "css-rules.pickle"
    good = read(tmp_path / "good.pickle")
    file.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert described(read(file)) == described(good)
    assert "The kept CSS" in caplog.text and str(file) in caplog.text
    assert described(read(file)) == described(good)
    assert len(parses) == 2  # the good one, the damaged start; the rewritten file is taken


class Planted:
    """A pickle that would run a command when loaded (as `pickle.loads` would)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("where", ["whole", "inside"])
def test_a_planted_pickle_runs_nothing(
    tmp_path: Path, where: str, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "ran"
    good = read(tmp_path / "good.pickle")
    file = tmp_path / "css-rules.pickle"
    planted = Planted(marker)
    found = {"format": 1, "textual": workarounds.PINNED["textual"], "variables": {}}
    file.write_bytes(
        pickle.dumps(planted if where == "whole" else {**found, "rules": {("x",): [planted]}})
    )
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert described(read(file)) == described(good)
    assert not marker.exists() and "is not part of parsed CSS" in caplog.text


def test_a_file_truncated_mid_rule_is_ignored(
    tmp_path: Path, parses: list[tuple[str, str]]
) -> None:
    file = tmp_path / "css-rules.pickle"
    good = read(file)
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])
    assert described(read(file)) == described(good)


def test_an_unwritable_folder_costs_only_the_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    rules = read(blocked / "css-rules.pickle")  # its folder cannot be made
    assert described(rules) == described(read(tmp_path / "fresh.pickle"))


def css_of_every_widget(app: KioskApp) -> list[str]:
    return [
        f"{node!r} {sorted(node.styles.base.get_rules().items())!r}"
        for node in app.screen.walk_children(with_self=True)
    ]


async def test_the_kiosk_looks_the_same_from_kept_css(
    clocks: Exhibit, tmp_path: Path, parses: list[tuple[str, str]]
) -> None:
    """The title as a start that parses shows it, and as the next start shows it from the
    file: every widget gets the same styles, kiosk.tcss is not parsed again."""
    looks, tcss_parsed = [], []
    for _ in range(2):
        app = KioskApp(clocks, prebuild=False)
        app.kept_css = KeptCss(app.stylesheet, tmp_path / "css-rules.pickle")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            looks.append((screen_text(app), css_of_every_widget(app)))
        tcss_parsed.append(sum(where.endswith("kiosk.tcss") for where, _ in parses))
        parses.clear()
    assert looks[0] == looks[1] and len(looks[0][1]) > 5
    assert tcss_parsed[0] > 0 and tcss_parsed[1] == 0


def test_the_kept_css_lives_in_the_kiosks_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert workarounds.css_rules_file() == tmp_path / "museum-kiosk" / "css-rules.pickle"
