"""``modelprivacy checks``: every check in one list, each with a module and docs that exist."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema

from modelprivacy.catalogue import all_checks, render_checks
from modelprivacy.findings import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "modelprivacy"


def test_every_check_id_in_the_code_is_listed_once():
    listed = [c.id for c in all_checks()]
    assert len(listed) == len(set(listed))
    # every id that a finding is built with, anywhere in the package
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r'"(MP-[SLI]\d{3})"', path.read_text(encoding="utf-8")))
    assert used <= set(listed), sorted(used - set(listed))
    assert {"MP-S101", "MP-S110", "MP-S111", "MP-L201", "MP-L202", "MP-I301"} <= set(listed)


def test_each_check_names_a_module_that_exists_and_docs_with_its_anchor():
    for c in all_checks():
        importlib.import_module(c.module)
        file, _, anchor = c.docs.partition("#")
        text = (ROOT / file).read_text(encoding="utf-8")
        assert anchor == c.id.lower(), c
        assert f'id="{anchor}"' in text or re.search(rf"^#+ .*{c.id}", text, re.M), c


def test_checks_are_ordered_by_family_then_number():
    ids = [c.id for c in all_checks()]
    family = {"S": 0, "L": 1, "I": 2}  # singling out, linkability, inference
    assert ids == sorted(ids, key=lambda i: (family[i[3]], i))
    assert ids[0] == "MP-S101" and ids[-1] == "MP-I301"


def test_the_command_lists_them_in_every_format():
    proc = subprocess.run(
        [sys.executable, "-m", "modelprivacy", "checks", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, json.loads((SRC / "report/schema/checks.schema.json").read_text()))
    assert doc["schema_version"] == SCHEMA_VERSION and doc["kind"] == "checks"
    listed = doc["checks"]
    assert [c["id"] for c in listed] == [c.id for c in all_checks()]
    assert all(c["requires"][0] == "model" for c in listed)
    text = render_checks("terminal")
    assert "MP-L202" in text and "needs model, --train, --holdout" in text
    assert render_checks("markdown").count("\n| MP-") == len(listed)
