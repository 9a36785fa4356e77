"""Tab pages that scroll: a dock column stays narrow enough for a 1024-pixel
screen, and a page taller than the dock scrolls instead of being cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget


def scrolling_tabs(name: str, pages: list[tuple[QWidget, str]]) -> QTabWidget:
    """A document-mode tab widget with each page in a frameless scroll area
    named after the page (`<page name>Scroll`, for tests and layouts)."""
    tabs = QTabWidget()
    tabs.setObjectName(name)
    tabs.setDocumentMode(True)
    for page, title in pages:
        scroll = QScrollArea()
        scroll.setObjectName(page.objectName() + "Scroll")
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        tabs.addTab(scroll, title)
    return tabs
