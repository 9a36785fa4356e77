"""The student's data as a CSV file: read (hostile until checked), and written.

What GradLab reads (README "Your own data"):
- UTF-8 text, with or without a byte-order mark; at most MAX_BYTES bytes.
- Two columns, x then y, separated by a comma, or by a semicolon: the
  separator is a semicolon when the first non-blank line holds one. In a
  semicolon file a decimal comma is read too (`1,5` is 1.5), as spreadsheets in
  many languages write it. Fields may be quoted ("1.5").
- An optional header: the first non-blank row, when neither of its fields is a
  number (a row with one number and one text is a mistake, not a header).
- Blank lines are skipped. Numbers are plain decimals: `-12`, `3.`, `.5`,
  `2.5e-3`, with ASCII digits; NaN and infinity are refused, and so is any
  value beyond ±1e15 (see datapoints.py).
- At most MAX_ROWS data rows (datapoints.py says why).
A row with one column, or more than two, is refused (never guessed at): which
column would be x?

Every refusal is a CsvError: one line naming the row (the line of the file) and
the problem; nothing else escapes for any content. Written files use the
shortest text that reads back to the same float32 bits (datapoints.literal).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass

from gradlab.core.checks import one_line
from gradlab.core.datapoints import MAX_ABS_TEXT, MAX_ABS_VALUE, MAX_ROWS, DataPoints, literal
from gradlab.core.fileio import FileTooLarge, NotRegularFile, read_regular_file

# 10,000 rows of two long numbers ("-1.2345678901234567e-05") fit in well under 1 MB.
MAX_BYTES = 2 * 1024 * 1024
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_SHOWN = 30  # characters of a bad field quoted in a message


class CsvError(ValueError):
    """A refused CSV file. `code` is stable (the GUI translates it); `row` is the
    line of the file (1-based) or None for the file as a whole; `column` is "x"
    or "y" when one field is at fault; `text` is that field, made one line."""

    def __init__(
        self,
        code: str,
        message: str,
        row: int | None = None,
        column: str | None = None,
        text: str = "",
    ):
        where = f"row {row:,}: " if row is not None else ""
        super().__init__(one_line(where + message))
        self.code = code
        self.row = row
        self.column = column
        self.text = text


@dataclass(frozen=True)
class CsvData:
    """A file that passed every check."""

    points: DataPoints
    header: tuple[str, str] | None  # the header's two names, one line each
    separator: str  # "," or ";"


# ---------------------------------------------------------------- reading
def read_csv(path: str | os.PathLike) -> CsvData:
    """Read and check a CSV file; a special file (FIFO, device, folder) is refused
    before it is opened. Raises CsvError, and only CsvError."""
    try:
        content = read_regular_file(path, MAX_BYTES)
    except NotRegularFile as exc:
        raise CsvError("csv.not_a_file", f"the file {exc.strerror}") from None
    except FileTooLarge:
        raise CsvError(
            "csv.too_large",
            f"the file is larger than {MAX_BYTES // 2**20} MB; GradLab reads at most "
            f"{MAX_ROWS:,} rows",
        ) from None
    except OSError as exc:
        raise CsvError("csv.unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return parse_csv(content)


def parse_csv(content: bytes) -> CsvData:
    """Check and read the bytes of a CSV file. Raises CsvError, and only CsvError."""
    try:
        return _parse(content)
    except CsvError:
        raise
    except Exception as exc:  # noqa: BLE001 - the last net: never another error
        raise CsvError(
            "csv.unreadable", f"the file cannot be read ({type(exc).__name__})"
        ) from None


def _parse(content: bytes) -> CsvData:
    if len(content) > MAX_BYTES:
        raise CsvError("csv.too_large", f"the file is larger than {MAX_BYTES // 2**20} MB")
    text = _decode(content)
    if not text.strip():
        raise CsvError("csv.empty", "the file is empty: it must hold rows of two numbers, x and y")
    if "\x00" in text:
        row = text.count("\n", 0, text.index("\x00")) + 1
        raise CsvError("csv.binary", "a NUL character: this is not a text file", row)
    separator = ";" if ";" in _first_line(text) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    header = None
    xs: list[float] = []
    ys: list[float] = []
    first = True
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CsvError("csv.syntax", f"not valid CSV ({exc})", reader.line_num) from None
        row = reader.line_num
        if all(not f.strip() for f in fields):
            continue  # a blank line, or only separators
        _check_columns(fields, row, separator)
        if first:
            first = False
            if not any(_looks_numeric(f, separator) for f in fields):
                header = (one_line(fields[0].strip(), 40), one_line(fields[1].strip(), 40))
                continue
        if len(xs) == MAX_ROWS:
            raise CsvError(
                "csv.too_many_rows",
                f"more than {MAX_ROWS:,} data rows; GradLab reads at most {MAX_ROWS:,}",
                row,
            )
        xs.append(_number(fields[0], "x", row, separator))
        ys.append(_number(fields[1], "y", row, separator))
    if not xs:
        raise CsvError(
            "csv.empty", "the file has a header but no data rows: it needs at least one row"
        )
    return CsvData(DataPoints(tuple(xs), tuple(ys)), header, separator)


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")  # strict: a bad byte is refused, never replaced
    except UnicodeDecodeError as exc:
        row = content.count(b"\n", 0, exc.start) + 1
        raise CsvError(
            "csv.encoding",
            f"not UTF-8 text (byte 0x{content[exc.start]:02x}); save the file as UTF-8 CSV",
            row,
        ) from None


def _first_line(text: str) -> str:
    for line in re.split(r"\r\n|\r|\n", text):  # the line ends the csv module knows
        if line.strip():
            return line
    return ""


def _check_columns(fields: list[str], row: int, separator: str) -> None:
    sep = "a semicolon" if separator == ";" else "a comma"
    if len(fields) == 1:
        raise CsvError(
            "csv.one_column",
            f"one column ({_shown(fields[0])}); GradLab reads two, x then y, separated by {sep}",
            row,
            text=_shown(fields[0]),
        )
    if len(fields) > 2:
        raise CsvError(
            "csv.columns",
            f"{len(fields)} columns; GradLab reads exactly two, x then y "
            f"(separated by {sep}): keep only those two",
            row,
            text=str(len(fields)),
        )


def _looks_numeric(field: str, separator: str) -> bool:
    """A number, or an attempt at one (nan, inf): never a header's name."""
    text = field.strip()
    return bool(
        _NUMBER.fullmatch(text)
        or _NOT_FINITE.fullmatch(text)
        or (separator == ";" and _DECIMAL_COMMA.fullmatch(text))
    )


