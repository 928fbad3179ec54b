"""Pictures in real terminals: the kiosk in xterm with Sixel graphics (vt340 mode) and in
Debian's kitty (0.26, which rejects the Unicode placeholders newer kittys draw), each under a
virtual X server. A screenshot of the window must show the picture, whole (its cyan frame on
every side) and inside the box the layout gives it: nothing cut, nothing spilling, and no
placeholder boxes.

.ci/run installs the tools (Debian: xvfb xterm kitty imagemagick x11-utils xdotool); outside
CI the test is skipped where they are missing."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from waiting import wait_until

from exhibit.loader import load_exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings, widget_class

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("Xvfb", "xterm", "kitty", "import", "xdotool", "xwininfo")
COLUMNS, ROWS = 120, 40
MAGENTA, CYAN = (255, 0, 255), (0, 255, 255)
FRAME = 12
"""The frame's width in the picture's own pixels."""
pytestmark = pytest.mark.xdist_group("x-server")  # one Xvfb (the module's) on one worker

EXHIBIT = """\
exhibit:
  title: Frame test
panels:
  - id: one
    title: A framed picture
    body: The picture beside this text has a cyan frame on every side.
    images:
      - file: framed.png
        alt: A magenta rectangle with a cyan frame.
"""
LABELS = """\
        labels:
          - {text: Middle, x: 0.5, y: 0.5}
          - {text: Foot, x: 0.0, y: 0.99}
"""
"""Words over the picture, one at the start of its last row: a Sixel picture must survive."""


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)} (Debian: xvfb xterm kitty imagemagick ...)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    read, write = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default the server resets whenever its last client leaves, refusing
        # whoever connects meanwhile, and the window searches come and go while a terminal
        # starts ("Can't open display" from xterm, now and then).
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-noreset"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()

    def answers() -> bool:
        # The terminals start only once the server lets a client in.
        assert server.poll() is None, f"Xvfb ended ({server.returncode})"
        look = ["xwininfo", "-root", "-display", f":{number}"]
        return subprocess.run(look, capture_output=True, check=False).returncode == 0

    try:
        # Generous: on a busy 2-core machine the server took 27 s to let the first one in.
        wait_until(answers, f"Xvfb :{number} letting clients in", seconds=120)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(params=["plain", "labelled"])
def framed(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    image = Image.new("RGB", (400, 300), MAGENTA)
    image.paste(CYAN, (0, 0, 400, FRAME))
    image.paste(CYAN, (0, 300 - FRAME, 400, 300))
    image.paste(CYAN, (0, 0, FRAME, 300))
    image.paste(CYAN, (400 - FRAME, 0, 400, 300))
    image.save(tmp_path / "framed.png")
    path = tmp_path / "exhibit.yaml"
    labelled = request.param == "labelled"
    path.write_text(EXHIBIT + (LABELS if labelled else ""), encoding="utf-8")
    return path


async def picture_box(exhibit: Path) -> tuple[int, int, int, int]:
    """Where the layout puts the picture on panel 1, in cells: x, y, width, height."""
    result = load_exhibit(exhibit)
    assert result.exhibit is not None
    widget_class("halfcell")
    app = KioskApp(result.exhibit, images=ImageSettings(mode="halfcell", folder=result.folder))
    async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        region = app.screen.query_one(".picture").region
    return (region.x, region.y, region.width, region.height)


def x(display: str, *command: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    return run.stdout


def window(display: str, name: str, terminal: subprocess.Popen[bytes], said: Path) -> str:
    deadline = time.monotonic() + 90  # generous: a busy 2-core machine, tests in parallel
    while time.monotonic() < deadline:
        ended = terminal.poll()
        assert ended is None, f"{name} ended ({ended}) before its window showed: {said.read_text()}"
        found = x(display, "xdotool", "search", "--onlyvisible", "--class", name).split()
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no {name} window appeared")


def geometry(display: str, wid: str) -> tuple[int, int, int, int]:
    """The window's left, top, width and height on the screen."""
    info = dict(
        line.strip().split(": ", 1)
        for line in x(display, "xwininfo", "-id", wid).splitlines()
        if ": " in line
    )
    return (
        int(info["Absolute upper-left X"]),
        int(info["Absolute upper-left Y"]),
        int(info["Width"]),
        int(info["Height"]),
    )


def shot(display: str, wid: str) -> Image.Image:
    """The window as the screen shows it (taken from the whole screen: kitty draws with
    OpenGL, which a capture of its window alone does not see)."""
    env = {**os.environ, "DISPLAY": display}
    png = subprocess.run(
        ["import", "-window", "root", "png:-"], env=env, capture_output=True, timeout=30, check=True
    ).stdout
    left, top, width, height = geometry(display, wid)
    screen = Image.open(io.BytesIO(png)).convert("RGB")
    return screen.crop((left, top, left + width, top + height))


