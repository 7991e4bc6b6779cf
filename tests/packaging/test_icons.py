"""The application icon: an SVG and PNGs of the sizes desktops ask for, each really that size."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from tests.packaging.conftest import ICONS

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which a PNG must start with."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_png_has_its_size(size):
    assert png_size(ICONS / f"reader-{size}.png") == (size, size)


def test_no_stray_icon_files():
    expected = {f"reader-{size}.png" for size in SIZES} | {"reader.svg"}
    assert {path.name for path in ICONS.iterdir()} == expected


def test_svg_is_square_and_drawn_without_text():
    root = ET.parse(ICONS / "reader.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    # Text would render differently (or as boxes) depending on the fonts installed.
    assert not any(el.tag.endswith("}text") for el in root.iter())


def test_the_window_icon_is_found_through_resource_path():
    from reader.paths import resource_path

    # reader/ui/main.py sets this file as the window icon, in a checkout and in a bundle.
    assert png_size(resource_path("icons", "reader-256.png")) == (256, 256)
    assert '"icons", "reader-256.png"' in (
        ICONS.parents[1] / "reader" / "ui" / "main.py").read_text(encoding="utf-8")
