"""Media files that used to end the kiosk or exhaust a Raspberry Pi's memory (issue 14): symlink
loops, PNG text and colour-profile chunks that inflate past Pillow's limit, and the three kinds
of large PNG (64 MP RGBA, palette with transparency, 16-bit grey). Each is tried at --check, at
start-up and by live reload, with the peak memory measured in a separate process.

The large images are written row by row through zlib, so that making them costs the test
almost no memory (a 64 MP RGBA PNG of a repeating row is under 2 MB on disk).
"""

from __future__ import annotations

import io
import logging
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from test_real_kiosk_pty import SECONDS_TO_END, Terminal

from exhibit import cli, exits, media
from exhibit.logs import LOGGER

ROOT = Path(__file__).resolve().parent.parent
KIOSK = ROOT / "kiosk.py"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="/proc as on the kiosk's Linux")

LARGEST_COLOUR_SIDE = 6633
"""The largest square RGBA image the decode budget accepts (44 MP at 4 bytes a pixel)."""


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def large_png(
    path: Path, side: int, colour_type: int, bit_depth: int = 8, extra: bytes = b""
) -> Path:
    """A side x side PNG of one repeating row, compressed as it is written."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    row = b"\0" + bytes(i * 7 % 251 for i in range(side * channels * bit_depth // 8))
    squeeze = zlib.compressobj(1)
    data = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, bit_depth, colour_type, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )
    return path


def chunk_bomb(path: Path, kind: bytes, after_pixels: bool = False) -> Path:
    """A small PNG with a zTXt or iCCP chunk that inflates to 20 MB (Pillow's limit is 1 MB)."""
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 100, 50)).save(buffer, "PNG")
    png = buffer.getvalue()
    name = b"Comment" if kind == b"zTXt" else b"profile"
    bomb = chunk(kind, name + b"\0\0" + zlib.compress(b"\0" * 20_000_000, 9))
    at = png.index(b"IEND") - 4 if after_pixels else 8 + 25  # before IEND, or after IHDR
    path.write_bytes(png[:at] + bomb + png[at:])
    return path


JPEG_64MP = """\
import sys
from PIL import Image
Image.linear_gradient("L").resize((8000, 8000)).convert("RGB").save(sys.argv[1], quality=80)
"""
"""A 64 MP colour photo: 256 MB decoded whole, so it must be decoded at a reduced size."""


@pytest.fixture(scope="module")
def media_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    palette = chunk(b"PLTE", bytes(range(256)) * 3) + chunk(b"tRNS", bytes(range(256)))
    large_png(folder / "rgba-64mp.png", 8000, 6)
    large_png(folder / "rgba-44mp.png", LARGEST_COLOUR_SIDE, 6)
    large_png(folder / "palette-64mp.png", 8000, 3, extra=palette)
    large_png(folder / "grey16-64mp.png", 8000, 0, bit_depth=16)
    subprocess.run(  # in a child: encoding it takes 256 MB, the test keeps none of it
        [sys.executable, "-c", JPEG_64MP, str(folder / "photo-64mp.jpg")], check=True, timeout=120
    )
    chunk_bomb(folder / "ztxt-bomb.png", b"zTXt")
    chunk_bomb(folder / "iccp-bomb.png", b"iCCP")
    chunk_bomb(folder / "late-ztxt-bomb.png", b"zTXt", after_pixels=True)
    (folder / "loop.png").symlink_to("loop.png")
    (folder / "a.png").symlink_to("b.png")
    (folder / "b.png").symlink_to("a.png")
    return folder


ACCEPTED = ["palette-64mp.png", "grey16-64mp.png", "rgba-44mp.png", "photo-64mp.jpg"]
REFUSED = {
    "rgba-64mp.png": "needs 256 MB to decode",
    "ztxt-bomb.png": "unsafe to decode",
    "iccp-bomb.png": "unsafe to decode",
    "late-ztxt-bomb.png": "damaged",
    "loop.png": "leads back to itself",
    "a.png": "leads back to itself",
}


def exhibit_text(files: list[str]) -> str:
    """One panel per picture, so that each is prepared on its own page."""
    panels = "".join(
        f"  - id: p{n}\n    title: Picture {n}\n    body: One picture.\n"
        f"    images:\n      - file: {name}\n        alt: Picture number {n}.\n"
        for n, name in enumerate(files, 1)
    )
    return f"exhibit:\n  title: Large pictures\npanels:\n{panels}"


# The media module itself ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_bad_file_is_a_media_error_with_a_reason(media_folder: Path, name: str) -> None:
    with pytest.raises(media.MediaError, match=REFUSED[name]):
        media.inspect(media.resolve(media_folder, name))
    with pytest.raises(media.MediaError, match=REFUSED[name]):
        media.PreparedCache().get(media.resolve(media_folder, name), (64, 64), (0, 0, 0))


PEAK_SCRIPT = """\
import re, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from exhibit import media

def status(key):
    return int(re.search(key + r":\\s+(\\d+)", open("/proc/self/status").read())[1]) * 1024

before = status("VmRSS")
box = (int(sys.argv[3]), int(sys.argv[4]))
image = media.prepare(Path(sys.argv[2]), box, (0, 0, 0))
print(image.size[0], image.size[1], status("VmHWM") - before)
"""


