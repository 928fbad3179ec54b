"""`kiosk serve`: the kiosk in a real browser (Debian's Chromium), one kiosk per tab, nothing
asked of any other host, a polite refusal past --max-sessions, and no kiosk left behind."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import browser, is_local, new_page, outside, shots_folder
from conftest import ROOT

__all__ = ["browser", "outside"]  # fixtures, used by name

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
    """Poll `condition`; `pause` lets a browser tab handle its events meanwhile (Playwright's
    sync API delivers them only while it is called)."""
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        if pause is None:
            time.sleep(0.1)
        else:
            pause()


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


def test_a_visitor_turns_pages_and_reads_japanese_in_a_browser(
    serve: Callable[..., Served], browser: Any, outside: Any
) -> None:
    served = serve()
    tab = Tab(browser, outside)
    assert tab.open(served.url) == 200
    tab.wait_for_kiosk("Three towers and their keepers.")
    before = tab.page.screenshot()
    tab.press("ArrowRight", then="Building on the rocks")
    turned = tab.page.screenshot()
    assert turned != before
    tab.press("l", then="岩の上に建てる")  # the language key, on the same panel
    tab.press("ArrowRight", then="灯台守の見張り")
    shots = shots_folder()
    if shots is not None:
        (shots / "serve-lighthouses-ja.png").write_bytes(tab.page.screenshot())
    # The page's fonts are its own (no Google Fonts): the terminal's face covers kana and kanji.
    assert tab.page.evaluate("document.fonts.check('16px \"Roboto Mono\"', '灯台守')")
    assert tab.sockets and all(is_local(url) for url in tab.sockets), tab.sockets
    tab.close()
    assert outside.requests == []


def test_a_tab_past_the_limit_is_refused_politely(
    serve: Callable[..., Served], browser: Any, outside: Any
) -> None:
    served = serve("--max-sessions", "1")
    first = Tab(browser, outside)
    first.open(served.url)
    first.wait_for_kiosk("Three towers and their keepers.")
    second = Tab(browser, outside)
    assert second.open(served.url) == 503
    assert second.page.locator("h1").first.inner_text() == "The kiosk is busy"
    assert "混み合っています" in second.page.inner_text("body")  # in every language
    assert len(served.kiosks()) == 1  # no process was started for the refused tab
    first.close()
    wait_until(lambda: not served.kiosks(), "the first tab's kiosk to end")
    assert second.open(served.url) == 200  # a place is free again
    second.wait_for_kiosk("Three towers and their keepers.")
    second.close()
    assert outside.requests == []


def test_closing_tabs_ends_their_kiosks(
    serve: Callable[..., Served], browser: Any, outside: Any
) -> None:
    served = serve("--max-sessions", "3")
    tabs = [Tab(browser, outside) for _ in range(2)]
    for tab in tabs:
        tab.open(served.url)
        tab.wait_for_kiosk("Three towers and their keepers.")
    kiosks = served.kiosks()
    assert len(kiosks) == 2
    tabs[0].close()
    wait_until(lambda: len(served.kiosks()) == 1, "one kiosk to end with its tab")
    assert served.kiosks() < kiosks  # the other tab's kiosk runs on
    tabs[1].close()
    wait_until(lambda: not served.kiosks(), "the last kiosk to end with its tab")
    assert served.process.poll() is None  # the server itself serves on


def test_stopping_the_server_ends_every_kiosk(
    serve: Callable[..., Served], browser: Any, outside: Any
) -> None:
    served = serve()
    tab = Tab(browser, outside)
    tab.open(served.url)
    tab.wait_for_kiosk("Three towers and their keepers.")
    kiosks = served.kiosks()
    assert len(kiosks) == 1
    served.process.terminate()
    assert served.process.wait(timeout=WAIT) == 0
    wait_until(lambda: not any(alive(pid) for pid in kiosks), "the kiosk to end with the server")
    ended = lambda: "-closed" in tab.page.evaluate("document.body.className")  # noqa: E731
    wait_until(ended, "the page to say the visit ended", tab.pause)
    tab.close()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_page_names_no_other_host_and_offers_the_website(
    serve: Callable[..., Served],
) -> None:
    served = serve(site_url="https://museum.example/lights")
    with urllib.request.urlopen(served.url, timeout=30) as response:
        page = response.read().decode("utf-8")
    # The only address beyond this machine is the link to the exhibit's website.
    assert re.findall(r"https?://[^\s\"'<>]+", page) == ["https://museum.example/lights/en/"]
    assert "fonts.googleapis" not in page and '<html lang="en">' in page


def test_serve_listens_on_this_computer_only_by_default() -> None:
    from exhibit.web.command import DEFAULT_HOST, build_parser

    args = build_parser(ROOT / "exhibit.yaml").parse_args([])
    assert args.host == DEFAULT_HOST == "127.0.0.1"


def test_a_kiosk_that_will_not_quit_is_terminated_then_killed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In a thread of its own: this module's browser (Playwright's sync API) holds an event
    # loop in the main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, stubborn_session_is_killed(monkeypatch)).result(timeout=WAIT)


async def stubborn_session_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual_serve.download_manager import DownloadManager

    from exhibit.web import sessions

    monkeypatch.setattr(sessions, "GRACE_SECONDS", 0.5)
    stubborn = (  # answers like a Textual app, then ignores the quit message and SIGTERM
        "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('__GANGLION__', flush=True); time.sleep(600)"
    )

    async def nothing(*_: object) -> None:
        return None

    session = sessions.KioskSession(
        [sys.executable, "-c", stubborn],
        {},
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    await session.start(80, 24)
    pid = session.pid
    assert pid is not None and pid in children(os.getpid())
    try:
        await session.stop()
        assert pid not in children(os.getpid())
    finally:
        if pid in children(os.getpid()):  # a broken stop(): leave no process behind
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def test_a_broken_exhibit_is_not_served(tmp_path: Path) -> None:
    broken = tmp_path / "exhibit.yaml"
    broken.write_text("exhibit:\n  titel: x\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "kiosk.py"), "serve", str(broken), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert "unknown key 'titel'" in run.stderr and "not served" in run.stderr
