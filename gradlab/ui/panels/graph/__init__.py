"""The computation-graph panel, one job per module:

panel.py      GraphPanel: the widget; follows the controller's frames, ties the rest together
scene.py      GraphScene: the items, built once per graph structure, laid out and drawn
items.py      a node's box, node and edge views, the pan-and-zoom view, drawing shapes
layout.py     the layered layout of a small DAG (pure Python)
replay.py     BackwardReplay: the graph shown and how far backward() has been replayed
inspector.py  the inspector: what PyTorch knows about one node
captions.py   the state word and the sentence under the graph
texts.py      how shapes, values, node titles and edge tooltips are written
export.py     the graph as PNG or SVG
"""
