"""The autograd graph a loss (or a prediction) recorded, as plain data.

`build_graph` walks `grad_fn.next_functions` from the root and returns frozen
nodes and edges (in the forward direction) that can cross threads. A
`BackwardRecorder` hooks every node of one real `backward()` to record the
order the nodes ran in and the gradient each produced; its hooks are removed
as soon as that backward returns (hooks left on the `AccumulateGrad` nodes,
which are the same objects every step, would pile up; DESIGN §8).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import torch

VALUES_SHOWN = 8  # values of a tensor kept for the inspector; more are summarised

# Friendly labels for the ops our models record (AddmmBackward0 and TBackward0
# get labels naming their parameters instead, see _op_label).
OP_LABELS = {
    "AddmmBackward0": "x @ Wᵀ + b",
    "TBackward0": "Wᵀ (transpose)",
    "MseLossBackward0": "mean((y_pred − y)²)",
    "L1LossBackward0": "mean(|y_pred − y|)",
    "HuberLossBackward0": "mean(huber(y_pred − y))",
    "TanhBackward0": "tanh",
    "MmBackward0": "x @ Wᵀ",
    "AddBackward0": "+",
    "MulBackward0": "×",
    "SinBackward0": "sin",
}

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True)
class TensorInfo:
    """What the inspector shows for a tensor (truncated for large ones)."""

    shape: tuple[int, ...]
    dtype: str
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    values: tuple[float, ...]
    numel: int
    grad: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # "op", "param" (an AccumulateGrad linked to a parameter) or "tensor"
    name: str  # grad_fn class name, "AccumulateGrad", or the tensor's name
    label: str
    shape: tuple[int, ...] | None = None  # the tensor's shape; for an op, its output's
    param: str | None = None  # for "param" nodes: the parameter's name
    saved: tuple[tuple[str, tuple[int, ...]], ...] = ()  # saved tensors' names and shapes
    info: TensorInfo | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    root: str  # id of the root tensor node ("loss" or "y_pred")
    freed: bool = False  # backward() ran through it: its saved tensors are gone
    order: tuple[str, ...] = ()  # node ids in the order backward ran them
    edge_grads: dict = field(default_factory=dict)  # (source, target) -> grad values
    node_grads: dict = field(default_factory=dict)  # node id -> grad it produced

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def structure(self) -> tuple:
        """What decides how the graph is drawn (not its numbers): equal structures
        can reuse the same drawing with new texts."""
        return (
            tuple((n.id, n.kind, n.name, n.label) for n in self.nodes),
            tuple((e.source, e.target) for e in self.edges),
        )

    def to_json(self) -> dict:
        return {
            "root": self.root,
            "freed": self.freed,
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "name": n.name,
                    "label": n.label,
                    "shape": list(n.shape) if n.shape is not None else None,
                    **({"param": n.param} if n.param else {}),
                    **(
                        {"saved": {name: list(shape) for name, shape in n.saved}} if n.saved else {}
                    ),
                }
                for n in self.nodes
            ],
            "edges": [{"source": e.source, "target": e.target} for e in self.edges],
        }

    def to_dot(self) -> str:
        shapes = {"op": "box", "param": "box", "tensor": "ellipse"}
        lines = ["digraph autograd {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
        for n in self.nodes:
            text = n.label if n.kind == "tensor" else f"{n.name}\n{n.label}"
            if n.shape is not None:
                text += "\n" + ("×".join(str(d) for d in n.shape) if n.shape else "scalar")
            style = "rounded,filled" if n.kind == "param" else "filled"
            if n.kind == "op" and self.freed:
                style += ",dashed"
            lines.append(
                f'  "{_dot_escape(n.id)}" [label="{_dot_escape(text)}", '
                f'shape={shapes[n.kind]}, style="{style}", fillcolor="{_dot_fill(n)}"];'
            )
        for e in self.edges:
            lines.append(f'  "{_dot_escape(e.source)}" -> "{_dot_escape(e.target)}";')
        lines.append("}")
        return "\n".join(lines) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _dot_fill(n: Node) -> str:
    # Light shades of the app's colours (DESIGN §4): weight blue, bias orange, loss purple.
    if n.kind == "param":
        return "#fde3c8" if "bias" in (n.param or "") else "#dbe8f7"
    if n.kind == "tensor":
        return "#eadcf6" if n.id == "loss" else "#ffffff"
    return "#f2f2f2"


def tensor_info(t: torch.Tensor) -> TensorInfo:
    detached = t.detach()
    flat = detached.reshape(-1)
    grad = t.grad if t.is_leaf and t.requires_grad else None
    return TensorInfo(
        shape=tuple(t.shape),
        dtype=str(t.dtype).replace("torch.", ""),
        requires_grad=t.requires_grad,
        is_leaf=t.is_leaf,
        grad_fn=None if t.grad_fn is None else type(t.grad_fn).__name__,
        values=tuple(flat[:VALUES_SHOWN].tolist()),
        numel=flat.numel(),
        grad=None if grad is None else tuple(grad.reshape(-1)[:VALUES_SHOWN].tolist()),
    )


_SAVED_ATTRS: dict[type, tuple[str, ...]] = {}  # per grad_fn class: dir() is slow


def _saved_shapes(fn) -> tuple[tuple[str, tuple[int, ...]], ...] | None:
    """The names and shapes of what an op saved for backward; None once freed."""
    cls = type(fn)
    if cls not in _SAVED_ATTRS:
        _SAVED_ATTRS[cls] = tuple(
            attr
            for attr in dir(fn)
            if attr.startswith("_saved_") and not attr.endswith(("_sym_sizes", "_sym_strides"))
        )
    saved = []
    for attr in _SAVED_ATTRS[cls]:
        try:
            value = getattr(fn, attr)
        except RuntimeError:  # freed by an earlier backward
            return None
        name = attr[len("_saved_") :]
        if isinstance(value, torch.Tensor):
            saved.append((name, tuple(value.shape)))
        elif isinstance(value, (tuple, list)):
            saved.extend(
                (f"{name}[{i}]", tuple(v.shape))
                for i, v in enumerate(value)
                if isinstance(v, torch.Tensor)
            )
    return tuple(saved)


def _output_shape(fn) -> tuple[int, ...] | None:
    """The shape of the tensor an op produced (the gradient it receives has it).
    `_input_metadata` is private API: without it the shape is just not shown."""
    try:
        return tuple(fn._input_metadata[0].shape)
    except (AttributeError, IndexError, RuntimeError, TypeError):
        return None


def _walk(root_fn) -> dict:
    """The autograd nodes under root_fn, numbered "n0", "n1", ... depth first.
    build_graph and BackwardRecorder both use it, so their ids always agree."""
    ids: dict = {}

    def visit(fn) -> None:
        if fn in ids:
            return
        ids[fn] = f"n{len(ids)}"
        if hasattr(fn, "variable"):  # AccumulateGrad: a leaf, nothing below it
            return
        for child, _ in fn.next_functions:
            if child is not None:
                visit(child)

    if root_fn is not None:
        visit(root_fn)
    return ids


def _symbol(param: str, letter: str) -> str:
    """'W' for `weight`, 'W₀' for `0.weight` (the layer's index in nn.Sequential)."""
    prefix = param.rpartition(".")[0]
    return letter + (prefix.translate(_SUBSCRIPTS) if prefix.isdigit() else "")


def _op_label(fn, params: dict[int, str]) -> str:
    """A label that names the parameters a Linear layer's ops use."""
    name = type(fn).__name__

    def param_below(node, through_transpose=False):
        if node is None:
            return None
        if through_transpose and type(node).__name__ == "TBackward0":
            node = node.next_functions[0][0]
        variable = getattr(node, "variable", None)
        return None if variable is None else params.get(id(variable))

    if name == "TBackward0":
        weight = param_below(fn.next_functions[0][0])
        if weight is not None:
            return _symbol(weight, "W") + "ᵀ"
    elif name in ("AddmmBackward0", "MmBackward0"):
        children = [child for child, _ in fn.next_functions]
        weight = param_below(children[-1], through_transpose=True)
        if weight is not None:
            source = children[-2]
            inp = "x" if source is None else "h"  # x, or a hidden layer's output
            text = f"{inp} @ {_symbol(weight, 'W')}ᵀ"
            bias = param_below(children[0]) if name == "AddmmBackward0" else None
            return text + (f" + {_symbol(bias, 'b')}" if bias is not None else "")
    return OP_LABELS.get(name, name)


def build_graph(
    root: torch.Tensor,
    model: torch.nn.Module,
    inputs: dict[str, torch.Tensor],
    prediction: torch.Tensor | None = None,
    root_name: str = "loss",
) -> Graph:
    """The graph behind `root`, with tensor nodes for the inputs (`x`, and `y` for a
    loss), the prediction and the root itself."""
    params = {id(p): name for name, p in model.named_parameters()}
    root_fn = root.grad_fn
    if root_fn is None:
        return Graph((), (), root_name)
    ids = _walk(root_fn)
    # backward() frees every node's saved tensors at once: once one op's are gone,
    # skip asking the others (each refusal raises, which costs more than the walk).
    freed = False
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for fn, nid in ids.items():
        if hasattr(fn, "variable"):
            pname = params.get(id(fn.variable), "leaf")
            nodes[nid] = Node(
                nid,
                "param",
                "AccumulateGrad",
                pname,
                shape=tuple(fn.variable.shape),
                param=pname,
                info=tensor_info(fn.variable),
            )
            continue
        saved = None if freed else _saved_shapes(fn)
        freed = saved is None
        nodes[nid] = Node(
            nid,
            "op",
            type(fn).__name__,
            _op_label(fn, params),
            shape=_output_shape(fn),
            saved=saved or (),
        )
        for child, _slot in fn.next_functions:
            if child is not None:
                edges.append(Edge(ids[child], nid))
                continue
            # An input that needs no gradient: the target of the loss, else x.
            tname = "y" if fn is root_fn and root_name == "loss" else "x"
            tensor = inputs.get(tname)
            if tensor is None:
                continue
            if tname not in nodes:
                nodes[tname] = Node(
                    tname, "tensor", tname, tname, tuple(tensor.shape), info=tensor_info(tensor)
                )
            edges.append(Edge(tname, nid))
    top = ids[root_fn]
    if prediction is not None and root_name == "loss":
        # Show y_pred between the model's last op and the loss.
        pred_id = ids.get(prediction.grad_fn)
        if pred_id is not None:
            nodes["y_pred"] = Node(
                "y_pred",
                "tensor",
                "y_pred",
                "y_pred",
                tuple(prediction.shape),
                info=tensor_info(prediction),
            )
            edges = [
                Edge("y_pred", e.target) if (e.source, e.target) == (pred_id, top) else e
                for e in edges
            ]
            edges.append(Edge(pred_id, "y_pred"))
    nodes[root_name] = Node(
        root_name, "tensor", root_name, root_name, tuple(root.shape), info=tensor_info(root)
    )
    edges.append(Edge(top, root_name))
    return Graph(tuple(nodes.values()), tuple(edges), root_name)


def with_parameters(graph: Graph, model: torch.nn.Module) -> Graph:
    """The same graph with the parameter nodes' values and grads read again."""
    params = dict(model.named_parameters())
    nodes = tuple(
        replace(n, info=tensor_info(params[n.param]))
        if n.kind == "param" and n.param in params
        else n
        for n in graph.nodes
    )
    return replace(graph, nodes=nodes)


class BackwardRecorder:
    """Hooks every node under `root` for one backward(); removes them on exit.

    Records the order in which autograd ran the nodes and, for each, the
    gradients it passed on (its grad_inputs), keyed by the graph's ids.
    """

    def __init__(self, root: torch.Tensor):
        self._root = root
        self._handles = []
        self.order: list[str] = []
        self.node_grads: dict[str, tuple[tuple[float, ...] | None, ...]] = {}
        self.edge_grads: dict[tuple[str, str], tuple[float, ...]] = {}

    def __enter__(self) -> BackwardRecorder:
        fn_to_id = _walk(self._root.grad_fn)
        for fn, nid in fn_to_id.items():
            self._handles.append(fn.register_hook(self._hook(nid, fn, fn_to_id)))
        return self

    def _hook(self, nid: str, fn, fn_to_id):
        def record(grad_inputs, grad_outputs):
            self.order.append(nid)
            grads = tuple(None if g is None else _head(g) for g in grad_inputs)
            if hasattr(fn, "variable"):  # AccumulateGrad: what it adds to .grad
                grads = tuple(None if g is None else _head(g) for g in grad_outputs)
            self.node_grads[nid] = grads
            for (child, _), g in zip(fn.next_functions, grad_inputs, strict=False):
                if child is not None and g is not None and child in fn_to_id:
                    self.edge_grads[(fn_to_id[child], nid)] = _head(g)

        return record

    def __exit__(self, *exc) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

    def applied_to(self, graph: Graph) -> Graph:
        """The graph with this backward's order and gradients, marked freed."""
        shown = {(e.source, e.target) for e in graph.edges}
        edge_grads = {}
        for (source, target), grad in self.edge_grads.items():
            if (source, target) in shown:
                edge_grads[(source, target)] = grad
            elif (source, "y_pred") in shown and ("y_pred", target) in shown:
                # build_graph drew y_pred between the two ops: same gradient on both halves.
                edge_grads[(source, "y_pred")] = grad
                edge_grads[("y_pred", target)] = grad
        root_edges = [e for e in graph.edges if e.target == graph.root]
        for e in root_edges:
            edge_grads[(e.source, e.target)] = (1.0,)  # backward() starts from d loss/d loss = 1
        return replace(
            graph,
            freed=True,
            order=tuple(self.order),
            node_grads=dict(self.node_grads),
            edge_grads=edge_grads,
        )


def _head(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(t.detach().reshape(-1)[:VALUES_SHOWN].tolist())
