"""The deployment kit in deploy/: the systemd units agree with exhibit/exits.py, foot.ini leaves
visitors no way out, and the tools that can check these files (systemd-analyze, foot) accept them
where they are installed.

cage-kiosk.sh, which hands the kiosk's exit status back through cage, is run with stand-ins for
cage and foot that behave like cage 0.1.4 (it always exits 0) and foot (it exits with its
program's status): the real pair needs a display.
"""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from exhibit import exits

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
CONSOLE_UNIT = DEPLOY / "museum-kiosk.service"
CAGE_UNIT = DEPLOY / "museum-kiosk-cage.service"
UNITS = [CONSOLE_UNIT, CAGE_UNIT]
FOOT_INI = DEPLOY / "foot.ini"
CAGE_SCRIPT = DEPLOY / "cage-kiosk.sh"

Unit = dict[str, dict[str, list[str]]]


def parse_unit(path: Path) -> Unit:
    """section -> key -> every value given (systemd allows a key more than once)."""
    unit: Unit = defaultdict(lambda: defaultdict(list))
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        unit[section][key.strip()].append(value.strip())
    return unit


def words(unit: Unit, section: str, key: str) -> list[str]:
    return [word for value in unit[section][key] for word in value.split()]


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_the_staff_exit_is_not_restarted_and_counts_as_success(path: Path) -> None:
    unit = parse_unit(path)
    assert unit["Service"]["Restart"] == ["always"]
    assert words(unit, "Service", "RestartPreventExitStatus") == [str(exits.STAFF_EXIT)]
    assert str(exits.STAFF_EXIT) in words(unit, "Service", "SuccessExitStatus")
    # A crash, a broken exhibit or a signal are all restarted: none of them is prevented.
    for status in (exits.OK, exits.BROKEN_EXHIBIT, exits.CRASHED):
        assert str(status) not in words(unit, "Service", "RestartPreventExitStatus")


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_the_units_run_unprivileged_on_tty1_without_development_switches(path: Path) -> None:
    unit = parse_unit(path)
    service = unit["Service"]
    # Both watched: a kiosk whose UI loop hangs is restarted (tests/test_watchdog.py).
    assert service["Type"] == ["notify"] and service["WatchdogSec"] == ["30"]
    environment = words(unit, "Service", "Environment")
    if path.name == "museum-kiosk.service":  # the kiosk itself is the main process
        assert service["NotifyAccess"] == ["main"]
        assert not any(word.startswith("MUSEUM_KIOSK_WATCHDOG=") for word in environment)
    else:  # the script is; the kiosk, under cage and foot, must still be heard and feed it
        assert service["NotifyAccess"] == ["all"]
        assert "MUSEUM_KIOSK_WATCHDOG=unit" in environment
    assert service["User"] == ["kiosk"]
    assert service["TTYPath"] == ["/dev/tty1"]
    assert "getty@tty1.service" in words(unit, "Unit", "Conflicts")
    unset = words(unit, "Service", "UnsetEnvironment")
    for variable in ("TEXTUAL", "TEXTUAL_ALLOW_SIGNALS", "TEXTUAL_DRIVER", "PYTHONINSPECT"):
        assert variable in unset
    exec_start = words(unit, "Service", "ExecStart")
    # The exhibit is named: an installed `kiosk` would look for it inside its virtualenv.
    assert "/opt/museum-kiosk/exhibit.yaml" in exec_start
    assert "--log" in exec_start


def test_the_console_unit_draws_on_the_terminal() -> None:
    """Textual writes the screen to stderr: stderr must be the tty, not the journal."""
    service = parse_unit(CONSOLE_UNIT)["Service"]
    assert service["StandardInput"] == ["tty"]
    assert service["StandardOutput"] == ["tty"]
    assert service["StandardError"] == ["tty"]
    assert "TERM=linux" in " ".join(service["Environment"]).split()
    for reset in ("TTYReset", "TTYVHangup", "TTYVTDisallocate"):
        assert service[reset] == ["yes"]


def foot_config() -> configparser.ConfigParser:
    config = configparser.ConfigParser(interpolation=None, strict=True, comment_prefixes=("#",))
    config.optionxform = str  # type: ignore[assignment,method-assign]  # keep key case
    config.read_string(FOOT_INI.read_text(encoding="utf-8"))
    return config


def bindings(value: str) -> str:
    """The key combinations of a binding; pipe-* values start with the command in [...]."""
    return value.split("]", 1)[1].strip() if value.startswith("[") else value.strip()


def test_foot_ini_binds_no_key_or_button_to_anything() -> None:
    config = foot_config()
    for section in ("key-bindings", "mouse-bindings"):
        for action, value in config[section].items():
            if action == "selection-override-modifiers":
                assert value == "none"
                continue
            assert bindings(value) == "none", f"[{section}] {action}={value}"
    keys = config["key-bindings"]
    for action in (
        "spawn-terminal",
        "show-urls-launch",
        "show-urls-copy",
        "show-urls-persistent",
        "pipe-visible",
        "pipe-scrollback",
        "pipe-selected",
        "search-start",
        "unicode-input",
        "clipboard-paste",
        "primary-paste",
        "font-increase",
        "font-decrease",
    ):
        assert action in keys, f"{action} keeps foot's default binding"
    assert config["scrollback"]["lines"] == "0"
    assert config["url"]["launch"] == "/bin/true"
    assert config["tweak"]["sixel"] == "yes"


