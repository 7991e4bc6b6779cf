"""An export format is one `ExportFormat` entry: options, rendering, the CLI all read the registry.

The Org-mode format here exists only in this test: one entry added to
`EXPORT_FORMATS` (and nothing else) is enough for `ExportOptions` to accept
it, for `reader export --format org` and a `.org` target to write it, and
for a heading to nest its articles one level down.
"""

from __future__ import annotations

import json

import pytest

from reader.catalogue import Code
from reader.errors import ReaderError
from reader.export import ExportOptions, formats
from reader.export.formats import EXPORT_FORMATS, ExportFormat, export_format, format_for_suffix
from tests.reader_cli import reader


def _render_org(item, options, level: int = 1) -> str:
    return "\n\n".join([f"{'*' * level} {item.title}", *item.article.paragraphs])


def _join_org(bodies, heading=None) -> str:
    return "\n".join(([f"* {heading}"] if heading else []) + list(bodies))


ORG = ExportFormat("org", ".org", "Org 文本", "Org text", _render_org, _join_org,
                   nests_under_heading=True)


def test_the_registry_holds_text_and_reference_formats():
    assert [f.name for f in EXPORT_FORMATS] == ["txt", "md", "ris", "csljson", "bibtex", "csv",
                                                "gbt7714", "apa"]
    assert format_for_suffix(".MD") is export_format("md") and format_for_suffix(".org") is None
    # two formats write .txt: the suffix picks the first, plain text
    assert format_for_suffix(".txt") is export_format("txt")
    assert format_for_suffix(".ris") is export_format("ris")
    assert ExportOptions(format="md").suffix == ".md"
    with pytest.raises(ReaderError) as caught:
        ExportOptions(format="org")
    assert caught.value.code == Code.UNKNOWN_FORMAT
    assert "txt, md, ris, csljson, bibtex, csv, gbt7714 or apa" in str(caught.value)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("formats") / "lib"
    reader(lib, "stats", check=True)  # first run: seeds imported
    return lib


def test_a_new_format_is_one_entry(library, tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "EXPORT_FORMATS", (*EXPORT_FORMATS, ORG))
    assert ExportOptions(format="org").suffix == ".org"
    issues = json.loads(reader(library, "list", "--json", check=True).stdout)
    issue = next(i for i in issues if i["title"] == "先锋 · 2024-01")
    by_suffix = tmp_path / "先锋.org"
    reader(library, "export", "--issue", str(issue["id"]), "-o", str(by_suffix), check=True)
    text = by_suffix.read_text(encoding="utf-8")
    assert text.startswith("* 先锋 · 2024-01\n** ")  # the heading, then articles one level down
    assert text.count("\n** ") == issue["articles"]
    named = tmp_path / "named"
    reader(library, "export", "--issue", str(issue["id"]), "--format", "org", "-o", str(named),
           check=True)
    assert (tmp_path / "named.org").read_text(encoding="utf-8") == text
