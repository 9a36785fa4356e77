"""Issue 15 item 16: a plot's right-click ▸ Export… offers only exporters that
work. Driven as a student does: the Export… menu entry, the item and the
format picked in pyqtgraph's dialog, its Export button, the file dialog."""

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidgetItemIterator

from tests.ui.trust_helpers import answering, updates

# pyqtgraph's dialog raises itself; the offscreen platform says it cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")
OFFERED = [
    "Image File (PNG, TIF, JPG, ...)",
    "Scalable Vector Graphics (SVG)",
    "CSV of original plot data",
]
SUFFIX = {OFFERED[0]: "png", OFFERED[1]: "svg", OFFERED[2]: "csv"}


def _export_dialog(plot):
    scene = plot.scene()
    scene.contextMenuItem = plot.getPlotItem().vb  # what a right click on the plot sets
    scene.contextMenu[0].trigger()  # Export...
    return scene.exportDialog


def _valid(path, suffix) -> bool:
    data = path.read_bytes()
    if suffix == "png":
        return data[:4] == b"\x89PNG" and len(data) > 1000
    if suffix == "svg":
        return b"<svg" in data[:2000] and b"<path" in data
    return data.count(b"\n") >= 2 and b"," in data  # a header and rows


def _choose_file(exporter, path):
    """The file dialog the exporter opened: type the name, press Save."""
    dialog = exporter.fileDialog
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
    dialog.accept()


def test_right_click_export_offers_and_writes_only_what_works(qtbot, window, tmp_path):
    updates(qtbot, window, 3)
    for plot in [*window.plots.plots(), window.landscape.plot]:
        dialog = _export_dialog(plot)
        formats = dialog.ui.formatList
        assert [formats.item(i).text() for i in range(formats.count())] == OFFERED
        items = []
        iterator = QTreeWidgetItemIterator(dialog.ui.itemTree)
        while iterator.value():
            items.append(iterator.value())
            iterator += 1
        assert [i.text(0) for i in items] == ["Entire Scene", "Plot", "ViewBox"]
        for item in items:
            dialog.ui.itemTree.setCurrentItem(item)
            for row, name in enumerate(OFFERED):
                formats.setCurrentRow(row)
                path = tmp_path / f"{plot.objectName()}-{item.text(0)}.{SUFFIX[name]}"
                dialog.ui.exportBtn.click()
                _choose_file(dialog.currentExporter, path)
                assert _valid(path, SUFFIX[name]), (plot.objectName(), item.text(0), name)
                assert dialog.ui.copyBtn.isEnabled() == (name == OFFERED[0])
                if name == OFFERED[0]:  # the picture can be copied as well
                    QApplication.clipboard().clear()
                    dialog.ui.copyBtn.click()
                    assert not QApplication.clipboard().image().isNull()
        dialog.close()


def test_an_export_that_cannot_be_written_says_so_in_a_message(qtbot, window, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    dialog = _export_dialog(window.plots.loss_plot)
    for row in (0, 1, 2):
        dialog.ui.formatList.setCurrentRow(row)
        target = tmp_path / "a-file" / f"loss.{SUFFIX[OFFERED[row]]}"
        dialog.ui.exportBtn.click()
        with answering(["ok"]) as answers:
            _choose_file(dialog.currentExporter, target)
            qtbot.waitUntil(lambda: bool(answers.seen), timeout=5_000)  # noqa: B023
        assert "Could not export" in answers.seen[0] and str(target) in answers.seen[0]
    dialog.close()
