"""Models from MLflow: a model URI or an MLflow model directory, down to one model file.

An MLflow model is a directory with an ``MLmodel`` file (YAML) that names its
*flavours* and, for each, the file that holds the model. :func:`resolve_model`
turns what the user gave into that one file, which the ordinary loader
(:func:`modelprivacy.load.load_model`, contained in a child process by the
command line) then reads as it reads any other:

- a model URI (``models:/name/1``, ``models:/name@alias``, ``models:/m-<id>``,
  ``runs:/<run_id>/<path>``, ``mlflow-artifacts:/...``) is downloaded with
  :func:`mlflow.artifacts.download_artifacts` into a private temporary
  directory (mode 0700), removed when the ``with`` block ends; the tracking
  and registry URIs are MLflow's own (``MLFLOW_TRACKING_URI``,
  ``MLFLOW_REGISTRY_URI``, :func:`mlflow.set_tracking_uri`);
- a ``file:`` URI or a local path to an MLflow model directory (or to its
  ``MLmodel`` file) is read where it is, without MLflow.

The ``MLmodel`` file is written by whoever logged the model, so it is read as
data and never trusted: at most :data:`MAX_MLMODEL_BYTES`, with
:func:`yaml.safe_load`, its structure checked, and the model file it names must
be a regular file inside the model directory. It only *names* the file; what
the file is comes from its bytes, as for any model file: a skops archive or
another library's own format (XGBoost, LightGBM, CatBoost, ONNX) is data and
loads safely. Anything else is a pickle (scikit-learn's ``pickle`` and
``cloudpickle`` serialisation formats, a ``python_function`` model, a
statsmodels model): it is refused unless ``trust`` is set, with the fix (log
the model with ``serialization_format="skops"``, or pass ``--trust`` for a
model from a trusted source); with ``trust`` it loads as ``--trust`` loads any
pickle. An ``MLmodel`` that declares ``skops_trusted_types`` widens nothing:
the skops loader keeps its own trusted types.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from modelprivacy._text import describe_exception, one_line, printable
from modelprivacy.errors import ModelLoadError, ModelPrivacyError, UnsafeModelError

__all__ = [
    "MAX_MLMODEL_BYTES",
    "MLFLOW_EXTRA",
    "URI_SCHEMES",
    "MlflowModel",
    "import_mlflow",
    "is_mlflow_model_dir",
    "is_model_uri",
    "mlflow_error",
    "resolve_model",
]

#: URI schemes read as MLflow model URIs (``file:`` is read locally, without MLflow).
URI_SCHEMES = ("models", "runs", "mlflow-artifacts", "file")

#: The largest ``MLmodel`` file read (it names flavours, files and a signature).
MAX_MLMODEL_BYTES = 2 * 1024 * 1024

#: The command that installs MLflow with modelprivacy.
MLFLOW_EXTRA = 'pip install "modelprivacy[mlflow]"'

#: Flavours in the order one is preferred when a model has several, each with the
#: ``MLmodel`` keys that may name its model file. Any other flavour naming a file under
#: one of :data:`_FILE_KEYS` is read too; ``python_function`` is tried last.
_FLAVOURS: dict[str, tuple[str, ...]] = {
    "sklearn": ("pickled_model",),
    "xgboost": ("data",),
    "lightgbm": ("data",),
    "catboost": ("data",),
    "onnx": ("data",),
    "statsmodels": ("data",),
}
_FILE_KEYS = ("data", "pickled_model", "model_path")
_PYFUNC_KEYS = ("model_path", "data", "python_model")
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class MlflowModel:
    """An MLflow model, resolved to the one file that holds it.

    Attributes
    ----------
    uri : str
        What the user gave (the URI, or the directory), as reports name the source.
    path : Path
        The model file to load, inside :attr:`directory`.
    directory : Path
        The MLflow model directory (a temporary copy for a downloaded URI).
    flavor : str
        The flavour whose file was chosen (``"sklearn"``, ``"xgboost"``, ...).
    kind : str
        What the file's bytes are: ``"skops"``, another library's format
        (``"xgboost-ubj"``, ``"onnx"``, ...), or ``"pickle"``.
    downloaded : bool
        Whether the directory was downloaded (and is removed afterwards).
    entry : str
        The ``MLmodel`` key of the flavour that named the file (``"pickled_model"``,
        ``"data"``, ``"python_model"``, ...).
    """

    uri: str
    path: Path
    directory: Path
    flavor: str
    kind: str
    downloaded: bool
    entry: str = ""

    @property
    def warning(self) -> str | None:
        """What a report of this model cannot see, in one sentence (None when nothing)."""
        if self.flavor == "python_function" and self.entry == "python_model":
            return (
                f"{self.describe()} is a custom mlflow.pyfunc.PythonModel: modelprivacy sees that "
                "Python object, not the estimator it may wrap, so the checks cannot look inside "
                "it; audit the estimator itself, logged with its own flavour"
            )
        return None

    @property
    def is_pickle(self) -> bool:
        """Whether the file is a pickle, which only ``trust`` loads."""
        return self.kind == "pickle"

    def describe(self) -> str:
        """How messages name the model: ``"MLflow model 'models:/x/1' (sklearn, model.skops)"``."""
        return (
            f"MLflow model '{printable(self.uri, 300)}' "
            f"({printable(self.flavor, 50)}, {printable(self.path.name, 100)})"
        )


def is_model_uri(text: str) -> bool:
    """Whether ``text`` is an MLflow model URI (``models:/...``, ``runs:/...``, ``file:...``).

    Parameters
    ----------
    text : str
        A model argument as given.

    Returns
    -------
    bool
        True when it starts with one of :data:`URI_SCHEMES` and a colon. A
        Windows drive (``C:/model.pkl``) is a path.
    """
    scheme, sep, _ = text.partition(":")
    return bool(sep) and scheme.lower() in URI_SCHEMES


def is_mlflow_model_dir(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an MLflow model directory (it has an ``MLmodel`` file) or that file.

    Parameters
    ----------
    path : str or os.PathLike
        A local path.

    Returns
    -------
    bool
        True for a directory holding a file named ``MLmodel``, or for such a file.
    """
    p = Path(path)
    try:
        if p.is_dir():
            return (p / "MLmodel").is_file()
        return p.name == "MLmodel" and p.is_file()
    except OSError:
        return False


