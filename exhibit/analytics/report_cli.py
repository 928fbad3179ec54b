"""`kiosk report [DB ...] [--since DATE] [--until DATE] [--html FILE] [--lang en|ja] [--csv DIR]`:
what one or more kiosks recorded, in the terminal, as a web page, or as CSV tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .csv_export import write_csv
from .figures import compute
from .html_page import html_report
from .labels import LANGUAGES
from .reading import read_kiosks
from .store import NotARecord, default_database


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write YEAR-MONTH-DAY, e.g. 2026-08-15"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk report",
        description="What the kiosk recorded: visits, holding time, pages, languages, modes. "
        "Several files (one per kiosk) make one report.",
    )
    parser.add_argument(
        "databases",
        nargs="*",
        type=Path,
        metavar="DB",
        help=f"a kiosk's visits.sqlite (default: {default_database()})",
    )
    parser.add_argument("--since", type=_day, metavar="DATE", help="first day")
    parser.add_argument("--until", type=_day, metavar="DATE", help="last day")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write a web page")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="the report's language")
    parser.add_argument("--csv", type=Path, metavar="DIR", help="also write the tables as CSV")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    args.since, args.until = args.since or "", args.until or ""
    if args.since and args.until and args.since > args.until:
        print(f"--since {args.since} is after --until {args.until}", file=sys.stderr)
        return 2
    paths = args.databases or [default_database()]
    try:
        report = compute(read_kiosks(paths), args.since, args.until)
    except NotARecord as problem:
        print(f"{problem}. Give the visits.sqlite file of a kiosk.", file=sys.stderr)
        return 1
    from .terminal import print_report  # Rich, only for the terminal

    print_report(report, args.lang)
    try:
        if args.html:
            args.html.parent.mkdir(parents=True, exist_ok=True)
            args.html.write_text(html_report(report, args.lang), encoding="utf-8")
            print(f"wrote {args.html}")
        if args.csv:
            written = write_csv(report, args.csv)
            print(f"wrote {len(written)} tables in {args.csv}")
    except OSError as error:
        print(f"cannot write there: {error}", file=sys.stderr)
        return 1
    return 0
