import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _reference_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test's reference-model cache is its own empty directory, never the user's.

    ``tmp_path_factory`` gives every pytest-xdist worker its own base directory, so
    parallel workers never share an entry, and a test never hits another test's fits.
    """
    directory = tmp_path_factory.mktemp("reference-cache")
    monkeypatch.setenv("MODELPRIVACY_CACHE_DIR", str(directory))
    return directory
