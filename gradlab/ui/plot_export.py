"""A plot's right-click ▸ Export… (pyqtgraph's export dialog) offers only
exporters that work in GradLab, each writing its file whole or not at all:

- "Image File (PNG, TIF, JPG, ...)": pyqtgraph's picture, written atomically;
- "Scalable Vector Graphics (SVG)": GradLab's, drawn by Qt's SVG generator as
  File ▸ Export does (pyqtgraph's own raises ValueError on Qt 6's path data),
  to a file only;
- "CSV of original plot data": pyqtgraph's; for the whole scene or a view box
  it takes the plot they belong to (pyqtgraph's raises TypeError there).

Left out: "Matplotlib Window" (GradLab does not ship matplotlib, so it raised
ModuleNotFoundError), and HDF5 and Printer, which need h5py and QtPrintSupport
(not in PySide6-Essentials). A file that cannot be written gets a message box,
never a crash dialog. pyqtgraph's exporters load only when the dialog is first
opened: no cost at start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtWidgets import QApplication, QMessageBox

from gradlab.core.fileio import atomic_write_bytes
from gradlab.ui import exports

translate = QCoreApplication.translate
_OFFERED: list | None = None  # the exporter classes, once built


def route_export_dialog(scene) -> None:
    """Make `scene`'s Export… menu entry open the dialog with GradLab's exporters."""
    if getattr(scene, "gradlab_exporters", False):
        return
    scene.gradlab_exporters = True
    action = scene.contextMenu[0]
    action.triggered.disconnect(scene.showExportDialog)
    action.triggered.connect(lambda _=False: show_export_dialog(scene))


def show_export_dialog(scene) -> None:
    use_working_exporters()
    scene.showExportDialog()


def use_working_exporters() -> list:
    """Replace pyqtgraph's list of exporters by the ones that work; returns it."""
    global _OFFERED
    from pyqtgraph.exporters import Exporter  # registers pyqtgraph's own first

    if _OFFERED is None:
        _OFFERED = _exporters()
    Exporter.Exporters[:] = _OFFERED
    return list(_OFFERED)


def _exporters() -> list:
    from pyqtgraph import GraphicsScene, PlotItem, ViewBox
    from pyqtgraph.exporters import CSVExporter, Exporter, ImageExporter

    def plot_of(item):
        """The plot a scene or view box belongs to (each GradLab plot has one)."""
        if isinstance(item, GraphicsScene):
            return next((i for i in item.items() if isinstance(i, PlotItem)), item)
        if isinstance(item, ViewBox) and isinstance(item.parentItem(), PlotItem):
            return item.parentItem()
        return item

    class PlotImage(ImageExporter):
        Name = ImageExporter.Name

        def export(self, fileName=None, toBytes=False, copy=False):
            if fileName is None or toBytes or copy:
                return super().export(fileName, toBytes, copy)
            image = super().export(toBytes=True)
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not image.save(buffer, Path(fileName).suffix.lstrip(".").upper() or "PNG"):
                _failed(fileName, translate("MainWindow", "this picture format is not known"))
                return None
            _write(fileName, bytes(buffer.data()))
            return None

    class PlotSvg(Exporter):
        Name = "Scalable Vector Graphics (SVG)"  # pyqtgraph's name: translated already
        # No Copy: a QMimeData handed to the clipboard crashed PySide6 6.11 at exit.
        allowCopy = False

        def parameters(self):
            return None

        def export(self, fileName=None, toBytes=False, copy=False):
            if fileName is None and not toBytes and not copy:
                self.fileSaveDialog(filter=["*.svg"])
                return None
            size = self.getTargetRect()
            data = exports.scene_svg_bytes(
                self.getScene(), self.getSourceRect(), size.width(), size.height()
            )
            if toBytes:
                return data
            _write(fileName, data)
            return None

    class PlotCsv(CSVExporter):
        Name = CSVExporter.Name

        def __init__(self, item):
            super().__init__(plot_of(item))

        def export(self, fileName=None):
            try:
                return super().export(fileName)
            except OSError as exc:
                _failed(fileName, exc.strerror or str(exc))
                return None

    return [PlotImage, PlotSvg, PlotCsv]


def _write(path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        _failed(path, exc.strerror or str(exc))


def _failed(path, why: str) -> None:
    QMessageBox.warning(
        QApplication.activeWindow(),
        translate("MainWindow", "Export the plot"),
        translate("Messages", "Could not export {path}: {error}").format(path=path, error=why),
    )
