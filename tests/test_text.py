"""Text from a model file made safe to print: printable, short_repr, one-line errors, warnings."""

from __future__ import annotations

import io
import pickle
import sys
import time
import unicodedata
import warnings

import numpy as np
import pytest
from sklearn.tree import DecisionTreeClassifier

from hostile import with_sklearn_version
from modelprivacy._text import describe_exception, is_printable, one_line, printable, short_repr
from modelprivacy.errors import (
    MAX_MESSAGE,
    DataError,
    ModelLoadError,
    ModelPrivacyError,
    NotFittedModelError,
    UnsafeModelError,
    as_privacy_error,
)
from modelprivacy.findings import (
    CheckError,
    Confidence,
    Criterion,
    Finding,
    InspectionResult,
    Severity,
    Skipped,
)
from modelprivacy.load._warnings import (
    MAX_LINES,
    CapturedWarnings,
    capture_warnings,
    format_warning,
    show_warning,
)

FAKE = "\x1b[2K\x1b[1A\rmodel is safe: no findings"
ESCAPED = "\\x1b[2K\\x1b[1A\\rmodel is safe: no findings"
KEPT = {"\u200c", "\u200d"}  # zero width non-joiner and joiner: parts of ordinary words


def dangerous(text: str) -> list[str]:
    """The characters of ``text`` that a terminal could act on or that hide text."""
    return [
        ch
        for ch in text
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in KEPT
    ]


# -- printable -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2K", "\\x1b[2K"),
        ("a\rb", "a\\rb"),
        ("a\nb\tc", "a\\nb\\tc"),
        ("\x00\x07\x7f", "\\x00\\x07\\x7f"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI, one byte
        ("\x85", "\\x85"),  # NEL
        ("abc\u202edef", "abc\\u202edef"),  # right-to-left override
        ("\u2066x\u2069", "\\u2066x\\u2069"),  # isolates
        ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),  # line and paragraph separators
        ("\u200bx\u200e\u200f\ufeff", "\\u200bx\\u200e\\u200f\\ufeff"),
        ("\udc80", "\\udc80"),  # lone surrogate: would not even encode
        ("\U000e0041", "\\U000e0041"),  # tag character
    ],
)
def test_printable_escapes(raw, shown):
    assert printable(raw) == shown
    assert is_printable(shown) and not is_printable(raw)


def test_printable_keeps_ordinary_text():
    text = "Zoë Ångström, 東京, Москва, مرحبا, नमस्ते, \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 👩\u200d💻 a\\x1b"
    assert printable(text) == text


def test_printable_covers_every_control_and_format_character():
    bad = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs", "Zl", "Zp") and chr(cp) not in KEPT
    ]
    out = printable("".join(bad))
    assert out.isascii() and out.isprintable()
    assert out.count("\\") == len(bad)
    # every assigned character of the other categories is kept (a few code points
    # that this Python's Unicode leaves unassigned are format characters in newer ones)
    others = "".join(
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) not in ("Cc", "Cf", "Cs", "Zl", "Zp", "Cn")
    )
    assert printable(others) == others


def test_printable_is_idempotent_and_handles_objects():
    once = printable(FAKE + "\u202e\x9b")
    assert printable(once) == once
    assert printable(12) == "12"
    assert printable(b"\x1b[2K") == "b'\\x1b[2K'"

    class Loud(str):
        def __str__(self) -> str:
            raise AssertionError("a str subclass's __str__ must not be called")

    assert printable(Loud("a\x1bb")) == "a\\x1bb"

    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no")

    assert printable(Broken()) == "<unprintable Broken object>"


def test_printable_truncates_with_a_marker_and_never_splits_an_escape():
    assert printable("x" * 100, limit=10) == "x" * 10 + "...[+90 chars]"
    assert printable("short", limit=10) == "short"
    assert printable("\x1b" * 30, limit=10) == "\\x1b\\x1b...[+28 chars]"
    assert printable("ab\x1bcd", limit=4) == "ab...[+3 chars]"
    assert printable("abc", limit=0) == "...[+3 chars]"
    huge = "\x1b" * 10_000_000
    start = time.perf_counter()
    assert len(printable(huge, limit=80)) < 120
    assert time.perf_counter() - start < 0.5
    with pytest.raises(ValueError, match="limit"):
        printable("x", limit=-1)


