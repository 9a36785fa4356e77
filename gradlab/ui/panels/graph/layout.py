"""A layered layout for small DAGs such as autograd graphs (pure Python).

Used by the graph panel; kept apart so the algorithm can be read and tested
without Qt.
"""

from __future__ import annotations

NODE_GAP = 14  # between two nodes of one layer
LAYER_GAP = {True: 22, False: 52}  # between layers, top-to-bottom / left-to-right


def layered_layout(
    nodes: list[str],
    edges: list[tuple[str, str]],
    sizes: dict[str, tuple[float, float]],
    vertical: bool,
) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Centres for the nodes of a DAG drawn in layers, and the drawing's size.

    A node's layer is fixed by its longest path to the sink (the root): the
    root comes last and every input or parameter sits right before the op that
    uses it, not in a far-away first column. Layers run top to bottom
    (vertical) or left to right.
    """
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    pred: dict[str, list[str]] = {n: [] for n in nodes}
    for s, t in edges:
        if s in succ and t in succ:
            succ[s].append(t)
            pred[t].append(s)
    dist: dict[str, int] = {}

    def to_sink(n: str) -> int:
        if n not in dist:
            dist[n] = 0  # a guard only: autograd graphs have no cycles
            dist[n] = 1 + max((to_sink(t) for t in succ[n]), default=-1)
        return dist[n]

    for n in nodes:
        to_sink(n)
    depth = max(dist.values(), default=0)
    layers: list[list[str]] = [[] for _ in range(depth + 1)]
    for n in nodes:
        layers[depth - dist[n]].append(n)

    def across_size(n):
        return sizes[n][0] if vertical else sizes[n][1]

    def along_size(n):
        return sizes[n][1] if vertical else sizes[n][0]

    # Order within layers: barycentres of the neighbours, a few sweeps each way.
    index = {n: i for layer in layers for i, n in enumerate(layer)}

    def reorder(layer: list[str], neighbours) -> None:
        key = {
            n: sum(index[m] for m in neighbours[n]) / len(neighbours[n])
            if neighbours[n]
            else index[n]
            for n in layer
        }
        layer.sort(key=key.__getitem__)
        index.update({n: i for i, n in enumerate(layer)})

    for _ in range(4):
        for layer in layers[1:]:
            reorder(layer, pred)
        for layer in reversed(layers[:-1]):
            reorder(layer, succ)

    # Across the layers: pack, then pull each node toward its neighbours' mean
    # while keeping the order and the gaps (a simple priority layout).
    pos: dict[str, float] = {}
    for layer in layers:
        x = -(sum(across_size(n) for n in layer) + NODE_GAP * (len(layer) - 1)) / 2
        for n in layer:
            pos[n] = x + across_size(n) / 2
            x += across_size(n) + NODE_GAP

    def align(layer: list[str], neighbours) -> None:
        desired = [
            sum(pos[m] for m in neighbours[n]) / len(neighbours[n]) if neighbours[n] else pos[n]
            for n in layer
        ]
        placed: list[float] = []
        for i, n in enumerate(layer):
            want = desired[i]
            if placed:
                prev = layer[i - 1]
                want = max(want, placed[-1] + (across_size(prev) + across_size(n)) / 2 + NODE_GAP)
            placed.append(want)
        shift = sum(d - p for d, p in zip(desired, placed, strict=True)) / len(layer)
        for n, p in zip(layer, placed, strict=True):
            pos[n] = p + shift

    for _ in range(3):
        for layer in layers[1:]:
            align(layer, pred)
        for layer in reversed(layers[:-1]):
            align(layer, succ)

    low = min((pos[n] - across_size(n) / 2 for n in nodes), default=0.0)
    high = max((pos[n] + across_size(n) / 2 for n in nodes), default=0.0)
    centres: dict[str, tuple[float, float]] = {}
    along = 0.0
    for layer in layers:
        thickness = max((along_size(n) for n in layer), default=0.0)
        for n in layer:
            a, b = pos[n] - low, along + thickness / 2
            centres[n] = (a, b) if vertical else (b, a)
        along += thickness + LAYER_GAP[vertical]
    along = max(0.0, along - LAYER_GAP[vertical])
    width, height = (high - low, along) if vertical else (along, high - low)
    return centres, width, height
