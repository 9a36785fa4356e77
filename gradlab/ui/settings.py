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
# "window/geometry" is no longer written (the geometry is kept per screen), but
# files that hold it are not damaged.
KNOWN_KEYS = {"version", "theme", "language", "window/geometry", "window/state", "recent"}
# The classroom's keys (issue 16): zoom, the named layout, the plots shown, the
# last folder a file dialog used, and the window's geometry per screen.
CLASSROOM_KEYS = {"zoom", "layout", "layout/plots", "files/last_folder"}
SCREEN_PREFIX = "screens/"  # screens/<screen key>/geometry
LAYOUTS = ("beginner", "full")


class Settings:
    def __init__(self):
        path = paths.config_dir() / "gradlab.ini"
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self.path = path
        self.problem: str | None = None  # why the defaults were used, if they were
        status = self._qs.status()
        keys = set(self._qs.allKeys())
        unknown = {k for k in keys - KNOWN_KEYS - CLASSROOM_KEYS if not _screen_key(k)}
        if status != QSettings.Status.NoError or unknown:
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
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

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

    # ------------------------------------------------------ the classroom's
    @property
    def zoom(self) -> float:
        from gradlab.ui import zoom

        return zoom.valid(self._qs.value("zoom", zoom.DEFAULT))

    @zoom.setter
    def zoom(self, value: float) -> None:
        from gradlab.ui import zoom

        self._set("zoom", zoom.valid(value))

    @property
    def layout(self) -> str | None:
        """The named layout last chosen (None before the first start ended)."""
        value = self._qs.value("layout")
        return value if isinstance(value, str) and value in LAYOUTS else None

    @layout.setter
    def layout(self, value: str) -> None:
        self._set("layout", value if value in LAYOUTS else "beginner")

    @property
    def plots_shown(self) -> list[str] | None:
        """Object names of the plots shown in the middle (None: not saved yet)."""
        value = self._qs.value("layout/plots")
        if value is None:
            return None
        if isinstance(value, str):
            value = [value] if value else []
        if not isinstance(value, list):
            return None
        return [v for v in value if isinstance(v, str)]

    @plots_shown.setter
    def plots_shown(self, names: list[str]) -> None:
        # An empty list is stored as "" (QSettings' INI format drops empty lists).
        self._set("layout/plots", list(names) if names else "")

    @property
    def last_folder(self) -> str | None:
        value = self._qs.value("files/last_folder")
        return value if isinstance(value, str) and value else None

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._set("files/last_folder", str(folder))

    def save_window_state(self, state: QByteArray) -> None:
        """The docks' arrangement (the geometry is kept per screen)."""
        self._set("window/state", state)

    def screen_geometry(self, screen: str) -> QByteArray | None:
        """The window's geometry last used on the screen named `screen` (see
        layouts.screen_key)."""
        return self._bytes(f"{SCREEN_PREFIX}{screen}/geometry")

    def save_screen_geometry(self, screen: str, geometry: QByteArray) -> None:
        self._set(f"{SCREEN_PREFIX}{screen}/geometry", geometry)

    def _set(self, key: str, value) -> None:
        self._qs.setValue(key, value)
        self._qs.setValue("version", VERSION)
        self._qs.sync()


def _screen_key(key: str) -> bool:
    """True for a key of the per-screen geometry: screens/<name>/geometry."""
    if not key.startswith(SCREEN_PREFIX) or not key.endswith("/geometry"):
        return False
    name = key[len(SCREEN_PREFIX) : -len("/geometry")]
    return bool(name) and "/" not in name
