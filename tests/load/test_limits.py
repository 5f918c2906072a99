"""Decompression caps: sizes, the capped reader, in-memory decompression and zip checks."""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import lzma
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from modelprivacy.errors import DataError, ModelLoadError
from modelprivacy.load._limits import (
    CappedReader,
    GiB,
    KiB,
    MiB,
    SizeError,
    check_zip_members,
    decompress_capped,
    decompression_cap,
    detect_compression,
    format_size,
    parse_seconds,
    parse_size,
    read_member_capped,
)

ZEROS_MEMBER = gzip.compress(b"0" * MiB, 9)  # about 1 KiB


def gzip_bomb(mib: int) -> bytes:
    """A gzip file of ``mib`` MiB of ASCII zeros, built in milliseconds (one member per MiB)."""
    return ZEROS_MEMBER * mib


# -- sizes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4G", 4 * GiB),
        ("4g", 4 * GiB),
        ("4GB", 4 * GiB),
        ("4GiB", 4 * GiB),
        ("512M", 512 * MiB),
        ("1.5GiB", 3 * GiB // 2),
        (" 64 KiB ", 64 * KiB),
        ("100000", 100_000),
        ("100B", 100),
        ("0", 0),
        ("none", 0),
        ("Unlimited", 0),
        (123, 123),
    ],
)
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "4X", "-1G", "G", "4Gi", "1e9", "four", "4 G B"])
def test_parse_size_refuses_nonsense_with_a_clear_message(text):
    with pytest.raises(ValueError, match=r"invalid size .*such as 4G, 512M or 1\.5GiB"):
        parse_size(text)


def test_parse_size_refuses_negative_ints_and_other_types():
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_size(-5)
    with pytest.raises(ValueError, match="not float"):
        parse_size(1.5)  # type: ignore[arg-type]


def test_size_error_reads_well_in_argparse(capsys):
    parser = argparse.ArgumentParser(prog="modelprivacy")
    parser.add_argument("--max-memory", type=parse_size)
    assert parser.parse_args(["--max-memory", "2G"]).max_memory == 2 * GiB
    with pytest.raises(SystemExit):
        parser.parse_args(["--max-memory", "lots"])
    err = capsys.readouterr().err
    assert "invalid size 'lots'" in err and "parse_size" not in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120", 120.0),
        ("90s", 90.0),
        ("2m", 120.0),
        ("1.5h", 5400.0),
        ("0", 0.0),
        ("none", 0.0),
        (2.5, 2.5),
    ],
)
def test_parse_seconds(text, expected):
    assert parse_seconds(text) == expected


@pytest.mark.parametrize("text", ["soon", "-3", "2d", float("nan"), -1.0])
def test_parse_seconds_refuses_nonsense(text):
    with pytest.raises(SizeError, match="invalid duration"):
        parse_seconds(text)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 B"),
        (512, "512 B"),
        (1536, "1.5 KiB"),
        (int(3.2 * MiB), "3.2 MiB"),
        (640 * MiB, "640 MiB"),
        (4 * GiB, "4 GiB"),
    ],
)
def test_format_size(n, text):
    assert format_size(n) == text


def test_decompression_cap():
    assert decompression_cap(1000) == 64 * MiB  # the floor
    assert decompression_cap(10 * MiB) == 2000 * MiB
    assert decompression_cap(10 * MiB, ratio=10, floor=0) == 100 * MiB
    assert decompression_cap(10 * MiB, ceiling=GiB) == GiB


# -- the capped reader ------------------------------------------------------------------------


def test_capped_reader_passes_a_stream_within_the_cap():
    text = b"a,b\n" + b"1,2\n" * 1000
    reader = CappedReader(gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(text))), len(text))
    assert reader.readline() == b"a,b\n"
    buffer = bytearray(4)
    assert reader.readinto(buffer) == 4 and bytes(buffer) == b"1,2\n"
    assert reader.read(4) == b"1,2\n" and reader.tell() == 12
    assert reader.read() == text[12:] and reader.read() == b""
    assert reader.bytes_read == len(text)
    assert reader.seek(0) == 0 and reader.read(3) == b"a,b"  # rewinding restarts the stream
    assert not reader.seekable()
    with pytest.raises(io.UnsupportedOperation):
        reader.seek(5)
    reader.close()
    assert reader.closed