def import_mlflow(purpose: str = "read MLflow model URIs") -> Any:
    """Import MLflow, or fail with the command that installs it.

    Parameters
    ----------
    purpose : str
        What MLflow is needed for, for the message.

    Returns
    -------
    module
        :mod:`mlflow`.

    Raises
    ------
    ModelPrivacyError
        If MLflow is not installed (or cannot be imported).
    """
    try:
        import mlflow
        import mlflow.artifacts  # a submodule: imported for download_artifacts
    except ImportError as exc:
        raise ModelPrivacyError(
            f"MLflow is needed to {purpose}, but it cannot be imported ({describe_exception(exc)}): "
            f"install it with {MLFLOW_EXTRA}"
        ) from None
    return mlflow


def mlflow_error(
    exc: BaseException, what: str, error: type[ModelPrivacyError] = ModelLoadError
) -> ModelPrivacyError:
    """Turn an exception of MLflow into one clean line naming the problem and the fix.

    Parameters
    ----------
    exc : BaseException
        What MLflow raised.
    what : str
        What failed, e.g. ``"cannot download MLflow model 'models:/x/1'"``.
    error : type of ModelPrivacyError, default=ModelLoadError
        The class of the error returned.

    Returns
    -------
    ModelPrivacyError
        An ``error``; its message says whether
        the tracking server could not be reached or the model, version or run
        does not exist.
    """
    if isinstance(exc, ModelPrivacyError):
        return exc
    message = one_line(str(exc), 400) or type(exc).__name__
    code = getattr(exc, "error_code", None)
    uri = _tracking_uri()
    unreachable = any(
        s in message
        for s in ("Max retries exceeded", "Failed to establish a new connection", "timed out")
    ) or isinstance(exc, ConnectionError)
    if unreachable:
        return error(
            f"{what}: the MLflow tracking server {uri} cannot be reached ({message}); check "
            "MLFLOW_TRACKING_URI and that the server is running"
        )
    if code in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE", "NOT_FOUND"):
        return error(
            f"{what}: {message} (tracking URI {uri}); check the model name, version or alias, "
            "or the run id, against the MLflow UI of that tracking URI"
        )
    return error(f"{what}: {describe_exception(exc, 400)} (tracking URI {uri})")


def _tracking_uri() -> str:
    try:
        import mlflow

        return printable(str(mlflow.get_tracking_uri()), 200)
    except Exception:
        return printable(os.environ.get("MLFLOW_TRACKING_URI", "(MLflow's default)"), 200)


