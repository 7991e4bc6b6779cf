"""The one-sentence explanation given instead of Qt's abort when the window cannot start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.ui.platform_check import (
    chosen_platform,
    debian_package,
    display_reachable,
    early_check,
    missing_libraries,
    missing_libraries_later,
    parse_ldd,
    platform_problem,
    plugin_file,
    wayland_reachable,
)

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2)
"""


def test_parse_ldd_lists_each_missing_library_once():
    assert parse_ldd(LDD_OUTPUT) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4",
                                     "libxkbcommon-x11.so.0"]
    assert parse_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
])
def test_debian_package_names_follow_the_soname(soname, package):
    assert debian_package(soname) == package


@pytest.mark.parametrize(("environ", "platform"), [
    ({}, "xcb"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
    ({"QT_QPA_PLATFORM": "wayland"}, "wayland"),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, None),  # fallbacks: Qt's to try
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "vnc"),
    ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, None),
    ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "xcb"),
])
def test_chosen_platform(environ, platform):
    assert chosen_platform(environ) == platform


def _never_called(plugin):
    raise AssertionError("no library check expected")


def test_headless_platforms_and_other_systems_need_no_check():
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, find_missing=_never_called) is None
    assert platform_problem({"QT_QPA_PLATFORM": "wayland;xcb"}, system="linux",
                            find_missing=_never_called) is None
    assert platform_problem({}, system="darwin", find_missing=_never_called) is None
    assert platform_problem({}, system="win32", find_missing=_never_called) is None


def test_no_display_is_one_sentence():
    problem = platform_problem({}, system="linux", find_missing=_never_called)
    assert "no display" in problem and "DISPLAY" in problem
    assert problem.count(". ") == 0 and "\n" not in problem


def test_missing_libraries_name_the_apt_command(tmp_path):
    asked = []

    def missing(plugin: Path) -> list[str]:
        asked.append(plugin)
        return parse_ldd(LDD_OUTPUT)

    problem = platform_problem({"DISPLAY": ":0"}, system="linux", plugins_dir=tmp_path,
                               find_missing=missing, reach_display=lambda display: True)
    assert asked == [tmp_path / "platforms" / "libqxcb.so"]
    assert problem.endswith(
        "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0")
    assert "libxcb-cursor.so.0" in problem and "\n" not in problem


def test_a_missing_qt_library_is_not_sent_to_apt(tmp_path):
    problem = platform_problem({"DISPLAY": ":0"}, system="linux", plugins_dir=tmp_path,
                               find_missing=lambda plugin: ["libQt6XcbQpa.so.6"],
                               reach_display=lambda display: True)
    assert "apt-get" not in problem and problem.endswith("reinstall Reader.")


def test_nothing_missing_means_no_problem(tmp_path):
    assert platform_problem({"DISPLAY": ":0"}, system="linux", plugins_dir=tmp_path,
                            find_missing=lambda plugin: [],
                            reach_display=lambda display: True) is None
    # a remote display (None: cannot tell) is left to Qt too
    assert platform_problem({"DISPLAY": "host:10"}, system="linux", plugins_dir=tmp_path,
                            find_missing=lambda plugin: []) is None


def test_a_display_nobody_answers_is_one_sentence():
    problem = platform_problem({"DISPLAY": ":0"}, system="linux",
                               find_missing=_never_called, reach_display=lambda d: False)
    assert "no X server answers at DISPLAY=:0" in problem and "\n" not in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux's")
def test_display_reachable_connects_to_the_x_socket():
    number = 9000 + os.getpid() % 900
    assert display_reachable(f":{number}") is False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")  # what an X server listens on
        server.listen(8)
        assert display_reachable(f":{number}") is True
        assert display_reachable(f":{number}.0") is True
    assert display_reachable("localhost:10") is None


def test_wayland_without_a_compositor_is_one_sentence(tmp_path):
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    problem = platform_problem(env, system="linux", find_missing=_never_called)
    assert "no Wayland compositor answers" in problem and "\n" not in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Unix sockets")
def test_wayland_reachable_looks_in_the_runtime_dir(tmp_path):
    env = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wayland-7"}
    assert wayland_reachable(env) is False
    assert wayland_reachable({"WAYLAND_DISPLAY": "wayland-7"}) is False  # no runtime dir
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-7"))
        server.listen(8)
        assert wayland_reachable(env) is True
        assert wayland_reachable({"WAYLAND_DISPLAY": str(tmp_path / "wayland-7")}) is True
        missing = platform_problem({**env, "QT_QPA_PLATFORM": "wayland"}, system="linux",
                                   plugins_dir=tmp_path, find_missing=lambda plugin: [])
        assert missing is None


def test_missing_libraries_reads_ldd_of_the_real_plugin():
    plugin = plugin_file("xcb")
    assert plugin.is_file()
    fake = subprocess.CompletedProcess([], 0, stdout=LDD_OUTPUT, stderr="")
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        return fake

    if sys.platform.startswith("linux"):
        assert missing_libraries(plugin, run=run) == parse_ldd(LDD_OUTPUT)
        assert calls == [["ldd", str(plugin)]]
        # and really: a list (empty where the xcb libraries are installed)
        assert isinstance(missing_libraries(plugin), list)
    assert missing_libraries(plugin.with_name("libqnothing.so"), run=run) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")
def test_reader_without_a_display_explains_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, "-m", "reader", "--library", str(tmp_path / "lib")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("reader: Reader cannot open its window")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "lib").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_ldd_started_early_answers_as_ldd_run_late(tmp_path):
    """`reader` starts the plugin's `ldd` before it imports the window's modules and reads
    it after: the same libraries as `missing_libraries`."""
    plugin = plugin_file("xcb")
    assert missing_libraries_later(plugin)() == missing_libraries(plugin)
    assert missing_libraries_later(tmp_path / "libqnothing.so")() == []
    # What ldd says of a plugin that lacks libraries, said by a real process started early.
    commands = []

    def popen(command, **kwargs):
        commands.append(command)
        return subprocess.Popen(["printf", "%s", LDD_OUTPUT], **kwargs)

    answer = missing_libraries_later(plugin, popen=popen)
    assert commands == [["ldd", str(plugin)]]
    assert answer() == parse_ldd(LDD_OUTPUT) != []


def test_early_check_asks_nothing_where_qt_needs_no_check():
    assert early_check({"QT_QPA_PLATFORM": "offscreen"}, system="linux")() is None
    assert early_check({}, system="darwin")() is None
    problem = early_check({"QT_QPA_PLATFORM": "xcb"}, system="linux")()
    assert problem is not None and "DISPLAY is not set" in problem
