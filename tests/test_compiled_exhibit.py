"""The compiled copy of the last good exhibit (exhibit/compiled.py): a start whose exhibit.yaml
is the one the last good start read takes the validated exhibit from the copy, without reading
the YAML or importing the loader before its title, and shows the same pages. Anything that
could make the copy wrong (the file, a picture, the kiosk's code or version, the machine's
time zones, a damaged copy) sends the start back to the YAML, which it shows as it is.

Each start here is cli.main as the kiosk runs it, up to the app: `run` is replaced by one that
keeps what the start would show and its after-title work, which the test then does (that is
where the copy is written) and shows in Pilot."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import media_files
import pytest
from conftest import ROOT
from kiosk_pilot import heading, screen_text, until
from small_exhibits import TOKEI, write_tokei

from exhibit import cli, compiled, loader
from exhibit.analytics.recorder import NoRecorder
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings

HIT = "exhibit loaded from its compiled copy"


@dataclass
class Start:
    """What one start of the kiosk would show, and how it got it."""

    code: int
    opened: compiled.Opened | None
    after_title: Callable[[NoRecorder], object] | None
    yaml_read: bool
    """Whether the start called the loader (read and validated exhibit.yaml)."""
    log: str


@pytest.fixture
def start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], Start]]:
    """Start the kiosk on a file as cli.main does, in this process, up to the app; then do
    the work it leaves until the title is on screen (advice, and saving the copy)."""
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    compiled.kiosk_digest.cache_clear()
    reads: list[Path] = []
    real_load = loader.load_exhibit

    def counted(path: Path, *, advice: bool = True) -> loader.LoadResult:
        reads.append(path)
        return real_load(path, advice=advice)

    monkeypatch.setattr(loader, "load_exhibit", counted)
    log_file = tmp_path / "kiosk.log"

    def one(path: Path) -> Start:
        kept: dict[str, Any] = {}

        def run(_args: object, opened: compiled.Opened, _speaker: object, after: Any) -> int:
            kept.update(opened=opened, after_title=after)
            return 0

        monkeypatch.setattr(cli, "run", run)
        reads.clear()
        log_file.unlink(missing_ok=True)
        try:
            code = cli.main([str(path), "--no-audio", "--no-record", "--log", str(log_file)])
        finally:
            gc.enable()  # the start turns it off until the app's first frame
        yaml_read = bool(reads)
        if kept:
            kept["after_title"](NoRecorder())  # what the app runs once its title is drawn
        return Start(
            code,
            kept.get("opened"),
            kept.get("after_title"),
            yaml_read,
            log_file.read_text(encoding="utf-8"),
        )

    yield one
    compiled.kiosk_digest.cache_clear()


def copy_file(tmp_path: Path) -> Path:
    return tmp_path / "state" / "museum-kiosk" / "exhibit.compiled"


@pytest.fixture
def tokei_file(tmp_path: Path) -> Path:
    write_tokei(tmp_path / "tokei")
    return tmp_path / "tokei" / "exhibit.yaml"


async def pages(opened: compiled.Opened | None) -> list[str]:
    """What a visitor reads: the title, then each panel in turn, then the title in Japanese."""
    assert opened is not None
    app = KioskApp(
        opened.exhibit,
        editions=opened.editions,
        images=ImageSettings(mode="none", folder=opened.folder),
        prebuild=False,
    )
    seen: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: heading(app) != "")
        seen.append(screen_text(app))
        for number in range(1, len(opened.exhibit.panels) + 1):
            app.go(number)
            await pilot.pause()
            if app.screen.is_modal:  # a content advisory: read it, then the panel
                seen.append(screen_text(app))
                app.pop_screen()
                await pilot.pause()
            seen.append(heading(app) + "\n" + screen_text(app))
        if app.next_language:
            app.go(0)
            await pilot.press("l")
            await until(pilot, lambda: app.language == "ja" and heading(app) == app.title)
            seen.append(screen_text(app))
    return seen


async def test_a_second_start_uses_the_copy_and_shows_the_same_pages(
    start: Callable[[Path], Start], tokei_file: Path, tmp_path: Path
) -> None:
    first = start(tokei_file)
    assert first.code == 0 and first.yaml_read and HIT not in first.log
    assert copy_file(tmp_path).is_file()  # written once the title was up
    second = start(tokei_file)
    assert second.code == 0 and not second.yaml_read and HIT in second.log
    assert first.opened is not None and second.opened is not None
    assert second.opened.exhibit == first.opened.exhibit
    assert list(second.opened.editions) == ["en", "ja"] == list(first.opened.editions)
    assert second.opened.editions == first.opened.editions
    assert second.opened.folder == tokei_file.parent.resolve()
    shown = await pages(second.opened)
    assert shown == await pages(first.opened)
    assert "Keeping Time" in shown[0] and "The caesium second" in shown[-2]
    assert "時を刻む" in shown[-1]


async def test_a_kiosk_started_from_the_copy_shows_a_save_as_always(
    start: Callable[[Path], Start], tokei_file: Path
) -> None:
    start(tokei_file)
    opened = start(tokei_file).opened
    assert opened is not None
    app = KioskApp(opened.exhibit, editions=opened.editions, source=tokei_file, reload_interval=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: heading(app) == "Keeping Time")
        saved = tokei_file.with_name(".exhibit.yaml.swp")  # an editor's save: write, rename
        saved.write_text(TOKEI.replace("Keeping Time", "Telling Time"), encoding="utf-8")
        os.replace(saved, tokei_file)
        await until(pilot, lambda: heading(app) == "Telling Time")


def test_a_start_from_the_copy_still_logs_the_warnings_after_its_title(
    start: Callable[[Path], Start], tokei_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks that can only warn (a picture missing, here) run once the title is up; the
    copy keeps what they found, and a start from it logs that again without checking anew
    (the loader, Pillow and their memory stay out of a kiosk started from its copy)."""
    (tokei_file.parent / "media" / "dial.png").unlink()
    first = start(tokei_file)
    missing = "warning: panels[3].images[0].file: 'media/dial.png' not found"
    assert f"{tokei_file}:" in first.log and missing in first.log
    checked: list[object] = []
    real_advise = loader.advise
    monkeypatch.setattr(loader, "advise", lambda result: checked.append(real_advise(result)))
    again = start(tokei_file)
    assert not again.yaml_read and not checked
    line = next(line for line in again.log.splitlines() if missing in line)
    assert f"{tokei_file}:" in line  # the file as this start names it


