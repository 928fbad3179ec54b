"""The kiosk's log: records reach its file and never the screen, and setting it up changes
nothing else in the process (tests that run start-up one after another all see its records)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from exhibit import cli, exits, logs
from exhibit.logs import LOGGER, setup_logging

log = logging.getLogger(LOGGER)


@pytest.fixture(autouse=True)
def no_kiosk_log_left() -> Iterator[None]:
    """Each test starts and ends with the logger as the process had it."""
    handlers, level, propagate = list(log.handlers), log.level, log.propagate
    yield
    for handler in log.handlers:
        if handler not in handlers:
            handler.close()
    log.handlers[:], log.level, log.propagate = handlers, level, propagate


def test_records_go_to_the_log_file_and_not_to_the_screen(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "state" / "kiosk.log"
    kiosk_log = setup_logging(path)
    assert kiosk_log.path == path
    log.info("kiosk started on %s", "exhibit.yaml")
    log.warning("a picture could not be shown")
    log.debug("too fine to keep")
    kiosk_log.close()
    text = path.read_text(encoding="utf-8")
    assert "INFO kiosk started on exhibit.yaml" in text
    assert "WARNING a picture could not be shown" in text
    assert "too fine to keep" not in text
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_a_log_that_cannot_be_written_keeps_records_off_the_screen(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log's folder should be")
    kiosk_log = setup_logging(blocker / "kiosk.log")
    assert kiosk_log.path is None
    log.error("the exhibit has errors")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_log_file_is_rotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = tmp_path / "kiosk.log"
    kiosk_log = setup_logging(path)
    for number in range(200):
        log.info("page %d shown", number)
    kiosk_log.close()
    assert (tmp_path / "kiosk.log.1").exists()
    assert not (tmp_path / f"kiosk.log.{logs.BACKUPS + 1}").exists()
    assert "page 199 shown" in path.read_text(encoding="utf-8")


def test_setting_up_twice_replaces_the_first_handler(tmp_path: Path) -> None:
    before = len(log.handlers)
    setup_logging(tmp_path / "first.log")
    second = setup_logging(tmp_path / "second.log")
    assert len(log.handlers) == before + 1
    log.info("once")
    second.close()
    assert (tmp_path / "second.log").read_text(encoding="utf-8").count("once") == 1
    assert "once" not in (tmp_path / "first.log").read_text(encoding="utf-8")


def test_closing_gives_the_logger_back_as_it_was(tmp_path: Path) -> None:
    handlers, level, propagate = list(log.handlers), log.level, log.propagate
    kiosk_log = setup_logging(tmp_path / "kiosk.log")
    assert log.propagate == propagate  # shared loggers are left alone
    kiosk_log.close()
    assert (log.handlers, log.level, log.propagate) == (handlers, level, propagate)


def _broken_exhibit(tmp_path: Path) -> Path:
    path = tmp_path / "exhibit.yaml"
    path.write_text("exhibit:\n  title: A title\npanels: []\n", encoding="utf-8")
    return path


def test_start_up_after_start_up_is_still_seen_by_caplog(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """The kiosk refused twice in one process (as in a test run): both times its records reach
    the log file and the process's own logging, and nothing is hidden afterwards."""
    exhibit = _broken_exhibit(tmp_path)
    for run in ("first", "second"):
        caplog.clear()
        path = tmp_path / f"{run}.log"
        assert cli.main([str(exhibit), "--log", str(path)]) == exits.BROKEN_EXHIBIT
        assert "not started" in path.read_text(encoding="utf-8")
        assert any("not started" in r.getMessage() for r in caplog.records), run
    assert "The kiosk did not start" in capsys.readouterr().err
    caplog.clear()
    log.warning("a later record")
    assert [r.getMessage() for r in caplog.records] == ["a later record"]
