"""A bounded, append-only training history.

One row per optimizer update: step, loss and four tracked quantities (for the
linear model w, b, w.grad, b.grad; for the MLP the norms of all weights, all
biases and of their gradients). Memory stays bounded on million-step runs: when
the buffer is full, every other row is dropped and only every `stride`-th step
is recorded from then on, so the whole run stays visible at a coarser grain.
"""

from __future__ import annotations

from array import array

from gradlab.core import checks

COLUMNS = ("step", "loss", "p0", "p1", "g0", "g1")
DEFAULT_CAPACITY = 1 << 17  # 131,072 rows × 6 doubles ≈ 6 MB
MAX_CAPACITY = DEFAULT_CAPACITY  # what a file may ask for


class History:
    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 2")
        self.capacity = capacity
        self.stride = 1
        self.compactions = 0  # bumps whenever existing rows were thinned out
        self.columns = {name: array("d") for name in COLUMNS}

    def __len__(self) -> int:
        return len(self.columns["step"])

    def wants(self, step: int) -> bool:
        """Whether a row for this update number would be kept (cheap pre-check)."""
        return step % self.stride == 0

    def append(self, step, loss, p0, p1, g0, g1) -> None:
        if step % self.stride:
            return
        c = self.columns
        c["step"].append(step)
        c["loss"].append(loss)
        c["p0"].append(p0)
        c["p1"].append(p1)
        c["g0"].append(g0)
        c["g1"].append(g1)
        if len(c["step"]) >= self.capacity:
            self._compact()

    def _compact(self) -> None:
        self.stride *= 2
        keep = [i for i, s in enumerate(self.columns["step"]) if int(s) % self.stride == 0]
        for name, col in self.columns.items():
            self.columns[name] = array("d", (col[i] for i in keep))
        self.compactions += 1

    def rows_since(self, start: int) -> dict[str, list[float]]:
        """Columns from row `start` on, as plain lists (cheap copies for the GUI)."""
        return {name: col[start:].tolist() for name, col in self.columns.items()}

    def truncate_after(self, step: int) -> None:
        """Drop rows for updates later than `step` (used by step-back and resume)."""
        steps = self.columns["step"]
        keep = len(steps)
        while keep and steps[keep - 1] > step:
            keep -= 1
        for col in self.columns.values():
            del col[keep:]

    def to_dict(self) -> dict:
        return {
            "capacity": self.capacity,
            "stride": self.stride,
            "compactions": self.compactions,
            "columns": {name: col.tolist() for name, col in self.columns.items()},
        }

    @classmethod
    def from_dict(cls, data: dict, field: str = "history") -> History:
        """A history read from a file, every field checked; raises checks.Invalid
        naming the first bad one. Values may be inf or nan (a diverged run)."""
        d = _SAVED(data, field)
        capacity, stride, compactions = d["capacity"], d["stride"], d["compactions"]
        if capacity % 2:
            raise checks.Invalid(f"{field}.capacity", f"must be an even number; got {capacity}")
        if stride != 1 << compactions:
            # Each compaction doubles the stride, starting from 1.
            raise checks.Invalid(
                f"{field}.stride",
                f"must be 2 to the power of compactions ({compactions}); got {stride}",
            )
        cols = d["columns"]
        rows = len(cols["step"])
        for name in COLUMNS:
            if len(cols[name]) != rows:
                raise checks.Invalid(
                    f"{field}.columns.{name}",
                    f"has {len(cols[name]):,} rows, but step has {rows:,}",
                )
        if rows >= capacity:
            raise checks.Invalid(
                f"{field}.columns",
                f"hold {rows:,} rows; a history of capacity {capacity:,} holds fewer",
            )
        previous = 0.0
        for i, step in enumerate(cols["step"]):
            if not (step > previous and step <= checks.MAX_INT and step.is_integer()):
                raise checks.Invalid(
                    f"{field}.columns.step[{i}]",
                    f"must be a whole update number above the row before ({previous:g}); "
                    f"got {step!r}",
                )
            previous = step
        h = cls(capacity)
        h.stride = stride
        h.compactions = compactions
        for name in COLUMNS:
            h.columns[name] = array("d", cols[name])
        return h


_SAVED = checks.record(
    {
        "capacity": checks.integer(2, MAX_CAPACITY),
        "stride": checks.integer(1, checks.MAX_INT),
        "compactions": checks.integer(0, 52),
        "columns": checks.record({name: checks.floats(MAX_CAPACITY) for name in COLUMNS}),
    }
)