def test_capped_reader_refuses_a_real_gzip_bomb_with_bounded_memory():
    bomb = gzip_bomb(200)  # 200 MiB of zeros in about 200 KiB
    reader = CappedReader(
        gzip.GzipFile(fileobj=io.BytesIO(bomb)),
        10 * MiB,
        subject="model file 'm.joblib'",
        compressed_size=len(bomb),
        fix="nothing in it was used",
    )
    tracemalloc.start()
    try:
        with pytest.raises(ModelLoadError) as error:
            reader.read()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * 10 * MiB  # never the 200 MiB
    assert reader.bytes_read <= 10 * MiB + 1
    message = str(error.value)
    assert message.startswith("model file 'm.joblib' decompresses to more than 10 MiB, ")
    assert (
        "x its " in message and "a compression bomb, or an unusually compressible file" in message
    )
    assert message.endswith("; nothing in it was used")
    with pytest.raises(ModelLoadError):  # and it stays refused
        reader.read(1)


@pytest.mark.parametrize("how", ["read", "read1", "readline", "readinto", "lines"])
def test_every_way_of_reading_stops_at_the_cap(how):
    reader = CappedReader(
        gzip.GzipFile(fileobj=io.BytesIO(gzip_bomb(20))),
        MiB,
        error=DataError,
        subject="data file 'd.csv.gz'",
    )
    with pytest.raises(DataError, match=r"data file 'd\.csv\.gz' decompresses to more than 1 MiB"):
        if how == "lines":
            list(reader)
        for _ in range(10_000):
            if how == "readinto":
                reader.readinto(bytearray(64 * KiB))
            else:
                getattr(reader, how)(64 * KiB)
    assert reader.bytes_read <= MiB + 64 * KiB


def test_capped_reader_without_a_cap_reads_everything():
    reader = CappedReader(gzip.GzipFile(fileobj=io.BytesIO(gzip_bomb(3))), 0)
    assert len(reader.read()) == 3 * MiB


# -- in-memory decompression ------------------------------------------------------------------

COMPRESSORS = {
    "gzip": gzip.compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "lzma": lambda data: lzma.compress(data, format=lzma.FORMAT_ALONE),
    "zlib": zlib.compress,
}


@pytest.mark.parametrize("compression", list(COMPRESSORS))
def test_decompress_capped(compression):
    content = b"\x80\x04" + bytes(range(256)) * 400
    packed = COMPRESSORS[compression](content)
    assert detect_compression(packed) == compression
    assert decompress_capped(packed, compression, cap=MiB) == content
    with pytest.raises(ModelLoadError, match="decompresses to more than 50 KiB"):
        decompress_capped(packed, compression, cap=50 * KiB)


FAST_COMPRESSORS = {
    "gzip": lambda data: gzip.compress(data, 1),
    "bz2": lambda data: bz2.compress(data, 1),
    "xz": lambda data: lzma.compress(data, preset=0),
    "lzma": lambda data: lzma.compress(data, format=lzma.FORMAT_ALONE, preset=0),
    "zlib": lambda data: zlib.compress(data, 1),
}


@pytest.mark.parametrize("compression", list(FAST_COMPRESSORS))
def test_decompress_capped_stops_a_bomb(compression):
    packed = FAST_COMPRESSORS[compression](bytes(32 * MiB))
    tracemalloc.start()
    try:
        with pytest.raises(ModelLoadError, match="decompresses to more than 2 MiB"):
            decompress_capped(packed, compression, cap=2 * MiB, subject="model file 'm.joblib'")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MiB  # never the 32 MiB


def test_decompress_capped_reports_corrupt_data():
    with pytest.raises(ModelLoadError, match="is gzip-compressed but cannot be decompressed"):
        decompress_capped(gzip.compress(b"x" * 1000)[:20], "gzip", cap=MiB)


def test_detect_compression_of_a_plain_pickle():
    assert detect_compression(b"\x80\x04\x95") is None


# -- zip archives -----------------------------------------------------------------------------


