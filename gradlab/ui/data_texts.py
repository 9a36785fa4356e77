"""Sentences about the student's own data, in the interface language: what an
edit, an import or an export did, and why a CSV file or an edit was refused
(from core.csvdata's stable codes, with the row and the column they name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.core.checks import one_line
from gradlab.core.datapoints import MAX_ABS_TEXT, MAX_ROWS
from gradlab.ui.formatting import locale_int

translate = QCoreApplication.translate
CODES = ("session.data", "data.import_refused", "data.edit_refused", "data.exported")


def message_text(code: str, a: dict) -> str:
    if code == "session.data":
        return _changed(a)
    if code == "data.import_refused":
        return translate("Messages", "Not imported, and nothing changed: {path}: {problem}").format(
            path=one_line(a.get("path", ""), 200), problem=csv_problem(a)
        )
    if code == "data.edit_refused":
        return _edit_refused(a)
    if code == "data.exported":
        return translate(
            "Messages",
            "Exported %n sample(s) to {path}: every value reads back as the same float32 "
            "number, so a script of your own can train on exactly these data.",
            None,
            int(a.get("n", 0)),
        ).format(path=one_line(a.get("path", ""), 200))
    return code


def _xy(a: dict) -> str:
    return f"({a.get('x', 0.0):.4g}, {a.get('y', 0.0):.4g})"


EXAMPLE_NAMES = ("celsius", "spring")  # core.example_data.EXAMPLES (a test checks)


def example_title(name: str) -> str:
    """An example data set's title, as the File menu and the messages name it."""
    return {
        "celsius": translate("MainWindow", "Thermometer readings (°C → °F)"),
        "spring": translate("MainWindow", "A spring stretched by weights (N → cm)"),
    }.get(name, name)


def _changed(a: dict) -> str:
    what = a.get("what")
    n = int(a.get("n", 0))
    if what == "added":
        first = translate("Messages", "Added the sample {xy}.").format(xy=_xy(a))
    elif what == "moved":
        first = translate("Messages", "Moved a sample to {xy}.").format(xy=_xy(a))
    elif what == "deleted":
        first = translate("Messages", "Deleted the sample {xy}.").format(xy=_xy(a))
    elif what == "imported":
        first = translate("Messages", "Imported {path}{columns}.").format(
            path=one_line(a.get("path", ""), 200), columns=_columns(a)
        )
    elif what == "example":
        name = a.get("name", "")
        first = translate("Messages", "Opened the example data {name}{columns}.").format(
            name=example_title(name) if name in EXAMPLE_NAMES else one_line(name, 40),
            columns=_columns(a),
        )
    elif what == "cleared":
        first = translate(
            "Messages",
            "Cleared the data down to one sample, {xy} (the data need at least one): click on "
            "the data plot to add more, then delete it if you like.",
        ).format(xy=_xy(a))
    elif what == "undone":
        first = translate("Messages", "Undid the last change to the data.")
    elif what == "generated":
        return translate(
            "Messages",
            "Back to generated data: %n sample(s) drawn by torch.randn after the seed. The "
            "experiment starts over.",
            None,
            n,
        )
    else:
        first = translate("Messages", "The data changed.")
    rest = translate(
        "Messages",
        "Your data: %n sample(s), x and y as float32 tensors of shape (N, 1) in their order. "
        "The experiment starts over from the seed on them: the model, the loss landscape, "
        "the lr limit and the code follow.",
        None,
        n,
    )
    return f"{first} {rest}"


def _columns(a: dict) -> str:
    header = a.get("header")
    if not header:
        return ""
    return translate("Messages", " (x: {x}, y: {y})").format(
        x=one_line(header[0], 40), y=one_line(header[1], 40)
    )


def _edit_refused(a: dict) -> str:
    why = a.get("why")
    top = locale_int(a.get("max", 0))
    if why == "max":
        return translate(
            "Messages",
            "Your data already hold {max} samples, the most GradLab trains on: delete one "
            "first. Nothing changed.",
        ).format(max=top)
    if why == "last":
        return translate(
            "Messages", "That is the last sample: the data need at least one. Nothing changed."
        )
    return translate(
        "Messages",
        "These generated data hold more than {max} samples, too many to draw on: set Samples "
        "to {max} or fewer first.",
    ).format(max=top)


def csv_problem(a: dict) -> str:
    """Why a CSV file was refused: its row, column and field, in the interface
    language (the core's English sentence for a code this does not know)."""
    code = a.get("csv", "")
    row = locale_int(a["row"]) if a.get("row") is not None else ""
    column = a.get("column") or ""
    text = one_line(a.get("text", ""), 40)
    texts = {
        "csv.empty": translate("Messages", "the file holds no rows of numbers."),
        "csv.encoding": translate(
            "Messages", "row {row} is not UTF-8 text. Save the file as UTF-8 CSV."
        ),
        "csv.binary": translate(
            "Messages", "row {row} holds a NUL character: this is not a text file."
        ),
        "csv.syntax": translate(
            "Messages", "row {row} is not valid CSV (is a quotation mark left open?)."
        ),
        "csv.one_column": translate(
            "Messages",
            "row {row} has one column. GradLab reads two, x then y, separated by a comma or "
            "a semicolon.",
        ),
        "csv.columns": translate(
            "Messages",
            "row {row} has {text} columns. GradLab reads exactly two, x then y: keep only those.",
        ),
        "csv.missing": translate("Messages", "row {row}: the {column} column is empty."),
        "csv.not_finite": translate(
            "Messages",
            "row {row}: {text} in the {column} column is not allowed: every value must be a "
            "finite number.",
        ),
        "csv.not_a_number": translate(
            "Messages",
            "row {row}: {text} in the {column} column is not a number (write numbers such as "
            "12, -0.5 or 2.5e-3).",
        ),
        "csv.out_of_range": translate(
            "Messages",
            "row {row}: {text} in the {column} column is too large: values must lie between "
            "-{max} and {max}.",
        ),
        "csv.too_many_rows": translate(
            "Messages", "row {row}: more than {max} data rows. GradLab reads at most {max}."
        ),
        "csv.too_large": translate(
            "Messages", "the file is larger than 2 MB, far more than {max} rows need."
        ),
        "csv.not_a_file": translate(
            "Messages", "it is not a regular file (a folder, a device or a pipe)."
        ),
        "csv.unreadable": translate("Messages", "the file cannot be read."),
    }
    if code not in texts:
        return one_line(a.get("error", ""), 300)
    return texts[code].format(
        row=row,
        column=column,
        text=text,
        max=MAX_ABS_TEXT if code == "csv.out_of_range" else locale_int(MAX_ROWS),
    )