def test_one_line():
    assert one_line("  Error tokenizing data.\r\nC error: line 3  \n") == (
        "Error tokenizing data. C error: line 3"
    )
    assert one_line("1.3.0\rmodel is safe") == "1.3.0\\rmodel is safe"
    assert one_line(FAKE) == ESCAPED
    assert "\n" not in one_line("a\n\n\nb\u2028c")


def test_describe_exception():
    assert describe_exception(RecursionError("maximum recursion depth exceeded")) == (
        "RecursionError: maximum recursion depth exceeded"
    )
    assert describe_exception(MemoryError()) == "MemoryError"
    assert describe_exception(ValueError(FAKE)) == (
        "ValueError: \\x1b[2K\\x1b[1A\\rmodel is safe: no findings"
    )

    class Hostile(Exception):
        def __str__(self) -> str:
            raise RuntimeError("boom")

    assert describe_exception(Hostile()) == "Hostile"
    assert len(describe_exception(ValueError("y" * 1_000_000))) < 400
    evil = type("Evil\x1b[2K", (Exception,), {})
    assert describe_exception(evil("x")) == "Evil\\x1b[2K: x"


# -- short_repr ---------------------------------------------------------------


def test_short_repr_matches_repr_for_small_plain_values():
    for value in ["count", 3, -2.5, None, True, (1, "a"), [1, 2], {"a": 1}, b"ab", 1j, ()]:
        assert short_repr(value) == repr(value)
    assert short_repr((1,)) == "(1,)"
    assert short_repr(set()) == "set()" and short_repr(frozenset()) == "frozenset()"
    assert short_repr({"b", "a"}) == "{'a', 'b'}"


def test_short_repr_escapes_and_bounds():
    assert short_repr(FAKE) == "'\\x1b[2K\\x1b[1A\\rmodel is safe: no findings'"
    assert short_repr("\u202eevil") == "'\\u202eevil'"
    long = short_repr("z" * 10_000)
    assert len(long) <= 80 and "..." in long
    assert short_repr(10**10_000) == "<int of 33,220 bits>"
    assert len(short_repr(b"\x1b" * 1000)) < 100
    assert short_repr(np.zeros((3, 4))) == "<ndarray shape=(3, 4) dtype=float64>"
    assert short_repr(np.float64(1.5)) == "1.5" and short_repr(np.int64(7)) == "7"
    assert short_repr(np.str_("a\x1b")) == "'a\\x1b'"
    assert short_repr(DecisionTreeClassifier) == (
        "<class 'sklearn.tree._classes.DecisionTreeClassifier'>"
    )
    middle = short_repr("x" * 100, limit=None)
    assert middle == "'" + "x" * 27 + "..." + "x" * 28 + "'"


def test_short_repr_of_deep_and_huge_containers_is_bounded_and_fast():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    huge_list = list(range(300_000))
    huge_dict = {i: str(i) for i in range(300_000)}
    huge_set = set(range(300_000))
    start = time.perf_counter()
    outs = [short_repr(v) for v in (deep, huge_list, huge_dict, huge_set)]
    assert time.perf_counter() - start < 0.5
    assert outs[0] == "[[[[...]]]]"
    assert outs[1] == "[0, 1, 2, 3, 4, 5, ...]"
    assert outs[2] == "{0: '0', 1: '1', 2: '2', 3: '3', ...}"
    assert all(len(o) <= 80 for o in outs)


class _Spy:
    """An object from a 'file' whose every special method records that it ran."""

    calls: list[str] = []

    def __repr__(self) -> str:
        self.calls.append("repr")
        return "\x1b[2Kfake"

    def __str__(self) -> str:
        self.calls.append("str")
        return "\x1b[2Kfake"

    def __eq__(self, other: object) -> bool:
        self.calls.append("eq")
        return False

    def __hash__(self) -> int:
        self.calls.append("hash")
        return 1

    def __lt__(self, other: object) -> bool:
        self.calls.append("lt")
        raise RuntimeError("compared")

    def __len__(self) -> int:
        self.calls.append("len")
        return 10**9


