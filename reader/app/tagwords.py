"""Tag names as search words: jieba never cuts a tag apart, and the index agrees with it.

A tag is a word the user cares about (网格化治理), but jieba may cut it
(网格化 / 治理).  Tag names join jieba's dictionary, so a query for the tag is
one token; the articles containing it must then be analysed again, or the
index still holds the old cut and the query matches them only as a substring.

The index records (meta `WORDS_KEY`) which tag names its documents were
analysed with.  `catch_up_tag_words` adds the library's tag names to jieba
and re-indexes just the articles containing a name the index has not seen.
It runs after every index sync and whenever the session creates or renames a
tag with the index open; a library tagged from the CLI, where the index is
not opened, is caught up the next time the index is.  A deleted tag's word
stays in jieba for the process; recall never depends on it (substring search
finds every occurrence), only word ranking does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from reader.app.indexing import docs_for

if TYPE_CHECKING:  # sqlite-utils, jieba and Whoosh load when the library and index open
    from reader.library import Library
    from reader.search import SearchIndex

#: Index meta key: JSON list of the tag names the indexed documents were analysed with.
WORDS_KEY = "tag_words"


def catch_up_tag_words(library: Library, index: SearchIndex, cache_dir: Path,
                       rebuilt: bool = False) -> int:
    """Teach jieba the tag names and re-index the articles containing new ones.

    `rebuilt` says every document was just analysed with the current names.
    Returns how many articles were re-indexed.
    """
    names = {tag.name for tag in library.tags.summaries()}
    from reader.search.analysis import configure_jieba

    configure_jieba(cache_dir, [], extra_words=sorted(names))
    if rebuilt:
        index.set_meta(WORDS_KEY, json.dumps(sorted(names), ensure_ascii=False))
        return 0
    known = set(json.loads(index.meta(WORDS_KEY) or "[]"))
    fresh = names - known
    if not fresh:
        return 0
    ids: set[int] = set()
    for name in fresh:
        ids |= index.ids_containing(name)
    if ids:
        # The documents' content is unchanged (only their analysis), so the index is
        # exactly as much in step with the library afterwards as it was before.
        stamp = index.stamp
        index.update(docs_for(library, ids), [])
        index.set_stamp(stamp)
    index.set_meta(WORDS_KEY, json.dumps(sorted(known | names), ensure_ascii=False))
    return len(ids)
