"""Issue 15: every reason the core gives for refusing a checkpoint has its own
sentence in both languages, and the window's refusals name the field."""

import re
from pathlib import Path

from gradlab.ui.texts import checkpoint_error_text, message_text
from tests.ui.test_i18n import CJK

CORE = Path(__file__).resolve().parents[2] / "gradlab" / "core"
ENGLISH = "the core's English line"


def _codes_the_core_raises() -> set[str]:
    found = set()
    for source in CORE.glob("*.py"):
        found |= set(re.findall(r'CheckpointError\(\s*"(checkpoint\.[a-z_]+)"', source.read_text()))
    return found


def test_the_core_raises_the_documented_codes():
    codes = "unreadable not_a_file too_large corrupt unsafe foreign version bad_config inconsistent"
    assert _codes_the_core_raises() == {f"checkpoint.{c}" for c in codes.split(" ")}


def test_every_checkpoint_code_has_its_own_text_in_both_languages(installed):  # noqa: F811
    codes = sorted(_codes_the_core_raises())
    english = {code: checkpoint_error_text(code, ENGLISH) for code in codes}
    assert ENGLISH not in english.values()
    assert len(set(english.values())) == len(codes)  # each says its own reason
    installed("zh_CN")
    for code in codes:
        assert CJK.search(checkpoint_error_text(code, ENGLISH)), code


def test_refusals_name_the_field_and_where_the_file_is_kept():
    refused = {
        "path": "s.gradlab.pt",
        "code": "checkpoint.inconsistent",
        "error": ENGLISH,
        "field": "state.optimizer.state[0].exp_avg",
    }
    text = message_text("file.refused", refused)
    assert text.endswith("The field at fault: state.optimizer.state[0].exp_avg.")
    kept = message_text("autosave.refused", {**refused, "kept": "/d/autosave.refused-1.pt"})
    assert "state.optimizer.state[0].exp_avg" in kept and "/d/autosave.refused-1.pt" in kept
    # An error that is not the file's: named as Python names it.
    other = message_text("file.refused", {"path": "s.pt", "code": "", "error": "KeyError: 'x'"})
    assert "KeyError: 'x'" in other and "field" not in other
