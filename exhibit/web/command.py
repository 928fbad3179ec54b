"""`kiosk serve [EXHIBIT_YAML] [--host H] [--port P] [--max-sessions N]`: the kiosk in web
browsers, one kiosk per tab.

In a browser the kiosk is not locked down (ctrl+q ends that tab's visit) and never resets to
the title for a stranger (a tab is one person's), but keeps the keys, touch and languages.
A reader at home keeps their own hours: a tab's kiosk ignores kiosk.hours (no rest screen at
night; no attract loop, so no screen care either: that is for the hall's screen). Each tab
builds ahead only the pages next to the one shown, not every page, so that a server holding
many tabs does not hold every page of each (README: memory per session). Nor does a tab open
the staff status screen: the server's log and files are not for whoever types the keys.
Browsers show no Kitty or Sixel pictures: they get half blocks. Audio description is off: it
would speak from the server's speakers, not the visitor's.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..loader import load_exhibit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 4
"""Kiosks at once; each is a process of about 60-80 MB (see README: how many a machine holds)."""
BROWSER_IDLE = "86400"
"""--idle for a browser tab: a day, the longest there is (a tab belongs to one person)."""
CHILD = "import sys; from exhibit.cli import main; sys.exit(main())"


def kiosk_argv(exhibit: Path) -> list[str]:
    """The command for one tab's kiosk: this Python, this exhibit, not locked down."""
    return [
        sys.executable,
        "-c",
        CHILD,
        str(exhibit.resolve()),
        "--allow-quit",
        "--idle",
        BROWSER_IDLE,
        "--images",
        "halfcell",
        "--no-audio",
        "--no-record",
        "--always-open",
        "--no-staff-status",
        "--build-ahead",
        "neighbours",
    ]


def child_environment() -> dict[str, str]:
    """The kiosk a tab gets is this same code, wherever the server was started from."""
    package_root = str(Path(__file__).resolve().parent.parent.parent)
    paths = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {"PYTHONPATH": os.pathsep.join(paths)}


def _sessions(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError("give a number of sessions from 1 to 1000")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError("give a port number from 1 to 65535, e.g. 8000")
    return int(text)


def build_parser(default_exhibit: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk serve",
        description="Serve the kiosk to web browsers, one kiosk per tab. There is no password: "
        "it listens on this computer only unless --host says otherwise.",
    )
    parser.add_argument(
        "exhibit", nargs="?", type=Path, default=default_exhibit, help="the exhibit file"
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="the address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help="the port (default: %(default)s)"
    )
    parser.add_argument(
        "--max-sessions",
        type=_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help="kiosks at once; later visitors are asked to come back (default: %(default)s)",
    )
    return parser


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def main(argv: Sequence[str], default_exhibit: Path) -> int:
    args = build_parser(default_exhibit).parse_args(argv)
    result = load_exhibit(args.exhibit)
    if result.exhibit is None:
        from ..cli import report

        report(result, sys.stderr)
        print("The kiosk was not served. Fix the errors above, then try again.", file=sys.stderr)
        return 1
    try:
        from .server import KioskServer
    except ImportError as error:  # pragma: no cover - a dependency of the package
        print(f"kiosk serve needs textual-serve ({error})", file=sys.stderr)
        return 1
    if not _is_loopback(args.host):
        print(
            f"warning: anyone who can reach {args.host} can use the kiosk; there is no password",
            file=sys.stderr,
        )
    server = KioskServer(
        kiosk_argv(args.exhibit),
        child_environment(),
        result.exhibit,
        host=args.host,
        port=args.port,
        max_sessions=args.max_sessions,
    )
    try:
        server.serve()
    except OSError as error:
        print(f"cannot listen on {args.host}:{args.port} ({error.strerror})", file=sys.stderr)
        return 1
    return 0
