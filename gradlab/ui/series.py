"""GUI-side copy of the training history: growable numpy columns.

Filled from the mailbox's rows each frame; plots read views of it. Its length is
bounded by the core history's capacity, which thins itself out on long runs.
"""

from __future__ import annotations

import numpy as np

from gradlab.core.history import COLUMNS


class Series:
    def __init__(self):
        self._capacity = 1024
        self._data = {name: np.empty(self._capacity) for name in COLUMNS}
        self.length = 0
        self.version = 0  # bumps on every change, so views know when to redraw

    def clear(self) -> None:
        self.length = 0
        self.version += 1

    def replace(self, rows: dict) -> None:
        self.length = 0
        self.extend(rows)

    def extend(self, rows: dict) -> None:
        n = len(rows["step"])
        if n == 0:
            self.version += 1
            return
        need = self.length + n
        if need > self._capacity:
            while self._capacity < need:
                self._capacity *= 2
            for name, col in self._data.items():
                grown = np.empty(self._capacity)
                grown[: self.length] = col[: self.length]
                self._data[name] = grown
        for name in COLUMNS:
            self._data[name][self.length : need] = rows[name]
        self.length = need
        self.version += 1

    def __getitem__(self, name: str) -> np.ndarray:
        """A read-only view of one column's filled part."""
        view = self._data[name][: self.length]
        view.flags.writeable = False
        return view

    def last(self, name: str) -> float | None:
        return float(self._data[name][self.length - 1]) if self.length else None
