"""The graph as a picture: PNG for documents and slides, SVG to scale without blur."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QMessageBox, QWidget

from gradlab.core.fileio import atomic_write_bytes
from gradlab.ui.panels.graph.scene import FIT_MARGIN

translate = QCoreApplication.translate

EXPORT_SCALE = 2  # PNG pixels per scene unit: sharp on high-DPI screens and slides


def export_scene(scene: QGraphicsScene, background: str, path) -> None:
    """Save the scene as PNG or SVG, chosen by the file's suffix."""
    path = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"cannot export to {suffix or 'a file without suffix'}: use .png or .svg")
    source = scene.itemsBoundingRect()
    if source.isEmpty():
        source = QRectF(0, 0, 200, 80)
    source = source.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
    fill = QColor(background)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".png":
        size = QSize(
            math.ceil(source.width() * EXPORT_SCALE), math.ceil(source.height() * EXPORT_SCALE)
        )
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(fill)
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        scene.render(painter, QRectF(image.rect()), source)
        painter.end()
        image.save(buffer, "PNG")
    else:
        from PySide6.QtSvg import QSvgGenerator  # only needed here

        target = QRectF(0, 0, source.width(), source.height())
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        generator.setTitle(translate("GraphPanel", "GradLab: autograd graph"))
        painter = QPainter(generator)
        painter.fillRect(target, fill)
        scene.render(painter, target, source)
        painter.end()
    try:
        atomic_write_bytes(path, bytes(buffer.data()))  # a crash never leaves half a file
    except OSError as exc:
        raise OSError(_cannot_write(path)) from exc


def ask_and_export(parent: QWidget, export: Callable[[str], None]) -> None:
    """Ask where to save the picture (starting where the student saved last, else
    in their documents), then `export(path)`; a failure is shown."""
    from gradlab.ui import folders
    from gradlab.ui.settings import Settings

    png = translate("GraphPanel", "PNG image (*.png)")
    svg = translate("GraphPanel", "SVG drawing (*.svg)")
    path, chosen = folders.ask_save_path(
        parent,
        Settings(),
        translate("GraphPanel", "Export the graph"),
        "gradlab-graph.png",
        f"{png};;{svg}",
    )
    if not path:
        return
    if Path(path).suffix.lower() not in (".png", ".svg"):
        path += ".svg" if chosen == svg else ".png"
    try:
        export(path)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(
            parent,
            translate("GraphPanel", "Export the graph"),
            translate("GraphPanel", "The graph was not saved: {error}").format(error=exc),
        )


def _cannot_write(path: str) -> str:
    return translate("GraphPanel", "{path} could not be written.").format(path=path)