@pytest.mark.parametrize("box", [(1920, 1080), (3840, 2160)], ids=["full-hd", "4k"])
@pytest.mark.parametrize("name", ACCEPTED)
def test_preparing_each_large_kind_stays_within_the_memory_budget(
    media_folder: Path, name: str, box: tuple[int, int]
) -> None:
    """For a full-HD screen, and for a 4K one: the pictures are square, so as tall as the box."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(ROOT), str(media_folder / name), *map(str, box)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    width, height, peak = map(int, done.stdout.split())
    assert (width, height) == (box[1], box[1])
    assert peak < media.MEMORY_BUDGET, f"{name}: {peak / 1e6:.0f} MB"


def test_one_image_is_decoded_at_a_time(media_folder: Path) -> None:
    """The panel, the full-screen view and pre-warming may ask at once: one decode runs."""
    cache = media.PreparedCache()
    running = []
    most = []
    real_prepare = media.prepare

    def counting(*args: object) -> Image.Image:
        running.append(1)
        most.append(len(running))
        try:
            time.sleep(0.05)  # long enough for the other threads to arrive
            return real_prepare(*args)  # type: ignore[arg-type]
        finally:
            running.pop()

    small = media_folder / "small.png"
    Image.new("RGB", (50, 40)).save(small)
    paths = [small] * 4
    media.prepare = counting  # type: ignore[assignment]
    try:
        threads = [threading.Thread(target=cache.get, args=(p, (20, 20), (0, 0, 0))) for p in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        media.prepare = real_prepare
    assert max(most) == 1
    assert len(most) == 1  # the same file and box: decoded once, the others waited for it


# --check ---------------------------------------------------------------------------------


def run_measured(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """Exit status, output and peak resident memory (bytes) of one child process."""
    with subprocess.Popen(
        args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as child:
        output = child.stdout.read() if child.stdout else ""
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, output, usage.ru_maxrss * 1024


def test_check_reports_each_bad_file_on_its_line_and_stays_within_budget(
    media_folder: Path,
) -> None:
    names = [*ACCEPTED, *sorted(REFUSED)]
    (media_folder / "plain.yaml").write_text(
        "exhibit:\n  title: Large pictures\npanels:\n  - id: p1\n    title: Picture 1\n",
        encoding="utf-8",
    )
    _, _, baseline = run_measured(
        [sys.executable, str(KIOSK), "plain.yaml", "--check"], media_folder
    )
    (media_folder / "exhibit.yaml").write_text(exhibit_text(names), encoding="utf-8")
    code, output, peak = run_measured(
        [sys.executable, str(KIOSK), "exhibit.yaml", "--check"], media_folder
    )
    assert "Traceback" not in output
    # One severity rule: a picture that cannot be shown is a warning, as the kiosk shows its
    # description instead, so the exhibit passes; each warning names its line.
    assert code == 0
    lines = exhibit_text(names).splitlines()
    for name, reason in REFUSED.items():
        line = next(n for n, text in enumerate(lines, 1) if f"file: {name}" in text)
        assert re.search(rf"exhibit\.yaml:{line}:\d+: warning: .*{reason}", output), output
    assert re.search(r"rgba-64mp\.png.*make it smaller than 44 megapixels", output), output
    for name in ACCEPTED:
        assert name not in output
    assert peak - baseline < media.MEMORY_BUDGET, f"{(peak - baseline) / 1e6:.0f} MB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 < 2 * media.MEMORY_BUDGET


def test_a_symlink_loop_as_the_exhibit_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    logger = logging.getLogger(LOGGER)  # start-up sets up the log: undone after the test
    monkeypatch.setattr(logger, "propagate", logger.propagate)
    monkeypatch.setattr(logger, "handlers", list(logger.handlers))
    loop = tmp_path / "exhibit.yaml"
    loop.symlink_to("exhibit.yaml")
    assert cli.main([str(loop), "--check"]) == exits.BROKEN_EXHIBIT
    assert cli.main([str(loop), "--screenshot", str(tmp_path / "shots")]) == 1
    assert cli.main([str(loop), "--log", str(tmp_path / "log")]) == 1  # start-up
    said = capsys.readouterr()
    assert "symbolic links" in said.out + said.err
    assert "Traceback" not in said.out + said.err


# Start-up and live reload, in a real terminal ---------------------------------------------


def memory_peak(pid: int) -> int:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text)[1]) * 1024  # type: ignore[index]


def wait_until_quiet(pid: int, seconds: float = 60) -> None:
    """Until the process has used no CPU for a second: its pictures are prepared."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        used = int(fields[11]) + int(fields[12])
        if used == last:
            return
        last = used
        time.sleep(1.0)
    raise AssertionError("still busy after a minute")


