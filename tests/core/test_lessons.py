"""The lessons: both languages complete and parallel, every link and live value
known, answers behind their links, optional parts last, nothing executed.

The numbers the lessons state are pinned against torch in test_lesson_numbers.py."""

import builtins
import re
import subprocess
import sys
import unicodedata

import pytest
import torch

from gradlab.core import lessons
from gradlab.core.example_data import EXAMPLES
from gradlab.core.exercise import builtin
from gradlab.core.lessons import SHOWABLE
from gradlab.core.tryit import TRY_IT

LANGS = lessons.LANGUAGES
CHECK_HEADING = {"en": "## Predict, then check", "zh_CN": "## 先猜再试"}
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`]*`")


def all_lessons():
    return [(lang, info) for lang in LANGS for info in lessons.list_lessons(lang)]


def prose(markdown: str) -> str:
    return INLINE_CODE.sub("", FENCE.sub("", markdown))


def source(slug, lang):
    return lessons.load_lesson(slug, lang)


def fully_rendered(slug, lang):
    """The lesson with every answer shown."""
    text = source(slug, lang)
    return lessons.render(text, lang, shown_answers=range(1, len(lessons.answers(text)) + 1))


def course(lang="en", part=None):
    texts = []
    for info in lessons.list_lessons(lang):
        text = source(info.slug, lang)
        texts.append(part(text, lang) if part else text)
    return texts


def test_both_languages_have_the_same_lessons_in_order():
    en = lessons.list_lessons("en")
    zh = lessons.list_lessons("zh_CN")
    assert 14 <= len(en) <= 18
    assert [i.slug for i in en] == [i.slug for i in zh]
    assert [i.number for i in en] == list(range(1, len(en) + 1))
    for info in en + zh:
        assert info.title and not info.title.startswith("#")


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_has_check_questions_with_answers(lang):
    for info in lessons.list_lessons(lang):
        text = source(info.slug, lang)
        tail = lessons.beginner_part(text, lang) or text
        tail = tail.split(CHECK_HEADING[lang], 1)
        assert len(tail) == 2, f"{lang}/{info.slug} has no check section"
        assert "?" in tail[1] or "？" in tail[1], f"{lang}/{info.slug}: no question"
        answers = lessons.answers(tail[1])
        assert answers, f"{lang}/{info.slug}: a check question without its answer"
        for answer in answers:
            # An answer teaches: more than a word, and it starts with prose.
            assert len(answer) > 20 and not answer.startswith(("```", "{{", ">", "|"))
        # Answers live in the check section only, never in the text before it.
        assert not lessons.answers(tail[0]), info.slug


def test_both_languages_ask_the_same_number_of_questions():
    for info in lessons.list_lessons("en"):
        en, zh = source(info.slug, "en"), source(info.slug, "zh_CN")
        assert len(lessons.answers(en)) == len(lessons.answers(zh)), info.slug


def test_answers_stay_hidden_until_asked_for():
    text = source("08-training-step", "en")
    n = len(lessons.answers(text))
    assert n >= 4
    hidden = lessons.render(text, "en")
    assert hidden.count("](gradlab:answer/") == n
    assert "RuntimeError" not in hidden and "**Answer:**" not in hidden
    for k in range(1, n + 1):
        assert f"[▶ Show the answer](gradlab:answer/{k})" in hidden
    second = lessons.render(text, "en", shown_answers={2})
    assert second.count("**Answer:**") == 1
    assert "[▲ Hide the answer](gradlab:answer/2)" in second
    assert "[▶ Show the answer](gradlab:answer/3)" in second
    shown = lessons.render(source("08-training-step", "zh_CN"), "zh_CN", shown_answers={1})
    assert "**答案：**" in shown and "[▶ 看答案](gradlab:answer/2)" in shown


