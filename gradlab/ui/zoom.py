"""Zoom for the classroom: one factor that enlarges everything a class reads.

The factor scales the application font, which every widget without a size of
its own follows (labels, buttons, fields, menus, tabs, lists, the lessons). The
rest asks this module for its sizes and is told of a change through the
panels' `apply_zoom(factor)`: fixed-width fonts (values, code), pyqtgraph's
titles, axes and tick labels, line widths and markers, the graph's boxes.

The factor is the application's, like its font: one per process.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
DEFAULT = 1.0
PRESENTATION = 1.5  # presentation mode zooms to at least this

_factor = DEFAULT
_base_font: QFont | None = None  # the application font at 100 %


def factor() -> float:
    """The current zoom (1.0 = 100 %)."""
    return _factor


def valid(value) -> float:
    """The step nearest to `value`; DEFAULT for anything that is not a finite number."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return DEFAULT
    if value != value or value in (float("inf"), float("-inf")):
        return DEFAULT
    return min(STEPS, key=lambda step: abs(step - value))


def step_in(value: float) -> float:
    """The next larger step (the largest stays)."""
    return next((s for s in STEPS if s > value + 1e-9), STEPS[-1])


def step_out(value: float) -> float:
    """The next smaller step (the smallest stays)."""
    return next((s for s in reversed(STEPS) if s < value - 1e-9), STEPS[0])


def base_point_size() -> float:
    """The application font's size at 100 %."""
    font = _base_font if _base_font is not None else QApplication.font()
    size = font.pointSizeF()
    return size if size > 0 else 9.0


def set_factor(value: float) -> float:
    """Zoom the application font to `value` (a step); returns the step applied.
    Panels hear of it through the window (apply_zoom)."""
    global _factor, _base_font
    value = valid(value)
    app = QApplication.instance()
    if _base_font is None:
        _base_font = QFont(app.font())
    _factor = value
    font = QFont(_base_font)
    font.setPointSizeF(base_point_size() * value)
    app.setFont(font)
    return value


def points(size: float) -> float:
    """A font size given at 100 %, at the current zoom."""
    return size * _factor


def text_size(scale: float = 1.0) -> str:
    """A CSS font size for pyqtgraph's texts: `scale` times the application font."""
    return f"{base_point_size() * scale * _factor:.1f}pt"


def line_width(width: float) -> float:
    """A pen width given at 100 %, at the current zoom. Hair lines stay whole
    pixels (1 px pens draw fastest, and a run repaints its curves every frame)."""
    scaled = width * _factor
    return float(max(1, round(scaled))) if width <= 1 else scaled


def fixed_font(scale: float = 1.0) -> QFont:
    """The system's fixed-width font, `scale` times its size, at the current zoom."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = font.pointSizeF() if font.pointSizeF() > 0 else base_point_size()
    font.setPointSizeF(size * scale * _factor)
    return font


class CtrlWheel(QObject):
    """Ctrl+wheel zooms wherever the pointer is. Text views and plots would take
    the wheel for themselves (a QTextEdit even zooms its own font), so the
    filter sits on their viewports and keeps Ctrl+wheel for the window."""

    def __init__(self, parent: QObject, on_steps: Callable[[int], None]):
        super().__init__(parent)
        self._on_steps = on_steps
        self._pending = 0  # eighths of a degree not yet a whole step (touchpads)

    def watch(self, widgets) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.wheel(event.angleDelta().y())
            event.accept()
            return True
        return False

    def wheel(self, delta: int) -> None:
        """A wheel turn of `delta` eighths of a degree (120 = one notch)."""
        self._pending += delta
        steps = int(self._pending / 120)
        if steps:
            self._pending -= steps * 120
            self._on_steps(steps)
