"""The `page.json` beside page files: what a folder (and each file in it) says of its pages.

Shape (every key optional; a file's own entry wins over the folder-wide keys):

    {"paper": "人民日报", "date": "2025-01-07", "page_name": "要闻",
     "files": {"19-党建.txt": {"page_number": 19, "page_name": "党建"}}}

It is the fourth source of `pagemeta`: below the user, a header line and the
file's name, above what the text says.  A sidecar that is not this shape is
reported ("Cannot read …/page.json: <reason>."), not ignored: the user wrote
it to say something.
"""

from __future__ import annotations

import json
import os

from reader.catalogue import Code, Message
from reader.errors import IngestError
from reader.ingest.pagemeta import parse_date, parse_page_number
from reader.models import PageMeta

#: The sidecar's file name, looked for in the page file's folder.
SIDECAR_NAME = "page.json"


def read_sidecar(path: str | os.PathLike) -> PageMeta:
    """What the `page.json` beside a page file says of it (nothing when there is none).

    Raises `IngestError` for a sidecar that is not the documented shape: the
    user wrote it to say something, so a mistake in it is reported, not ignored.
    """
    folder = os.path.dirname(os.path.abspath(os.fspath(path)))
    sidecar = os.path.join(folder, SIDECAR_NAME)
    try:
        with open(sidecar, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return PageMeta()
    except json.JSONDecodeError as error:
        raise _bad(sidecar, Code.SIDECAR_NOT_JSON, detail=error.msg, line=error.lineno) from None
    except UnicodeDecodeError:
        raise _bad(sidecar, Code.READ_NOT_TEXT) from None
    except OSError as error:
        raise _bad(sidecar, Code.READ_OS, detail=error.strerror or str(error)) from None
    if not isinstance(data, dict):
        raise _bad(sidecar, Code.SIDECAR_NOT_OBJECT)
    files = data.get("files") or {}
    if not isinstance(files, dict):
        raise _bad(sidecar, Code.SIDECAR_BAD_FILES)
    name = os.path.basename(os.fspath(path))
    own = files.get(name) or {}
    if not isinstance(own, dict):
        raise _bad(sidecar, Code.SIDECAR_BAD_ENTRY, file=name)
    return _sidecar_fields({**{k: v for k, v in data.items() if k != "files"}, **own}, sidecar)


def _bad(sidecar: str, reason: Code, **params: object) -> IngestError:
    """"Cannot read …/page.json: <reason>." as an error."""
    return IngestError(Message.of(Code.CANNOT_READ, name=sidecar,
                                  reason=Message.of(reason, **params)))


def _sidecar_fields(data: dict, sidecar: str) -> PageMeta:
    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise _bad(sidecar, Code.SIDECAR_NOT_TEXT, key=key)
        return str(value).strip() or None

    day = text("date")
    if day is not None and (day := parse_date(str(day))) is None:
        raise _bad(sidecar, Code.SIDECAR_BAD_DATE, value=repr(data["date"]))
    page_text = text("page_number")
    page = parse_page_number(page_text) if page_text is not None else None
    if page_text is not None and page is None:
        raise _bad(sidecar, Code.SIDECAR_BAD_PAGE, value=repr(data["page_number"]))
    return PageMeta(paper=text("paper"), date=day, page_number=page, page_name=text("page_name"))
