"""How the graph panel writes what it shows: shapes, values, node titles and
subtitles, and the tooltip of a gradient on an edge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.ui.texts import format_value

translate = QCoreApplication.translate

VALUES_INSPECTED = 3  # values the inspector writes out before "…"


def shape_text(shape) -> str:
    if shape is None:
        return ""
    return "×".join(str(d) for d in shape) if shape else translate("GraphPanel", "scalar")


def shape_tuple(shape) -> str:
    if shape is None:
        return "?"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def values_text(values, numel: int, shown: int = 1) -> str:
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


def display_name(node) -> str:
    if node.kind == "param":
        return node.param
    return node.name


def node_title(node) -> str:
    """The first line of a node's box."""
    if node.kind == "param":
        return f"{node.param}  {shape_text(node.shape)}"
    return node.name


def subtitle(node, replay, done: set) -> str:
    """The second line of a node's box, for the replay's state (see BackwardReplay)."""
    if node.kind == "param":
        grad = replay.param_grad(node, done)
        numel = node.info.numel if node.info is not None else 1
        return ".grad = " + ("None" if grad is None else values_text(grad, numel))
    if node.kind == "tensor":
        info = node.info
        if info is not None and info.numel == 1 and info.values:
            return "= " + format_value(info.values[0])
        return shape_text(node.shape)
    return node.label


def reserve(node) -> str:
    """The widest subtitle a node is likely to show, so boxes need not grow."""
    if node.kind == "param":
        numel = node.info.numel if node.info is not None else 1
        return ".grad = [-0.0000, …]" if numel > 1 else ".grad = -00.0000"
    if node.kind == "tensor" and node.shape == ():
        return "= 00.0000"
    return ""


def edge_tooltip(replay, key, grad) -> str:
    """What the gradient shown on the edge `key` (source, target) is."""
    source = replay.nodes[key[0]]
    target = replay.nodes[key[1]]
    if key[1] == replay.graph.root:
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
    values = values_text(grad, replay.numel(key[0]), VALUES_INSPECTED)
    source_name, target_name = display_name(source), display_name(target)
    return text.format(source=source_name, target=target_name) + " " + values
