"""The declared dependency ranges are checked: tests/lowest-constraints.txt pins each lower bound.

CI installs those pins into a second venv and runs a smoke test (.ci/run), so
the file must name every runtime dependency at exactly its lowest allowed version.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _release(version: str) -> tuple[int, ...]:
    """"6.6" and "6.6.0" are the same version (PEP 440 pads with zeros)."""
    numbers = [int(part) for part in version.split(".")]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def lower_bounds() -> dict[str, tuple[int, ...]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([^,;\s]+)\s*(,.*)?", requirement)
        assert match, f"{requirement!r} has no lower bound (name>=version,…)"
        bounds[_normal(match[1])] = _release(match[2])
    return bounds


def pinned() -> dict[str, tuple[int, ...]]:
    pins = {}
    for line in (ROOT / "tests" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[_normal(name)] = _release(version.strip())
    return pins


def test_every_dependency_is_pinned_at_its_lower_bound():
    bounds = lower_bounds()
    assert {"pyside6-essentials", "sqlite-utils", "whoosh-reloaded"} <= set(bounds)
    assert pinned() == bounds


def test_ci_installs_and_smoke_tests_the_lowest_versions_and_runs_mypy():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c tests/lowest-constraints.txt" in ci
    assert "import seeds" in ci and "search 红色物业" in ci
    assert "\n.venv/bin/mypy\n" in ci
    assert "mypy" in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
