"""The autograd graph as plain data: the real nodes and edges, the gradients one
real backward() produced, no hooks left behind, freed graphs."""

import pytest
import torch
import torch.nn as nn

from gradlab.core import graph as autograd_graph
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TeachingError, TrainingSession

MLP = ExperimentConfig(model="mlp", hidden=16)


def _session(config=None, phases=("forward", "loss")):
    s = TrainingSession(config or ExperimentConfig())
    for phase in phases:
        s.run_phase(phase)
    return s


def _key(node):
    """A name for a node that tells the two Linear layers of the MLP apart."""
    if node.kind == "param":
        return node.param
    if node.kind == "tensor":
        return node.name
    return f"{node.name}: {node.label}"


def _named_edges(graph):
    nodes = {n.id: n for n in graph.nodes}
    return {(_key(nodes[e.source]), _key(nodes[e.target])) for e in graph.edges}


def _torch_edges(root_fn):
    """(child, parent) pairs of autograd's own graph, found without gradlab."""
    pairs, seen, stack = set(), set(), [root_fn]
    while stack:
        fn = stack.pop()
        if fn in seen:
            continue
        seen.add(fn)
        for child, _ in fn.next_functions:
            if child is not None:
                pairs.add((child, fn))
                stack.append(child)
    return pairs


def _accumulator(loss, parameter):
    """The AccumulateGrad node autograd uses for `parameter` under `loss`."""
    for child, _ in _torch_edges(loss.grad_fn):
        if getattr(child, "variable", None) is parameter:
            return child
    raise AssertionError("parameter not in the graph")


def _head(t):
    return tuple(t.detach().reshape(-1)[: autograd_graph.VALUES_SHOWN].tolist())


LINEAR_EDGES = {
    ("weight", "TBackward0: Wᵀ"),
    ("TBackward0: Wᵀ", "AddmmBackward0: x @ Wᵀ + b"),
    ("bias", "AddmmBackward0: x @ Wᵀ + b"),
    ("x", "AddmmBackward0: x @ Wᵀ + b"),
    ("AddmmBackward0: x @ Wᵀ + b", "y_pred"),
    ("y_pred", "MseLossBackward0: mean((y_pred − y)²)"),
    ("y", "MseLossBackward0: mean((y_pred − y)²)"),
    ("MseLossBackward0: mean((y_pred − y)²)", "loss"),
}

MLP_EDGES = {
    ("0.weight", "TBackward0: W₀ᵀ"),
    ("TBackward0: W₀ᵀ", "AddmmBackward0: x @ W₀ᵀ + b₀"),
    ("0.bias", "AddmmBackward0: x @ W₀ᵀ + b₀"),
    ("x", "AddmmBackward0: x @ W₀ᵀ + b₀"),
    ("AddmmBackward0: x @ W₀ᵀ + b₀", "TanhBackward0: tanh"),
    ("TanhBackward0: tanh", "AddmmBackward0: h @ W₂ᵀ + b₂"),
    ("2.weight", "TBackward0: W₂ᵀ"),
    ("TBackward0: W₂ᵀ", "AddmmBackward0: h @ W₂ᵀ + b₂"),
    ("2.bias", "AddmmBackward0: h @ W₂ᵀ + b₂"),
    ("AddmmBackward0: h @ W₂ᵀ + b₂", "y_pred"),
    ("y_pred", "MseLossBackward0: mean((y_pred − y)²)"),
    ("y", "MseLossBackward0: mean((y_pred − y)²)"),
    ("MseLossBackward0: mean((y_pred − y)²)", "loss"),
}


@pytest.mark.parametrize(("config", "expected"), [(None, LINEAR_EDGES), (MLP, MLP_EDGES)])
def test_nodes_and_edges_are_the_recorded_graph(config, expected):
    s = _session(config)
    graph = s.graph
    assert graph.root == "loss" and not graph.freed
    assert _named_edges(graph) == expected
    ids = [n.id for n in graph.nodes]
    assert len(ids) == len(set(ids))
    # Every edge of autograd's own graph is drawn (with y_pred shown between the
    # model's last op and the loss), and nothing else.
    ops = {n.id: n for n in graph.nodes if n.kind != "tensor"}
    drawn = {
        (ops[e.source].name, ops[e.target].name)
        for e in graph.edges
        if e.source in ops and e.target in ops
    }
    drawn.add(("AddmmBackward0", "MseLossBackward0"))  # the hop through y_pred
    real = {(type(c).__name__, type(p).__name__) for c, p in _torch_edges(s.loss.grad_fn)}
    assert drawn == real
    assert len(ops) == len({c for c, _ in _torch_edges(s.loss.grad_fn)}) + 1


