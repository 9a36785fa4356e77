"""Every control has a tooltip that teaches (DESIGN §4)."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSlider,
    QToolButton,
)


def test_every_control_has_a_tooltip(qtbot):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    missing = []
    for cls in (QPushButton, QToolButton, QCheckBox, QComboBox, QLineEdit, QSlider):
        for widget in win.findChildren(cls):
            if (
                isinstance(widget, QAbstractButton)
                and widget.parent() is not None
                and (type(widget.parent()).__name__ in ("QTabBar", "QDockWidget", "QScrollBar"))
            ):
                continue  # Qt's own tab scrollers and dock title buttons
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue  # an editable combo's inner field
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own internals (the menu bar's overflow button)
            if not widget.toolTip().strip():
                missing.append(
                    f"{cls.__name__} {widget.objectName() or widget.text() if hasattr(widget, 'text') else ''}"
                )
    win.close()
    assert not missing, "controls without a tooltip: " + ", ".join(missing)
