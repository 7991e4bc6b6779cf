"""Every sentence the core can say to its user: a code, and its English.

Errors (`ReaderError`) and notices (how a query was read) carry a `Code`
and parameters, never finished text.  The CLI renders them in English from
`ENGLISH` below; the window renders the same code in Chinese, or in English
through its Qt translation (`reader/ui/error_text.py`).  A test walks every
code and fails on one missing in either language, so a new error is one
`Code` member, one English line here and one Chinese line in the window's
catalogue.

Templates use `str.format` fields; a field's value is shown as given (a
path, an id), except that a field holding a `Message` is rendered in the
same language first (the reason inside "Cannot read X: reason").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """What went wrong (or what the user should know), independent of language."""

    # -- the library: unknown things and bad values
    NO_ARTICLE = "no-article"
    NO_ISSUE = "no-issue"
    NO_PAGE = "no-page"
    NO_PAPER = "no-paper"
    PAPER_NAME_EMPTY = "paper-name-empty"
    NOT_A_PAGE_NUMBER = "not-a-page-number"
    NO_PAGE_FIELDS = "no-page-fields"
    NO_HIGHLIGHT = "no-highlight"
    NO_TAG = "no-tag"
    NO_SAVED_SEARCH = "no-saved-search"
    NO_CORRECTION = "no-correction"
    NO_CORRECTIONS = "no-corrections"
    NO_PARAGRAPH = "no-paragraph"
    SPLIT_AT_START = "split-at-start"
    NO_NEIGHBOUR = "no-neighbour"
    NOT_A_KIND = "not-a-kind"
    NOT_A_ROLE = "not-a-role"
    CORRECTION_TEXT_EMPTY = "correction-text-empty"
    NOT_EDITED = "not-edited"
    ARTICLE_NOT_ON_PAGE = "article-not-on-page"
    CORRECTION_DOES_NOT_APPLY = "correction-does-not-apply"
    ANNOTATIONS_BAD_CORRECTIONS = "annotations-bad-corrections"
    SAVED_SEARCH_EMPTY = "saved-search-empty"
    SAVED_SEARCH_EXISTS = "saved-search-exists"
    HIGHLIGHT_OUT_OF_RANGE = "highlight-out-of-range"
    HIGHLIGHT_CANNOT_RESTORE = "highlight-cannot-restore"
    HIGHLIGHT_NEEDS_COLOR = "highlight-needs-color"
    NOT_A_COLOR = "not-a-color"
    TAG_NAME_EMPTY = "tag-name-empty"
    NO_TAG_NAMES = "no-tag-names"
    NO_ARTICLES_SELECTED = "no-articles-selected"
    NOT_A_DATE = "not-a-date"
    DATE_WRONG_PRECISION = "date-wrong-precision"
    DATE_NEEDED = "date-needed"
    UNKNOWN_PRECISION = "unknown-precision"
    # -- the library file
    LIBRARY_IS_FOLDER = "library-is-folder"
    LIBRARY_DIR_IS_FILE = "library-dir-is-file"
    LIBRARY_FOLDER_FAILED = "library-folder-failed"
    LIBRARY_OPEN_FAILED = "library-open-failed"
    LIBRARY_NOT_SQLITE = "library-not-sqlite"
    LIBRARY_IN_USE = "library-in-use"
    LIBRARY_DAMAGED = "library-damaged"
    LIBRARY_DAMAGED_RESCUED = "library-damaged-rescued"
    LIBRARY_TOO_NEW = "library-too-new"
    LIBRARY_NOT_READER = "library-not-reader"
    # -- the library's safety: damage, backups, read-only (reader/library/opening.py)
    LIBRARY_EMPTY_FILE = "library-empty-file"
    LIBRARY_FILE_MISSING = "library-file-missing"
    LIBRARY_OPENED_READ_ONLY = "library-opened-read-only"
    LIBRARY_OPENED_DAMAGED = "library-opened-damaged"
    LIBRARY_READ_ONLY_NEEDS_UPGRADE = "library-read-only-needs-upgrade"
    LIBRARY_WRITE_REFUSED = "library-write-refused"
    WHY_CANNOT_WRITE = "why-cannot-write"
    WHY_DAMAGED = "why-damaged"
    WAL_LOST = "wal-lost"
    RESTORE_ADVICE = "restore-advice"
    NO_BACKUP_ADVICE = "no-backup-advice"
    DAILY_BACKUP_FAILED = "daily-backup-failed"
    NO_BACKUPS = "no-backups"
    NO_SUCH_BACKUP = "no-such-backup"
    BACKUP_DAMAGED = "backup-damaged"
    LIBRARY_OPEN_ELSEWHERE = "library-open-elsewhere"
    BACKUP_IS_LIBRARY = "backup-is-library"
    BACKUP_IS_FOLDER = "backup-is-folder"
    BACKUP_NO_FOLDER = "backup-no-folder"
    BACKUP_NOT_A_BACKUP = "backup-not-a-backup"
    BACKUP_FAILED = "backup-failed"
    # -- annotations files
    ANNOTATIONS_NO_FORMAT = "annotations-no-format"
    ANNOTATIONS_BAD_VERSION = "annotations-bad-version"
    ANNOTATIONS_TOO_NEW = "annotations-too-new"
    ANNOTATIONS_NOT_LISTS = "annotations-not-lists"
    ANNOTATIONS_TAG_NAME = "annotations-tag-name"
    ANNOTATIONS_TAG_COLOR = "annotations-tag-color"
    ANNOTATIONS_NO_KEY = "annotations-no-key"
    ANNOTATIONS_BAD_TAGS = "annotations-bad-tags"
    ANNOTATIONS_BAD_NOTE = "annotations-bad-note"
    ANNOTATIONS_BAD_HIGHLIGHTS = "annotations-bad-highlights"
    ANNOTATIONS_BAD_SEARCHES = "annotations-bad-searches"
    ANNOTATIONS_NO_QUOTE = "annotations-no-quote"
    ANNOTATIONS_BAD_OFFSETS = "annotations-bad-offsets"
    ANNOTATIONS_BAD_FIELD = "annotations-bad-field"
    ANNOTATIONS_BAD_READING = "annotations-bad-reading"
    # -- reading page files: "Cannot read NAME: <reason>."
    CANNOT_READ = "cannot-read"
    READ_MISSING = "read-missing"
    READ_FOLDER = "read-folder"
    READ_DENIED = "read-denied"
    READ_BAD_BOM = "read-bad-bom"
    READ_BINARY = "read-binary"
    READ_NOT_TEXT = "read-not-text"
    READ_OS = "read-os"
    READ_NOT_REGULAR = "read-not-regular"
    READ_TOO_BIG = "read-too-big"
    READ_EMPTY = "read-empty"
    NO_PAGE_FILES = "no-page-files"
    # -- page metadata: a page.json beside a page file ("Cannot read PATH: <reason>."), a batch
    SIDECAR_NOT_JSON = "sidecar-not-json"
    SIDECAR_NOT_OBJECT = "sidecar-not-object"
    SIDECAR_BAD_FILES = "sidecar-bad-files"
    SIDECAR_BAD_ENTRY = "sidecar-bad-entry"
    SIDECAR_NOT_TEXT = "sidecar-not-text"
    SIDECAR_BAD_DATE = "sidecar-bad-date"
    SIDECAR_BAD_PAGE = "sidecar-bad-page"
    PAGE_NUMBER_FOR_BATCH = "page-number-for-batch"
    # -- writing files: "Cannot write PATH: <reason>."
    CANNOT_WRITE = "cannot-write"
    WRITE_DISK_FULL = "write-disk-full"
    WRITE_QUOTA = "write-quota"
    WRITE_DENIED = "write-denied"
    WRITE_READ_ONLY = "write-read-only"
    WRITE_NO_FOLDER = "write-no-folder"
    WRITE_NOT_FOLDER = "write-not-folder"
    WRITE_IS_FOLDER = "write-is-folder"
    WRITE_NAME_TOO_LONG = "write-name-too-long"
    WRITE_OS = "write-os"
    WRITE_INTO_FILE = "write-into-file"
    EXISTS = "exists"
    EXISTS_MANY = "exists-many"
    EXISTS_USE_FORCE = "exists-use-force"
    EXISTS_FORCE_OVERWRITES = "exists-force-overwrites"
    EXISTS_MANY_FORCE_OVERWRITES = "exists-many-force-overwrites"
    # -- export
    EXPORT_NOTHING_SELECTED = "export-nothing-selected"
    EXPORT_NO_HIGHLIGHTS = "export-no-highlights"
    EXPORT_NOTHING_NAMED = "export-nothing-named"
    EXPORT_NONE_TAGGED = "export-none-tagged"
    EXPORT_NONE_MATCH = "export-none-match"
    EXPORT_TARGET_IS_FOLDER = "export-target-is-folder"
    UNKNOWN_FORMAT = "unknown-format"
    UNKNOWN_ORDER = "unknown-order"
    UNKNOWN_PART = "unknown-part"
    HIGHLIGHTS_ONLY_ALONE = "highlights-only-alone"
    NOTHING_TO_INCLUDE = "nothing-to-include"
    # -- the search index
    INDEX_BUILD_FAILED = "index-build-failed"
    INDEX_BUSY = "index-busy"
    INDEX_DAMAGED = "index-damaged"
    INDEX_NOT_FOLDER = "index-not-folder"
    # -- command line
    FILE_MISSING = "file-missing"
    NOT_JSON = "not-json"
    LIMIT_TOO_SMALL = "limit-too-small"
    # -- the environment (SQLite's and the system's failures)
    DISK_FULL = "disk-full"
    LIBRARY_READ_ONLY = "library-read-only"
    LIBRARY_BUSY = "library-busy"
    DISK_IO = "disk-io"
    LIBRARY_CANNOT_OPEN_FILE = "library-cannot-open-file"
    NO_WRITE_PERMISSION = "no-write-permission"
    NO_WRITE_PERMISSION_HERE = "no-write-permission-here"
    READ_ONLY_DISK = "read-only-disk"
    READ_ONLY_DISK_HERE = "read-only-disk-here"
    # -- notices: how a query was read
    LONE_MINUS = "lone-minus"
    UNBALANCED_QUOTE = "unbalanced-quote"
    EMPTY_QUOTES = "empty-quotes"
    UNKNOWN_FILTER = "unknown-filter"
    FILTER_NO_VALUE = "filter-no-value"
    FILTER_BAD_VALUE = "filter-bad-value"
    NOT_NOT = "not-not"
    NOT_ALONE = "not-alone"
    NOT_MINUS = "not-minus"
    AND_ALONE = "and-alone"
    OR_ALONE = "or-alone"
    OR_FILTERS = "or-filters"
    NOTHING_MATCHED = "nothing-matched"


_NOT_ANNOTATIONS = "This is not a Reader annotations file: "

#: The English sentence of every code (the CLI's language and the window's English).
ENGLISH: dict[Code, str] = {
    Code.NO_ARTICLE: "No article with id {id}.",
    Code.NO_ISSUE: "No issue with id {id}.",
    Code.NO_PAGE: "No page with id {id}.",
    Code.NO_PAPER: "No paper named “{name}”.",
    Code.PAPER_NAME_EMPTY: "A paper needs a name.",
    Code.NOT_A_PAGE_NUMBER: "“{number}” is not a page number: use a whole number from 1.",
    Code.NO_PAGE_FIELDS: "Nothing to change: give at least one field to set.",
    Code.NO_HIGHLIGHT: "No highlight with id {id}.",
    Code.NO_TAG: "No tag named “{name}”.",
    Code.NO_SAVED_SEARCH: "No saved search named “{name}”.",
    Code.NO_CORRECTION: "No correction with id {id}.",
    Code.NO_CORRECTIONS: "There is no correction to undo.",
    Code.NO_PARAGRAPH: "Article {id} has no paragraph {number}: it has {count}.",
    Code.SPLIT_AT_START: "Article {id} already starts with paragraph 1: split before a later "
                         "paragraph.",
    Code.NO_NEIGHBOUR: "Article {id} has no {direction} article on its page.",
    Code.NOT_A_KIND: "“{kind}” is not a kind of article: use one of {kinds}.",
    Code.NOT_A_ROLE: "“{role}” is not a role for a line: use one of {roles}.",
    Code.CORRECTION_TEXT_EMPTY: "The text cannot be empty: mark the line as furniture to drop it.",
    Code.NOT_EDITED: "Paragraph {number} of article {id} has not been edited.",
    Code.ARTICLE_NOT_ON_PAGE: "Article {id} is no longer on its page (not in the latest parse), "
                              "so it cannot be corrected.",
    Code.CORRECTION_DOES_NOT_APPLY: "That correction would change nothing on the page.",
    Code.ANNOTATIONS_BAD_CORRECTIONS: _NOT_ANNOTATIONS + "its corrections are not a list of "
                                      "source, action, target and value.",
    Code.SAVED_SEARCH_EMPTY: "A saved search needs a name and a query.",
    Code.SAVED_SEARCH_EXISTS: "There is already a saved search named “{name}”.",
    Code.HIGHLIGHT_OUT_OF_RANGE: "A highlight must cover characters 0 to {length} of the "
                                 "article and at least one of them, not {start} to {end}.",
    Code.HIGHLIGHT_CANNOT_RESTORE: "Cannot restore a highlight without a quote and its place.",
    Code.HIGHLIGHT_NEEDS_COLOR: "A highlight needs a colour.",
    Code.NOT_A_COLOR: "“{color}” is not a colour: use a name like yellow or #rrggbb.",
    Code.TAG_NAME_EMPTY: "A tag name cannot be empty.",
    Code.NO_TAG_NAMES: "Give at least one tag name.",
    Code.NO_ARTICLES_SELECTED: "Select at least one article.",
    Code.NOT_A_DATE: "“{date}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.",
    Code.DATE_WRONG_PRECISION: "“{date}” does not have {precision} precision.",
    Code.DATE_NEEDED: "A date is needed for any precision other than unknown.",
    Code.UNKNOWN_PRECISION: "Unknown date precision “{precision}”.",
    Code.LIBRARY_IS_FOLDER: "Cannot open the library {path}: it is a folder, not a library file.",
    Code.LIBRARY_DIR_IS_FILE: "Cannot use {path} as the library folder: it is a file, not a "
                              "folder.",
    Code.LIBRARY_FOLDER_FAILED: "Cannot create the folder for the library {path}: {reason}.",
    Code.LIBRARY_OPEN_FAILED: "Cannot open the library {path}: {reason}.",
    Code.LIBRARY_NOT_SQLITE: "Cannot open the library {path}: it is not a SQLite database. "
                             "{advice}",
    Code.LIBRARY_IN_USE: "Cannot open the library {path}: another program is using it.",
    Code.LIBRARY_DAMAGED: "Cannot open the library {path}: the file is damaged. {advice}",
    Code.LIBRARY_DAMAGED_RESCUED: "The library is damaged: saved what could still be read "
                                  "({lost} rows could not be read).",
    Code.LIBRARY_TOO_NEW: "Cannot open the library {path}: it was written by a newer version "
                          "of Reader (schema {reached}, this version knows {newest}).",
    Code.LIBRARY_EMPTY_FILE: "The library file {path} is empty (0 bytes); Reader does not start "
                             "a new library over it. {advice}",
    Code.LIBRARY_FILE_MISSING: "The library file {path} is missing, but backups of it are in "
                               "{folder}; Reader does not start a new library in its place. "
                               "{advice}",
    Code.LIBRARY_OPENED_READ_ONLY: "The library {path} cannot be written (no permission, or a "
                                   "read-only disk): it is open read-only; reading, searching "
                                   "and exporting work.",
    Code.LIBRARY_OPENED_DAMAGED: "The library {path} is damaged (SQLite's check: {detail}): it "
                                 "is open read-only, so nothing more is written into it. {advice}",
    Code.LIBRARY_READ_ONLY_NEEDS_UPGRADE: "The library {path} was made by an older Reader and "
                                          "needs upgrading, but it cannot be written.",
    Code.LIBRARY_WRITE_REFUSED: "Nothing was changed: the library is open read-only ({why}).",
    Code.WHY_CANNOT_WRITE: "it cannot be written",
    Code.WHY_DAMAGED: "it is damaged; reader restore puts back a backup",
    Code.WAL_LOST: "Reader was not closed properly and the library's write-ahead log ({wal}) "
                   "is gone: changes made after {since} may be lost. {advice}",
    Code.RESTORE_ADVICE: "The newest good backup is from {day}: reader restore puts it back.",
    Code.NO_BACKUP_ADVICE: "There is no good backup of it.",
    Code.DAILY_BACKUP_FAILED: "The daily backup of the library failed: {reason}.",
    Code.NO_BACKUPS: "There are no backups in {folder}.",
    Code.NO_SUCH_BACKUP: "No backup named {name} in {folder} (reader restore lists them).",
    Code.BACKUP_DAMAGED: "The backup {path} is damaged ({detail}); choose another.",
    Code.LIBRARY_OPEN_ELSEWHERE: "Another Reader (process {pid}) has this library open; close it "
                                 "before restoring.",
    Code.LIBRARY_NOT_READER: "Cannot open the library {path}: it is a SQLite database but not "
                             "a Reader library.",
    Code.BACKUP_IS_LIBRARY: "Cannot back up the library to {path}: that is the library itself.",
    Code.BACKUP_IS_FOLDER: "Cannot back up the library to {path}: it is a folder.",
    Code.BACKUP_NO_FOLDER: "Cannot back up the library to {path}: the folder {folder} does "
                           "not exist.",
    Code.BACKUP_NOT_A_BACKUP: "Cannot back up the library to {path}: a file that is not a "
                              "library backup is already there.",
    Code.BACKUP_FAILED: "Cannot back up the library to {path}: {reason}.",
    Code.ANNOTATIONS_NO_FORMAT: _NOT_ANNOTATIONS + "it has no “format”: “{format}”.",
    Code.ANNOTATIONS_BAD_VERSION: _NOT_ANNOTATIONS + "its version is missing or wrong.",
    Code.ANNOTATIONS_TOO_NEW: "This annotations file was written by a newer Reader (version "
                              "{version}); update Reader to import it.",
    Code.ANNOTATIONS_NOT_LISTS: _NOT_ANNOTATIONS + "“tags” and “articles” must be lists.",
    Code.ANNOTATIONS_TAG_NAME: _NOT_ANNOTATIONS + "every tag needs a name.",
    Code.ANNOTATIONS_TAG_COLOR: _NOT_ANNOTATIONS + "the colour of tag “{tag}” is not text.",
    Code.ANNOTATIONS_NO_KEY: _NOT_ANNOTATIONS + "article {n} has no key.",
    Code.ANNOTATIONS_BAD_TAGS: _NOT_ANNOTATIONS + "article {n} has tags that are not a list "
                                                  "of names.",
    Code.ANNOTATIONS_BAD_NOTE: _NOT_ANNOTATIONS + "article {n} has a note without text.",
    Code.ANNOTATIONS_BAD_HIGHLIGHTS: _NOT_ANNOTATIONS + "article {n} has highlights that are "
                                                        "not a list.",
    Code.ANNOTATIONS_BAD_SEARCHES: _NOT_ANNOTATIONS + "its saved searches are not a list of "
                                                      "names with queries.",
    Code.ANNOTATIONS_NO_QUOTE: _NOT_ANNOTATIONS + "article {n} has a highlight without a quote.",
    Code.ANNOTATIONS_BAD_OFFSETS: _NOT_ANNOTATIONS + "article {n} has a highlight whose start "
                                                     "and end are not offsets.",
    Code.ANNOTATIONS_BAD_FIELD: _NOT_ANNOTATIONS + "article {n} has a highlight with a field "
                                                   "that is not text.",
    Code.ANNOTATIONS_BAD_READING: _NOT_ANNOTATIONS + "article {n} has a reading state that is "
                                                     "not read/starred times and a place "
                                                     "from 0 to 1000.",
    Code.CANNOT_READ: "Cannot read {name}: {reason}.",
    Code.READ_MISSING: "the file does not exist",
    Code.READ_FOLDER: "it is a folder, not a page file",
    Code.READ_DENIED: "permission denied",
    Code.READ_BAD_BOM: "it starts with a {encoding} byte-order mark but is not valid text in "
                       "that encoding",
    Code.READ_BINARY: "it is a binary file, not a text page",
    Code.READ_NOT_TEXT: "it is neither UTF-8, UTF-16 nor GB18030 text",
    Code.READ_OS: "{detail}",
    Code.READ_NOT_REGULAR: "it is a pipe, device or socket, not a page file",
    Code.READ_TOO_BIG: "it is {size} MB; a page file is at most {limit} MB",
    Code.READ_EMPTY: "it holds no text",
    Code.NO_PAGE_FILES: "No page files found there.",
    Code.SIDECAR_NOT_JSON: "it is not valid JSON ({detail}, line {line})",
    Code.SIDECAR_NOT_OBJECT: "it must hold one JSON object",
    Code.SIDECAR_BAD_FILES: "\"files\" must map file names to objects",
    Code.SIDECAR_BAD_ENTRY: "the entry of {file} must be an object",
    Code.SIDECAR_NOT_TEXT: "\"{key}\" must be text",
    Code.SIDECAR_BAD_DATE: "\"date\" {value} is not a date (write 2025-01-07)",
    Code.SIDECAR_BAD_PAGE: "\"page_number\" {value} is not a page number (write 19)",
    Code.PAGE_NUMBER_FOR_BATCH: "A page number names one page: give it for one file, not {count}.",
    Code.CANNOT_WRITE: "Cannot write {path}: {reason}.",
    Code.WRITE_DISK_FULL: "the disk is full",
    Code.WRITE_QUOTA: "the disk quota is used up",
    Code.WRITE_DENIED: "permission denied",
    Code.WRITE_READ_ONLY: "the disk is read-only",
    Code.WRITE_NO_FOLDER: "the folder does not exist",
    Code.WRITE_NOT_FOLDER: "a part of the path is not a folder",
    Code.WRITE_IS_FOLDER: "it is a folder",
    Code.WRITE_NAME_TOO_LONG: "the name is too long",
    Code.WRITE_OS: "{detail}",
    Code.WRITE_INTO_FILE: "Cannot write into {folder}: it is a file, not a folder.",
    Code.EXISTS: "{path} already exists; not overwriting it.",
    Code.EXISTS_MANY: "{path} and {more} more files already exist; not overwriting them.",
    Code.EXISTS_USE_FORCE: "{path} already exists; add --force to replace it.",
    Code.EXISTS_FORCE_OVERWRITES: "{path} already exists; not overwriting it (--force "
                                  "overwrites).",
    Code.EXISTS_MANY_FORCE_OVERWRITES: "{path} and {more} more files already exist; not "
                                       "overwriting them (--force overwrites).",
    Code.EXPORT_NOTHING_SELECTED: "Nothing to export: no articles were selected.",
    Code.EXPORT_NO_HIGHLIGHTS: "None of the selected articles has highlights; nothing was "
                               "written.",
    Code.EXPORT_NOTHING_NAMED: "Nothing to export: name article ids, --tag, --query or --issue.",
    Code.EXPORT_NONE_TAGGED: "No articles are tagged {tag}.",
    Code.EXPORT_NONE_MATCH: "No articles match {query}.",
    Code.EXPORT_TARGET_IS_FOLDER: "{path} is a folder: give a file name, or use --split to "
                                  "write one file per article into it.",
    Code.UNKNOWN_FORMAT: "Unknown format '{value}': use {choices}.",
    Code.UNKNOWN_ORDER: "Unknown order '{value}': use {choices}.",
    Code.UNKNOWN_PART: "Unknown part '{value}': use {choices}.",
    Code.HIGHLIGHTS_ONLY_ALONE: "{part} cannot be combined with other parts.",
    Code.NOTHING_TO_INCLUDE: "Nothing to include: name at least one part.",
    Code.INDEX_BUILD_FAILED: "Building the search index failed part-way; rebuild it again.",
    Code.INDEX_BUSY: "The search index is being written by another Reader window; try again "
                     "when it is done.",
    Code.INDEX_DAMAGED: "The search index is damaged; rebuild it (reader reindex).",
    Code.INDEX_NOT_FOLDER: "The search index folder {path} is a file; move it away and the "
                           "index will be built again.",
    Code.FILE_MISSING: "{path} does not exist.",
    Code.NOT_JSON: "{path} is not JSON (line {line}: {detail}).",
    Code.LIMIT_TOO_SMALL: "--limit must be at least 1.",
    Code.DISK_FULL: "The disk is full; free some space and try again.",
    Code.LIBRARY_READ_ONLY: "The library is read-only (no permission to write, or a "
                            "read-only disk).",
    Code.LIBRARY_BUSY: "Another program is using the library; try again in a moment.",
    Code.DISK_IO: "Reading or writing the disk failed (it may be full or disconnected).",
    Code.LIBRARY_CANNOT_OPEN_FILE: "Cannot open the library file (its folder may be missing "
                                   "or not writable).",
    Code.NO_WRITE_PERMISSION: "No permission to write {where}.",
    Code.NO_WRITE_PERMISSION_HERE: "No permission to write there.",
    Code.READ_ONLY_DISK: "{where} is on a read-only disk.",
    Code.READ_ONLY_DISK_HERE: "The disk is read-only.",
    Code.LONE_MINUS: "A lone “-” was ignored; put it right before the word to exclude.",
    Code.UNBALANCED_QUOTE: "Unbalanced quote ignored; searched for the words instead.",
    Code.EMPTY_QUOTES: "Empty quotes were ignored.",
    Code.UNKNOWN_FILTER: "Unknown filter “{filter}:”; searched for “{raw}” as text instead.",
    Code.FILTER_NO_VALUE: "The filter “{filter}:” has no value; searched for “{raw}” as text "
                          "instead.",
    Code.FILTER_BAD_VALUE: "“{value}” is not a valid {filter}: value; searched for “{raw}” as "
                           "text instead.",
    Code.NOT_NOT: "“NOT NOT” was read as one NOT.",
    Code.NOT_ALONE: "“NOT” needs a word after it; it was ignored.",
    Code.NOT_MINUS: "“NOT -word” was read as one exclusion.",
    Code.AND_ALONE: "“AND” needs a word on both sides; it was ignored.",
    Code.OR_ALONE: "“OR” needs a word on both sides; it was ignored.",
    Code.OR_FILTERS: "OR joins words, not filters; all filters apply.",
    Code.NOTHING_MATCHED: "Nothing matched; try the search without its filters.",
}


@dataclass(frozen=True)
class Message:
    """A code with its parameters: a sentence not yet put into words.

    `str(message)` is the English (the CLI's); the window renders the code in
    its own language.  Parameters are kept as a sorted tuple so a message is
    hashable (notices are de-duplicated).
    """

    code: Code
    items: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: Code, **params: object) -> Message:
        return cls(code, tuple(sorted(params.items())))

    @property
    def params(self) -> dict[str, object]:
        return dict(self.items)

    def render(self, templates: dict[Code, str]) -> str:
        """The sentence in the language of `templates` (nested messages too)."""
        values = {
            name: value.render(templates) if isinstance(value, Message) else value
            for name, value in self.items
        }
        return templates[self.code].format(**values)

    def __str__(self) -> str:
        return self.render(ENGLISH)
