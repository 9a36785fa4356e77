"""The lessons: both languages complete and parallel, every link and live value
known, live values computed by torch as the app computes them, nothing executed."""

import builtins
import re
import subprocess
import sys
import unicodedata

import pytest
import torch
import torch.nn as nn

from gradlab.core import lessons
from gradlab.core.config import ExperimentConfig
from gradlab.core.landscape import max_stable_lr, optimum
from gradlab.core.session import TrainingSession
from gradlab.core.tryit import TRY_IT

LANGS = lessons.LANGUAGES
CHECK_HEADING = {"en": "## Predict, then check", "zh_CN": "## 先猜再试"}
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`]*`")


def all_lessons():
    return [(lang, info) for lang in LANGS for info in lessons.list_lessons(lang)]


def prose(markdown: str) -> str:
    return INLINE_CODE.sub("", FENCE.sub("", markdown))


def test_both_languages_have_the_same_lessons_in_order():
    en = lessons.list_lessons("en")
    zh = lessons.list_lessons("zh_CN")
    assert 10 <= len(en) <= 14
    assert [i.slug for i in en] == [i.slug for i in zh]
    assert [i.number for i in en] == list(range(1, len(en) + 1))
    for info in en + zh:
        assert info.title and not info.title.startswith("#")


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_ends_with_a_check_question(lang):
    for info in lessons.list_lessons(lang):
        text = lessons.load_lesson(info.slug, lang)
        tail = text.split(CHECK_HEADING[lang], 1)
        assert len(tail) == 2, f"{lang}/{info.slug} has no check section"
        assert "?" in tail[1] or "？" in tail[1], f"{lang}/{info.slug}: no question"


def test_try_links_are_the_same_in_both_languages_and_all_known():
    used = set()
    for info in lessons.list_lessons("en"):
        en = lessons.try_links(lessons.load_lesson(info.slug, "en"))
        zh = lessons.try_links(lessons.load_lesson(info.slug, "zh_CN"))
        assert sorted(en) == sorted(zh), info.slug
        for name in en:
            assert name in TRY_IT, f"{info.slug} links to unknown try-it {name!r}"
        used.update(en)
    # The required set-ups are linked, and no entry is dead weight.
    assert {"lr-too-large", "lr-too-small", "skip-zero-grad", "noisy-data", "adam-vs-sgd"} <= used
    assert used == set(TRY_IT)


def test_every_link_in_a_lesson_is_a_gradlab_link_or_the_web():
    for lang, info in all_lessons():
        text = prose(lessons.load_lesson(info.slug, lang))
        for target in re.findall(r"\]\(([^)]*)\)", text):
            assert target.startswith(("gradlab:try/", "gradlab:lesson/", "https://")), target


def test_live_placeholders_are_known_and_the_same_in_both_languages():
    for info in lessons.list_lessons("en"):
        en = lessons.placeholders(lessons.load_lesson(info.slug, "en"))
        zh = lessons.placeholders(lessons.load_lesson(info.slug, "zh_CN"))
        assert sorted(en) == sorted(zh), info.slug
        for name in en:
            assert name in lessons.LIVE, f"{info.slug}: unknown live value {name!r}"


def test_rendered_lessons_have_no_markers_left():
    for lang, info in all_lessons():
        text = lessons.render_lesson(info.slug, lang)
        assert "{{" not in text and "⚠" not in text, f"{lang}/{info.slug}"
        pending = lessons.render_lesson(info.slug, lang, live=False)
        n = len(lessons.placeholders(lessons.load_lesson(info.slug, lang)))
        assert pending.count(lessons.PENDING) >= n


def test_the_course_covers_the_tutorial():
    text = "\n".join(lessons.render_lesson(i.slug, "en") for i in lessons.list_lessons("en"))
    for needle in (
        "torch.Size([])",
        "torch.Size([3, 64, 64])",
        "torch.randn(100, 1)",
        "[out_features, in_features]",
        "x·Wᵀ + b",
        "0.5000",
        "0.001 and 0.1",
        "zero_grad()",
        "None",
        "backward()",
        "θ ← θ − lr · θ.grad",
        "torch.no_grad()",
        "model.eval()",
        "torch.save(model.state_dict()",
        "load_state_dict",
        "loss.item()",
        "Adam",
        "RMSprop",
        "StepLR",
    ):
        assert needle in text, needle


