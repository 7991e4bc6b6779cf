"""`reader restore [BACKUP]`: list the library's backups, or put one back; and `reader
compact`, which rewrites the library file in today's compact form (`library.compact`).

Without an argument it lists the automatic backups (newest first), each
checked whole, with what it holds.  With one (a day such as 2026-11-28, a
backup's file name or path, or `newest`) it restores that backup: the library
as it is now is kept aside under a new name, never deleted
(`reader.library.backups.restore`).  It opens no `Session`, so it works on a
library that no longer opens.  Both work on the library file with no other
Reader holding it.
"""

from __future__ import annotations

import argparse
import sys

from reader.library.backups import BackupInfo, backup_folder, choose_backup, list_backups, restore
from reader.paths import resolve_paths
from reader.plural import counted

#: The argument that names the newest good backup.
NEWEST = "newest"


def register(commands) -> None:
    restore_cmd = commands.add_parser(
        "restore", help="list the library's automatic backups, or put one back")
    restore_cmd.add_argument(
        "backup", nargs="?", metavar="BACKUP",
        help=f"a backup's day (2026-11-28), file name or path, or '{NEWEST}'; "
             "without it, list the backups")


    commands.add_parser(
        "compact", help="rewrite the library file compactly (16 KB pages, no free space)",
        description="Rewrite the library file as a new one is made: every table afresh, with "
                    "16 KB pages (libraries made before 0.1 have 4 KB pages, a tenth larger). "
                    "It needs as much free space again as the library while it runs, about a "
                    "minute a GB; the library stays as it was if it is interrupted.")


def run(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.library)
    if args.command == "compact":
        return _compact(paths)
    if args.backup is None:
        return _list(paths.library_dir)
    chosen = choose_backup(paths.library_dir, None if args.backup == NEWEST else args.backup)
    done = restore(paths.library_dir, paths.db_path, chosen, paths.index_dir)
    print(f"Restored the library from the backup of {chosen.day or chosen.path.name} "
          f"({_holds(chosen)}).")
    for path in done.kept_aside:
        print(f"Kept the library as it was: {path}")
    print("The search index is rebuilt when the library next opens.")
    return 0


def _compact(paths) -> int:
    from reader.library.compact import compact_library

    print(f"Compacting {paths.db_path} …", flush=True)
    done = compact_library(paths.library_dir, paths.db_path)
    mb = 1_000_000
    print(f"Compacted the library: {done.size_before / mb:.1f} MB → {done.size_after / mb:.1f} MB "
          f"({done.page_size_before // 1024} KB → {done.page_size_after // 1024} KB pages).")
    return 0


def _list(library_dir) -> int:
    backups = list_backups(library_dir)
    folder = backup_folder(library_dir)
    if not backups:
        print(f"No backups in {folder} yet: Reader makes one a day when it opens the library.")
        return 0
    print(f"Backups in {folder}, newest first:")
    for info in backups:
        state = _holds(info) if info.good else f"damaged: {info.problem}"
        print(f"  {info.day or '?':<10}  {info.path.name}  {info.size / 1e6:.1f} MB  {state}")
    print(f"Restore one with: reader restore DAY (or: reader restore {NEWEST})")
    if not any(info.good for info in backups):
        print("reader: none of the backups is whole.", file=sys.stderr)
        return 1
    return 0


def _holds(info: BackupInfo) -> str:
    return ", ".join([counted(info.articles, "article"), counted(info.notes, "note"),
                      counted(info.tags, "tag")])
