"""The student's own data, on the GUI side: drawing edits, undo, CSV import and
export, the example data sets, and going back to generated data.

Every change makes new DataPoints and applies them like a settings change: the
experiment starts over from the seed with the new data (the worker rebuilds the
session; the landscape, the lr limit, the code and the session as code follow).
A change that cannot be made (a CSV that is refused, the last point deleted, a
batch size larger than the new data) changes nothing and says why. The first
edit of generated data turns exactly the current points into the student's own.

The data plot, the File menu, the lessons and the controls reach it through
`controller.data_editor`; it knows nothing of widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from gradlab.core.config import GENERATED_ONLY, ConfigError, ExperimentConfig
from gradlab.core.datapoints import MAX_ROWS, DataPoints
from gradlab.ui.messages import Message

UNDO_DEPTH = 200  # edits kept for undo (each holds one data set, shared when unchanged)


@dataclass(frozen=True)
class _Before:
    """What an edit replaced: the data and the settings that go with them."""

    data: DataPoints | None
    generated: dict  # GENERATED_ONLY settings, for going back to generated data


class DataEditor(QObject):
    undoChanged = Signal(bool)  # whether there is an edit to undo
    pointsChanged = Signal(object)  # the DataPoints just applied (the plot shows them at once)

    def __init__(self, controller):
        super().__init__(controller)
        self._controller = controller
        self._undo: list[_Before] = []

    # ---------------------------------------------------------------- reading
    def points(self) -> DataPoints | None:
        """The data being trained on: the student's own, or the generated samples
        as the session made them (float32 values, so exactly those); None before
        the session is ready, or when generated data exceed what can be edited."""
        c = self._controller
        if c.config.data is not None:
            return c.config.data
        if c.data is None or len(c.data[0]) > MAX_ROWS:
            return None
        return DataPoints(tuple(c.data[0]), tuple(c.data[1]))

    # ---------------------------------------------------------------- editing
    def begin(self) -> bool:
        """A drawing gesture starts: pause a run first (the edit restarts it
        anyway, and a moving fit under the mouse would only confuse). False
        when there is nothing to edit yet, or too much."""
        c = self._controller
        if c.running:
            c.pause()
        if self.points() is not None:
            return True
        if c.data is not None:  # generated data past the row limit
            self._refuse("data.edit_refused", {"why": "generated", "max": MAX_ROWS})
        return False

    def add(self, x: float, y: float) -> bool:
        points = self.points()
        if points is None:
            return False
        if len(points) >= MAX_ROWS:
            return self._refuse("data.edit_refused", {"why": "max", "max": MAX_ROWS})
        return self._apply(points.with_point(x, y), {"what": "added", "x": x, "y": y})

    def move(self, index: int, x: float, y: float) -> bool:
        points = self.points()
        if points is None or not 0 <= index < len(points):
            return False
        return self._apply(points.moved(index, x, y), {"what": "moved", "x": x, "y": y})

    def delete(self, index: int) -> bool:
        points = self.points()
        if points is None or not 0 <= index < len(points):
            return False
        if len(points) == 1:
            return self._refuse("data.edit_refused", {"why": "last"})
        x, y = points.x[index], points.y[index]
        return self._apply(points.without(index), {"what": "deleted", "x": x, "y": y})

    def clear(self) -> bool:
        """Start a drawing: keep only the sample nearest the data's centre (the
        data need at least one; delete it once others are drawn)."""
        points = self.points()
        if points is None:
            return False
        mx, my = sum(points.x) / len(points), sum(points.y) / len(points)
        keep = min(
            range(len(points)), key=lambda i: (points.x[i] - mx) ** 2 + (points.y[i] - my) ** 2
        )
        x, y = points.x[keep], points.y[keep]
        return self._apply(DataPoints((x,), (y,)), {"what": "cleared", "x": x, "y": y})

    def import_file(self, path: str) -> bool:
        """Train on a CSV file's data; a refused file changes nothing."""
        from gradlab.core.csvdata import CsvError, read_csv

        try:
            table = read_csv(path)
        except CsvError as exc:
            return self._refuse("data.import_refused", _csv_args(exc, path))
        return self.use_points(table.points, {"what": "imported", "path": path, **_header(table)})

    def open_example(self, name: str) -> bool:
        """One of the example data sets (core.example_data); False for another name."""
        from gradlab.core import example_data
        from gradlab.core.csvdata import CsvError

        if name not in example_data.EXAMPLES:
            return False
        try:
            table = example_data.load(name)
        except CsvError as exc:  # only a damaged installation
            return self._refuse("data.import_refused", _csv_args(exc, name))
        return self.use_points(table.points, {"what": "example", "name": name, **_header(table)})

    def use_points(self, points: DataPoints, details: dict | None = None) -> bool:
        """Train on these points from now on (an import, an example, an exercise's
        data): undoable; refused with a message when the settings cannot take
        them (a batch larger than the data). `details` say what happened in the
        message ("what": "imported", "example" ...)."""
        return self._apply(points, dict(details or {}))

    def use_generated(self) -> bool:
        """Back to data generated from the settings (the default ones); refused
        with a message when the settings cannot take them (a batch larger than
        the default number of samples)."""
        c = self._controller
        if c.config.data is None:
            return False
        new = self._checked(lambda: c.config.with_data(None))
        return new is not None and self._switch(new, {"what": "generated", "n": new.samples})

    def undo(self) -> bool:
        """Put back the data (and their settings) from before the last change."""
        if not self._undo:
            return False
        before = self._undo[-1]
        new = self._checked(lambda: _restore(self._controller.config, before))
        if new is None:
            return False
        self._undo.pop()
        self.undoChanged.emit(bool(self._undo))
        return self._switch(new, {"what": "undone", "n": new.samples}, remember=False)

    def export_file(self, path: str) -> bool:
        """Write the current samples as a CSV that reads back to the same float32
        values (generated data too: a script can then check itself against them)."""
        from gradlab.core.csvdata import format_columns
        from gradlab.core.fileio import atomic_write_text

        c = self._controller
        if c.config.data is not None:
            xs, ys = c.config.data.x, c.config.data.y
        elif c.data is not None:
            xs, ys = c.data
        else:
            return self._refuse("not_ready", {})
        try:
            atomic_write_text(path, format_columns(xs, ys))
        except OSError as exc:
            return self._refuse("export.failed", {"path": path, "error": exc.strerror or str(exc)})
        c.message.emit(Message("info", "data.exported", {"path": path, "n": len(xs)}))
        return True

    # -------------------------------------------------------------- internals
    def _apply(self, points: DataPoints, details: dict) -> bool:
        new = self._checked(lambda: self._controller.config.with_data(points))
        return new is not None and self._switch(new, {**details, "n": len(points)})

    def _checked(self, make: Callable[[], ExperimentConfig]) -> ExperimentConfig | None:
        """The new config, or None after telling the student why it was refused."""
        try:
            return make()
        except ConfigError as exc:
            self._controller.refuse_setting(exc)
            return None

    def _switch(self, new: ExperimentConfig, details: dict, remember: bool = True) -> bool:
        c = self._controller
        if remember:
            self._undo.append(_Before(c.config.data, _generated(c.config)))
            del self._undo[:-UNDO_DEPTH]
            self.undoChanged.emit(True)
        if c.running:
            c.pause()
        c.apply_config(new, "data", details)
        if new.data is not None:
            self.pointsChanged.emit(new.data)
        return True

    def _refuse(self, code: str, args: dict) -> bool:
        self._controller.message.emit(Message("error", code, args))
        return False


def _generated(config: ExperimentConfig) -> dict:
    return {name: getattr(config, name) for name in GENERATED_ONLY}


def _restore(config: ExperimentConfig, before: _Before) -> ExperimentConfig:
    """`config` with the data and generated-data settings from before an edit."""
    if before.data is not None:
        return config.with_data(before.data)
    # As many samples as before straight away: a batch size that needs them is
    # valid at every step.
    samples = before.generated["samples"]
    return config.with_data(None, samples=samples).with_changes(**before.generated)


def _header(table) -> dict:
    return {"header": list(table.header)} if table.header else {}


def _csv_args(exc, path: str) -> dict:
    return {
        "path": path,
        "csv": exc.code,
        "row": exc.row,
        "column": exc.column,
        "text": exc.text,
        "error": str(exc),
    }
