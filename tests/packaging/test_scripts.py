"""The packaging scripts: valid shell, and install.sh installing into a prefix and back out."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest

from tests.packaging.conftest import APP_ID, ICONS, LINUX, PACKAGING

SCRIPTS = sorted(PACKAGING.rglob("*.sh"))


def test_the_scripts_are_all_here():
    names = {path.name for path in SCRIPTS}
    assert {"build.sh", "smoke.sh", "install.sh", "check_fresh_clone.sh",
            "render_icons.sh", "wheel_smoke.sh"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_script_is_valid_bash(script):
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _fake_unpacked_tarball(folder):
    """The tarball's layout with a stand-in program instead of the real bundle."""
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    app = folder / "app"
    (app / "_internal").mkdir(parents=True)
    program = app / "reader"
    program.write_text("#!/bin/sh\necho reader 0.0\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    share = folder / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(LINUX / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icon_dir = share / "icons" / "hicolor" / "48x48" / "apps"
    icon_dir.mkdir(parents=True)
    shutil.copy(ICONS / "reader-48.png", icon_dir / f"{APP_ID}.png")


def test_install_script_installs_into_prefix_and_uninstalls(tmp_path):
    unpacked, prefix = tmp_path / "reader-x", tmp_path / "prefix"
    unpacked.mkdir()
    _fake_unpacked_tarball(unpacked)
    env = {**os.environ, "PREFIX": str(prefix)}
    library = prefix / "share" / "Reader" / "library.sqlite3"  # the user's data: kept
    library.parent.mkdir(parents=True)
    library.write_text("data")

    done = subprocess.run(["bash", str(unpacked / "install.sh")], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    command = prefix / "bin" / "reader"
    assert subprocess.run([str(command)], capture_output=True, text=True).stdout == "reader 0.0\n"
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={prefix}/lib/reader/reader\n" in desktop
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").exists()

    undone = subprocess.run(["bash", str(unpacked / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert undone.returncode == 0, undone.stderr
    assert not command.exists() and not command.is_symlink()
    assert not (prefix / "lib" / "reader").exists()
    assert not (prefix / "share" / "applications" / f"{APP_ID}.desktop").exists()
    assert library.read_text() == "data"
