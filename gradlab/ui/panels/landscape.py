"""The loss landscape over (w, b) for the linear model: a heatmap with contours,
the least-squares optimum, the live trajectory of (w, b) and, in compare mode,
every compared run's path. Clicking the map moves the model to that starting
point (set under torch.no_grad() by the worker, and logged as code)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStackedWidget, QVBoxLayout, QWidget

from gradlab.ui import zoom
from gradlab.ui.messages import Message
from gradlab.ui.plot_export import route_export_dialog
from gradlab.ui.plotting import (
    COMPARE_COLOURS,
    MAX_CURVE_POINTS,
    colour_plot,
    compare_legend_html,
    set_streaming,
    setup_plot,
    tick_font,
)
from gradlab.ui.updates import CompareView, LandscapeView

translate = QCoreApplication.translate

CONTOUR_LEVELS = 9
PATH_WIDTH = 2  # sizes at 100 % zoom
POINT_SIZE = 10
STAR_SIZE = 16
EDGE_MARK_SIZE = 18


def path_step(n: int) -> int:
    """k of path_rows(n): a power of two, the same for many n in a row."""
    return 1 << max(0, -(-n // MAX_CURVE_POINTS) - 1).bit_length()


def path_rows(n: int) -> np.ndarray:
    """Which of n history rows the trajectory shows: at most about
    MAX_CURVE_POINTS, every k-th from the first plus the newest. k is a power of
    two, so the chosen rows stay the same from frame to frame as rows are added."""
    if n == 0:
        return np.empty(0, dtype=np.intp)
    rows = np.arange(0, n, path_step(n))
    return rows if rows[-1] == n - 1 else np.append(rows, n - 1)


REPEAT_TOLERANCE = 1e-6  # a settled (w, b) adds points closer than this to the path's end


def _only_repeats(new, old, tolerance: float = REPEAT_TOLERANCE) -> bool:
    """True when the new path is the old one plus points on the old one's end
    (a settled model adds the same (w, b) every row): it would look the same."""
    n = len(old[0])
    if n == 0 or len(new[0]) < n:
        return False
    for a, b in zip(new, old, strict=True):
        if not np.array_equal(a[: n - 1], b[: n - 1], equal_nan=True):
            return False
        with np.errstate(invalid="ignore"):  # inf - inf after a divergence: not a repeat
            if not np.all(np.abs(a[n - 1 :] - b[n - 1]) <= tolerance):
                return False
    return True


class LandscapePanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self.controller = controller
        self._colours = colours
        self._version = -1
        self._contours: list = []
        self._compare_items: list = []
        self._last_point = None
        self._path_shown = None  # the (w, b) arrays the path was last drawn with
        # Rows before this one are known to leave the drawn path looking the same.
        self._rows_checked = 0
        self._start = None  # (w, b) before the first update, when this session had one
        # (update, w, b) where the student moved the model by hand (a click): the
        # path breaks there and goes on from the new point, not through a jump
        # no update made.
        self._jumps: list[tuple[int, float, float]] = []
        self._generation = -1
        self._keep_view = False  # the next surface keeps the current view (a click)

        self.plot = setup_plot(
            pg.PlotWidget(), "landscapePlot", translate("Landscape", "loss over (w, b)"), "w"
        )
        item = self.plot.getPlotItem()
        item.setLabel("left", "b")
        item.showGrid(x=False, y=False)  # the contours are its grid
        self.plot.setToolTip(
            translate(
                "Landscape",
                "Each colour is a loss value: dark is low. Training walks downhill from the "
                "start to the star, the least-squares optimum. Click anywhere to start the "
                "model from that (w, b).",
            )
        )
        self.image = pg.ImageItem()
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.image)
        self.path = pg.PlotCurveItem(pen=pg.mkPen(colours.weight, width=PATH_WIDTH))
        self.plot.addItem(self.path)
        self.point = pg.ScatterPlotItem(
            size=POINT_SIZE, pen=pg.mkPen("w"), brush=pg.mkBrush(colours.bias)
        )
        self.plot.addItem(self.point)
        self.star = pg.ScatterPlotItem(
            size=STAR_SIZE, symbol="star", pen=pg.mkPen("k"), brush=pg.mkBrush("#ffeb3b")
        )
        self.plot.addItem(self.star)
        # When the model leaves the map (a diverging run), an arrow at the map's
        # edge points to where it went, with its (w, b).
        self.edge_mark = pg.ScatterPlotItem(size=EDGE_MARK_SIZE, pen=pg.mkPen("w", width=1.5))
        self.edge_mark.setZValue(10)
        self.edge_mark.hide()
        self.plot.addItem(self.edge_mark)
        self.edge_text = pg.TextItem(anchor=(0.5, 0.5), fill=pg.mkBrush(0, 0, 0, 170), color="w")
        self.edge_text.setZValue(10)
        self.edge_text.hide()
        self.plot.addItem(self.edge_text)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        route_export_dialog(self.plot.scene())  # right click ▸ Export… offers what works
        # In compare mode: which colour is which run, under the map (a legend on
        # the map covered the paths).
        self.legend = QLabel()
        self.legend.setObjectName("landscapeCompareLegend")
        self.legend.setWordWrap(True)
        self.legend.hide()

        self.note = QLabel(
            translate(
                "Landscape",
                "The landscape is drawn over the two parameters w and b of the linear "
                "model. The MLP has many more parameters, so its loss cannot be drawn as a "
                "map: watch the loss plot instead.",
            )
        )
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.map = QWidget()  # the plot with the compare legend under it
        map_box = QVBoxLayout(self.map)
        map_box.setContentsMargins(0, 0, 0, 0)
        map_box.setSpacing(0)
        map_box.addWidget(self.plot, 1)
        map_box.addWidget(self.legend)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.map)
        self.stack.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        controller.landscapeChanged.connect(self._draw_surface)
        controller.compareChanged.connect(self._draw_compare)
        controller.frame.connect(self._on_frame)
        controller.painted.connect(self._repaint_if_running)
        controller.runningChanged.connect(lambda running: set_streaming([self.plot], running))
        self._dirty = False

        self.apply_colours(colours)

    @property
    def drawn(self) -> bool:
        """True when the map shows a landscape (the linear model's)."""
        return self.stack.currentWidget() is self.map

    def apply_colours(self, colours) -> None:
        """The theme's colours (title, axes, the path and point) at the zoom's sizes."""
        self._colours = colours
        colour_plot(self.plot, colours)
        self.path.setPen(pg.mkPen(colours.weight, width=zoom.line_width(PATH_WIDTH)))
        self.point.setBrush(pg.mkBrush(colours.bias))
        self.point.setSize(POINT_SIZE * zoom.factor())
        self.star.setSize(STAR_SIZE * zoom.factor())
        self.edge_mark.setSize(EDGE_MARK_SIZE * zoom.factor())
        self.edge_text.setFont(tick_font())
        n = len(self._compare_items)
        for i, curve in enumerate(self._compare_items):
            curve.setPen(
                pg.mkPen(COMPARE_COLOURS[i % 4], width=zoom.line_width(_compare_width(i, n)))
            )

    def apply_zoom(self, _factor: float) -> None:
        self.apply_colours(self._colours)

    # ------------------------------------------------------------- updates
    @Slot(object)
    def _draw_surface(self, land: LandscapeView | None) -> None:
        """None for a model whose loss cannot be drawn as a map."""
        if land is None:
            # Nothing of an earlier landscape stays behind (an export would show it).
            self.image.clear()
            self._remove_contours()
            self.path.setData([], [])
            self.point.setData([], [])
            self.star.setData([], [])
            self._last_point = None
            self._path_shown = None
            self._show_edge_mark(None)
            self.stack.setCurrentWidget(self.note)
            return
        keep_view = self._keep_view
        self._keep_view = False
        self.stack.setCurrentWidget(self.map)
        surf = land.surface
        ws, bs = np.asarray(surf.ws), np.asarray(surf.bs)
        values = np.asarray(surf.loss)  # [b index][w index]
        # Log colours: the bowl's floor and its walls differ by orders of magnitude.
        shown = np.log10(np.maximum(values, 1e-12))
        self.image.setImage(shown.T, autoLevels=True)  # ImageItem is indexed [x][y]
        self.image.setColorMap(pg.colormap.get("viridis"))
        dw = (ws[-1] - ws[0]) / (len(ws) - 1)
        db = (bs[-1] - bs[0]) / (len(bs) - 1)
        self.image.setRect(ws[0] - dw / 2, bs[0] - db / 2, dw * len(ws), db * len(bs))
        self._remove_contours()
        pen = pg.mkPen((255, 255, 255, 110), width=1)
        for level in np.linspace(shown.min(), shown.max(), CONTOUR_LEVELS + 2)[1:-1]:
            curve = pg.IsocurveItem(data=shown.T, level=level, pen=pen)
            curve.setParentItem(self.image)  # shares the image's placement
            # Contours change only with the surface: repaint them from a pixmap.
            curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._contours.append(curve)
        w_opt, b_opt = land.optimum
        self.star.setData([w_opt], [b_opt], name=translate("Landscape", "optimum"))
        if not keep_view:
            self.plot.setXRange(ws[0], ws[-1], padding=0)
            self.plot.setYRange(bs[0], bs[-1], padding=0)
        self._version = -1
        self._path_shown = None
        self._redraw_path()

    def _remove_contours(self) -> None:
        """The contours are children of the image (they share its placement), not
        items of the plot: removeItem() would leave them on the map."""
        scene = self.plot.scene()
        for curve in self._contours:
            curve.setParentItem(None)
            if curve.scene() is not None:
                scene.removeItem(curve)
        self._contours = []

    def contour_count(self) -> int:
        """Contour lines on the map now (tests: none may outlive their surface)."""
        return sum(isinstance(i, pg.IsocurveItem) for i in self.image.childItems())

    @Slot(object)
    def _draw_compare(self, view: CompareView | None) -> None:
        """None when compare mode is off."""
        for item in self._compare_items:
            self.plot.removeItem(item)
        self._compare_items = []
        self.legend.setVisible(bool(view))
        if not view:
            self.path.show()
            return
        self.legend.setText(compare_legend_html([run.label for run in view.runs]))
        self.path.hide()  # the compared runs replace the single trajectory
        start = view.start
        n = len(view.runs)
        for i, run in enumerate(view.runs):
            ws, bs = run.w, run.b
            if start:  # history rows come after each update: every walk begins here
                ws, bs = [start[0], *ws], [start[1], *bs]
            width = zoom.line_width(_compare_width(i, n))
            curve = pg.PlotCurveItem(
                ws, bs, pen=pg.mkPen(COMPARE_COLOURS[i % 4], width=width), name=run.label
            )
            self.plot.addItem(curve)
            self._compare_items.append(curve)
        self._dirty = True

    # -------------------------------------------------------------- frames
    @Slot(object)
    def _on_frame(self, frame) -> None:
        if not self.drawn:
            return
        snap = frame.snapshot
        if frame.generation != self._generation or frame.replace_rows:
            self._rows_checked = 0  # rows already checked may have changed
        if frame.generation != self._generation:
            self._generation = frame.generation
            self._start = None
            self._jumps = []
        if snap is not None and snap.step == 0 and (snap.w, snap.b) != self._start:
            # History rows come after each update: the walk starts here.
            self._start = (snap.w, snap.b)
            self._version = -1
            self._rows_checked = 0
        if snap is not None and snap.model_kind == "linear":
            self._note_jumps(snap)
        if self.controller.series.version != self._version:
            self._redraw_path()
        if snap is not None and snap.model_kind == "linear":
            point = (snap.w, snap.b)
            if point != self._last_point:
                self._last_point = point
                self.point.setData([point[0]], [point[1]])
                self._show_edge_mark(point)
                self._dirty = True

    def _show_edge_mark(self, point) -> None:
        """An arrow on the map's edge towards a point outside it (None hides it)."""
        vb = self.plot.getPlotItem().vb
        (x0, x1), (y0, y1) = vb.viewRange()
        w, b = point if point is not None else (0.0, 0.0)
        finite = np.isfinite(w) and np.isfinite(b)
        inside = point is None or (finite and x0 <= w <= x1 and y0 <= b <= y1)
        self.edge_mark.setVisible(not inside)
        self.edge_text.setVisible(not inside)
        if inside:
            return
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if finite:
            # Where the line from the centre to the point crosses the edge, a bit inside.
            dx, dy = w - cx, b - cy
            t = min(
                (0.46 * (x1 - x0)) / abs(dx) if dx else np.inf,
                (0.46 * (y1 - y0)) / abs(dy) if dy else np.inf,
            )
            ex, ey = cx + dx * t, cy + dy * t
            symbol = _arrow_symbol(dx / (x1 - x0), dy / (y1 - y0))
            text = translate("Landscape", "off the map: w = {w}, b = {b}").format(
                w=f"{w:.3g}", b=f"{b:.3g}"
            )
        else:
            ex, ey, symbol = cx, cy, "x"
            text = translate("Landscape", "off the map: w or b is no longer a number")
        self.edge_mark.setData([ex], [ey], symbol=symbol, brush=pg.mkBrush(self._colours.bias))
        self.edge_text.setText(text)
        # Beside the arrow, on the side towards the middle, so it stays on the map.
        right, top = ex > cx, ey > cy
        self.edge_text.setAnchor((1.0 if right else 0.0, 0.0 if top else 1.0))
        self.edge_text.setPos(
            ex - 0.04 * (x1 - x0) * (1 if right else -1), ey - 0.06 * (y1 - y0) * (1 if top else -1)
        )

    def _note_jumps(self, snap) -> None:
        """Remember a hand-set point after an update (a click on the map), and
        forget those that a step back undid."""
        kept = [j for j in self._jumps if j[0] <= snap.step]
        if snap.event.code == "params.set" and snap.step > 0:
            kept = [j for j in kept if j[0] != snap.step] + [(snap.step, snap.w, snap.b)]
        if kept != self._jumps:
            self._jumps = kept
            self._version = -1
            self._rows_checked = 0  # the path changes where no row did: draw it again

    def _redraw_path(self) -> None:
        s = self.controller.series
        self._version = s.version
        n = s.length
        if self._new_rows_repeat(n):
            return  # as below, checking only the rows added since the last frame
        self._rows_checked = n
        rows = path_rows(n)
        w, b = s["p0"][rows], s["p1"][rows]
        steps = s["step"][rows]
        for step, jw, jb in reversed(self._jumps):
            # A break (nan) after the update the point was set at, then the point.
            at = int(np.searchsorted(steps, step, side="right"))
            w, b = np.insert(w, at, [np.nan, jw]), np.insert(b, at, [np.nan, jb])
            steps = np.insert(steps, at, [step, step])
        if self._start is not None:
            w, b = np.insert(w, 0, self._start[0]), np.insert(b, 0, self._start[1])
        if self._path_shown is not None and _only_repeats((w, b), self._path_shown):
            return  # the drawn path would look the same: skip a 1.8 ms repaint
        self._path_shown = (w, b)
        self.path.setData(w, b, connect="finite")
        self._dirty = True

    def _new_rows_repeat(self, n: int) -> bool:
        """True when every row added since the last check lies on the drawn
        path's end and the rows the path shows are chosen as before: the
        path would look the same (what _only_repeats finds, for a settled
        model, without rebuilding the whole path every frame)."""
        checked, shown = self._rows_checked, self._path_shown
        if shown is None or not 0 < checked <= n or path_step(checked) != path_step(n):
            return False
        s = self.controller.series
        for column, drawn in (("p0", shown[0]), ("p1", shown[1])):
            with np.errstate(invalid="ignore"):  # inf - inf: not a repeat
                if not np.all(np.abs(s[column][checked:n] - drawn[-1]) <= REPEAT_TOLERANCE):
                    return False
        self._rows_checked = n
        return True

    @Slot()
    def _repaint_if_running(self) -> None:
        # While running, the plots repaint explicitly inside the frame (see plots.py).
        if self._dirty and self.controller.running and self.isVisible():
            self.plot.viewport().update()
        self._dirty = False

    # ---------------------------------------------------------------- click
    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.drawn:
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        self.choose_start(p.x(), p.y())

    def choose_start(self, w: float, b: float) -> bool:
        """Start the model from (w, b), as clicking the map does. While a run goes
        on, a click pauses it instead (a moving model would jump under the
        student's hand): the next click chooses. True when the model moved."""
        c = self.controller
        if c.running:
            c.pause()
            c.message.emit(Message("info", "landscape.paused", {}))
            return False
        self._keep_view = True  # the map stays put: the student clicked inside it
        c.set_parameters({"weight": round(w, 4), "bias": round(b, 4)})
        return True


def _compare_width(i: int, n: int) -> float:
    """Runs often share their first moves: earlier runs are drawn wider,
    underneath, so a path covered by a later one still shows at its edges."""
    return 1.5 + 1.5 * (n - 1 - i)


def _arrow_symbol(dx: float, dy: float) -> str:
    """pyqtgraph's arrow symbol pointing most nearly along (dx, dy)."""
    # Filled triangles (pyqtgraph draws symbols with y downwards: "t" points down).
    if abs(dx) >= abs(dy):
        return "t2" if dx > 0 else "t3"
    return "t1" if dy > 0 else "t"
