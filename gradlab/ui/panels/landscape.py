"""The loss landscape over (w, b) for the linear model: a heatmap with contours,
the least-squares optimum, the live trajectory of (w, b) and, in compare mode,
every compared run's path. Clicking the map moves the model to that starting
point (set under torch.no_grad() by the worker, and logged as code)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStackedWidget, QVBoxLayout, QWidget

from gradlab.ui.plotting import COMPARE_COLOURS, MAX_CURVE_POINTS, set_streaming
from gradlab.ui.updates import CompareView, LandscapeView

translate = QCoreApplication.translate

CONTOUR_LEVELS = 9


def _legend_brush(colours):
    backdrop = pg.mkColor(colours.background)
    backdrop.setAlpha(215)
    return pg.mkBrush(backdrop)


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
        self._generation = -1

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("landscapePlot")
        item = self.plot.getPlotItem()
        item.setTitle(translate("Landscape", "loss over (w, b)"))
        item.setLabel("bottom", "w")
        item.setLabel("left", "b")
        item.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        item.vb.disableAutoRange()
        for side in ("left", "bottom"):
            item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        self.path = pg.PlotCurveItem(pen=pg.mkPen(colours.weight, width=2))
        self.plot.addItem(self.path)
        self.point = pg.ScatterPlotItem(size=10, pen=pg.mkPen("w"), brush=pg.mkBrush(colours.bias))
        self.plot.addItem(self.point)
        self.star = pg.ScatterPlotItem(
            size=16, symbol="star", pen=pg.mkPen("k"), brush=pg.mkBrush("#ffeb3b")
        )
        self.plot.addItem(self.star)
        # A backdrop in the theme's colour: legend text stays readable on any
        # colour of the heatmap, light or dark theme.
        self.legend = item.addLegend(offset=(-5, 5), brush=_legend_brush(colours))
        self.legend.hide()  # names the compared runs; empty otherwise
        self.plot.scene().sigMouseClicked.connect(self._clicked)

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
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
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

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self.plot.setBackground(colours.background)
        self.path.setPen(pg.mkPen(colours.weight, width=2))
        self.point.setBrush(pg.mkBrush(colours.bias))
        self.legend.setBrush(_legend_brush(colours))

    # ------------------------------------------------------------- updates
    @Slot(object)
    def _draw_surface(self, land: LandscapeView | None) -> None:
        """None for a model whose loss cannot be drawn as a map."""
        if land is None:
            self.stack.setCurrentWidget(self.note)
            return
        self.stack.setCurrentWidget(self.plot)
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
        for c in self._contours:
            self.plot.removeItem(c)
        self._contours = []
        pen = pg.mkPen((255, 255, 255, 110), width=1)
        for level in np.linspace(shown.min(), shown.max(), CONTOUR_LEVELS + 2)[1:-1]:
            curve = pg.IsocurveItem(data=shown.T, level=level, pen=pen)
            curve.setParentItem(self.image)  # shares the image's placement
            # Contours change only with the surface: repaint them from a pixmap.
            curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._contours.append(curve)
        w_opt, b_opt = land.optimum
        self.star.setData([w_opt], [b_opt], name=translate("Landscape", "optimum"))
        self.plot.setXRange(ws[0], ws[-1], padding=0)
        self.plot.setYRange(bs[0], bs[-1], padding=0)
        self._version = -1
        self._path_shown = None
        self._redraw_path()

    @Slot(object)
    def _draw_compare(self, view: CompareView | None) -> None:
        """None when compare mode is off."""
        for item in self._compare_items:
            self.plot.removeItem(item)
        self._compare_items = []
        self.legend.clear()
        self.legend.setVisible(bool(view))
        if not view:
            self.path.show()
            return
        self.path.hide()  # the compared runs replace the single trajectory
        start = view.start
        n = len(view.runs)
        for i, run in enumerate(view.runs):
            ws, bs = run.w, run.b
            if start:  # history rows come after each update: every walk begins here
                ws, bs = [start[0], *ws], [start[1], *bs]
            # Runs often share their first moves: earlier runs are drawn wider,
            # underneath, so a path covered by a later one still shows at its edges.
            width = 1.5 + 1.5 * (n - 1 - i)
            curve = pg.PlotCurveItem(
                ws, bs, pen=pg.mkPen(COMPARE_COLOURS[i % 4], width=width), name=run.label
            )
            self.plot.addItem(curve)
            self._compare_items.append(curve)
        self._dirty = True

    # -------------------------------------------------------------- frames
    @Slot(object)
    def _on_frame(self, frame) -> None:
        if self.stack.currentWidget() is not self.plot:
            return
        snap = frame.snapshot
        if frame.generation != self._generation or frame.replace_rows:
            self._rows_checked = 0  # rows already checked may have changed
        if frame.generation != self._generation:
            self._generation = frame.generation
            self._start = None
        if snap is not None and snap.step == 0 and (snap.w, snap.b) != self._start:
            # History rows come after each update: the walk starts here.
            self._start = (snap.w, snap.b)
            self._version = -1
            self._rows_checked = 0
        if self.controller.series.version != self._version:
            self._redraw_path()
        if snap is not None and snap.model_kind == "linear":
            point = (snap.w, snap.b)
            if point != self._last_point:
                self._last_point = point
                self.point.setData([point[0]], [point[1]])
                self._dirty = True

    def _redraw_path(self) -> None:
        s = self.controller.series
        self._version = s.version
        n = s.length
        if self._new_rows_repeat(n):
            return  # as below, checking only the rows added since the last frame
        self._rows_checked = n
        rows = path_rows(n)
        w, b = s["p0"][rows], s["p1"][rows]
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
        if (
            event.button() != Qt.MouseButton.LeftButton
            or self.stack.currentWidget() is not self.plot
        ):
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        self.choose_start(p.x(), p.y())

    def choose_start(self, w: float, b: float) -> None:
        """Start the model from (w, b), as clicking the map does."""
        self.controller.set_parameters({"weight": round(w, 4), "bias": round(b, 4)})