def edit_one_byte(path: Path, _tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    path.write_bytes(path.read_bytes().replace(b"Keeping Time", b"Keeping Tame", 1))
    return "Keeping Tame"


def replace_the_picture(path: Path, _tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    picture = path.parent / "media" / "dial.png"
    stamp = picture.stat()
    media_files.photo(picture, (330, 250))
    os.utime(picture, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    return "Keeping Time"


def delete_the_picture(path: Path, _tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    (path.parent / "media" / "dial.png").unlink()
    return "Keeping Time"


def damage_the_copy(_path: Path, tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    copy = copy_file(tmp)
    data = bytearray(copy.read_bytes())
    for at in range(len(compiled.MAGIC) + 5, len(data), 97):
        data[at] ^= 0x5A
    copy.write_bytes(bytes(data))
    return "Keeping Time"


def cut_the_copy_short(_path: Path, tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    copy = copy_file(tmp)
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    return "Keeping Time"


def empty_the_copy(_path: Path, tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    copy_file(tmp).write_bytes(b"")
    return "Keeping Time"


def an_older_format(_path: Path, tmp: Path, _patch: pytest.MonkeyPatch) -> str:
    copy = copy_file(tmp)
    older = compiled.MAGIC.replace(b"exhibit ", b"exhibit 0.")
    copy.write_bytes(copy.read_bytes().replace(compiled.MAGIC, older, 1))
    return "Keeping Time"


def change_the_version(_path: Path, _tmp: Path, patch: pytest.MonkeyPatch) -> str:
    patch.setattr(compiled, "__version__", "0.0.0+another")
    compiled.kiosk_digest.cache_clear()
    return "Keeping Time"


@pytest.mark.parametrize(
    "change",
    [
        edit_one_byte,
        replace_the_picture,
        delete_the_picture,
        damage_the_copy,
        cut_the_copy_short,
        empty_the_copy,
        an_older_format,
        change_the_version,
    ],
)
async def test_after_any_change_the_start_reads_the_yaml_and_shows_it(
    start: Callable[[Path], Start],
    tokei_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path, Path, pytest.MonkeyPatch], str],
) -> None:
    start(tokei_file)
    title = change(tokei_file, tmp_path, monkeypatch)
    again = start(tokei_file)
    assert again.code == 0 and again.yaml_read and HIT not in again.log
    assert "compiled exhibit" in again.log and "not used" in again.log  # why, for staff
    assert again.opened is not None
    assert again.opened.exhibit == loader.load_exhibit(tokei_file).exhibit
    shown = await pages(again.opened)
    assert title in shown[0]
    third = start(tokei_file)  # the copy was written again after the title
    assert not third.yaml_read and third.opened is not None
    assert third.opened.exhibit.title == title


def test_a_change_to_the_code_that_reads_an_exhibit_is_a_change(
    start: Callable[[Path], Start],
    tokei_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The key reads the package's files where compiled.py finds them: here a copy of them,
    in which one module of the validator then changes (an upgrade without a new version)."""
    package = tmp_path / "package"
    for name in compiled.DECIDING:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "exhibit" / name, package / name)
    monkeypatch.setattr(compiled, "__file__", str(package / "compiled.py"))
    compiled.kiosk_digest.cache_clear()
    start(tokei_file)
    assert not start(tokei_file).yaml_read
    with (package / "validate.py").open("a", encoding="utf-8") as module:
        module.write("# a new release\n")
    compiled.kiosk_digest.cache_clear()  # a new process
    again = start(tokei_file)
    assert again.yaml_read and "the kiosk's code changed" in again.log


def test_an_unreadable_copy_or_an_unwritable_folder_never_stops_a_start(
    start: Callable[[Path], Start], tokei_file: Path, tmp_path: Path
) -> None:
    copy_file(tmp_path).mkdir(parents=True)  # a folder where the copy would be: unreadable
    first = start(tokei_file)
    assert first.code == 0 and first.yaml_read and "cannot be read" in first.log
    assert "not saved" in first.log and copy_file(tmp_path).is_dir()
    copy_file(tmp_path).rmdir()
    os.mkfifo(copy_file(tmp_path))  # a pipe: opened without waiting for a writer
    piped = start(tokei_file)
    assert piped.code == 0 and piped.yaml_read and "not a regular file" in piped.log
    shutil.rmtree(tmp_path / "state")
    (tmp_path / "state").write_text("a file where the state folder should be")
    for _ in range(2):
        started = start(tokei_file)
        assert started.code == 0 and started.yaml_read and started.opened is not None
        assert started.opened.exhibit.title == "Keeping Time"


def test_only_an_exhibit_without_problems_is_kept(
    start: Callable[[Path], Start], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tokei"
    write_tokei(folder)
    path = folder / "exhibit.yaml"
    uncited = TOKEI + "  - id: C9\n    text: {en: Never cited., ja: 引用されない。}\n"
    path.write_text(uncited, encoding="utf-8")  # a warning before the title: no copy
    warned = start(path)
    assert warned.code == 0 and "cited by no panel" in warned.log
    assert not copy_file(tmp_path).exists()
    path.write_text(TOKEI, encoding="utf-8")
    assert start(path).code == 0 and copy_file(tmp_path).is_file()
    broken = TOKEI.replace("sources: [C1]", "sources: [C7]", 1)  # an error: refused...
    path.write_text(broken, encoding="utf-8")
    refused = start(path)
    assert refused.code != 0 and refused.yaml_read and refused.opened is None
    assert "C7" in capsys.readouterr().err  # ...as always, whatever the copy holds
    assert start(path).code != 0


def test_a_time_zone_this_machine_no_longer_knows_is_not_trusted_from_the_copy(
    start: Callable[[Path], Start], tokei_file: Path, tmp_path: Path
) -> None:
    text = TOKEI.replace(
        "panels:\n", "kiosk:\n  hours: {timezone: Europe/Berlin, mon: 09:00-17:00}\npanels:\n", 1
    )
    tokei_file.write_text(text, encoding="utf-8")
    assert start(tokei_file).code == 0 and not start(tokei_file).yaml_read
    (tmp_path / "no zones").mkdir()
    zoneinfo.reset_tzpath(to=[str(tmp_path / "no zones")])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        refused = start(tokei_file)
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
    assert refused.yaml_read and refused.code != 0  # the file names a zone it cannot find


def test_a_copy_of_the_exhibit_elsewhere_finds_its_pictures_there(
    start: Callable[[Path], Start], tokei_file: Path, tmp_path: Path
) -> None:
    """As bench/run.py does: exhibit.yaml copied (a new mtime), media/ copied with theirs."""
    start(tokei_file)
    elsewhere = tmp_path / "frozen"
    shutil.copytree(tokei_file.parent / "media", elsewhere / "media")
    shutil.copy(tokei_file, elsewhere / "exhibit.yaml")
    moved = start(elsewhere / "exhibit.yaml")
    assert not moved.yaml_read and moved.opened is not None
    assert moved.opened.folder == elsewhere.resolve()


def test_check_and_screenshots_always_read_the_file(
    start: Callable[[Path], Start],
    tokei_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start(tokei_file)
    reads: list[Path] = []

    def read(path: Path, **_: object) -> None:
        reads.append(path)
        raise Read

    monkeypatch.setattr(loader, "load_exhibit", read)
    for tool in (["--check"], ["--screenshot", str(tmp_path / "shots")]):
        with pytest.raises(Read):
            cli.main([str(tokei_file), *tool])
    assert reads == [tokei_file, tokei_file]


class Read(Exception):
    """The file was read (by a stand-in for the loader)."""


def test_the_key_names_every_module_the_loader_brings() -> None:
    code = (
        "import sys, exhibit.loader\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "                  if n.split('.')[0] == 'exhibit')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    package = ROOT / "exhibit"
    imported = {Path(line).relative_to(package).as_posix() for line in done.stdout.split()}
    assert imported <= set(compiled.DECIDING), imported - set(compiled.DECIDING)


def test_a_start_from_the_copy_imports_no_yaml_reading_before_its_title(
    start: Callable[[Path], Start], tokei_file: Path, tmp_path: Path
) -> None:
    start(tokei_file)
    code = (
        "import gc, sys\n"
        "from exhibit import cli\n"
        "def run(args, opened, speaker, after_title):\n"
        "    from exhibit.ui.app import KioskApp\n"
        "    KioskApp(opened.exhibit, editions=opened.editions, speaker=speaker)\n"
        "    later = ('yaml', 'exhibit.loader', 'exhibit.validate', 'exhibit.languages',\n"
        "             'exhibit.yaml_reader', 'exhibit.checks', 'exhibit.length_checks')\n"
        "    print(sorted(set(later) & set(sys.modules)))\n"
        "    return 0\n"
        "cli.run = run\n"
        f"cli.main([{str(tokei_file)!r}, '--no-audio', '--no-record',\n"
        f"          '--log', {str(tmp_path / 'sub.log')!r}])\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
    assert HIT in (tmp_path / "sub.log").read_text(encoding="utf-8")
