import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _reference_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No reference-model cache by default, and never the user's.

    Tests that audit twice (determinism, backends compared) must fit twice, so
    ``MODELPRIVACY_NO_CACHE`` turns the default cache off; a test that gives a
    directory (``cache=``, ``--cache``) still caches, and the cache tests unset
    it. The default directory is each test's own empty one: ``tmp_path_factory``
    gives every pytest-xdist worker its own base directory, so parallel workers
    never share an entry.
    """
    directory = tmp_path_factory.mktemp("reference-cache")
    monkeypatch.setenv("MODELPRIVACY_CACHE_DIR", str(directory))
    monkeypatch.setenv("MODELPRIVACY_NO_CACHE", "1")
    return directory