@pytest.mark.parametrize("config", [None, MLP])
def test_parameters_sit_on_their_accumulate_grad_nodes(config):
    s = _session(config)
    params = [n for n in s.graph.nodes if n.kind == "param"]
    named = dict(s.model.named_parameters())
    assert sorted(n.param for n in params) == sorted(named)
    for node in params:
        p = named[node.param]
        assert node.name == "AccumulateGrad"
        assert node.shape == tuple(p.shape)
        assert node.info.values == _head(p)
        assert node.info.is_leaf and node.info.requires_grad and node.info.grad_fn is None
        # The op the node feeds is the one autograd hangs this parameter's accumulator on.
        parent = next(e.target for e in s.graph.edges if e.source == node.id)
        accumulator = _accumulator(s.loss, p)
        consumers = {
            type(fn).__name__ for c, fn in _torch_edges(s.loss.grad_fn) if c is accumulator
        }
        assert {s.graph.node(parent).name} == consumers


def test_shapes_labels_and_saved_tensors():
    s = _session()
    by_name = {n.name: n for n in s.graph.nodes}
    assert by_name["AddmmBackward0"].shape == (100, 1)
    assert by_name["MseLossBackward0"].shape == ()
    assert by_name["TBackward0"].shape == (1, 1)
    assert dict(by_name["MseLossBackward0"].saved) == {"self": (100, 1), "target": (100, 1)}
    assert dict(by_name["AddmmBackward0"].saved) == {"mat1": (100, 1)}
    assert by_name["x"].info.values == _head(s.x)
    assert by_name["loss"].info.values == (s.loss.item(),)
    assert by_name["y_pred"].info.grad_fn == "AddmmBackward0"
    assert not by_name["y_pred"].info.is_leaf
    mlp = _session(MLP)
    tanh = next(n for n in mlp.graph.nodes if n.name == "TanhBackward0")
    assert tanh.shape == (100, 16) and dict(tanh.saved) == {"result": (100, 16)}


def test_forward_graph_ends_at_y_pred():
    s = _session(phases=("forward",))
    graph = s.graph
    assert graph.root == "y_pred"
    assert {n.name for n in graph.nodes} == {
        "AddmmBackward0",
        "TBackward0",
        "AccumulateGrad",
        "x",
        "y_pred",
    }
    assert graph.structure() != _session().graph.structure()


@pytest.mark.parametrize("config", [None, MLP])
def test_recorded_gradients_are_what_autograd_computed(config):
    s = _session(config, ("forward", "loss", "zero_grad", "backward"))
    graph = s.graph
    assert graph.freed
    nodes = {n.id: n for n in graph.nodes}
    named = dict(s.model.named_parameters())
    for node in nodes.values():
        if node.kind != "param":
            continue
        grad = named[node.param].grad
        assert graph.node_grads[node.id] == (_head(grad),)  # what AccumulateGrad added
        assert node.info.grad == _head(grad)  # read again after backward
        edge = next(e for e in graph.edges if e.source == node.id)
        assert graph.edge_grads[(edge.source, edge.target)] == _head(grad)
    # The gradient that flowed through y_pred, computed independently.
    cfg = s.config
    torch.manual_seed(cfg.seed)
    x = torch.randn(cfg.samples, 1)
    y = cfg.true_w * x + cfg.true_b
    model = (
        nn.Sequential(nn.Linear(1, cfg.hidden), nn.Tanh(), nn.Linear(cfg.hidden, 1))
        if cfg.model == "mlp"
        else nn.Linear(1, 1)
    )
    y_pred = model(x)
    y_pred.retain_grad()
    nn.MSELoss()(y_pred, y).backward()
    loss_op = next(n.id for n in graph.nodes if n.name == "MseLossBackward0")
    assert graph.edge_grads[("y_pred", loss_op)] == _head(y_pred.grad)
    assert graph.edge_grads[(loss_op, "loss")] == (1.0,)
    for name, p in model.named_parameters():
        assert torch.equal(p.grad, named[name].grad)