class PictureKiosk(Terminal):
    def __init__(self, folder: Path, text: str) -> None:
        self.exhibit = folder / "exhibit.yaml"
        self.exhibit.write_text(text, encoding="utf-8")
        self.log_file = folder / "kiosk.log"
        program = [sys.executable, str(KIOSK), str(self.exhibit), "--images", "halfcell"]
        super().__init__(folder, [*program, "--log", str(self.log_file)])
        deadline = time.monotonic() + 30
        while "Large pictures" not in self.text():
            assert self.exited() is None and time.monotonic() < deadline, self.text()[-2000:]
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8") if self.log_file.exists() else ""

    def visit_every_panel(self, names: list[str]) -> None:
        """Every panel in turn; the accepted pictures must be drawn (in half blocks)."""
        for name in names:
            drawn = self.output.count("▀".encode())
            self.type("\x1b[C")
            deadline = time.monotonic() + 60
            while name in ACCEPTED and self.output.count("▀".encode()) <= drawn:
                assert time.monotonic() < deadline, f"{name} was not drawn"
                assert self.exited() is None, self.text()[-2000:]
                time.sleep(0.2)
            wait_until_quiet(self.pid)
            assert self.exited() is None, self.text()[-2000:]


@pytest.fixture
def folder(media_folder: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh exhibit folder with copies of the large files (small on disk; a link would
    lead outside the folder, which is refused) and loops of its own."""
    for path in media_folder.iterdir():
        if path.suffix in (".png", ".jpg") and not path.is_symlink():
            shutil.copyfile(path, tmp_path / path.name)
    (tmp_path / "loop.png").symlink_to("loop.png")
    (tmp_path / "a.png").symlink_to("b.png")
    (tmp_path / "b.png").symlink_to("a.png")
    yield tmp_path


NAMES = [*ACCEPTED, *sorted(REFUSED)]
ONE = "  - id: p1\n    title: Picture 1\n    body: No picture yet.\n"
"""A panel without pictures, for the kiosk whose memory is the baseline."""


def ends_cleanly(k: Terminal) -> None:
    os.kill(k.pid, signal.SIGTERM)
    assert k.wait(SECONDS_TO_END) == exits.OK
    assert "Traceback" not in k.text()


def test_at_start_up_every_picture_is_shown_or_described_within_budget(folder: Path) -> None:
    plain = PictureKiosk(folder, exhibit_text([]).replace("panels:\n", "panels:\n" + ONE))
    try:
        wait_until_quiet(plain.pid)
        baseline = memory_peak(plain.pid)
        ends_cleanly(plain)
    finally:
        plain.close()
    os.remove(folder / "program.pid")
    k = PictureKiosk(folder, exhibit_text(NAMES))
    try:
        k.visit_every_panel(NAMES)
        peak = memory_peak(k.pid) - baseline
        assert peak < media.MEMORY_BUDGET, f"{peak / 1e6:.0f} MB"
        assert "Traceback" not in k.text() and "Traceback" not in k.log()
        ends_cleanly(k)
    finally:
        k.close()


def test_by_live_reload_every_picture_is_shown_or_described_within_budget(
    folder: Path,
) -> None:
    k = PictureKiosk(folder, exhibit_text([]).replace("panels:\n", "panels:\n" + ONE))
    try:
        wait_until_quiet(k.pid)
        baseline = memory_peak(k.pid)
        saved = folder / "exhibit.new"
        saved.write_text(exhibit_text(NAMES), encoding="utf-8")
        os.replace(saved, k.exhibit)
        deadline = time.monotonic() + 30
        while "reloaded" not in k.log():
            assert k.exited() is None and time.monotonic() < deadline, k.log()
            time.sleep(0.2)
        k.visit_every_panel(NAMES)
        peak = memory_peak(k.pid) - baseline
        assert peak < media.MEMORY_BUDGET, f"{peak / 1e6:.0f} MB"
        assert "Traceback" not in k.text() and "Traceback" not in k.log()
        ends_cleanly(k)
    finally:
        k.close()


async def test_a_symlink_loop_saved_over_a_running_exhibit_is_refused(tmp_path: Path) -> None:
    """The reload worker used to raise (RuntimeError) and end the kiosk with status 70."""
    from exhibit.loader import load_exhibit
    from exhibit.ui.app import KioskApp

    path = tmp_path / "exhibit.yaml"
    path.write_text(exhibit_text(["picture.png"]), encoding="utf-8")
    Image.new("RGB", (40, 30), (10, 20, 30)).save(tmp_path / "picture.png")
    exhibit = load_exhibit(path).exhibit
    assert exhibit is not None
    app = KioskApp(exhibit, source=path, reload_interval=0.05)
    assert app.reload is not None
    now = [0.0]
    app.reload.settling.clock = lambda: now[0]
    async with app.run_test(size=(80, 24)) as pilot:
        (tmp_path / "picture.png").unlink()
        (tmp_path / "picture.png").symlink_to("picture.png")  # the picture becomes a loop
        path.unlink()
        path.symlink_to("exhibit.yaml")  # and then the exhibit file
        for _ in range(100):
            if app.has_class("-stale"):
                break
            now[0] += 0.1
            await pilot.pause(0.05)
        assert app.has_class("-stale")  # refused: the last good exhibit stays on screen
        assert app.return_code is None and app.exhibit.title == "Large pictures"
