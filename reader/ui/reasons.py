"""Chinese for the sentences the core layers write in English.

The library, the importer and the query parser explain themselves in one
English sentence each (the CLI prints them as they are).  The window is
Chinese by default, so before it shows such a sentence it passes it
through `localized`, which recognises each sentence the core can write
(a closed set, every one tested in tests/ui/test_reasons.py) and returns
its Chinese form.  With the English translation installed, or for a
sentence it does not know, the text comes back unchanged.

`environment_reason` turns the operating system's and SQLite's failures
(disk full, no permission, read-only disk, library busy) into one
sentence a reader can act on.
"""

from __future__ import annotations

import errno
import re
import sqlite3

from reader.ui import translation

#: Why a file could not be read ("Cannot read NAME: WHY."), English → Chinese.
_READ_REASONS: tuple[tuple[str, str], ...] = (
    (r"the file does not exist", "文件不存在"),
    (r"it is a folder, not a page file|it is a folder", "这是一个文件夹，不是版面文件"),
    (r"permission denied|Permission denied", "没有读取权限"),
    (r"it is a binary file, not a text page", "这是二进制文件，不是文本版面"),
    (r"it is neither UTF-8, UTF-16 nor GB18030 text", "它不是 UTF-8、UTF-16 或 GB18030 编码的文本"),
    (r"it starts with a (?P<enc>\S+) byte-order mark but is not valid text in that encoding",
     "它以 {enc} 字节顺序标记开头，内容却不是这种编码的文本"),
    (r"No such file or directory", "文件不存在"),
    (r"Is a directory", "这是一个文件夹，不是版面文件"),
)

#: Whole sentences, English pattern → Chinese template (named groups carry over).
_SENTENCES: tuple[tuple[str, str], ...] = (
    # query notices (reader.search.query, reader.app.searching)
    (r"A lone “-” was ignored; put it right before the word to exclude\.",
     "单独的“-”已忽略；要排除某个词，请把“-”紧贴在这个词前面。"),
    (r"Unbalanced quote ignored; searched for the words instead\.",
     "引号不成对，已忽略引号，按词语搜索。"),
    (r"Empty quotes were ignored\.", "空引号已忽略。"),
    (r"Unknown filter “(?P<f>.*):”; searched for “(?P<raw>.*)” as text instead\.",
     "没有“{f}:”这种筛选条件，已把“{raw}”当作文字搜索。"),
    (r"The filter “(?P<f>.*):” has no value; searched for “(?P<raw>.*)” as text instead\.",
     "筛选条件“{f}:”后面没有值，已把“{raw}”当作文字搜索。"),
    (r"“(?P<v>.*)” is not a valid (?P<f>\w+): value; searched for “(?P<raw>.*)” as text instead\.",
     "“{v}”不是有效的 {f}: 值，已把“{raw}”当作文字搜索。"),
    (r"“NOT NOT” was read as one NOT\.", "“NOT NOT”按一个 NOT 处理。"),
    (r"“NOT” needs a word after it; it was ignored\.", "“NOT”后面要跟一个词，已忽略。"),
    (r"“NOT -word” was read as one exclusion\.", "“NOT -词”按一次排除处理。"),
    (r"“AND” needs a word on both sides; it was ignored\.", "“AND”两边都要有词，已忽略。"),
    (r"“OR” needs a word on both sides; it was ignored\.", "“OR”两边都要有词，已忽略。"),
    (r"OR joins words, not filters; all filters apply\.",
     "OR 只能连接词语，不能连接筛选条件；所有筛选条件都已生效。"),
    (r"Nothing matched; try the search without its filters\.",
     "没有结果；可以去掉筛选条件再试。"),
    # the library (reader.library)
    (r"No article with id (?P<id>\d+)\.", "没有编号为 {id} 的文章。"),
    (r"No issue with id (?P<id>\d+)\.", "没有编号为 {id} 的一期。"),
    (r"No highlight with id (?P<id>\d+)\.", "没有编号为 {id} 的划线。"),
    (r"Cannot open the library (?P<p>.+): it is a folder, not a library file\.",
     "无法打开书库 {p}：这是一个文件夹，不是书库文件。"),
    (r"Cannot open the library (?P<p>.+): it is not a SQLite database\.",
     "无法打开书库 {p}：它不是 SQLite 数据库。"),
    (r"Cannot open the library (?P<p>.+): another program is using it\.",
     "无法打开书库 {p}：另一个程序正在使用它。"),
    (r"Cannot open the library (?P<p>.+): the file is damaged\.",
     "无法打开书库 {p}：文件已损坏。"),
)

_COMPILED = [(re.compile(pattern), template) for pattern, template in _SENTENCES]
_READ = re.compile(r"Cannot read (?P<name>.+?): (?P<why>.+?)\.?")
_READ_COMPILED = [(re.compile(pattern), template) for pattern, template in _READ_REASONS]


def _chinese_read_reason(why: str) -> str | None:
    for pattern, template in _READ_COMPILED:
        match = pattern.fullmatch(why)
        if match:
            return template.format(**match.groupdict())
    return None


def localized(text: str) -> str:
    """`text` in the window's language: Chinese for a sentence the core writes, else as is."""
    if translation.current_language() != "zh":
        return text
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            return template.format(**match.groupdict())
    match = _READ.fullmatch(text)
    if match:
        why = _chinese_read_reason(match["why"])
        if why is not None:
            return f"无法读取 {match['name']}：{why}。"
    return text


def file_reason(text: str) -> str:
    """Why one file failed, without the file's name (the import report shows it already)."""
    match = _READ.fullmatch(text)
    if match:
        if translation.current_language() != "zh":
            return match["why"][:1].upper() + match["why"][1:] + "."
        why = _chinese_read_reason(match["why"])
        if why is not None:
            return why + "。"
    return localized(text)


#: errno values a user can act on, with what to tell them.
_OS_REASONS = {
    errno.ENOSPC: "磁盘已满，请腾出空间后再试",
    errno.EDQUOT: "磁盘配额已用完，请腾出空间后再试",
    errno.EACCES: "没有权限写入 {where}",
    errno.EPERM: "没有权限写入 {where}",
    errno.EROFS: "{where} 所在的磁盘是只读的",
}


def environment_reason(exc: BaseException) -> str | None:
    """One Chinese sentence (no full stop) for an environment failure, or None if it is not one."""
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        where = exc.filename or "这个位置"
        return _OS_REASONS[exc.errno].format(where=where)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            return _OS_REASONS[errno.ENOSPC]
        if "readonly" in text or "read-only" in text:
            return "书库是只读的（可能没有写入权限，或磁盘是只读的）"
        if "locked" in text or "busy" in text:
            return "书库正被另一个程序占用，请稍后再试"
        if "disk i/o error" in text:
            return "读写磁盘时出错（磁盘可能已满或已断开）"
        if "unable to open" in text:
            return "无法打开书库文件（文件夹可能不存在或没有权限）"
    return None


__all__ = ["environment_reason", "file_reason", "localized"]
