"""Loading exhibit.yaml: every kind of curator mistake gives its message at the right line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from exhibit.loader import load_exhibit
from exhibit.problems import Severity

Write = Callable[[str], Path]

VALID = """\
exhibit:
  title: Small exhibit
panels:
  - id: first
    title: The first panel
    body: Some words.
    sources: [S1]
sources:
  - id: S1
    text: A book.
"""


def problems_of(path: Path) -> list[tuple[int, str, str]]:
    """(line, severity, text) of every problem, in file order."""
    result = load_exhibit(path)
    return [(p.line, p.severity.value, str(p)) for p in result.problems.sorted()]


def only_problem(path: Path) -> tuple[int, str, str]:
    found = problems_of(path)
    assert len(found) == 1, found
    return found[0]


def test_a_valid_file_loads_into_the_model(write_yaml: Write) -> None:
    result = load_exhibit(write_yaml(VALID))
    assert result.ok and result.problems.items == []
    assert result.exhibit is not None
    assert result.exhibit.title == "Small exhibit"
    assert [p.id for p in result.exhibit.panels] == ["first"]
    assert result.exhibit.kiosk.demo_interval == 20 and result.exhibit.kiosk.idle_timeout == 120


def test_yaml_syntax_error_names_the_line(write_yaml: Write) -> None:
    path = write_yaml(VALID.replace("    title: The first panel", "    title: [unclosed"))
    line, severity, text = only_problem(path)
    assert (line, severity) == (5, "error")  # the line of the "[", not the next one
    assert "not closed; end it with ']'" in text and str(path) in text


def test_unknown_key_suggests_the_right_one(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID.replace("    body:", "    bodi:")))
    assert line == 6
    assert "panels[0].bodi: unknown key 'bodi'; did you mean 'body'?" in text


def test_duplicate_key_is_an_error_not_a_silent_overwrite(write_yaml: Write) -> None:
    path = write_yaml(VALID.replace("    body: Some words.", "    body: One.\n    body: Two."))
    line, _, text = only_problem(path)
    assert line == 7 and "duplicate key 'body' (first at line 6)" in text


@pytest.mark.parametrize("value", ["1:20", "NO", "twenty"])
def test_a_number_that_is_not_a_number(write_yaml: Write, value: str) -> None:
    path = write_yaml(VALID + f"kiosk:\n  demo_interval: {value}\n")
    line, _, text = only_problem(path)
    assert line == 12
    assert f"kiosk.demo_interval: expected a number of seconds, at least 1, got '{value}'" in text


def test_numbers_below_the_minimum_are_refused(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID + "kiosk:\n  idle_timeout: 0\n"))
    assert line == 12 and "at least 1" in text


def test_yaml_surprises_stay_the_text_the_curator_wrote(write_yaml: Write) -> None:
    text = VALID.replace("title: The first panel", "title: NO").replace(
        "body: Some words.", "body: 1945-08-09"
    )
    result = load_exhibit(write_yaml(text.replace("title: Small exhibit", "title: 1:20")))
    assert result.exhibit is not None
    assert result.exhibit.title == "1:20"
    assert result.exhibit.panels[0].title == "NO"
    assert result.exhibit.panels[0].body == "1945-08-09"


def test_missing_required_field(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID.replace("    title: The first panel\n", "")))
    assert line == 4 and "panels[0]: the key 'title' is missing; it is required" in text


def test_empty_required_field(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID.replace("title: Small exhibit", "title:")))
    assert line == 2 and "'title' is empty; it is required" in text


def test_panels_must_not_be_empty(write_yaml: Write) -> None:
    text = "exhibit:\n  title: T\npanels: []\n"
    line, _, message = only_problem(write_yaml(text))
    assert line == 3 and "panels: needs at least 1 item" in message


def test_wrong_shape_list_for_text(write_yaml: Write) -> None:
    path = write_yaml(VALID.replace("    body: Some words.", "    body:\n      - a\n      - b"))
    line, _, text = only_problem(path)
    assert line == 6
    assert "panels[0].body: expected text (Markdown), or one text per language" in text


def test_bad_panel_id(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID.replace("id: first", "id: First Panel")))
    assert line == 4 and "lowercase letters, digits and single hyphens" in text


def test_every_problem_is_reported_at_once(write_yaml: Write) -> None:
    text = (
        VALID.replace("  title: Small exhibit", "  titel: Small exhibit").replace(
            "    body:", "    bdy:"
        )
        + "kiosk:\n  demo_interval: soon\n"
    )
    found = problems_of(write_yaml(text))
    assert [line for line, _, _ in found] == [1, 2, 6, 12]  # missing title: at "exhibit:"


def test_duplicate_panel_ids(write_yaml: Write) -> None:
    text = VALID.replace(
        "sources:\n  - id: S1", "  - id: first\n    title: Again\nsources:\n  - id: S1"
    )
    line, _, message = only_problem(write_yaml(text))
    assert line == 8 and "the id 'first' is already used by panels[0]" in message


def test_cited_source_that_is_not_defined(write_yaml: Write) -> None:
    line, _, text = only_problem(write_yaml(VALID.replace("sources: [S1]", "sources: [S1, S2]")))
    assert line == 7 and "source 'S2' is not in the sources list" in text


def test_source_defined_but_never_cited_is_a_warning(write_yaml: Write) -> None:
    text = VALID + "  - id: S9\n    text: Unused.\n"
    result = load_exhibit(write_yaml(text))
    assert result.ok
    (warning,) = result.problems.items
    assert warning.severity is Severity.WARNING and warning.line == 11
    assert "cited by no panel" in warning.message


def test_aliases_are_refused(write_yaml: Write) -> None:
    text = VALID.replace("title: The first panel", "title: &t The first panel").replace(
        "body: Some words.", "body: *t"
    )
    line, _, message = only_problem(write_yaml(text))
    assert line == 6 and "aliases" in message


def test_billion_laughs_is_refused_quickly(write_yaml: Write) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]")
    result = load_exhibit(write_yaml("\n".join(lines) + "\n"))
    assert not result.ok
    assert any("aliases" in p.message for p in result.problems.items)


def test_tags_are_refused(write_yaml: Write) -> None:
    text = VALID.replace("title: Small exhibit", "title: !!python/object:os.system echo")
    line, _, message = only_problem(write_yaml(text))
    assert line == 2 and "the tag" in message and "not allowed" in message


def test_the_top_must_be_a_mapping(write_yaml: Write) -> None:
    line, _, message = only_problem(write_yaml("- just\n- a list\n"))
    assert line == 1 and "the top of the file must be keys" in message


def test_empty_file(write_yaml: Write) -> None:
    line, _, message = only_problem(write_yaml("\n\n"))
    assert line == 1 and "the file is empty" in message


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_bytes(VALID.encode() + "  - id: S2\n    text: caf\xe9\n".encode("latin-1"))
    line, _, message = only_problem(path)
    assert line == 12 and "not UTF-8" in message


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_text(VALID + "#" * (3 * 1024 * 1024), encoding="utf-8")
    _, _, message = only_problem(path)
    assert "the limit is" in message


def test_missing_file(tmp_path: Path) -> None:
    _, _, message = only_problem(tmp_path / "nowhere.yaml")
    assert "file not found" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "exhibit.yaml"
    os.mkfifo(fifo)
    _, _, message = only_problem(fifo)  # would block forever if it were opened
    assert "not a regular file" in message


def test_control_characters_are_removed_with_a_warning(write_yaml: Write) -> None:
    text = VALID.replace("body: Some words.", 'body: "Some\\e]0;owned\\a words\\u202e."')
    result = load_exhibit(write_yaml(text))
    assert result.exhibit is not None
    assert result.exhibit.panels[0].body == "Some]0;owned words."
    (warning,) = result.problems.items
    assert warning.line == 6 and "control characters removed" in warning.message


def test_deep_nesting_is_refused(write_yaml: Write) -> None:
    result = load_exhibit(write_yaml("exhibit: " + "[" * 200 + "]" * 200 + "\n"))
    assert not result.ok
    assert any("nested too deeply" in p.message for p in result.problems.items)


def test_alt_text_over_125_characters_is_a_warning(write_yaml: Write) -> None:
    alt = "A" * 130
    text = VALID.replace("    sources: [S1]", f"    images:\n      - alt: {alt}\n    sources: [S1]")
    result = load_exhibit(write_yaml(text))
    assert result.ok
    (warning,) = result.problems.items
    assert warning.line == 8 and "130 characters" in warning.message


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("/etc/passwd", "outside the exhibit folder"),
        ("../secret.png", "outside the exhibit folder"),
        ("media/missing.png", "not found; check the file name"),
    ],
)
def test_image_paths(write_yaml: Write, file: str, expected: str) -> None:
    text = VALID.replace(
        "    sources: [S1]",
        f"    images:\n      - alt: A map.\n        file: {file}\n    sources: [S1]",
    )
    line, severity, message = only_problem(write_yaml(text))
    assert line == 9 and expected in message
    assert severity == "warning" and "the kiosk shows the description instead" in message


def test_image_symlink_out_of_the_folder(write_yaml: Write, tmp_path: Path) -> None:
    path = write_yaml(
        VALID.replace(
            "    sources: [S1]",
            "    images:\n      - alt: A map.\n        file: link.png\n    sources: [S1]",
        )
    )
    outside = tmp_path.parent / "outside.png"
    outside.write_bytes(b"x")
    (tmp_path / "link.png").symlink_to(outside)
    line, _, message = only_problem(path)
    assert line == 9 and "links outside the exhibit folder" in message


def test_long_body_and_long_sentence_are_warnings(write_yaml: Write) -> None:
    long_sentence = " ".join(["Word"] * 30) + "."
    body = " ".join([long_sentence] * 9)
    result = load_exhibit(write_yaml(VALID.replace("body: Some words.", f"body: {body}")))
    assert result.ok
    messages = [p.message for p in result.problems.items]
    assert any("270 words" in m for m in messages)
    assert sum("has 30 words" in m for m in messages) == 9
