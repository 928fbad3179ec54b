"""Content from a git repository: a good commit goes live, a bad one never does, and the kiosk
keeps the last good exhibit (exhibit/content_update.py), tested against a local repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from exhibit import content_update
from exhibit.loader import load_exhibit

GOOD = """\
exhibit:
  title: Lighthouses of the North Coast
panels:
  - id: {panel}
    title: {title}
    body: Keepers lived here with their families.
"""

BAD = """\
exhibit:
  titel: Lighthouses of the North Coast
panels: []
"""


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Curator",
        "GIT_AUTHOR_EMAIL": "curator@museum.invalid",
        "GIT_COMMITTER_NAME": "Curator",
        "GIT_COMMITTER_EMAIL": "curator@museum.invalid",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def commit(repo: Path, text: str, message: str) -> str:
    (repo / "exhibit.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "exhibit.yaml")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "content-repo"
    path.mkdir()
    git(path, "init", "--quiet", "--initial-branch=main")
    return path


def run(repo: Path, root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The command the systemd unit runs, as a separate process."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "exhibit.content_update",
            "--repo",
            str(repo),
            "--root",
            str(root),
            "--log",
            str(root.parent / "kiosk.log"),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def live_title(root: Path) -> str:
    """What a kiosk started on current/exhibit.yaml would show as the first panel's title."""
    result = load_exhibit(root / "current" / "exhibit.yaml")
    assert result.exhibit is not None
    return result.exhibit.panels[0].title


def test_a_good_commit_goes_live_a_bad_one_never_does(repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "kiosk-content"
    first = commit(repo, GOOD.format(panel="keepers", title="The keepers"), "first panel")

    done = run(repo, root)
    assert done.returncode == content_update.UPDATED, done.stderr
    assert live_title(root) == "The keepers"
    assert content_update.live_commit(root) == first

    bad = commit(repo, BAD, "a curator's typo")
    done = run(repo, root)
    assert done.returncode == content_update.REFUSED
    assert "titel" in done.stderr  # the curator's message, line-numbered like --check
    assert "still showing" in done.stderr
    assert live_title(root) == "The keepers"  # visitors never saw the bad commit
    assert not (root / "releases" / bad).exists()
    status = json.loads((root / "last-update.json").read_text())
    assert status["status"] == "refused"
    assert status["commit"] == bad and status["live"] == first

    fixed = commit(repo, GOOD.format(panel="keepers", title="The keepers' families"), "fix")
    done = run(repo, root)
    assert done.returncode == content_update.UPDATED, done.stderr
    assert live_title(root) == "The keepers' families"
    assert json.loads((root / "last-update.json").read_text())["live"] == fixed


def test_running_again_without_a_new_commit_changes_nothing(repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "kiosk-content"
    commit(repo, GOOD.format(panel="keepers", title="The keepers"), "first")
    assert run(repo, root).returncode == 0
    before = os.readlink(root / "current")
    done = run(repo, root)
    assert done.returncode == 0
    assert done.stdout.startswith("unchanged")
    assert os.readlink(root / "current") == before


def test_a_tag_can_be_shown_instead_of_a_branch(repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "kiosk-content"
    commit(repo, GOOD.format(panel="keepers", title="Opening day"), "opening")
    git(repo, "tag", "opening-2027")
    commit(repo, GOOD.format(panel="keepers", title="Work in progress"), "draft")
    assert run(repo, root, "--ref", "opening-2027").returncode == 0
    assert live_title(root) == "Opening day"


def test_an_unreachable_repository_keeps_the_live_exhibit(repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "kiosk-content"
    commit(repo, GOOD.format(panel="keepers", title="The keepers"), "first")
    assert run(repo, root).returncode == 0
    done = run(tmp_path / "no-such-repository", root)
    assert done.returncode == content_update.FETCH_FAILED
    assert "Traceback" not in done.stderr
    assert live_title(root) == "The keepers"
    assert json.loads((root / "last-update.json").read_text())["status"] == "fetch failed"


def test_old_releases_are_pruned_but_the_live_one_stays(repo: Path, tmp_path: Path) -> None:
    root = tmp_path / "kiosk-content"
    commits = []
    for n in range(4):
        commits.append(commit(repo, GOOD.format(panel="keepers", title=f"Edit {n}"), f"edit {n}"))
        assert run(repo, root, "--keep", "2").returncode == 0
    kept = sorted(path.name for path in (root / "releases").iterdir())
    assert kept == sorted(commits[-2:])
    assert live_title(root) == "Edit 3"


def test_a_link_out_of_the_release_is_not_followed(repo: Path, tmp_path: Path) -> None:
    """A symbolic link committed to the content repository cannot point the kiosk at files
    outside its release (tarfile's data filter refuses it)."""
    root = tmp_path / "kiosk-content"
    (repo / "media").mkdir()
    (repo / "media" / "secret.png").symlink_to("/etc/passwd")
    git(repo, "add", "media/secret.png")
    commit(repo, GOOD.format(panel="keepers", title="The keepers"), "with a link")
    done = run(repo, root)
    assert "Traceback" not in done.stderr
    assert done.returncode == content_update.REFUSED
    assert "media/secret.png: a link to a file outside the exhibit" in done.stderr
    assert not (root / "current").exists()
    assert list((root / "releases").iterdir()) == []


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None and not os.environ.get("CI"),
    reason="systemd-analyze is not installed here",
)
def test_systemd_accepts_the_content_units(tmp_path: Path) -> None:
    """The service and its timer, verified as test_deploy.py verifies the kiosk's units: only
    the program path (absent here) and the environment file are replaced."""
    deploy = Path(__file__).resolve().parent.parent / "deploy"
    for name in ("museum-kiosk-content.service", "museum-kiosk-content.timer"):
        lines = (deploy / name).read_text(encoding="utf-8").splitlines()
        lines = [
            f"ExecStart={sys.executable} -c pass"
            if line.startswith("ExecStart=")
            else f"EnvironmentFile=-{tmp_path / 'content.env'}"
            if line.startswith("EnvironmentFile=")
            else line
            for line in lines
        ]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in ("museum-kiosk-content.service", "museum-kiosk-content.timer"):
        done = subprocess.run(
            ["systemd-analyze", "verify", str(tmp_path / name)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            check=False,
        )
        complaints = [
            line
            for line in (done.stdout + done.stderr).splitlines()
            if "Unknown" in line or "Failed" in line or "Invalid" in line or "bad" in line
        ]
        assert complaints == [], done.stdout + done.stderr
