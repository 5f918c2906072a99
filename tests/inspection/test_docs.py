from pathlib import Path

from modelprivacy.inspection.docs import render_checks_markdown


def test_checks_doc_is_in_sync():
    path = Path(__file__).parents[2] / "docs" / "checks.md"
    assert path.read_text() == render_checks_markdown(), (
        "run: python -m modelprivacy.inspection.docs > docs/checks.md"
    )
