"""The data plot ("data and fitted line"): the samples, the line or curve they
were made from, and the model's current prediction for every x.

It knows nothing of the controller: the plots panel hands it the data after a
reset (`show_data`) and each new snapshot (`show_fit`), and lays it out in its
grid with the other plots.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from gradlab.ui import zoom
from gradlab.ui.plotting import cache_items, colour_plot, setup_plot

translate = QCoreApplication.translate

MAX_SCATTER = 2000  # data points drawn; more only cost paint time
POINT_SIZE = 5  # at 100 % zoom
FIT_WIDTH = 2.5


class DataPlot(pg.PlotWidget):
    def __init__(self, colours, parent=None):
        super().__init__(parent)
        setup_plot(self, "dataPlot", translate("Plots", "data and fitted line"), "x")
        self._colours = colours
        self.setToolTip(
            translate(
                "Plots",
                "The samples (grey) and the model's current prediction for every x. Training "
                "turns the line until it runs through the points.",
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
        # three entries say what the plot shows.
        self.plot_title = ""
        self.legend_entries = (
            (translate("Plots", "data"), "data", "point"),
            (translate("Plots", "truth"), "target", "dash"),
            (translate("Plots", "model"), "weight", "line"),
        )
        # Static during a run: paint once into a pixmap, blit afterwards.
        cache_items([self.scatter, self.true_line])
        self._fit_drawn = None
        self.apply_colours(c)

    def show_data(self, data, config) -> None:
        """The samples (x list, y list) and the rule `config` made them with."""
        xs, ys = np.asarray(data[0]), np.asarray(data[1])
        if xs.size > MAX_SCATTER:
            pick = np.random.default_rng(0).choice(xs.size, MAX_SCATTER, replace=False)
            xs_shown, ys_shown = xs[pick], ys[pick]
        else:
            xs_shown, ys_shown = xs, ys
        self.scatter.setData(xs_shown, ys_shown)
        lo, hi = float(xs.min()), float(xs.max())
        c = config
        if c.target == "line":
            self.true_line.setData([lo, hi], [c.true_w * lo + c.true_b, c.true_w * hi + c.true_b])
        else:
            grid = np.linspace(lo, hi, 100)
            self.true_line.setData(grid, np.sin(grid))
        y_lo, y_hi = float(ys.min()), float(ys.max())
        span = max(y_hi - y_lo, 1e-6)
        self.setXRange(lo, hi, padding=0.05)
        self.setYRange(y_lo - 0.15 * span, y_hi + 0.15 * span, padding=0)
        title = ""
        if xs.size > MAX_SCATTER:
            title = translate("Plots", "{shown} of {total} points shown").format(
                shown=MAX_SCATTER, total=xs.size
            )
        self.plot_title = title
        colour_plot(self, self._colours)

    def show_fit(self, snap) -> bool:
        """Draw the model's current curve from a snapshot; False when it has not
        changed (a converged run), which spares the plot a repaint."""
        curve = (snap.curve_x, snap.curve_y)
        if not snap.curve_x or curve == self._fit_drawn:
            return False
        self._fit_drawn = curve
        self.fit_curve.setData(*curve)
        return True

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
