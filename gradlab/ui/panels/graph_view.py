"""The computation-graph panel: the autograd graph PyTorch really recorded, drawn
natively, with backward() replayed node by node.

The panel only ever holds the snapshot's plain `core.graph.Graph`. The order
and the gradients come from one real backward() the session recorded with
hooks; the panel replays them on a GUI-thread QTimer (backward itself takes
microseconds). The scene's items are built once per graph *structure* and
reused: a new graph with the same nodes and edges (every update, every run
frame) only changes texts and pens. While training runs the panel redraws a
few times a second at most, and never animates.
"""

from __future__ import annotations

import html
import math
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gradlab.core.fileio import atomic_write_bytes
from gradlab.ui.graph_layout import layered_layout
from gradlab.ui.texts import format_value

translate = QCoreApplication.translate

STEP_MS = 550  # one node of the backward replay
RUN_REFRESH_S = 0.35  # while training runs: at most ~3 redraws a second
MAX_FIT_SCALE = 1.2  # fitting never blows a small graph up further than this
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
PAD_X, PAD_Y = 9, 4
FIT_MARGIN = 8
SIDE_WIDTH = 176  # the caption and buttons column beside the view
SIDE_MIN_WIDTH = 380  # narrower than this, the column goes below the view
QWIDGETSIZE_MAX = (1 << 24) - 1
EXPORT_SCALE = 2  # PNG pixels per scene unit: sharp on high-DPI screens and slides
VALUES_INSPECTED = 3  # values the inspector writes out before "…"


# ------------------------------------------------------------------- items
class _NodeItem(QGraphicsPathItem):
    """A node's box; it tells the panel when it is hovered or clicked (events
    only: painting stays in C++)."""

    def __init__(self, node_id: str, panel: GraphPanel):
        super().__init__()
        self.node_id = node_id
        self._panel = weakref.ref(panel)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None:
            panel._hover(self.node_id, True)

    def hoverLeaveEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None:
            panel._hover(self.node_id, False)

    def mousePressEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None and event.button() == Qt.MouseButton.LeftButton:
            panel.inspect(self.node_id, pin=True)
        event.accept()  # a click on a node selects it; it does not start a pan


@dataclass
class _NodeView:
    box: _NodeItem
    title: QGraphicsSimpleTextItem
    sub: QGraphicsSimpleTextItem
    reserve: str  # the widest subtitle this node should fit without re-layout
    size: tuple[float, float] = (0.0, 0.0)


@dataclass
class _EdgeView:
    line: QGraphicsPathItem
    badge: QGraphicsRectItem
    label: QGraphicsSimpleTextItem


class GraphView(QGraphicsView):
    """Pan by dragging, zoom with the wheel (around the cursor)."""

    zoomed = Signal()  # the user zoomed: stop fitting automatically
    resized = Signal()
    backgroundClicked = Signal()

    def __init__(self, scene: QGraphicsScene, parent=None):
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMinimumSize(120, 80)

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        target = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        if target != current:
            self.scale(target / current, target / current)
        self.zoomed.emit()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.2**steps)
        event.accept()

    def mousePressEvent(self, event) -> None:
        if self.itemAt(event.position().toPoint()) is None:
            self.backgroundClicked.emit()
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


