"""`gradlab graph`: the autograd graph of one forward pass and the loss, as JSON or DOT."""

import json
import re

import pytest

from gradlab.cli import main

DOT_NODE = re.compile(r'^  "((?:[^"\\]|\\.)+)" \[(.*)\];$')
DOT_EDGE = re.compile(r'^  "((?:[^"\\]|\\.)+)" -> "((?:[^"\\]|\\.)+)";$')


def _graph_json(capsys, *args):
    assert main(["graph", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def _graph_dot(capsys, *args):
    assert main(["graph", "--format", "dot", *args]) == 0
    return capsys.readouterr().out


def _parse_dot(text):
    """A small DOT check (graphviz is not installed here): one digraph, balanced
    braces and quotes, every edge between declared nodes. Returns (nodes, edges)."""
    lines = text.rstrip("\n").split("\n")
    assert lines[0] == "digraph autograd {"
    assert lines[-1] == "}"
    assert text.count("{") == text.count("}") == 1
    nodes, edges = {}, []
    for line in lines[1:-1]:
        unescaped_quotes = len(re.findall(r'(?<!\\)"', line))
        assert unescaped_quotes % 2 == 0, line
        if line.strip() in ("rankdir=LR;", 'node [fontname="Helvetica"];'):
            continue
        if m := DOT_EDGE.match(line):
            edges.append((m.group(1), m.group(2)))
        elif m := DOT_NODE.match(line):
            assert m.group(1) not in nodes, f"node {m.group(1)} declared twice"
            attrs = dict(re.findall(r'(\w+)=("(?:[^"\\]|\\.)*"|[^,\s]+)', m.group(2)))
            assert {"label", "shape", "style", "fillcolor"} <= set(attrs), line
            nodes[m.group(1)] = attrs
        else:
            raise AssertionError(f"not a node, an edge or a graph attribute: {line!r}")
    for source, target in edges:
        assert source in nodes and target in nodes, (source, target)
    return nodes, edges


def test_json_has_the_node_and_edge_keys(capsys):
    data = _graph_json(capsys)
    assert data["root"] == "loss" and data["freed"] is False
    for node in data["nodes"]:
        assert {"id", "kind", "name", "label", "shape"} <= set(node)
        assert node["kind"] in ("op", "param", "tensor")
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids))
    for edge in data["edges"]:
        assert set(edge) == {"source", "target"}
        assert edge["source"] in ids and edge["target"] in ids
    names = {n["name"] for n in data["nodes"]}
    assert {"MseLossBackward0", "AddmmBackward0", "TBackward0", "AccumulateGrad"} <= names
    assert {"x", "y", "y_pred", "loss"} <= set(ids)
    params = {n["param"]: n["shape"] for n in data["nodes"] if n["kind"] == "param"}
    assert params == {"weight": [1, 1], "bias": [1]}
    loss = next(n for n in data["nodes"] if n["id"] == "loss")
    assert loss["shape"] == []


def test_json_for_the_mlp_and_a_mini_batch(capsys):
    data = _graph_json(capsys, "--model", "mlp", "--hidden", "4", "--batch-size", "8")
    names = [n["name"] for n in data["nodes"]]
    assert names.count("AddmmBackward0") == 2 and names.count("TBackward0") == 2
    assert "TanhBackward0" in names
    params = {n["param"]: n["shape"] for n in data["nodes"] if n["kind"] == "param"}
    assert params == {"0.weight": [4, 1], "0.bias": [4], "2.weight": [1, 4], "2.bias": [1]}
    x = next(n for n in data["nodes"] if n["id"] == "x")
    assert x["shape"] == [8, 1]  # the first mini-batch, not the whole data set


@pytest.mark.parametrize("args", [(), ("--model", "mlp"), ("--loss", "huber")])
def test_dot_is_well_formed_and_matches_the_json(capsys, args):
    nodes, edges = _parse_dot(_graph_dot(capsys, *args))
    data = _graph_json(capsys, *args)
    assert set(nodes) == {n["id"] for n in data["nodes"]}
    assert sorted(edges) == sorted((e["source"], e["target"]) for e in data["edges"])
    for node in data["nodes"]:
        label = nodes[node["id"]]["label"]
        assert node["label"] in label and (node["kind"] == "tensor" or node["name"] in label)


def test_default_format_is_dot(capsys):
    assert main(["graph"]) == 0
    assert capsys.readouterr().out.startswith("digraph autograd {")


def test_bad_format_exits_2_with_one_line(capsys):
    assert main(["graph", "--format", "svg"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "--format" in lines[0]
