"""JSON files GradLab reads (exercise files, the progress file): hostile until
checked, so parsing never does more than build plain containers.

What `parse_json` refuses, each with one line (JsonError), before any field is
looked at: bytes that are not UTF-8 (a byte-order mark is allowed), anything
but one JSON value, NaN and Infinity (not JSON, though Python's reader takes
them), a key given twice in one object (which one would count?), nesting
deeper than MAX_DEPTH, and integers longer than Python converts. Numbers too
large for a float (1e999) come back as inf, which every field check refuses.
"""

from __future__ import annotations

import json
import os
import re

from gradlab.core.checks import one_line, shown
from gradlab.core.fileio import FileTooLarge, NotRegularFile, read_regular_file

MAX_DEPTH = 32  # far deeper than any GradLab file, far below Python's recursion limit


class JsonError(ValueError):
    """A file that is not the JSON GradLab reads. `code` is stable."""

    def __init__(self, code: str, message: str):
        super().__init__(one_line(message, 300))
        self.code = code


def read_json(path: str | os.PathLike, max_bytes: int) -> object:
    """The JSON value in a regular file of at most max_bytes bytes; a FIFO, a
    device or a folder is refused before it is opened. Raises JsonError only."""
    try:
        content = read_regular_file(path, max_bytes)
    except NotRegularFile as exc:
        raise JsonError("json.not_a_file", f"the file {exc.strerror}") from None
    except FileTooLarge:
        raise JsonError("json.too_large", f"the file is larger than {max_bytes:,} bytes") from None
    except OSError as exc:
        raise JsonError("json.unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return parse_json(content)


def parse_json(content: bytes) -> object:
    """One JSON value from bytes, as dicts, lists, str, int, float, bool and None."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonError(
            "json.encoding", f"not UTF-8 text (byte {exc.start:,}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise JsonError("json.empty", "the file is empty")
    _check_depth(text)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except JsonError:
        raise
    except json.JSONDecodeError as exc:
        raise JsonError(
            "json.syntax", f"not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError:  # Python converts integers of at most 4,300 digits
        raise JsonError("json.syntax", "not valid JSON: a number has too many digits") from None
    except RecursionError:  # not reached after _check_depth; the last net
        raise JsonError("json.depth", "the file nests too deeply") from None


def _no_duplicates(pairs: list) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise JsonError("json.duplicate", f"the key {shown(key)} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str):
    raise JsonError("json.constant", f"{name} is not a number JSON allows; write a finite number")


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before parsing (brackets inside
    strings do not count), so the parser never recurses deeply."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            raise JsonError("json.depth", f"the file nests more than {MAX_DEPTH} levels deep")
