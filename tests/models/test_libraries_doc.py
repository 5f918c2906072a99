"""docs/libraries.md is what the adapters declare, and every declaration points at something real."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from modelprivacy.catalogue import all_checks
from modelprivacy.models._registry import LIBRARIES, Stored

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "libraries_doc", ROOT / "tools" / "libraries_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_page_is_what_the_adapters_declare():
    tool = _tool()
    assert (ROOT / "docs" / "libraries.md").read_text(encoding="utf-8") == tool.render(), (
        "docs/libraries.md is stale: run python tools/libraries_doc.py"
    )


def test_every_library_is_on_the_page_and_every_declaration_is_real():
    tool = _tool()
    check_ids = {c.id for c in all_checks()}
    assert {module for _, module, _ in tool.LIBRARIES} == set(LIBRARIES)
    declared = 0
    for _, module, _ in tool.LIBRARIES:
        for entry in tool.stores(module) or ():
            assert isinstance(entry, Stored)
            assert entry.check == "-" or entry.check in check_ids, entry
            assert (ROOT / entry.test).is_file(), entry.test
            assert entry.what and entry.where and entry.reveals
            declared += 1
    assert declared >= 20
