"""Issue 17 item 2: a CSV file of the student's data is read field by field, and
refused with one line naming the row and the problem; item 3: what GradLab writes
reads back to the same float32 bits. The expected values come from torch
(torch.tensor(..., dtype=float32)), never from gradlab's own rounding."""

import os
import threading

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradlab.core.csvdata import MAX_BYTES, CsvError, format_columns, parse_csv, read_csv
from gradlab.core.datapoints import MAX_ROWS, DataPoints
from gradlab.core.fileio import atomic_write_text


def bits(values) -> list[int]:
    return torch.tensor(values, dtype=torch.float32).view(torch.int32).tolist()


def is_one_line(text: str) -> bool:
    return bool(text) and text.isprintable()


# ------------------------------------------------------------------ good files
GOOD = [
    # (bytes, xs, ys, header, separator)
    (b"0,32\n100,212\n", [0, 100], [32, 212], None, ","),
    (
        b"celsius,fahrenheit\n-5,23.1\n20.5,68.9\n",
        [-5, 20.5],
        [23.1, 68.9],
        ("celsius", "fahrenheit"),
        ",",
    ),
    (b"\xef\xbb\xbfx,y\r\n1,2\r\n3,4\r\n", [1, 3], [2, 4], ("x", "y"), ","),  # BOM, CRLF
    (b"x;y\n1,5;2,25\n-3;4e2\n", [1.5, -3], [2.25, 400], ("x", "y"), ";"),  # decimal comma
    (b"x;y\r1.5;.5\r", [1.5], [0.5], ("x", "y"), ";"),  # old Mac line ends
    (b'"a","b"\n"1.5"," 2"\n', [1.5], [2], ("a", "b"), ","),  # quoted fields
    (b"\n\n  1 , 2 \n\n3,\t4\n\n", [1, 3], [2, 4], None, ","),  # blank lines, spaces
    (b"1,2\n,\n3,4", [1, 3], [2, 4], None, ","),  # a row of separators only; no last \n
    (b"+1e-3,-0\n1.,007\n", [0.001, 1], [-0.0, 7], None, ","),
    ("温度 °C,华氏\n0.1,0.2\n".encode(), [0.1], [0.2], ("温度 °C", "华氏"), ","),
]


@pytest.mark.parametrize(("content", "xs", "ys", "header", "separator"), GOOD)
def test_a_good_file_gives_its_values_as_float32_in_order(content, xs, ys, header, separator):
    data = parse_csv(content)
    assert bits(data.points.x) == bits(xs) and bits(data.points.y) == bits(ys)
    assert data.header == header and data.separator == separator


def test_a_negative_zero_keeps_its_sign():
    assert str(parse_csv(b"-0,-0.0\n").points.x[0]) == "-0.0"


# ------------------------------------------------------------------ refusals
BAD = [
    # (bytes, code, row the message names or None)
    (b"", "csv.empty", None),
    (b"\n \r\n\t\n", "csv.empty", None),
    (b"\xef\xbb\xbf", "csv.empty", None),
    (b"x,y\n", "csv.empty", None),
    (b"x,y\n1,2\n3,abc\n", "csv.not_a_number", 3),
    (b"x,y\n1,2\nabc,3\n", "csv.not_a_number", 3),
    (b"1,2\n3,4\nx,y\n", "csv.not_a_number", 3),  # a header in the middle
    (b"x,5\n1,2\n", "csv.not_a_number", 1),  # a name beside a number is no header
    (b"1,2\n3\n", "csv.one_column", 2),
    (b"x\n1\n", "csv.one_column", 1),
    (b"1\t2\n", "csv.one_column", 1),  # tab-separated: not a separator GradLab reads
    (b"1,2,3\n", "csv.columns", 1),
    (b"x,y\n1,2\n1,2,\n", "csv.columns", 3),  # a trailing separator makes a third column
    (b"1,2\n3,\n", "csv.missing", 2),
    (b"1,2\n3,nan\n", "csv.not_finite", 2),
    (b"1,2\n-inf,3\n", "csv.not_finite", 2),
    (b"1,2\nInfinity,3\n", "csv.not_finite", 2),
    (b"1,1e999\n", "csv.out_of_range", 1),
    (b"1,2\n2e15,1\n", "csv.out_of_range", 2),
    (b"1,2\n0x10,1\n", "csv.not_a_number", 2),
    (b"1,2\n1_000,1\n", "csv.not_a_number", 2),
    ("1,2\n١٢,1\n".encode(), "csv.not_a_number", 2),  # Arabic-Indic digits: float() takes them
    (b"1,5,2\n", "csv.columns", 1),  # a decimal comma needs a semicolon file
    (b"1,2\n\xff\xfe,3\n", "csv.encoding", 2),
    ("x,y\n1,2\n".encode("utf-16"), "csv.encoding", 1),
    (b"1,2\n3,4\x00\n", "csv.binary", 2),
    (b'1,2\n"3,4\n', "csv.syntax", 2),  # the quote opened on line 2 never closes
    (b'1,2\n"3"x,4\n', "csv.syntax", 2),
]


@pytest.mark.parametrize(("content", "code", "row"), BAD)
def test_a_bad_file_is_refused_with_one_line_naming_the_row(content, code, row):
    with pytest.raises(CsvError) as info:
        parse_csv(content)
    error = info.value
    assert error.code == code and error.row == row
    assert is_one_line(str(error))
    if row is not None:
        assert str(error).startswith(f"row {row}: ")


