"""What the plotting panels share: the house's plot widget, curve limits, the
compared runs' colours, stepped ranges, the streaming switch and theme colours.

Paint cost is mostly axes (DESIGN §8): ranges are set by hand in steps (x to the
next power of two, y widened only when data leave it), never auto-ranged.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

MAX_CURVE_POINTS = 400  # points per history curve; a plot is a few hundred pixels wide

# Four distinct colours for compared runs, readable on the heatmap in both themes.
COMPARE_COLOURS = ("#00bcd4", "#ff4081", "#ffd600", "#76ff03")


def setup_plot(
    widget: pg.PlotWidget, name: str, title: str, x_label: str | None = None
) -> pg.PlotWidget:
    """A plot as the house draws them: ranges set by hand, no mouse, cached axes."""
    widget.setObjectName(name)
    item = widget.getPlotItem()
    item.setTitle(title)
    item.hideButtons()  # no auto-range "A": auto-range + downsampling can livelock
    item.setMenuEnabled(True)
    widget.setMouseEnabled(x=False, y=False)
    item.vb.disableAutoRange()
    item.showGrid(x=True, y=True, alpha=0.25)
    if x_label:
        item.setLabel("bottom", x_label)
    # Axes (with their grid and tick labels) are most of the paint cost: keep them
    # as cached pixmaps, re-rendered only when a range changes (DESIGN §8).
    for side in ("left", "bottom"):
        item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    cache_texts([item.titleLabel, item.getAxis("left"), item.getAxis("bottom")])
    skip_empty_paints([item, item.titleLabel])
    widget.setMinimumSize(220, 150)
    return widget


def make_plot(name: str, title: str, x_label: str | None = None) -> pg.PlotWidget:
    return setup_plot(pg.PlotWidget(), name, title, x_label)


def colour_plot(plot: pg.PlotWidget, c) -> None:
    """The theme's background and foreground on a plot's frame, axes and title."""
    plot.setBackground(c.background)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(c.foreground)
        axis.setTextPen(c.foreground)
    item.titleLabel.setText(item.titleLabel.text, color=c.foreground)


def cache_items(items) -> None:
    """Items static during a run: painted once into a pixmap, blitted afterwards."""
    for item in items:
        for part in (item, *item.childItems()):
            part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    cache_texts(items)
    skip_empty_paints([part for item in items for part in item.childItems()])


def skip_empty_paints(items) -> None:
    """Mark the frames that draw nothing themselves (the plot item, the labels
    around texts) so the scene stops asking Python for their bounds on every
    repaint: ~10 % of a streaming plot's paint, the pixels unchanged."""
    for item in items:
        if isinstance(item, (pg.PlotItem, pg.LabelItem)):
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)


def cache_texts(items) -> None:
    """The text items inside these (a title's, an axis label's, a legend's): a
    cache mode covers one item, not its children, so each text was laid out and
    drawn again on every repaint of a streaming plot, a sixth of its paint time."""
    pending = list(items)
    while pending:
        part = pending.pop()
        if isinstance(part, QGraphicsTextItem):
            part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        pending.extend(part.childItems())


def next_pow2(n: float, minimum: int = 16) -> int:
    n = max(int(math.ceil(n)), minimum)
    return 1 << (n - 1).bit_length()


def set_streaming(plots, running: bool) -> None:
    """While a run streams, plots repaint once per frame, inside the controller's
    frame gate (see mailbox.FrameGate), rather than whenever an item changes;
    when it stops, Qt's own updates take over again."""
    mode = pg.QtWidgets.QGraphicsView.ViewportUpdateMode
    for plot in plots:
        plot.setViewportUpdateMode(mode.NoViewportUpdate if running else mode.MinimalViewportUpdate)
        if not running:
            plot.viewport().update()


class SteppedRange:
    """A y range that only ever widens (with margin) while a run goes on."""

    def __init__(self):
        self.low: float | None = None
        self.high: float | None = None

    def reset(self) -> None:
        self.low = self.high = None

    def include(self, values: np.ndarray) -> bool:
        """Widen to cover the finite values; True when the range changed."""
        finite = values[np.isfinite(values)]
        if finite.size == 0:
            return False
        lo, hi = float(finite.min()), float(finite.max())
        if self.low is not None and lo >= self.low and hi <= self.high:
            return False
        lo = lo if self.low is None else min(lo, self.low)
        hi = hi if self.high is None else max(hi, self.high)
        span = max(hi - lo, 1e-6 * max(abs(hi), abs(lo)), 1e-12)
        self.low, self.high = lo - 0.1 * span, hi + 0.1 * span
        return True