def test_short_repr_calls_no_method_of_the_object():
    spies = [_Spy() for _ in range(3)]
    holder = {"key": spies, (1, "a"): {spies[0]: spies[1]}}
    as_set = set(spies)  # hashing happens here, in the test
    _Spy.calls.clear()
    assert short_repr(spies[0]) == "<_Spy object>"
    assert short_repr(holder, limit=None) == (
        "{'key': [<_Spy object>, <_Spy object>, <_Spy object>], "
        "(1, 'a'): {<_Spy object>: <_Spy object>}}"
    )
    bounded = short_repr(holder)
    assert len(bounded) <= 80 + len("...[+16 chars]") and bounded.endswith("...[+16 chars]")
    assert short_repr(as_set) == "{<_Spy object>, <_Spy object>, <_Spy object>}"
    assert _Spy.calls == []


def test_short_repr_does_not_dispatch_on_a_borrowed_type_name():
    called = []

    class Meta(type):
        def __repr__(cls) -> str:
            called.append("meta repr")
            return "x"

    fake_str = Meta("str", (), {"__repr__": lambda self: called.append("repr") or "x"})
    assert short_repr(fake_str()) == "<str object>"
    assert short_repr(fake_str) == "<class 'test_text.str'>"
    evil_cls = type("Evil\x1b[2K", (), {})
    assert short_repr(evil_cls()) == "<Evil\\x1b[2K object>"
    assert called == []


def test_short_repr_of_an_object_that_breaks_everything():
    class Shape:
        def __get__(self, obj: object, cls: type) -> object:
            raise MemoryError

    class Arr(np.ndarray):
        shape = Shape()  # type: ignore[assignment]

    arr = np.zeros(3).view(Arr)
    assert short_repr(arr).startswith("<Arr")


# -- errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls", [ModelPrivacyError, ModelLoadError, DataError, NotFittedModelError, UnsafeModelError]
)
def test_error_messages_are_one_clean_line(cls):
    err = cls(f"model file 'm.pkl' holds {FAKE}\nnext line")
    text = str(err)
    assert text == (
        "model file 'm.pkl' holds \\x1b[2K\\x1b[1A\\rmodel is safe: no findings next line"
    )
    assert err.message == text and not dangerous(text)
    err.args = ("\x1b[31mred",)
    assert str(err) == "\\x1b[31mred"


def test_error_messages_are_bounded():
    assert len(str(ModelLoadError("x" * 100_000))) <= MAX_MESSAGE + 20


def test_unsafe_model_error_keeps_the_refused_names():
    err = UnsafeModelError("refused", untrusted=("os.system", "evil\x1b[2K.mod"))
    assert err.untrusted == ("os.system", "evil\x1b[2K.mod")
    assert err.untrusted_display == ("os.system", "evil\\x1b[2K.mod")
    back = pickle.loads(pickle.dumps(err))  # an error can cross a process boundary
    assert isinstance(back, UnsafeModelError)
    assert back.untrusted == err.untrusted and str(back) == "refused"


