"""Whether Qt's window system plugin can start, asked before `QApplication` exists.

When the xcb plugin cannot load (a bare Debian machine lacks libxcb-cursor0 and
friends) or there is no display, Qt prints a page about plugins and aborts the
process, which no `try` can catch.  `platform_problem()` looks first and returns
one sentence naming what is missing and the apt command that installs it, or
None when Qt should start (or when it cannot tell: then Qt speaks for itself).

It checks only what it can know cheaply: the platform Qt will pick from
`QT_QPA_PLATFORM` and the session type (only when Qt has no fallback to try),
`DISPLAY` for xcb (set, and for a local display an X server answering on its
socket) or the compositor's socket for wayland, and the shared libraries `ldd`
cannot find for the plugin file.  `reader` starts that `ldd` before it imports the
window's modules (`early_check`), so that it runs beside them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

#: Platforms that need no window system: nothing to check.
HEADLESS = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl", "vkkhrdisplay"}

#: Sonames whose Debian package name does not follow the usual rule (see `debian_package`).
PACKAGE_EXCEPTIONS = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

#: Libraries that come with PySide6 (or the bundle), not from the system's packages.
OWN_LIBRARY_PREFIXES = ("libQt6", "libpyside6", "libshiboken6", "libicu")

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def chosen_platform(environ: Mapping[str, str]) -> str | None:
    """The one platform plugin Qt will use, or None when Qt has fallbacks to try itself.

    `QT_QPA_PLATFORM=wayland;xcb` lists fallbacks, and in a wayland session Qt tries
    wayland, then xcb; checking only the first would refuse a window that would open.
    """
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return None if ";" in requested else requested.split(":")[0]
    if environ.get("XDG_SESSION_TYPE") == "wayland":
        return None
    return "xcb"


def parse_ldd(output: str) -> list[str]:
    """The sonames `ldd` reported as `not found`, in order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def debian_package(soname: str) -> str:
    """The Debian package that ships a library: libxcb-icccm.so.4 → libxcb-icccm4.

    Debian names library packages after the soname: the name lowercased, then the
    major version, with a hyphen when the name itself ends in a digit.
    """
    if soname in PACKAGE_EXCEPTIONS:
        return PACKAGE_EXCEPTIONS[soname]
    name, _, version = soname.partition(".so.")
    name = name.lower()
    major = version.split(".")[0]
    if not major:
        return name
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_libraries(plugin: Path,
                      run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> list[str]:
    """Sonames the plugin needs that the dynamic loader cannot find ([] if unknown)."""
    if shutil.which("ldd") is None or not plugin.is_file():
        return []
    try:
        result = run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_ldd(result.stdout)


def missing_libraries_later(plugin: Path,
                            popen: Callable[..., subprocess.Popen] = subprocess.Popen
                            ) -> Callable[[], list[str]]:
    """`missing_libraries`, with `ldd` started now: the returned function waits for it.

    `ldd` takes 20-40 ms (a shell script running the loader over Qt's libraries); started
    before the window's modules are imported, it runs beside them on the other core."""
    if shutil.which("ldd") is None or not plugin.is_file():
        return list
    try:
        process = popen(["ldd", str(plugin)], stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL, text=True)
    except (OSError, subprocess.SubprocessError):
        return list

    def result() -> list[str]:
        try:
            out, _ = process.communicate(timeout=10)
        except subprocess.SubprocessError:
            process.kill()
            process.communicate()
            return []
        return parse_ldd(out or "")

    return result


def early_check(environ: Mapping[str, str] | None = None,
                system: str = sys.platform) -> Callable[[], str | None]:
    """`platform_problem`, its `ldd` started now (where it would run): call the result, once
    the window's modules are imported, for the sentence (`reader.cli.main` does)."""
    env = os.environ if environ is None else environ
    platform = chosen_platform(env)
    if not system.startswith("linux") or platform not in ("xcb", "wayland"):
        return lambda: platform_problem(env, system)
    started = missing_libraries_later(plugin_file(platform))

    def check() -> str | None:
        missing = started()  # waited for even when the display is the problem: no zombie
        return platform_problem(env, system, find_missing=lambda _plugin: missing)

    return check


def _connects(address: str) -> bool:
    """Whether something accepts a connection on this Unix socket (leading NUL: abstract)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(address)
        except OSError:
            return False
        return True


def display_reachable(display: str) -> bool | None:
    """Whether an X server answers at a local DISPLAY (`:0`, `:1.0`); None if not local.

    Tries what libxcb tries for such a display: the abstract socket, then the file.
    """
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if not match:
        return None  # host:N (ssh forwarding, TCP): leave it to Qt
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    return _connects("\0" + path) or _connects(path)


def wayland_reachable(environ: Mapping[str, str]) -> bool:
    """Whether a compositor answers where libwayland looks: WAYLAND_DISPLAY in XDG_RUNTIME_DIR."""
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    if not name.startswith("/"):
        runtime = environ.get("XDG_RUNTIME_DIR")
        if not runtime:
            return False
        name = str(Path(runtime) / name)
    return _connects(name)


def plugin_file(platform: str, plugins_dir: Path | None = None) -> Path:
    """Where Qt keeps the plugin for `platform` (libqxcb.so, libqwayland*.so)."""
    folder = plugins_dir or Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return folder / "platforms" / f"libq{platform}.so"


def platform_problem(environ: Mapping[str, str] | None = None,
                     system: str = sys.platform,
                     plugins_dir: Path | None = None,
                     find_missing: Callable[[Path], list[str]] = missing_libraries,
                     reach_display: Callable[[str], bool | None] = display_reachable,
                     reach_wayland: Callable[[Mapping[str, str]], bool] = wayland_reachable,
                     ) -> str | None:
    """One sentence saying why the window cannot open here, or None if it should."""
    env = os.environ if environ is None else environ
    if not system.startswith("linux"):
        return None  # macOS and Windows wheels carry everything their plugin needs
    platform = chosen_platform(env)
    if platform is None or platform in HEADLESS or platform not in ("xcb", "wayland"):
        return None
    remedy = ("start it from a desktop session, or under xvfb-run, or use the "
              "command-line subcommands (reader --help).")
    if platform == "xcb" and not env.get("DISPLAY"):
        return ("Reader cannot open its window because there is no display "
                f"(DISPLAY is not set): {remedy}")
    if platform == "xcb" and reach_display(env["DISPLAY"]) is False:
        return (f"Reader cannot open its window because no X server answers at "
                f"DISPLAY={env['DISPLAY']}: {remedy}")
    if platform == "wayland" and not reach_wayland(env):
        return ("Reader cannot open its window because no Wayland compositor answers "
                f"(QT_QPA_PLATFORM=wayland): {remedy}")
    missing = find_missing(plugin_file(platform, plugins_dir))
    if not missing:
        return None
    own = [name for name in missing if name.startswith(OWN_LIBRARY_PREFIXES)]
    if own:
        return (f"Reader cannot open its window because its own Qt libraries are incomplete "
                f"({', '.join(own)} missing): reinstall Reader.")
    packages = sorted(dict.fromkeys(debian_package(name) for name in missing))
    return (f"Reader cannot open its window because Qt's {platform} plugin needs system "
            f"libraries this machine lacks ({', '.join(missing)}); install them with: "
            f"sudo apt-get install -y {' '.join(packages)}")


__all__ = ["chosen_platform", "debian_package", "display_reachable", "early_check",
           "missing_libraries", "missing_libraries_later", "parse_ldd", "wayland_reachable",
           "platform_problem", "plugin_file"]
