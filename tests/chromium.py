"""Headless Chromium for the website and browser-kiosk tests: Debian's chromium driven by
Playwright (never a downloaded browser), and the npm tools .ci/run installs into build/npm.

A page may ask for nothing but this machine: every other request fails the test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

NODE_MODULES = ROOT / "build" / "npm" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTML_VALIDATE = NODE_MODULES / ".bin" / "html-validate"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

ONE_WORKER = pytest.mark.xdist_group("chromium")
"""For a module's `pytestmark`: its tests share one browser (the module-scoped fixture), so
they run together on one parallel worker (pytest-xdist), never two Chromiums at once."""


def need(ready: bool, what: str) -> None:
    """Skip when a tool is missing on a developer's machine; in CI (.ci/run installs it) fail."""
    if not ready:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing, but .ci/run installs it")
        pytest.skip(f"{what} is not installed (see .ci/run)")


def chromium_path() -> str:
    path = shutil.which("chromium")
    need(path is not None, "Debian's chromium")
    assert path is not None
    return path


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "about", "blob"):
        return True
    return parts.hostname in LOCAL_HOSTS


class Outside:
    """Requests for anything beyond this machine, refused and kept for the test to fail on."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    def route(self, route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright (pip install -e '.[test]')")
        raise
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def outside() -> Outside:
    return Outside()


def new_page(browser: Any, outside: Outside, **options: Any) -> Any:
    """A fresh page whose every request beyond this machine is refused and recorded."""
    context = browser.new_context(**options)
    context.route("**/*", outside.route)
    return context.new_page()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG A and AA and best practices)."""
    need(AXE.is_file(), "axe-core (npm, in build/npm)")
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("axe.run(document)")
    return list(result["violations"])


def shots_folder() -> Path | None:
    """Where to keep screenshots for a person to look at (env SHOTS), if anywhere."""
    folder = os.environ.get("SHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
