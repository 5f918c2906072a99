"""Log audits and inspections to MLflow, and load models from MLflow model URIs.

>>> import mlflow  # doctest: +SKIP
>>> from modelprivacy import audit  # doctest: +SKIP
>>> from modelprivacy.integrations.mlflow import load_model, log_audit  # doctest: +SKIP
>>> model = load_model("models:/income/3").estimator  # doctest: +SKIP
>>> with mlflow.start_run():  # doctest: +SKIP
...     log_audit(audit(model, train, holdout, target="income"))

What :func:`log_audit` logs to the run (every key starts with ``modelprivacy.``):

- tags: ``modelprivacy.verdict`` (the overall verdict), ``modelprivacy.risk.<criterion>``
  and ``modelprivacy.assessed.<criterion>`` for ``singling_out``, ``linkability`` and
  ``inference``, ``modelprivacy.model``, ``modelprivacy.source``,
  ``modelprivacy.kind`` (``audit``) and ``modelprivacy.version``;
- params: the settings the audit ran with (``modelprivacy.k``, ``modelprivacy.seed``,
  ``modelprivacy.target``, ...), those that were set;
- metrics: the counts of findings by severity, and, only when the audit
  measured them, ``modelprivacy.membership_tpr_at_1pct_fpr`` (the best
  black-box attack's TPR at 1% FPR, with ``_low`` and ``_high``, the ends of its
  interval), ``modelprivacy.membership_auc`` and
  ``modelprivacy.membership_epsilon_lower_bound``,
  ``modelprivacy.stored_rows_tpr_at_1pct_fpr`` (the white-box lookup),
  ``modelprivacy.people_exposed`` (rows of the exposure table at medium or high:
  people with ``subject_column``, records otherwise; ``modelprivacy.exposure_unit``
  says which), ``modelprivacy.people_exposed_high`` and
  ``modelprivacy.highest_residual_risk`` (attribute inference: the highest residual
  risk over the sensitive columns and attacks). A value the audit did not
  measure is not logged, never logged as 0;
- artifacts: the JSON and HTML reports, ``<artifact_path>/audit.json`` and
  ``<artifact_path>/audit.html``.

Which run: the ``run_id`` given; else the active run (:func:`mlflow.active_run`);
else the run named by ``MLFLOW_RUN_ID``; else a new run is started (in the
experiment MLflow chooses: ``MLFLOW_EXPERIMENT_NAME``/``MLFLOW_EXPERIMENT_ID`` or
the default one) and ended once everything is logged. The returned dict says
which (``"run"``). The tracking URI is MLflow's own (``MLFLOW_TRACKING_URI``,
:func:`mlflow.set_tracking_uri`).

A :class:`RunRecord` is what is logged, as data: the command line builds it in
the process that audited, and logs it from the process that started the
command (:func:`log_record`), so MLflow never runs where an untrusted model
file was loaded.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelprivacy._text import printable
from modelprivacy.errors import ModelPrivacyError
from modelprivacy.load.mlflow_uri import import_mlflow, mlflow_error, resolve_model

if TYPE_CHECKING:
    from modelprivacy.auditing.core import AuditResult
    from modelprivacy.findings import InspectionResult
    from modelprivacy.load.model import LoadedModel
    from modelprivacy.load.sandbox import Limits

__all__ = [
    "PREFIX",
    "RunRecord",
    "audit_record",
    "inspection_record",
    "load_model",
    "log_audit",
    "log_inspection",
    "log_record",
]

#: The prefix of every tag, param and metric key modelprivacy logs.
PREFIX = "modelprivacy."

_MAX_TAG = 5000  # MLflow's smallest tag-value limit across its versions and stores
_MAX_PARAM = 500
_SEVERITIES = ("high", "medium", "low", "info")


@dataclass(frozen=True)
class RunRecord:
    """What is logged to an MLflow run, as plain data (JSON-serialisable).

    Attributes
    ----------
    kind : str
        ``"audit"`` or ``"inspection"``.
    tags, params : dict of str to str
        Keys start with :data:`PREFIX`.
    metrics : dict of str to float
        Only values that were measured, all finite.
    artifacts : dict of str to str
        ``{file name: text}``: the reports (``audit.json``, ``audit.html``).
    """

    kind: str
    tags: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    artifacts: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict."""
        return {
            "kind": self.kind,
            "tags": dict(self.tags),
            "params": dict(self.params),
            "metrics": dict(self.metrics),
            "artifacts": dict(self.artifacts),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunRecord:
        """Rebuild a record from :meth:`to_dict`.

        Parameters
        ----------
        data : Mapping
            What :meth:`to_dict` returned.

        Returns
        -------
        RunRecord
            The record; keys and values are checked to be strings (metrics floats).

        Raises
        ------
        ModelPrivacyError
            If ``data`` is not such a dict.
        """
        try:
            return cls(
                kind=str(data["kind"]),
                tags={str(k): str(v) for k, v in dict(data["tags"]).items()},
                params={str(k): str(v) for k, v in dict(data["params"]).items()},
                metrics={str(k): float(v) for k, v in dict(data["metrics"]).items()},
                artifacts={str(k): str(v) for k, v in dict(data["artifacts"]).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelPrivacyError(f"not a modelprivacy MLflow record ({exc})") from None

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the record as JSON to ``path`` atomically (a temporary file, then a rename).

        Parameters
        ----------
        path : str or os.PathLike
            The file; its folder must exist.
        """
        _write_atomic(Path(path), json.dumps(self.to_dict()))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RunRecord:
        """Read a record written by :meth:`save`.

        Parameters
        ----------
        path : str or os.PathLike
            The file.

        Returns
        -------
        RunRecord
            The record.
        """
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _key(text: str) -> str:
    """A criterion or setting as a key part: ``"singling out"`` -> ``"singling_out"``."""
    return "".join(c if c.isalnum() or c in "_-." else "_" for c in text.strip().lower())


def _finite(metrics: dict[str, float], name: str, value: Any) -> None:
    """Record ``value`` under ``name`` if it is a real, finite number (never a stand-in)."""
    if value is None or isinstance(value, bool):
        return
    try:
        number = float(value)
    except (TypeError, ValueError):
        return
    if math.isfinite(number):
        metrics[PREFIX + name] = number


def _common_tags(kind: str, model: str, source: str | None) -> dict[str, str]:
    from modelprivacy import __version__

    tags = {
        PREFIX + "kind": kind,
        PREFIX + "model": printable(model, 300),
        PREFIX + "version": __version__,
    }
    if source:
        tags[PREFIX + "source"] = printable(source, 1000)
    return tags


def _severity_counts(findings: Any, metrics: dict[str, float]) -> None:
    counts = dict.fromkeys(_SEVERITIES, 0)
    for f in findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    for name in _SEVERITIES:
        metrics[f"{PREFIX}findings_{name}"] = float(counts[name])
    metrics[PREFIX + "findings"] = float(sum(counts.values()))


def audit_record(result: AuditResult, *, html: bool = True) -> RunRecord:
    """What :func:`log_audit` logs for ``result``, without MLflow.

    Parameters
    ----------
    result : AuditResult
        A finished audit.
    html : bool, default=True
        Include the HTML report (besides the JSON report).

    Returns
    -------
    RunRecord
        The tags, params, metrics and reports (see the module's documentation).
    """
    tags = _common_tags("audit", result.model, result.source)
    tags[PREFIX + "verdict"] = result.verdict.overall
    for criterion, v in result.verdict.criteria.items():
        tags[f"{PREFIX}risk.{_key(criterion.value)}"] = v.risk
        tags[f"{PREFIX}assessed.{_key(criterion.value)}"] = v.assessed
    params: dict[str, str] = {}
    for name, value in dict(result.settings).items():
        if value is None or name == "thresholds" or value == []:
            continue
        text = ",".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        params[PREFIX + _key(name)] = printable(text, _MAX_PARAM)
    metrics: dict[str, float] = {}
    _severity_counts(result.findings, metrics)
    m = result.membership
    if m is not None and m.metrics:
        best = m.best(0.01)
        tpr = best.tpr_at_fpr.get(0.01)
        if tpr is not None:
            _finite(metrics, "membership_tpr_at_1pct_fpr", tpr.value)
            _finite(metrics, "membership_tpr_at_1pct_fpr_low", tpr.low)
            _finite(metrics, "membership_tpr_at_1pct_fpr_high", tpr.high)
            tags[PREFIX + "membership_best_attack"] = printable(best.name, 100)
            tags[PREFIX + "membership_1pct_fpr_resolvable"] = str(bool(tpr.resolvable)).lower()
        _finite(metrics, "membership_auc", best.auc.value)
        _finite(
            metrics,
            "membership_epsilon_lower_bound",
            max(a.epsilon.low for a in m.metrics.values()),
        )
        _finite(metrics, "membership_reference_models", m.k)
    if result.stored_rows is not None:
        tpr = result.stored_rows.metrics.tpr_at_fpr.get(0.01)
        if tpr is not None:
            _finite(metrics, "stored_rows_tpr_at_1pct_fpr", tpr.value)
    if result.exposure is not None:
        counts = result.exposure.counts()
        tags[PREFIX + "exposure_unit"] = result.exposure.unit
        _finite(metrics, "people_exposed", counts["level_high"] + counts["level_medium"])
        _finite(metrics, "people_exposed_high", counts["level_high"])
        _finite(metrics, "exposure_rows", result.exposure.n)
    if result.attribute is not None:
        risks = [
            o.residual_risk.value
            for col in result.attribute.columns.values()
            for o in col.outcomes.values()
        ]
        if risks:
            _finite(metrics, "highest_residual_risk", max(risks))
    artifacts = {"audit.json": result.render("json")}
    if html:
        artifacts["audit.html"] = result.render("html")
    return RunRecord("audit", _bounded(tags), params, metrics, artifacts)


def inspection_record(result: InspectionResult, *, html: bool = True) -> RunRecord:
    """What :func:`log_inspection` logs for ``result``, without MLflow.

    Parameters
    ----------
    result : InspectionResult
        A finished inspection (:func:`modelprivacy.inspect`).
    html : bool, default=True
        Include the HTML report (besides the JSON report).

    Returns
    -------
    RunRecord
        Tags (``modelprivacy.kind``, ``modelprivacy.model``, ``modelprivacy.source``,
        ``modelprivacy.max_severity``), params (``modelprivacy.k``,
        ``modelprivacy.seed``), metrics (findings by severity, and
        ``modelprivacy.n_train`` with training data) and the reports
        ``inspection.json`` and ``inspection.html``.
    """
    from modelprivacy.report import render

    tags = _common_tags("inspection", result.model, result.source)
    worst = max((f.severity for f in result.findings), default=None)
    tags[PREFIX + "max_severity"] = worst.value if worst is not None else "none"
    params = {PREFIX + "k": str(result.k), PREFIX + "seed": str(result.seed)}
    metrics: dict[str, float] = {}
    _severity_counts(result.findings, metrics)
    _finite(metrics, "n_train", result.n_train)
    _finite(metrics, "checks_failed", len(result.errors))
    artifacts = {"inspection.json": render(result, "json")}
    if html:
        artifacts["inspection.html"] = render(result, "html")
    return RunRecord("inspection", _bounded(tags), params, metrics, artifacts)


def _bounded(tags: dict[str, str]) -> dict[str, str]:
    return {k: printable(v, _MAX_TAG) for k, v in tags.items()}


def log_audit(
    result: AuditResult,
    *,
    run_id: str | None = None,
    artifact_path: str = "modelprivacy",
    html: bool = True,
) -> dict[str, Any]:
    """Log an audit to an MLflow run: verdict and risks as tags, key metrics, the reports.

    Parameters
    ----------
    result : AuditResult
        A finished audit (:func:`modelprivacy.audit`).
    run_id : str, optional
        The run to log to. By default the active run; else ``MLFLOW_RUN_ID``;
        else a new run, started and ended here.
    artifact_path : str, default="modelprivacy"
        The run's artifact folder for the reports.
    html : bool, default=True
        Log the HTML report too (the JSON report is always logged).

    Returns
    -------
    dict
        ``run_id``, ``experiment_id``, ``run`` (``"given"``, ``"active"``,
        ``"MLFLOW_RUN_ID"`` or ``"started"``: a new run was started and ended),
        ``tracking_uri``, ``artifact_uri``, and the ``tags``, ``params``,
        ``metrics`` and ``artifacts`` (artifact paths in the run) logged.

    Raises
    ------
    ModelPrivacyError
        MLflow is not installed (the message names ``pip install
        "modelprivacy[mlflow]"``), the tracking server cannot be reached, the
        run does not exist, or the run already holds one of these params with
        another value (params cannot change: log the audit to a new run).
    """
    return log_record(audit_record(result, html=html), run_id=run_id, artifact_path=artifact_path)


def log_inspection(
    result: InspectionResult,
    *,
    run_id: str | None = None,
    artifact_path: str = "modelprivacy",
    html: bool = True,
) -> dict[str, Any]:
    """Log an inspection to an MLflow run, as :func:`log_audit` logs an audit.

    Parameters
    ----------
    result : InspectionResult
        A finished inspection (:func:`modelprivacy.inspect`).
    run_id : str, optional
        The run to log to (by default as :func:`log_audit` chooses).
    artifact_path : str, default="modelprivacy"
        The run's artifact folder for the reports.
    html : bool, default=True
        Log the HTML report too.

    Returns
    -------
    dict
        As :func:`log_audit` returns.
    """
    record = inspection_record(result, html=html)
    return log_record(record, run_id=run_id, artifact_path=artifact_path)


def log_record(
    record: RunRecord, *, run_id: str | None = None, artifact_path: str = "modelprivacy"
) -> dict[str, Any]:
    """Log a :class:`RunRecord` to an MLflow run (see :func:`log_audit` for which run).

    Parameters
    ----------
    record : RunRecord
        What to log.
    run_id : str, optional
        The run to log to.
    artifact_path : str, default="modelprivacy"
        The run's artifact folder for the reports.

    Returns
    -------
    dict
        As :func:`log_audit` returns.
    """
    mlflow = import_mlflow("log to MLflow")
    from mlflow.entities import Metric, Param, RunTag
    from mlflow.tracking import MlflowClient

    _check_artifact_path(artifact_path)
    try:
        client = MlflowClient()
        how = "given"
        if run_id is None:
            active = mlflow.active_run()
            if active is not None:
                run_id, how = active.info.run_id, "active"
            elif os.environ.get("MLFLOW_RUN_ID"):
                run_id, how = os.environ["MLFLOW_RUN_ID"], "MLFLOW_RUN_ID"
            else:
                how = "started"
    except Exception as exc:
        raise mlflow_error(exc, "cannot log to MLflow", ModelPrivacyError) from None
    with _run(mlflow, client, run_id, how, record) as run:
        now = int(time.time() * 1000)
        try:
            client.log_batch(
                run.info.run_id,
                metrics=[Metric(k, v, now, 0) for k, v in record.metrics.items()],
                params=[
                    Param(k, v)
                    for k, v in record.params.items()
                    if run.data.params.get(k) != v  # already logged with this value
                ],
                tags=[RunTag(k, v) for k, v in record.tags.items()],
            )
            logged = _log_artifacts(client, run.info.run_id, record.artifacts, artifact_path)
        except ModelPrivacyError:
            raise
        except Exception as exc:
            raise mlflow_error(
                exc, f"cannot log to MLflow run {run.info.run_id}", ModelPrivacyError
            ) from None
    return {
        "run_id": run.info.run_id,
        "experiment_id": run.info.experiment_id,
        "run": how,
        "tracking_uri": str(mlflow.get_tracking_uri()),
        "artifact_uri": run.info.artifact_uri,
        "tags": dict(record.tags),
        "params": dict(record.params),
        "metrics": dict(record.metrics),
        "artifacts": logged,
    }


def _check_artifact_path(artifact_path: str) -> None:
    parts = artifact_path.replace("\\", "/").split("/")
    if not artifact_path or artifact_path.startswith("/") or ".." in parts:
        raise ModelPrivacyError(
            f"artifact_path {printable(artifact_path, 200)!r} must be a relative folder inside "
            "the run's artifacts, such as 'modelprivacy'"
        )


@contextlib.contextmanager
def _run(
    mlflow: Any, client: Any, run_id: str | None, how: str, record: RunRecord
) -> Iterator[Any]:
    """The run to log to: fetched (and its params checked), or started and ended here."""
    if run_id is None:
        try:
            started = mlflow.start_run()
            run = client.get_run(started.info.run_id)
        except Exception as exc:
            raise mlflow_error(exc, "cannot start an MLflow run", ModelPrivacyError) from None
        status = "FAILED"
        try:
            yield run
            status = "FINISHED"
        finally:
            with contextlib.suppress(Exception):
                mlflow.end_run(status=status)
        return
    try:
        run = client.get_run(run_id)
    except Exception as exc:
        raise mlflow_error(
            exc, f"cannot log to MLflow run {printable(run_id, 100)}", ModelPrivacyError
        ) from None
    clash = sorted(
        k for k, v in record.params.items() if k in run.data.params and run.data.params[k] != v
    )
    if clash:
        shown = ", ".join(
            f"{k}={printable(run.data.params[k], 50)} (now {printable(record.params[k], 50)})"
            for k in clash[:3]
        )
        raise ModelPrivacyError(
            f"MLflow run {run.info.run_id} already has {shown}, and MLflow params cannot change: "
            "log this audit to a new run (mlflow.start_run(), or unset MLFLOW_RUN_ID)"
        )
    yield run


def _log_artifacts(
    client: Any, run_id: str, artifacts: Mapping[str, str], artifact_path: str
) -> list[str]:
    """Write each report to a private temporary folder, atomically, then log it to the run."""
    logged: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="modelprivacy-mlflow-"))
    try:
        for name, text in artifacts.items():
            path = folder / Path(name).name
            _write_atomic(path, text)
            client.log_artifact(run_id, str(path), artifact_path)
            logged.append(f"{artifact_path}/{path.name}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return logged


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it to ``path``."""
    from modelprivacy._files import umask_mode

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, umask_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def load_model(
    uri: str | os.PathLike[str], *, trust: bool = False, limits: Limits | None = None
) -> LoadedModel:
    """Load a model from an MLflow model URI or directory, safely.

    The model's artifacts are downloaded into a private temporary directory,
    its ``MLmodel`` is read as untrusted data, and the file of its preferred
    flavour is loaded by :func:`modelprivacy.load.load_model` (in a child
    process under ``limits`` on POSIX); the directory is then removed. See
    :mod:`modelprivacy.load.mlflow_uri`.

    Parameters
    ----------
    uri : str or os.PathLike
        ``models:/name/1``, ``models:/name@alias``, ``runs:/<run_id>/model``,
        ``file:///path/to/model``, or a local MLflow model directory.
    trust : bool, default=False
        Load a pickled model (scikit-learn's pickle or cloudpickle format, a
        ``python_function`` model): it then runs whatever code it names. Without
        it such a model is refused.
    limits : Limits, optional
        Limits of the contained load (:class:`modelprivacy.load.sandbox.Limits`).

    Returns
    -------
    LoadedModel
        The estimator; its ``path`` is ``uri``. For a custom ``python_function``
        model (an ``mlflow.pyfunc.PythonModel``, loaded only with ``trust``) its
        ``warnings`` say that the checks cannot look inside it.

    Raises
    ------
    UnsafeModelError
        The model is a pickle and ``trust`` is False.
    ModelLoadError
        MLflow is missing, the model or run does not exist, the tracking server
        cannot be reached, or the model cannot be loaded.
    """
    import dataclasses

    from modelprivacy.load.model import load_model as load_file

    with resolve_model(uri, trust=trust) as resolved:
        loaded = load_file(resolved.path, trust=trust, limits=limits)
    extra = (resolved.warning,) if resolved.warning else ()
    return dataclasses.replace(loaded, path=os.fspath(uri), warnings=loaded.warnings + extra)