# ------------------------------------------------------------------- panel
class GraphPanel(QWidget):
    """The computation graph of the current update, following the controller's frames."""

    nodeSelected = Signal(str)  # the node id the student clicked ("" when cleared)

    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.controller = controller
        self._colours = colours
        self.step_ms = STEP_MS
        # What is shown: plain data from the latest snapshot.
        self._graph = None
        self._nodes_by_id: dict = {}
        self._structure = None
        self._phase: str | None = None
        self._event = None  # the snapshot's Event object (identity tells a new call)
        self._accumulated = False
        self._refused_pending = False
        self._refusal_event = None  # set while the retain_graph explanation applies
        # .grad per parameter before and after the recorded backward(), for the replay.
        self._replay_before: dict[str, tuple | None] = {}
        self._replay_after: dict[str, tuple | None] = {}
        self._pending = None  # the newest snapshot not yet drawn during a run
        self._last_run_draw = 0.0
        # Replay state: _step counts revealed entries of graph.order (-1: not replaying).
        self._step = -1
        # Items, rebuilt only when the graph's structure changes.
        self._node_views: dict[str, _NodeView] = {}
        self._edge_views: dict[tuple[str, str], _EdgeView] = {}
        self._layouts: dict[bool, tuple] = {}
        self._vertical = True
        self._auto_fit = True
        self._hovered: str | None = None
        self._pinned: str | None = None
        self.build_count = 0  # how often items were (re)built; tests check reuse
        self.redraw_count = 0  # how many snapshots were drawn

        self._scene = QGraphicsScene(self)
        # A few dozen items that change together: an index costs more than it saves.
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view = GraphView(self._scene, self)
        self.view.setToolTip(
            translate(
                "GraphPanel",
                "The autograd graph PyTorch recorded: grey arrows carry values forward, red "
                "ones carry gradients back. Drag to pan, use the wheel to zoom, Ctrl+0 to fit. "
                "Hover over or click a box to inspect it.",
            )
        )
        self.view.zoomed.connect(self._on_user_zoom)
        self.view.resized.connect(self._on_view_resized)
        self.view.backgroundClicked.connect(self._unpin)

        self.fit_button = self._button(
            "graphFitButton",
            translate("GraphPanel", "Fit"),
            translate(
                "GraphPanel",
                "Fit the whole graph into the view (Ctrl+0). The wheel zooms, dragging pans.",
            ),
            self.fit,
        )
        self.replay_button = self._button(
            "graphReplayButton",
            translate("GraphPanel", "Replay"),
            translate(
                "GraphPanel",
                "Play the last backward() again, node by node, in the order autograd ran the "
                "nodes. While it plays, this button skips to the end.",
            ),
            self._on_replay_clicked,
        )
        self.export_button = self._button(
            "graphExportButton",
            translate("GraphPanel", "Export…"),
            translate(
                "GraphPanel",
                "Save the graph as a picture: PNG for documents and slides, SVG to scale "
                "without blur.",
            ),
            self._on_export_clicked,
        )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for button in (self.fit_button, self.replay_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.caption_label = QLabel()
        self.caption_label.setObjectName("graphCaption")
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.RichText)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.caption_label.setToolTip(
            translate(
                "GraphPanel",
                "What the graph shows now. live: backward() can still run through it. freed: "
                "backward() ran and released the tensors the graph saved for it.",
            )
        )
        self._state = ""
        self._caption = ""

        # In the side column when there is one, else floating over the view's corner.
        # It scrolls when a node has more to say than the room there is.
        self.inspector = QScrollArea(self.view)
        self.inspector.setObjectName("graphInspector")
        self.inspector.setWidgetResizable(True)
        self.inspector.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inspector_label = QLabel()
        self._inspector_label.setObjectName("graphInspectorText")
        self._inspector_label.setTextFormat(Qt.TextFormat.RichText)
        self._inspector_label.setWordWrap(True)
        self._inspector_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.inspector.setWidget(self._inspector_label)
        self.inspector.setToolTip(
            translate(
                "GraphPanel",
                "The box under the mouse, or the one you clicked: what PyTorch knows about it. "
                "Click the background to let it go.",
            )
        )
        self._set_inspector_transparent(True)
        self.inspector.hide()
        self._inspector_plain = ""

        # Buttons and caption go beside the view in a wide panel, below it in a tall one:
        # either way the graph gets the longer side.
        self._side = QWidget(self)
        self._side_layout = side = QVBoxLayout(self._side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(6)
        side.addLayout(buttons)
        side.addWidget(self.caption_label)
        side.addStretch(0)  # takes what the inspector (stretch 1, capped) leaves
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._body.setContentsMargins(4, 4, 4, 4)
        self._body.setSpacing(6)
        self._body.addWidget(self.view, 1)
        self._body.addWidget(self._side)
        self._side_by_side = False

        for keys, slot in (
            ("Ctrl+0", self.fit),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(1.25)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(0.8)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._timer = QTimer(self)  # a child: it dies with the panel, never fires after
        self._timer.timeout.connect(self.advance)

        self.apply_colours(colours)
        if controller.snapshot is not None:
            self._show_snapshot(controller.snapshot)
        controller.frame.connect(self._on_frame)
        controller.runningChanged.connect(self._on_running)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        side_by_side = self.width() >= SIDE_MIN_WIDTH and self.width() >= 1.25 * self.height()
        if side_by_side != self._side_by_side:
            self._side_by_side = side_by_side
            self._body.setDirection(
                QBoxLayout.Direction.LeftToRight
                if side_by_side
                else QBoxLayout.Direction.TopToBottom
            )
            if side_by_side:
                self._side.setFixedWidth(SIDE_WIDTH)
            else:
                self._side.setMinimumWidth(0)
                self._side.setMaximumWidth(QWIDGETSIZE_MAX)
            self._move_inspector(side_by_side)

    def _move_inspector(self, into_side: bool) -> None:
        shown = not self.inspector.isHidden()
        self.inspector.setMinimumSize(0, 0)
        self.inspector.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        if into_side:
            self._side_layout.insertWidget(2, self.inspector, 1)
        else:
            self._side_layout.removeWidget(self.inspector)
            self.inspector.setParent(self.view)
        self._set_inspector_transparent(not into_side)
        if shown:
            self._place_inspector()
            self.inspector.show()

    def _set_inspector_transparent(self, transparent: bool) -> None:
        # Over the view it must not swallow the hover events meant for the nodes.
        for widget in (self.inspector, self.inspector.viewport(), self._inspector_label):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, transparent)

    def _button(self, name, text, tip, slot) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ public API
    @property
    def animating(self) -> bool:
        return self._step >= 0

    def fit(self) -> None:
        """Fit the graph into the view, in whichever direction (top-to-bottom or
        left-to-right) shows it larger, and keep fitting as the panel resizes."""
        self._auto_fit = True
        self._fit()

    def replay(self) -> bool:
        """Replay the current graph's backward(); False when there is none to replay."""
        if self._graph is None or not self._graph.order or self.controller.running:
            return False
        self._start_replay()
        return True

    def finish_animation(self) -> None:
        """Jump to the end of the replay."""
        if self.animating:
            self._timer.stop()
            self._step = -1
            self._apply()
            self._update_chrome()

    def export(self, path) -> None:
        """Save the graph as PNG or SVG, chosen by the file's suffix."""
        path = str(path)
        suffix = Path(path).suffix.lower()
        if suffix not in (".png", ".svg"):
            raise ValueError(
                f"cannot export to {suffix or 'a file without suffix'}: use .png or .svg"
            )
        source = self._scene.itemsBoundingRect()
        if source.isEmpty():
            source = QRectF(0, 0, 200, 80)
        source = source.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        background = QColor(self._colours.background)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if suffix == ".png":
            size = QSize(
                math.ceil(source.width() * EXPORT_SCALE), math.ceil(source.height() * EXPORT_SCALE)
            )
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(background)
            painter = QPainter(image)
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            self._scene.render(painter, QRectF(image.rect()), source)
            painter.end()
            image.save(buffer, "PNG")
        else:
            from PySide6.QtSvg import QSvgGenerator  # only needed here

            target = QRectF(0, 0, source.width(), source.height())
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
            generator.setSize(target.size().toSize())
            generator.setViewBox(target)
            generator.setTitle(translate("GraphPanel", "GradLab: autograd graph"))
            painter = QPainter(generator)
            painter.fillRect(target, background)
            self._scene.render(painter, target, source)
            painter.end()
        try:
            atomic_write_bytes(path, bytes(buffer.data()))  # a crash never leaves half a file
        except OSError as exc:
            raise OSError(_cannot_write(path)) from exc

    def inspect(self, node_id: str | None, pin: bool = False) -> str:
        """Show a node in the inspector (pinned: it stays after the mouse leaves);
        returns the inspector's text."""
        if pin:
            self._pinned = node_id if node_id in self._node_views else None
            self.nodeSelected.emit(self._pinned or "")
        self._show_inspector(node_id if node_id in self._node_views else self._pinned)
        return self._inspector_plain

    def inspector_text(self) -> str:
        return "" if self.inspector.isHidden() else self._inspector_plain

    def caption(self) -> str:
        """The caption's sentence (without the state word in front of it)."""
        return self._caption

    def state_text(self) -> str:
        """The state word before the caption: no graph, live, backward 2/5, freed, running."""
        return self._state

    def node_texts(self) -> dict[str, str]:
        """Node id -> the text drawn in its box (title, newline, subtitle)."""
        return {nid: f"{v.title.text()}\n{v.sub.text()}" for nid, v in self._node_views.items()}

    def param_grad_texts(self) -> dict[str, str]:
        """Parameter name -> the .grad its node shows ("None" or numbers)."""
        out = {}
        for nid, view in self._node_views.items():
            node = self._nodes_by_id[nid]
            if node.kind == "param":
                out[node.param] = view.sub.text().partition("= ")[2]
        return out

    def edge_texts(self) -> dict[tuple[str, str], str]:
        """(source, target) -> the gradient label shown on that edge (shown ones only)."""
        return {key: v.label.text() for key, v in self._edge_views.items() if v.badge.isVisible()}

    def freed_nodes(self) -> set[str]:
        """Ids of the op nodes drawn as freed (dashed)."""
        return {
            nid
            for nid, v in self._node_views.items()
            if v.box.pen().style() == Qt.PenStyle.DashLine
        }

    def current_node(self) -> str | None:
        """The node the replay is at (None when not replaying)."""
        return self._current()

    @property
    def orientation(self) -> str:
        return "vertical" if self._vertical else "horizontal"

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self.view.setBackgroundBrush(QColor(colours.background))
        background = _rgba(colours.background, 235)
        self.inspector.setStyleSheet(
            f"QScrollArea#graphInspector {{ background: {background};"
            f" border: 1px solid {colours.data}; border-radius: 4px; }}"
            f" QScrollArea#graphInspector > QWidget {{ background: transparent; }}"
            f" QLabel#graphInspectorText {{ background: transparent; color: {colours.foreground};"
            " padding: 3px 5px; }"
        )
        self._apply()
        if not self.inspector.isHidden():
            self._show_inspector(self._hovered or self._pinned)
        self._update_chrome()

    # -------------------------------------------------------------- frames
    @Slot(object)
    def _on_frame(self, frame) -> None:
        if any(getattr(m, "code", "") == "backward.freed" for m in frame.messages):
            self._refused_pending = True
        snap = frame.snapshot
        if snap is None:
            return
        if self.controller.running:
            # Each update records and frees a new graph; redrawing it every frame would
            # only take time from training (DESIGN §8).
            now = time.monotonic()
            if now - self._last_run_draw < RUN_REFRESH_S:
                self._pending = snap
                return
            self._last_run_draw = now
        self._pending = None
        self._show_snapshot(snap)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if running:
            self.finish_animation()
        elif self._pending is not None:
            snap, self._pending = self._pending, None
            self._show_snapshot(snap)
        self._update_chrome()

    def _show_snapshot(self, snap) -> None:
        self.redraw_count += 1
        refused, self._refused_pending = self._refused_pending, False
        new_call = snap.event is not self._event
        if refused:
            # The refused backward() changed nothing; its snapshot repeats the last event.
            self._refusal_event = snap.event
        elif new_call:
            self._refusal_event = None
        self._event = snap.event
        self._phase = snap.phase
        graph = snap.graph
        fresh_backward = (
            new_call
            and not refused
            and snap.phase == "backward"
            and graph is not None
            and bool(graph.order)
            and not self.controller.running
        )
        if graph is not self._graph:
            self._timer.stop()  # a new graph cancels any replay
            self._step = -1
            if fresh_backward:  # remembered with the recording, for replays and captions
                self._accumulated = snap.event.code == "backward.accumulated"
            elif graph is None or not graph.order:
                self._accumulated = False
            self._set_graph(graph)
            if fresh_backward:
                # What .grad held before this backward(): the replay fills it in node by node.
                self._replay_before = dict(
                    zip(snap.param_names, snap.prev_grads or (), strict=False)
                )
                self._replay_after = self._current_grads()
                self._start_replay()
        elif refused:
            self.finish_animation()
        self._update_chrome()

    # ---------------------------------------------------------- the graph
    def _set_graph(self, graph) -> None:
        self._graph = graph
        self._nodes_by_id = {n.id: n for n in graph.nodes} if graph is not None else {}
        structure = graph.structure() if graph is not None else None
        if structure != self._structure:
            self._structure = structure
            self._build()
            # Not seen recorded: a replay can only start from "None" and end at today's .grad.
            self._replay_before = {}
            self._replay_after = self._current_grads()
        self._apply()
        if self._hovered or self._pinned:
            self._show_inspector(self._hovered or self._pinned)

    def _build(self) -> None:
        """New items for a new structure (forward, loss, a new model)."""
        self.build_count += 1
        self._scene.clear()
        self._node_views.clear()
        self._edge_views.clear()
        self._layouts.clear()
        self._hovered = None
        if self._pinned is not None:
            self._pinned = None
            self.nodeSelected.emit("")
        self.inspector.hide()
        graph = self._graph
        if graph is None:
            self._scene.setSceneRect(QRectF())
            return
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.92))
        for e in graph.edges:
            line = QGraphicsPathItem()
            line.setZValue(0)
            badge = QGraphicsRectItem()
            badge.setZValue(2)
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            label = QGraphicsSimpleTextItem(badge)
            label.setFont(small)
            self._scene.addItem(line)
            self._scene.addItem(badge)
            badge.hide()
            self._edge_views[(e.source, e.target)] = _EdgeView(line, badge, label)
        for n in graph.nodes:
            box = _NodeItem(n.id, self)
            box.setZValue(1)
            title = QGraphicsSimpleTextItem(self._title(n), box)
            title.setFont(bold)
            sub = QGraphicsSimpleTextItem(box)
            sub.setFont(small)
            self._scene.addItem(box)
            self._node_views[n.id] = _NodeView(box, title, sub, _reserve(n))

    def _current_grads(self) -> dict[str, tuple | None]:
        return {
            n.param: (None if n.info is None else n.info.grad)
            for n in self._nodes_by_id.values()
            if n.kind == "param"
        }

    def _title(self, node) -> str:
        if node.kind == "param":
            return f"{node.param}  {_shape_text(node.shape)}"
        return node.name

    def _sizes(self) -> dict[str, tuple[float, float]]:
        sizes = {}
        for nid, v in self._node_views.items():
            metrics = QFontMetricsF(v.sub.font())
            sub_w = max(v.sub.boundingRect().width(), metrics.horizontalAdvance(v.reserve))
            title = v.title.boundingRect()
            sub_h = max(v.sub.boundingRect().height(), metrics.height())
            sizes[nid] = (
                math.ceil(max(title.width(), sub_w) + 2 * PAD_X),
                math.ceil(title.height() + sub_h + 2 * PAD_Y),
            )
        return sizes

    def _relayout(self) -> None:
        """Place nodes and edges for the current orientation (after a build, a
        text that no longer fits, or a change of orientation)."""
        if not self._node_views:
            return
        sizes = self._sizes()
        if any(self._node_views[n].size != s for n, s in sizes.items()):
            self._layouts.clear()
        for nid, size in sizes.items():
            self._node_views[nid].size = size
        centres, width, height = self._layout(self._vertical)
        for nid, (cx, cy) in centres.items():
            view = self._node_views[nid]
            w, h = view.size
            view.box.setPos(cx - w / 2, cy - h / 2)
            view.box.setPath(_box_path(self._nodes_by_id[nid].kind, w, h))
            tw = view.title.boundingRect().width()
            sw = view.sub.boundingRect().width()
            th = view.title.boundingRect().height()
            view.title.setPos((w - tw) / 2, PAD_Y)
            view.sub.setPos((w - sw) / 2, PAD_Y + th)
        margin = max(width, height, 200)
        self._scene.setSceneRect(QRectF(-margin, -margin, width + 2 * margin, height + 2 * margin))
        self._route_edges()

    def _layout(self, vertical: bool) -> tuple:
        if vertical not in self._layouts:
            sizes = {nid: v.size for nid, v in self._node_views.items()}
            edges = list(self._edge_views)
            self._layouts[vertical] = layered_layout(list(self._node_views), edges, sizes, vertical)
        return self._layouts[vertical]

    def _route_edges(self) -> None:
        for (source, target), view in self._edge_views.items():
            a = self._node_views[source].box.sceneBoundingRect()
            b = self._node_views[target].box.sceneBoundingRect()
            if self._vertical:
                start, end = QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top())
                bend = QPointF(0, max(12.0, (end.y() - start.y()) / 2))
            else:
                start, end = QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())
                bend = QPointF(max(12.0, (end.x() - start.x()) / 2), 0)
            c1, c2 = start + bend, end - bend
            backward = view.badge.isVisible()
            path = QPainterPath(start)
            path.cubicTo(c1, c2, end)
            # The head points the way the arrow's values travel: forward to the
            # consumer, or (once backward() ran along it) back to the producer.
            if backward:
                _arrow_head(path, start, start - c1)
            else:
                _arrow_head(path, end, end - c2)
            view.line.setPath(path)
            # Top to bottom, edges converge on their consumer: label them near the
            # producer, where they are furthest apart.
            anchor = _cubic_point(start, c1, c2, end, 0.3 if self._vertical else 0.5)
            rect = view.label.boundingRect()
            view.badge.setRect(QRectF(0, 0, rect.width() + 6, rect.height()))
            view.label.setPos(3, 0)
            view.badge.setPos(anchor.x() - rect.width() / 2 - 3, anchor.y() - rect.height() / 2)

    def _fit(self) -> None:
        if not self._node_views:
            return
        viewport = self.view.viewport().size()
        vw = max(1.0, viewport.width() - 2 * FIT_MARGIN)
        vh = max(1.0, viewport.height() - 2 * FIT_MARGIN)
        if not self._layouts or not any(v.size[0] for v in self._node_views.values()):
            self._relayout()

        def scale(vertical):
            _, w, h = self._layout(vertical)
            return min(vw / max(w, 1.0), vh / max(h, 1.0))

        # The direction that shows the graph larger; ties keep the current one.
        best = self._vertical
        if scale(not self._vertical) > scale(self._vertical) * 1.05:
            best = not self._vertical
        if best != self._vertical:
            self._vertical = best
            self._relayout()
        _, w, h = self._layout(self._vertical)
        s = min(MAX_FIT_SCALE, scale(self._vertical))
        self.view.setTransform(QTransform.fromScale(s, s))
        self.view.centerOn(QPointF(w / 2, h / 2))
        if not self.inspector.isHidden():
            self._place_inspector()

    @Slot()
    def _on_user_zoom(self) -> None:
        self._auto_fit = False

    @Slot()
    def _on_view_resized(self) -> None:
        if self._auto_fit:
            self._fit()
        elif not self.inspector.isHidden():
            self._place_inspector()

    # ------------------------------------------------------------- replay
    def _start_replay(self) -> None:
        self._step = 0
        self._apply()
        self._timer.start(self.step_ms)
        self._update_chrome()

    @Slot()
    def advance(self) -> None:
        graph = self._graph
        if graph is None or self._step < 0:
            self._timer.stop()
            return
        self._step += 1
        if self._step > len(graph.order):
            self.finish_animation()
            return
        self._apply()
        self._update_chrome()

    def _current(self) -> str | None:
        if not self.animating or self._graph is None:
            return None
        if self._step == 0:
            return self._graph.root
        return self._graph.order[self._step - 1]

    def _apply(self) -> None:
        """Draw the state: which nodes backward has run (freed, .grad filled), which
        edges carry a gradient, which node the replay is at."""
        graph = self._graph
        if graph is None or not self._node_views:
            self._relayout()
            return
        c = self._colours
        done = self._done()
        shown = set()
        if done or self.animating:
            shown = {e for e in graph.edge_grads if e[1] in done or e[1] == graph.root}
            # A tensor node (y_pred) only passes the gradient on: show both halves.
            passing = {s for s, _ in shown if self._nodes_by_id[s].kind == "tensor"}
            shown |= {e for e in graph.edge_grads if e[1] in passing}
        current = self._current()
        text_changed = False
        for nid, view in self._node_views.items():
            node = self._nodes_by_id[nid]
            sub = self._subtitle(node, done)
            if view.sub.text() != sub:
                view.sub.setText(sub)
                text_changed = True
            self._style_node(view, node, self._is_freed(node, done), nid == current)
        for key, view in self._edge_views.items():
            grad = graph.edge_grads.get(key)
            visible = key in shown and grad is not None
            if visible:
                text = _values_text(grad, self._numel(key[0]))
                if view.label.text() != text:
                    view.label.setText(text)
                view.label.setBrush(QColor(c.grad))
                view.badge.setBrush(QColor(_rgba_color(c.background, 225)))
                view.badge.setToolTip(self._edge_tooltip(key, grad))
            view.badge.setVisible(visible)
            pen = QPen(QColor(c.grad if visible else c.data), 1.6 if visible else 1.2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            view.line.setPen(pen)
        sizes_ok = all(
            v.size[0] >= v.sub.boundingRect().width() + 2 * PAD_X for v in self._node_views.values()
        )
        if text_changed and not sizes_ok or not self._layouts:
            self._relayout()
            if self._auto_fit:
                self._fit()
        else:
            self._relayout_texts()
            self._route_edges()

    def _done(self) -> set[str]:
        """The nodes backward() has run, as far as the replay got."""
        graph = self._graph
        if self.animating:
            return set(graph.order[: self._step])
        return set(graph.order) if graph.freed else set()

    def _is_freed(self, node, done: set[str]) -> bool:
        """An op's saved tensors are freed as soon as backward() has run it; a graph
        rebuilt after a run is freed without a recorded order."""
        if node.kind != "op" or not self._graph.freed:
            return False
        return node.id in done or not self._graph.order

    def _param_grad(self, node, done: set[str]):
        """The .grad to show: replayed nodes get the recorded result, others the old value."""
        if self.animating:
            grads = self._replay_after if node.id in done else self._replay_before
            return grads.get(node.param)
        return None if node.info is None else node.info.grad

    def _relayout_texts(self) -> None:
        """Re-centre the subtitles after their texts changed (boxes stay put)."""
        for view in self._node_views.values():
            w = view.size[0]
            view.sub.setX((w - view.sub.boundingRect().width()) / 2)

    def _subtitle(self, node, done: set) -> str:
        if node.kind == "param":
            grad = self._param_grad(node, done)
            numel = node.info.numel if node.info is not None else 1
            return ".grad = " + ("None" if grad is None else _values_text(grad, numel))
        if node.kind == "tensor":
            info = node.info
            if info is not None and info.numel == 1 and info.values:
                return "= " + format_value(info.values[0])
            return _shape_text(node.shape)
        return node.label

    def _style_node(self, view: _NodeView, node, freed: bool, current: bool) -> None:
        c = self._colours
        accent = _accent(node, c)
        fill = QColor(accent)
        fill.setAlpha(0 if freed else (40 if node.kind != "op" else 22))
        pen = QPen(QColor(c.grad) if current else QColor(accent), 3.0 if current else 1.4)
        if freed:  # dashed: its saved tensors are gone (red while the replay is at it)
            pen.setStyle(Qt.PenStyle.DashLine)
            if not current:
                pen.setColor(QColor(c.data))
        view.box.setPen(pen)
        view.box.setBrush(QBrush(fill))
        if freed:
            title = c.data
        elif node.kind == "param" or node.id == "loss":
            title = accent
        else:
            title = c.foreground
        view.title.setBrush(QColor(title))
        grad_shown = node.kind == "param" and not view.sub.text().endswith("None")
        view.sub.setBrush(QColor(c.grad if grad_shown else c.data if freed else c.foreground))

    def _numel(self, node_id: str) -> int:
        node = self._nodes_by_id.get(node_id)
        if node is None or node.shape is None:
            return 0
        return math.prod(node.shape)

    def _edge_tooltip(self, key, grad) -> str:
        source = self._nodes_by_id[key[0]]
        target = self._nodes_by_id[key[1]]
        if key[1] == self._graph.root:
            return translate(
                "GraphPanel",
                "backward() starts here: the gradient of the loss with respect to itself is 1.",
            )
        if source.kind == "tensor":
            text = translate(
                "GraphPanel", "∂loss/∂{source}: the gradient {target} sent back along this arrow."
            )
        else:
            text = translate(
                "GraphPanel",
                "∂loss/∂(output of {source}): the gradient {target} sent back along this arrow.",
            )
        values = _values_text(grad, self._numel(key[0]), VALUES_INSPECTED)
        source_name, target_name = _display_name(source), _display_name(target)
        return text.format(source=source_name, target=target_name) + " " + values

    # ----------------------------------------------------------- inspector
    def _hover(self, node_id: str, entered: bool) -> None:
        if entered:
            self._hovered = node_id
            self._show_inspector(node_id)
        elif self._hovered == node_id:
            self._hovered = None
            self._show_inspector(self._pinned)

    @Slot()
    def _unpin(self) -> None:
        if self._pinned is not None:
            self._pinned = None
            self.nodeSelected.emit("")
            self._show_inspector(self._hovered)

    def _show_inspector(self, node_id: str | None) -> None:
        node = self._nodes_by_id.get(node_id) if node_id is not None else None
        if node is None:
            self.inspector.hide()
            self._inspector_plain = ""
            return
        title, rows = self._inspect_rows(node)
        grad_colour = self._colours.grad
        lines = [f"<b>{html.escape(title)}</b>"]
        for key, value, is_grad in rows:
            shown = html.escape(value)
            if is_grad:
                shown = f'<span style="color:{grad_colour}">{shown}</span>'
            lines.append(f"{html.escape(key)}: {shown}" if key else shown)
        self._inspector_label.setText("<br>".join(lines))
        self._inspector_plain = "\n".join([title] + [f"{k}: {v}" if k else v for k, v, _ in rows])
        self._place_inspector(node_id)
        self.inspector.show()
        self.inspector.raise_()

    def _place_inspector(self, node_id: str | None = None) -> None:
        """Beside the view: as tall as its text, the layout shrinks it (and it scrolls)
        when the column is short. Over the view: the top corner away from the node,
        so that it never hides what it describes."""
        frame = 2 * self.inspector.frameWidth()
        if self._side_by_side:
            text_height = self._inspector_label.heightForWidth(SIDE_WIDTH - frame)
            self.inspector.setMinimumHeight(min(80, text_height + frame))
            self.inspector.setMaximumHeight(text_height + frame)
            return
        view = self.view
        width = min(300, max(150, view.width() - 12))
        text_height = self._inspector_label.heightForWidth(width - frame)
        height = min(text_height + frame, view.height() - 12)
        self.inspector.setFixedSize(width, height)
        node_id = node_id or self._hovered or self._pinned
        left = top = True
        if node_id in self._node_views:
            centre = view.mapFromScene(self._node_views[node_id].box.sceneBoundingRect().center())
            left = centre.x() > view.width() / 2
            top = centre.y() > view.height() / 2
        x = 6 if left else view.width() - width - 6
        y = 6 if top else view.height() - height - 6
        self.inspector.move(max(0, x), max(0, y))

    def _inspect_rows(self, node) -> tuple[str, list[tuple[str, str, bool]]]:
        """The inspector's title and its (key, value, is a gradient) rows."""
        graph = self._graph
        done = self._done()
        rows: list[tuple[str, str, bool]] = []
        if node.kind == "op":
            rows.append((translate("GraphPanel", "computes"), node.label, False))
            rows.append((translate("GraphPanel", "output shape"), _shape_tuple(node.shape), False))
            saved = ", ".join(f"{name} {_shape_tuple(shape)}" for name, shape in node.saved)
            if not node.saved:
                saved = translate("GraphPanel", "nothing")
            elif self._is_freed(node, done):
                saved = translate("GraphPanel", "{saved}, now freed").format(saved=saved)
            rows.append((translate("GraphPanel", "saved for backward"), saved, False))
            if node.id in done:
                rows += [
                    (
                        translate("GraphPanel", "sent to {name}").format(
                            name=_display_name(self._nodes_by_id[source])
                        ),
                        _values_text(grad, self._numel(source), VALUES_INSPECTED),
                        True,
                    )
                    for (source, target), grad in graph.edge_grads.items()
                    if target == node.id
                ]
            return node.name, rows
        info = node.info
        kind = "nn.Parameter" if node.kind == "param" else "torch.Tensor"
        title = f"{_display_name(node)} · {kind}"
        if info is None:
            return title, [("shape", _shape_tuple(node.shape), False)]
        rows += [
            ("shape", f"{_shape_tuple(info.shape)} {info.dtype}", False),
            ("requires_grad", str(info.requires_grad), False),
            ("is_leaf", str(info.is_leaf), False),
            ("grad_fn", str(info.grad_fn), False),
            (translate("GraphPanel", "value"), _values_text(info.values, info.numel, 3), False),
        ]
        if node.kind == "param":
            grad = self._param_grad(node, done)
            text = "None" if grad is None else _values_text(grad, info.numel, VALUES_INSPECTED)
            rows.append((".grad", text, grad is not None))
            added = graph.node_grads.get(node.id)
            if node.id in done and added and added[0] is not None and self._accumulated:
                rows.append(
                    (
                        translate("GraphPanel", "this backward() added"),
                        _values_text(added[0], info.numel, VALUES_INSPECTED),
                        True,
                    )
                )
        elif info.requires_grad and not info.is_leaf:
            rows.append((".grad", translate("GraphPanel", "None (kept for leaves only)"), False))
            passed = [g for (s, t), g in graph.edge_grads.items() if s == node.id and t in done]
            if passed:
                rows.append(
                    (
                        translate("GraphPanel", "gradient through it"),
                        _values_text(passed[0], info.numel, VALUES_INSPECTED),
                        True,
                    )
                )
        return title, rows

    # -------------------------------------------------------------- chrome
    def _update_chrome(self) -> None:
        state, caption, warn = self._describe()
        self._state, self._caption = state, caption
        self.caption_label.setText(f"<b>{html.escape(state)}</b> · {html.escape(caption)}")
        palette = self.caption_label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            QColor(self._colours.grad if warn else self._colours.foreground),
        )
        self.caption_label.setPalette(palette)
        can_replay = (
            self._graph is not None and bool(self._graph.order) and not self.controller.running
        )
        self.replay_button.setEnabled(can_replay)
        self.replay_button.setText(
            translate("GraphPanel", "Skip") if self.animating else translate("GraphPanel", "Replay")
        )
        self.export_button.setEnabled(self._graph is not None)
        self.fit_button.setEnabled(self._graph is not None)

    def _describe(self) -> tuple[str, str, bool]:
        """(state badge, caption, is a warning) for what is shown now."""
        graph = self._graph
        if self.controller.running:
            return (
                translate("GraphPanel", "running"),
                translate(
                    "GraphPanel",
                    "Training runs: every update records a new graph and backward() frees it. "
                    "The view refreshes a few times a second; pause to explore it.",
                ),
                False,
            )
        if graph is None:
            return (
                translate("GraphPanel", "no graph"),
                translate(
                    "GraphPanel",
                    "No graph yet. model(x) (forward) records every operation, so that "
                    "backward() can later compute the gradients.",
                ),
                False,
            )
        if self._refusal_event is not None:
            return (
                translate("GraphPanel", "freed"),
                translate(
                    "GraphPanel",
                    "A second backward() was refused: the first one freed the tensors this graph "
                    "saved. Record a new graph (forward, loss), or pass retain_graph=True to "
                    "the first backward() to keep them.",
                ),
                True,
            )
        if self.animating:
            return self._describe_step(graph)
        if graph.root != "loss":
            return (
                translate("GraphPanel", "live"),
                translate(
                    "GraphPanel",
                    "model(x) recorded these operations for y_pred. Computing the loss adds "
                    "its own nodes after y_pred.",
                ),
                False,
            )
        if not graph.freed:
            if self._phase == "zero_grad":
                text = translate(
                    "GraphPanel",
                    "zero_grad() set every .grad to None. The graph is still live: "
                    "backward() can run through it.",
                )
            else:
                text = translate(
                    "GraphPanel",
                    "The whole graph, from x and the parameters to the loss. backward() "
                    "will run it from the loss back to the parameters.",
                )
            return translate("GraphPanel", "live"), text, False
        freed = translate("GraphPanel", "freed")
        if not graph.order:
            return (
                freed,
                translate(
                    "GraphPanel",
                    "The last update's graph, already freed by its backward(). Step through "
                    "an update (F10) to watch backward() run.",
                ),
                False,
            )
        if self._phase == "zero_grad":
            text = translate(
                "GraphPanel",
                "zero_grad() set every .grad to None. The red numbers are the gradients of "
                "the last backward(); the graph stays freed.",
            )
        elif self._phase == "step":
            text = translate(
                "GraphPanel",
                "step() updated each parameter from its .grad. The next forward records a "
                "new graph.",
            )
        elif self._accumulated:
            text = translate(
                "GraphPanel",
                "backward() is done and ADDED ∂loss/∂parameter to each old .grad (no "
                "zero_grad()). It freed the saved tensors (dashed boxes).",
            )
        else:
            text = translate(
                "GraphPanel",
                "backward() is done: each .grad holds ∂loss/∂parameter. It freed the saved "
                "tensors (dashed boxes), so a second backward() would fail.",
            )
        return freed, text, False

    def _describe_step(self, graph) -> tuple[str, str, bool]:
        total = len(graph.order)
        state = translate("GraphPanel", "backward {step}/{total}").format(
            step=min(self._step, total), total=total
        )
        if self._step == 0:
            return (
                state,
                translate(
                    "GraphPanel",
                    "loss.backward() starts at the loss, with ∂loss/∂loss = 1, and runs the "
                    "graph backwards.",
                ),
                False,
            )
        node = self._nodes_by_id.get(graph.order[self._step - 1])
        if node is None:
            return state, "", False
        if node.kind == "param":
            if self._accumulated:
                text = translate(
                    "GraphPanel",
                    "AccumulateGrad added ∂loss/∂{p} to the old {p}.grad: zero_grad() did not "
                    "run, so gradients pile up.",
                )
            else:
                text = translate("GraphPanel", "AccumulateGrad stored ∂loss/∂{p} in {p}.grad.")
            return state, text.format(p=node.param), False
        if node.saved:
            text = translate(
                "GraphPanel",
                "{name} sent the gradient back to its inputs, then freed the tensors it saved "
                "({saved}).",
            ).format(name=node.name, saved=", ".join(name for name, _ in node.saved))
        else:
            text = translate(
                "GraphPanel", "{name} sent the gradient back to its inputs (it saved no tensors)."
            ).format(name=node.name)
        return state, text, False

    # ------------------------------------------------------------- buttons
    @Slot()
    def _on_replay_clicked(self) -> None:
        if self.animating:
            self.finish_animation()
        else:
            self.replay()

    @Slot()
    def _on_export_clicked(self) -> None:
        png = translate("GraphPanel", "PNG image (*.png)")
        svg = translate("GraphPanel", "SVG drawing (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("GraphPanel", "Export the graph"),
            "gradlab-graph.png",
            f"{png};;{svg}",
        )
        if not path:
            return
        if Path(path).suffix.lower() not in (".png", ".svg"):
            path += ".svg" if chosen == svg else ".png"
        try:
            self.export(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self,
                translate("GraphPanel", "Export the graph"),
                translate("GraphPanel", "The graph was not saved: {error}").format(error=exc),
            )


