"""Every figure of the report, against values worked out by hand from the visits in
tests/analytics_visits.py (hall: visits 1-5 over two days; foyer: one visit)."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, date
from pathlib import Path

import pytest
from analytics_visits import record_foyer, record_hall
from conftest import ROOT

from exhibit.analytics import store
from exhibit.analytics.figures import Report, compute, median, percentile
from exhibit.analytics.folding import forget_old_events
from exhibit.analytics.headline import Headline, glance
from exhibit.analytics.reading import read_kiosks
from exhibit.analytics.report_cli import main as report_main
from exhibit.analytics.vocabulary import CLOSING, TITLE
from exhibit.cli import main as kiosk_main


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    hall, foyer = tmp_path / "hall.sqlite", tmp_path / "foyer.sqlite"
    record_hall(hall)
    record_foyer(foyer)
    return hall, foyer


def report_of(*paths: Path, since: str = "", until: str = "") -> Report:
    return compute(read_kiosks(paths), since, until)


def rows(report: Report, table: str) -> list[tuple[object, ...]]:
    return list(report.table(table).rows)


def test_one_kiosk_summary(files: tuple[Path, Path]) -> None:
    report = report_of(files[0])
    # holding times 250, 120, 240, 130, 300 -> sorted 120 130 [240] 250 300; p90: rank
    # ceil(0.9 x 5) = 5 -> 300. Pages 3, 1, 4, 2, 4 -> median 3. Diligent: visits 1, 3, 5
    # (3 of 5 = 60 %); bounce: visit 2 (20 %); from the attract loop: 1, 3, 5; pictures:
    # b#2 once, c#1 twice.
    assert report.table("summary").columns == (
        "kiosk", "visits", "from_attract", "median_seconds", "p90_seconds",
        "median_pages", "diligent", "bounce", "pictures_opened",
    )  # fmt: skip
    assert rows(report, "summary") == [("hall", 5, 3, 240, 300, 3, 60.0, 20.0, 3)]
    assert (report.first_day, report.last_day) == ("2026-03-02", "2026-03-03")


def test_visits_per_day_and_hour(files: tuple[Path, Path]) -> None:
    report = report_of(files[0])
    assert rows(report, "days") == [("hall", "2026-03-02", 4), ("hall", "2026-03-03", 1)]
    hours = {hour: n for _, hour, n in rows(report, "hours")}
    assert len(hours) == 24
    assert {h: n for h, n in hours.items() if n} == {9: 2, 10: 1, 14: 2}


def test_where_visits_end_panels_languages_modes_pictures(files: tuple[Path, Path]) -> None:
    report = report_of(files[0])
    # idle resets after visits 1 (on c), 2 (title), 4 (d), 5 (closing); visit 3 was cut
    # short by the next visitor and is not counted.
    assert rows(report, "endings") == [
        ("hall", CLOSING, 1, 25.0),
        ("hall", TITLE, 1, 25.0),
        ("hall", "c", 1, 25.0),
        ("hall", "d", 1, 25.0),
    ]
    # a: 40, 80 -> 60; b: 50, 60 -> 55; c: 160, 120, 5, 60 -> (60 + 120) / 2 = 90;
    # d: 30, 125, 60 -> 60. b's advisory skipped once, a's second layer opened once.
    assert rows(report, "panels") == [
        ("hall", "a", 2, 60, 0, 1),
        ("hall", "b", 2, 55, 1, 0),
        ("hall", "c", 4, 90, 0, 0),
        ("hall", "d", 3, 60, 0, 0),
    ]
    # visit 1 read Japanese 130 s, English 120 s
    assert rows(report, "languages") == [("hall", "en", 4, 80.0), ("hall", "ja", 1, 20.0)]
    assert rows(report, "modes") == [
        ("hall", "contrast", 1, 20.0),
        ("hall", "describe", 1, 20.0),
        ("hall", "large", 1, 20.0),
    ]
    assert rows(report, "pictures") == [("hall", "c#1", 2), ("hall", "b#2", 1)]


def test_two_kiosks_merge_and_each_row_names_its_kiosk(files: tuple[Path, Path]) -> None:
    report = report_of(*files)
    assert report.kiosks == ("foyer", "hall", "all")
    # all: 61 120 130 | 240 250 300 -> median 185; p90 rank ceil(5.4) = 6 -> 300;
    # pages 2 1 3 4 2 4 -> 1 2 2 | 3 4 4 -> 2.5; diligent 3 of 6; bounce 1 of 6.
    assert rows(report, "summary") == [
        ("foyer", 1, 0, 61, 61, 2, 0.0, 0.0, 0),
        ("hall", 5, 3, 240, 300, 3, 60.0, 20.0, 3),
        ("all", 6, 3, 185, 300, 2.5, 50.0, 16.7, 3),
    ]
    assert rows(report, "days") == [
        ("foyer", "2026-03-03", 1),
        ("hall", "2026-03-02", 4),
        ("hall", "2026-03-03", 1),
        ("all", "2026-03-02", 4),
        ("all", "2026-03-03", 2),
    ]
    panels = rows(report, "panels")
    # a: foyer 60; hall 40, 80 -> all 40 60 80 -> 60
    assert ("foyer", "a", 1, 60, 0, 0) in panels and ("all", "a", 3, 60, 0, 1) in panels
    assert ("all", "en", 5, 83.3) in rows(report, "languages")
    for name in ("hours", "endings"):
        assert {row[0] for row in rows(report, name)} == {"foyer", "hall", "all"}
    assert {row[0] for row in rows(report, "modes")} == {"hall", "all"}  # foyer used none


def test_since_and_until_choose_whole_days(files: tuple[Path, Path]) -> None:
    second_day = report_of(*files, since="2026-03-03")
    assert rows(second_day, "summary")[1:] == [
        ("hall", 1, 1, 300, 300, 4, 100.0, 0.0, 0),
        ("all", 2, 1, 180.5, 300, 3, 50.0, 0.0, 0),
    ]
    first_day = report_of(files[0], until="2026-03-02")
    assert rows(first_day, "summary")[0][:2] == ("hall", 4)
    assert report_of(files[0], since="2026-04-01").first_day == ""


def test_old_events_go_and_the_figures_stay(files: tuple[Path, Path]) -> None:
    before = report_of(*files)
    db = store.open_for_writing(files[0])
    # on 4 March, keeping one day: the events of 2 March (visits 1-4) are forgotten
    assert forget_old_events(db, 1, now=1772625600.0, tz=UTC) == 4  # 2026-03-04 12:00 UTC
    assert db.execute("SELECT DISTINCT session FROM events").fetchall() == [(5,)]
    db.close()
    assert report_of(*files) == before


def test_median_and_percentile_of_counts() -> None:
    assert median({}) is None and percentile({}, 0.9) is None
    assert median({5: 1}) == 5 and percentile({5: 1}, 0.9) == 5
    assert median({1: 1, 2: 1, 10: 2}) == 6.0  # 1 2 | 10 10
    assert percentile({s: 1 for s in range(1, 11)}, 0.9) == 9  # 9 of 10 at or below 9
    assert percentile({s: 1 for s in range(1, 12)}, 0.9) == 10  # rank ceil(9.9) = 10


def test_the_command_prints_tables_and_writes_html_and_csv(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, tables = tmp_path / "out" / "report.html", tmp_path / "csv"
    code = report_main([*map(str, files), "--html", str(page), "--csv", str(tables)])
    assert code == 0
    out = capsys.readouterr().out
    assert "Visits from 2026-03-02 to 2026-03-03" in out
    assert "Where visits ended" in out and "sources and credits" in out
    assert "all kiosks" in out and "foyer" in out
    with (tables / "summary.csv").open(encoding="utf-8") as file:
        summary = list(csv.reader(file))
    assert summary[0][:3] == ["kiosk", "visits", "from_attract"]
    assert summary[3] == ["all", "6", "3", "185", "300", "2.5", "50.0", "16.7", "3"]
    assert sorted(p.name for p in tables.iterdir()) == sorted(
        f"{name}.csv"
        for name in ("summary", "days", "hours", "endings", "panels", "languages", "modes",
                     "pictures")
    )  # fmt: skip
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # offline
    assert ">185<" in html and ">foyer<" in html
    # days in order, though foyer (first) has only the second one
    first, second = (html.index(f'<th scope="row">2026-03-0{d}</th>') for d in (2, 3))
    assert first < second


def test_japanese_report(files: tuple[Path, Path], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert report_main([str(files[0]), "--lang", "ja", "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert '<html lang="ja">' in html
    for words in ("キオスクの利用記録", "日別の利用数", "滞在時間の中央値", "出典とクレジット"):
        assert words in html


def test_kiosk_report_subcommand_and_plain_messages(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kiosk_main(["report", str(files[0]), "--since", "2026-03-03"]) == 0
    assert "Visits from 2026-03-03" in capsys.readouterr().out
    assert kiosk_main(["report", str(files[0]), "--until", "2026-03-01"]) == 0
    assert "No visits were recorded in this period." in capsys.readouterr().out
    not_a_record = tmp_path / "notes.txt"
    not_a_record.write_text("hello", encoding="utf-8")
    assert kiosk_main(["report", str(not_a_record)]) == 1
    err = capsys.readouterr().err
    assert "notes.txt" in err and "kiosk's record" in err and "Traceback" not in err
    assert kiosk_main(["report", str(tmp_path / "missing.sqlite")]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        kiosk_main(["report", "--since", "March"])
    assert "not a date; write YEAR-MONTH-DAY" in capsys.readouterr().err


def test_recording_and_reporting_never_import_textual() -> None:
    """Recording runs inside the kiosk but belongs to the core; the report runs without
    the UI (Rich, for its tables, only when printing to the terminal)."""
    code = (
        "import sys\n"
        "from exhibit.analytics import recorder, report_cli, html_page, csv_export\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "from exhibit.analytics import terminal\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_staff_glance_at_today_and_this_week(files: tuple[Path, Path]) -> None:
    """On 3 March: today is visit 5 alone (300 s); the week is visits 1-5."""
    seen = glance(files[0], date(2026, 3, 3))
    assert seen.today == Headline(1, 300, 100.0, 0.0)
    assert seen.week == Headline(5, 240, 60.0, 20.0)
    later = glance(files[0], date(2026, 3, 9))  # 3 March is still within the week
    assert later.today == Headline(0, None, 0.0, 0.0) and later.week.visits == 1


def test_a_file_name_with_spaces_and_marks(files: tuple[Path, Path], tmp_path: Path) -> None:
    odd = tmp_path / "copies from the hall" / "hall #1 ?.sqlite"
    odd.parent.mkdir()
    odd.write_bytes(files[0].read_bytes())
    assert rows(report_of(odd), "summary")[0][:2] == ("hall", 5)
