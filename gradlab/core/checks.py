"""Small declarative checks for data read from a file: a file is hostile until
every field has passed one of these.

A checker is a callable `(value, field) -> clean value` that raises `Invalid`
naming the field (`state.optimizer.state[0].exp_avg`) and what is allowed. The
builders below (`integer`, `real`, `tensor`, `record` ...) make checkers, so a
file format reads as a table of its fields, and one more field is one more line.
Clean values are fresh copies in the expected type (tensors contiguous clones),
never the objects the file made.

Pure Python at import time (codegen uses `one_line`); torch is imported only by
the tensor checkers.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Callable

Checker = Callable[[object, str], object]
MAX_INT = 2**53  # every count stays exact as a float (the history stores floats)
_SHOWN = 60  # characters of a bad value quoted in a message


class Invalid(ValueError):
    """A field that failed its check. `field` is its dotted path in the file."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message  # what is wrong with it, without the field


def one_line(text: object, limit: int | None = None) -> str:
    """Text as one line, safe to show or to put in a comment: line breaks (\\n,
    \\r, \\u2028 ...), other control characters and invisible format
    characters (a right-to-left override ...) are shown escaped, never obeyed.
    Spaces of any script (a full-width space) stay. Optionally shortened."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    return "".join(repr(ch)[1:-1] if breaks_a_line(ch) else ch for ch in text)


def breaks_a_line(ch: str) -> bool:
    # Cc: controls (\n, \r, \x0b, \x85 ...); Zl, Zp: \u2028, \u2029; Cf: format
    # characters that reorder or hide text; Cs: lone surrogates.
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def shown(value: object) -> str:
    """A short one-line description of a bad value for a message."""
    if _is_tensor(value):
        return f"a {str(value.dtype).replace('torch.', '')} tensor of shape {tuple(value.shape)}"
    if isinstance(value, dict | list | tuple) and len(value) > 4:
        return f"a {type(value).__name__} of {len(value):,} items"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a value whose repr fails is still described
        text = f"a {type(value).__name__}"
    return one_line(text, _SHOWN)


def _is_tensor(value) -> bool:
    torch = sys.modules.get("torch")  # never imported here just to describe a value
    return torch is not None and isinstance(value, torch.Tensor)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _finite(value) -> bool:
    """A finite number; an int too large for a float (JSON allows 10**400) is not."""
    try:
        return _number(value) and math.isfinite(value)
    except OverflowError:
        return False


# ------------------------------------------------------------------ scalars
def integer(low: int = 0, high: int = MAX_INT) -> Checker:
    """A Python int (not a bool, not a float) with low ≤ value ≤ high."""

    def check(value, field):
        if type(value) is not int or not low <= value <= high:
            raise Invalid(field, f"must be an integer ≥ {low:,} and ≤ {high:,}; got {shown(value)}")
        return value

    return check


def real(low: float | None = None, high: float | None = None, low_open: bool = False) -> Checker:
    """A finite Python number (int or float, not a bool) within the bounds, as a float."""

    def check(value, field):
        ok = _finite(value)
        if ok and low is not None:
            ok = value > low if low_open else value >= low
        if ok and high is not None:
            ok = value <= high
        if not ok:
            bounds = []
            if low is not None:
                bounds.append(f"{'>' if low_open else '≥'} {low:g}")
            if high is not None:
                bounds.append(f"≤ {high:g}")
            text = " and ".join(bounds)
            raise Invalid(field, f"must be a finite number {text}; got {shown(value)}".strip())
        return float(value)

    return check


def anything(value, field):
    """Any value, unchanged: for a field its record's caller checks itself, with
    more context than the field alone gives."""
    return value


def boolean(value, field) -> bool:
    if type(value) is not bool:
        raise Invalid(field, f"must be true or false; got {shown(value)}")
    return value


def text(max_length: int, pattern: str | None = None) -> Checker:
    """A str of at most max_length characters, matching `pattern` if given."""
    compiled = re.compile(pattern) if pattern else None

    def check(value, field):
        if type(value) is not str or len(value) > max_length:
            raise Invalid(field, f"must be a text of at most {max_length} characters")
        if compiled is not None and not compiled.fullmatch(value):
            raise Invalid(field, f"is not a valid value: {shown(value)}")
        return value

    return check


def one_of(*choices) -> Checker:
    def check(value, field):
        if type(value) is not str or value not in choices:
            raise Invalid(field, f"must be one of {', '.join(choices)}; got {shown(value)}")
        return value

    return check


def exactly(expected) -> Checker:
    """The one value allowed (compared with its type: 1 is not 1.0 nor True)."""

    def check(value, field):
        if not same(value, expected):
            raise Invalid(field, f"must be {expected!r}; got {shown(value)}")
        return value

    return check


def same(a, b) -> bool:
    """Equal values of the same types, through tuples and lists."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def optional(checker: Checker) -> Checker:
    """None, or what `checker` accepts."""

    def check(value, field):
        return None if value is None else checker(value, field)

    return check


