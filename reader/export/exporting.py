"""An export from start to finish: order, render, name, write; with progress and cancel.

`write_export` writes one file, or (split) a folder with one file per
article.  Nothing partial is ever left behind:

- one file: everything is rendered first (cancel is checked between
  articles), then written atomically (`writing.write_export_file`);
- split: files are written into a hidden staging folder next to (or, for an
  existing folder, inside) the target and moved in only when every one of
  them is written.  A cancel or a failure removes the staging folder; a
  failure while moving in removes the files already moved that were new.

Existing files are checked before any work starts, so an export that would
overwrite without `overwrite=True` fails at once with `TargetExistsError`.
`preview` renders the same text for the dialog: its first lines and counts.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.atomic import make_temp_folder, sync_folder, write_synced
from reader.catalogue import Code
from reader.errors import ReaderError, cannot_write
from reader.export.formats import heading_level, join_document, render_article
from reader.export.items import ExportItem
from reader.export.naming import NameAllocator
from reader.export.options import ExportOptions
from reader.export.ordering import ordered
from reader.export.writing import ExportWriteError, refuse_existing, write_export_file
from reader.models import IssueRecord
from reader.progress import Cancelled, Progress, never_cancelled, no_progress


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: its files, articles and characters (nothing when cancelled)."""

    target: Path
    files: tuple[Path, ...]
    articles: int
    characters: int
    #: Articles left out because highlights-only found no highlight in them.
    skipped: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class Preview:
    """The first lines of what an export would write, and how much it would write."""

    text: str
    articles: int
    characters: int
    files: int
    skipped: int = 0


def _wanted(items: Sequence[ExportItem], options: ExportOptions) -> list[ExportItem]:
    if options.highlights_only:
        return [item for item in items if item.article.highlights]
    return list(items)


def split_names(items: Sequence[ExportItem], options: ExportOptions) -> list[str]:
    """One file name per item: its number in the export order, so a folder lists in that order,
    then its title: `01 标题.txt`."""
    width = max(2, len(str(len(items))))
    allocator = NameAllocator()
    return [allocator.allocate(f"{n:0{width}d} {item.title}", options.suffix)
            for n, item in enumerate(items, start=1)]


def planned_files(items: Sequence[ExportItem], issues: Sequence[IssueRecord],
                  options: ExportOptions, target: str | os.PathLike) -> list[Path]:
    """The files `write_export` would write (so a caller can ask before overwriting them)."""
    target = Path(target)
    if not options.split:
        return [target]
    chosen = _wanted(ordered(items, issues, options.order), options)
    return [target / name for name in split_names(chosen, options)]


def preview(items: Sequence[ExportItem], issues: Sequence[IssueRecord], options: ExportOptions,
            heading: str | None = None, lines: int = 40) -> Preview:
    """The first `lines` lines of the export and its counts (articles, characters, files)."""
    chosen = _wanted(ordered(items, issues, options.order), options)
    skipped = len(items) - len(chosen)
    level = heading_level(options, heading)
    bodies = [render_article(item, options, level) or "" for item in chosen]
    if options.split:
        names = split_names(chosen, options)
        characters = sum(len(body) for body in bodies)
        shown = "\n".join(f"【{name}】\n{body}" for name, body in zip(names, bodies, strict=True))
        files = len(bodies)
    else:
        document = join_document(bodies, options, heading) if bodies else ""
        characters, shown, files = len(document), document, 1 if bodies else 0
    text = "\n".join(shown.split("\n")[:lines])
    return Preview(text, len(chosen), characters, files, skipped)


def write_export(items: Sequence[ExportItem], issues: Sequence[IssueRecord],
                 options: ExportOptions, target: str | os.PathLike, progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled, overwrite: bool = False,
                 heading: str | None = None) -> ExportReport:
    """Write `items` (in `options.order`) to `target`; see the module docstring."""
    target = Path(target)
    if not items:
        raise ReaderError(Code.EXPORT_NOTHING_SELECTED)
    chosen = _wanted(ordered(items, issues, options.order), options)
    skipped = len(items) - len(chosen)
    if not chosen:
        raise ReaderError(Code.EXPORT_NO_HIGHLIGHTS)
    if options.split:
        return _write_split(chosen, options, target, progress, cancelled, overwrite, skipped)
    if not overwrite:
        refuse_existing([target])
    level = heading_level(options, heading)
    bodies = []
    for done, item in enumerate(chosen):
        if cancelled():
            return ExportReport(target, (), 0, 0, skipped, cancelled=True)
        progress(done, len(chosen), item.title)
        bodies.append(render_article(item, options, level) or "")
    document = join_document(bodies, options, heading)
    if cancelled():
        return ExportReport(target, (), 0, 0, skipped, cancelled=True)
    write_export_file(target, document, overwrite=overwrite, private=options.private)
    progress(len(chosen), len(chosen), "")
    return ExportReport(target, (target,), len(chosen), len(document), skipped)


def _write_split(chosen: list[ExportItem], options: ExportOptions, folder: Path,
                 progress: Progress, cancelled: Cancelled, overwrite: bool, skipped: int) -> ExportReport:
    names = split_names(chosen, options)
    exists = folder.is_dir()
    if folder.exists() and not exists:
        raise ExportWriteError(Code.WRITE_INTO_FILE, folder=str(folder))
    finals = [folder / name for name in names]
    if exists and not overwrite:
        refuse_existing(finals)
    try:
        # Same file system as the target, so moving in is a rename.
        staging = make_temp_folder(folder if exists else folder.parent)
    except OSError as error:
        raise ExportWriteError(cannot_write(folder, error)) from None
    try:
        characters = 0
        for done, (item, name) in enumerate(zip(chosen, names, strict=True)):
            if cancelled():
                shutil.rmtree(staging, ignore_errors=True)
                return ExportReport(folder, (), 0, 0, skipped, cancelled=True)
            progress(done, len(chosen), item.title)
            text = render_article(item, options) or ""
            characters += len(text)
            _write_synced(staging / name, text, folder / name, options.private)
        _move_in(staging, folder, names, exists)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    sync_folder(folder)
    progress(len(chosen), len(chosen), "")
    return ExportReport(folder, tuple(finals), len(chosen), characters, skipped)


def _write_synced(path: Path, text: str, shown_as: Path, private: bool) -> None:
    try:
        write_synced(path, text.encode("utf-8"), private)
    except OSError as error:
        raise ExportWriteError(cannot_write(shown_as, error)) from None


def _move_in(staging: Path, folder: Path, names: list[str], exists: bool) -> None:
    """Move the staged files into `folder`: one rename of the whole folder when it is new."""
    if not exists:
        try:
            os.rename(staging, folder)
        except OSError as error:
            raise ExportWriteError(cannot_write(folder, error)) from None
        return
    moved: list[Path] = []
    try:
        for name in names:
            final = folder / name
            was_there = final.exists()
            os.replace(staging / name, final)
            if not was_there:
                moved.append(final)
    except OSError as error:
        for path in moved:  # new files only: a replaced file cannot be brought back
            path.unlink(missing_ok=True)
        raise ExportWriteError(cannot_write(folder / name, error)) from None
    staging.rmdir()
