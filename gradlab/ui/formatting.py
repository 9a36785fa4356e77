"""Numbers as the student reads them: values with four decimals, counts in the
interface language's digits."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def format_value(value, digits: int = 4) -> str:
    """A value as the values panel shows it: ≥ 4 decimals, or None."""
    if value is None:
        return "None"
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value == 0 or abs(value) >= 10 ** (-digits + 1) and abs(value) < 1e6:
        return f"{value:.{digits}f}"
    return f"{value:.{digits}e}"


def locale_int(n: int) -> str:
    return QLocale().toString(int(n))
