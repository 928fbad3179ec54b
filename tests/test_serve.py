"""`kiosk serve`: the kiosk in a real browser (Debian's Chromium), one kiosk per tab, nothing
asked of any other host, a polite refusal past --max-sessions, and no kiosk left behind."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from chromium import ONE_WORKER, browser, is_local, outside, shots_folder
from conftest import ROOT
from served import WAIT, Served, Tab, alive, children, serve, wait_until

__all__ = ["browser", "outside", "serve"]  # fixtures, used by name
pytestmark = ONE_WORKER


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
    tab.press("l", then="The keepers' watch")
    # Audio description would speak from the server's speakers, not the visitor's: off, and
    # the help says so.
    tab.press("?", then="Audio description is not available")
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
    # A place is free again: once the server has let the session go, a little after its
    # kiosk ended (on a busy machine the first look may still be refused).
    wait_until(lambda: second.open(served.url) == 200, "a place to be free again")
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
