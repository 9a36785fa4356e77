"""The lessons: Markdown files shipped in the package, one folder per language.

Lessons live in `gradlab/assets/lessons/<language>/NN-slug.md`; every language has
the same slugs. A lesson's title is its first `# ` heading. Lessons may contain
live values written `{{live:NAME}}`: NAME must be one of the fixed functions in
`LIVE`, which compute the value with torch right now. Nothing in a lesson file is
ever evaluated: an unknown name renders as a visible marker, never as code.

A `gradlab:challenge/ID` link opens a built-in challenge (core/exercise.py) in
the Exercises panel, and renders with a "✓ " before its text once the student
passed it; `gradlab:predict/on` turns predict mode on.

A check question's answer sits between a line `<!-- answer -->` and a line
`<!-- /answer -->`: it renders as a "Show the answer" link (`gradlab:answer/N`, N
counting the lesson's answers from 1) until the reader asks for it. Sections whose
heading starts with "Going deeper" / "深入" are optional; they come last.

torch is imported only inside the live functions, so listing and loading lessons
costs nothing; `render(..., live=False)` shows "…" instead of every live value
(the GUI does that until its worker has imported torch).

The live functions never draw from torch's global random generator (they seed
their own torch.Generator): the training worker seeds that one in another thread,
and a draw from here in between would change its data.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from importlib import resources

from gradlab.core import codegen_text, live_data, live_training, live_values

LANGUAGES = ("en", "zh_CN")
PENDING = "…"  # shown for a live value until torch is loaded

ANSWER_RE = re.compile(
    r"^[ \t]*<!--\s*answer\s*-->[ \t]*\n(.*?)\n[ \t]*<!--\s*/answer\s*-->[ \t]*$", re.S | re.M
)
ANSWER_PREFIX = "answer/"  # gradlab:answer/<n> shows or hides answer n
SHOW_PREFIX = "show/"  # gradlab:show/<name> reveals a panel or plot of the window
CHALLENGE_PREFIX = "challenge/"  # gradlab:challenge/<id> opens a built-in challenge
PREDICT_PREFIX = "predict/"  # gradlab:predict/on turns predict mode on
PASSED_MARK = "✓ "
CHALLENGE_LINK_RE = re.compile(r"\[([^\]\n]*)\]\(\s*gradlab:challenge/([a-z0-9-]+)\s*\)")
# What a lesson may reveal: the object names of the window's plots and docks.
SHOWABLE = frozenset(
    {
        "paramPlot",
        "gradPlot",
        "dataPlot",
        "landscapePlot",
        "graphDock",
        "messagesDock",
        "mathsDock",
        "optimizerStateDock",
        "sessionLogDock",
        "labDock",
    }
)
DEEPER_HEADINGS = {"en": "Going deeper", "zh_CN": "深入"}
PLACEHOLDER_RE = re.compile(r"\{\{\s*live:([^{}]*?)\s*\}\}")
TRY_LINK_RE = re.compile(r"\]\(\s*gradlab:try/([^)\s]*)\s*\)")
LESSON_FILE_RE = re.compile(r"^(\d{2})-([a-z0-9-]+)\.md$")
_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class LessonInfo:
    slug: str  # "05-mse-loss": the file name without .md, the same in every language
    number: int
    title: str  # the first "# " heading, without the "# "
    language: str


# ---------------------------------------------------------------- languages
# 'zh_CN' for any Chinese locale name (zh, zh_CN, zh-Hans, zh_TW...), else 'en':
# the one rule the interface, the lessons and the generated scripts share.
normalize_language = codegen_text.language


# ------------------------------------------------------------------- files
def _folder(lang: str):
    return resources.files("gradlab").joinpath("assets", "lessons", normalize_language(lang))


def list_lessons(lang: str) -> list[LessonInfo]:
    """The lessons of a language, in order (by their number)."""
    lang = normalize_language(lang)
    folder = _folder(lang)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = LESSON_FILE_RE.match(entry.name)
        if match and entry.is_file():
            text = entry.read_text(encoding="utf-8")
            slug = entry.name[: -len(".md")]
            found.append(LessonInfo(slug, int(match.group(1)), title_of(text, slug), lang))
    return sorted(found, key=lambda info: (info.number, info.slug))


def load_lesson(slug: str, lang: str) -> str:
    """The Markdown source of one lesson. KeyError for a slug that is not a lesson."""
    if not LESSON_FILE_RE.match(slug + ".md"):
        raise KeyError(slug)
    entry = _folder(lang).joinpath(slug + ".md")
    if not entry.is_file():
        raise KeyError(slug)
    return entry.read_text(encoding="utf-8")


def title_of(markdown: str, default: str = "") -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def try_links(markdown: str) -> list[str]:
    """The try-it names linked from a lesson, in order of appearance."""
    return TRY_LINK_RE.findall(markdown)


def placeholders(markdown: str) -> list[str]:
    """The live-value names a lesson uses, in order of appearance."""
    return [m.strip() for m in PLACEHOLDER_RE.findall(markdown)]


def answers(markdown: str) -> list[str]:
    """The answers of a lesson's check questions, in order (their Markdown)."""
    return [m.strip() for m in ANSWER_RE.findall(markdown)]


