"""Bylines, credits and signatures to `Author` values.

One role word governs every name after it until the next role word:
`□本报记者 皇甫美鲜 实习生 郭羽 刘恒` is 本报记者 皇甫美鲜, 实习生 郭羽,
实习生 刘恒.  Papers pad two-character names to the width of three
(`本报记者  张  洋  何昭宇`), so lone characters are paired back into names.
"""

from __future__ import annotations

import re

from reader.ingest import vocab
from reader.models import Author

_NAME_CHAR = re.compile(r"[\u3400-\u9fff·•]")
_SEPARATORS = " \t\u3000\u00a0、，,/／;；"


def parse_byline(text: str, default_role: str | None = None) -> list[Author]:
    """Authors in a byline; [] if `text` does not read as role words and names.

    Without a role word before the first name, `default_role` is used; with
    no default such a line is not a byline.
    """
    body = text.strip().lstrip("□").strip("()（）").strip()
    closing = ""
    for suffix in vocab.NAME_SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix) + 1:
            body, closing = body[: -len(suffix)].rstrip(), suffix
            break
    tokens = _tokenize(body)
    if tokens is None:
        return []
    authors: list[Author] = []
    role = default_role
    for is_role, value in tokens:
        if is_role:
            role = value
            continue
        if role is None and not closing:
            return []
        authors.append(Author(role or "", value))
    if closing:
        # 本报记者王迪采访整理: the closing word is printed text; it qualifies the role
        # of the names it closes (the last role's names).  Without a printed role
        # word (马国栋参与采写) it is the role.
        printed = any(is_role for is_role, _ in tokens)
        last_role = authors[-1].role
        authors = [
            Author(a.role + closing if printed else closing, a.name) if a.role == last_role else a
            for a in authors
        ]
    return authors


def is_desk_byline(text: str) -> bool:
    """新华社记者, 本报记者 printed alone: a byline whose names are not given (or come later)."""
    return text.strip().lstrip("□").strip() in vocab.ROLES


def parse_byline_line(text: str) -> list[Author]:
    """Any byline line: 本报记者 张洋, 本报评论员, 徐明辉  黑龙江日报评论员, 对话人：张三 李四.

    A commentator's role printed alone (本报评论员) is the author's name; a
    reporter's role alone (新华社记者) names nobody (`is_desk_byline`).
    """
    body = text.strip().lstrip("□").strip()
    markers = list(vocab.SLASH_MARKER.finditer(body))
    if markers and markers[0].start() == 0:
        return _parse_slashed(body, markers)
    match = vocab.COMMENTATOR.match(body)
    if match:
        name = "".join((match.group("name") or "").split())
        return [Author(match.group("role"), name or match.group("role"))]
    match = vocab.COLON_BYLINE.match(body)
    if match:
        people = parse_byline(match.group("names"), default_role=match.group("role"))
        if people:
            return people
    if body in vocab.ROLES:
        # 本报评论员 is the author's name on the page; a bare 新华社记者 names nobody.
        return [Author(body, body)] if body.endswith("评论员") else []
    return parse_byline(text, default_role=vocab.SIGNATURE_ROLE)


def _parse_slashed(body: str, markers: list) -> list[Author]:
    """文/本报记者 郭俊峰 摄/本报记者 郭俊峰 张澍: the marker says what the names did."""
    people: list[Author] = []
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(body)
        part = body[marker.end() : end].strip()
        forced = vocab.SLASH_ROLES[marker.group("marker")]
        found = parse_byline(part, default_role=forced or vocab.SIGNATURE_ROLE)
        people.extend(Author(forced, a.name) if forced else a for a in found)
    return people


