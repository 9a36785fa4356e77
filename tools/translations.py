"""Helpers for `make translations` and tests/ui/test_i18n.py (developer tool).

    python tools/translations.py shim OUT.py      write the shim lupdate reads first
    python tools/translations.py check [--strict] list what the .ts files still need
    python tools/translations.py fill LANG FILE.json   set translations from a JSON object
                                  {"Context": {"source text": "translation", ...}, ...}
    python tools/translations.py fill en --identity   English: each unfinished entry's
                                  translation becomes its source (plurals excluded)

Why a shim: pyside6-lupdate (6.11) reads `translate("Ctx", "text", None, n)` in
Python but never marks it as a plural (numerus) message, and it skips the call
entirely when the count is an expression such as `a.get("n", 0)`; on the next
run it would even collapse plural translations already in the .ts to one form.
It also only knows calls spelled `translate(...)`: a call through another name
(`t = translate`, then `t("Ctx", "text")`) is never extracted. It does read
`Ctx.tr("text", None, n)`, so `shim` writes every translate() call with a count,
and every call through another name, in that form into a file that lupdate
reads before the real sources: those messages come out right (plural where they
take a count), and their translations survive every run. The shim is build
output, never committed.

`check` compares the .ts files with the translate() calls found by Python's own
parser: entries still to translate, calls lupdate did not pick up, entries the
code no longer has, plural forms, and {placeholders} / %n kept in translations.
"""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "gradlab"
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = SOURCES / "assets" / "i18n"
LANGUAGES = ("zh_CN", "en")
PLURAL_FORMS = {"zh_CN": 1, "en": 2}  # Qt's numerus rules: Chinese one form, English two
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"gradlab_{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"gradlab_{lang}.qm"


def source_files(root: Path = SOURCES) -> list[Path]:
    """The project's Python files lupdate reads (no caches, nothing outside the package)."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


@dataclass(frozen=True)
class Call:
    context: str
    source: str
    comment: str  # disambiguation ("" for None)
    plural: bool  # a count (%n) is passed
    where: str  # path:line
    direct: bool = True  # spelled translate(...); False: through another name (t = translate)


def scan(files: list[Path] | None = None) -> tuple[list[Call], list[str]]:
    """Every translate("Ctx", "literal", ...) and QT_TRANSLATE_NOOP("Ctx", "literal")
    call, and the calls that cannot be extracted (a context or text that is not a
    literal string)."""
    calls, unreadable = [], []
    for path in files if files is not None else source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        aliases = _aliases(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name == "QT_TRANSLATE_NOOP":
                pass  # ("Ctx", "text"): marks a text translated elsewhere (pyqtgraph)
            elif isinstance(func, ast.Name) and name in aliases:
                pass  # t("Ctx", "text") after t = translate
            elif name != "translate" or (
                isinstance(func, ast.Attribute) and not _is_qt_translate(func)
            ):
                continue
            where = f"{rel}:{node.lineno}"
            args = list(node.args)
            kwargs = {k.arg: k.value for k in node.keywords}
            context = args[0] if args else kwargs.get("context")
            text = args[1] if len(args) > 1 else kwargs.get("sourceText") or kwargs.get("key")
            comment = args[2] if len(args) > 2 else kwargs.get("disambiguation")
            count = args[3] if len(args) > 3 else kwargs.get("n")
            if not (_is_str(context) and _is_str(text)) or not all(
                part.isidentifier() for part in context.value.split(".")
            ):
                # lupdate needs literals, and the shim a context that is a (dotted) name
                unreadable.append(f"{where}: {ast.unparse(node)[:100]}")
                continue
            calls.append(
                Call(
                    context.value,
                    text.value,
                    comment.value if _is_str(comment) else "",
                    count is not None and not _is_minus_one(count),
                    where,
                    direct=not (isinstance(func, ast.Name) and func.id in aliases),
                )
            )
    return calls, unreadable


def _aliases(tree) -> set[str]:
    """Other names given to QCoreApplication.translate in a module (t = translate)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            is_translate = (isinstance(value, ast.Name) and value.id == "translate") or (
                isinstance(value, ast.Attribute)
                and value.attr == "translate"
                and _is_qt_translate(value)
            )
            if is_translate and isinstance(target, ast.Name) and target.id != "translate":
                names.add(target.id)
    return names


def _is_qt_translate(func: ast.Attribute) -> bool:
    """QCoreApplication.translate / QApplication.translate, not str.translate(table)."""
    value = func.value
    return isinstance(value, ast.Name) and value.id.endswith("Application")