def make_zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def forge_size(data: bytes, size: int) -> bytes:
    """Make every member of a zip declare ``size`` bytes uncompressed (local and central headers)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset : at + offset + 4] = struct.pack("<I", size)
            at = out.find(signature, at + 4)
    return bytes(out)


def test_check_zip_members_accepts_an_honest_archive():
    data = make_zip({"schema.json": b"{}", "a.npy": bytes(1000)})
    infos = check_zip_members(data, cap_total=MiB, cap_member=MiB)
    assert [info.filename for info in infos] == ["schema.json", "a.npy"]


def test_check_zip_members_refuses_a_member_declaring_a_huge_size():
    data = forge_size(make_zip({"schema.json": b"{}"}), 0xFFFF0000)  # declares ~4 GiB from 4 bytes
    with pytest.raises(ModelLoadError) as error:
        check_zip_members(
            data, cap_total=64 * MiB, cap_member=64 * MiB, subject="model file 'm.skops'"
        )
    message = str(error.value)
    assert (
        "model file 'm.skops' has a member 'schema.json' that declares 4.0 GiB uncompressed"
        in message
    )
    assert "more than the 64 MiB allowed" in message and "nothing in it was read" in message


def test_check_zip_members_refuses_an_impossible_deflate_ratio():
    data = forge_size(make_zip({"a.npy": b"x" * 100}), 50 * MiB)
    with pytest.raises(ModelLoadError, match="more than deflate can expand"):
        check_zip_members(data, cap_total=GiB, cap_member=GiB)


def test_check_zip_members_refuses_a_real_zip_bomb_by_its_total():
    data = make_zip({f"a{i}.npy": bytes(8 * MiB) for i in range(4)})  # 32 MiB in ~130 KiB
    with pytest.raises(ModelLoadError, match="declare more than 16 MiB uncompressed together"):
        check_zip_members(data, cap_total=16 * MiB, cap_member=16 * MiB)


def test_check_zip_members_refuses_stored_members_with_two_sizes():
    data = forge_size(make_zip({"a.npy": b"abcd"}, zipfile.ZIP_STORED), 5000)
    with pytest.raises(ModelLoadError, match="declared sizes differ"):
        check_zip_members(data, cap_total=MiB, cap_member=MiB)


def test_check_zip_members_refuses_too_many_members_and_non_zips():
    data = make_zip({f"m{i}": b"" for i in range(30)})
    with pytest.raises(ModelLoadError, match="30 members, more than the 10 allowed"):
        check_zip_members(data, cap_total=MiB, cap_member=MiB, max_members=10)
    with pytest.raises(DataError, match="is not a valid zip archive"):
        check_zip_members(b"not a zip", cap_total=MiB, cap_member=MiB, error=DataError)


def test_check_zip_members_escapes_member_names():
    data = forge_size(make_zip({"a\x1b[2K.npy": b"x"}), 0xFFFF0000)
    with pytest.raises(ModelLoadError) as error:
        check_zip_members(data, cap_total=MiB, cap_member=MiB)
    assert "\x1b" not in str(error.value) and "\\x1b[2K" in str(error.value)


def test_read_member_capped():
    data = make_zip({"small": b"hello", "big": bytes(4 * MiB)})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert read_member_capped(archive, "small", MiB) == b"hello"
        with pytest.raises(
            ModelLoadError, match=r"\(member 'big'\) decompresses to more than 1 MiB"
        ):
            read_member_capped(archive, "big", MiB, subject="model file 'm.skops'")


def test_read_member_capped_does_not_trust_a_small_declared_size():
    # A member that declares 10 bytes but holds 4 MiB: zipfile stops at the
    # declared size and the CRC check fails; the reader reports it cleanly.
    honest = make_zip({"big": bytes(4 * MiB)})
    lying = forge_size(honest, 10)
    with (
        zipfile.ZipFile(io.BytesIO(lying)) as archive,
        pytest.raises(ModelLoadError, match="member 'big' that cannot be read") as error,
    ):
        read_member_capped(archive, "big", MiB)
    assert "BadZipFile" in str(error.value)  # the CRC check, after at most 10 bytes