def close(pixel: Any, colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 60 for a, b in zip(pixel, colour, strict=True))


def coloured_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The bounding box (left, top, right, bottom) of the picture's magenta and cyan."""
    pixels = image.load()
    assert pixels is not None
    width, height = image.size
    found = [
        (px, py)
        for py in range(0, height, 2)
        for px in range(0, width, 2)
        if close(pixels[px, py], MAGENTA) or close(pixels[px, py], CYAN)
    ]
    if not found:
        return None
    xs, ys = [p[0] for p in found], [p[1] for p in found]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def has_cyan(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    pixels = image.load()
    assert pixels is not None
    left, top, right, bottom = box
    return any(
        close(pixels[px, py], CYAN) for px in range(left, right) for py in range(top, bottom)
    )


TERMINALS = {
    "xterm-sixel": (
        "xterm",
        [
            "xterm", "-ti", "vt340", "-xrm", "XTerm*allowSendEvents: true",
            "-xrm", "XTerm*numColorRegisters: 256", "-xrm", "XTerm*internalBorder: 0",
            "-geometry", f"{COLUMNS}x{ROWS}+0+0", "-fa", "DejaVu Sans Mono", "-fs", "10", "-e",
        ],
    ),
    "kitty-0.26": (
        "kitty",
        [
            "kitty", "-o", f"initial_window_width={COLUMNS}c",
            "-o", f"initial_window_height={ROWS}c", "-o", "remember_window_size=no",
            "-o", "window_padding_width=0", "-o", "font_size=10",
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("terminal", TERMINALS)
async def test_the_picture_is_drawn_whole_and_inside_its_box(
    display: str, framed: Path, terminal: str, tmp_path: Path
) -> None:
    cells = await picture_box(framed)
    name, command = TERMINALS[terminal]
    env = {**os.environ, "DISPLAY": display, "LIBGL_ALWAYS_SOFTWARE": "1"}
    log = tmp_path / "kiosk.log"
    kiosk = [sys.executable, str(ROOT / "kiosk.py"), str(framed), "--allow-quit", "--log", str(log)]
    said = tmp_path / f"{terminal}.stderr"  # why a terminal ended, if it does
    with said.open("wb") as errors:
        process = subprocess.Popen(
            [*command, *kiosk], env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    try:
        wid = window(display, name, process, said)
        started = lambda: log.exists() and "started" in log.read_text()  # noqa: E731
        wait_until(started, "the kiosk's start", seconds=90)
        # A key typed while the kiosk still asks the terminal what it can do may be taken as
        # part of the answer: "1" (panel 1, wherever the visitor is) is typed again until the
        # picture shows.
        deadline = time.monotonic() + 120  # generous: the first picture on a busy machine
        typed = 0.0
        while (box := coloured_box(image := shot(display, wid))) is None:
            assert time.monotonic() < deadline, f"{terminal}: no picture on screen"
            if time.monotonic() - typed > 5:
                x(display, "xdotool", "key", "--window", wid, "1")
                typed = time.monotonic()
            time.sleep(0.5)
        time.sleep(1)
        image = shot(display, wid)
        box = coloured_box(image)
        assert box is not None
        shots = Path(os.environ.get("KIOSK_SHOTS") or tmp_path)  # KIOSK_SHOTS: for a person
        kind = "-labelled" if "labels:" in framed.read_text() else ""
        shots.joinpath(f"{terminal}{kind}.png").write_bytes(_png(image))
        _, _, width, height = geometry(display, wid)
        cell_w, cell_h = width / COLUMNS, height / ROWS
        cx, cy, cw, ch = cells
        inside = (cx * cell_w, cy * cell_h, (cx + cw) * cell_w, (cy + ch) * cell_h)
        left, top, right, bottom = box
        assert inside[0] - 2 <= left and right <= inside[2] + 2, (terminal, box, inside)
        assert inside[1] - 2 <= top and bottom <= inside[3] + 2, (terminal, box, inside)
        # Whole: the frame shows on every edge (nothing cut off), the top in its own colour
        # (xterm once drew the first rows of a Sixel picture in another: workarounds/sixel.py).
        edge = 4
        assert has_cyan(image, (left, top, right, top + edge)), f"{terminal}: top wrong"
        assert has_cyan(image, (left, top, left + edge, bottom)), f"{terminal}: left cut"
        assert has_cyan(image, (right - edge, top, right, bottom)), f"{terminal}: right cut"
        assert has_cyan(image, (left, bottom - edge, right, bottom)), f"{terminal}: bottom cut"
        # And it uses its box: the full width of it, or the full height.
        assert right - left >= (inside[2] - inside[0]) - 2 * cell_w or (
            bottom - top >= (inside[3] - inside[1]) - 2 * cell_h
        ), (terminal, box, inside)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
