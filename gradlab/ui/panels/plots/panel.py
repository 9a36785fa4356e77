"""Live plots: loss, parameters and gradients against update number, in a grid
with the data plot (data_plot.py).

Paint cost is mostly axes (DESIGN §8): ranges are set by hand in steps (x to the
next power of two, y widened only when data leave it), never auto-ranged, and
long curves are clipped to view and peak-downsampled. Curves redraw only when
the series changed.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gradlab.ui import zoom
from gradlab.ui.panels.plots.data_plot import DataPlotBox
from gradlab.ui.plotting import (
    COMPARE_COLOURS,
    MAX_CURVE_POINTS,
    SteppedRange,
    cache_items,
    colour_plot,
    compare_legend_html,
    make_plot,
    next_pow2,
    set_legend,
    set_streaming,
)
from gradlab.ui.updates import CompareView

translate = QCoreApplication.translate

LOG_FLOOR = 1e-30  # the loss can reach 0 exactly; log scale needs a floor


def log_scale(loss: np.ndarray) -> np.ndarray:
    """Losses as the log-scale plot draws them: log10, with 0 at the floor."""
    return np.log10(np.maximum(loss, LOG_FLOOR))


HEAD_SIZE = 7  # the newest value's dot, at 100 % zoom


class StreamCurve(pg.PlotCurveItem):
    """A curve whose bounds are the plot's view, set by the panel with the ranges.

    pyqtgraph recomputes a curve's bounds (nan-aware min/max plus pixel padding)
    after every setData, and Qt asks for them many times per paint; with ranges
    set by hand those bounds buy nothing, and on a streaming plot they were a
    large part of each frame.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._view = QRectF(0, 0, 1, 1)

    def set_view(self, rect: QRectF) -> None:
        if rect != self._view:
            self.prepareGeometryChange()
            self._view = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._view

    def stream(self, x: np.ndarray, y: np.ndarray) -> None:
        """setData for the panel's own use: the same new data and repaint, without
        pyqtgraph's argument handling, bounds bookkeeping and change signal, which
        nothing here uses (bounds are the view; nothing listens) and which cost
        more than the rest of the frame's plot work."""
        self.xData, self.yData = x, y
        self.path = self.fillPath = self._fillPathList = self._mouseShape = None
        self._lineSegmentsRendered = False
        self.update()


def _pen(colour: str, style=Qt.PenStyle.SolidLine):
    """A curve's pen: 1 px at 100 % (1-px pens draw fastest), wider when zoomed."""
    return pg.mkPen(colour, width=zoom.line_width(1), style=style)


def _curve(plot: pg.PlotWidget, colour: str, name: str, style=Qt.PenStyle.SolidLine):
    # A bare curve item: the panel thins long series itself (every k-th row) and
    # takes the log itself, so PlotDataItem's per-frame bookkeeping (clipping,
    # downsampling, log transform, bounds) is not needed.
    curve = StreamCurve(pen=_pen(colour, style), name=name, connect="finite")
    plot.addItem(curve)
    return curve


class PlotsPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("plotsPanel")
        self.controller = controller
        self._colours = colours
        self._version = -1
        self._rows_drawn = 0
        self._generation = -1
        self._x_max = 0
        self._ranges = {"loss": SteppedRange(), "param": SteppedRange(), "grad": SteppedRange()}

        update_label = translate("Plots", "update")
        self.loss_plot = make_plot("lossPlot", translate("Plots", "loss"), update_label)
        self.param_plot = make_plot("paramPlot", translate("Plots", "parameters"), update_label)
        self.grad_plot = make_plot("gradPlot", translate("Plots", "gradients"), update_label)
        self.data_box = DataPlotBox(colours)  # the plot, and the tools to draw on it
        self.data_plot = self.data_box.plot
        self.data_plot.set_editor(controller.data_editor)
        self.loss_plot.setToolTip(
            translate(
                "Plots",
                "The loss after each update. A healthy run falls fast, then flattens. "
                "Rising or jumping means lr is too large. Try the log scale to see the tail.",
            )
        )
        self.param_plot.setToolTip(
            translate(
                "Plots",
                "w (blue) and b (orange) after each update; the dashed lines are the values the "
                "data were made with, 2 and 1 by default.",
            )
        )
        self.grad_plot.setToolTip(
            translate(
                "Plots",
                "w.grad and b.grad used by each update. They shrink towards 0 as the line fits; "
                "in mistake mode each is the sum of all gradients so far, and swings between "
                "large positive and negative values instead.",
            )
        )
        self.log_check = QCheckBox(translate("Plots", "log scale"))
        self.log_check.setObjectName("lossLogCheck")
        self.log_check.setToolTip(
            translate(
                "Plots",
                "Show the loss on a logarithmic axis: each grid line is 10× smaller, so the "
                "steady shrinking late in training stays visible.",
            )
        )
        self.log_check.toggled.connect(self._on_log)
        # In compare mode: which colour is which run, under the plot (a legend
        # inside it would cover the curves).
        self.compare_legend = QLabel()
        self.compare_legend.setObjectName("lossCompareLegend")
        self.compare_legend.setWordWrap(True)
        self.compare_legend.hide()

        # The loss plot with its row of extras below, as one cell of the grid.
        self.loss_cell = QWidget()
        loss_box = QVBoxLayout(self.loss_cell)
        loss_box.setContentsMargins(0, 0, 0, 0)
        loss_box.setSpacing(0)
        loss_box.addWidget(self.loss_plot, 1)
        extras = QHBoxLayout()
        extras.setContentsMargins(4, 0, 0, 0)
        extras.addWidget(self.compare_legend, 1)
        extras.addWidget(self.log_check, 0, Qt.AlignmentFlag.AlignRight)
        loss_box.addLayout(extras)
        self._cells = {
            "lossPlot": self.loss_cell,
            "paramPlot": self.param_plot,
            "gradPlot": self.grad_plot,
            "dataPlot": self.data_box,
        }
        for cell in self._cells.values():
            # Equal claims on the middle: two plots share it evenly, one above the other.
            cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._grid = QGridLayout()
        self._grid.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._grid)
        self.show_only(list(self._cells))

        self._dirty: set = set()
        self._compare_curves: list = []
        self._build_items(colours)
        controller.compareChanged.connect(self._on_compare)
        controller.frame.connect(self._on_frame)
        controller.painted.connect(self._repaint_dirty)
        controller.runningChanged.connect(self._on_running)
        controller.configChanged.connect(self._on_config)

    def _build_items(self, c) -> None:
        self.loss_curve = _curve(self.loss_plot, c.loss, "loss")
        self.w_curve = _curve(self.param_plot, c.weight, "w")
        self.b_curve = _curve(self.param_plot, c.bias, "b")
        self.gw_curve = _curve(self.grad_plot, c.grad, "w.grad")
        self.gb_curve = _curve(self.grad_plot, c.grad_b, "b.grad", Qt.PenStyle.DashLine)
        # A dot on each curve's newest value: after one update a curve is a single
        # point, which a line alone does not show.
        self._heads = []
        for plot, curve, column, colour in (
            (self.loss_plot, self.loss_curve, "loss", c.loss),
            (self.param_plot, self.w_curve, "p0", c.weight),
            (self.param_plot, self.b_curve, "p1", c.bias),
            (self.grad_plot, self.gw_curve, "g0", c.grad),
            (self.grad_plot, self.gb_curve, "g1", c.grad_b),
        ):
            head = pg.ScatterPlotItem(
                size=HEAD_SIZE * zoom.factor(), pen=None, brush=pg.mkBrush(colour)
            )
            head.setZValue(5)
            head.hide()
            plot.addItem(head)
            self._heads.append((head, curve, column))
        dash = Qt.PenStyle.DashLine
        self.w_target = pg.InfiniteLine(angle=0, pen=_pen(c.weight, dash))
        self.b_target = pg.InfiniteLine(angle=0, pen=_pen(c.bias, dash))
        self.param_plot.addItem(self.w_target)
        self.param_plot.addItem(self.b_target)
        self.zero_line = pg.InfiniteLine(angle=0, pos=0, pen=_pen(c.target, Qt.PenStyle.DotLine))
        self.grad_plot.addItem(self.zero_line)
        # Static during a run: paint once into a pixmap, blit afterwards.
        cache_items([self.w_target, self.b_target, self.zero_line])
        self._on_config(self.controller.config)
        self.apply_colours(c)

    @Slot(object)
    def _on_config(self, config) -> None:
        # The values the data were made with; the student's own data have none.
        line = config.target == "line" and config.model == "linear" and config.data is None
        self.w_target.setVisible(line)
        self.b_target.setVisible(line)
        if line:
            self.w_target.setValue(config.true_w)
            self.b_target.setValue(config.true_b)
        names = (
            ("w", "b", "w.grad", "b.grad")
            if config.model == "linear"
            else ("‖W‖", "‖b‖", "‖∇W‖", "‖∇b‖")
        )
        for curve, name in zip(
            (self.w_curve, self.b_curve, self.gw_curve, self.gb_curve), names, strict=True
        ):
            curve.opts["name"] = name
        self._write_legends()
        if self.controller.series.length == 0:
            self._redraw_series(force_ranges=True)  # the true values' lines in view

    def _write_legends(self) -> None:
        """Each curve's name in its colour after the plot's title; during compare
        mode the plots of the main run say that it waits."""
        c = self._colours
        config = self.controller.config
        waiting = self.controller.compare is not None
        params = [(self.w_curve.opts["name"], "weight", "line")]
        params.append((self.b_curve.opts["name"], "bias", "line"))
        if config.target == "line" and config.model == "linear":
            params.append((translate("Plots", "true w, b"), "target", "dash"))
        grads = [
            (self.gw_curve.opts["name"], "grad", "line"),
            (self.gb_curve.opts["name"], "grad_b", "dash"),
        ]
        for plot, title, entries in (
            (self.param_plot, translate("Plots", "parameters"), params),
            (self.grad_plot, translate("Plots", "gradients"), grads),
        ):
            if waiting:
                title = translate("Plots", "{title} (waiting)").format(title=title)
            plot.plot_title = title
            set_legend(plot, entries, c)

    @Slot(object)
    def _on_compare(self, view: CompareView | None) -> None:
        """None when compare mode is off."""
        for curve in self._compare_curves:
            self.loss_plot.removeItem(curve)
        self._compare_curves = []
        self.loss_curve.setVisible(not view)
        self._draw_heads()
        if bool(view) == self.compare_legend.isHidden():
            self._write_legends()  # the main run waits while comparing, or no more
        self.compare_legend.setVisible(bool(view))
        if not view:
            # Back to one run: its own axes again (the compare axes hid its start).
            self._version = -1
            self._redraw_series(force_ranges=True)
            self._dirty.add(self.loss_plot)
            return
        self.compare_legend.setText(compare_legend_html([r.label for r in view.runs]))
        log = self.log_check.isChecked()
        top = 0.0
        for i, run in enumerate(view.runs):
            loss = np.asarray(run.loss, dtype=float)
            if log:
                loss = log_scale(loss)
            curve = pg.PlotCurveItem(
                np.asarray(run.step),
                loss,
                pen=pg.mkPen(COMPARE_COLOURS[i % 4], width=zoom.line_width(1)),
                name=run.label,
                connect="finite",
            )
            self.loss_plot.addItem(curve)
            self._compare_curves.append(curve)
            finite = loss[np.isfinite(loss)]
            if finite.size:
                top = max(top, float(finite.max()))
        self.loss_plot.setXRange(0, next_pow2(view.total), padding=0.02)
        if not log:
            self.loss_plot.setYRange(0, top * 1.1 or 1.0, padding=0)
        self._dirty.add(self.loss_plot)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        set_streaming(self.plots(), running)
        self._draw_heads()

    def _draw_heads(self) -> None:
        """The newest row as a dot on each curve; hidden while a run streams, where
        the curves are long and each dot would only add paint time."""
        s = self.controller.series
        n = s.length
        log = self.log_check.isChecked()
        for head, curve, column in self._heads:
            y = float(s[column][-1]) if n else math.nan
            if column == "loss" and log:
                y = math.log10(max(y, LOG_FLOOR)) if math.isfinite(y) else y
            visible = not self.controller.running and curve.isVisible() and math.isfinite(y)
            if visible:
                head.setData([float(s["step"][-1])], [y])
            head.setVisible(visible)

    @Slot()
    def _repaint_dirty(self) -> None:
        """Paint, now, the plots this frame changed (only while running)."""
        dirty, self._dirty = self._dirty, set()
        if not self.controller.running:
            return
        for plot in dirty:
            # update(), not repaint(): the controller's sendPostedEvents() right
            # after paints every dirty plot in one pass with one flush.
            if plot.isVisible():
                plot.viewport().update()

    @Slot(bool)
    def _on_log(self, on: bool) -> None:
        item = self.loss_plot.getPlotItem()
        item.setLogMode(y=on)  # axis labels only: the data are log10'd here
        item.vb.disableAutoRange()  # setLogMode turns auto-range back on
        self._ranges["loss"].reset()
        self._version = -1
        self._redraw_series(force_ranges=True)

    @Slot(object)
    def _on_frame(self, frame) -> None:
        if frame.data is not None:
            self.data_plot.show_data(frame.data, self.controller.config)
            self._dirty.add(self.data_plot)
        if self.controller.series.version != self._version:
            self._redraw_series(
                force_ranges=frame.replace_rows or self._generation != frame.generation
            )
            self._generation = frame.generation
            self._dirty.update((self.loss_plot, self.param_plot, self.grad_plot))
        if frame.snapshot is not None and self.data_plot.show_fit(frame.snapshot):
            self._dirty.add(self.data_plot)

    def _redraw_series(self, force_ranges: bool = False) -> None:
        s = self.controller.series
        self._version = s.version
        n = s.length
        if force_ranges or n < self._rows_drawn:
            for r in self._ranges.values():
                r.reset()
            self._x_max = 0
            self._rows_drawn = 0
        steps = s["step"]
        loss = s["loss"]
        log = self.log_check.isChecked()
        # Thin to at most MAX_CURVE_POINTS, always keeping the newest row.
        k = max(1, -(-n // MAX_CURVE_POINTS))
        shown = slice((n - 1) % k, n, k)
        x = steps[shown]
        # Log scale: only the rows drawn and the new rows are taken the log of,
        # not the whole history, every frame.
        self.loss_curve.stream(x, log_scale(loss[shown]) if log else loss[shown])
        for curve, y in (
            (self.w_curve, s["p0"]),
            (self.b_curve, s["p1"]),
            (self.gw_curve, s["g0"]),
            (self.gb_curve, s["g1"]),
        ):
            curve.stream(x, y[shown])
        if not self.controller.running:
            self._draw_heads()
        new = slice(self._rows_drawn, n)
        self._rows_drawn = n
        last_step = float(steps[-1]) if n else 0.0
        if n == 0 or last_step > self._x_max:
            self._x_max = next_pow2(last_step)
            for plot in (self.loss_plot, self.param_plot, self.grad_plot):
                plot.setXRange(0, self._x_max, padding=0.02)
        if n == 0:
            self._show_empty_ranges()
            return
        if log:
            loss_new = log_scale(loss[new])
        else:  # a loss is never negative: keep 0 in view, so one point is not a zoom on noise
            loss_new = np.append(loss[new], 0.0)
        if self._ranges["loss"].include(loss_new):
            r = self._ranges["loss"]
            self.loss_plot.setYRange(r.low, r.high, padding=0)
        params = np.concatenate((s["p0"][new], s["p1"][new], self._targets()))
        if self._ranges["param"].include(params):
            r = self._ranges["param"]
            self.param_plot.setYRange(r.low, r.high, padding=0)
        grads = np.concatenate((s["g0"][new], s["g1"][new], np.zeros(1)))
        if self._ranges["grad"].include(grads):
            r = self._ranges["grad"]
            self.grad_plot.setYRange(r.low, r.high, padding=0)
        self._sync_curve_views()

    def _show_empty_ranges(self) -> None:
        """Before the first update (a start, a reset, a fresh start): the old run's
        ranges would be stale (after a divergence, 1e35), so show ranges that hold
        what there is to see: the true values and 0 for the parameters, 0 for the
        gradients, and a loss from 0 (log scale: 1e-4 to 10)."""
        if self.log_check.isChecked():
            self.loss_plot.setYRange(-4, 1, padding=0)
        else:
            self.loss_plot.setYRange(0, 1, padding=0)
        targets = self._targets()
        low = min(0.0, *targets) if targets.size else 0.0
        high = max(1.0, *targets) if targets.size else 1.0
        span = high - low
        self.param_plot.setYRange(low - 0.15 * span, high + 0.15 * span, padding=0)
        self.grad_plot.setYRange(-1, 1, padding=0)
        self._sync_curve_views()

    def _sync_curve_views(self) -> None:
        """Give each streaming curve its plot's view as bounds (see StreamCurve)."""
        for plot, curves in (
            (self.loss_plot, (self.loss_curve,)),
            (self.param_plot, (self.w_curve, self.b_curve)),
            (self.grad_plot, (self.gw_curve, self.gb_curve)),
        ):
            rect = plot.getPlotItem().vb.viewRect()
            for curve in curves:
                curve.set_view(rect)

    def _targets(self) -> np.ndarray:
        c = self.controller.config
        if c.target == "line" and c.model == "linear" and c.data is None:
            return np.array([c.true_w, c.true_b])
        return np.empty(0)

    def apply_colours(self, c) -> None:
        """Repaint every item in the theme's colours (light/dark switch) and at
        the zoom's sizes."""
        self._colours = c
        colour_plot(self.loss_plot, c)
        self._write_legends()  # the parameters' and gradients' plots
        dash = Qt.PenStyle.DashLine
        self.loss_curve.setPen(_pen(c.loss))
        self.w_curve.setPen(_pen(c.weight))
        self.b_curve.setPen(_pen(c.bias))
        self.gw_curve.setPen(_pen(c.grad))
        self.gb_curve.setPen(_pen(c.grad_b, dash))
        for curve in self._compare_curves:
            pen = curve.opts["pen"]
            curve.setPen(pg.mkPen(pen.color(), width=zoom.line_width(1)))
        for (head, _curve, _column), colour in zip(
            self._heads, (c.loss, c.weight, c.bias, c.grad, c.grad_b), strict=True
        ):
            head.setBrush(pg.mkBrush(colour))
            head.setSize(HEAD_SIZE * zoom.factor())
        self.w_target.setPen(_pen(c.weight, dash))
        self.b_target.setPen(_pen(c.bias, dash))
        self.zero_line.setPen(_pen(c.target, Qt.PenStyle.DotLine))
        self.data_box.apply_colours(c)

    def apply_zoom(self, _factor: float) -> None:
        """Fonts, line widths and markers at the new zoom (see zoom.py)."""
        self.apply_colours(self._colours)

    def plots(self) -> list[pg.PlotWidget]:
        return [self.loss_plot, self.param_plot, self.grad_plot, self.data_plot]

    def show_only(self, names) -> None:
        """Show these plots (object names), laid out in reading order: one fills
        the area, two share it one above the other (the middle is taller than
        wide beside the docks), three or four make two rows."""
        shown = [n for n in self._cells if n in names]
        for name, cell in self._cells.items():
            self._grid.removeWidget(cell)
            cell.setVisible(name in shown)
        spots = {
            1: [(0, 0, 1, 2)],
            2: [(0, 0, 1, 2), (1, 0, 1, 2)],
            3: [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2)],
            4: [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)],
        }.get(len(shown), [])
        for name, spot in zip(shown, spots, strict=True):
            self._grid.addWidget(self._cells[name], *spot)
        for i in range(2):
            self._grid.setRowStretch(i, 1 if len(shown) > 1 or i == 0 else 0)
        self.setVisible(bool(shown))

    def shown_plots(self) -> list[str]:
        return [n for n, cell in self._cells.items() if not cell.isHidden()]