def _number(field: str, column: str, row: int, separator: str) -> float:
    text = field.strip()
    shown = _shown(text)
    if not text:
        raise CsvError("csv.missing", f"the {column} column is empty", row, column)
    if _NOT_FINITE.fullmatch(text):
        raise CsvError(
            "csv.not_finite",
            f"{shown} in the {column} column is not allowed: every value must be a finite number",
            row,
            column,
            shown,
        )
    if separator == ";" and _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise CsvError(
            "csv.not_a_number",
            f"{shown} in the {column} column is not a number (write numbers like 12, -0.5 "
            f"or 2.5e-3)",
            row,
            column,
            shown,
        )
    value = float(text)
    if not -MAX_ABS_VALUE <= value <= MAX_ABS_VALUE:  # also inf from 1e999
        raise CsvError(
            "csv.out_of_range",
            f"{shown} in the {column} column is too large: values must be between "
            f"-{MAX_ABS_TEXT} and {MAX_ABS_TEXT}",
            row,
            column,
            shown,
        )
    return value


def _shown(text: str) -> str:
    return repr(one_line(text, _SHOWN))


# ---------------------------------------------------------------- writing
def format_columns(xs, ys, header: tuple[str, str] = ("x", "y")) -> str:
    """Two equally long columns of finite float32 values as CSV text: a header,
    then one `x,y` row each, every value the shortest text that reads back to the
    same float32 (the generated data may hold more rows than GradLab reads back)."""
    lines = [",".join(_header_field(h) for h in header)]
    lines += [f"{literal(x)},{literal(y)}" for x, y in zip(xs, ys, strict=True)]
    return "\n".join(lines) + "\n"


def _header_field(name: str) -> str:
    """A header name as a CSV field that reads back as a name: never a number,
    and without the characters that would change how the file splits."""
    name = re.sub(r'[,;"]', " ", one_line(name, 40)).strip() or "?"
    if _looks_numeric(name, ",") or _looks_numeric(name, ";"):
        name = f"{name} (column)"
    return name
