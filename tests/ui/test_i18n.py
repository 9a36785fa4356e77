"""Interface translations (简体中文, English): complete, compiled, and used by the window.

The .ts files in resources/i18n are the sources; `make translations` updates them
from the code and compiles gradlab/assets/i18n/*.qm. When one of these tests
fails, it names the entries: translate them (Qt Linguist or by hand) and run
`make translations` again.
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu

ROOT = Path(__file__).resolve().parents[2]
translate = QCoreApplication.translate


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "gradlab_translations_tool", ROOT / "tools" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
LANGS = tool.LANGUAGES
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
FIX = "translate them in resources/i18n/gradlab_<lang>.ts, then run `make translations`"


def _qt_tool(name: str) -> str | None:
    beside_python = Path(sys.executable).parent / name
    return str(beside_python) if beside_python.exists() else shutil.which(name)


def _listing(lines) -> str:
    return "\n  ".join(lines)


@pytest.fixture(scope="module")
def calls():
    found, unreadable = tool.scan()
    assert not unreadable, (
        "translate() needs literal strings for its context and text (lupdate cannot read "
        "anything else):\n  " + _listing(unreadable)
    )
    return found


# ------------------------------------------------------------------ the sources


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_and_still_in_the_code(lang, calls):
    problems = tool.problems(lang, calls=calls)
    assert not problems, f"{len(problems)} problem(s); {FIX}:\n  " + _listing(problems)


def test_lupdate_on_the_current_code_finds_nothing_new(tmp_path, calls):
    """What `make translations` runs, on copies: no entry is added, dropped or left
    unfinished, so every translate() string of the code is in the .ts files."""
    lupdate = _qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with PySide6): cannot check")
    shim = tmp_path / "shim.py"
    tool.write_shim(shim, calls)
    copies = []
    for lang in LANGS:
        copy = tmp_path / tool.ts_path(lang).name
        shutil.copyfile(tool.ts_path(lang), copy)
        copies.append(copy)
    sources = [str(p.relative_to(ROOT)) for p in tool.source_files()]
    done = subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", "-source-language", "en", str(shim)]
        + sources
        + ["-ts", *map(str, copies)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for lang, copy in zip(LANGS, copies, strict=True):
        problems = tool.problems(lang, path=copy, calls=calls)
        assert not problems, f"after lupdate, {FIX}:\n  " + _listing(problems)
        before = {(e.context, e.source) for e in tool.read_ts(tool.ts_path(lang))[1]}
        after = {(e.context, e.source) for e in tool.read_ts(copy)[1]}
        assert after == before, (
            f"`make translations` would change {copy.name}: new "
            f"{sorted(after - before)}, gone {sorted(before - after)}"
        )


# ----------------------------------------------------------------- the .qm files


@pytest.mark.parametrize("lang", LANGS)
def test_qm_files_are_compiled_from_the_current_ts(lang, tmp_path):
    lrelease = _qt_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed: the translator check below still runs")
    fresh = tmp_path / f"gradlab_{lang}.qm"
    subprocess.run(
        [lrelease, "-silent", "-nounfinished", "-removeidentical"]
        + [str(tool.ts_path(lang)), "-qm", str(fresh)],
        check=True,
        timeout=60,
    )
    shipped = tool.qm_path(lang)
    assert shipped.exists(), f"{shipped} is missing: run `make translations`"
    assert shipped.read_bytes() == fresh.read_bytes(), (
        f"{shipped.name} is older than {tool.ts_path(lang).name}: run `make translations`"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_shipped_translator_gives_every_translation(lang, qapp):
    from gradlab.ui import i18n

    translator = QTranslator()
    assert translator.load(i18n.qm_path(lang)), f"cannot load {i18n.qm_path(lang)}"
    wrong = []
    for e in tool.read_ts(tool.ts_path(lang))[1]:
        comment = e.comment or None
        if e.numerus:
            counts = (1, 5) if len(e.forms) > 1 else (1,)
            for n, form in zip(counts, e.forms, strict=False):
                got = translator.translate(e.context, e.source, comment, n)
                if got != form:
                    wrong.append(f"[{e.context}] {e.source!r} n={n}: {got!r} != {form!r}")
        else:
            got = translator.translate(e.context, e.source, comment)
            # -removeidentical leaves out a translation equal to its source: Qt shows the source.
            if got != e.forms[0] and not (got == "" and e.forms[0] == e.source):
                wrong.append(f"[{e.context}] {e.source!r}: {got!r} != {e.forms[0]!r}")
    assert not wrong, "run `make translations`:\n  " + _listing(wrong)


# -------------------------------------------------------------------- plurals


def test_english_plurals_read_correctly(installed):
    from gradlab.ui.texts import message_text

    installed("en")
    assert translate("Controls", "%n update(s)/s", None, 1) == "1 update/s"
    assert translate("Controls", "%n update(s)/s", None, 5) == "5 updates/s"
    assert message_text("run.paused", {"n": 1, "total": 1}) == (
        "Paused: this run made 1 update, 1 in all."
    )
    assert message_text("run.paused", {"n": 0, "total": 7}) == (
        "Paused: this run made 0 updates, 7 in all."
    )
    assert message_text("compare.done", {"n": 300}) == "Comparison finished: 300 updates each."
    assert message_text("run.started", {"ups": 1}) == "Running at 1 update per second. F5 pauses."
    assert message_text("stepback.ok", {"n": 2, "step": 7}).startswith("Stepped back 2 updates.")


def test_chinese_has_one_plural_form(installed):
    from gradlab.ui.texts import message_text

    installed("zh_CN")
    assert translate("Controls", "%n update(s)/s", None, 1) == "1 次更新/秒"
    assert translate("Controls", "%n update(s)/s", None, 5) == "5 次更新/秒"
    assert message_text("run.paused", {"n": 1, "total": 1}) == (
        "已暂停：这次运行做了 1 次更新，总共 1 次。"
    )
    assert message_text("run.paused", {"n": 12, "total": 13}) == (
        "已暂停：这次运行做了 12 次更新，总共 13 次。"
    )
    text = message_text("stepback.ok", {"n": 3, "step": 4})
    assert "3" in text and "4" in text and "{" not in text


# ------------------------------------------------------------------ the window


def _strip_mnemonic(text: str) -> str:
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _visible_texts(win) -> list[tuple[str, str]]:
    """(what, text) of every button, check box, menu, action, group box, dock and
    form label of the window."""
    out = [("window title", win.windowTitle())]
    out += [
        (f"{type(b).__name__} {b.objectName()}", b.text())
        for b in win.findChildren(QAbstractButton)
    ]
    out += [(f"action of {type(a.parent()).__name__}", a.text()) for a in win.findChildren(QAction)]
    out += [("menu", m.title()) for m in win.findChildren(QMenu)]
    out += [("group box", g.title()) for g in win.findChildren(QGroupBox)]
    out += [("form label", lb.text()) for lb in win.findChildren(QLabel) if lb.buddy() is not None]
    return [(what, _strip_mnemonic(text)) for what, text in out]


def _is_code_or_name(text: str) -> bool:
    """Texts that stay as they are in every language: the loop's code on the phase
    buttons (y_pred = model(x) ...), the languages' own names, and symbols."""
    from gradlab.ui.panels.controls import PHASE_BUTTONS

    codes = {code for _phase, _name, code in PHASE_BUTTONS}
    numbered = {f"{i}  {code}" for i, (_p, _n, code) in enumerate(PHASE_BUTTONS, start=1)}
    return (
        text in codes | numbered | {"English", "简体中文"}
        or not re.search(r"[A-Za-z]", text)  # "", "◀", "▶"
    )


def _window(qtbot):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow(theme_name="light")
    qtbot.addWidget(win)
    return win


def test_the_window_speaks_chinese(qtbot, installed):
    installed("zh_CN")
    win = _window(qtbot)
    try:
        english = [
            f"{what}: {text!r}"
            for what, text in _visible_texts(win)
            if not _is_code_or_name(text) and not CJK.search(text)
        ]
        assert not english, "not translated in the zh_CN window:\n  " + _listing(english)
        assert win.findChild(QAbstractButton, "nextPhaseButton").text() == "下一行（F10）"
    finally:
        win.close()


def test_the_window_speaks_english(qtbot, installed):
    installed("en")
    win = _window(qtbot)
    try:
        chinese = [
            f"{what}: {text!r}"
            for what, text in _visible_texts(win)
            if CJK.search(text) and text != "简体中文"
        ]
        assert not chinese, "Chinese in the en window:\n  " + _listing(chinese)
        assert win.findChild(QAbstractButton, "nextPhaseButton").text() == "Next phase (F10)"
    finally:
        win.close()
