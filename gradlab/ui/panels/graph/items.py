"""The graph's items and the view that shows them: a node's box (which tells the
panel when it is hovered or clicked), what draws a node and an edge, the
shapes they are drawn with, and the pan-and-zoom view."""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

MIN_ZOOM, MAX_ZOOM = 0.1, 8.0


class NodeItem(QGraphicsPathItem):
    """A node's box; it tells the panel when it is hovered or clicked (events
    only: painting stays in C++). The panel answers `hover(node_id, entered)`
    and `inspect(node_id, pin=True)`."""

    def __init__(self, node_id: str, panel):
        super().__init__()
        self.node_id = node_id
        self._panel = weakref.ref(panel)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None:
            panel.hover(self.node_id, True)

    def hoverLeaveEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None:
            panel.hover(self.node_id, False)

    def mousePressEvent(self, event) -> None:
        panel = self._panel()
        if panel is not None and event.button() == Qt.MouseButton.LeftButton:
            panel.inspect(self.node_id, pin=True)
        event.accept()  # a click on a node selects it; it does not start a pan


@dataclass
class NodeView:
    box: NodeItem
    title: QGraphicsSimpleTextItem
    sub: QGraphicsSimpleTextItem
    reserve: str  # the widest subtitle this node should fit without re-layout
    size: tuple[float, float] = (0.0, 0.0)


@dataclass
class EdgeView:
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


# ------------------------------------------------------------------ shapes
def accent(node, colours) -> str:
    """One colour per quantity (DESIGN §4)."""
    if node.kind == "param":
        return colours.bias if "bias" in (node.param or "") else colours.weight
    if node.id == "loss":
        return colours.loss
    if node.kind == "tensor":
        return colours.data
    return colours.foreground


def box_path(kind: str, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    radius = h / 2 if kind == "tensor" else 5.0  # tensors are pills, ops and params boxes
    path.addRoundedRect(QRectF(0, 0, w, h), radius, radius)
    return path


def arrow_head(path: QPainterPath, tip: QPointF, direction: QPointF, size: float = 7.0) -> None:
    length = math.hypot(direction.x(), direction.y()) or 1.0
    dx, dy = direction.x() / length, direction.y() / length
    for angle in (0.45, -0.45):
        cos, sin = math.cos(angle), math.sin(angle)
        back = QPointF(-(dx * cos - dy * sin) * size, -(dx * sin + dy * cos) * size)
        path.moveTo(tip)
        path.lineTo(tip + back)


def cubic_point(p0: QPointF, p1: QPointF, p2: QPointF, p3: QPointF, t: float) -> QPointF:
    u = 1 - t
    return p0 * (u**3) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t**3)