@contextlib.contextmanager
def resolve_model(source: str | os.PathLike[str], *, trust: bool = False) -> Iterator[MlflowModel]:
    """The model file of an MLflow model URI or directory, for as long as the block runs.

    Parameters
    ----------
    source : str or os.PathLike
        A model URI (``models:/name/1``, ``models:/name@alias``,
        ``runs:/<run_id>/model``, ``mlflow-artifacts:/...``, ``file:///...``) or
        a local MLflow model directory (or its ``MLmodel`` file).
    trust : bool, default=False
        Accept a model whose file is a pickle (it is then loaded with
        ``trust=True``, running whatever code it names). Without it such a
        model is refused.

    Yields
    ------
    MlflowModel
        The chosen flavour and its model file. A downloaded directory is
        removed when the block ends, whatever happens in it.

    Raises
    ------
    ModelLoadError
        MLflow is not installed (for a URI that needs it), the model, version,
        alias or run does not exist, the tracking server cannot be reached, the
        ``MLmodel`` file is missing, too large or not a valid description, or
        no flavour names a model file modelprivacy reads.
    UnsafeModelError
        The model file is a pickle and ``trust`` is False.
    """
    given = os.fspath(source)
    local = _local_path(given)
    if local is not None:
        yield _choose(given, local, downloaded=False, trust=trust)
        return
    mlflow = import_mlflow()
    tmp = Path(tempfile.mkdtemp(prefix="modelprivacy-mlflow-"))
    try:
        with _no_progress_bar():
            try:
                where = mlflow.artifacts.download_artifacts(artifact_uri=given, dst_path=str(tmp))
            except Exception as exc:
                raise mlflow_error(
                    exc, f"cannot download MLflow model '{printable(given, 300)}'"
                ) from None
        yield _choose(given, Path(where), downloaded=True, trust=trust)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _local_path(given: str) -> Path | None:
    """The local directory of a ``file:`` URI or path; None for a URI that MLflow downloads."""
    if not is_model_uri(given):
        return Path(given)
    parsed = urllib.parse.urlparse(given)
    if parsed.scheme.lower() != "file":
        return None
    if parsed.netloc not in ("", "localhost"):
        raise ModelLoadError(
            f"'{printable(given, 300)}' names the host {printable(parsed.netloc, 100)}: a file: "
            "URI must name a local MLflow model directory (file:///path/to/model)"
        )
    return Path(urllib.request.url2pathname(parsed.path))


@contextlib.contextmanager
def _no_progress_bar() -> Iterator[None]:
    """MLflow's download progress bar off (unless the user chose), so stderr stays one line each."""
    name = "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR"
    if name in os.environ:
        yield
        return
    os.environ[name] = "false"
    try:
        yield
    finally:
        os.environ.pop(name, None)


def _choose(given: str, where: Path, *, downloaded: bool, trust: bool) -> MlflowModel:
    """Read the MLmodel of ``where``, pick a flavour and its file, and check that it may load."""
    shown = printable(given, 300)
    directory = where.parent if where.name == "MLmodel" and where.is_file() else where
    if not directory.is_dir():
        what = "does not exist" if not directory.exists() else "is not a directory"
        raise ModelLoadError(
            f"MLflow model '{shown}' {what}: give an MLflow model directory (with an MLmodel "
            "file), or a model URI (models:/name/1, runs:/<run_id>/model)"
        )
    flavors = _flavours(_read_mlmodel(directory, shown), shown)
    flavor, entry, path = _pick(flavors, directory, shown)
    kind = _kind(path, shown)
    model = MlflowModel(
        uri=given,
        path=path,
        directory=directory,
        flavor=flavor,
        kind=kind,
        downloaded=downloaded,
        entry=entry,
    )
    if model.is_pickle and not trust:
        raise UnsafeModelError(
            f"{model.describe()} is a pickle: loading it could run any code it names, so it was "
            f"refused; {_fix(flavor)}, or pass --trust (trust=True) only if it comes from a "
            "trusted source",
            untrusted=(f"{flavor} pickle",),
        )
    return model


def _fix(flavor: str) -> str:
    if flavor in ("sklearn", "lightgbm"):
        return (
            f'log it with mlflow.{flavor}.log_model(model, name=..., serialization_format="skops")'
        )
    if flavor == "python_function":
        return (
            "log the estimator with its own flavour (mlflow.sklearn.log_model(model, name=..., "
            'serialization_format="skops"), mlflow.xgboost, mlflow.onnx, ...)'
        )
    return 'log it in a format that is data (skops with serialization_format="skops", or ONNX)'


