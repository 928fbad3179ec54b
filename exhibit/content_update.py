"""Many kiosks, one content repository: fetch the exhibit from git, check it, and switch the live
exhibit to it only if it would load.

Run by a systemd timer (deploy/museum-kiosk-content.timer) as

    python3 -m exhibit.content_update --repo URL --ref main --root /var/lib/museum-kiosk/content

Under ROOT:
    git/                 a bare clone of the content repository (fetched, never checked out)
    releases/<commit>/   one folder per commit that passed the check, extracted with `git archive`
    current              a symbolic link to the live release; the kiosk shows current/exhibit.yaml
    last-update.json     what the last run did, for staff and monitoring tools

The switch is one rename of a symbolic link, so a kiosk reading `current/exhibit.yaml` sees either
the old release or the new one, never a mixture; its live reload notices the new file within
seconds. A commit that does not load (any error, the same rule as the kiosk's start-up) never
becomes `current`: the last good release stays up and the run exits 2 with the problems in the log.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .loader import load_exhibit
from .logs import LOGGER, default_log_file, setup_logging

log = logging.getLogger(LOGGER)

EXHIBIT_FILE = "exhibit.yaml"
KEEP_RELEASES = 3  # the live one and two before it, so a kiosk mid-reload never loses its files

# Exit statuses for the systemd unit: 0 switched or already current, 1 fetch failed, 2 refused.
UPDATED, FETCH_FAILED, REFUSED = 0, 1, 2


@dataclass(frozen=True)
class Outcome:
    """One run, as written to last-update.json."""

    status: str  # "switched", "unchanged", "refused" or "fetch failed"
    commit: str
    live: str  # the commit visitors see after this run
    problems: tuple[str, ...]
    finished: str


class UpdateError(Exception):
    """git could not fetch or read the content repository."""


def _git(git_dir: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(
        ["git", "--git-dir", str(git_dir), *args],
        input=stdin,
        capture_output=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise UpdateError(done.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
    return done.stdout


def fetch(repo: str, ref: str, git_dir: Path) -> str:
    """The commit `ref` names in `repo`, fetched into the bare clone at `git_dir`."""
    if not git_dir.exists():
        git_dir.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "--quiet", "--bare", str(git_dir)], check=True)
    _git(git_dir, "fetch", "--quiet", "--force", "--no-tags", repo, f"{ref}:refs/kiosk/live")
    return _git(git_dir, "rev-parse", "refs/kiosk/live^{commit}").decode().strip()


def extract(git_dir: Path, commit: str, folder: Path) -> None:
    """The commit's files into `folder`, through tarfile's `data` filter (no links out, no
    devices, no absolute paths), written to a temporary name first."""
    archive = _git(git_dir, "archive", "--format=tar", commit)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(partial, filter="data")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    os.replace(partial, folder)


def live_commit(root: Path) -> str:
    """The commit `current` points at, or "" before the first switch."""
    current = root / "current"
    return Path(os.readlink(current)).name if current.is_symlink() else ""


def switch(root: Path, release: Path) -> None:
    """Point `current` at `release` in one rename."""
    staged = root / "current.next"
    staged.unlink(missing_ok=True)
    staged.symlink_to(Path("releases") / release.name)
    os.replace(staged, root / "current")


def prune(root: Path, keep: int) -> None:
    """Remove old releases, newest kept first; the live one is always kept."""
    live = live_commit(root)
    releases = sorted(
        (path for path in (root / "releases").iterdir() if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for path in releases[keep:]:
        if path.name != live:
            shutil.rmtree(path, ignore_errors=True)


def update(repo: str, ref: str, root: Path, *, keep: int = KEEP_RELEASES) -> Outcome:
    """Fetch, check and (if it loads) switch. Raises UpdateError if git fails."""
    commit = fetch(repo, ref, root / "git")
    live = live_commit(root)
    if commit == live:
        return _outcome("unchanged", commit, live, ())
    release = root / "releases" / commit
    if not release.is_dir():
        try:
            extract(root / "git", commit, release)
        except tarfile.FilterError as error:
            name = getattr(error.tarinfo, "name", "a file")
            problem = (
                f"{name}: a link to a file outside the exhibit, which the kiosk does not "
                "follow; commit the file itself instead of a link"
            )
            return _outcome("refused", commit, live, (problem,))
    result = load_exhibit(release / EXHIBIT_FILE)
    problems = tuple(str(problem) for problem in result.problems.sorted())
    if result.exhibit is None:
        shutil.rmtree(release, ignore_errors=True)
        return _outcome("refused", commit, live, problems)
    os.utime(release)  # newest first when pruning
    switch(root, release)
    prune(root, keep)
    return _outcome("switched", commit, commit, problems)


def _outcome(status: str, commit: str, live: str, problems: tuple[str, ...]) -> Outcome:
    finished = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    return Outcome(status, commit, live, problems, finished)


def record(root: Path, outcome: Outcome) -> None:
    """last-update.json, replaced whole (never half-written)."""
    staged = root / "last-update.json.next"
    staged.write_text(json.dumps(asdict(outcome), indent=2, ensure_ascii=False) + "\n")
    os.replace(staged, root / "last-update.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m exhibit.content_update",
        description="Fetch the exhibit from a git repository; switch to it only if it loads.",
    )
    parser.add_argument("--repo", required=True, help="the content repository (URL or path)")
    parser.add_argument("--ref", default="main", help="branch or tag to show (default: main)")
    parser.add_argument("--root", type=Path, required=True, help="where releases are kept")
    parser.add_argument("--keep", type=int, default=KEEP_RELEASES, help="releases to keep")
    parser.add_argument("--log", type=Path, default=default_log_file(), help="log file")
    args = parser.parse_args(argv)
    setup_logging(args.log)
    args.root.mkdir(parents=True, exist_ok=True)
    try:
        outcome = update(args.repo, args.ref, args.root, keep=max(1, args.keep))
    except (UpdateError, OSError, subprocess.SubprocessError) as error:
        log.error("content update: could not fetch %s %s: %s", args.repo, args.ref, error)
        live = live_commit(args.root)
        record(args.root, _outcome("fetch failed", "", live, (str(error),)))
        print(f"content update failed: {error}", file=sys.stderr)
        return FETCH_FAILED
    record(args.root, outcome)
    for problem in outcome.problems:
        log.warning("content update %s: %s", outcome.commit[:12], problem)
    if outcome.status == "refused":
        log.error(
            "content update: %s has errors; visitors keep %s",
            outcome.commit[:12],
            outcome.live[:12] or "nothing",
        )
        print("\n".join(outcome.problems), file=sys.stderr)
        print(
            f"refused {outcome.commit[:12]}: it has errors; still showing "
            f"{outcome.live[:12] or 'nothing'}",
            file=sys.stderr,
        )
        return REFUSED
    log.info("content update: %s %s", outcome.status, outcome.commit[:12])
    print(f"{outcome.status}: {outcome.commit[:12]}")
    return UPDATED


if __name__ == "__main__":
    raise SystemExit(main())