def parse_photo_credit(text: str) -> list[Author]:
    """`董海 摄`, `本报记者 陈春艳 摄` -> the photographers, role 摄影.

    Also `张三 摄（人民视觉）` (the agency stays with the name: 张三（人民视觉）),
    `杨迅 刘超摄影报道` (role 摄影报道) and `黔西市委宣传部提供` (role 提供, an
    organisation).  [] when `text` is not a credit.
    """
    body = text.strip().strip(_SEPARATORS)
    if body[:1] in "(（" and body[-1:] in ")）":
        body = body[1:-1].strip()
    source: list[Author] = []
    match = vocab.PHOTO_AGENCY.search(body)
    if match and match.start() > 0:
        # （人民视觉）: the picture's source; （《讽刺与幽默》供图）: a second credit.
        inner = match.group("agency").strip()
        source = _supplier(inner) or [Author(vocab.SOURCE_ROLE, inner)]
        body = body[: match.start()].rstrip()
    ending = next((e for e in vocab.PHOTO_ENDINGS if body.endswith(e)), None)
    if ending is None or len(body) <= len(ending):
        return []
    role = vocab.PHOTO_ENDINGS[ending]
    if ending in ("提供", "供图") and not body.startswith(vocab.ROLES):
        people = _supplier(body)
        return people + source if people else []
    people = parse_byline(body[: -len(ending)].rstrip(), default_role=role)
    if not people:
        return []
    return [Author(role, a.name) for a in people] + source


def _supplier(text: str) -> list[Author]:
    """An organisation or publication supplying a picture: 黔西市委宣传部提供, 《讽刺与幽默》供图."""
    ending = next((e for e in ("提供", "供图") if text.endswith(e)), None)
    if ending is None:
        return []
    name = text[: -len(ending)].strip()
    if 2 <= len(name) <= 20 and all(_NAME_CHAR.match(c) or c in "《》" for c in name):
        return [Author(vocab.PHOTO_ENDINGS[ending], name)]
    return []


def parse_signature(text: str) -> Author | None:
    """`◎郝佳丽` -> 作者 郝佳丽."""
    name = "".join(text.strip().lstrip("◎" + vocab.BRIEF_MARKS).split())
    if 2 <= len(name) <= 12 and all(_NAME_CHAR.match(c) for c in name):
        return Author(vocab.SIGNATURE_ROLE, name)
    return None


def parse_attribution(text: str) -> list[Author]:
    """A bracketed attribution line: (本报记者 宋爽), （郭  帅）; [] if it is prose or a note."""
    body = "".join(text.strip().strip("()（）").split())
    if body in vocab.EDITORIAL_NOTES or body.startswith(vocab.EDITORIAL_NOTE_OPENERS):
        return []
    return parse_byline(text, default_role=vocab.SIGNATURE_ROLE)


def recorders_in_note(note: str) -> list[Author]:
    """（作者为…，本报记者李建广采访整理）-> 本报记者采访整理 李建广; [] if none is named."""
    match = vocab.RECORDER_IN_NOTE.search(note)
    if match is None:
        return []
    return parse_byline(match.group(0))


def _tokenize(body: str) -> list[tuple[bool, str]] | None:
    """Split into (is_role, text) tokens; None if a non-name character appears."""
    tokens: list[tuple[bool, str]] = []
    i = 0
    name = ""
    names: list[str] = []  # raw name pieces since the last role, before pairing

    def flush_names() -> None:
        nonlocal names
        for merged in _pair_padded(names):
            tokens.append((False, merged))
        names = []

    while i < len(body):
        char = body[i]
        if char in _SEPARATORS:
            if name:
                names.append(name)
                name = ""
            i += 1
            continue
        role = _role_at(body, i) if not name else None
        if role:
            flush_names()
            tokens.append((True, role))
            i += len(role)
            continue
        if not _NAME_CHAR.match(char):
            return None
        name += char
        i += 1
    if name:
        names.append(name)
    flush_names()
    if not any(not is_role for is_role, _ in tokens):
        return None
    for is_role, value in tokens:
        # Names are short; a longer run is prose (（作者为某大学教授）), unless a
        # middle dot joins a transliterated name (阿依古丽·买买提).
        if not is_role and (len(value) > 5 and "·" not in value or value[0] in "为系是"):
            return None
    return tokens


def _role_at(body: str, index: int) -> str | None:
    for role in vocab.ROLES:
        if body.startswith(role, index):
            return role
    match = vocab.ROLE_PATTERN.match(body, index)
    return match.group(0) if match else None


def _pair_padded(pieces: list[str]) -> list[str]:
    """Join names padded with spaces: ["张", "洋", "何昭宇"] -> ["张洋", "何昭宇"]."""
    merged: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if len(piece) == 1 and i + 1 < len(pieces) and len(pieces[i + 1]) <= 2:
            # A one-character piece is half of a padded name; padding only
            # splits short names, so the next piece completes it.
            merged.append(piece + pieces[i + 1])
            i += 2
            continue
        merged.append(piece)
        i += 1
    return merged