def test_the_message_names_the_column_and_quotes_the_field():
    with pytest.raises(CsvError) as info:
        parse_csv(b"x,y\n1,2\n3,twelve\n")
    assert str(info.value).startswith("row 3: 'twelve' in the y column is not a number")
    assert info.value.column == "y" and info.value.text == "'twelve'"


def test_a_hostile_field_is_shown_on_one_line():
    with pytest.raises(CsvError) as info:
        parse_csv('1,2\n"a\nb\u202e",3\n'.encode())
    assert is_one_line(str(info.value)) and "\\n" in str(info.value)


def rows_csv(n: int) -> bytes:
    return b"x,y\n" + b"".join(b"%d,%d\n" % (i, 2 * i + 1) for i in range(n))


def test_the_row_limit_is_exactly_max_rows():
    data = parse_csv(rows_csv(MAX_ROWS))
    assert len(data.points) == MAX_ROWS == 10_000
    with pytest.raises(CsvError) as info:
        parse_csv(rows_csv(MAX_ROWS + 1))
    # The header is line 1, so the 10,001st data row is line 10,002.
    assert info.value.code == "csv.too_many_rows" and info.value.row == MAX_ROWS + 2
    assert "10,000" in str(info.value)


def test_a_file_past_the_byte_limit_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"1,2\n" * (MAX_BYTES // 4 + 1))
    with pytest.raises(CsvError) as info:
        read_csv(path)
    assert info.value.code == "csv.too_large"


# ------------------------------------------------------------- special files
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "data.csv"
    os.mkfifo(fifo)
    result = {}

    def read():
        try:
            read_csv(fifo)
        except CsvError as exc:
            result["error"] = exc

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert result["error"].code == "csv.not_a_file"


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(path):
    if not os.path.exists(path):
        pytest.skip("no such device here")
    with pytest.raises(CsvError) as info:
        read_csv(path)
    assert info.value.code == "csv.not_a_file" and "device" in str(info.value)


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    with pytest.raises(CsvError) as info:
        read_csv(tmp_path)
    assert info.value.code == "csv.not_a_file"
    with pytest.raises(CsvError) as info:
        read_csv(tmp_path / "missing.csv")
    assert info.value.code == "csv.unreadable" and is_one_line(str(info.value))


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "data.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(CsvError) as info:
        read_csv(link)
    assert info.value.code == "csv.not_a_file"


# --------------------------------------------------------------- hypothesis
@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_data_or_a_csv_error(content):
    try:
        data = parse_csv(content)
    except CsvError as exc:
        assert is_one_line(str(exc)) and exc.code.startswith("csv.")
        return
    assert 1 <= len(data.points) <= MAX_ROWS
    for column in (data.points.x, data.points.y):
        as_double = torch.tensor(column, dtype=torch.float64)
        assert torch.isfinite(as_double).all() and (as_double.abs() <= 1e15).all()
        # Every value kept is exactly a float32 value: what the tensors will hold.
        assert torch.equal(as_double, as_double.float().double())


CELL = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
    st.text(alphabet="0123456789.,;-+eE naif\"'\t", max_size=8),
    st.text(max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(CELL, min_size=0, max_size=4), max_size=12),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_random_tables_give_data_or_a_csv_error(table, separator, newline, bom):
    text = newline.join(separator.join(row) for row in table)
    content = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    try:
        parse_csv(content)
    except CsvError as exc:
        assert is_one_line(str(exc))


FINITE = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_subnormal=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(FINITE, FINITE), min_size=1, max_size=40),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.booleans(),
)
def test_a_table_of_numbers_reads_back_as_its_float32_values(rows, sep, newline, header, bom):
    lines = (["x" + sep + "y"] if header else []) + [f"{x!r}{sep}{y!r}" for x, y in rows]
    content = (b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode()
    data = parse_csv(content)
    assert bits(data.points.x) == bits([x for x, _ in rows])
    assert bits(data.points.y) == bits([y for _, y in rows])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FINITE, FINITE), min_size=1, max_size=40))
def test_what_gradlab_writes_reads_back_to_the_same_float32_bits(rows):
    points = DataPoints.from_rows(rows)
    text = format_columns(points.x, points.y)
    back = parse_csv(text.encode()).points
    assert bits(back.x) == bits([x for x, _ in rows]) and bits(back.y) == bits([y for _, y in rows])
    # ... and so does plain Python reading it: float(), then torch's float32.
    body = [line.split(",") for line in text.splitlines()[1:]]
    assert bits([float(x) for x, _ in body]) == bits([x for x, _ in rows])


def test_an_exported_file_reads_back(tmp_path):
    """As File ▸ Export data writes it (ui.data_editing.export_file)."""
    points = DataPoints((0.1, -2.5, 1e-7), (3.3, 0.0, 123456.789))
    text = format_columns(points.x, points.y, header=("celsius", "fahrenheit"))
    atomic_write_text(tmp_path / "out.csv", text)
    data = read_csv(tmp_path / "out.csv")
    assert data.points == points and data.header == ("celsius", "fahrenheit")
    assert (tmp_path / "out.csv").read_text().splitlines()[1] == "0.1,3.3"


def test_a_header_that_looks_like_a_number_or_splits_is_made_a_name(tmp_path):
    points = DataPoints((1.0,), (2.0,))
    text = format_columns(points.x, points.y, header=("12", 'a;b,"c"'))
    data = parse_csv(text.encode())
    assert data.points == points and data.separator == ","
    assert data.header == ("12 (column)", "a b  c")