def test_mse_example_is_what_torch_computes():
    # The worked example: predictions 1.5, 2.5, 2.0 against targets 1, 2, 3.
    # Errors 0.5, 0.5, -1 -> squares 0.25, 0.25, 1 -> mean 0.5. (The seed tutorial
    # prints 0.4167 here; PyTorch and the arithmetic both give 0.5000.)
    expected = nn.MSELoss()(torch.tensor([1.5, 2.5, 2.0]), torch.tensor([1.0, 2.0, 3.0]))
    assert f"{expected.item():.4f}" == "0.5000"
    assert lessons.live_value("mse_example", "en") == "0.5000"
    for lang in LANGS:
        assert "**0.5000**" in lessons.render_lesson("05-mse-loss", lang)


def test_tensor_shapes_come_from_torch():
    shown = lessons.live_value("tensor_shapes", "en")
    for dims, shape in ((0, "[]"), (1, "[3]"), (2, "[2, 2]"), (3, "[3, 64, 64]")):
        assert f"({dims}, torch.Size({shape}))" in shown
    assert ">>> img = torch.randn(3, 64, 64)" in shown


def test_live_values_describe_the_apps_default_experiment():
    session = TrainingSession()
    x, y, model = lessons._default_problem()
    assert torch.equal(x, session.x) and torch.equal(y, session.y)
    assert torch.equal(model.weight, session.model.weight)
    assert torch.equal(model.bias, session.model.bias)
    assert lessons.live_value("max_stable_lr", "en") == f"{max_stable_lr(session.x):.3f}"
    w, b = session.model.weight.item(), session.model.bias.item()
    assert lessons.live_value("initial_params", "en") == f"w = {w:.4f}, b = {b:.4f}"
    assert "torch.Size([1, 1])" in lessons.live_value("linear_shapes", "en")
    assert "torch.Size([1])" in lessons.live_value("linear_shapes", "en")
    first = session.x[:5].flatten()
    assert str(first) in lessons.live_value("randn_sample", "en")

    noisy = TrainingSession(ExperimentConfig(noise=0.5))
    w_opt, b_opt = optimum(noisy.x, noisy.y)
    assert lessons.live_value("noisy_optimum", "en") == f"w = {w_opt:.4f}, b = {b_opt:.4f}"

    trained = TrainingSession()
    trained.run_updates(100)
    tw, tb = trained.model.weight.item(), trained.model.bias.item()
    assert lessons.live_value("trained_params", "en").startswith(f"w = {tw:.7f}, b = {tb:.7f}")


def test_lr_table_matches_training_sessions():
    table = lessons.live_value("lr_table", "en")
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()[2:]}
    for lr in (0.001, 0.01, 0.1, 0.9):
        s = TrainingSession(ExperimentConfig(lr=lr))
        s.run_updates(100)
        assert f"| {s.loss.item():.3g} |" in rows[repr(lr)]
    s = TrainingSession(ExperimentConfig(lr=1.5))
    n = s.run_updates(100)
    assert s.diverged and f"at update {n}" in rows["1.5"]


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
        f"```python\nimport pathlib; pathlib.Path('{sentinel}').touch()\n```\n"
    )

    def refuse(*args, **kwargs):
        raise AssertionError("rendering called eval/exec")

    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    for lang in LANGS:
        text = lessons.render(hostile, lang)
        assert text.count("⚠") == 4
        assert "import pathlib; pathlib.Path" in text  # the code block stays text
        for info in lessons.list_lessons(lang):
            lessons.render_lesson(info.slug, lang)
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
        "        lessons.render_lesson(info.slug, lang, live=False)\n"
        "import gradlab.core.tryit\n"
        "sys.exit(1 if 'torch' in sys.modules else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_lessons_are_short_and_fit_a_narrow_dock():
    for lang, info in all_lessons():
        text = lessons.render_lesson(info.slug, lang)
        words = prose(text)
        # 2-4 minutes of reading: ~350 English words, ~1,000 Chinese characters.
        size = len(words.split()) if lang == "en" else len(re.findall(r"[\u4e00-\u9fff]", words))
        assert size <= (380 if lang == "en" else 1000), f"{lang}/{info.slug}: {size}"
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
        text = FENCE.sub("", lessons.load_lesson(info.slug, "zh_CN"))
        for line in text.splitlines():
            if not re.search(cjk, line):
                continue
            line = INLINE_CODE.sub("X", line)
            line = re.sub(r"\{\{[^}]*\}\}|\]\([^)]*\)", "X", line)
            assert not half_width.search(line), f"{info.slug}: half-width punctuation: {line}"
