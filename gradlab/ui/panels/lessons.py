"""The lesson browser: the course in Markdown, with live values, "Try it" links and
check questions whose answers show on request.

Lessons come from gradlab.core.lessons; a `gradlab:try/<name>` link never
navigates: it sets the app up through the controller (gradlab.core.tryit says
how), after asking when it would discard updates. A `gradlab:data/<name>` link
opens one of the example data sets by its name (core.example_data: a name, never
a path). A `gradlab:answer/<n>` link shows or hides answer n of the lesson (the
lesson is rendered again: nothing in it is ever run). A `gradlab:show/<name>`
link reveals a panel or plot by its object name (the window shows it and says
where). Live values need torch:
until the worker has loaded it they show "…", then they are computed once in a
background thread and the lesson re-renders.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gradlab.core import lessons
from gradlab.core.example_data import EXAMPLES
from gradlab.core.example_data import URL_PREFIX as DATA_PREFIX
from gradlab.core.tryit import TRY_IT, URL_PREFIX, URL_SCHEME
from gradlab.ui import exercise_texts, zoom
from gradlab.ui.tryit_text import ask_to_start_over, try_it_text

__all__ = ["LessonPanel", "try_it_text"]

translate = QCoreApplication.translate

LESSON_PREFIX = "lesson/"  # gradlab:lesson/<slug> opens another lesson
ANSWER_PREFIX = lessons.ANSWER_PREFIX  # gradlab:answer/<n> shows or hides answer n
SHOW_PREFIX = lessons.SHOW_PREFIX  # gradlab:show/<objectName> reveals a panel or a plot
SHOWABLE = lessons.SHOWABLE
CHALLENGE_PREFIX = lessons.CHALLENGE_PREFIX
PREDICT_PREFIX = lessons.PREDICT_PREFIX


def ui_language() -> str:
    """The lessons' language for the current UI: zh_CN for any Chinese locale."""
    return lessons.normalize_language(QLocale().name())


def show_link_name(name: str) -> str:
    """What a `gradlab:show/<name>` link reveals, for its tooltip."""
    return {
        "paramPlot": translate("LessonPanel", "the parameters plot"),
        "gradPlot": translate("LessonPanel", "the gradients plot"),
        "dataPlot": translate("LessonPanel", "the data and fitted line plot"),
        "landscapePlot": translate("LessonPanel", "the loss landscape"),
        "graphDock": translate("LessonPanel", "the Graph panel"),
        "messagesDock": translate("LessonPanel", "the Messages panel"),
        "mathsDock": translate("LessonPanel", "the Maths panel"),
        "optimizerStateDock": translate("LessonPanel", "the Optimizer state panel"),
        "sessionLogDock": translate("LessonPanel", "the Session as code panel"),
        "labDock": translate("LessonPanel", "the Lab panel"),
    }.get(name, name)


