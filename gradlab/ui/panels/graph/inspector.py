"""The inspector: what PyTorch knows about the box under the mouse, or the one
the student clicked. The panel puts it in its side column when there is one,
else over a corner of the view; it scrolls when a node has more to say than
the room there is."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsView, QLabel, QScrollArea, QWidget

from gradlab.ui.panels.graph.texts import (
    VALUES_INSPECTED,
    display_name,
    shape_tuple,
    values_text,
)

translate = QCoreApplication.translate


class Inspector(QScrollArea):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("graphInspector")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._label = QLabel()
        self._label.setObjectName("graphInspectorText")
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._label)
        self.setToolTip(
            translate(
                "GraphPanel",
                "The box under the mouse, or the one you clicked: what PyTorch knows about it. "
                "Click the background to let it go.",
            )
        )
        self.set_transparent(True)
        self.hide()
        self.plain = ""  # what it shows, as plain text

    def set_transparent(self, transparent: bool) -> None:
        # Over the view it must not swallow the hover events meant for the nodes.
        for widget in (self, self.viewport(), self._label):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, transparent)

    def apply_colours(self, colours) -> None:
        background = _rgba(colours.background, 235)
        self.setStyleSheet(
            f"QScrollArea#graphInspector {{ background: {background};"
            f" border: 1px solid {colours.data}; border-radius: 4px; }}"
            f" QScrollArea#graphInspector > QWidget {{ background: transparent; }}"
            f" QLabel#graphInspectorText {{ background: transparent; color: {colours.foreground};"
            " padding: 3px 5px; }"
        )

    def set_rows(self, title: str, rows: list[tuple[str, str, bool]], grad_colour: str) -> None:
        """Show a title and (key, value, is a gradient) rows; gradients in red."""
        lines = [f"<b>{html.escape(title)}</b>"]
        for key, value, is_grad in rows:
            shown = html.escape(value)
            if is_grad:
                shown = f'<span style="color:{grad_colour}">{shown}</span>'
            lines.append(f"{html.escape(key)}: {shown}" if key else shown)
        self._label.setText("<br>".join(lines))
        self.plain = "\n".join([title] + [f"{k}: {v}" if k else v for k, v, _ in rows])

    def clear(self) -> None:
        self.hide()
        self.plain = ""

    def fit_column(self, width: int) -> None:
        """In the side column: as tall as its text; the layout shrinks it (and it
        scrolls) when the column is short."""
        frame = 2 * self.frameWidth()
        text_height = self._label.heightForWidth(width - frame)
        self.setMinimumHeight(min(80, text_height + frame))
        self.setMaximumHeight(text_height + frame)

    def float_over(self, view: QGraphicsView, node_centre: QPoint | None) -> None:
        """Over the view: the top corner away from the node (its centre in view
        coordinates), so that it never hides what it describes."""
        frame = 2 * self.frameWidth()
        width = min(300, max(150, view.width() - 12))
        text_height = self._label.heightForWidth(width - frame)
        height = min(text_height + frame, view.height() - 12)
        self.setFixedSize(width, height)
        left = top = True
        if node_centre is not None:
            left = node_centre.x() > view.width() / 2
            top = node_centre.y() > view.height() / 2
        x = 6 if left else view.width() - width - 6
        y = 6 if top else view.height() - height - 6
        self.move(max(0, x), max(0, y))


def inspect_rows(node, replay) -> tuple[str, list[tuple[str, str, bool]]]:
    """The inspector's title and its (key, value, is a gradient) rows for a node,
    as far as the replay (see BackwardReplay) got."""
    graph = replay.graph
    done = replay.done()
    rows: list[tuple[str, str, bool]] = []
    if node.kind == "op":
        rows.append((translate("GraphPanel", "computes"), node.label, False))
        rows.append((translate("GraphPanel", "output shape"), shape_tuple(node.shape), False))
        saved = ", ".join(f"{name} {shape_tuple(shape)}" for name, shape in node.saved)
        if not node.saved:
            saved = translate("GraphPanel", "nothing")
        elif replay.is_freed(node, done):
            saved = translate("GraphPanel", "{saved}, now freed").format(saved=saved)
        rows.append((translate("GraphPanel", "saved for backward"), saved, False))
        if node.id in done:
            rows += [
                (
                    translate("GraphPanel", "sent to {name}").format(
                        name=display_name(replay.nodes[source])
                    ),
                    values_text(grad, replay.numel(source), VALUES_INSPECTED),
                    True,
                )
                for (source, target), grad in graph.edge_grads.items()
                if target == node.id
            ]
        return node.name, rows
    info = node.info
    kind = "nn.Parameter" if node.kind == "param" else "torch.Tensor"
    title = f"{display_name(node)} · {kind}"
    if info is None:
        return title, [("shape", shape_tuple(node.shape), False)]
    rows += [
        ("shape", f"{shape_tuple(info.shape)} {info.dtype}", False),
        ("requires_grad", str(info.requires_grad), False),
        ("is_leaf", str(info.is_leaf), False),
        ("grad_fn", str(info.grad_fn), False),
        (translate("GraphPanel", "value"), values_text(info.values, info.numel, 3), False),
    ]
    if node.kind == "param":
        grad = replay.param_grad(node, done)
        text = "None" if grad is None else values_text(grad, info.numel, VALUES_INSPECTED)
        rows.append((".grad", text, grad is not None))
        added = graph.node_grads.get(node.id)
        if node.id in done and added and added[0] is not None and replay.accumulated:
            rows.append(
                (
                    translate("GraphPanel", "this backward() added"),
                    values_text(added[0], info.numel, VALUES_INSPECTED),
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
                    values_text(passed[0], info.numel, VALUES_INSPECTED),
                    True,
                )
            )
    return title, rows


def _rgba(colour: str, alpha: int) -> str:
    c = QColor(colour)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"