def _is_str(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_minus_one(node) -> bool:
    return (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and node.operand.value == 1
    )


def write_shim(out: Path, calls: list[Call] | None = None) -> int:
    """The calls lupdate cannot read right by itself (with a count, or through
    another name) as `Ctx.tr("text", comment[, n])` lines, which it can."""
    if calls is None:
        calls = scan()[0]
    seen, lines = set(), []
    for c in sorted(calls, key=_source_order):
        key = (c.context, c.source, c.comment)
        if (c.direct and not c.plural) or key in seen:
            continue
        seen.add(key)
        comment = _py_literal(c.comment) if c.comment else "None"
        count = ", n" if c.plural else ""
        lines.append(f"{c.context}.tr({_py_literal(c.source)}, {comment}{count})  # {c.where}")
    out.parent.mkdir(parents=True, exist_ok=True)
    header = "# Generated by tools/translations.py for pyside6-lupdate: do not edit or import.\n"
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _source_order(call: Call) -> tuple[str, int]:
    path, _, line = call.where.rpartition(":")
    return path, int(line)


def _py_literal(text: str) -> str:
    """A double-quoted literal lupdate's tokenizer reads back as `text`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


@dataclass
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # "" (finished), "unfinished", "obsolete", "vanished"
    forms: list[str] = field(default_factory=list)  # one text, or the numerus forms


def read_ts(path: Path) -> tuple[str, list[Entry]]:
    """The .ts file's target language and its messages."""
    root = ET.parse(path).getroot()
    entries = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            if tr is None:
                forms, kind = [], "unfinished"
            else:
                kind = tr.get("type", "")
                forms = (
                    [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
                )
            entries.append(
                Entry(
                    name,
                    msg.findtext("source") or "",
                    msg.findtext("comment") or "",
                    numerus,
                    kind,
                    forms,
                )
            )
    return root.get("language", ""), entries


def problems(lang: str, path: Path | None = None, calls: list[Call] | None = None) -> list[str]:
    """Everything that keeps the .ts for `lang` from being complete, one line each."""
    path = path or ts_path(lang)
    if calls is None:
        calls = scan()[0]
    if not path.exists():
        return [f"{path}: missing (run `make translations`)"]
    language, entries = read_ts(path)
    out = []
    if language != lang:
        out.append(f"{path.name}: language is {language!r}, expected {lang!r}")
    wanted = {(c.context, c.source, c.comment): c for c in calls}
    have = {(e.context, e.source, e.comment): e for e in entries}
    for key, call in wanted.items():
        if key not in have:
            out.append(
                f"not in {path.name} yet, run `make translations` (still missing after "
                f"that: lupdate cannot read the call): {call.where} "
                f"[{call.context}] {call.source!r}"
            )
    forms_needed = PLURAL_FORMS.get(lang, 1)
    for e in entries:
        label = f"[{e.context}] {e.source!r}"
        key = (e.context, e.source, e.comment)
        if e.kind in ("obsolete", "vanished"):
            out.append(f"{e.kind} in {path.name} (the code no longer has it): {label}")
            continue
        if key not in wanted:
            out.append(f"not in the code any more, still in {path.name}: {label}")
            continue
        call = wanted[key]
        if call.plural and not e.numerus:
            out.append(f"not marked as plural in {path.name} (run `make translations`): {label}")
        if e.kind == "unfinished" or not any(f.strip() for f in e.forms):
            out.append(f"untranslated in {path.name}: {label}")
            continue
        if e.numerus and len(e.forms) != forms_needed:
            out.append(
                f"{len(e.forms)} plural forms in {path.name}, {lang} needs {forms_needed}: {label}"
            )
        for form in e.forms:
            if not form.strip():
                out.append(f"empty plural form in {path.name}: {label}")
            elif sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(e.source)):
                out.append(
                    f"placeholders differ in {path.name}: {label} -> {form!r} "
                    "(keep every {name} and %n of the source)"
                )
    return out


def fill(lang: str, table: dict[str, dict[str, str]] | None) -> int:
    """Write translations into the .ts file of `lang`: from `table` (context ->
    source -> text), or, with no table, each unfinished singular entry's own
    source (the English file). Returns how many entries changed. Run `make
    translations` afterwards: lupdate restores its own layout of the file."""
    path = ts_path(lang)
    tree = ET.parse(path)
    changed = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if table is None:
                if tr.get("type") != "unfinished" or msg.get("numerus") == "yes":
                    continue
                text = source
            elif source in table.get(name, {}):
                text = table[name][source]
            else:
                continue
            if msg.get("numerus") == "yes":
                forms = [text] if isinstance(text, str) else list(text)
                for child in list(tr):
                    tr.remove(child)
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
                tr.text = None
            else:
                tr.text = text
            tr.attrib.pop("type", None)
            changed += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return changed


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "fill":
        import json

        if argv[2:] == ["--identity"]:
            table = None
        elif len(argv) == 3:
            table = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        else:
            print(__doc__)
            return 2
        print(f"{fill(argv[1], table)} entr(ies) written to {ts_path(argv[1]).name}")
        return 0
    if len(argv) == 2 and argv[0] == "shim":
        n = write_shim(Path(argv[1]))
        print(f"{n} message(s) lupdate needs help with -> {argv[1]}")
        return 0
    if argv and argv[0] == "check":
        calls, unreadable = scan()
        found = [f"translate() with a non-literal context or text: {u}" for u in unreadable]
        for lang in LANGUAGES:
            found += problems(lang, calls=calls)
        for line in found:
            print(line)
        print(
            f"{len(calls)} translate() call(s); "
            + ("every entry translated." if not found else f"{len(found)} problem(s) above.")
        )
        return 1 if found and "--strict" in argv else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
