"""What --check tells a curator about leads, long Japanese text and image rights, and that the
rights note never reaches a visitor."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT

from exhibit.loader import load_exhibit

EXHIBIT = """\
exhibit:
  title: {{en: Harbours, ja: 港}}
  languages: [en, ja]
panels:
  - id: quay
    title: {{en: The quay, ja: 岸壁}}
    lead:
      en: {lead_en}
      ja: {lead_ja}
    body:
      en: Ships came in at dawn.
      ja: {body_ja}
    images:
      - alt: {{en: A quay at dawn., ja: 夜明けの岸壁。}}
        credit: {{en: {credit}, ja: 撮影者不明}}
        rights: ZQX staff note, licence pending
    sources: [H1]
sources:
  - id: H1
    text: {{en: A history of harbours., ja: 港の歴史}}
"""


def exhibit_text(**fields: str) -> str:
    values = {
        "lead_en": "Ships came in at dawn.",
        "lead_ja": "船は夜明けに入港した。",
        "body_ja": "船は夜明けに入港した。",
        "credit": "Photographer unknown",
    }
    values.update(fields)
    return EXHIBIT.format(**values)


def messages(write_yaml: Callable[[str], Path], **fields: str) -> list[str]:
    result = load_exhibit(write_yaml(exhibit_text(**fields)))
    assert result.ok
    return [str(problem) for problem in result.problems.items]


def test_a_short_exhibit_passes_without_warnings(write_yaml: Callable[[str], Path]) -> None:
    assert messages(write_yaml) == []


def test_a_long_english_lead_is_counted_in_words(write_yaml: Callable[[str], Path]) -> None:
    found = messages(write_yaml, lead_en="word " * 121)
    assert len(found) == 1
    assert "panels[0].lead: the lead has 121 words; keep it to about 120" in found[0]
    assert messages(write_yaml, lead_en="word " * 120) == []


def test_a_long_japanese_lead_is_counted_in_characters(write_yaml: Callable[[str], Path]) -> None:
    found = messages(write_yaml, lead_ja="あ" * 301)
    assert len(found) == 1
    assert "in 'ja', the lead has 301 characters; keep it to about 300" in found[0]
    assert messages(write_yaml, lead_ja="あ" * 300) == []


def test_a_20000_character_japanese_body_is_not_one_word(write_yaml: Callable[[str], Path]) -> None:
    """Word counts see a paragraph without spaces as one word; characters see its length."""
    found = messages(write_yaml, body_ja="関東軍は1945年8月に敗れた。" * 1250)
    assert [m for m in found if "the body has 20000 characters" in m], found


def test_rights_in_a_credit_are_a_warning(write_yaml: Callable[[str], Path]) -> None:
    found = messages(write_yaml, credit="Photographer unknown; rights not yet cleared")
    assert len(found) == 1
    assert "panels[0].images[0].credit" in found[0]
    assert "'rights:' field, which the kiosk never shows" in found[0]


def test_check_lists_the_rights_note_for_staff(write_yaml: Callable[[str], Path]) -> None:
    path = write_yaml(exhibit_text())
    run = subprocess.run(
        [sys.executable, str(ROOT / "kiosk.py"), "--check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("OK (0 errors, 0 warnings)")
    line = 1 + path.read_text().splitlines().index(
        "        rights: ZQX staff note, licence pending"
    )
    note = f"{path}:{line}:9: note: panels[0].images[0].rights: ZQX staff note, licence pending"
    assert note in run.stderr.splitlines()


def test_the_rights_note_is_never_on_screen(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    """Every page, in both languages, as the previews draw them: the staff note is on none."""
    path = write_yaml(exhibit_text())
    run = subprocess.run(
        [sys.executable, str(ROOT / "kiosk.py"), str(path), "--screenshot", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    pages = sorted((tmp_path / "p").rglob("*.svg"))
    assert len(pages) >= 8
    assert any("A&#160;quay&#160;at&#160;dawn" in page.read_text() for page in pages)
    for page in pages:
        assert "ZQX" not in page.read_text(), page.name
