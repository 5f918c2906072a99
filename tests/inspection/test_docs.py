from pathlib import Path

from modelprivacy.inspection.docs import render_checks_markdown


def test_checks_doc_is_in_sync():
    path = Path(__file__).parents[2] / "docs" / "checks.md"
    assert path.read_text() == render_checks_markdown(), (
        "run: python -m modelprivacy.catalogue > docs/checks.md"
    )


def test_checks_doc_has_a_section_for_every_check():
    from modelprivacy.catalogue import all_checks

    text = render_checks_markdown()
    for c in all_checks():
        assert f'<a id="{c.id.lower()}"></a>\n## {c.id} ' in text, c.id
        assert f"implemented in `{c.module}`" in text
