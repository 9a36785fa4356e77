"""Issue 15 items 2 and 4: special files, oversized files and decompression bombs
are refused before torch.load; a pickle that asks to run code is named."""

import io
import os
import pickle
import subprocess
import sys
import zipfile
import zlib

import pytest

from gradlab.core import checkpoint, torchfile
from gradlab.core.session import TrainingSession
from tests.checkpoint_payloads import is_one_line

BOMB_BYTES = 7_800_000  # of 0x55: each byte is four copies of 258 zeros


@pytest.fixture(scope="module")
def good_bytes():
    s = TrainingSession()
    s.run_updates(3)
    return checkpoint.to_bytes(s)


def _refused(path, code):
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(path)
    assert info.value.code == code, str(info.value)
    assert is_one_line(str(info.value))
    return str(info.value)


# ------------------------------------------------------------ special files
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "session.gradlab.pt"
    os.mkfifo(fifo)
    assert "FIFO" in _refused(fifo, "checkpoint.not_a_file")


def test_a_fifo_given_to_resume_exits_2_at_once(tmp_path):
    fifo = tmp_path / "c.pt"
    os.mkfifo(fifo)
    # The timeout only guards the test run against the old hang.
    done = subprocess.run(
        [sys.executable, "-m", "gradlab", "train", "--resume", str(fifo)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "FIFO" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_symlink_to_dev_zero_is_refused_unread(tmp_path):
    link = tmp_path / "zero.pt"
    link.symlink_to("/dev/zero")
    assert "character device" in _refused(link, "checkpoint.not_a_file")


def test_a_folder_and_a_device_are_refused(tmp_path):
    assert "folder" in _refused(tmp_path, "checkpoint.not_a_file")
    _refused("/dev/null", "checkpoint.not_a_file")


def test_an_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.pt"
    with open(big, "wb") as fh:
        fh.truncate(checkpoint.MAX_BYTES + 1)  # sparse: no disk, no time
    _refused(big, "checkpoint.too_large")


def test_a_missing_file_or_an_impossible_path_is_unreadable(tmp_path):
    _refused(tmp_path / "missing.pt", "checkpoint.unreadable")
    _refused(str(tmp_path / "nul\0byte.pt"), "checkpoint.unreadable")
    loop = tmp_path / "loop.pt"
    loop.symlink_to(loop)
    _refused(loop, "checkpoint.unreadable")


# ------------------------------------------------------------------ bombs
class _Bits:
    """A deflate bit stream (RFC 1951: least significant bit first)."""

    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value: int, count: int) -> None:
        self.acc |= value << self.n
        self.n += count
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def flush(self) -> bytes:
        if self.n:
            self.out.append(self.acc & 0xFF)
        self.acc = self.n = 0
        return bytes(self.out)


def deflate_bomb(repeat_bytes: int) -> tuple[bytes, int]:
    """A raw deflate stream and the size it inflates to: one zero byte, then
    copies of 258 zeros at distance 1, two bits each (the best deflate does),
    so a few MB inflate to GBs. Built from its parts; nothing is compressed."""
    bits = _Bits()
    # Block 1, stored: the first zero byte (and byte alignment after it).
    bits.put(0, 1)
    bits.put(0b00, 2)
    bits.flush()
    head = bytes(bits.out) + (1).to_bytes(2, "little") + (0xFFFE).to_bytes(2, "little") + b"\0"
    bits = _Bits()
    # Block 2, final, dynamic Huffman: literal/length codes 256 (end) and 285
    # (length 258) of one bit each, one distance code (distance 1) of one bit.
    bits.put(1, 1)
    bits.put(0b10, 2)
    bits.put(286 - 257, 5)  # HLIT
    bits.put(1 - 1, 5)  # HDIST
    order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    bits.put(18 - 4, 4)  # HCLEN: code length codes up to symbol 1
    for symbol in order[:18]:
        bits.put(1 if symbol in (1, 18) else 0, 3)  # '1' -> 0, '18' -> 1
    # 287 code lengths: 256 zeros, 1 (256), 28 zeros, 1 (285), 1 (distance 0).
    for run in (138, 118):
        bits.put(1, 1)  # symbol 18: a run of zeros
        bits.put(run - 11, 7)
    bits.put(0, 1)  # symbol 1
    bits.put(1, 1)
    bits.put(28 - 11, 7)
    bits.put(0, 1)
    bits.put(0, 1)
    copies = 0
    while bits.n:  # copies (bit 1 = code 285, bit 0 = distance 0) until aligned
        bits.put(0b01, 2)
        copies += 1
    body = bits.flush() + b"\x55" * repeat_bytes
    copies += 4 * repeat_bytes
    tail = _Bits()
    tail.put(0, 1)  # end of block
    return head + body + tail.flush(), 1 + 258 * copies


def test_the_handmade_deflate_stream_is_what_zlib_inflates():
    stream, size = deflate_bomb(1000)
    inflated = zlib.decompressobj(-15).decompress(stream)
    assert len(inflated) == size and inflated.count(0) == size


def _bomb_checkpoint(good: bytes) -> bytes:
    stream, size = deflate_bomb(BOMB_BYTES)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst,
    ):
        storage = next(e.filename for e in src.infolist() if "/data/" in e.filename)
        for entry in src.infolist():
            dst.writestr(entry.filename, stream if entry.filename == storage else src.read(entry))
        # Declare the entry as deflate and its true inflated size, as the bomb did.
        info = dst.getinfo(storage)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size
    return out.getvalue()


