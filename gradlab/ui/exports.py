"""Exports a student can hand in: the history as CSV, a plot as PNG or SVG, the
whole window as PNG. Every file is written atomically."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gradlab.core.fileio import atomic_write_bytes, atomic_write_text


def history_csv(series, model_kind: str) -> str:
    """The training history (as the GUI holds it) as CSV text."""
    names = (
        ("w", "b", "w_grad", "b_grad")
        if model_kind == "linear"
        else ("weights_norm", "biases_norm", "weights_grad_norm", "biases_grad_norm")
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("update", "loss", *names))
    columns = [series[c] for c in ("step", "loss", "p0", "p1", "g0", "g1")]
    for row in zip(*columns, strict=True):
        writer.writerow((int(row[0]), *(repr(float(v)) for v in row[1:])))
    return out.getvalue()


def save_history_csv(series, model_kind: str, path) -> None:
    atomic_write_text(path, history_csv(series, model_kind))


def save_plot(plot_widget, path) -> None:
    """A plot as PNG (pixels, twice the screen size) or SVG (vectors), by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"{path.name}: plots export as .png or .svg")
    data = _svg_bytes(plot_widget) if suffix == ".svg" else _png_bytes(plot_widget, scale=2)
    atomic_write_bytes(path, data)


def _svg_bytes(widget) -> bytes:
    size = widget.size()
    scene = widget.scene() if hasattr(widget, "scene") else None
    return _svg(size.width(), size.height(), scene, lambda painter: _render(widget, painter))


def scene_svg_bytes(scene, source, width: float, height: float) -> bytes:
    """The part `source` (a QRectF in scene coordinates) of a plot's scene as SVG
    of width × height: what a plot's right-click ▸ Export… writes."""
    from PySide6.QtCore import QRectF

    target = QRectF(0, 0, width, height)
    return _svg(round(width), round(height), scene, lambda p: scene.render(p, target, source))


def _svg(width: int, height: int, scene, draw) -> bytes:
    # Qt's own SVG generator: pyqtgraph's SVGExporter fails on Qt 6's path data.
    from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator
    from PySide6.QtWidgets import QGraphicsItem

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle("GradLab")
    # Cached items would land in the SVG as bitmaps: draw them as vectors.
    items = scene.items() if scene is not None else []
    modes = [item.cacheMode() for item in items]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    painter = QPainter(generator)
    try:
        draw(painter)
    finally:
        painter.end()
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)
    return bytes(buffer.data())


def _render(widget, painter) -> None:
    """QWidget.render: pyqtgraph's views override render() with the scene's one."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    QWidget.render(widget, painter, QPoint(0, 0))


def _png_bytes(widget, scale: int = 1) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter

    size = widget.size()
    image = QImage(size.width() * scale, size.height() * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(0)
    painter = QPainter(image)
    try:
        _render(widget, painter)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def save_screenshot(widget, path) -> None:
    atomic_write_bytes(path, _png_bytes(widget))
