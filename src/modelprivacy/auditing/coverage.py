"""Coverage against the attacks EDPB Opinion 28/2024 expects authorities to consider.

The Opinion (paragraphs 38 to 43) asks controllers to show resistance to
membership inference, attribute inference, regurgitation of training data,
model inversion, reconstruction and exfiltration. The table says which were
run, with what scope, and which are out of scope and why. The threat model
says what the attacker is assumed to know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["THREAT_MODEL", "CoverageRow", "coverage"]

THREAT_MODEL = (
    "The attacker holds the model file itself (white box: every stored attribute) and can query "
    "it without limit. For membership inference the attacker holds a candidate's full record and "
    "label, and records from the same population (the holdout and any population data), and can "
    "train reference models of the same class and hyperparameters on them. For attribute "
    "inference the attacker knows a person's other features, the model's output on them and, "
    "unless stated otherwise, their label, and has population records to learn from. For singling "
    "out the attacker reads the model's leaves and stored values and compares them with "
    "population records. The attacker is not assumed to hold the training data."
)


@dataclass(frozen=True)
class CoverageRow:
    """One attack family of the EDPB Opinion and what the audit did about it.

    Attributes
    ----------
    attack : str
        The attack family.
    status : str
        ``"run"``, ``"partly run"``, ``"not run"`` or ``"out of scope"``.
    scope : str
        What was run: checks, sizes, K, seed.
    note : str
        Why not, or what is left out.
    """

    attack: str
    status: str
    scope: str
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-serialisable dict."""
        return {
            "attack": self.attack,
            "status": self.status,
            "scope": self.scope,
            "note": self.note,
        }


def coverage(
    *,
    n_train: int | None,
    membership: Any = None,
    membership_reason: str = "",
    stored_rows: Any = None,
    stored_rows_reason: str = "",
    attribute: Any = None,
    attribute_reason: str = "",
    boxes: Any = None,
    seed: int = 0,
    k: int = 10,
) -> tuple[CoverageRow, ...]:
    """Build the coverage table of one audit.

    Parameters
    ----------
    n_train : int or None
        Training records given (``None``: model only).
    membership : MembershipResult, optional
        The membership result, if run.
    membership_reason : str
        Why membership inference did not run.
    stored_rows : StoredRowsResult, optional
        The white-box stored-rows lookup (MP-L202), if run.
    stored_rows_reason : str
        Why the stored-rows lookup did not run.
    attribute : AttributeResult, optional
        The attribute-inference result, if run.
    attribute_reason : str
        Why attribute inference did not run.
    boxes : SinglingOutResult, optional
        The leaf-box reconstruction, if run.
    seed : int
        The audit's seed.
    k : int
        The minimum group size.

    Returns
    -------
    tuple of CoverageRow
        One row per attack family.
    """
    data = f"against {n_train:,} training records" if n_train else "model file only"
    rows = []
    if membership is not None:
        attacks = ", ".join(membership.metrics)
        rows.append(
            CoverageRow(
                "Membership inference",
                "run",
                f"{attacks}; K={membership.k} reference models; {membership.n_members:,} members, "
                f"{membership.n_nonmembers:,} non-members"
                + (
                    f" (a random sample of {membership.n_train:,} and {membership.n_holdout:,})"
                    if (membership.n_train or 0) > membership.n_members
                    or (membership.n_holdout or 0) > membership.n_nonmembers
                    else ""
                )
                + f"; seed {seed}"
                + (
                    f"; white box: stored rows lookup (MP-L202) among {stored_rows.n_stored:,} "
                    "stored rows, no reference models"
                    if stored_rows is not None
                    else ""
                ),
                ""
                if stored_rows is not None or not stored_rows_reason
                else f"Stored rows lookup (white box, MP-L202) not run: {stored_rows_reason}.",
            )
        )
    else:
        rows.append(CoverageRow("Membership inference", "not run", "", membership_reason))
    if attribute is not None:
        cols = ", ".join(str(c) for c in attribute.columns)
        rows.append(
            CoverageRow(
                "Attribute inference",
                "run",
                f"columns {cols}; model-based and learned attacks against a control set and a "
                f"baseline without the model; {'label known' if attribute.known_label else 'label unknown'}; "
                f"seed {seed}",
            )
        )
    else:
        rows.append(CoverageRow("Attribute inference", "not run", "", attribute_reason))
    rows.append(
        CoverageRow(
            "Regurgitation of training data",
            "run",
            f"every stored attribute inspected for training rows, values, labels and strings "
            f"(MP-S101, MP-S103, MP-S107, MP-S108), {data}",
            "Generative models that emit text or images are out of scope: this tool audits tabular "
            "and classical models, which regurgitate by storing, not by generating.",
        )
    )
    rows.append(
        CoverageRow(
            "Model inversion",
            "partly run",
            "model-based attribute inference (querying the model with every candidate value)"
            + (
                f"; leaf boxes of {boxes.n_trees:,} {'tree' if boxes.n_trees == 1 else 'trees'} (MP-S110)"
                if boxes is not None
                else ""
            ),
            "Gradient-based inversion of neural networks (reconstructing class prototypes) is not run.",
        )
    )
    rows.append(
        CoverageRow(
            "Reconstruction",
            "run" if n_train else "partly run",
            "values rebuilt from split thresholds (MP-S104), people pinned by leaf boxes (MP-S110), "
            f"rows stored verbatim (MP-S101); groups under k={k}",
            ""
            if n_train
            else "Without training data the reconstructed values cannot be confirmed.",
        )
    )
    rows.append(
        CoverageRow(
            "Exfiltration",
            "out of scope",
            "",
            "Concerns the security of the deployment (access control, rate limits), not the model. "
            "The audit assumes the worst case: the attacker already holds the model file.",
        )
    )
    return tuple(rows)
