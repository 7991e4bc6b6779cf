"""A backup as one compressed file: `library-YYYY-MM-DD.sqlite3.zst` (issue 17).

A daily backup used to be a plain copy of the library, 1.2-1.5× the page text
at archive scale; five of them were larger than the rest of the library folder
together.  A backup is now the same SQLite copy (the backup API's consistent
copy, `backup.backup_library`) compressed with Zstandard, a third of its size
or less.  Why zstd: at level 3 it packs a library to 0.30 of its bytes at some
170 MB/s of one core (zlib: 0.41 at 28 MB/s; xz: 0.25 at 9 MB/s), so the
daily copy of a million-article library costs seconds, and it unpacks at
several hundred MB/s, so checking and restoring stay quick.

Each backup stands alone (no file shared between days): a bad sector spoils
one backup, never all of them.  The file is a standard zstd stream that
`zstd -d` turns back into a library file:

1. a skippable frame (zstd's way to carry metadata; decoders pass over it)
   holding JSON: the copy's size and what it holds (articles, notes, tags), as
   counted on the copy after SQLite's quick_check found it whole;
2. one zstd frame of the SQLite file, with its size and a checksum of the
   content (XXH64), so any damage to the packed bytes is found when it is read.

Checking a packed backup (`unpack` without a target) reads it through: the
checksum, the size and the SQLite header must match; its counts come from the
metadata.  The metadata also holds a digest of the copy, so a day on which the
library has not changed since the newest backup adds no second copy of it
(`backups.daily_backup` gives that backup the day's name instead): the five kept
are five different states of the library, not five days of the same one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

#: The suffix a packed backup's name ends with.
SUFFIX = ".zst"
#: zstd level: see the module docstring (level 9 packs a fifth smaller at a fifth the speed).
LEVEL = 3
#: The first skippable-frame magic number (0x184D2A50-0x184D2A5F are all skippable).
_SKIPPABLE = 0x184D2A50
_FORMAT = "reader-backup"
_SQLITE_HEADER = b"SQLite format 3\x00"
_CHUNK = 1 << 20
#: SQLite's database header: change counters and the like, rewritten by every copy.
_HEADER_BYTES = 100


class PackedBackupError(Exception):
    """A packed backup that cannot be read back whole; the message says why."""


@dataclass(frozen=True)
class PackedFacts:
    """What a packed backup's metadata says of the library copy inside it."""

    size: int
    articles: int
    notes: int
    tags: int
    #: BLAKE2b of the copy past its 100-byte header (which holds change counters): equal
    #: digests, the same library.  Empty in a backup made before it was recorded.
    digest: str = ""


def count_and_check(path: Path) -> PackedFacts:
    """Check a plain library copy whole (quick_check) and count what it holds."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            raise PackedBackupError("; ".join(found[:3]))
        articles, notes, tags = (conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                                 for table in ("articles", "notes", "tags"))
    except sqlite3.Error as error:
        raise PackedBackupError(str(error)) from None
    finally:
        conn.close()
    return PackedFacts(path.stat().st_size, articles, notes, tags, _digest(path))


def _digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        handle.seek(_HEADER_BYTES)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def pack(source: Path, target: BinaryIO, facts: PackedFacts) -> None:
    """Write the library copy `source` to `target` as a packed backup (see the docstring)."""
    import zstandard  # imported when first used: a backup is made at most once a day

    meta = json.dumps({"format": _FORMAT, "version": 1, "size": facts.size,
                       "articles": facts.articles, "notes": facts.notes,
                       "tags": facts.tags, "digest": facts.digest}).encode()
    target.write(struct.pack("<II", _SKIPPABLE, len(meta)) + meta)
    packer = zstandard.ZstdCompressor(level=LEVEL, write_checksum=True, write_content_size=True)
    with source.open("rb") as handle:
        packer.copy_stream(handle, target, size=facts.size)


def facts_of(path: Path) -> PackedFacts | None:
    """The metadata of the packed backup at `path`, or None when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return read_facts(handle)
    except (OSError, PackedBackupError):
        return None


def read_facts(handle: BinaryIO) -> PackedFacts:
    """The metadata at the start of a packed backup; `handle` is left after it."""
    head = handle.read(8)
    if len(head) < 8:
        raise PackedBackupError("the file is cut short")
    magic, length = struct.unpack("<II", head)
    if magic != _SKIPPABLE or length > 1 << 16:
        raise PackedBackupError("not a backup made by Reader")
    try:
        meta = json.loads(handle.read(length))
        if meta.get("format") != _FORMAT:
            raise ValueError(meta.get("format"))
        return PackedFacts(int(meta["size"]), int(meta["articles"]), int(meta["notes"]),
                           int(meta["tags"]), str(meta.get("digest", "")))
    except (ValueError, KeyError, TypeError):
        raise PackedBackupError("not a backup made by Reader") from None


def unpack(path: Path, target: BinaryIO | None = None) -> PackedFacts:
    """Unpack `path` into `target` (or only read it through, to check it); its facts.

    Raises `PackedBackupError` when the bytes are damaged (zstd's checksum), cut
    short, or not the library copy the metadata describes.
    """
    import zstandard

    with path.open("rb") as handle:
        facts = read_facts(handle)
        reader = zstandard.ZstdDecompressor().stream_reader(handle, read_across_frames=True)
        written = 0
        first = b""
        try:
            while chunk := reader.read(_CHUNK):
                if len(first) < len(_SQLITE_HEADER):
                    first += chunk[:len(_SQLITE_HEADER)]
                written += len(chunk)
                if target is not None:
                    target.write(chunk)
        except zstandard.ZstdError as error:
            raise PackedBackupError(f"its packed bytes are damaged ({error})") from None
    if written != facts.size:
        raise PackedBackupError(f"it holds {written} bytes, not the {facts.size} it was made with")
    if not first.startswith(_SQLITE_HEADER):
        raise PackedBackupError("it does not hold a library file")
    return facts
