"""Coverage against the attacks EDPB Opinion 28/2024 expects authorities to consider.

The Opinion (paragraphs 38 to 43) asks controllers to show resistance to
membership inference, attribute inference, regurgitation of training data,
model inversion, reconstruction and exfiltration. The table says which were
run, with what scope, and which are out of scope and why. The threat model
says what the attacker is assumed to know.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from modelprivacy.findings import Criterion, InspectionResult

__all__ = [
    "FOREIGN_TREE_LIBRARIES",
    "THREAT_MODEL",
    "TREE_CHECKS",
    "CoverageRow",
    "coverage",
    "singling_out_gaps",
]

#: The checks that read decision trees (thresholds, leaves, leaf boxes).
TREE_CHECKS = ("MP-S104", "MP-S105", "MP-S110")

#: Libraries whose models are tree ensembles that the tree checks cannot read yet: their trees
#: live in the library's own (often native) structures. An adapter that teaches the tree
#: representation one of them removes its entry here.
FOREIGN_TREE_LIBRARIES: dict[str, str] = {}

_NATIVE = (ctypes._SimpleCData, ctypes._Pointer, ctypes.Structure, ctypes.Array)
_MAX_SCAN = 20_000

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
    gaps: tuple[str, ...] = (),
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
    gaps : tuple of str
        What applies under singling out but could not be checked
        (:func:`singling_out_gaps`): reconstruction is then only partly run.

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
            "run" if n_train and not gaps else "partly run",
            "values rebuilt from split thresholds (MP-S104), people pinned by leaf boxes (MP-S110), "
            f"rows stored verbatim (MP-S101); groups under k={k}",
            " ".join(
                (
                    []
                    if n_train
                    else ["Without training data the reconstructed values cannot be confirmed."]
                )
                + [f"Not checked: {'; '.join(gaps)}."] * bool(gaps)
            ),
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


def _objects(root: object) -> Iterator[tuple[str, object]]:
    """Objects reachable through attributes, lists and dicts (not inside arrays), with paths."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [("", root)]
    count = 0
    while stack and count < _MAX_SCAN:
        path, obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        count += 1
        yield path, obj
        if isinstance(obj, (list, tuple)):
            items = [(f"{path}[{i}]", v) for i, v in enumerate(obj)]
        elif isinstance(obj, dict):
            items = [(f"{path}[{k!r}]", v) for k, v in obj.items() if isinstance(k, str)]
        elif not isinstance(obj, type) and isinstance(attrs := _dict(obj), dict):
            items = [(f"{path}.{k}" if path else k, v) for k, v in attrs.items()]
        else:
            continue
        stack += [(p, v) for p, v in items if _worth(v)]


def _worth(value: object) -> bool:
    """Whether a value can hold a model or native memory (scalars and arrays cannot)."""
    if isinstance(value, (list, tuple, dict, *_NATIVE)):
        return True
    return not isinstance(value, type) and isinstance(_dict(value), dict)


def _dict(obj: object) -> object:
    """The instance dict, without running the object's own ``__getattr__``."""
    try:
        return object.__getattribute__(obj, "__dict__")
    except Exception:
        return None


def _library(obj: object) -> str | None:
    root = (type(obj).__module__ or "").split(".", 1)[0]
    return FOREIGN_TREE_LIBRARIES.get(root)


def _unread_trees(obj: object) -> str | None:
    """For a tree model of another library with an adapter: "" when read, else why not.

    None for anything else (scikit-learn models, objects of other libraries
    without an adapter).
    """
    from modelprivacy.models._registry import LIBRARIES

    root = (type(obj).__module__ or "").split(".", 1)[0]
    if root not in LIBRARIES or root in FOREIGN_TREE_LIBRARIES or isinstance(obj, type):
        return None
    from modelprivacy.errors import ModelPrivacyError
    from modelprivacy.models.trees import forest_of, is_tree_model

    try:
        if not is_tree_model(obj, registered_only=True):
            return None
        forest_of(obj)
    except ModelPrivacyError as exc:
        return str(exc)
    except Exception as exc:  # a broken model: the checks could not read it either
        return f"its trees could not be read ({type(exc).__name__})"
    return ""


def singling_out_gaps(model: object, inspection: InspectionResult) -> tuple[str, ...]:
    """What applies to this model under singling out but could not be checked.

    The inspection checks apply to every model; the tree checks
    (:data:`TREE_CHECKS`) apply to every tree model. A gap is one of them that
    could not look at part of the model: a tree ensemble from a library the tree
    checks do not read (:data:`FOREIGN_TREE_LIBRARIES`), state held in native
    memory (a ``ctypes`` handle) that no check can read, a part of the model
    the walker could not enter, or a singling-out check that failed.

    Parameters
    ----------
    model : object
        The fitted model.
    inspection : InspectionResult
        Its inspection.

    Returns
    -------
    tuple of str
        One sentence per gap; empty when every check that applies ran on the
        whole model.
    """
    from modelprivacy.inspection import checks as _checks  # noqa: F401  (registers them)
    from modelprivacy.inspection._base import CHECKS

    gaps: list[str] = []
    libraries: dict[str, str] = {}
    native: list[str] = []
    read: list[str] = []  # models of other libraries whose adapters read them whole
    for path, obj in _objects(model):
        if any(p == "" or path == p or path.startswith((p + ".", p + "[")) for p in read):
            continue  # inside such a model: its native handle is read through the adapter
        unread = _unread_trees(obj)
        if unread == "":
            read.append(path)
            continue
        if unread is not None:
            gaps.append(
                f"{', '.join(TREE_CHECKS)} not run on {type(obj).__name__}"
                + (f" at {path}" if path else "")
                + f": {unread}"
            )
            read.append(path)
            continue
        lib = _library(obj)
        if (
            lib is not None
            and hasattr(obj, "fit")
            and not (lib == "XGBoost" and getattr(obj, "booster", None) == "gblinear")
        ):
            libraries.setdefault(lib, f"{type(obj).__name__}" + (f" at {path}" if path else ""))
        if isinstance(obj, _NATIVE):
            native.append(path or "(root)")
    for lib, where in libraries.items():
        gaps.append(
            f"{', '.join(TREE_CHECKS)} not run on {where}, a tree ensemble from {lib} whose "
            "trees the tree checks cannot read (split thresholds, leaf sizes and leaf boxes "
            "unchecked)"
        )
    if native:
        shown = ", ".join(native[:3]) + (
            f" and {len(native) - 3:,} more" if len(native) > 3 else ""
        )
        gaps.append(
            f"part of the model is held in native memory that the inspection cannot read ({shown})"
        )
    lead = "part of the model at "
    # the walker names a pipeline step's estimator steps[i], this walk steps[i][1]
    inside = [re.sub(r"\[(\d+)\]\[1\]", r"[\1]", p) for p in read]
    walked = [
        s
        for s in inspection.skipped
        if s.what.startswith(lead)
        # inside a model its adapter reads whole (CatBoost's compiled _object, exported as JSON)
        and not any(p == "" or s.what[len(lead) :].startswith((p + ".", p + "[")) for p in inside)
    ]
    if walked:
        gaps.append(
            f"{len(walked):,} part{'s' if len(walked) != 1 else ''} of the model could not be "
            f"walked ({walked[0].what[len('part of the model at ') :]}: {walked[0].reason})"
        )
    for err in inspection.errors:
        check = CHECKS.get(err.check_id)
        if check is not None and check.criterion is Criterion.SINGLING_OUT:
            gaps.append(f"{err.check_id} failed: {err.message}")
    return tuple(gaps)
