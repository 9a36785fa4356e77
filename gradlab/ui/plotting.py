"""What the plotting panels share: the house's plot widget, curve limits, the
compared runs' colours, stepped ranges, the streaming switch and theme colours.

Paint cost is mostly axes (DESIGN §8): ranges are set by hand in steps (x to the
next power of two, y widened only when data leave it), never auto-ranged.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsTextItem

from gradlab.ui import zoom
from gradlab.ui.plot_export import route_export_dialog

MAX_CURVE_POINTS = 400  # points per history curve; a plot is a few hundred pixels wide

# Four distinct colours for compared runs, readable on the heatmap in both themes.
COMPARE_COLOURS = ("#00bcd4", "#ff4081", "#ffd600", "#76ff03")


# A legend entry: its text, the Colours field of its colour, and how it is drawn.
LEGEND_MARKS = {"line": "——", "dash": "- -", "dot": "···", "point": "●"}
TITLE_SCALE = 1.15  # titles are this much larger than the application's text
TICK_SCALE = 0.95
LEGEND_SCALE = 0.88  # of the title


def setup_plot(
    widget: pg.PlotWidget, name: str, title: str, x_label: str | None = None
) -> pg.PlotWidget:
    """A plot as the house draws them: ranges set by hand, no mouse, cached axes."""
    widget.setObjectName(name)
    item = widget.getPlotItem()
    # The title, and the legend written after it: a legend inside the plot would
    # cover the data. colour_plot draws them in the theme's colours at the zoom.
    widget.plot_title = title
    widget.menu_title = title  # its name in menus (File ▸ Export ▸ Plot)
    widget.legend_entries = ()
    item.setTitle(title)
    # A narrower plot writes its title shorter (see write_title).
    item.geometryChanged.connect(lambda: write_title(widget))
    item.hideButtons()  # no auto-range "A": auto-range + downsampling can livelock
    item.setMenuEnabled(True)
    route_export_dialog(widget.scene())  # right click ▸ Export… offers what works
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
    # Small enough for two columns of plots beside the docks on a 1024 × 600 screen.
    widget.setMinimumSize(170, 120)
    return widget


def make_plot(name: str, title: str, x_label: str | None = None) -> pg.PlotWidget:
    return setup_plot(pg.PlotWidget(), name, title, x_label)


def set_legend(plot: pg.PlotWidget, entries, c) -> None:
    """The plot's legend, written after its title: (text, Colours field, mark) each,
    mark one of LEGEND_MARKS."""
    plot.legend_entries = tuple(entries)
    colour_plot(plot, c)


def set_title(plot: pg.PlotWidget, title: str, c) -> None:
    plot.plot_title = title
    colour_plot(plot, c)


def title_html(title: str, entries, c) -> str:
    """The title and its legend as rich text (colours from `c`)."""
    parts = [html.escape(title)] if title else []
    for text, colour, mark in entries:
        parts.append(
            f'<span style="color:{getattr(c, colour)}">{LEGEND_MARKS[mark]}</span>'
            f"&nbsp;{html.escape(text)}"
        )
    if title and entries:  # the legend a little smaller than the title it follows
        return f'{parts[0]}&nbsp;&nbsp; <span style="font-size:{LEGEND_SCALE:.0%}">' + (
            "&nbsp;&nbsp; ".join(parts[1:]) + "</span>"
        )
    return "&nbsp;&nbsp; ".join(parts)


def tick_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(zoom.base_point_size() * TICK_SCALE * zoom.factor())
    return font


def colour_plot(plot: pg.PlotWidget, c) -> None:
    """The theme's colours and the zoom's sizes on a plot's frame, axes (line,
    tick labels, axis label) and title with its legend."""
    plot.setBackground(c.background)
    item = plot.getPlotItem()
    font = tick_font()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(c.foreground)
        axis.setTextPen(c.foreground)
        axis.setTickFont(font)
        axis.setStyle(tickTextOffset=max(2, round(3 * zoom.factor())))
        if axis.labelText:
            axis.setLabel(axis.labelText, color=c.foreground, **{"font-size": zoom.text_size()})
    plot.title_colours = c
    write_title(plot)


def write_title(plot: pg.PlotWidget) -> None:
    """The title and its legend as wide as the plot allows: whole; else the
    legend alone (its colours say what each curve is); else smaller."""
    c = getattr(plot, "title_colours", None)
    if c is None:
        return
    item = plot.getPlotItem()
    title = getattr(plot, "plot_title", "")
    entries = getattr(plot, "legend_entries", ())
    room = item.size().width() - 16
    variants = [(title, 1.0)]
    if title and entries:
        variants.append(("", 1.0))
    variants.append((variants[-1][0], 0.8))
    for text, scale in variants:
        size = zoom.base_point_size() * TITLE_SCALE * scale * zoom.factor()
        font = QFont(QApplication.font())
        font.setPointSizeF(size)
        plain = "   ".join(
            [text] * bool(text) + [f"{LEGEND_MARKS[mark]} {name}" for name, _c, mark in entries]
        )
        if room <= 0 or QFontMetricsF(font).horizontalAdvance(plain) <= room:
            break
    html_text = title_html(text, entries, c)
    shown = (html_text, size, c.foreground)
    if getattr(plot, "_title_shown", None) != shown:  # setTitle re-lays the plot out
        plot._title_shown = shown
        item.setTitle(html_text, color=c.foreground, size=f"{size:.1f}pt")


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


def compare_legend_html(labels) -> str:
    """The compared runs' names, each after a line in its colour."""
    return "&nbsp;&nbsp; ".join(
        f'<span style="color:{COMPARE_COLOURS[i % 4]}">{LEGEND_MARKS["line"]}</span>'
        f"&nbsp;{html.escape(label)}"
        for i, label in enumerate(labels)
    )
