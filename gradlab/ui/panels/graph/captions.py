"""The caption under (or beside) the graph: a state word (no graph, live,
backward 2/5, freed, running) and a sentence saying what the graph shows now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def describe(replay, *, running: bool, refused: bool, phase: str | None) -> tuple[str, str, bool]:
    """(state word, caption, is a warning) for what is shown now: `refused` while
    the retain_graph explanation applies, `phase` the last phase that ran."""
    graph = replay.graph
    if running:
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
    if refused:
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
    if replay.animating:
        return _describe_step(replay)
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
        if phase == "zero_grad":
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
    if phase == "zero_grad":
        text = translate(
            "GraphPanel",
            "zero_grad() set every .grad to None. The red numbers are the gradients of "
            "the last backward(); the graph stays freed.",
        )
    elif phase == "step":
        text = translate(
            "GraphPanel",
            "step() updated each parameter from its .grad. The next forward records a new graph.",
        )
    elif replay.accumulated:
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


def _describe_step(replay) -> tuple[str, str, bool]:
    graph = replay.graph
    step = replay.step
    total = len(graph.order)
    state = translate("GraphPanel", "backward {step}/{total}").format(
        step=min(step, total), total=total
    )
    if step == 0:
        return (
            state,
            translate(
                "GraphPanel",
                "loss.backward() starts at the loss, with ∂loss/∂loss = 1, and runs the "
                "graph backwards.",
            ),
            False,
        )
    node = replay.nodes.get(graph.order[step - 1])
    if node is None:
        return state, "", False
    if node.kind == "param":
        if replay.accumulated:
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
