"""Reader: a desktop reader for Chinese newspaper pages.

The package is layered (see ../shared/DESIGN.md): `ingest`, `library`, `search` and
`export` sit at the bottom, `app` composes them, `cli` and `ui` sit on top.
Only `reader.ui` imports Qt.
"""

__version__ = "0.1.0"