# --------------------------------------------------------------- containers
def record(
    fields: dict[str, Checker], optional_keys: tuple[str, ...] = (), name: str = "a dict"
) -> Checker:
    """A dict with exactly these str keys (those in optional_keys may be missing),
    each checked by its checker. Unknown keys are refused."""

    def check(value, field):
        if not isinstance(value, dict):  # an OrderedDict (a state_dict) is one too
            raise Invalid(field, f"must be {name}; got {shown(value)}")
        unknown = [k for k in value if k not in fields]
        if unknown:
            keys = ", ".join(shown(k) for k in unknown[:3])
            raise Invalid(field, f"has unknown entries ({keys}); allowed: {', '.join(fields)}")
        missing = [k for k in fields if k not in value and k not in optional_keys]
        if missing:
            raise Invalid(field, f"lacks {', '.join(missing)}")
        return {
            k: fields[k](value[k], f"{field}.{k}" if field else k) for k in fields if k in value
        }

    return check


def list_of(item: Checker, max_items: int) -> Checker:
    """A list of at most max_items items, each checked by `item`."""

    def check(value, field):
        if type(value) is not list:
            raise Invalid(field, f"must be a list; got {shown(value)}")
        if len(value) > max_items:
            raise Invalid(field, f"has {len(value):,} items; at most {max_items:,} are allowed")
        return [item(v, f"{field}[{i}]") for i, v in enumerate(value)]

    return check


def floats(max_items: int) -> Checker:
    """A list of Python floats (inf and nan allowed), as a list; fast for long columns."""

    def check(value, field):
        if type(value) is not list:
            raise Invalid(field, f"must be a list of numbers; got {shown(value)}")
        if len(value) > max_items:
            raise Invalid(field, f"has {len(value):,} items; at most {max_items:,} are allowed")
        if not all(type(v) is float for v in value):
            bad = next(i for i, v in enumerate(value) if type(v) is not float)
            raise Invalid(f"{field}[{bad}]", f"must be a number; got {shown(value[bad])}")
        return list(value)

    return check


# ------------------------------------------------------------------ tensors
def tensor(
    shape: tuple[int, ...],
    dtype: str = "float32",
    finite: bool = False,
    nonnegative: bool = False,
) -> Checker:
    """A dense CPU tensor of exactly this shape and dtype (never cast: a float64 or
    complex tensor is refused). `finite` refuses inf and nan; `nonnegative`
    refuses values below zero (nan passes: a diverged run holds it). Returns a
    contiguous clone that shares memory with nothing else from the file."""

    def check(value, field):
        import torch

        if not isinstance(value, torch.Tensor):
            raise Invalid(field, f"must be a tensor; got {shown(value)}")
        want = getattr(torch, dtype)
        if (
            value.layout != torch.strided
            or value.is_quantized
            or value.device.type != "cpu"
            or value.dtype != want
            or tuple(value.shape) != tuple(shape)
        ):
            raise Invalid(
                field, f"must be a {dtype} tensor of shape {tuple(shape)}; got {shown(value)}"
            )
        clean = value.detach().clone(memory_format=torch.contiguous_format)
        if type(clean) is not torch.Tensor:
            clean = clean.as_subclass(torch.Tensor)
        if finite and not bool(torch.isfinite(clean).all()):
            raise Invalid(field, "must hold finite numbers only; it holds inf or nan")
        if nonnegative and bool((clean < 0).any()):
            raise Invalid(field, "must not hold negative numbers (it is a sum of squares)")
        return clean

    return check
