"""A note's Markdown as the side panel shows it: safe HTML that fetches nothing.

Notes are written in Markdown (emphasis, lists, quotes, headings, code,
links) and rendered with markdown-it-py, a CommonMark parser, not by
patterns written here.  What the reader typed can never reach the screen
as markup of its own or make the app load anything:

- raw HTML is not passed through (`html: False`): `<img src=…>` or
  `<script>` show as the characters typed;
- an image becomes its description in brackets ([图片：说明]), never an
  `<img>`: Qt's text browser would load a local file or resource for it;
- a link keeps its text and shows where it points, in parentheses, as plain
  text; nothing is clickable, so nothing is opened or fetched;
- only the URL schemes markdown-it considers safe are linked at all (it
  drops `javascript:` and `data:` itself).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


def _image(_renderer, tokens, idx, _options, env) -> str:
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or ()) or token.content
    word = escape(env.get("image_word", "图片"))
    return f"[{word}：{escape(alt)}]" if alt else f"[{word}]"


def _link_open(_renderer, tokens, idx, _options, _env) -> str:
    return '<span class="link">'


def _link_close(_renderer, tokens, idx, _options, _env) -> str:
    # The target comes from the matching opener: shown, not followed.
    depth = 0
    for back in range(idx - 1, -1, -1):
        token = tokens[back]
        if token.type == "link_close":
            depth += 1
        elif token.type == "link_open":
            if depth == 0:
                href = str(token.attrGet("href") or "")
                text = "".join(t.content for t in tokens[back + 1:idx])
                if href and href != text:
                    return f'</span><span class="url">（{escape(href)}）</span>'
                return "</span>"
            depth -= 1
    return "</span>"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here: markdown-it is 60 modules, and the window draws itself before any note.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "typographer": False})
    parser.add_render_rule("image", _image)
    parser.add_render_rule("link_open", _link_open)
    parser.add_render_rule("link_close", _link_close)
    return parser


def note_html(text: str, image_word: str = "图片") -> str:
    """The note's Markdown as HTML for a rich-text view (see the module docstring);
    `image_word` names an image in the window's language."""
    return _parser().render(text or "", {"image_word": image_word})


__all__ = ["note_html"]
