"""The facts behind the staff status screen and the status file for monitoring tools
(exhibit/status.py)."""

from __future__ import annotations

import json
from pathlib import Path

from exhibit import __version__
from exhibit.status import (
    Reload,
    cpu_temperature,
    describe_uptime,
    gather,
    log_tail,
    write_status_file,
)


def test_the_status_names_the_exhibit_its_version_and_the_machine(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text("exhibit:\n  title: Lighthouses\n", encoding="utf-8")
    log = tmp_path / "kiosk.log"
    log.write_text("".join(f"line {n}\n" for n in range(20)), encoding="utf-8")
    status = gather(
        exhibit, started=1000.0, now=1000.0 + 3 * 86400 + 4 * 3600 + 12 * 60, log_file=log
    )
    assert status.version == __version__
    assert len(status.exhibit_sha256) == 16
    assert status.memory_mb is not None and status.memory_mb > 5
    assert status.free_disk_mb is not None and status.free_disk_mb > 0
    assert status.log_tail[-1] == "line 19" and len(status.log_tail) == 8
    assert describe_uptime(status.uptime) == "3 d 4 h 12 min"
    exhibit.write_text("exhibit:\n  title: Lighthouses of the coast\n", encoding="utf-8")
    assert gather(exhibit, started=0).exhibit_sha256 != status.exhibit_sha256


def test_the_status_file_is_json_and_replaced_whole(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text("exhibit:\n  title: Lighthouses\n", encoding="utf-8")
    status = gather(
        exhibit,
        started=1000.0,
        now=2000.0,
        last_reload=Reload(at=1500.0, accepted=False, problems=("line 3: typo",)),
    )
    target = tmp_path / "state" / "status.json"
    assert write_status_file(target, status, heartbeat=1999.0)
    record = json.loads(target.read_text())
    assert record["version"] == __version__
    assert record["last_reload"]["accepted"] is False
    assert record["last_reload"]["problems"] == ["line 3: typo"]
    assert record["last_heartbeat"].startswith("19")  # an ISO date
    assert not (tmp_path / "state" / "status.json.next").exists()


def test_an_unwritable_state_folder_does_not_stop_the_kiosk(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text("exhibit:\n  title: Lighthouses\n", encoding="utf-8")
    assert write_status_file(blocker / "status.json", gather(exhibit, started=0), 0) is False


def test_missing_facts_are_none_not_errors(tmp_path: Path) -> None:
    assert cpu_temperature(tmp_path / "no-thermal-zone") is None
    zone = tmp_path / "temp"
    zone.write_text("48312\n")
    assert cpu_temperature(zone) == 48.312
    assert log_tail(tmp_path / "missing.log") == ()
    assert gather(tmp_path / "missing.yaml", started=0).exhibit_sha256 == "unreadable"
