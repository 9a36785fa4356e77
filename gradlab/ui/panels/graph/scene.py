"""The graph's items in a QGraphicsScene: built once per graph *structure* and
reused (a new graph with the same nodes and edges, every update and every run
frame, only changes texts and pens), laid out top to bottom or left to right,
fitted into the view, and drawn for how far backward() has run."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from gradlab.ui.panels.graph.items import (
    EdgeView,
    NodeItem,
    NodeView,
    accent,
    arrow_head,
    box_path,
    cubic_point,
)
from gradlab.ui.panels.graph.layout import layered_layout
from gradlab.ui.panels.graph.texts import edge_tooltip, node_title, reserve, subtitle, values_text

MAX_FIT_SCALE = 1.2  # fitting never blows a small graph up further than this
PAD_X, PAD_Y = 9, 4
FIT_MARGIN = 8


class GraphScene:
    """Owns the scene and its items; knows nothing of snapshots or the controller."""

    def __init__(self, parent):
        self.scene = QGraphicsScene(parent)
        # A few dozen items that change together: an index costs more than it saves.
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.node_views: dict[str, NodeView] = {}
        self.edge_views: dict[tuple[str, str], EdgeView] = {}
        self._layouts: dict[bool, tuple] = {}
        self.vertical = True

    # ------------------------------------------------------------ building
    def clear(self) -> None:
        self.scene.clear()
        self.node_views.clear()
        self.edge_views.clear()
        self._layouts.clear()

    def populate(self, graph, font: QFont, panel) -> None:
        """New items for a new structure (forward, loss, a new model); `panel`
        hears of hovers and clicks on the nodes (see NodeItem)."""
        if graph is None:
            self.scene.setSceneRect(QRectF())
            return
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.92))
        for e in graph.edges:
            line = QGraphicsPathItem()
            line.setZValue(0)
            badge = QGraphicsRectItem()
            badge.setZValue(2)
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            label = QGraphicsSimpleTextItem(badge)
            label.setFont(small)
            self.scene.addItem(line)
            self.scene.addItem(badge)
            badge.hide()
            self.edge_views[(e.source, e.target)] = EdgeView(line, badge, label)
        for n in graph.nodes:
            box = NodeItem(n.id, panel)
            box.setZValue(1)
            title = QGraphicsSimpleTextItem(node_title(n), box)
            title.setFont(bold)
            sub = QGraphicsSimpleTextItem(box)
            sub.setFont(small)
            self.scene.addItem(box)
            self.node_views[n.id] = NodeView(box, title, sub, reserve(n))

    # -------------------------------------------------------------- layout
    def _sizes(self) -> dict[str, tuple[float, float]]:
        sizes = {}
        for nid, v in self.node_views.items():
            metrics = QFontMetricsF(v.sub.font())
            sub_w = max(v.sub.boundingRect().width(), metrics.horizontalAdvance(v.reserve))
            title = v.title.boundingRect()
            sub_h = max(v.sub.boundingRect().height(), metrics.height())
            sizes[nid] = (
                math.ceil(max(title.width(), sub_w) + 2 * PAD_X),
                math.ceil(title.height() + sub_h + 2 * PAD_Y),
            )
        return sizes

    def relayout(self, nodes: dict) -> None:
        """Place nodes and edges for the current orientation (after a build, a
        text that no longer fits, or a change of orientation)."""
        if not self.node_views:
            return
        sizes = self._sizes()
        if any(self.node_views[n].size != s for n, s in sizes.items()):
            self._layouts.clear()
        for nid, size in sizes.items():
            self.node_views[nid].size = size
        centres, width, height = self._layout(self.vertical)
        for nid, (cx, cy) in centres.items():
            view = self.node_views[nid]
            w, h = view.size
            view.box.setPos(cx - w / 2, cy - h / 2)
            view.box.setPath(box_path(nodes[nid].kind, w, h))
            tw = view.title.boundingRect().width()
            sw = view.sub.boundingRect().width()
            th = view.title.boundingRect().height()
            view.title.setPos((w - tw) / 2, PAD_Y)
            view.sub.setPos((w - sw) / 2, PAD_Y + th)
        margin = max(width, height, 200)
        self.scene.setSceneRect(QRectF(-margin, -margin, width + 2 * margin, height + 2 * margin))
        self._route_edges()

    def _layout(self, vertical: bool) -> tuple:
        if vertical not in self._layouts:
            sizes = {nid: v.size for nid, v in self.node_views.items()}
            edges = list(self.edge_views)
            self._layouts[vertical] = layered_layout(list(self.node_views), edges, sizes, vertical)
        return self._layouts[vertical]

    def _route_edges(self) -> None:
        for (source, target), view in self.edge_views.items():
            a = self.node_views[source].box.sceneBoundingRect()
            b = self.node_views[target].box.sceneBoundingRect()
            if self.vertical:
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
                arrow_head(path, start, start - c1)
            else:
                arrow_head(path, end, end - c2)
            view.line.setPath(path)
            # Top to bottom, edges converge on their consumer: label them near the
            # producer, where they are furthest apart.
            anchor = cubic_point(start, c1, c2, end, 0.3 if self.vertical else 0.5)
            rect = view.label.boundingRect()
            view.badge.setRect(QRectF(0, 0, rect.width() + 6, rect.height()))
            view.label.setPos(3, 0)
            view.badge.setPos(anchor.x() - rect.width() / 2 - 3, anchor.y() - rect.height() / 2)

    def fit(self, view: QGraphicsView, nodes: dict, smallest: float = 0.0) -> bool:
        """Fit the graph into the view, in whichever direction (top-to-bottom or
        left-to-right) shows it larger, but never at a scale below `smallest`
        (the text would be too small to read: the view then shows the graph's
        start, and the rest is a drag away). False when there is nothing to fit."""
        if not self.node_views:
            return False
        viewport = view.viewport().size()
        vw = max(1.0, viewport.width() - 2 * FIT_MARGIN)
        vh = max(1.0, viewport.height() - 2 * FIT_MARGIN)
        if not self._layouts or not any(v.size[0] for v in self.node_views.values()):
            self.relayout(nodes)

        def scale(vertical):
            _, w, h = self._layout(vertical)
            return min(vw / max(w, 1.0), vh / max(h, 1.0))

        # The direction that shows the graph larger; ties keep the current one.
        best = self.vertical
        if scale(not self.vertical) > scale(self.vertical) * 1.05:
            best = not self.vertical
        if best != self.vertical:
            self.vertical = best
            self.relayout(nodes)
        _, w, h = self._layout(self.vertical)
        fitted = min(MAX_FIT_SCALE, scale(self.vertical))
        s = max(fitted, min(smallest, MAX_FIT_SCALE))
        view.setTransform(QTransform.fromScale(s, s))
        loss = self.node_views.get("loss")
        if s > fitted and loss is not None:
            # Too large to fit readably: show where backward() starts, at the loss.
            view.centerOn(loss.box.sceneBoundingRect().center())
        else:
            view.centerOn(QPointF(w / 2, h / 2))
        return True

    # ------------------------------------------------------------- drawing
    def draw(self, replay, colours) -> bool:
        """Draw the state: which nodes backward has run (freed, .grad filled), which
        edges carry a gradient, which node the replay is at. True when the nodes
        were laid out anew (a fitting view should fit again)."""
        graph = replay.graph
        nodes = replay.nodes
        if graph is None or not self.node_views:
            self.relayout(nodes)
            return False
        c = colours
        done = replay.done()
        shown = set()
        if done or replay.animating:
            shown = {e for e in graph.edge_grads if e[1] in done or e[1] == graph.root}
            # A tensor node (y_pred) only passes the gradient on: show both halves.
            passing = {s for s, _ in shown if nodes[s].kind == "tensor"}
            shown |= {e for e in graph.edge_grads if e[1] in passing}
        current = replay.current()
        text_changed = False
        for nid, view in self.node_views.items():
            node = nodes[nid]
            sub = subtitle(node, replay, done)
            if view.sub.text() != sub:
                view.sub.setText(sub)
                text_changed = True
            self._style_node(view, node, replay.is_freed(node, done), nid == current, c)
        for key, view in self.edge_views.items():
            grad = graph.edge_grads.get(key)
            visible = key in shown and grad is not None
            if visible:
                text = values_text(grad, replay.numel(key[0]))
                if view.label.text() != text:
                    view.label.setText(text)
                view.label.setBrush(QColor(c.grad))
                view.badge.setBrush(QColor(_rgba_color(c.background, 225)))
                view.badge.setToolTip(edge_tooltip(replay, key, grad))
            view.badge.setVisible(visible)
            pen = QPen(QColor(c.grad if visible else c.data), 1.6 if visible else 1.2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            view.line.setPen(pen)
        sizes_ok = all(
            v.size[0] >= v.sub.boundingRect().width() + 2 * PAD_X for v in self.node_views.values()
        )
        if text_changed and not sizes_ok or not self._layouts:
            self.relayout(nodes)
            return True
        self._relayout_texts()
        self._route_edges()
        return False

    def _relayout_texts(self) -> None:
        """Re-centre the subtitles after their texts changed (boxes stay put)."""
        for view in self.node_views.values():
            w = view.size[0]
            view.sub.setX((w - view.sub.boundingRect().width()) / 2)

    def _style_node(self, view: NodeView, node, freed: bool, current: bool, c) -> None:
        node_accent = accent(node, c)
        fill = QColor(node_accent)
        fill.setAlpha(0 if freed else (40 if node.kind != "op" else 22))
        pen = QPen(QColor(c.grad) if current else QColor(node_accent), 3.0 if current else 1.4)
        if freed:  # dashed: its saved tensors are gone (red while the replay is at it)
            pen.setStyle(Qt.PenStyle.DashLine)
            if not current:
                pen.setColor(QColor(c.data))
        view.box.setPen(pen)
        view.box.setBrush(QBrush(fill))
        if freed:
            title = c.data
        elif node.kind == "param" or node.id == "loss":
            title = node_accent
        else:
            title = c.foreground
        view.title.setBrush(QColor(title))
        grad_shown = node.kind == "param" and not view.sub.text().endswith("None")
        view.sub.setBrush(QColor(c.grad if grad_shown else c.data if freed else c.foreground))

    # ------------------------------------------------------------- reading
    def node_texts(self) -> dict[str, str]:
        """Node id -> the text drawn in its box (title, newline, subtitle)."""
        return {nid: f"{v.title.text()}\n{v.sub.text()}" for nid, v in self.node_views.items()}

    def param_grad_texts(self, nodes: dict) -> dict[str, str]:
        """Parameter name -> the .grad its node shows ("None" or numbers)."""
        out = {}
        for nid, view in self.node_views.items():
            node = nodes[nid]
            if node.kind == "param":
                out[node.param] = view.sub.text().partition("= ")[2]
        return out

    def edge_texts(self) -> dict[tuple[str, str], str]:
        """(source, target) -> the gradient label shown on that edge (shown ones only)."""
        return {key: v.label.text() for key, v in self.edge_views.items() if v.badge.isVisible()}

    def freed_nodes(self) -> set[str]:
        """Ids of the op nodes drawn as freed (dashed)."""
        return {
            nid for nid, v in self.node_views.items() if v.box.pen().style() == Qt.PenStyle.DashLine
        }


def _rgba_color(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c
