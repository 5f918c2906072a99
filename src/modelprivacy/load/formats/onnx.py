"""ONNX model files (``onnx.save``, skl2onnx, onnxmltools), read as data.

An ONNX file is a protobuf ``ModelProto``. :func:`detect` recognises it from
its first bytes: ``onnx.save`` writes field 1 (``ir_version``, a varint) first,
then another field of ``ModelProto`` (producer name, graph, opset imports...).
A pickle starts with ``0x80``, JSON with ``{``, a zip (skops) with ``PK``, so
none of them is claimed.

:func:`load` then reads the bytes as data before any library's native parser
sees them, and refuses:

- a file whose top-level protobuf fields are not those of a ``ModelProto``, or
  that is truncated;
- **external data**: a tensor (initializer, sparse initializer, or a tensor
  attribute of a node, in the main graph or any subgraph) whose
  ``data_location`` is ``EXTERNAL`` or that has ``external_data`` entries. They
  name files for the runtime to read;
- **operators outside the standard domains**: every node (in subgraphs too)
  must be in ``""``/``ai.onnx`` or ``ai.onnx.ml``, or be one of the few
  ``com.microsoft`` operators that skl2onnx emits and onnxruntime implements
  built in (:data:`MICROSOFT_OPS`: ``Tokenizer`` of TF-IDF exports, ``CDist``
  of k-NN exports with ``optim="cdist"``). Any other domain (a custom-op library
  such as ``"evil.custom"``) is refused: the tool never registers custom-op
  libraries, and the domain list is the guarantee that it has no reason to;
- model-local functions (``ModelProto.functions``), whose bodies would define
  operators of their own;
- graphs beyond the size bounds (:data:`MAX_NODES` nodes in all,
  :data:`MAX_DEPTH` levels of subgraphs);
- tree ensembles (``TreeEnsembleClassifier``/``TreeEnsembleRegressor``, and
  ``TreeEnsemble`` of opset 5, of the main graph) whose arrays do not describe
  trees: node arrays of different lengths, a child or leaf-weight id that
  names no node of its tree, an unknown mode (``BRANCH_MEMBER`` in the older
  operators, which have no sets), (for ``TreeEnsemble``: a child, root or
  target out of range, NaN splits, leaf weights that are not finite,
  membership sets that do not match its ``BRANCH_MEMBER`` nodes), a node that
  is the child of two splits (except the chains of ``BRANCH_EQ`` splits on
  one feature that onnxmltools writes for a category set, read as one set
  split) or a root that is a child (a cycle),
  trees deeper than :data:`~modelprivacy.models.onnx.MAX_TREE_DEPTH`, or more
  nodes or trees than :data:`~modelprivacy.models.onnx.MAX_TREE_NODES` and
  :data:`~modelprivacy.models.onnx.MAX_TREES` (see
  :func:`~modelprivacy.models.onnx.parse_tree_ensemble` and
  :func:`~modelprivacy.models.onnx.parse_tree_ensemble5`). The tree checks
  route records through these trees in numpy, so they are validated before
  anything reads them.

Only then is the model parsed by ``onnx.load_model_from_string`` (from memory,
never a path) and checked by ``onnx.checker.check_model`` on the in-memory
proto: with no external data left it reads no file (it is given a proto, not a
path, so it has no model directory either). The result is an
:class:`~modelprivacy.models.onnx.OnnxModel`, which answers queries through an
``onnxruntime`` session on the CPU provider only, built from the validated
bytes.
"""

from __future__ import annotations

from typing import Any

from modelprivacy.errors import ModelLoadError
from modelprivacy.load.formats import NativeFormat, register_format, require

__all__ = [
    "ALLOWED_DOMAINS",
    "FORMAT",
    "MAX_DEPTH",
    "MAX_NODES",
    "MICROSOFT_OPS",
    "detect",
    "load",
    "validate_proto",
]

