"""The editor schema: generated from the model, committed, and in step with the loader."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import BUNDLED, LIGHTHOUSES, ROOT
from small_exhibits import TOKEI

from exhibit.loader import load_exhibit
from exhibit.schema import REGENERATE, exhibit_schema, schema_text

COMMITTED = ROOT / "exhibit.schema.json"


def errors(data: Any) -> list[str]:
    """Every reason the schema refuses `data`, as readable lines (none if it passes)."""
    schema = exhibit_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.fixture
def bundled_data() -> dict[str, Any]:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def small_data() -> dict[str, Any]:
    """A small exhibit in two languages (tests/small_exhibits.py), for the schema's refusals."""
    data = yaml.safe_load(TOKEI)
    assert isinstance(data, dict)
    return data


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = COMMITTED.read_text(encoding="utf-8") if COMMITTED.exists() else ""
    assert committed == schema_text(), (
        f"exhibit.schema.json is out of date with exhibit/model.py; regenerate it: {REGENERATE}"
    )


def test_the_schema_is_a_valid_draft_7_schema_and_forbids_unknown_keys_everywhere() -> None:
    schema = exhibit_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["title"]
    jsonschema.Draft7Validator.check_schema(schema)
    objects = [schema, *schema["definitions"].values()]
    assert all(o["type"] == "object" and o["additionalProperties"] is False for o in objects)


def test_the_bundled_exhibit_names_the_schema_for_editors_in_its_first_line() -> None:
    first = BUNDLED.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=./{COMMITTED.name}"


def test_the_bundled_and_the_small_exhibits_pass(
    bundled_data: dict[str, Any], small_data: dict[str, Any]
) -> None:
    assert errors(bundled_data) == []
    assert errors(yaml.safe_load(LIGHTHOUSES)) == []
    assert errors(small_data) == []


def test_an_unknown_key_is_refused(small_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(small_data)
    bad["panels"][1]["titel"] = bad["panels"][1]["title"]
    assert errors(bad) == [
        "['panels', 1]: Additional properties are not allowed ('titel' was unexpected)"
    ]


def test_a_wrong_type_is_refused(small_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(small_data)
    bad["panels"][0]["timeline"]["start"] = "soon"
    assert len(errors(bad)) == 1 and "['panels', 0, 'timeline']" in errors(bad)[0]
    bad = copy.deepcopy(small_data)
    bad["panels"][1]["facts"] = "a list"
    assert len(errors(bad)) == 1


def test_a_missing_title_is_refused(small_data: dict[str, Any]) -> None:
    bad = copy.deepcopy(small_data)
    del bad["exhibit"]["title"]
    assert errors(bad) == ["['exhibit']: 'title' is a required property"]


@pytest.mark.parametrize(
    ("replace", "by"),
    [
        ("demo_interval: 5", "demo_interval: '5'"),  # a number as text: the loader converts it
        ("demo_interval: 5", "demo_interval: 2.5"),
        ("demo_interval: 5", "demo_interval: soon"),
        ("demo_interval: 5", "demo_interval: 0"),  # fewer than 1 second
        ("demo_interval: 5", "demo_interval: 100000"),  # more than a day
        ("demo_interval: 5", "demo_interval: '1:20'"),
        ("start: 1800,", "start: '1800',"),
        ("start: 1800,", "start: 1800.5,"),
        ('label: "1811"', "label: 1811"),  # text may be written as a bare number
        ("subtitle: Keepers, lamps and storms", "subtitle:"),  # an empty optional key
        ("title: Lamps and lenses", "title:"),  # an empty required key
        ("kiosk:\n  demo_interval: 5\n  idle_timeout: 60", "kiosk:"),
        ("id: keepers", "id: Keepers"),
        ("id: keepers", "id: 2"),  # an id may be all digits
        ("id: keepers", "id: -2"),
        ("sources: [L1]", "sources: L1"),
        ("panels:", "panel:"),
    ],
)
def test_the_schema_agrees_with_the_loader(
    write_yaml: Callable[[str], Path], replace: str, by: str
) -> None:
    assert LIGHTHOUSES.count(replace) >= 1
    text = LIGHTHOUSES.replace(replace, by, 1)
    loads = load_exhibit(write_yaml(text)).ok
    assert (errors(yaml.safe_load(text)) == []) is loads, f"the loader says ok={loads}"


def test_kiosk_schema_prints_the_committed_file() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "kiosk.py"), "--schema"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == exhibit_schema()
    assert run.stdout == COMMITTED.read_text(encoding="utf-8")


def test_printing_the_schema_does_not_import_textual() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from exhibit import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['--schema'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
