"""The data plot ("data and fitted line"): the samples, the line or curve they
were made from, and the model's current prediction for every x. The student
draws on it: click to add a sample, drag one to move it, right-click (or
Shift+click) one to delete it, Ctrl+Z or the Undo button to take the change back.

It knows nothing of the controller: the plots panel hands it the data after a
reset (`show_data`), each new snapshot (`show_fit`) and the data editor
(`set_editor`, controller.data_editor), which turns each finished gesture into
new data. Mouse moves only redraw the one point being dragged; nothing here
runs while a run streams, which an edit pauses first.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gradlab.ui import zoom
from gradlab.ui.plotting import cache_items, colour_plot, setup_plot

translate = QCoreApplication.translate

MAX_SCATTER = 2000  # data points drawn; more only cost paint time
POINT_SIZE = 5  # at 100 % zoom
FIT_WIDTH = 2.5
HIT_PIXELS = 8  # a press this close to a point picks it
DRAG_PIXELS = 3  # a press that moves less than this is a click


class DataPlot(pg.PlotWidget):
    def __init__(self, colours, parent=None):
        super().__init__(parent)
        setup_plot(self, "dataPlot", translate("Plots", "data and fitted line"), "x")
        self._colours = colours
        self.setToolTip(
            translate(
                "Plots",
                "The samples (grey) and the model's current prediction for every x. Training "
                "turns the line until it runs through the points.\nDraw your own data: click "
                "to add a sample, drag one to move it, right-click (or Shift+click) one to "
                "delete it; Ctrl+Z undoes. Each change starts the experiment over on the new "
                "data.",
            )
        )
        c = colours
        dash = Qt.PenStyle.DashLine
        self.scatter = pg.ScatterPlotItem(
            size=POINT_SIZE, pen=None, brush=pg.mkBrush(c.data), name=translate("Plots", "data")
        )
        self.addItem(self.scatter)
        self.true_line = self.plot(
            [], [], pen=pg.mkPen(c.target, width=1, style=dash), name=translate("Plots", "truth")
        )
        # Antialiased: a thick line drawn without it shows stairs. One line of
        # two points, so it costs next to nothing.
        self.fit_curve = self.plot(
            [],
            [],
            pen=pg.mkPen(c.weight, width=FIT_WIDTH),
            name=translate("Plots", "model"),
            antialias=True,
        )
        # The legend is the title (inside the plot it covered the points): its
        # entries say what the plot shows (see show_data).
        self.plot_title = ""
        self.legend_entries = _legend(own=False)
        # Static during a run: paint once into a pixmap, blit afterwards.
        cache_items([self.scatter, self.true_line])
        self._fit_drawn = None
        # What is drawn: all samples, and which of them the scatter shows.
        self._xs = np.empty(0)
        self._ys = np.empty(0)
        self._shown = np.empty(0, dtype=int)
        self._editor = None
        self._gesture: dict | None = None  # a press not released yet
        self._keep_view = False  # the next data come from an edit: keep the view if they fit

        self.undo_action = QAction(translate("Plots", "Undo"), self)
        self.undo_action.setObjectName("undoDataAction")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.setToolTip(translate("Plots", "Undo the last change to the data (Ctrl+Z)"))
        self.undo_action.setEnabled(False)
        self.addAction(self.undo_action)
        # Shown under the plot by DataPlotBox.
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undoDataButton")
        self.undo_button.setDefaultAction(self.undo_action)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearDataButton")
        self.clear_button.setText(translate("Plots", "Clear"))
        self.clear_button.setToolTip(
            translate(
                "Plots",
                "Draw your own data from scratch: keep one sample (the data need at least "
                "one), then click to add more. Ctrl+Z brings the old data back.",
            )
        )
        self.apply_colours(c)

    # -------------------------------------------------------------- showing
    def set_editor(self, editor) -> None:
        """The data editor every finished gesture goes to (controller.data_editor)."""
        self._editor = editor
        self.undo_action.triggered.connect(editor.undo)
        self.clear_button.clicked.connect(editor.clear)
        editor.undoChanged.connect(self.undo_action.setEnabled)
        editor.pointsChanged.connect(self._on_points_changed)

    def show_data(self, data, config) -> None:
        """The samples (x list, y list) and the rule `config` made them with (none
        for the student's own data)."""
        self._gesture = None
        xs, ys = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=float)
        self._xs, self._ys = xs, ys
        if xs.size > MAX_SCATTER:
            self._shown = np.sort(np.random.default_rng(0).choice(xs.size, MAX_SCATTER, False))
        else:
            self._shown = np.arange(xs.size)
        self.scatter.setData(xs[self._shown], ys[self._shown])
        self._show_truth(config, xs)
        if not (self._keep_view and self._fits(xs, ys)):
            self._frame(xs, ys)
        self._keep_view = False
        self.legend_entries = _legend(own=config.data is not None)
        title = ""
        if xs.size > MAX_SCATTER:
            title = translate("Plots", "{shown} of {total} points shown").format(
                shown=MAX_SCATTER, total=xs.size
            )
        self.plot_title = title
        colour_plot(self, self._colours)

    def _show_truth(self, config, xs: np.ndarray) -> None:
        """The rule generated data follow; the student's own data have none."""
        if config.data is not None:
            self.true_line.setData([], [])
            return
        lo, hi = float(xs.min()), float(xs.max())
        c = config
        if c.target == "line":
            self.true_line.setData([lo, hi], [c.true_w * lo + c.true_b, c.true_w * hi + c.true_b])
        else:
            grid = np.linspace(lo, hi, 100)
            self.true_line.setData(grid, np.sin(grid))

    def _frame(self, xs: np.ndarray, ys: np.ndarray) -> None:
        lo, hi = _span(float(xs.min()), float(xs.max()))
        y_lo, y_hi = _span(float(ys.min()), float(ys.max()))
        self.setXRange(lo, hi, padding=0.08)
        self.setYRange(y_lo, y_hi, padding=0.15)

    def _fits(self, xs: np.ndarray, ys: np.ndarray) -> bool:
        r = self.getPlotItem().vb.viewRect()
        return bool(
            xs.size
            and xs.min() >= r.left()
            and xs.max() <= r.right()
            and ys.min() >= r.top()
            and ys.max() <= r.bottom()
        )

    def show_fit(self, snap) -> bool:
        """Draw the model's current curve from a snapshot; False when it has not
        changed (a converged run), which spares the plot a repaint."""
        curve = (snap.curve_x, snap.curve_y)
        if not snap.curve_x or curve == self._fit_drawn:
            return False
        self._fit_drawn = curve
        self.fit_curve.setData(*curve)
        return True

    @Slot(object)
    def _on_points_changed(self, points) -> None:
        """An edit was applied: show its points now (the worker's data follow)."""
        self._keep_view = True
        self._xs, self._ys = np.asarray(points.x), np.asarray(points.y)
        self._shown = np.arange(self._xs.size)[:MAX_SCATTER]
        self.scatter.setData(self._xs[self._shown], self._ys[self._shown])

    def apply_colours(self, c) -> None:
        """Repaint the plot and its items in the theme's colours, at the zoom's sizes."""
        self._colours = c
        colour_plot(self, c)
        self.scatter.setBrush(pg.mkBrush(c.data))
        self.scatter.setSize(POINT_SIZE * zoom.factor())
        self.true_line.setPen(
            pg.mkPen(c.target, width=zoom.line_width(1), style=Qt.PenStyle.DashLine)
        )
        self.fit_curve.setPen(pg.mkPen(c.weight, width=zoom.line_width(FIT_WIDTH)))

    # -------------------------------------------------------------- drawing
    def mousePressEvent(self, ev) -> None:
        scene = self.mapToScene(ev.position().toPoint())
        if self._editor is None or not self._in_view(scene):
            super().mousePressEvent(ev)
            return
        index = self._hit(scene)
        delete = ev.button() == Qt.MouseButton.RightButton or (
            ev.button() == Qt.MouseButton.LeftButton
            and ev.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if delete and index is None:
            super().mousePressEvent(ev)  # right-click beside the points: the plot's menu
            return
        if ev.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            super().mousePressEvent(ev)
            return
        ev.accept()
        if not self._editor.begin():
            return
        self._gesture = {"index": index, "delete": delete, "start": scene, "moved": False}

    def mouseMoveEvent(self, ev) -> None:
        g = self._gesture
        if g is None:
            super().mouseMoveEvent(ev)
            return
        ev.accept()
        scene = self.mapToScene(ev.position().toPoint())
        if g["index"] is None or g["delete"]:
            return
        if (scene - g["start"]).manhattanLength() >= DRAG_PIXELS:
            g["moved"] = True
        if g["moved"]:
            x, y = self._view_point(scene)
            shown = np.flatnonzero(self._shown == g["index"])
            if shown.size:
                xs, ys = self._xs[self._shown].copy(), self._ys[self._shown].copy()
                xs[shown[0]], ys[shown[0]] = x, y
                self.scatter.setData(xs, ys)

    def mouseReleaseEvent(self, ev) -> None:
        g, self._gesture = self._gesture, None
        if g is None:
            super().mouseReleaseEvent(ev)
            return
        ev.accept()
        scene = self.mapToScene(ev.position().toPoint())
        if g["delete"]:
            self._editor.delete(g["index"])
        elif g["index"] is None:
            self._editor.add(*self._view_point(g["start"]))
        elif g["moved"]:
            if self._in_view(scene):
                self._editor.move(g["index"], *self._view_point(scene))
            else:  # dropped outside the plot: nothing changes
                self.scatter.setData(self._xs[self._shown], self._ys[self._shown])

    def _in_view(self, scene: QPointF) -> bool:
        return self.getPlotItem().vb.sceneBoundingRect().contains(scene)

    def _view_point(self, scene: QPointF) -> tuple[float, float]:
        p = self.getPlotItem().vb.mapSceneToView(scene)
        return float(p.x()), float(p.y())

    def _hit(self, scene: QPointF) -> int | None:
        """The index (into the data) of the shown sample nearest to `scene`, if it
        is within HIT_PIXELS."""
        if not self._shown.size:
            return None
        vb = self.getPlotItem().vb
        view, box = vb.viewRect(), vb.sceneBoundingRect()
        if view.width() <= 0 or view.height() <= 0:
            return None
        xs, ys = self._xs[self._shown], self._ys[self._shown]
        px = box.left() + (xs - view.left()) / view.width() * box.width()
        py = box.top() + (view.bottom() - ys) / view.height() * box.height()
        d2 = (px - scene.x()) ** 2 + (py - scene.y()) ** 2
        nearest = int(np.argmin(d2))
        return int(self._shown[nearest]) if d2[nearest] <= HIT_PIXELS**2 else None


class DataPlotBox(QWidget):
    """The data plot with its drawing tools in a row underneath: how to draw, then
    Clear and Undo (where they never cover the plot's title or points)."""

    def __init__(self, colours, parent=None):
        super().__init__(parent)
        self.plot = DataPlot(colours)
        hint = QLabel(translate("Plots", "Click: add · drag: move · right-click: delete"))
        hint.setObjectName("drawHintLabel")
        # One line that may be cut (the tooltip says it all): a wrapping label would
        # make the plots' grid ask for heights by width and give this plot more.
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        hint.setToolTip(self.plot.toolTip())
        self.hint = hint
        self._size_hint()
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 2, 0)
        row.setSpacing(2)
        row.addWidget(hint, 1)
        row.addWidget(self.plot.clear_button)
        row.addWidget(self.plot.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)

    def apply_colours(self, c) -> None:
        """The plot in the theme's colours; both at the zoom's sizes."""
        self.plot.apply_colours(c)
        self._size_hint()

    def _size_hint(self) -> None:
        self.hint.setFont(_small_font())


def _small_font():
    """The application font (which follows the zoom), a little smaller."""
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    return font


def _legend(own: bool) -> tuple:
    """The title's legend: the samples (the student's own, or generated), the rule
    generated data follow, and the model's line."""
    data = translate("Plots", "your data") if own else translate("Plots", "data")
    entries = [(data, "data", "point")]
    if not own:
        entries.append((translate("Plots", "truth"), "target", "dash"))
    entries.append((translate("Plots", "model"), "weight", "line"))
    return tuple(entries)


def _span(lo: float, hi: float) -> tuple[float, float]:
    """A range around [lo, hi] that is never empty (one sample, equal values)."""
    if hi - lo < 1e-9 * max(1.0, abs(lo)):
        pad = max(1.0, abs(lo) * 0.1)
        return lo - pad, hi + pad
    return lo, hi
