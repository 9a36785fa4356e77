"""Light and dark themes, and one colour per quantity across every panel (DESIGN §4).

weight blue, bias orange, gradients red, loss purple, data grey. Each colour has a
light-theme and a dark-theme shade, both chosen for contrast on their background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Colours:
    weight: str
    bias: str
    grad: str
    grad_b: str  # the bias gradient: a second red, so the two gradient curves differ
    loss: str
    data: str
    target: str  # the "true value" guide lines
    background: str
    foreground: str
    highlight_line: str  # the code view's current line
    changed: str  # the mark beside a value the last phase changed


LIGHT = Colours(
    weight="#1f63b4",
    bias="#c86400",  # #e07000 was 2.8:1 on the window's grey: too faint for the "b" label
    grad="#d1242f",
    grad_b="#8f1820",
    loss="#7b3fb5",
    data="#6e6e6e",
    target="#2e2e2e",
    background="#ffffff",
    foreground="#1a1a1a",
    highlight_line="#fff2b3",
    changed="#2e7d32",
)

DARK = Colours(
    weight="#5aa0f2",
    bias="#ffa040",
    grad="#ff6b6b",
    grad_b="#ff9e9e",
    loss="#c39bf0",
    data="#a8a8a8",
    target="#e0e0e0",
    background="#1e1f22",
    foreground="#e6e6e6",
    highlight_line="#4a4224",
    changed="#7cd67f",
)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: str) -> str:
    """'light' or 'dark' for a theme setting ('system' follows the desktop)."""
    if theme == "system":
        return "dark" if system_prefers_dark() else "light"
    return theme


def colours(resolved: str) -> Colours:
    return DARK if resolved == "dark" else LIGHT


def apply(app: QApplication, theme: str) -> Colours:
    """Apply the Fusion style with a light or dark palette; returns the colours."""
    resolved = resolve(theme)
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_dark_palette() if resolved == "dark" else _light_palette())
    # Fusion outlines an unticked box in the window colour darkened: invisible on
    # a dark window. Give it a border of its own there (the ticked box keeps
    # Fusion's drawing: no rule matches it).
    sheet = DARK_INDICATORS if resolved == "dark" else ""
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    import pyqtgraph as pg

    c = colours(resolved)
    pg.setConfigOptions(background=c.background, foreground=c.foreground, antialias=False)
    return c


DARK_INDICATORS = (
    "QCheckBox::indicator:unchecked, QTableView::indicator:unchecked, "
    "QListView::indicator:unchecked, QGroupBox::indicator:unchecked "
    "{ border: 1px solid #9a9da1; border-radius: 2px; background-color: #1e1f22; "
    "width: 12px; height: 12px; }"
)


def _light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    disabled = QColor("#7a7a7a")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, window)
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#3c3f41"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, disabled)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#3a3d41"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    p.setColor(QPalette.ColorRole.Link, QColor("#5aa0f2"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#c39bf0"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f65ca"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Light, QColor("#505358"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#45484c"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#333538"))
    p.setColor(QPalette.ColorRole.Dark, QColor("#1a1b1d"))
    p.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p