def beginner_part(markdown: str, lang: str) -> str:
    """The lesson without its optional parts: everything before the first heading
    starting with "Going deeper" / "深入"; nothing when the title itself does."""
    word = DEEPER_HEADINGS[normalize_language(lang)]
    if title_of(markdown).startswith(word):
        return ""
    match = re.search(rf"^#+ {re.escape(word)}", markdown, re.M)
    return markdown[: match.start()] if match else markdown


# --------------------------------------------------------------- rendering
def render(
    markdown: str,
    lang: str,
    live: bool = True,
    shown_answers: Collection[int] = (),
    passed: Collection[str] = (),
) -> str:
    """The lesson with every `{{live:NAME}}` replaced by its value (or by "…" when
    `live` is false), every answer hidden behind its link, unless its number
    is in `shown_answers`, and a tick before the links of the challenges whose
    ids are in `passed`. One pass: a value's text is never scanned again."""
    lang = normalize_language(lang)
    markdown = _challenges_ticked(markdown, set(passed))

    def replace(match: re.Match) -> str:
        name = match.group(1).strip()
        if name not in LIVE:
            return _unknown_marker(name, lang)
        if not live:
            return PENDING
        return live_value(name, lang)

    return PLACEHOLDER_RE.sub(replace, _answers_shown(markdown, lang, set(shown_answers)))


def challenge_links(markdown: str) -> list[str]:
    """The ids of the challenges a lesson links to, in order of appearance."""
    return [m.group(2) for m in CHALLENGE_LINK_RE.finditer(markdown)]


def _challenges_ticked(markdown: str, passed: set[str]) -> str:
    def replace(match: re.Match) -> str:
        text, name = match.group(1), match.group(2)
        if name not in passed:
            return match.group(0)
        text = text.removeprefix("▶ ")  # the tick takes the arrow's place
        return f"[{PASSED_MARK}{text}](gradlab:{CHALLENGE_PREFIX}{name})"

    return CHALLENGE_LINK_RE.sub(replace, markdown) if passed else markdown


def _answers_shown(markdown: str, lang: str, shown: set[int]) -> str:
    zh = lang == "zh_CN"
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        count += 1
        link = f"gradlab:{ANSWER_PREFIX}{count}"
        if count not in shown:
            return f"[{'▶ 看答案' if zh else '▶ Show the answer'}]({link})"
        label = "**答案：**" if zh else "**Answer:**"
        hide = f"[{'▲ 收起答案' if zh else '▲ Hide the answer'}]({link})"
        return f"{label} {match.group(1).strip()}\n\n{hide}"

    return ANSWER_RE.sub(replace, markdown)


def render_lesson(
    slug: str, lang: str, live: bool = True, shown_answers: Collection[int] = ()
) -> str:
    return render(load_lesson(slug, lang), lang, live, shown_answers)


def live_value(name: str, lang: str) -> str:
    """The Markdown text of one live value; a visible marker if it is unknown or
    its computation failed (a lesson never crashes the app)."""
    lang = normalize_language(lang)
    if name not in LIVE:
        return _unknown_marker(name, lang)
    return _computed(name, lang)


def _computed(name: str, lang: str) -> str:
    # Every value is deterministic (fixed seeds, fixed inputs): compute it once.
    key = (name, lang)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    try:
        value = LIVE[name](lang)
    except Exception as exc:  # noqa: BLE001 - shown to the reader instead (and kept)
        word = "无法计算" if lang == "zh_CN" else "could not compute"
        value = f"**⚠ {word} `{name}`: {type(exc).__name__}**"
    with _cache_lock:
        return _cache.setdefault(key, value)


def pending_live(markdown: str, lang: str) -> list[str]:
    """The known live values of a lesson not computed yet (rendering them costs
    time; everything else renders instantly)."""
    lang = normalize_language(lang)
    with _cache_lock:
        names = [n for n in placeholders(markdown) if n in LIVE and (n, lang) not in _cache]
    return list(dict.fromkeys(names))


_cache: dict[tuple[str, str], str] = {}
_cache_lock = threading.Lock()


def _unknown_marker(name: str, lang: str) -> str:
    shown = _SAFE_NAME_RE.sub("?", name)[:40] or "?"
    word = "未知的实时数值" if lang == "zh_CN" else "unknown live value"
    return f"**⚠ {word} `{shown}`**"


# ------------------------------------------------------------ live values
LIVE: dict[str, Callable[[str], str]] = {
    **live_values.LIVE,
    **live_training.LIVE,
    **live_data.LIVE,
}
"""Every live value a lesson may name: a fixed function of the language."""
