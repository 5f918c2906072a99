"""The short demo of ``make demo`` runs end to end and writes what it says it writes."""

from __future__ import annotations

from modelprivacy.demo import main


def test_quick_demo_audits_sanitises_and_points_at_its_reports(tmp_path, capsys):
    assert main(["--quick", "--reference-models", "2", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "random_forest" in out and "Before and after" in out
    for name in (
        "random_forest.audit.html",
        "random_forest.audit.json",
        "random_forest.pkl",
        "random_forest.safer.skops",
        "random_forest.sanitize.md",
    ):
        assert (tmp_path / name).exists(), name
    assert f"open {tmp_path}/random_forest.audit.html" in out.replace("\n", "")