@pytest.mark.parametrize("config", [None, MLP])
def test_order_is_the_order_backward_ran(config):
    s = _session(config, ("forward", "loss", "backward"))
    graph = s.graph
    autograd_nodes = {n.id for n in graph.nodes if n.kind != "tensor"}
    assert sorted(graph.order) == sorted(autograd_nodes)  # each ran exactly once
    assert graph.node(graph.order[0]).name == "MseLossBackward0"
    position = {nid: i for i, nid in enumerate(graph.order)}
    for e in graph.edges:
        if e.source in position and e.target in position:
            assert position[e.target] < position[e.source]  # consumers run first


def test_accumulated_backward_records_what_it_added():
    s = _session(phases=("forward", "loss", "backward"))
    first = s.model.weight.grad.clone()
    for phase in ("forward", "loss", "backward"):  # no zero_grad: the mistake
        s.run_phase(phase)
    weight = next(n for n in s.graph.nodes if n.param == "weight")
    assert s.graph.node_grads[weight.id] == (_head(first),)
    assert weight.info.grad == _head(s.model.weight.grad) == _head(2 * first)


def test_hooks_are_removed_after_every_backward():
    s = TrainingSession(ExperimentConfig())
    for _ in range(60):
        for phase in ("forward", "loss", "zero_grad", "backward", "step"):
            s.run_phase(phase)
    s.run_phase("forward")
    s.run_phase("loss")

    def hooks_on(parameter):
        # Our own probe is the only hook if nothing was left behind.
        handle = _accumulator(s.loss, parameter).register_hook(lambda *_: None)
        try:
            return len(handle.hooks_dict_ref())
        finally:
            handle.remove()

    assert hooks_on(s.model.weight) == 1
    assert hooks_on(s.model.bias) == 1
    # The probe does see a hook left behind (the leak DESIGN §8 measured).
    leaked = _accumulator(s.loss, s.model.weight).register_hook(lambda *_: None)
    try:
        assert hooks_on(s.model.weight) == 2
    finally:
        leaked.remove()
    recorder = autograd_graph.BackwardRecorder(s.loss)
    with recorder:
        assert len(recorder._handles) == len(_walk_ids(s.loss))
        s.loss.backward()
    assert recorder._handles == []


def _walk_ids(loss):
    return {c for c, _ in _torch_edges(loss.grad_fn)} | {loss.grad_fn}


def test_freed_graph_and_a_refused_second_backward():
    s = _session(phases=("forward", "loss", "zero_grad", "backward"))
    freed = s.graph
    assert freed.freed and freed.order
    with pytest.raises(TeachingError) as info:
        s.run_phase("backward")
    assert info.value.code == "backward.freed"
    assert s.graph is freed  # the refused call changed nothing
    # Walking a freed graph works; the saved tensors are simply gone.
    rebuilt = autograd_graph.build_graph(s.loss, s.model, {"x": s.x, "y": s.y}, s.y_pred)
    assert rebuilt.structure() == freed.structure()
    assert all(n.saved == () for n in rebuilt.nodes)


def test_zero_grad_and_step_refresh_the_parameter_nodes():
    s = _session(phases=("forward", "loss", "zero_grad", "backward"))
    recorded = s.graph
    s.run_phase("step")
    stepped = s.graph
    assert stepped.structure() == recorded.structure()
    assert stepped.order == recorded.order and stepped.edge_grads == recorded.edge_grads
    weight = next(n for n in stepped.nodes if n.param == "weight")
    assert weight.info.values == _head(s.model.weight)
    assert weight.info.grad == _head(s.model.weight.grad)
    s.run_phase("zero_grad")
    assert all(n.info.grad is None for n in s.graph.nodes if n.kind == "param")


def test_graph_after_a_fast_run_is_rebuilt_freed_without_hooks():
    s = TrainingSession(ExperimentConfig())
    s.run_updates(25)
    graph = s.snapshot().graph
    assert graph.freed and graph.order == () and graph.edge_grads == {}
    assert _named_edges(graph) == LINEAR_EDGES


def test_json_and_dot():
    graph = _session().graph
    data = graph.to_json()
    assert data["root"] == "loss" and data["freed"] is False
    mse = next(n for n in data["nodes"] if n["name"] == "MseLossBackward0")
    assert mse["saved"] == {"self": [100, 1], "target": [100, 1]} and mse["shape"] == []
    dot = graph.to_dot()
    assert dot.startswith("digraph autograd {") and dot.rstrip().endswith("}")
    assert dot.count(" -> ") == len(graph.edges)
