"""Lines of generated code laid out to be read in a narrow panel: every line one
printable line (nothing from a file can start a line of code), inline comments
aligned or moved above their line, long comments wrapped by display width (a
Chinese character takes two columns).

Pure Python: no torch and no Qt here, only text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gradlab.core.checks import one_line

# Display columns per line: the code dock is about 64 monospace columns wide at
# 1366×768, so longer lines would need horizontal scrolling. A comment that does
# not fit goes above its line. A Chinese character takes two columns.
MAX_LINE = 64


@dataclass(frozen=True)
class Line:
    code: str = ""  # the source (with its indentation), without the comment
    comment: str = ""  # a short inline comment for a beginner
    key: str | None = None  # the explanation key (codegen_text.EXPLANATIONS)

    def __post_init__(self):
        # Every line of every script passes here. A comment may quote text from a
        # file (a path, a code): it is made one line, so no line break in it can
        # ever start a line of code. Code is built from checked values only; a
        # line break in it would be a bug, never written out.
        object.__setattr__(self, "comment", one_line(self.comment))
        if one_line(self.code) != self.code:
            raise ValueError(f"generated code must be one printable line: {self.code!r}")


def width(text: str) -> int:
    """Columns the text takes in a monospace font: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` display columns, broken between words (English)
    or between characters (Chinese, which has no spaces), never inside a word or
    a `code span`, and never before Chinese punctuation."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            if not line:
                continue
            token = token if token.strip(" ") == "" else " "  # spaces kept, breaks not
        fits = width(line + token.rstrip()) <= columns or token in _NO_LINE_START
        if line and not fits:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


_TOKENS = re.compile(r"`[^`]*`|[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|\S+|\s+")
_NO_LINE_START = set("，。：；、！？）》」’”")


def _sentence_case(comment: str) -> str:
    """A comment on a line of its own starts with a capital, unless it starts with
    code (`w = ...`, `.grad ...`)."""
    first = comment.split(" ", 1)[0]
    if len(first) > 1 and first.isalpha() and first.islower():
        return comment[:1].upper() + comment[1:]
    return comment


def layout(lines: Iterable[Line]) -> list[tuple[str, str | None]]:
    """Lines of text with their keys. Inline comments in a run of commented lines
    share a column; a comment that would make its line too long goes above it,
    and a comment line that is too long is wrapped."""
    out: list[tuple[str, str | None]] = []
    pending: list[Line] = []

    def comment_lines(indent: str, text: str) -> list[str]:
        return [f"{indent}# {part}" for part in wrap(text, MAX_LINE - width(indent) - 2)]

    def flush() -> None:
        inline = [ln for ln in pending if width(ln.code) + width(ln.comment) + 4 <= MAX_LINE]
        column = max((width(ln.code) for ln in inline), default=0) + 2
        if any(column + width(ln.comment) + 2 > MAX_LINE for ln in inline):
            column = 0  # aligning would push a comment too far: two spaces each
        for ln in pending:
            if ln in inline:
                pad = ln.code + " " * (column - width(ln.code)) if column else ln.code + "  "
                out.append((f"{pad}# {ln.comment}", ln.key))
            else:
                indent = ln.code[: len(ln.code) - len(ln.code.lstrip())]
                comment = _sentence_case(ln.comment)
                out.extend((text, None) for text in comment_lines(indent, comment))
                out.append((ln.code, ln.key))
        pending.clear()

    for line in lines:
        if line.code.strip() and line.comment:
            pending.append(line)
            continue
        flush()
        if line.comment:
            indent = line.code[: len(line.code) - len(line.code.lstrip())]
            out.extend((text, line.key) for text in comment_lines(indent, line.comment))
        else:
            out.append((line.code, line.key))
    flush()
    return out


def render(lines: Iterable[Line]) -> str:
    return "\n".join(text for text, _ in layout(lines)).rstrip() + "\n"


def docstring(first: str, rest: str) -> list[Line]:
    """A module docstring: a title, a blank line, a paragraph, each wrapped."""
    title = wrap(first, MAX_LINE - 3)
    body = wrap(rest, MAX_LINE - 3)
    return [
        Line(f'"""{title[0]}'),
        *(Line(text) for text in title[1:]),
        Line(),
        *(Line(text) for text in body[:-1]),
        Line(f'{body[-1]}"""'),
        Line(),
    ]