#: Operator domains whose every operator onnxruntime implements built in.
ALLOWED_DOMAINS = frozenset({"", "ai.onnx", "ai.onnx.ml"})
#: ``com.microsoft`` operators that skl2onnx emits (onnxruntime's built-in contrib ops).
MICROSOFT_OPS = frozenset({"Tokenizer", "CDist"})
#: The most nodes a model may have, in all its graphs together.
MAX_NODES = 1_000_000
#: The deepest nesting of subgraphs (a Scan body inside a Loop body ...).
MAX_DEPTH = 16

# ModelProto's fields (number -> protobuf wire type), as in onnx.proto
_MODEL_FIELDS = {1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2}
_FIRST_TAGS = frozenset(f << 3 | w for f, w in _MODEL_FIELDS.items() if f != 1)
_MAX_IR_VERSION = 64


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """Read a protobuf varint at ``pos``; return the value and the next position."""
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7


def detect(data: bytes) -> bool:
    """Whether the bytes start like an ONNX ModelProto written by ``onnx.save``.

    Parameters
    ----------
    data : bytes
        The whole file.

    Returns
    -------
    bool
        True when the file starts with ``ir_version`` (field 1, a varint from 1
        to 64) followed by the tag of another ``ModelProto`` field.
    """
    if len(data) < 4 or data[0] != 0x08:
        return False
    ir_version, pos = _varint(data, 1)
    return 1 <= ir_version <= _MAX_IR_VERSION and pos < len(data) and data[pos] in _FIRST_TAGS


def _scan_top_level(data: bytes, subject: str) -> None:
    """Walk the top-level protobuf fields; refuse unknown fields and truncation."""
    pos, seen = 0, set()
    while pos < len(data):
        try:
            tag, pos = _varint(data, pos)
            field, wire = tag >> 3, tag & 7
            if _MODEL_FIELDS.get(field) != wire:
                raise ModelLoadError(
                    f"{subject} is not a valid ONNX model: it has an unknown top-level field "
                    f"{field} (wire type {wire}); it is corrupt or not an ONNX file"
                )
            if wire == 0:
                _, pos = _varint(data, pos)
            else:
                length, pos = _varint(data, pos)
                if pos + length > len(data):
                    raise ValueError("truncated field")
                pos += length
        except ValueError:
            raise ModelLoadError(
                f"{subject} is a truncated ONNX model ({len(data):,} bytes end inside a field); "
                "copy or export the file again"
            ) from None
        seen.add(field)
    if 7 not in seen:
        raise ModelLoadError(
            f"{subject} is an ONNX model without a graph; export the fitted model again"
        )


def _tensors_of_attribute(attr: Any) -> list[Any]:
    out = []
    if attr.HasField("t"):
        out.append(attr.t)
    out.extend(attr.tensors)
    if attr.HasField("sparse_tensor"):
        out.extend((attr.sparse_tensor.values, attr.sparse_tensor.indices))
    for sp in attr.sparse_tensors:
        out.extend((sp.values, sp.indices))
    return out


def _check_tensor(tensor: Any, where: str, subject: str) -> None:
    from onnx import TensorProto

    if tensor.data_location == TensorProto.EXTERNAL or len(tensor.external_data):
        raise ModelLoadError(
            f"{subject} refers to external data for tensor {_short(tensor.name)} ({where}): "
            "it names a file to be read, which is refused; save the model with all tensors "
            "inside the file (onnx.save_model(model, path, save_as_external_data=False))"
        )


def _short(name: str) -> str:
    from modelprivacy._text import short_repr

    return short_repr(name, 80)


