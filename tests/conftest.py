import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True, scope="session")
def _no_default_reference_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No reference-model cache by default in the suite, and never the user's.

    Session-scoped, so that module-scoped fixtures that audit (they run before any
    function-scoped fixture) see it too. Tests that audit twice (determinism,
    backends compared) must fit twice, so ``MODELPRIVACY_NO_CACHE`` turns the
    default cache off; a test that gives a directory (``cache=``, ``--cache``)
    still caches, and the cache tests unset it. ``tmp_path_factory`` gives every
    pytest-xdist worker its own base directory, so parallel workers never share
    an entry.

    ``MODELPRIVACY_PROGRESS=0`` turns the progress displays off for the session too
    (a piped stderr would otherwise get plain progress lines between the lines tests
    pin); tests/test_progress.py and tests/test_notebook_progress.py remove it from
    the environment of the processes they start, to test the default.
    """
    directory = tmp_path_factory.mktemp("reference-cache-session")
    patch = pytest.MonkeyPatch()
    patch.setenv("MODELPRIVACY_CACHE_DIR", str(directory))
    patch.setenv("MODELPRIVACY_NO_CACHE", "1")
    patch.setenv("MODELPRIVACY_PROGRESS", "0")
    try:
        yield directory
    finally:
        patch.undo()


@pytest.fixture(autouse=True)
def _reference_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test's default cache directory is its own empty one."""
    directory = tmp_path_factory.mktemp("reference-cache")
    monkeypatch.setenv("MODELPRIVACY_CACHE_DIR", str(directory))
    monkeypatch.setenv("MODELPRIVACY_NO_CACHE", "1")
    return directory
