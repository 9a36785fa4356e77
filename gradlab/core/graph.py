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

# Friendly labels for the ops our models record.
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
    shape: tuple[int, ...] | None = None
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

    def to_json(self) -> dict:
        return {
            "nodes": [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "name": n.name,
                    "label": n.label,
                    "shape": list(n.shape) if n.shape is not None else None,
                    **({"param": n.param} if n.param else {}),
                }
                for n in self.nodes
            ],
            "edges": [{"source": e.source, "target": e.target} for e in self.edges],
        }

    def to_dot(self) -> str:
        shapes = {"op": "box", "param": "box", "tensor": "ellipse"}
        fills = {"op": "#f2f2f2", "param": "#dbe8f7", "tensor": "#ffffff"}
        lines = ["digraph autograd {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
        for n in self.nodes:
            text = n.label if n.kind == "tensor" else f"{n.name}\\n{n.label}"
            if n.shape is not None:
                text += "\\n" + "×".join(str(d) for d in n.shape) if n.shape else "\\nscalar"
            style = "rounded,filled" if n.kind == "param" else "filled"
            lines.append(
                f'  "{n.id}" [label="{_dot_escape(text)}", shape={shapes[n.kind]}, '
                f'style="{style}", fillcolor="{fills[n.kind]}"];'
            )
        for e in self.edges:
            lines.append(f'  "{e.source}" -> "{e.target}";')
        lines.append("}")
        return "\n".join(lines) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace('"', '\\"')


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


def _saved_shapes(fn) -> tuple[tuple[str, tuple[int, ...]], ...]:
    saved = []
    for attr in dir(fn):
        if not attr.startswith("_saved_") or attr.endswith(("_sym_sizes", "_sym_strides")):
            continue
        try:
            value = getattr(fn, attr)
        except RuntimeError:  # freed by an earlier backward
            continue
        if isinstance(value, torch.Tensor):
            saved.append((attr[len("_saved_") :], tuple(value.shape)))
    return tuple(saved)


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
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    ids: dict[int, str] = {}
    root_fn = root.grad_fn

    def node_id(fn) -> str:
        key = id(fn)
        if key not in ids:
            ids[key] = f"n{len(ids)}"
        return ids[key]

    def visit(fn) -> str:
        nid = node_id(fn)
        if nid in nodes:
            return nid
        name = type(fn).__name__
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
            return nid
        nodes[nid] = Node(nid, "op", name, OP_LABELS.get(name, name), saved=_saved_shapes(fn))
        for child, _slot in fn.next_functions:
            if child is None:
                # An input that needs no gradient: the target of the loss, else x.
                tname = "y" if fn is root_fn and root_name == "loss" else "x"
                tensor = inputs.get(tname)
                if tensor is not None:
                    tid = tname
                    if tid not in nodes:
                        nodes[tid] = Node(
                            tid,
                            "tensor",
                            tname,
                            tname,
                            tuple(tensor.shape),
                            info=tensor_info(tensor),
                        )
                    edges.append(Edge(tid, nid))
                continue
            edges.append(Edge(visit(child), nid))
        return nid

    if root_fn is None:
        return Graph((), (), root_name)
    top = visit(root_fn)
    if prediction is not None and root_name == "loss":
        # Show y_pred between the model's last op and the loss.
        pred_fn = prediction.grad_fn
        pred_id = ids.get(id(pred_fn))
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
        fn_to_id = _fn_ids(self._root.grad_fn)
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


def _fn_ids(root_fn) -> dict:
    """Map the autograd nodes under root_fn to the ids build_graph gave them
    (it numbers them in the same depth-first order)."""
    ids: dict = {}
    seen: set = set()

    def visit(fn):
        if id(fn) in seen:
            return
        seen.add(id(fn))
        ids[fn] = f"n{len(ids)}"
        if hasattr(fn, "variable"):
            return
        for child, _ in fn.next_functions:
            if child is not None:
                visit(child)

    if root_fn is not None:
        visit(root_fn)
    return ids


def _head(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(t.detach().reshape(-1)[:VALUES_SHOWN].tolist())