@pytest.mark.skipif(
    shutil.which("foot") is None and not os.environ.get("CI"),
    reason="foot is not installed here (.ci/run installs it: Debian 12 has foot 1.13)",
)
def test_foot_accepts_foot_ini(tmp_path: Path) -> None:
    done = subprocess.run(
        ["foot", "--check-config", f"--config={FOOT_INI}"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None and not os.environ.get("CI"),
    reason="systemd-analyze is not installed here (.ci/run installs it)",
)
def test_systemd_analyze_verify_finds_no_unknown_or_invalid_directive(tmp_path: Path) -> None:
    """Both units are verified from a scratch folder, with one change: ExecStart's program
    (/opt/museum-kiosk/..., absent on a development machine) is replaced by this Python, the
    only complaint verify has about the units as shipped. It must then say nothing at all; in
    particular no "Unknown key", "Unknown section" or "Failed to parse" for any line. The
    `kiosk` user does not have to exist: verify does not look it up."""
    for unit in UNITS:
        text = unit.read_text(encoding="utf-8")
        shipped = text.splitlines()
        rewritten = [
            f"ExecStart={sys.executable}" if line.startswith("ExecStart=") else line
            for line in shipped
        ]
        (tmp_path / unit.name).write_text("\n".join(rewritten) + "\n", encoding="utf-8")
    for unit in UNITS:
        done = subprocess.run(
            ["systemd-analyze", "verify", str(tmp_path / unit.name)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env={**os.environ, "SYSTEMD_LOG_LEVEL": "notice"},
        )
        said = (done.stdout + done.stderr).strip()
        for complaint in ("Unknown key", "Unknown section", "Failed to parse", "Invalid"):
            assert complaint not in said, said
        assert said == "", said
        assert done.returncode == 0


# cage-kiosk.sh with stand-ins for cage and foot.

FAKE_CAGE = """\
#!/bin/sh
# Like cage 0.1.4: runs its client and always exits 0. On SIGHUP it closes, and every
# program in the window is hung up (here: the whole process group of the test).
[ "$1" = -d ] && shift
[ "$1" = -- ] && shift
trap 'echo hup > "$RUNTIME_DIRECTORY/cage-got-hup"; trap "" HUP; kill -HUP 0; exit 0' HUP
"$@" &
client=$!
wait "$client"
exit 0
"""
FAKE_FOOT = """\
#!/bin/sh
# Like foot: checks its --config, runs the program and exits with its status.
case "$1" in --config=*) [ -r "${1#--config=}" ] || exit 230; shift ;; esac
"$@"
"""
FAKE_KIOSK = """\
#!/bin/sh
# The kiosk: exits with the status asked for, or waits to be ended by a signal.
echo "$@" > "$RUNTIME_DIRECTORY/kiosk-args"
trap 'exit 0' HUP TERM
if [ "$FAKE_STATUS" = wait ]; then
    while :; do sleep 0.1; done
fi
exit "$FAKE_STATUS"
"""


@pytest.fixture
def stand_ins(tmp_path: Path) -> dict[str, str]:
    """An /opt/museum-kiosk look-alike with a fake kiosk, and fake cage and foot on PATH."""
    home = tmp_path / "opt"
    (home / "venv" / "bin").mkdir(parents=True)
    (home / "deploy").mkdir()
    shutil.copy(FOOT_INI, home / "deploy" / "foot.ini")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir()
    for path, text in (
        (bin_dir / "cage", FAKE_CAGE),
        (bin_dir / "foot", FAKE_FOOT),
        (home / "venv" / "bin" / "kiosk", FAKE_KIOSK),
    ):
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
    return {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "MUSEUM_KIOSK_HOME": str(home),
        "RUNTIME_DIRECTORY": str(runtime),
    }


@pytest.mark.parametrize(
    "status", [exits.OK, exits.BROKEN_EXHIBIT, exits.STAFF_EXIT, exits.CRASHED]
)
def test_cage_kiosk_sh_hands_the_kiosk_status_to_systemd(
    stand_ins: dict[str, str], status: int
) -> None:
    done = subprocess.run(
        ["/bin/sh", str(CAGE_SCRIPT), "/opt/museum-kiosk/exhibit.yaml", "--demo"],
        env={**os.environ, **stand_ins, "FAKE_STATUS": str(status)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == status, done.stderr
    args = (Path(stand_ins["RUNTIME_DIRECTORY"]) / "kiosk-args").read_text().split()
    assert args == ["/opt/museum-kiosk/exhibit.yaml", "--demo"]


def test_stopping_cage_kiosk_sh_closes_cage_and_ends_cleanly(stand_ins: dict[str, str]) -> None:
    runtime = Path(stand_ins["RUNTIME_DIRECTORY"])
    script = subprocess.Popen(
        ["/bin/sh", str(CAGE_SCRIPT), "/opt/museum-kiosk/exhibit.yaml"],
        env={**os.environ, **stand_ins, "FAKE_STATUS": "wait"},
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, for the stand-in cage to hang up
    )
    try:
        deadline = time.monotonic() + 10
        while not (runtime / "kiosk-args").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        script.send_signal(signal.SIGTERM)  # what `systemctl stop` does
        assert script.wait(timeout=10) == 0
        assert (runtime / "cage-got-hup").exists(), "cage was not told to close"
    finally:
        if script.poll() is None:
            script.kill()
            script.wait()


def test_cage_kiosk_sh_is_valid_sh() -> None:
    subprocess.run(["/bin/sh", "-n", str(CAGE_SCRIPT)], check=True, timeout=10)
