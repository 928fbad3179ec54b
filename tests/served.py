"""A served kiosk for the browser tests: `kiosk serve` on a free local port with a small
two-language exhibit, and a Chromium tab that keeps what the kiosk sent it."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import waiting
from chromium import new_page
from conftest import ROOT

WAIT = 60.0
"""Seconds to wait for a kiosk to start or end: generous, for a busy 2-core machine."""

EXHIBIT = """\
exhibit:
  title: {en: Lighthouses, ja: 灯台}
  languages: [en, ja]
  intro: {en: Three towers and their keepers., ja: 三つの塔と灯台守。}
panels:
  - id: towers
    title: {en: Building on the rocks, ja: 岩の上に建てる}
    body: {en: Granite blocks were set at low tide., ja: 花崗岩の石材を干潮時に積みました。}
  - id: keepers
    title: {en: The keepers' watch, ja: 灯台守の見張り}
    body: {en: Keepers lived in shifts of three., ja: 灯台守は三交代で暮らしました。}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(
    condition: Callable[[], bool], what: str, pause: Callable[[], object] | None = None
) -> None:
    """The tests' one wait (tests/waiting.py), with the browser tests' patience."""
    waiting.wait_until(condition, what, seconds=WAIT, pause=pause)


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (the server's kiosks)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self.process = process
        self.url = f"http://127.0.0.1:{port}/"

    def kiosks(self) -> set[int]:
        return children(self.process.pid)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[subprocess.Popen[bytes]] = []
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(EXHIBIT, encoding="utf-8")

    def start(*options: str, site_url: str = "") -> Served:
        if site_url:
            exhibit.write_text(
                EXHIBIT.replace("  languages:", f"  site_url: {site_url}\n  languages:"),
                encoding="utf-8",
            )
        port = free_port()
        command = [sys.executable, str(ROOT / "kiosk.py"), "serve", str(exhibit)]
        process = subprocess.Popen(
            [*command, "--port", str(port), *options],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        served = Served(process, port)

        def answers() -> bool:
            try:
                with urllib.request.urlopen(served.url, timeout=5):
                    return True
            except OSError:
                return False

        wait_until(answers, "the server to answer")
        return served

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=WAIT)


class Tab:
    """A browser tab on the served kiosk, with everything the kiosk sent it as text."""

    def __init__(self, browser: Any, outside: Any) -> None:
        self.page = new_page(browser, outside, viewport={"width": 1100, "height": 700})
        self.received: list[bytes] = []
        self.sockets: list[str] = []
        self.page.on("websocket", self._watch)

    def _watch(self, websocket: Any) -> None:
        self.sockets.append(websocket.url)  # route() does not see WebSockets: checked here
        websocket.on("framereceived", self._keep)

    def _keep(self, frame: Any) -> None:
        self.received.append(frame if isinstance(frame, bytes) else frame.encode())

    def pause(self) -> None:
        self.page.wait_for_timeout(100)

    def screen_text(self) -> str:
        return b"".join(self.received).decode("utf-8", "replace")

    def open(self, url: str) -> int:
        response = self.page.goto(url)
        return int(response.status) if response is not None else 0

    def wait_for_kiosk(self, words: str) -> None:
        """Until the kiosk has drawn `words`; then the terminal gets the keyboard."""
        wait_until(lambda: words in self.screen_text(), f"{words!r} in the browser", self.pause)
        self.page.focus(".xterm-helper-textarea")

    def press(self, key: str, then: str) -> None:
        self.received.clear()
        self.page.keyboard.press(key)
        wait_until(lambda: then in self.screen_text(), f"{then!r} after {key}", self.pause)

    def close(self) -> None:
        self.page.context.close()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
