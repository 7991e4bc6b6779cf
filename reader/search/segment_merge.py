"""Which of the word index's segments to merge after a large catch-up (issue 17).

A catch-up commits one Whoosh segment per `index_writing.BATCH_DOCS` documents, so that a killed
import keeps what it committed; each segment repeats the term table of the words it holds,
and most words of an archive are in one or two articles: after a 100k import six segments
took 145.6 MB where one takes 97.7.  Whoosh's own `MERGE_SMALL` merges only once there are
five segments or more, and then everything small, however recently written.

The rule here is a tiered one (in the manner of Lucene's): take the segments from the
smallest up, and keep taking while the next is at most `RATIO` times what is taken so far
(anything under `FLOOR` documents counts as `FLOOR`), as long as the merged segment stays
at most `MOST` documents.  Equal batches of an import merge into one; a large old segment is
not rewritten for a small import (its cost would grow with the library at every import);
one merge step rewrites at most `MOST` documents, so that it takes about as long as the
commit of a batch and the window's searches never wait for the whole library.  Each
step leaves fewer segments, so repeating steps ends.

`MOST` is one full import batch: the segments of full batches are never rewritten.  At a
million articles, merging a large import's ten 100,000-document segments in pairs took five
steps of ~85 CPU-s on one core after the import (a third of a 1 MB/s import's time), for
five segments instead of ten; the 1M search figures were measured on ten.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["FLOOR", "MOST", "RATIO", "merge_group", "merge_steps", "tiered"]

#: Segments smaller than this count as this big (what one import batch was before the batches
#: grew to `index_writing.BATCH_DOCS`, 100,000).
FLOOR = 20_000
#: A segment joins the group when it is at most this many times the group so far.
RATIO = 2
#: A merged segment holds at most this many documents (about 130 MB of page text, one full
#: import batch, `index_writing.BATCH_DOCS`; a step of 200,000 took ~85 CPU-s).
MOST = 100_000


def merge_group(sizes: Sequence[int], floor: int | None = None,
                most: int | None = None) -> list[int]:
    """The positions in `sizes` (documents in each segment) to merge into one, in their
    order; empty when no two segments should be merged.  `floor` and `most`: FLOOR and
    MOST unless given."""
    floor = FLOOR if floor is None else floor
    most = MOST if most is None else most
    group: list[int] = []
    total = 0
    for position in sorted(range(len(sizes)), key=lambda i: (sizes[i], i)):
        size = sizes[position]
        if group and (size > RATIO * max(total, floor) or total + size > most):
            break
        group.append(position)
        total += size
    return sorted(group) if len(group) > 1 else []


def merge_steps(sizes: Sequence[int], floor: int | None = None,
                most: int | None = None) -> list[int]:
    """The documents each step will rewrite, merging `sizes` until `merge_group` picks
    nothing (for progress: deleted documents, dropped by a merge, are counted)."""
    sizes = list(sizes)
    steps: list[int] = []
    while group := merge_group(sizes, floor, most):
        merged = sum(sizes[i] for i in group)
        steps.append(merged)
        sizes = [size for i, size in enumerate(sizes) if i not in group] + [merged]
    return steps


def tiered(floor: int | None = None, most: int | None = None):
    """A Whoosh merge policy (`writer.commit(mergetype=…)`) merging `merge_group`'s segments
    into the writer's new segment, in their order, and keeping the others as they are."""
    from whoosh.reading import SegmentReader

    def policy(writer, segments: list) -> list:
        chosen = set(merge_group([s.doc_count_all() for s in segments], floor, most))
        for position in sorted(chosen):
            reader = SegmentReader(writer.storage, writer.schema, segments[position])
            try:
                writer.add_reader(reader)
            finally:
                reader.close()
        return [s for i, s in enumerate(segments) if i not in chosen]

    return policy
