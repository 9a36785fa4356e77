"""Interface language: 简体中文 or English, from --lang, the settings, or the
system locale; Qt translators for GradLab's strings and for Qt's own dialogs."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from gradlab.core import codegen_text

LANGUAGES = ("en", "zh_CN")


def resolve(requested: str | None) -> str:
    """'en' or 'zh_CN' for a request ('system', None or a language code)."""
    if requested in LANGUAGES:
        return requested
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def qm_path(lang: str) -> str:
    return str(files("gradlab") / "assets" / "i18n" / f"gradlab_{lang}.qm")


def install(app, lang: str) -> list[QTranslator]:
    """Load the translators for `lang` into the app (kept alive by the app)."""
    translators = []
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        translators.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    app.setProperty("gradlab_language", lang)
    return translators


def current(app) -> str:
    value = app.property("gradlab_language")
    return value if value in LANGUAGES else "en"


def script_language() -> str:
    """The language of generated scripts' comments: the interface's."""
    return codegen_text.language(QLocale().name())
