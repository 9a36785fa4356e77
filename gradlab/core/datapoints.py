"""DataPoints: the student's own data, (x, y) pairs in order, as a frozen value.

An experiment with data (`ExperimentConfig.data`) trains on these points instead
of drawing x with torch.randn: the tutorial's program with `x` and `y` built as
float32 tensors of shape (N, 1), in this order. So the values kept here are
exactly the float32 values those tensors hold (each number is rounded to float32
once, when the points are made): two DataPoints are equal exactly when their
tensors are, and a value written out with `literal` reads back to the same bits.

Limits (DataError names the bad field and what is allowed):
- 1 to MAX_ROWS points. 10,000 holds any table a lesson or a class exercise
  uses (a year of hourly readings is 8,760), keeps every exported script
  self-contained (the values are written into it: about 400 KB at most), stays
  below the 32,768 samples past which torch would split its sums across threads
  (results would then depend on the number of cores), and keeps the data plot's
  redraw after an edit instant.
- every value finite, at most MAX_ABS_VALUE in size: then the squared errors of
  all rows at the start stay far inside float32's range (3.4e38), so a loss is
  never inf before the first update.

Pure Python (no torch): the command line and the code generator use it.
"""

from __future__ import annotations

import math
import struct
from array import array
from dataclasses import dataclass

from gradlab.core.checks import shown

MAX_ROWS = 10_000
MAX_ABS_VALUE = 1e15
MAX_ABS_TEXT = "1e15"  # how messages write it


class DataError(ValueError):
    """Refused data: `field` names the bad entry ("x[3]", "y"), `code` is stable."""

    def __init__(self, code: str, message: str, field: str = ""):
        super().__init__(message)
        self.code = code
        self.field = field


def to_float32(value: float) -> float:
    """The float32 nearest to `value` (ties to even, as torch.tensor rounds), as a
    Python float. `value` must be within float32's range."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def literal(value: float) -> str:
    """The shortest Python float literal that rounds to the same float32 as
    `value`: `0.1` for float32(0.1), not 0.10000000149011612. Read back with
    float() and rounded to float32 (torch.tensor does that), it gives the same
    bits, which is checked here rather than assumed."""
    target = to_float32(value)
    if math.isnan(target) or math.isinf(target):
        raise ValueError(f"not a finite float32 value: {value!r}")
    exact = repr(target)  # always right
    for digits in range(1, 10):  # 9 significant digits always suffice for a float32
        text = repr(float(f"{target:.{digits}g}"))
        try:
            back = to_float32(float(text))
        except OverflowError:  # rounded up past float32's largest value
            continue
        if back == target and math.copysign(1, back) == math.copysign(1, target):  # -0.0
            return min(text, exact, key=len)
    return exact


def _column(values, name: str) -> tuple[float, ...]:
    if not isinstance(values, tuple | list):
        raise DataError(
            "data.not_a_list", f"data.{name} must be a list of numbers; got {shown(values)}", name
        )
    if not 1 <= len(values) <= MAX_ROWS:
        raise DataError(
            "data.rows",
            f"data.{name} must hold 1 to {MAX_ROWS:,} values; it holds {len(values):,}",
            name,
        )
    for i, v in enumerate(values):
        number = type(v) in (float, int)  # never a bool, never a str or a tensor
        # Comparisons refuse nan and inf too, and compare a huge int exactly.
        if not (number and -MAX_ABS_VALUE <= v <= MAX_ABS_VALUE):
            raise DataError(
                "data.value",
                f"data.{name}[{i}] must be a finite number from -{MAX_ABS_TEXT} to "
                f"{MAX_ABS_TEXT}; got {shown(v)}",
                f"{name}[{i}]",
            )
    # One C cast per value: round to nearest float32, ties to even.
    return tuple(array("f", values).tolist())


@dataclass(frozen=True)
class DataPoints:
    """N (x, y) pairs, 1 ≤ N ≤ MAX_ROWS, every value a float32 value (see above)."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __post_init__(self):
        xs, ys = _column(self.x, "x"), _column(self.y, "y")
        if len(xs) != len(ys):
            raise DataError(
                "data.lengths",
                f"data.x and data.y must be equally long; x has {len(xs):,} values, "
                f"y has {len(ys):,}",
                "y",
            )
        object.__setattr__(self, "x", xs)
        object.__setattr__(self, "y", ys)

    def __len__(self) -> int:
        return len(self.x)

    def rows(self) -> list[tuple[float, float]]:
        return list(zip(self.x, self.y, strict=True))

    @classmethod
    def from_rows(cls, rows) -> DataPoints:
        rows = list(rows)
        return cls(tuple(r[0] for r in rows), tuple(r[1] for r in rows))

    # -- editing: each returns new points (an edit never changes a value in place)
    def with_point(self, x: float, y: float) -> DataPoints:
        return DataPoints((*self.x, x), (*self.y, y))

    def moved(self, index: int, x: float, y: float) -> DataPoints:
        xs, ys = list(self.x), list(self.y)
        xs[index], ys[index] = x, y
        return DataPoints(tuple(xs), tuple(ys))

    def without(self, index: int) -> DataPoints:
        """Raises DataError when it would leave no point at all."""
        xs, ys = list(self.x), list(self.y)
        del xs[index], ys[index]
        return DataPoints(tuple(xs), tuple(ys))

    # -- plain data (checkpoints, the session log). The tuples are shared, not
    # copied: they are immutable, and a log whose setups share one data set
    # stores it once (pickle keeps shared objects shared).
    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y}

    @classmethod
    def from_dict(cls, value) -> DataPoints:
        if not isinstance(value, dict) or set(value) != {"x", "y"}:
            got = f"keys {shown(list(value))}" if isinstance(value, dict) else shown(value)
            raise DataError("data.not_a_dict", f"data must be a dict of x and y; got {got}")
        return cls(value["x"], value["y"])