# Depth a beginner does not need yet lives in the optional parts only.
ADVANCED = {
    "en": (
        "Hessian",
        "eigenvalue",
        "2/λ",
        "hook",
        "least-squares",
        "least squares",
        "retain_graph",
        "momentum=1",
        "Adam",
        "RMSprop",
        "StepLR",
        "scheduler",
        "accumulat",
    ),
    "zh_CN": (
        "Hessian",
        "特征值",
        "2/λ",
        "钩子",
        "最小二乘",
        "retain_graph",
        "momentum=1",
        "Adam",
        "RMSprop",
        "StepLR",
        "调度器",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_advanced_topics_are_in_optional_parts_only(lang):
    for info in lessons.list_lessons(lang):
        core = lessons.beginner_part(source(info.slug, lang), lang)
        for word in ADVANCED[lang]:
            assert word not in core, f"{lang}/{info.slug}: {word!r} outside a deeper part"
    everything = "\n".join(course(lang))
    for word in ("Hessian", "retain_graph", "Adam", "RMSprop", "StepLR"):
        assert word in everything  # still taught, in the optional parts


def test_optional_parts_come_last_and_are_named_alike():
    for info in lessons.list_lessons("en"):
        en, zh = source(info.slug, "en"), source(info.slug, "zh_CN")
        deeper_en = re.findall(r"^#+ Going deeper.*$", en, re.M)
        deeper_zh = re.findall(r"^#+ 深入.*$", zh, re.M)
        assert len(deeper_en) == len(deeper_zh), info.slug
        # After the first optional heading, only optional headings follow.
        core = lessons.beginner_part(en, "en")
        if not core:
            continue  # an optional lesson as a whole
        rest = en[len(core) :]
        for heading in re.findall(r"^## .*$", rest, re.M):
            assert heading.startswith("## Going deeper"), f"{info.slug}: {heading}"
    last = lessons.list_lessons("en")[-1]
    assert last.title.startswith("Going deeper")
    assert lessons.list_lessons("zh_CN")[-1].title.startswith("深入")


def test_teaching_order():
    slugs = [i.slug for i in lessons.list_lessons("en")]
    texts = course("en", lessons.beginner_part)
    # The gradient is defined before any lesson writes ∂ or the chain rule.
    gradient = slugs.index("07-gradient")
    first_use = min(i for i, t in enumerate(texts) if "∂" in t or "chain rule" in t)
    assert gradient <= first_use
    assert "∂" not in "".join(texts[:gradient])
    # backward() is taught before why .grad must be cleared; nn.Module after nn.Linear.
    assert slugs.index("09-backward-graph") < slugs.index("10-zero-grad")
    assert slugs.index("04-linear-model") < slugs.index("05-nn-module")
    # The wrong-order questions are asked in the lesson on the five calls.
    step = source("08-training-step", "en")
    for needle in ("`backward()`, then `zero_grad()`", "twice", "above the loop"):
        assert needle in step


def test_try_links_are_the_same_in_both_languages_and_all_known():
    used = set()
    for info in lessons.list_lessons("en"):
        en = lessons.try_links(source(info.slug, "en"))
        zh = lessons.try_links(source(info.slug, "zh_CN"))
        assert sorted(en) == sorted(zh), info.slug
        for name in en:
            assert name in TRY_IT, f"{info.slug} links to unknown try-it {name!r}"
        used.update(en)
    required = {"lr-too-large", "lr-too-small", "skip-zero-grad", "noisy-data", "adam-vs-sgd"}
    assert required | {"skip-zero-grad-run", "rmsprop"} <= used
    assert used == set(TRY_IT)  # no entry is dead weight


def test_every_link_in_a_lesson_goes_somewhere_real():
    slugs = {info.slug for info in lessons.list_lessons("en")}
    for info in lessons.list_lessons("en"):
        found = {}
        for lang in LANGS:
            text = prose(source(info.slug, lang))
            targets = re.findall(r"\]\(([^)]*)\)", text)
            for target in targets:
                # Answer links are made by rendering, never written in a lesson.
                assert target.startswith(
                    (
                        "gradlab:try/",
                        "gradlab:lesson/",
                        "gradlab:data/",
                        "gradlab:show/",
                        "gradlab:challenge/",
                        "gradlab:predict/on",
                        "https://",
                    )
                ), target
                if target.startswith("gradlab:lesson/"):
                    assert target.removeprefix("gradlab:lesson/") in slugs, target
                if target.startswith("gradlab:data/"):
                    assert target.removeprefix("gradlab:data/") in EXAMPLES, target
                if target.startswith("gradlab:show/"):
                    assert target.removeprefix("gradlab:show/") in SHOWABLE, target
                if target.startswith("gradlab:challenge/"):
                    assert builtin(target.removeprefix("gradlab:challenge/")), target
                if target.startswith("gradlab:predict/"):
                    assert target == "gradlab:predict/on", target
            found[lang] = sorted(
                t
                for t in targets
                if t.startswith(
                    (
                        "gradlab:lesson/",
                        "gradlab:data/",
                        "gradlab:show/",
                        "gradlab:challenge/",
                        "gradlab:predict/",
                    )
                )
            )
        assert found["en"] == found["zh_CN"], info.slug


def test_live_placeholders_are_known_used_and_the_same_in_both_languages():
    used = set()
    for info in lessons.list_lessons("en"):
        en = lessons.placeholders(source(info.slug, "en"))
        zh = lessons.placeholders(source(info.slug, "zh_CN"))
        assert sorted(en) == sorted(zh), info.slug
        for name in en:
            assert name in lessons.LIVE, f"{info.slug}: unknown live value {name!r}"
        used.update(en)
    assert used == set(lessons.LIVE)  # every live value is shown somewhere


def test_rendered_lessons_have_no_markers_left():
    for lang, info in all_lessons():
        text = fully_rendered(info.slug, lang)
        assert "{{" not in text and "⚠" not in text and "<!--" not in text, f"{lang}/{info.slug}"
        pending = lessons.render_lesson(info.slug, lang, live=False)
        hidden = lessons.render(lessons.ANSWER_RE.sub("", source(info.slug, lang)), lang)
        assert pending.count(lessons.PENDING) >= len(lessons.placeholders(hidden))


def test_the_course_covers_the_tutorial():
    text = "\n".join(fully_rendered(i.slug, "en") for i in lessons.list_lessons("en"))
    for needle in (
        "torch.Size([])",
        "torch.Size([3, 64, 64])",
        "torch.randn(100, 1)",
        "[out_features, in_features]",
        "x·Wᵀ + b",
        "class Model(nn.Module):",
        "def forward(self, x):",
        "super().__init__()",
        "Parameter containing:",
        "requires_grad=True)",
        "mat1 and mat2 shapes cannot be multiplied (1x100 and 1x1)",
        "UserWarning: Using a target size (torch.Size([100]))",
        "torch.Size([100, 100])",
        "0.5000",
        "0.001 and 0.1",
        "w.grad × 0.01",
        "zero_grad()",
        "p.grad = None",
        "p -= lr * p.grad",
        "None",
        "backward()",
        "retain_graph=True",
        "θ ← θ − lr · θ.grad",
        "losses.append(loss.item())",
        "plt.plot(losses)",
        "if (epoch + 1) % 10 == 0:",
        "torch.no_grad()",
        "model.eval()",
        "model.train()",
        '"optimizer": optimizer.state_dict()',
        "optimizer.load_state_dict(",
        "torch.save(checkpoint",
        "load_state_dict",
        "weights_only=True",
        "loss.item()",
        "Adam",
        "RMSprop",
        "StepLR",
    ):
        assert needle in text, needle


def test_live_values_leave_the_global_generator_alone():
    # The training worker seeds the global generator in another thread.
    lessons._cache.clear()
    before = torch.get_rng_state()
    for name in lessons.LIVE:
        for lang in LANGS:
            lessons.live_value(name, lang)
    assert torch.equal(torch.get_rng_state(), before)


def test_rendering_never_executes_anything(tmp_path, monkeypatch):
    sentinel = tmp_path / "pwned"
    hostile = (
        "# Hostile\n\n"
        f"{{{{live:__import__('pathlib').Path('{sentinel}').touch()}}}}\n\n"
        "{{live:torch_version.__class__}}\n\n"
        "{{live:}}\n\n"
        "{{ live: open('/etc/passwd').read() }}\n\n"
        f"```python\nimport pathlib; pathlib.Path('{sentinel}').touch()\n```\n\n"
        "<!-- answer -->\n"
        f"{{{{live:__import__('os').remove('{sentinel}')}}}} [x](javascript:alert(1))\n"
        "<!-- /answer -->\n"
    )

    def refuse(*args, **kwargs):
        raise AssertionError("rendering called eval/exec")

    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    for lang in LANGS:
        text = lessons.render(hostile, lang)
        assert text.count("⚠") == 4
        assert "import pathlib; pathlib.Path" in text  # the code block stays text
        shown = lessons.render(hostile, lang, shown_answers={1})
        assert shown.count("⚠") == 5  # the answer's placeholder is a marker too
        for info in lessons.list_lessons(lang):
            fully_rendered(info.slug, lang)
    assert not sentinel.exists()
    # The marker shows a harmless version of the name: no Markdown can leak out.
    marker = lessons.render("{{live:a`b*c](x)}}", "en")
    assert marker == "**⚠ unknown live value `a?b?c??x?`**"


def test_a_failing_live_value_is_shown_not_raised(monkeypatch):
    def broken(lang):
        raise RuntimeError("boom")

    monkeypatch.setitem(lessons.LIVE, "broken_for_test", broken)
    text = lessons.render("x {{live:broken_for_test}} y", "en")
    assert "⚠ could not compute `broken_for_test`: RuntimeError" in text
    lessons._cache.pop(("broken_for_test", "en"), None)


def test_bad_slugs_are_refused():
    for slug in ("99-nope", "../en/01-first-program", "01-first-program.md", ""):
        with pytest.raises(KeyError):
            lessons.load_lesson(slug, "en")


def test_language_names_are_normalised():
    for name in ("zh", "zh_CN", "zh-Hans", "zh_TW", "ZH_cn"):
        assert lessons.normalize_language(name) == "zh_CN"
    for name in ("en", "en_US", "de_DE", "", None, "C"):
        assert lessons.normalize_language(name) == "en"


def test_listing_and_pending_rendering_do_not_import_torch():
    code = (
        "import sys\n"
        "from gradlab.core import lessons\n"
        "for lang in lessons.LANGUAGES:\n"
        "    for info in lessons.list_lessons(lang):\n"
        "        lessons.render_lesson(info.slug, lang, live=False, shown_answers={1, 2})\n"
        "import gradlab.core.tryit\n"
        "sys.exit(1 if 'torch' in sys.modules else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _size(text: str, lang: str) -> int:
    words = prose(text)
    return len(words.split()) if lang == "en" else len(re.findall(r"[\u4e00-\u9fff]", words))


def test_lessons_are_short_and_fit_a_narrow_dock():
    for lang, info in all_lessons():
        text = fully_rendered(info.slug, lang)
        # The beginner's path: 2-4 minutes of reading (~350 English words, ~1,000
        # Chinese characters); with the answers and optional parts, a little more.
        core = lessons.render(lessons.beginner_part(source(info.slug, lang), lang), lang)
        assert _size(core, lang) <= (380 if lang == "en" else 1000), f"{lang}/{info.slug}"
        assert _size(text, lang) <= (600 if lang == "en" else 1600), f"{lang}/{info.slug}"
        for block in FENCE.findall(text):
            for line in block.splitlines()[1:-1]:
                # About 55 monospace columns fit a 450 px dock.
                assert _columns(line) <= 56, f"{lang}/{info.slug}: {line!r}"


def test_chinese_prose_uses_chinese_punctuation():
    cjk = r"[\u4e00-\u9fff]"
    half_width = re.compile(
        rf"{cjk}[,:;?!]|[,:;?!]{cjk}"  # next to a Chinese character
        r"|[,:;?!](?=[^\x00-\x7f])"  # before any other full-width text
        r"|[:;?!]\s*$|[:;?!]\S|\)[,:;?!]"  # ending a clause
    )
    for info in lessons.list_lessons("zh_CN"):
        text = FENCE.sub("", fully_rendered(info.slug, "zh_CN"))
        for line in text.splitlines():
            if not re.search(cjk, line) or line.startswith(">"):
                continue  # a quoted PyTorch message is English
            line = INLINE_CODE.sub("X", line)
            line = re.sub(r"\]\([^)]*\)", "X", line)
            assert not half_width.search(line), f"{info.slug}: half-width punctuation: {line}"


@pytest.mark.parametrize("lang", LANGS)
def test_lesson_one_shows_the_code_panels_program(lang):
    """Issue 16 item 13: the program of lesson 1 and the one in the code panel are
    the same statements; the panel adds only the seed (lesson 1 says why)."""
    import ast

    from gradlab.core import codegen
    from gradlab.core.config import ExperimentConfig

    def statements(code: str) -> list[str]:
        body = ast.parse(code).body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        return [ast.unparse(node) for node in body]

    text = source("01-first-program", lang)
    lesson = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    panel = statements(codegen.script_for(ExperimentConfig(), lang=lang))
    assert [s for s in panel if s != "torch.manual_seed(0)"] == statements(lesson)
    assert "torch.manual_seed(0)" in panel
    assert "torch.manual_seed(0)" in text
