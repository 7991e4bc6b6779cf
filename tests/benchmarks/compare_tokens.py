"""The word index's tokens of a whole library, as a digest to compare across versions, and
checked against the tokenizer's (issue 17: `analysis.word_counts` must give exactly what
`JiebaTokenizer` gives, which the query side cuts with).  Run by hand:

    python -m tests.benchmarks.compare_tokens LIB [LIB ...]

For every article of each library (and the seed pages' documents) it cuts the text the
writer cuts (`words.document_fields`) with jieba-rs, as the index writer does, and prints
a SHA-256 of every document's `word_counts`, in order; run it with two versions of the
code (e.g. `PYTHONPATH=<other worktree>`) and compare the digests.  It also compares
`analyze` with the tokenizer's tokens, document by document (exit status 1 if one differs).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts_of(library_dir: str) -> list[str]:
    from reader.app.indexing import library_docs
    from reader.app.session import Session
    from reader.paths import resolve_paths
    from reader.search.words import document_fields

    session = Session.open(resolve_paths(library_dir))
    try:
        return [str(document_fields(doc)["text"]) for doc in library_docs(session.library)]
    finally:
        session.close()


def seed_texts() -> list[str]:
    from reader.search.words import document_fields
    from tests.search.conftest import seed_docs

    docs = seed_docs()
    return [str(document_fields(doc)["text"]) for doc in docs] + [d.note for d in docs if d.note]


def main(argv: list[str]) -> int:
    from reader.search import analysis

    texts = seed_texts()
    for library in argv:
        texts += texts_of(library)
    with tempfile.TemporaryDirectory() as cache:
        analysis.configure_jieba(Path(cache), [ROOT / "resources" / "userdict.txt"])
        assert analysis.start_compiled_cutting()
        digest = hashlib.sha256()
        started = time.process_time()
        for text in texts:
            counts = analysis.word_counts(text)
            digest.update(repr(sorted(counts.items())).encode("utf-8"))
        spent = time.process_time() - started
        tokenizer = analysis.JiebaTokenizer()
        differ = [t for t in texts if analysis.analyze(t) != [tok.text for tok in tokenizer(t)]]
    print(f"{len(texts)} texts, {sum(map(len, texts))} characters: word_counts "
          f"{spent:.2f} CPU-s; digest {digest.hexdigest()}")
    print(f"analyze differs from the tokenizer in {len(differ)} texts")
    for text in differ[:5]:
        print(" ", text[:80])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
