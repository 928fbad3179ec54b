"""The Ansible playbooks in deploy/ansible/: accepted by ansible-playbook and ansible-lint, and a
real run against this machine (connection=local) into a throwaway folder, with the steps that
change the system's packages, users and services switched off (kiosk_manage_system=false)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ANSIBLE = ROOT / "deploy" / "ansible"
PLAYBOOKS = [ANSIBLE / "kiosks.yml", ANSIBLE / "collect-analytics.yml"]


def tool(name: str) -> str:
    """A command installed beside this Python (a venv's bin/, not always on PATH), else PATH's."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name) or name


needs_ansible = pytest.mark.skipif(
    shutil.which(tool("ansible-playbook")) is None and not os.environ.get("CI"),
    reason="ansible-core is not installed (pip install -e '.[test]')",
)

EXHIBIT = """\
exhibit:
  title: Lighthouses of the North Coast
panels:
  - id: keepers
    title: The keepers
    body: Keepers lived here with their families.
"""


def ansible_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ANSIBLE_LOCAL_TEMP": str(tmp_path / "ansible-tmp"),
        "ANSIBLE_REMOTE_TEMP": str(tmp_path / "ansible-tmp"),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "0",
        "ANSIBLE_HOST_KEY_CHECKING": "0",
        # ansible-lint runs ansible-playbook and friends by name: the venv's bin/ first.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def run(*argv: str, tmp_path: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ansible_env(tmp_path),
        check=False,
    )


@needs_ansible
@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda path: path.name)
def test_the_playbooks_pass_the_syntax_check(playbook: Path, tmp_path: Path) -> None:
    inventory = ANSIBLE / "inventory.example.ini"
    done = run(
        tool("ansible-playbook"),
        "--syntax-check",
        "-i",
        str(inventory),
        str(playbook),
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@needs_ansible
def test_the_playbooks_pass_ansible_lint(tmp_path: Path) -> None:
    done = run(tool("ansible-lint"), "--offline", "--nocolor", str(ANSIBLE), tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Curator",
        "GIT_AUTHOR_EMAIL": "curator@museum.invalid",
        "GIT_COMMITTER_NAME": "Curator",
        "GIT_COMMITTER_EMAIL": "curator@museum.invalid",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@needs_ansible
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="the playbook packs a git checkout")
def test_the_playbook_provisions_a_kiosk_into_a_throwaway_folder(tmp_path: Path) -> None:
    content = tmp_path / "content-repo"
    content.mkdir()
    git(content, "init", "--quiet", "--initial-branch=main")
    (content / "exhibit.yaml").write_text(EXHIBIT, encoding="utf-8")
    git(content, "add", "exhibit.yaml")
    git(content, "commit", "--quiet", "-m", "first exhibit")
    prefix = tmp_path / "machine"
    inventory = tmp_path / "inventory.ini"
    inventory.write_text(
        "[kiosks]\n"
        f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n"
    )
    done = run(
        tool("ansible-playbook"),
        "-i",
        str(inventory),
        str(ANSIBLE / "kiosks.yml"),
        "-e",
        f"kiosk_prefix={prefix}",
        "-e",
        "kiosk_manage_system=false",
        "-e",
        "kiosk_venv_site_packages=true",
        "-e",
        f"kiosk_content_repo={content}",
        "-e",
        f"kiosk_source={ROOT}",
        tmp_path=tmp_path,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    home = prefix / "opt" / "museum-kiosk"
    assert (home / "kiosk.py").is_file()
    # The kiosk program installed in its own environment really runs, and checks an exhibit.
    live = prefix / "var" / "lib" / "museum-kiosk-content" / "current" / "exhibit.yaml"
    assert live.read_text(encoding="utf-8") == EXHIBIT
    check = subprocess.run(
        [str(home / "venv" / "bin" / "kiosk"), str(live), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    unit = (prefix / "etc" / "systemd" / "system" / "museum-kiosk.service").read_text()
    assert "/var/lib/museum-kiosk-content/current/exhibit.yaml" in unit
    assert (prefix / "etc" / "systemd" / "system" / "museum-kiosk-content.timer").is_file()
    env = (prefix / "etc" / "museum-kiosk" / "content.env").read_text()
    assert f"CONTENT_REPO={content}" in env


@needs_ansible
def test_collecting_figures_brings_each_kiosks_database_home(tmp_path: Path) -> None:
    prefix = tmp_path / "machine"
    database = prefix / "var" / "lib" / "museum-kiosk" / "visits.sqlite"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"SQLite format 3\x00 stand-in")
    inventory = tmp_path / "inventory.ini"
    inventory.write_text(
        f"[kiosks]\nhall-1 ansible_connection=local ansible_python_interpreter={sys.executable}\n"
    )
    into = tmp_path / "analytics"
    done = run(
        tool("ansible-playbook"),
        "-i",
        str(inventory),
        str(ANSIBLE / "collect-analytics.yml"),
        "-e",
        f"kiosk_prefix={prefix}",
        "-e",
        "kiosk_manage_system=false",
        "-e",
        f"kiosk_collect_into={into}",
        tmp_path=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (into / "hall-1" / "visits.sqlite").read_bytes() == database.read_bytes()