def validate_proto(model: Any, subject: str) -> int:
    """Refuse external data, non-standard operators, local functions and oversized graphs.

    Parameters
    ----------
    model : onnx.ModelProto
        The parsed model.
    subject : str
        What is being loaded, for the messages.

    Returns
    -------
    int
        The number of nodes in all graphs.

    Raises
    ------
    ModelLoadError
        With a one-line message naming the problem and the fix.
    """
    if len(model.functions):
        raise ModelLoadError(
            f"{subject} defines {len(model.functions)} model-local ONNX function(s), which are "
            "refused (they define operators of their own); export the model without functions"
        )
    n_nodes = 0
    stack: list[tuple[Any, int, str]] = [(model.graph, 0, "graph")]
    # training graphs (ONNX training_info): no runtime here reads them, but their external
    # data and operators get the same checks, whatever a future runtime does with them
    for info in model.training_info:
        for field in ("initialization", "algorithm"):
            if info.HasField(field):
                stack.append((getattr(info, field), 1, f"training {field} graph"))
    while stack:
        graph, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            raise ModelLoadError(
                f"{subject} nests subgraphs more than {MAX_DEPTH} levels deep; it is refused"
            )
        for tensor in graph.initializer:
            _check_tensor(tensor, f"an initializer of the {where}", subject)
        for sparse in graph.sparse_initializer:
            for part in (sparse.values, sparse.indices):
                _check_tensor(part, f"a sparse initializer of the {where}", subject)
        for node in graph.node:
            n_nodes += 1
            if n_nodes > MAX_NODES:
                raise ModelLoadError(
                    f"{subject} has more than {MAX_NODES:,} nodes; it is refused as too large"
                )
            domain = node.domain
            if domain not in ALLOWED_DOMAINS and not (
                domain == "com.microsoft" and node.op_type in MICROSOFT_OPS
            ):
                raise ModelLoadError(
                    f"{subject} uses operator {_short(node.op_type)} of domain {_short(domain)}, "
                    "which is not a standard ONNX domain (ai.onnx, ai.onnx.ml); custom operators "
                    "need a library of native code and are refused: export the model with "
                    "standard operators only"
                )
            for attr in node.attribute:
                for tensor in _tensors_of_attribute(attr):
                    _check_tensor(tensor, f"attribute {_short(attr.name)} of a node", subject)
                if attr.HasField("g"):
                    stack.append((attr.g, depth + 1, f"subgraph of a {_short(node.op_type)} node"))
                for sub in attr.graphs:
                    stack.append((sub, depth + 1, f"subgraph of a {_short(node.op_type)} node"))
    return n_nodes


def load(data: bytes, subject: str) -> tuple[Any, tuple[str, ...]]:
    """Validate an ONNX file's bytes, parse them from memory and wrap the model.

    Parameters
    ----------
    data : bytes
        The whole file.
    subject : str
        What is being loaded, for messages (``model file 'm.onnx'``).

    Returns
    -------
    model : OnnxModel
        The validated model.
    notes : tuple of str
        Empty: nothing is reset.

    Raises
    ------
    ModelLoadError
        Truncated or corrupt file, external data, a non-standard operator
        domain, local functions, an oversized graph, a model the ONNX checker
        refuses, a malformed tree ensemble, or onnx/onnxruntime not installed.
    """
    onnx = require(FORMAT, subject)
    _require_runtime(subject)
    _scan_top_level(data, subject)
    try:
        model = onnx.load_model_from_string(data)
    except Exception as exc:
        raise ModelLoadError(
            f"{subject} is not a valid ONNX model ({type(exc).__name__}); it is corrupt: "
            "export the model again"
        ) from None
    validate_proto(model, subject)
    try:
        onnx.checker.check_model(model)
    except Exception as exc:
        from modelprivacy._text import one_line

        raise ModelLoadError(
            f"{subject} is an invalid ONNX model: {one_line(str(exc), 200)}; export it again "
            "with a current converter"
        ) from None
    from modelprivacy.models.onnx import MalformedTreesError, OnnxModel

    wrapped = OnnxModel(model)
    try:
        wrapped.tree_ensembles()
    except MalformedTreesError as exc:
        from modelprivacy._text import one_line

        raise ModelLoadError(
            f"{subject} has a malformed tree ensemble ({one_line(str(exc), 200)}); it is "
            "refused: export the model again"
        ) from None
    return wrapped, ()


def _require_runtime(subject: str) -> None:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        raise ModelLoadError(
            f"{subject} is {FORMAT.title}, which needs the onnxruntime package: install it with "
            f'pip install "modelprivacy[{FORMAT.extra}]"'
        ) from None


FORMAT = register_format(
    NativeFormat(
        name="onnx",
        title="an ONNX model",
        library="onnx",
        extra="onnx",
        detect=detect,
        load=load,
    )
)