def test_a_decompression_bomb_is_refused_from_its_directory(good_bytes, tmp_path):
    data = _bomb_checkpoint(good_bytes)
    assert 7_500_000 < len(data) < 8_000_000
    declared = sum(e.file_size for e in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert declared > 8 * 10**9
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(data, "bomb.pt")
    assert info.value.code == "checkpoint.too_large"
    assert f"{declared:,}" in str(info.value)
    # In a real process: refused in one line, and its peak memory (VmHWM, which
    # starts afresh at exec) stays near what importing torch takes; the bomb
    # took 8.2 GB before.
    path = tmp_path / "bomb.pt"
    path.write_bytes(data)
    peak = tmp_path / "peak.txt"
    done = subprocess.run(
        [sys.executable, "-c", PEAK_DRIVER, str(peak), "train", "--resume", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "would unpack to" in done.stderr
    if sys.platform.startswith("linux"):
        assert int(peak.read_text()) < 1_000_000  # kB: 1 GB


# Runs `gradlab ARGS...` and writes the process's peak resident memory in kB.
PEAK_DRIVER = """
import runpy, sys
out, sys.argv = sys.argv[1], ["gradlab", *sys.argv[2:]]
try:
    runpy.run_module("gradlab", run_name="__main__", alter_sys=True)
finally:
    try:
        status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    except OSError:
        status = "0"
    open(out, "w").write(status)
"""


def test_compressed_entries_and_too_many_entries_are_refused(good_bytes):
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good_bytes)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for entry in src.infolist():
            dst.writestr(entry.filename, src.read(entry))
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(out.getvalue(), "deflated.pt")
    assert info.value.code == "checkpoint.corrupt" and "compressed" in str(info.value)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for i in range(torchfile.MAX_ENTRIES + 1):
            dst.writestr(f"archive/{i}", b"")
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(out.getvalue(), "many.pt")
    assert info.value.code == "checkpoint.too_large"


# ------------------------------------------------- pickles that ask for code
class _System:
    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


class _Call:
    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (subprocess.call, (self.command,))


class _Eval:
    def __init__(self, command):
        self.command = command

    def __reduce__(self):
        return (eval, (f"__import__('os').system({self.command!r})",))


def _with_pickle(good: bytes, pickled: bytes) -> bytes:
    """A real torch.save archive whose data.pkl is replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for entry in src.infolist():
            data = pickled if entry.filename.endswith("data.pkl") else src.read(entry)
            dst.writestr(entry.filename, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("maker", "protocol", "named"),
    [
        (_System, 2, "posix.system"),  # torch: "Trying to load unsupported GLOBAL ..."
        (_Call, 2, "subprocess.call"),  # torch: "Unsupported global: GLOBAL ..."
        (_System, 4, "posix.system"),  # torch stops at the frame opcode: found by pickletools
        (_Eval, 4, "builtins.eval"),
    ],
)
def test_a_pickle_asking_to_run_code_is_refused_naming_the_global(
    good_bytes, tmp_path, maker, protocol, named
):
    marker = tmp_path / "PWNED"
    evil = {"format": "gradlab-checkpoint", "payload": maker(f"touch {marker}")}
    for name, data in {
        "zip": _with_pickle(good_bytes, pickle.dumps(evil, protocol=protocol, fix_imports=False)),
        "plain pickle": pickle.dumps(evil, protocol=protocol, fix_imports=False),
    }.items():
        with pytest.raises(checkpoint.CheckpointError) as info:
            checkpoint.from_bytes(data, "evil.pt")
        assert info.value.code == "checkpoint.unsafe", name
        message = str(info.value)
        assert "asks to run code" in message and named in message, (name, message)
        assert "damaged" not in message and is_one_line(message)
    assert not marker.exists()


def test_a_plain_pickle_without_globals_is_not_a_checkpoint():
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.from_bytes(pickle.dumps({"format": "gradlab-checkpoint"}), "plain.pt")
    assert info.value.code == "checkpoint.corrupt"


def test_a_path_with_a_nul_byte_is_each_loaders_own_refusal():
    """No system takes such a path: each loader says so in its own error type,
    as it promises, never a bare ValueError from the system call."""
    from gradlab.core.csvdata import CsvError, read_csv
    from gradlab.core.jsondata import JsonError, read_json

    with pytest.raises(CsvError, match="null byte"):
        read_csv("a\0b.csv")
    with pytest.raises(JsonError, match="null byte"):
        read_json("a\0b.json", 100)
    with pytest.raises(checkpoint.CheckpointError, match="cannot read .*null byte"):
        checkpoint.load("a\0b.gradlab.pt")
