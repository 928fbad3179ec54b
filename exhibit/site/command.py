"""`kiosk site DIR [EXHIBIT_YAML]`: write the exhibit's website into DIR."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..loader import load_exhibit


def build_parser(default_exhibit: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk site",
        description="Write the exhibit as a static, accessible website: a page per panel per "
        "language, no script, nothing from other hosts. Any web server can serve the folder.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="where to write the site")
    parser.add_argument(
        "exhibit",
        nargs="?",
        type=Path,
        default=default_exhibit,
        help="the exhibit file (default: the bundled exhibit.yaml)",
    )
    return parser


def main(argv: Sequence[str], default_exhibit: Path) -> int:
    args = build_parser(default_exhibit).parse_args(argv)
    if args.folder.exists() and not args.folder.is_dir():
        print(f"{args.folder}: is a file; give a folder for the website", file=sys.stderr)
        return 1
    result = load_exhibit(args.exhibit)
    if result.exhibit is None:
        from ..cli import report

        report(result, sys.stderr)
        print("No website was written. Fix the errors above, then try again.", file=sys.stderr)
        return 1
    from .writer import write_site

    try:
        written = write_site(result.exhibit, result.folder, args.folder, result.editions)
    except OSError as error:
        print(f"{args.folder}: cannot write the website here ({error})", file=sys.stderr)
        return 1
    for problem in written.problems:
        print(f"warning: {problem}", file=sys.stderr)
    index = args.folder / "index.html"
    print(f"{len(written.files)} files in {args.folder}; open {index} in a browser")
    return 0
