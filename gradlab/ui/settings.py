"""User settings (QSettings, INI file): window layout, language, theme, recent
files, with defaults and typed reads. A corrupt or outdated file falls back to
the defaults, and the app says so."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from gradlab.ui import paths

VERSION = 1
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "zh_CN")
MAX_RECENT = 8
KNOWN_KEYS = {"version", "theme", "language", "window/geometry", "window/state", "recent"}


class Settings:
    def __init__(self):
        path = paths.config_dir() / "gradlab.ini"
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self.path = path
        self.problem: str | None = None  # why the defaults were used, if they were
        status = self._qs.status()
        keys = set(self._qs.allKeys())
        if status != QSettings.Status.NoError or not keys <= KNOWN_KEYS:
            self.problem = "corrupt"
            self._reset()
        elif self._qs.allKeys() and self._int("version", 0) != VERSION:
            self.problem = "outdated"
            self._reset()

    def _reset(self) -> None:
        self._qs.clear()
        self._qs.setValue("version", VERSION)
        self._qs.sync()

    # Typed reads: a value of the wrong type (a hand-edited file) is the default.
    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default

    def _choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) and value in allowed else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # ------------------------------------------------------------- values
    @property
    def theme(self) -> str:
        return self._choice("theme", THEMES, "system")

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("theme", value if value in THEMES else "system")

    @property
    def language(self) -> str:
        return self._choice("language", LANGUAGES, "system")

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value if value in LANGUAGES else "system")

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._set("version", VERSION)

    @property
    def recent_files(self) -> list[str]:
        value = self._qs.value("recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str)][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path, *(f for f in self.recent_files if f != path)][:MAX_RECENT]
        self._set("recent", files)

    def _set(self, key: str, value) -> None:
        self._qs.setValue(key, value)
        self._qs.setValue("version", VERSION)
        self._qs.sync()
