"""Exceptions that carry a user-facing sentence.

Every error a user can cause (a bad file, an unknown id) is a `ReaderError`
whose message is one clear sentence; the CLI prints it and exits 1, the
window shows it in the message channel.  Anything else is a bug.
"""


class ReaderError(Exception):
    """An error the user can act on; `str(error)` is the sentence to show."""


class IngestError(ReaderError):
    """A page file that cannot be read or decoded."""