# ----------------------------------------------------------------- helpers
def _accent(node, colours) -> str:
    """One colour per quantity (DESIGN §4)."""
    if node.kind == "param":
        return colours.bias if "bias" in (node.param or "") else colours.weight
    if node.id == "loss":
        return colours.loss
    if node.kind == "tensor":
        return colours.data
    return colours.foreground


def _box_path(kind: str, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    radius = h / 2 if kind == "tensor" else 5.0  # tensors are pills, ops and params boxes
    path.addRoundedRect(QRectF(0, 0, w, h), radius, radius)
    return path


def _arrow_head(path: QPainterPath, tip: QPointF, direction: QPointF, size: float = 7.0) -> None:
    length = math.hypot(direction.x(), direction.y()) or 1.0
    dx, dy = direction.x() / length, direction.y() / length
    for angle in (0.45, -0.45):
        cos, sin = math.cos(angle), math.sin(angle)
        back = QPointF(-(dx * cos - dy * sin) * size, -(dx * sin + dy * cos) * size)
        path.moveTo(tip)
        path.lineTo(tip + back)


def _cubic_point(p0: QPointF, p1: QPointF, p2: QPointF, p3: QPointF, t: float) -> QPointF:
    u = 1 - t
    return p0 * (u**3) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t**3)


