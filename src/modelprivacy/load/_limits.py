"""Caps on how much a compressed file may expand: sizes, capped streams and zip checks.

A compressed file of a few kilobytes can decompress to gigabytes (a
*compression bomb*). Everything here refuses such a file with a one-line
:class:`~modelprivacy.errors.ModelPrivacyError` that names the cap, before the
memory is spent:

- :func:`parse_size`, :func:`format_size` and :func:`parse_seconds` read and
  write the sizes and durations of the command line's limit flags.
- :func:`decompression_cap` derives a cap from the compressed size.
- :class:`CappedReader` wraps a decompressing stream (gzip, bz2, lzma, a zip
  member...) and raises once more than the cap has come out of it; it never
  holds more than the cap plus one byte.
- :func:`detect_compression` and :func:`decompress_capped` decompress a
  joblib-style compressed file held in memory, up to the cap.
- :func:`check_zip_members` refuses a zip archive whose members *declare*
  sizes beyond the caps, before any member is read; :func:`read_member_capped`
  reads one member without trusting its declared size.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import lzma
import math
import os
import re
import zipfile
import zlib
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from modelprivacy._text import printable
from modelprivacy.errors import ModelLoadError, ModelPrivacyError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "DEFAULT_RATIO",
    "CappedReader",
    "GiB",
    "KiB",
    "MiB",
    "SizeError",
    "bomb_message",
    "check_zip_members",
    "decompress_capped",
    "decompression_cap",
    "describe_cap",
    "detect_compression",
    "format_size",
    "parse_seconds",
    "parse_size",
    "read_member_capped",
]

KiB = 1 << 10
MiB = 1 << 20
GiB = 1 << 30

#: How many times its own size a compressed file may expand to by default.
#: Text and arrays seldom compress more than 10 to 50 times; 200 leaves room
#: for unusually regular data while stopping bombs, which expand 1,000 to
#: 1,000,000 times.
DEFAULT_RATIO = 200
#: The smallest cap: a small file may always expand to this much.
DEFAULT_FLOOR = 64 * MiB

_UNITS = {"": 1, "k": KiB, "m": MiB, "g": GiB, "t": 1 << 40, "p": 1 << 50}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([kmgtp]?)(i?b?)\s*$", re.IGNORECASE)
_SECONDS = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(s|sec|m|min|h)?\s*$", re.IGNORECASE)
_UNLIMITED = frozenset({"0", "none", "unlimited", "inf", "infinity"})
_CHUNK = 1 * MiB
# Deflate cannot expand more than 1032 times; a member declaring more lies.
_DEFLATE_MAX_RATIO = 1100
_BOMB = "a compression bomb, or an unusually compressible file"


class SizeError(argparse.ArgumentTypeError, ValueError):
    """A size or duration that cannot be read.

    It is a :class:`ValueError`, and an :class:`argparse.ArgumentTypeError` so
    that ``type=parse_size`` in an argument parser prints this message rather
    than argparse's generic one.
    """


def parse_size(text: str | int) -> int:
    """Read a size in bytes such as ``4G``, ``512M``, ``1.5GiB`` or ``100000``.

    Parameters
    ----------
    text : str or int
        A non-negative number with an optional unit: ``K``, ``M``, ``G``, ``T``
        or ``P``, optionally followed by ``iB`` or ``B`` (case does not matter).
        Every unit is a power of 1024, as for ``ulimit`` and most tools:
        ``4G``, ``4GB`` and ``4GiB`` are all 4,294,967,296 bytes. ``0``,
        ``none`` and ``unlimited`` mean no limit. An int is taken as bytes.

    Returns
    -------
    int
        The size in bytes (fractions of a byte are dropped); 0 means no limit.

    Raises
    ------
    SizeError
        The text is not such a size (a :class:`ValueError`).
    """
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise SizeError(
            f"a size must be a string such as '4G' or an int, not {type(text).__name__}"
        )
    if isinstance(text, int):
        if text < 0:
            raise SizeError(f"invalid size {text}: a size cannot be negative (0 for no limit)")
        return text
    if text.strip().lower() in _UNLIMITED:
        return 0
    match = _SIZE.match(text)
    if match is None or (match.group(3) and match.group(3).lower() == "i"):
        raise SizeError(
            f"invalid size {text!r}: give a number of bytes with an optional unit, such as "
            "4G, 512M or 1.5GiB (0 or none for no limit)"
        )
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def parse_seconds(text: str | float) -> float:
    """Read a duration such as ``120``, ``90s``, ``2m`` or ``1.5h``.

    Parameters
    ----------
    text : str or float
        A non-negative number of seconds, with an optional unit ``s``, ``m``
        (minutes) or ``h`` (hours). ``0``, ``none`` and ``unlimited`` mean no
        limit. A number is taken as seconds.

    Returns
    -------
    float
        The duration in seconds; 0.0 means no limit.

    Raises
    ------
    SizeError
        The text is not such a duration (a :class:`ValueError`).
    """
    if isinstance(text, bool) or not isinstance(text, int | float | str):
        raise SizeError(
            f"a duration must be a string such as '2m' or a number, not {type(text).__name__}"
        )
    if not isinstance(text, str):
        if not math.isfinite(text) or text < 0:
            raise SizeError(f"invalid duration {text}: give a non-negative number of seconds")
        return float(text)
    if text.strip().lower() in _UNLIMITED:
        return 0.0
    match = _SECONDS.match(text)
    if match is None:
        raise SizeError(
            f"invalid duration {text!r}: give a number of seconds with an optional unit, "
            "such as 120, 90s, 2m or 1.5h (0 or none for no limit)"
        )
    unit = (match.group(2) or "s").lower()[:1]
    return float(match.group(1)) * {"s": 1, "m": 60, "h": 3600}[unit]


def format_size(n: int | float) -> str:
    """Write a size in bytes for a message: ``512 B``, ``3.2 MiB``, ``640 MiB``, ``4 GiB``.

    Parameters
    ----------
    n : int or float
        A number of bytes.

    Returns
    -------
    str
        The size in the largest binary unit that keeps it at least 1, with one
        decimal unless it is whole.
    """
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            break
        value /= 1024
    if unit == "B" or value == int(value):
        return f"{int(value):,} {unit}"
    return f"{value:,.1f} {unit}"


def decompression_cap(
    compressed_size: int,
    *,
    ratio: float = DEFAULT_RATIO,
    floor: int = DEFAULT_FLOOR,
    ceiling: int | None = None,
) -> int:
    """The most that a compressed file of this size may expand to.

    Parameters
    ----------
    compressed_size : int
        The size of the compressed file, in bytes.
    ratio : float, default=200
        How many times its size the file may expand.
    floor : int, default=64 MiB
        The cap of small files: any file may expand to this much.
    ceiling : int, optional
        An absolute cap, whatever the file size.

    Returns
    -------
    int
        ``max(floor, compressed_size * ratio)``, at most ``ceiling``.
    """
    cap = max(int(floor), int(max(compressed_size, 0) * ratio))
    return cap if ceiling is None else min(cap, int(ceiling))


def describe_cap(cap: int, compressed_size: int | None) -> str:
    """A cap for a message: ``"640 MiB, 200x its 3.2 MiB size"``.

    Parameters
    ----------
    cap : int
        The cap, in bytes.
    compressed_size : int or None
        The size of the compressed file, when known (else only the cap is shown).

    Returns
    -------
    str
        The cap, with its ratio to the file's size.
    """
    if not compressed_size or compressed_size <= 0:
        return format_size(cap)
    return (
        f"{format_size(cap)}, {cap / compressed_size:,.0f}x its {format_size(compressed_size)} size"
    )


def bomb_message(subject: str, cap: int, compressed_size: int | None, fix: str) -> str:
    """The message of a file that decompresses to more than its cap.

    Parameters
    ----------
    subject : str
        The file, as the message names it (``"model file 'x.joblib'"``).
    cap : int
        The cap, in bytes.
    compressed_size : int or None
        The size of the compressed file, when known.
    fix : str
        What to do about it, ending the message.

    Returns
    -------
    str
        One line, such as "model file 'x' decompresses to more than 640 MiB,
        200x its 3.2 MiB size: a compression bomb, or an unusually
        compressible file; ...".
    """
    return (
        f"{subject} decompresses to more than {describe_cap(cap, compressed_size)}: {_BOMB}; {fix}"
    )


_DEFAULT_FIX = "nothing in it was used; if you trust the file, decompress it yourself and give the uncompressed file"


class CappedReader(io.BufferedIOBase):
    """A binary stream that refuses to yield more than ``cap`` bytes.

    Wraps a (decompressing) binary stream and counts the bytes read through
    it. Once more than ``cap`` bytes have come out, the read raises ``error``
    with a message naming the cap (see :func:`bomb_message`), and so does every
    later read. No read asks the wrapped stream for more than the cap plus one
    byte, so memory stays bounded even for ``read()``.

    Parameters
    ----------
    stream : binary file-like
        The stream to read, such as :class:`gzip.GzipFile` or an open zip
        member. It needs ``read(n)``; ``readinto``, ``read1`` and ``readline``
        are used when it has them.
    cap : int
        The most bytes that may be read; 0 or less means no cap.
    subject : str, default="the file"
        The file, as messages name it (``"data file 'train.csv.gz'"``).
    compressed_size : int, optional
        The compressed size, for the message's ratio.
    fix : str, optional
        What to do, ending the message.
    error : type of ModelPrivacyError, default=ModelLoadError
        The exception raised at the cap.
    close_stream : bool, default=True
        Whether :meth:`close` also closes ``stream``.

    Notes
    -----
    Supports ``read(n)``, ``read()``, ``read1``, ``readinto``, ``readline`` and
    iteration over lines. ``tell()`` is the number of bytes read. ``seek`` only
    rewinds, ``seek(0)``, which restarts the wrapped stream (for a
    decompressor: decompression starts over, from the beginning of the file) and
    resets the count; ``seek(0, io.SEEK_CUR)`` returns the position. Any other
    seek raises :class:`io.UnsupportedOperation`, and :meth:`seekable` is False,
    so that readers that need random access notice.
    """

    def __init__(
        self,
        stream: IO[bytes] | BinaryIO | Any,
        cap: int,
        *,
        subject: str = "the file",
        compressed_size: int | None = None,
        fix: str = _DEFAULT_FIX,
        error: type[ModelPrivacyError] = ModelLoadError,
        close_stream: bool = True,
    ) -> None:
        super().__init__()
        self._stream = stream
        self.cap = int(cap) if cap and cap > 0 else 0
        self.subject = subject
        self.compressed_size = compressed_size
        self.fix = fix
        self.error = error
        self._close_stream = close_stream
        self._count = 0
        self._tripped = False

    # -- accounting ----------------------------------------------------------------------

    @property
    def bytes_read(self) -> int:
        """How many bytes have been read so far."""
        return self._count

    def _allowance(self, size: int | None) -> int:
        """How many bytes the next read may ask for: at most the rest of the cap plus one."""
        self._check_open()
        if self._tripped:
            raise self._exceeded()
        if not self.cap:
            return -1 if size is None or size < 0 else size
        left = self.cap - self._count + 1
        return left if size is None or size < 0 else min(size, left)

    def _add(self, n: int) -> None:
        self._count += n
        if self.cap and self._count > self.cap:
            self._tripped = True
            raise self._exceeded()

    def _exceeded(self) -> ModelPrivacyError:
        return self.error(bomb_message(self.subject, self.cap, self.compressed_size, self.fix))

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed file")

    # -- reading ---------------------------------------------------------------------------

    def readable(self) -> bool:
        """True: this is a stream for reading."""
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Read up to ``size`` bytes (all the rest, up to the cap, if negative or None).

        Parameters
        ----------
        size : int or None, default=-1
            How many bytes to read.

        Returns
        -------
        bytes
            The bytes; empty at the end of the stream.

        Raises
        ------
        ModelPrivacyError
            More than the cap would have been read (the class given as ``error``).
        """
        if size is None or size < 0:
            return self.readall()
        data = self._stream.read(self._allowance(size))
        self._add(len(data))
        return bytes(data)

    def readall(self) -> bytes:
        """Read to the end of the stream, up to the cap.

        Returns
        -------
        bytes
            The rest of the stream.
        """
        parts: list[bytes] = []
        while True:
            want = self._allowance(_CHUNK)
            chunk = self._stream.read(want if want > 0 else _CHUNK)
            if not chunk:
                return b"".join(parts)
            self._add(len(chunk))
            parts.append(bytes(chunk))

    def read1(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes with at most one read of the wrapped stream.

        Parameters
        ----------
        size : int, default=-1
            How many bytes at most (a buffer's worth if negative).

        Returns
        -------
        bytes
            The bytes; empty at the end of the stream.
        """
        want = self._allowance(_CHUNK if size is None or size < 0 else size)
        want = want if want > 0 else _CHUNK
        reader = getattr(self._stream, "read1", self._stream.read)
        data = reader(want)
        self._add(len(data))
        return bytes(data)

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Read into a writable buffer.

        Parameters
        ----------
        buffer : writable bytes-like
            Where the bytes go.

        Returns
        -------
        int
            How many bytes were read; 0 at the end of the stream.
        """
        view = memoryview(buffer).cast("B")
        want = self._allowance(len(view))
        want = len(view) if want < 0 else want
        readinto = getattr(self._stream, "readinto", None)
        if readinto is not None:
            n = readinto(view[:want]) or 0
        else:
            data = self._stream.read(want)
            n = len(data)
            view[:n] = data
        self._add(n)
        return n

    def readinto1(self, buffer: WriteableBuffer) -> int:
        """Read into a writable buffer (as :meth:`readinto`).

        Parameters
        ----------
        buffer : writable bytes-like
            Where the bytes go.

        Returns
        -------
        int
            How many bytes were read; 0 at the end of the stream.
        """
        return self.readinto(buffer)

    def readline(self, size: int | None = -1) -> bytes:
        """Read one line (up to ``size`` bytes), up to the cap.

        Parameters
        ----------
        size : int or None, default=-1
            The most bytes to read.

        Returns
        -------
        bytes
            The line with its newline; empty at the end of the stream.
        """
        want = self._allowance(size)
        line = self._stream.readline(want) if want >= 0 else self._stream.readline()
        self._add(len(line))
        return bytes(line)

    # -- position --------------------------------------------------------------------------

    def seekable(self) -> bool:
        """False: only rewinding with ``seek(0)`` is supported."""
        return False

    def tell(self) -> int:
        """The number of bytes read so far."""
        self._check_open()
        return self._count

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Rewind with ``seek(0)``, or return the position with ``seek(0, io.SEEK_CUR)``.

        Parameters
        ----------
        offset : int
            0.
        whence : int, default=io.SEEK_SET
            ``io.SEEK_SET`` to rewind, ``io.SEEK_CUR`` to ask the position.

        Returns
        -------
        int
            The new position.

        Raises
        ------
        io.UnsupportedOperation
            Any other seek, or a rewind of a stream that cannot rewind.
        """
        self._check_open()
        if offset == 0 and whence == io.SEEK_CUR:
            return self._count
        if offset == 0 and whence == io.SEEK_SET:
            self._stream.seek(0)
            self._count = 0
            self._tripped = False
            return 0
        raise io.UnsupportedOperation("a capped stream can only rewind, with seek(0)")

    def close(self) -> None:
        """Close this stream and, unless ``close_stream`` was False, the wrapped one."""
        if not self.closed and self._close_stream:
            self._stream.close()
        super().close()


# -- joblib-style compressed files held in memory -------------------------------------------

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ", "xz"),
    (b"\x5d\x00\x00", "lzma"),
    (b"\x78", "zlib"),
)


def detect_compression(data: bytes) -> str | None:
    """The compression of a file from its first bytes, as joblib tells them apart.

    Parameters
    ----------
    data : bytes
        The file's content (its first few bytes suffice).

    Returns
    -------
    {"gzip", "bz2", "xz", "lzma", "zlib"} or None
        The compression, or None when the bytes do not start like one of them
        (a plain pickle starts with ``0x80``).
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


class _ZlibStream(io.RawIOBase):
    """A zlib stream (joblib's ``compress=('zlib', n)``) decompressed on demand."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = memoryview(data)
        self._pos = 0
        self._inflate = zlib.decompressobj()
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        while not self._pending:
            if self._inflate.eof or (
                self._pos >= len(self._data) and not self._inflate.unconsumed_tail
            ):
                return 0
            tail = self._inflate.unconsumed_tail
            if tail:
                self._pending = self._inflate.decompress(tail, len(view))
            else:
                chunk = self._data[self._pos : self._pos + _CHUNK]
                self._pos += len(chunk)
                self._pending = self._inflate.decompress(chunk, len(view))
        n = min(len(view), len(self._pending))
        view[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def decompress_capped(
    data: bytes,
    compression: str,
    *,
    cap: int,
    subject: str = "the file",
    fix: str = _DEFAULT_FIX,
    error: type[ModelPrivacyError] = ModelLoadError,
) -> bytes:
    """Decompress ``data`` in memory, refusing to produce more than ``cap`` bytes.

    Meant for joblib files, which are a pickle compressed whole by one of these
    compressors: the result can be given to the loader as an uncompressed file.

    Parameters
    ----------
    data : bytes
        The compressed file.
    compression : {"gzip", "bz2", "xz", "lzma", "zlib"}
        Its compression (see :func:`detect_compression`).
    cap : int
        The most bytes the result may have (see :func:`decompression_cap`).
    subject : str, default="the file"
        The file, as the message names it.
    fix : str, optional
        What to do, ending the message.
    error : type of ModelPrivacyError, default=ModelLoadError
        The exception raised.

    Returns
    -------
    bytes
        The decompressed content.

    Raises
    ------
    ModelPrivacyError
        The content is larger than ``cap`` (found before more than ``cap`` plus
        a chunk is held), or it is not valid for the compression (the class
        given as ``error``).
    """
    raw = io.BytesIO(data)
    stream: Any
    if compression == "gzip":
        stream = gzip.GzipFile(fileobj=raw, mode="rb")
    elif compression == "bz2":
        stream = bz2.BZ2File(raw, mode="rb")
    elif compression in ("xz", "lzma"):
        stream = lzma.LZMAFile(raw, mode="rb")  # noqa: SIM115 - closed by the reader
    elif compression == "zlib":
        stream = io.BufferedReader(_ZlibStream(data))
    else:
        raise ValueError(f"unknown compression {compression!r}")
    reader = CappedReader(
        stream, cap, subject=subject, compressed_size=len(data), fix=fix, error=error
    )
    try:
        return reader.read()
    except ModelPrivacyError:
        raise
    except (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError) as exc:
        raise error(
            f"{subject} is {compression}-compressed but cannot be decompressed "
            f"({type(exc).__name__}: {_first_line(exc)}); copy the complete file again"
        ) from None
    finally:
        reader.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return printable(text[:160])


# -- zip archives (skops files, zipped data) ----------------------------------------------


def check_zip_members(
    data: bytes | BinaryIO | str | os.PathLike[str],
    *,
    cap_total: int,
    cap_member: int,
    max_members: int = 100_000,
    subject: str = "the file",
    error: type[ModelPrivacyError] = ModelLoadError,
) -> list[zipfile.ZipInfo]:
    """Refuse a zip archive whose members declare too much, before any member is read.

    Only the central directory is read. Refused: more than ``max_members``
    members; a member declaring more than ``cap_member`` bytes uncompressed;
    members declaring more than ``cap_total`` together (which also catches
    archives whose entries overlap to reuse one compressed stream); a stored
    member whose two sizes differ; a deflated member declaring more than 1,100
    times its compressed size, which deflate cannot produce.

    Parameters
    ----------
    data : bytes, binary file or path
        The archive.
    cap_total : int
        The most bytes all members may declare together (see
        :func:`decompression_cap`); 0 for no cap.
    cap_member : int
        The most bytes one member may declare; 0 for no cap.
    max_members : int, default=100_000
        The most members.
    subject : str, default="the file"
        The file, as messages name it.
    error : type of ModelPrivacyError, default=ModelLoadError
        The exception raised.

    Returns
    -------
    list of zipfile.ZipInfo
        The members, in the archive's order.

    Raises
    ------
    ModelPrivacyError
        The archive is not a valid zip file, or declares too much (the class
        given as ``error``).

    Notes
    -----
    A hostile archive can declare a small size and hold more. The standard
    library's :mod:`zipfile` never returns more than a member's declared
    ``file_size`` (it stops there, and the CRC check then fails), so once the
    declarations pass these caps, reading through :mod:`zipfile`, as skops
    does, is bounded by them. :func:`read_member_capped` adds its own count
    for readers that want not to rely on that.
    """
    source: Any = io.BytesIO(data) if isinstance(data, bytes | bytearray | memoryview) else data
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise error(
            f"{subject} is not a valid zip archive ({type(exc).__name__}: {_first_line(exc)}); "
            "copy the complete file again"
        ) from None
    if len(infos) > max_members:
        raise error(
            f"{subject} is a zip archive of {len(infos):,} members, more than the {max_members:,} "
            "allowed: it is hostile or not what it claims to be; nothing in it was read"
        )
    total = 0
    for info in infos:
        name = printable(info.filename[:80])
        declared = info.file_size
        if cap_member and declared > cap_member:
            raise error(
                f"{subject} has a member {name!r} that declares {format_size(declared)} "
                f"uncompressed, more than the {format_size(cap_member)} allowed: {_BOMB}; "
                "nothing in it was read"
            )
        if info.compress_type == zipfile.ZIP_STORED and declared != info.compress_size:
            raise error(
                f"{subject} has a stored member {name!r} whose declared sizes differ "
                f"({declared:,} and {info.compress_size:,} bytes): the archive is corrupt or "
                "hostile; nothing in it was read"
            )
        if (
            info.compress_type == zipfile.ZIP_DEFLATED
            and declared > _DEFLATE_MAX_RATIO * max(info.compress_size, 1) + KiB
        ):
            raise error(
                f"{subject} has a member {name!r} that declares {format_size(declared)} from "
                f"{format_size(info.compress_size)}, more than deflate can expand: the archive "
                "is corrupt or hostile; nothing in it was read"
            )
        total += declared
        if cap_total and total > cap_total:
            raise error(
                f"{subject} has members that declare more than {format_size(cap_total)} "
                f"uncompressed together: {_BOMB}; nothing in it was read"
            )
    return infos


def read_member_capped(
    archive: zipfile.ZipFile,
    name: str | zipfile.ZipInfo,
    cap: int,
    *,
    subject: str = "the file",
    error: type[ModelPrivacyError] = ModelLoadError,
) -> bytes:
    """Read one member of a zip archive in chunks, stopping at ``cap`` bytes.

    Parameters
    ----------
    archive : zipfile.ZipFile
        The open archive.
    name : str or zipfile.ZipInfo
        The member.
    cap : int
        The most bytes the member may have; 0 for no cap.
    subject : str, default="the file"
        The file, as messages name it.
    error : type of ModelPrivacyError, default=ModelLoadError
        The exception raised.

    Returns
    -------
    bytes
        The member's content.

    Raises
    ------
    ModelPrivacyError
        The member is larger than ``cap`` (whatever it declares), or cannot be
        read (the class given as ``error``).
    """
    label = name.filename if isinstance(name, zipfile.ZipInfo) else name
    shown = printable(label[:80])
    try:
        with archive.open(name) as member:
            reader = CappedReader(
                member,
                cap,
                subject=f"{subject} (member {shown!r})",
                fix="nothing in it was used",
                error=error,
            )
            return reader.read()
    except ModelPrivacyError:
        raise
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
        zlib.error,
        lzma.LZMAError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise error(
            f"{subject} has a member {shown!r} that cannot be read ({type(exc).__name__}: "
            f"{_first_line(exc)}); the archive is corrupt or hostile"
        ) from None