def _read_mlmodel(directory: Path, shown: str) -> Mapping[str, Any]:
    """The MLmodel file of ``directory``, size-limited and read with yaml.safe_load."""
    path = directory / "MLmodel"
    try:
        if not path.is_file():
            raise ModelLoadError(
                f"MLflow model '{shown}' has no MLmodel file: it is not an MLflow model "
                "directory (mlflow.<flavour>.save_model and log_model write one)"
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_MLMODEL_BYTES + 1)
    except OSError as exc:
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' cannot be read: {exc.strerror}"
        ) from None
    if len(raw) > MAX_MLMODEL_BYTES:
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' is larger than "
            f"{MAX_MLMODEL_BYTES // (1024 * 1024)} MiB: it is not an MLmodel file MLflow writes, "
            "and was refused"
        )
    try:
        import yaml
    except ImportError:
        raise ModelLoadError(
            f"reading MLflow model '{shown}' needs PyYAML: install it with {MLFLOW_EXTRA}"
        ) from None
    try:
        text = raw.decode("utf-8")
        doc = yaml.safe_load(text)
    except Exception as exc:  # UnicodeDecodeError, yaml.YAMLError, RecursionError
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' is not valid YAML "
            f"({describe_exception(exc, 200)}); it was refused"
        ) from None
    if not isinstance(doc, dict):
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' is not a mapping of fields "
            f"(it holds {type(doc).__name__}); it was refused"
        )
    return doc


def _flavours(doc: Mapping[str, Any], shown: str) -> dict[str, Mapping[str, Any]]:
    flavors = doc.get("flavors")
    if not isinstance(flavors, dict) or not flavors:
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' names no flavours ('flavors'); it is "
            "not an MLflow model"
        )
    out: dict[str, Mapping[str, Any]] = {}
    for name, conf in flavors.items():
        if isinstance(name, str) and isinstance(conf, dict):
            out[name] = conf
    if not out:
        raise ModelLoadError(
            f"the MLmodel file of MLflow model '{shown}' has no valid flavour (each must be a "
            "mapping of its settings); it was refused"
        )
    return out


def _pick(
    flavors: Mapping[str, Mapping[str, Any]], directory: Path, shown: str
) -> tuple[str, str, Path]:
    """The preferred flavour that names a model file, the key that names it, and that file."""
    order = [f for f in _FLAVOURS if f in flavors]
    order += [f for f in flavors if f not in _FLAVOURS and f != "python_function"]
    if "python_function" in flavors:
        order.append("python_function")
    problems: list[str] = []
    for flavor in order:
        conf = flavors[flavor]
        if flavor in _FLAVOURS:
            keys = _FLAVOURS[flavor]
        elif flavor == "python_function":
            keys = _PYFUNC_KEYS
        else:
            keys = _FILE_KEYS
        for key in keys:
            value = conf.get(key)
            if value is None:
                continue
            path, problem = _model_file(value, directory)
            if path is not None:
                return flavor, key, path
            problems.append(f"{flavor}.{key} {problem}")
    names = ", ".join(printable(f, 50) for f in flavors)
    why = f" ({'; '.join(problems[:3])})" if problems else ""
    raise ModelLoadError(
        f"MLflow model '{shown}' has no flavour whose model file modelprivacy reads (it has: "
        f"{names}){why}; modelprivacy reads the sklearn, xgboost, lightgbm, catboost and onnx "
        "flavours (and, with --trust, pickled ones)"
    )


def _model_file(value: Any, directory: Path) -> tuple[Path | None, str]:
    """The file an MLmodel entry names, if it is a regular file inside ``directory``."""
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 1000:
        return None, "is not a file name"
    rel = PurePosixPath(value.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or Path(value).is_absolute():
        return None, f"'{printable(value, 100)}' points outside the model directory"
    root = directory.resolve()
    path = (root / Path(*rel.parts)).resolve()
    if not path.is_relative_to(root):
        return None, f"'{printable(value, 100)}' points outside the model directory"
    if path.is_dir():
        return None, f"'{printable(value, 100)}' is a directory, not one model file"
    if not path.is_file():
        return None, f"'{printable(value, 100)}' does not exist"
    return path, ""


def _kind(path: Path, shown: str) -> str:
    """What the file's bytes are: skops, another library's format, or a pickle."""
    from modelprivacy.load.formats import detect_format

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelLoadError(
            f"the model file {printable(path.name, 100)} of MLflow model '{shown}' cannot be "
            f"read: {exc.strerror}"
        ) from None
    if not data:
        raise ModelLoadError(
            f"the model file {printable(path.name, 100)} of MLflow model '{shown}' is empty "
            "(0 bytes); log the model again"
        )
    if data.startswith(_ZIP_MAGIC):
        return "skops"
    native = detect_format(data)
    return native.name if native is not None else "pickle"