def _shape_text(shape) -> str:
    if shape is None:
        return ""
    return "×".join(str(d) for d in shape) if shape else translate("GraphPanel", "scalar")


def _shape_tuple(shape) -> str:
    if shape is None:
        return "?"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _values_text(values, numel: int, shown: int = 1) -> str:
    """A single number as is; several as "[a, b, …]" with the first `shown` values."""
    if values is None:
        return "None"
    values = [v for v in values if v is not None]
    if not values:
        return "None"
    if numel <= 1 and len(values) == 1:
        return format_value(values[0])
    head = ", ".join(format_value(v) for v in values[:shown])
    more = numel > shown if numel else len(values) > shown
    return f"[{head}, …]" if more else f"[{head}]"


def _reserve(node) -> str:
    """The widest subtitle a node is likely to show, so boxes need not grow."""
    if node.kind == "param":
        numel = node.info.numel if node.info is not None else 1
        return ".grad = [-0.0000, …]" if numel > 1 else ".grad = -00.0000"
    if node.kind == "tensor" and node.shape == ():
        return "= 00.0000"
    return ""


def _cannot_write(path: str) -> str:
    return translate("GraphPanel", "{path} could not be written.").format(path=path)


def _display_name(node) -> str:
    if node.kind == "param":
        return node.param
    return node.name


def _rgba(colour: str, alpha: int) -> str:
    c = QColor(colour)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


def _rgba_color(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c
