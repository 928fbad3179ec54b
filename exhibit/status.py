"""What staff and monitoring tools need to know about a running kiosk, gathered cheaply.

`gather()` collects the facts shown on the staff status screen; `write_status_file()` keeps a
small JSON file in the state folder (replaced whole, never half-written) for monitoring tools:
version, start, last reload and its problems, last heartbeat. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__

THERMAL_ZONE = Path("/sys/class/thermal/thermal_zone0/temp")
LOG_LINES = 8


@dataclass(frozen=True)
class Reload:
    """The last time the exhibit file was read again, and what was found."""

    at: float
    accepted: bool
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Status:
    """One look at the kiosk, for the staff screen and the status file."""

    version: str
    exhibit_file: str
    exhibit_sha256: str
    started: float
    now: float
    memory_mb: float | None
    cpu_temperature_c: float | None
    free_disk_mb: float | None
    last_reload: Reload | None = None
    log_tail: tuple[str, ...] = field(default=())
    visitors_today: int | None = None
    visitors_week: int | None = None

    @property
    def uptime(self) -> float:
        return max(0.0, self.now - self.started)


def checksum(path: Path) -> str:
    """The exhibit file's SHA-256 (first 16 hex digits: enough to tell versions apart)."""
    import hashlib  # here, as json below: the kiosk's first beat is after its title

    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return "unreadable"
    return digest.hexdigest()[:16]


def memory_mb() -> float | None:
    """This process's resident memory, from /proc (None where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def cpu_temperature(zone: Path = THERMAL_ZONE) -> float | None:
    """The CPU's temperature where the machine reports it (a Raspberry Pi does)."""
    try:
        return int(zone.read_text().strip()) / 1000
    except (OSError, ValueError):
        return None


def free_disk_mb(path: Path) -> float | None:
    try:
        return shutil.disk_usage(path).free / 1_048_576
    except OSError:
        return None


def log_tail(path: Path | None, lines: int = LOG_LINES) -> tuple[str, ...]:
    """The last lines of the operational log (read from the end; the log is small)."""
    if path is None:
        return ()
    try:
        with path.open(encoding="utf-8", errors="replace") as stream:
            return tuple(line.rstrip("\n") for line in deque(stream, maxlen=lines))
    except OSError:
        return ()


def gather(
    exhibit_file: Path,
    *,
    started: float,
    now: float | None = None,
    log_file: Path | None = None,
    last_reload: Reload | None = None,
    visitors_today: int | None = None,
    visitors_week: int | None = None,
) -> Status:
    return Status(
        version=__version__,
        exhibit_file=str(exhibit_file),
        exhibit_sha256=checksum(exhibit_file),
        started=started,
        now=time.time() if now is None else now,
        memory_mb=memory_mb(),
        cpu_temperature_c=cpu_temperature(),
        free_disk_mb=free_disk_mb(exhibit_file.parent),
        last_reload=last_reload,
        log_tail=log_tail(log_file),
        visitors_today=visitors_today,
        visitors_week=visitors_week,
    )


def write_status_file(path: Path, status: Status, heartbeat: float) -> bool:
    """status.json for monitoring tools; False if the folder cannot be written (the kiosk goes
    on: a full disk must not stop the exhibit)."""
    record = {
        "version": status.version,
        "exhibit_file": status.exhibit_file,
        "exhibit_sha256": status.exhibit_sha256,
        "started": _iso(status.started),
        "last_heartbeat": _iso(heartbeat),
        "last_reload": None
        if status.last_reload is None
        else {**asdict(status.last_reload), "at": _iso(status.last_reload.at)},
        "memory_mb": status.memory_mb,
        "cpu_temperature_c": status.cpu_temperature_c,
    }
    import json

    staged = path.with_name(path.name + ".next")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        os.replace(staged, path)
    except OSError:
        return False
    return True


def _iso(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(moment))


def describe_uptime(
    seconds: float, units: tuple[str, str, str] = ("{} d", "{} h", "{} min")
) -> str:
    """'3 d 4 h 12 min' for the staff screen; `units` formats days, hours and minutes in the
    screen's language ("{}日" ...)."""
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    day, hour, minute = units
    parts = [day.format(days)] if days else []
    if days or hours:
        parts.append(hour.format(hours))
    parts.append(minute.format(minutes))
    return " ".join(parts)
