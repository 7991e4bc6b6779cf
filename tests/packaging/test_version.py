"""One version: reader.__version__, which the CLI, the changelog and the metainfo repeat."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import reader
from tests.packaging.conftest import APP_ID, LINUX, ROOT


def test_version_is_a_plain_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", reader.__version__)


def test_cli_prints_the_package_version():
    result = subprocess.run([sys.executable, "-m", "reader", "--version"],
                            capture_output=True, text=True)
    assert result.stdout.strip() == f"reader {reader.__version__}"


def test_changelog_starts_with_the_current_version():
    headings = re.findall(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"),
                          re.MULTILINE)
    assert headings[0] == reader.__version__


def test_metainfo_newest_release_is_the_current_version():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    versions = [release.get("version") for release in root.iter("release")]
    assert versions[0] == reader.__version__
