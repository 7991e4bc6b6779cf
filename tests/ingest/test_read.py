"""read_page: encodings, line endings, and refusal of what is not text."""

from __future__ import annotations

import codecs

import pytest

from reader.errors import IngestError
from reader.ingest import read_page

TEXT = "知行合一\n\n□本报记者 宋爽\n\n“业委会进行换届选举,2名街道干部。”學 and 蹒\n"


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        TEXT.encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le", "gb18030"],
)
def test_decodes_every_supported_encoding(tmp_path, encoded):
    path = tmp_path / "page.txt"
    path.write_bytes(encoded)
    assert read_page(path) == TEXT


def test_gbk_text_without_traditional_characters(tmp_path):
    text = "阿拉善盟人才公寓正式揭牌。"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    assert read_page(path) == text


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_are_normalised_and_nothing_else_changes(tmp_path, ending):
    path = tmp_path / "page.txt"
    path.write_bytes(TEXT.replace("\n", ending).encode("utf-8"))
    assert read_page(path) == TEXT


def test_binary_file_is_refused_with_one_sentence(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    with pytest.raises(IngestError) as info:
        read_page(path)
    message = str(info.value)
    assert "photo.jpg" in message and "binary" in message
    assert message.count(".") >= 1 and "\n" not in message


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes([0x80, 0xFF, 0xFE, 0x81, 0x30]) * 50)
    with pytest.raises(IngestError, match="junk.txt"):
        read_page(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        read_page(tmp_path / "missing.txt")
    with pytest.raises(IngestError, match="folder"):
        read_page(tmp_path)


def test_empty_file_is_empty_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_page(path) == ""


# The share of junk characters (control, unassigned, private use) decides whether a
# decoding is text: 2 % is still text, more is not; astral characters count by category.
@pytest.mark.parametrize("junk", ["\x07", "\ue000", "\U000f0001", "\U0010fffd", "\U000e0080"])
def test_two_percent_of_junk_is_still_text(tmp_path, junk):
    body = "知行合一𠀀党建" * 7 + "学"  # 50 characters, one astral ideograph (not junk) per 7
    path = tmp_path / "page.txt"
    path.write_bytes((body + junk).encode("utf-8"))  # 1 in 51: under 2 %
    assert read_page(path).endswith(junk)
    path.write_bytes((body[:40] + junk * 2).encode("utf-8"))  # 2 in 42: over 2 %
    with pytest.raises(IngestError, match="page.txt"):
        read_page(path)


def test_the_junk_scan_finds_exactly_the_junk_categories():
    """The pattern that finds junk candidates agrees with unicodedata on every character."""
    import unicodedata

    from reader.ingest.read import _junk_candidates

    pattern = _junk_candidates()
    allowed = {"\n", "\r", "\t", "\f", "\v"}
    wrong = []
    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        junk = char not in allowed and unicodedata.category(char) in ("Cc", "Cn", "Co")
        found = pattern.fullmatch(char) is not None
        # Beyond the first plane every character is a candidate, looked up by category.
        if found != (junk or point > 0xFFFF):
            wrong.append(hex(point))
    assert wrong == []