class LessonView(QTextBrowser):
    """The lesson text. Hovering a link says what it does; hovering prose shows
    nothing (a tooltip popping up over the text being read only gets in the way)."""

    def __init__(self, link_tip, parent=None):
        super().__init__(parent)
        self._link_tip = link_tip

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            anchor = self.anchorAt(event.pos())
            tip = self._link_tip(anchor) if anchor else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class LessonPanel(QWidget):
    """Lesson list, previous/next, and the lesson itself in `lessonView`."""

    tryItRequested = Signal(str)  # a try-it link was activated (its name)
    revealRequested = Signal(str)  # a show link: the panel's or plot's object name
    tryItApplied = Signal(str, str)  # name, one translated sentence of what it set up
    lessonChanged = Signal(str)  # slug of the lesson now shown
    challengeRequested = Signal(str)  # a challenge link: the built-in challenge's id
    predictRequested = Signal()  # a predict link: turn predict mode on
    _liveComputed = Signal(str, str)  # slug, language (from the background thread)

    def __init__(self, controller, colours, parent=None, language: str | None = None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.controller = controller
        self._colours = colours
        self._language = lessons.normalize_language(language or ui_language())
        self._infos: list[lessons.LessonInfo] = []
        self._slug: str | None = None
        self._pending_try: str | None = None  # asked for before the worker was ready
        self._run_when_stopped = False  # run once the reset has stopped the old run
        self._computing: set[tuple[str, str]] = set()
        self._alive = True
        self._markdown = ""
        self._passed: set[str] = set()  # the challenges ticked in the lesson shown
        self._waiting = False
        self._shown_answers: dict[str, set[int]] = {}  # slug -> answers the reader opened
        self.confirm_box = None  # the question open while a try-it link asks

        self.prev_button = QToolButton()
        self.prev_button.setObjectName("lessonPrevButton")
        self.prev_button.setText("◀")
        self.prev_button.clicked.connect(self.previous_lesson)
        self.next_button = QToolButton()
        self.next_button.setObjectName("lessonNextButton")
        self.next_button.setText("▶")
        self.next_button.clicked.connect(self.next_lesson)
        self.lesson_list = QComboBox()
        self.lesson_list.setObjectName("lessonList")
        # Long titles must not force the dock wider than a small screen allows.
        self.lesson_list.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lesson_list.setMinimumContentsLength(12)
        self.lesson_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lesson_list.currentIndexChanged.connect(self._on_index)
        self.position = QLabel()
        self.position.setObjectName("lessonPosition")

        self.view = LessonView(self.link_tooltip)
        self.view.setObjectName("lessonView")
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self.on_anchor_clicked)
        self.view.document().setDocumentMargin(10)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.prev_button)
        top.addWidget(self.lesson_list, 1)
        top.addWidget(self.next_button)
        top.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self._liveComputed.connect(self._on_live_computed)
        controller.readyChanged.connect(self._on_ready)
        controller.runningChanged.connect(self._on_running)
        controller.exercises.progressChanged.connect(self._on_progress)
        self.destroyed.connect(self._mark_dead)
        self._retranslate()
        self._fill_list()

    # ------------------------------------------------------------ public API
    @property
    def language(self) -> str:
        return self._language

    def set_language(self, lang: str | None) -> None:
        """Show the lessons in another language (zh_CN or en), keeping the lesson."""
        lang = lessons.normalize_language(lang)
        if lang == self._language:
            return
        self._language = lang
        self._retranslate()
        self._fill_list()

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self._render()

    def apply_zoom(self, _factor: float) -> None:
        """Headings and code are sized from the text's font: lay the lesson out again."""
        self._render()

    def lesson_slugs(self) -> list[str]:
        return [info.slug for info in self._infos]

    def lesson_titles(self) -> list[str]:
        return [info.title for info in self._infos]

    def current_slug(self) -> str | None:
        return self._slug

    def show_lesson(self, slug: str) -> bool:
        """Open a lesson by slug ("05-mse-loss"); False if there is no such lesson."""
        slugs = self.lesson_slugs()
        if slug not in slugs:
            return False
        self.lesson_list.setCurrentIndex(slugs.index(slug))
        return True

    @Slot()
    def next_lesson(self) -> None:
        i = self.lesson_list.currentIndex()
        if i + 1 < self.lesson_list.count():
            self.lesson_list.setCurrentIndex(i + 1)

    @Slot()
    def previous_lesson(self) -> None:
        i = self.lesson_list.currentIndex()
        if i > 0:
            self.lesson_list.setCurrentIndex(i - 1)

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        """A link in the lesson: try-it links set the app up, lesson links open a
        lesson, web links open in the browser. Nothing navigates the view."""
        if url.scheme() == URL_SCHEME:
            path = url.path()
            if path.startswith(URL_PREFIX):
                name = path[len(URL_PREFIX) :]
                self.tryItRequested.emit(name)
                self.request_try_it(name)
            elif path.startswith(SHOW_PREFIX):
                name = path[len(SHOW_PREFIX) :]
                if name in SHOWABLE:
                    self.revealRequested.emit(name)
            elif path.startswith(LESSON_PREFIX):
                self.show_lesson(path[len(LESSON_PREFIX) :])
            elif path.startswith(DATA_PREFIX):
                self.controller.data_editor.open_example(path[len(DATA_PREFIX) :])
            elif path.startswith(ANSWER_PREFIX):
                self.toggle_answer(_answer_number(path[len(ANSWER_PREFIX) :]))
            elif path.startswith(CHALLENGE_PREFIX):
                name = path[len(CHALLENGE_PREFIX) :]
                if self.controller.exercises.builtin(name) is not None:
                    self.challengeRequested.emit(name)
            elif path == PREDICT_PREFIX + "on":
                self.predictRequested.emit()
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    def toggle_answer(self, number: int | None) -> bool:
        """Show answer `number` (from 1) of the current lesson, or hide it again.
        False for a number the lesson does not have."""
        if self._slug is None or number is None:
            return False
        source = lessons.load_lesson(self._slug, self._language)
        if not 1 <= number <= len(lessons.answers(source)):
            return False
        shown = self._shown_answers.setdefault(self._slug, set())
        shown.symmetric_difference_update({number})
        self._render()
        return True

    def shown_answers(self) -> set[int]:
        """The answers of the current lesson the reader has opened."""
        return set(self._shown_answers.get(self._slug or "", ()))

    def request_try_it(self, name: str) -> bool:
        """A try-it link was clicked: set up now, or first ask when that would
        discard updates the student made. False for an unknown name."""
        if name not in TRY_IT:
            return False
        snap = self.controller.snapshot
        updates = snap.step if snap is not None and self.controller.ready else 0
        if updates <= 0:
            return self.apply_try_it(name)
        self.confirm_box = ask_to_start_over(self, name, updates, self._on_confirm)
        return True

    def _on_confirm(self, name: str, accepted: bool) -> None:
        self.confirm_box = None
        if accepted:
            self.apply_try_it(name)

    def apply_try_it(self, name: str) -> bool:
        """Set the app up as the try-it entry says: a fresh experiment with its
        settings, the mistake mode, the speed, and running if it asks. Before the
        worker is ready the request waits for it. False for an unknown name."""
        entry = TRY_IT.get(name)
        if entry is None:
            return False
        c = self.controller
        if not c.ready:
            self._pending_try = name
            return True
        config = entry.config()
        c.apply_config(config, reason="tryit", skip_zero_grad=entry.skip_zero_grad)
        if entry.speed is not None:
            c.set_speed(entry.speed)
        self._run_when_stopped = False
        if entry.compare:
            # Side by side from the same start: compare mode runs them itself.
            c.start_compare([dict(v) for v in entry.compare])
        elif entry.run:
            if c.running:
                # The reset stops the old run; the GUI hears it with the next frame.
                self._run_when_stopped = True
            else:
                c.run()
        self.tryItApplied.emit(name, try_it_text(name))
        return True

    def link_tooltip(self, href: str) -> str:
        """What a link in the lesson does, in the UI language."""
        url = QUrl(href)
        if url.scheme() == URL_SCHEME:
            path = url.path()
            if path.startswith(URL_PREFIX) and path[len(URL_PREFIX) :] in TRY_IT:
                return try_it_text(path[len(URL_PREFIX) :])
            if path.startswith(SHOW_PREFIX) and path[len(SHOW_PREFIX) :] in SHOWABLE:
                return translate("LessonPanel", "Show {panel} in the window.").format(
                    panel=show_link_name(path[len(SHOW_PREFIX) :])
                )
            if path.startswith(ANSWER_PREFIX):
                number = _answer_number(path[len(ANSWER_PREFIX) :])
                if number in self.shown_answers():
                    return translate("LessonPanel", "Hide the answer again.")
                return translate(
                    "LessonPanel", "Show the answer and the reason. Make your guess first!"
                )
            if path.startswith(DATA_PREFIX) and path[len(DATA_PREFIX) :] in EXAMPLES:
                return translate(
                    "LessonPanel",
                    "Train on this example data set; the other settings stay (Ctrl+Z undoes).",
                )
            if path.startswith((CHALLENGE_PREFIX, PREDICT_PREFIX)):
                return exercise_texts.link_tip(self.controller.exercises, path)
            if path.startswith(LESSON_PREFIX):
                slug = path[len(LESSON_PREFIX) :]
                titles = dict(zip(self.lesson_slugs(), self.lesson_titles(), strict=True))
                if slug in titles:
                    return translate("LessonPanel", "Open the lesson “{title}”").format(
                        title=titles[slug]
                    )
            return ""
        return href

    @property
    def waiting_for_live_values(self) -> bool:
        """True while the lesson shows "…" for values torch has not computed yet."""
        return self._waiting

    def rendered_markdown(self) -> str:
        """The current lesson as shown (live values or "…" filled in)."""
        return self._markdown

    # --------------------------------------------------------------- reacting
    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        if ready:
            self._render()
            if self._pending_try is not None:
                name, self._pending_try = self._pending_try, None
                self.request_try_it(name)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if not running and self._run_when_stopped:
            self._run_when_stopped = False
            self.controller.run()

    @Slot(int)
    def _on_index(self, index: int) -> None:
        if 0 <= index < len(self._infos):
            self._slug = self._infos[index].slug
            self._render(scroll_top=True)
            self.lessonChanged.emit(self._slug)
        self._update_buttons()

    @Slot(str, str)
    def _on_live_computed(self, slug: str, lang: str) -> None:
        self._computing.discard((slug, lang))
        if slug == self._slug and lang == self._language:
            self._render()

    def _mark_dead(self) -> None:
        self._alive = False

    # ---------------------------------------------------------------- build
    def _retranslate(self) -> None:
        self.prev_button.setToolTip(translate("LessonPanel", "Previous lesson"))
        self.next_button.setToolTip(translate("LessonPanel", "Next lesson"))
        self.lesson_list.setToolTip(
            translate("LessonPanel", "Choose a lesson. They follow the training loop in order.")
        )
        self.position.setToolTip(translate("LessonPanel", "Lesson number, of all lessons"))
        self.view.setToolTip(
            translate(
                "LessonPanel",
                "The lesson. Values said to be computed “just now” come from PyTorch on this "
                "machine. A “▶ Try it” link sets the app up to show the lesson's point: hover "
                "it to see how.",
            )
        )

    def _fill_list(self) -> None:
        keep = self._slug
        self._infos = lessons.list_lessons(self._language)
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for info in self._infos:
            self.lesson_list.addItem(f"{info.number}. {info.title}", info.slug)
            self.lesson_list.setItemData(
                self.lesson_list.count() - 1, info.title, Qt.ItemDataRole.ToolTipRole
            )
        slugs = self.lesson_slugs()
        index = slugs.index(keep) if keep in slugs else (0 if slugs else -1)
        self.lesson_list.setCurrentIndex(index)
        self.lesson_list.blockSignals(False)
        self._on_index(index)

    def _update_buttons(self) -> None:
        i, n = self.lesson_list.currentIndex(), self.lesson_list.count()
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(0 <= i < n - 1)
        self.position.setText(f"{i + 1}/{n}" if n else "")

    # ------------------------------------------------------------ rendering
    @Slot()
    def _on_progress(self) -> None:
        """A challenge's tick is in the lessons: render again when the challenges
        passed changed, not for every prediction or name typed."""
        if self.controller.exercises.passed_builtin_ids() != self._passed:
            self._render()

    def _render(self, scroll_top: bool = False) -> None:
        if self._slug is None:
            self._markdown = ""
            self._waiting = False
            self.view.clear()
            return
        source = lessons.load_lesson(self._slug, self._language)
        live = bool(self.controller.ready)
        if live and lessons.pending_live(source, self._language):
            live = False
            self._compute_live(self._slug, source)
        shown = self._shown_answers.get(self._slug, ())
        self._passed = self.controller.exercises.passed_builtin_ids()
        self._markdown = lessons.render(
            source, self._language, live=live, shown_answers=shown, passed=self._passed
        )
        self._waiting = not live and bool(lessons.placeholders(source))
        bar = self.view.verticalScrollBar()
        position = 0 if scroll_top else bar.value()
        self.view.document().setDefaultFont(QApplication.font())  # inline code follows it
        self.view.setMarkdown(self._markdown)
        self._style_document()
        bar.setValue(position)

    def _compute_live(self, slug: str, source: str) -> None:
        """Compute the lesson's live values off the GUI thread (training a few
        hundred updates for a table takes a noticeable moment)."""
        key = (slug, self._language)
        if key in self._computing:
            return
        self._computing.add(key)
        names = lessons.pending_live(source, self._language)
        lang = self._language

        def work():
            for name in names:
                lessons.live_value(name, lang)
            if self._alive:
                with contextlib.suppress(RuntimeError):  # the panel was deleted meanwhile
                    self._liveComputed.emit(slug, lang)

        threading.Thread(target=work, name="GradLabLessonValues", daemon=True).start()

    def _style_document(self) -> None:
        """Readable code in both themes: a tinted box for code blocks and quoted
        messages, a tint for inline code, and headings sized for a narrow dock."""
        doc = self.view.document()
        base = QColor(self._colours.background)
        fg = QColor(self._colours.foreground)
        dark = base.lightness() < 128
        code_bg = QColor("#2b2d30") if dark else QColor("#f1f3f5")
        inline_bg = QColor("#34373b") if dark else QColor("#eceef1")
        mono = zoom.fixed_font()
        # The application's font, not the view's: right after a zoom the view may
        # not have taken the new size yet.
        body_pt = QApplication.font().pointSizeF()
        heading_pt = {1: body_pt * 1.45, 2: body_pt * 1.15, 3: body_pt * 1.05}
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        block = doc.begin()
        while block.isValid():
            fmt = block.blockFormat()
            level = fmt.headingLevel()
            if fmt.hasProperty(QTextFormat.Property.BlockCodeFence):
                bf = QTextBlockFormat()
                bf.setBackground(code_bg)
                bf.setTextIndent(8)  # every code line is its own block
                # A little air above and below the whole block, not between its lines.
                if (
                    not block.previous()
                    .blockFormat()
                    .hasProperty(QTextFormat.Property.BlockCodeFence)
                ):
                    bf.setTopMargin(4)
                if not block.next().blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence):
                    bf.setBottomMargin(6)
                _set_block_format(cursor, block, bf, mono, body_pt * 0.95, fg)
            elif fmt.hasProperty(QTextFormat.Property.BlockQuoteLevel):
                # A quoted PyTorch message: tinted like code, but it wraps.
                bf = QTextBlockFormat()
                bf.setBackground(code_bg)
                bf.setLeftMargin(8)
                bf.setTextIndent(0)
                bf.setTopMargin(2)
                bf.setBottomMargin(6)
                _set_block_format(cursor, block, bf, mono, body_pt * 0.9, fg)
            else:
                if level in heading_pt:
                    if level > 1:
                        bf = QTextBlockFormat()
                        bf.setTopMargin(10)
                        bf.setBottomMargin(4)
                        cursor.setPosition(block.position())
                        cursor.mergeBlockFormat(bf)
                    # Markdown headings come with a relative size (up to 2x the text):
                    # replace it by a fixed one that suits a narrow dock.
                    _resize_heading(cursor, block, heading_pt[level])
                it = block.begin()
                while not it.atEnd():
                    frag = it.fragment()
                    if frag.isValid() and frag.charFormat().fontFixedPitch():
                        cf = QTextCharFormat()
                        cf.setBackground(inline_bg)
                        cursor.setPosition(frag.position())
                        cursor.setPosition(
                            frag.position() + frag.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.mergeCharFormat(cf)
                    it += 1
            block = block.next()
        cursor.endEditBlock()


def _answer_number(text: str) -> int | None:
    """The n of a `gradlab:answer/<n>` link, or None if it is not a small number."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None


def _resize_heading(cursor: QTextCursor, block, point_size: float) -> None:
    """Give a heading block a fixed point size (the size adjustment must be removed,
    not merged: while present it decides the size)."""
    spans = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            spans.append((frag.position(), frag.length(), frag.charFormat()))
        it += 1
    for position, length, fmt in spans:
        fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        fmt.setFontPointSize(point_size)
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    block_fmt = block.charFormat()
    block_fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
    block_fmt.setFontPointSize(point_size)
    cursor.setPosition(block.position())
    cursor.setBlockCharFormat(block_fmt)


def _set_block_format(cursor, block, block_format, font, point_size, colour) -> None:
    """Give one block `block_format`, and all its text `font` at `point_size`."""
    cursor.setPosition(block.position())
    cursor.mergeBlockFormat(block_format)
    chars = QTextCharFormat()
    chars.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    chars.setFontPointSize(point_size)
    chars.setForeground(colour)
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(chars)
