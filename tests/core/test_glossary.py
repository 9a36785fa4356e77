"""One Chinese term per concept: resources/glossary-zh.md against every Chinese text
of the app (the lessons as rendered, the zh_CN translations, the Chinese string
literals in the package's Python code, and the built-in exercise files)."""

import ast
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gradlab.core import lessons

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "resources" / "glossary-zh.md"
TS_ZH = ROOT / "resources" / "i18n" / "gradlab_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`]*`")


def table_rows(section: str) -> list[list[str]]:
    """The body rows of the first Markdown table under `## {section}`."""
    text = GLOSSARY.read_text(encoding="utf-8")
    body = text.split(f"## {section}", 1)[1]
    rows = []
    for line in body.splitlines():
        if line.startswith("## "):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header


def terms() -> list[tuple[str, list[str]]]:
    """(the Chinese term, its variants not allowed) for every concept."""
    out = []
    for row in table_rows("Terms"):
        assert len(row) == 4, row
        term = re.fullmatch(r"\*\*(.+)\*\*", row[2])
        assert term, f"the term must be in bold: {row}"
        variants = [] if row[3] == "—" else [v.strip() for v in row[3].split("、")]
        out.append((term.group(1), variants))
    return out


def wordings() -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in table_rows("Wordings that read wrongly")]


def lesson_texts() -> dict[str, str]:
    """Every zh lesson as the reader can see it: live values and all answers shown."""
    out = {}
    for info in lessons.list_lessons("zh_CN"):
        source = lessons.load_lesson(info.slug, "zh_CN")
        shown = range(1, len(lessons.answers(source)) + 1)
        out[f"lesson {info.slug}"] = lessons.render(source, "zh_CN", shown_answers=shown)
    return out


def translations() -> dict[str, str]:
    out = {}
    for context in ET.parse(TS_ZH).getroot():
        name = context.find("name").text
        for message in context.findall("message"):
            translation = message.find("translation")
            texts = [translation.text or ""]
            texts += [form.text or "" for form in translation.findall("numerusform")]
            source = message.find("source").text
            out[f"{name}: {source}"] = "\n".join(texts)
    return out


def python_strings() -> dict[str, str]:
    """Chinese string literals in the package (lessons' live values, exported
    comments, and whatever Chinese the code writes)."""
    out = {}
    for path in sorted((ROOT / "gradlab").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and CJK.search(node.value):
                out[f"{path.relative_to(ROOT)}:{node.lineno}"] = node.value
    return out


def exercise_texts() -> dict[str, str]:
    """The Chinese texts of the built-in challenges (titles, tasks, choices)."""
    out = {}

    def walk(value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "zh_CN" and isinstance(item, str):
                    out[where] = item
                else:
                    walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]")

    for path in sorted((ROOT / "gradlab" / "assets" / "exercises").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.name)
    return out


def all_chinese() -> dict[str, str]:
    return {**lesson_texts(), **translations(), **python_strings(), **exercise_texts()}


def test_the_glossary_has_the_terms_the_review_asked_for():
    found = dict(terms())
    for term in ("样本", "一轮（epoch）", "叶子张量", "释放", "捕获", "批量大小"):
        assert term in found
    for term in ("非线性变换", "生成训练数据", "目标值", "真实 w"):
        assert term in found
    assert "例子" in found["样本"] and "叶子节点" in found["叶子张量"]
    # No variant is also somebody's term, and no term is listed twice.
    all_terms = [t for t, _ in terms()]
    assert len(all_terms) == len(set(all_terms))
    for _, variants in terms():
        for variant in variants:
            assert variant not in all_terms


def test_every_term_is_in_use():
    everything = "\n".join(all_chinese().values())
    for term, _ in terms():
        assert term in everything, f"{term}: listed in the glossary but used nowhere"


@pytest.mark.parametrize("name", ["lessons", "translations", "python", "exercises"])
def test_no_variant_and_no_wrong_wording_anywhere(name):
    texts = {
        "lessons": lesson_texts,
        "translations": translations,
        "python": python_strings,
        "exercises": exercise_texts,
    }
    banned = [v for _, variants in terms() for v in variants] + [w for w, _ in wordings()]
    problems = []
    for where, text in texts[name]().items():
        for phrase in banned:
            if phrase in text:
                problems.append(f"{where}: {phrase!r}")
    assert not problems, "\n".join(problems)


def test_epoch_is_named_as_the_glossary_says():
    """In Chinese prose "epoch" appears only as 一轮（epoch）; code keeps its name."""
    texts = {**lesson_texts(), **translations()}
    for where, text in texts.items():
        prose = INLINE_CODE.sub("", FENCE.sub("", text))
        prose = re.sub(r"\{epoch\}", "", prose)  # a placeholder in a translation
        if not CJK.search(prose):
            continue
        for match in re.finditer(r"epoch", prose):
            around = prose[max(0, match.start() - 3) : match.end() + 1]
            assert around.endswith("（epoch）") and around.startswith("一轮"), (where, around)


def test_the_wordings_from_the_review_are_fixed():
    lessons_now = "\n".join(lesson_texts().values())
    for right in ("一个只有一个谷底的碗", "一步训练：五个调用", "再把这一步除以它的平方根"):
        assert right in lessons_now
    for right in ("大误差受到的惩罚远比小误差重", "它一个维度也没有", "两者相互独立"):
        assert right in lessons_now
    for right in ("即使文件来路不明，也无法借加载执行恶意代码", "训练大模型时，这往往不够"):
        assert right in lessons_now
    assert "**真实 w**" in lessons_now  # the interface's own label
    ts = "\n".join(translations().values())
    assert "错了多少" in ts and "逆着梯度走" in ts