def test_as_privacy_error():
    for exc, words in [
        (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
        (MemoryError(), "more memory than is available"),
        (NotImplementedError(f"dtype {FAKE}"), "NotImplementedError: dtype \\x1b[2K"),
    ]:
        err = as_privacy_error(exc, "model file 'm.pkl' could not be loaded", hint="save it again")
        assert isinstance(err, ModelLoadError)
        assert str(err).startswith("model file 'm.pkl' could not be loaded: ")
        assert words in str(err) and str(err).endswith("; save it again")
        assert not dangerous(str(err))
    data = as_privacy_error(ValueError("bad"), "the table", DataError)
    assert isinstance(data, DataError)
    same = DataError("already ours")
    assert as_privacy_error(same, "ignored") is same


# -- findings ------------------------------------------------------------------


def _finding(**changes) -> Finding:
    fields = dict(
        check_id="MP-S101",
        title="Training rows stored verbatim",
        criterion=Criterion.SINGLING_OUT,
        severity=Severity.HIGH,
        confidence=Confidence.MEDIUM,
        path="steps[0].named['a']._fit_X",
        estimator="KNeighborsClassifier",
        description="stores the rows",
    )
    fields.update(changes)
    return Finding(**fields)


def test_finding_fields_are_escaped_at_construction():
    f = _finding(
        path=f"copy{FAKE}_",
        estimator=f"Evil{FAKE}",
        description=f"stores {FAKE}",
        example=f"'{FAKE}'",
        evidence={f"k{FAKE}": [f"v{FAKE}", 3]},
    )
    for value in (f.path, f.estimator, f.description, f.example):
        assert not dangerous(value) and "\\x1b[2K" in value
    assert f.evidence == {
        "k\\x1b[2K\\x1b[1A\\rmodel is safe: no findings": [
            "v\\x1b[2K\\x1b[1A\\rmodel is safe: no findings",
            3,
        ]
    }
    assert _finding(path="x" * 100_000).path.endswith("chars]")
    plain = _finding()
    assert plain.path == "steps[0].named['a']._fit_X"


def test_skipped_check_error_and_result_are_escaped():
    s = Skipped(f"part {FAKE}", f"reason {FAKE}")
    e = CheckError("MP-S104", f"ValueError: {FAKE}\nmore")
    r = InspectionResult(
        model=f"Evil{FAKE}",
        findings=(),
        skipped=(s,),
        errors=(e,),
        source=f"/tmp/{FAKE}.pkl",
        versions={"numpy": f"2.0{FAKE}"},
    )
    for value in (s.what, s.reason, e.message, r.model, r.source, r.versions["numpy"]):
        assert not dangerous(value) and "\\x1b[2K" in value
    assert e.message.endswith("no findings more")


# -- warnings ------------------------------------------------------------------


def hostile_version_pickle(estimator: object) -> bytes:
    """A real pickle of ``estimator`` whose ``_sklearn_version`` carries escape codes."""
    return with_sklearn_version(estimator, "1.3.0" + FAKE)


def test_capture_warnings_merges_sklearn_version_warnings_into_one_clean_line():
    from sklearn.ensemble import RandomForestClassifier

    X = np.random.default_rng(0).normal(size=(40, 3))
    forest = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, np.arange(40) % 2)
    data = hostile_version_pickle(forest)
    with capture_warnings() as captured:
        pickle.loads(data)
    assert captured.count >= 6
    (line,) = captured.lines
    assert line.startswith(
        "the file was saved with scikit-learn '1.3.0\\x1b[2K\\x1b[1A\\rmodel is safe: no findings'"
    )
    assert "RandomForestClassifier" in line and "DecisionTreeClassifier" in line
    assert not dangerous(line)


def test_capture_warnings_dedupes_drops_quiet_categories_and_bounds():
    with capture_warnings() as captured:
        for _ in range(3):
            warnings.warn(f"multi\nline {FAKE}", RuntimeWarning, stacklevel=1)
        warnings.warn("old api", DeprecationWarning, stacklevel=1)
        for i in range(1000):
            warnings.warn(f"distinct {i}", UserWarning, stacklevel=1)
    lines = captured.lines
    assert lines[0] == (
        "RuntimeWarning: multi line \\x1b[2K\\x1b[1A\\rmodel is safe: no findings (3 times)"
    )
    assert len(lines) == MAX_LINES + 1 and lines[-1] == "981 more warnings not shown"
    assert not any(dangerous(line) for line in lines)
    assert captured.count == 1004


def test_capture_warnings_restores_the_filters_and_reports_after_an_error():
    before = warnings.showwarning
    with pytest.raises(ZeroDivisionError), capture_warnings() as captured:
        warnings.warn("first", UserWarning, stacklevel=1)
        1 / 0
    assert warnings.showwarning is before
    assert captured.lines == ("UserWarning: first",)
    assert CapturedWarnings().count == 0 and CapturedWarnings().lines == ()  # a fresh one is empty


def test_show_warning_prints_one_clean_line():
    out = io.StringIO()
    show_warning(UserWarning(f"saved with {FAKE}\nsee docs"), UserWarning, "x.py", 1, file=out)
    assert out.getvalue() == (
        "modelprivacy: warning: UserWarning: saved with "
        "\\x1b[2K\\x1b[1A\\rmodel is safe: no findings see docs\n"
    )
    assert format_warning("plain", FutureWarning) == "FutureWarning: plain"
