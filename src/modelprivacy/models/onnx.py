"""ONNX models: a graph read as data, queried through onnxruntime, and what it stores.

:class:`OnnxModel` holds a validated ``onnx.ModelProto`` (see
:mod:`modelprivacy.load.formats.onnx`) and answers ``predict`` and
``predict_proba`` through an ``onnxruntime.InferenceSession`` built from the
serialized bytes, on the CPU provider only, with no custom-op library and a
bounded number of threads.

Its walk hook shows the inspection what the graph carries, one view per node
that stores something, at ``<OpType>[<node index>]`` (the view's class is named
after the operator, so the knowledge tables key on ``SVMClassifier.support_vectors_``):

- every attribute of an ``ai.onnx.ml`` operator that holds values (floats,
  integers, strings, tensors), under its ONNX name with a trailing underscore:
  ``support_vectors_`` of ``SVMClassifier``/``SVMRegressor`` reshaped to one row
  per support vector, ``nodes_values_``, ``target_weights_`` and
  ``class_weights_`` of tree ensembles, ``cats_strings_`` of ``OneHotEncoder``
  and ``CategoryMapper``, ``keys_strings_`` of ``LabelEncoder``,
  ``classlabels_strings_``, ``pool_strings_`` of ``TfIdfVectorizer``, ``offset_``
  and ``scale_`` of ``Scaler``, ``imputed_value_floats_`` of ``Imputer``;
- every initializer a node reads, in ``initializers_[<name>]``, except those
  recognised by their role, which are shown under the role:

  * ``training_rows_``: a matrix that reaches a ``Scan`` (skl2onnx's distance
    loop of k-NN and Gaussian-process exports) or ``CDist`` input, directly or
    through element-wise operators: the training rows themselves;
  * ``training_labels_``: the vector an ``ArrayFeatureExtractor`` indexes with
    neighbour positions, as long as the training rows: every row's label;
  * ``idf_``: the inverse document frequencies multiplied into a
    ``TfIdfVectorizer``'s output (with ``vocabulary_``, the token pool, the
    view looks like a scikit-learn ``TfidfVectorizer`` to MP-S106);
- for an affine map ``Mul`` then ``Add`` by per-column constants (how
  skl2onnx writes a ``MinMaxScaler``) and for a ``Scaler`` node, the input
  values mapped to 0 and 1 (``implied_min_``, ``implied_max_``): a
  MinMaxScaler's smallest and largest training value of each column, computed
  in float64 from the float32 constants and given with their float32
  neighbours (rows ``(3, d)``: the value 1 ulp below, the value, 1 ulp above),
  as the rounding of the constants moves them by up to 1 ulp;
- ``categories_`` of a one-hot encoder, placed at the index of the input column
  it encodes (a ``Gather`` of one column of the input), as a scikit-learn
  encoder's ``categories_`` are, so rare categories are counted against that column.

The training data is matched to the graph's input: a single input takes the
table as given (a DataFrame's columns in order); several inputs (skl2onnx's
one input per DataFrame column) take the columns of the same names.

Tree ensembles (``TreeEnsembleClassifier``/``TreeEnsembleRegressor`` of
``ai.onnx.ml``, as skl2onnx writes scikit-learn's trees, forests and gradient
boosting and onnxmltools LightGBM and XGBoost models, and the unified
``TreeEnsemble`` of opset 5) are read into the shared tree representation
(:func:`onnx_forest`, registered as the adapter of :class:`OnnxModel`), after
:func:`parse_tree_ensemble` (:func:`parse_tree_ensemble5`) has validated their
arrays. The file stores no row counts: the training data is routed through the
trees in numpy, with each node's own comparison (``BRANCH_LEQ``, ``BRANCH_LT``,
``BRANCH_GTE``, ``BRANCH_GT``; ``BRANCH_EQ``, ``BRANCH_NEQ`` and, in a
``TreeEnsemble``, ``BRANCH_MEMBER``, whose boxes stay open on their feature;
missing values as ``nodes_missing_value_tracks_true`` says) in the precision
onnxruntime uses (float32 for a float input), so a leaf holds the records
onnxruntime sends there. onnxmltools writes a LightGBM category set for the
older operators as a chain of ``BRANCH_EQ`` splits that share their true
branch; such a chain is read as one set split (onnxruntime reads it so too),
so the trees keep LightGBM's leaves. Where the leaves are labels (a forest's
class probabilities, a regressor's averaged predictions) a person alone in a
leaf is given away with their label; a boosted binary model's leaf step gives
it by its sign.

A graph with several tree ensembles (skl2onnx's export of a voting ensemble of
forests, or two regressors whose outputs are added) has no one set of trees:
:func:`onnx_forest` refuses it (leaf boxes need one), and the walk's view of
each ensemble node is read instead (:func:`ensemble_forest`), so the tree
checks report each at ``<OpType>[<index>].trees``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import numpy as np

from modelprivacy.errors import DataError, ModelLoadError
from modelprivacy.models._registry import Stored, register_walk_hook
from modelprivacy.models.trees import (
    Forest,
    LabelKind,
    NotATreeModelError,
    TreeSpec,
    UnsupportedTreesError,
    float32_edge,
    register_adapter,
)

__all__ = [
    "TREE_OPS",
    "MalformedTreesError",
    "OnnxModel",
    "OnnxNode",
    "OnnxTree",
    "TreeEnsemble",
    "ensemble_forest",
    "graph_data",
    "onnx_forest",
    "parse_tree_ensemble",
    "parse_tree_ensemble5",
    "tree_ensembles",
]

#: What ONNX graphs store about the training data (``docs/libraries.md`` is generated from it).
STORES = (
    Stored(
        "initializers of k-NN and SVM graphs",
        "the training rows a k-NN graph measures distances to; SVMClassifier support_vectors",
        "every training row (k-NN) or the support vectors, verbatim",
        "MP-S101",
        "tests/inspection/test_onnx.py",
    ),
    Stored(
        "Mul/Add constants, Scaler offset and scale",
        "a MinMaxScaler or StandardScaler exported as nodes",
        "each feature's minimum and maximum: one person's value at the extremes",
        "MP-S103",
        "tests/inspection/test_onnx.py",
    ),
    Stored(
        "cats_strings, OneHotEncoder categories",
        "ai.onnx.ml encoder nodes",
        "every category, rare ones held by fewer than k people",
        "MP-S106",
        "tests/inspection/test_onnx.py",
    ),
    Stored(
        "pool_strings, idf",
        "TfIdfVectorizer nodes",
        "the vocabulary and document frequencies: a word of one document",
        "MP-S106",
        "tests/inspection/test_onnx.py",
    ),
    Stored(
        "target_weights",
        "TreeEnsembleRegressor leaves (leaf_weights of TreeEnsemble, opset 5)",
        "training targets, reproduced by the leaves of one row",
        "MP-S108",
        "tests/inspection/test_onnx.py",
    ),
    Stored(
        "tree structure (nodes_truenodeids, nodes_falsenodeids, nodes_modes)",
        "TreeEnsembleClassifier and TreeEnsembleRegressor nodes (skl2onnx, onnxmltools); "
        "TreeEnsemble of opset 5 (nodes_trueleafs, tree_roots; BRANCH_EQ, NEQ and MEMBER "
        "routed, their boxes open); the older operators' BRANCH_EQ and NEQ too, onnxmltools' "
        "chains of BRANCH_EQ (LightGBM category sets) read as one set each",
        "no row counts, but routing the training data finds the people alone in a leaf, as "
        "many as in the model before export; a lone person's label from the leaf's "
        "class_weights (forests and trees), target (skl2onnx regressors) or step's sign "
        "(boosted binary models)",
        "MP-S105",
        "tests/models/test_onnx_trees.py",
    ),
    Stored(
        "nodes_values (nodes_splits of TreeEnsemble)",
        "every split of a tree ensemble",
        "float32 thresholds: midpoints of adjacent training values (scikit-learn, LightGBM), "
        "training values themselves (XGBoost's hist)",
        "MP-S104",
        "tests/models/test_onnx_trees.py",
    ),
    Stored(
        "leaf boxes",
        "split features, values and modes of every tree",
        "the box of a small leaf pins down who is in it, among population records",
        "MP-S110",
        "tests/models/test_onnx_trees.py",
    ),
    Stored(
        "class labels",
        "a classifier node, or the constant an MLP's label indexes",
        "nothing personal; they let the attacks query the graph (refit only with fit_fn)",
        "MP-L201",
        "tests/models/test_native_estimators.py",
    ),
)


#: Printed under the ONNX table of ``docs/libraries.md``.
STORES_NOTE = (
    "Graphs with the unified `TreeEnsemble` operator (ai.onnx.ml opset 5) get the same tree "
    "checks. Value and set splits (BRANCH_EQ, BRANCH_NEQ, BRANCH_MEMBER) are routed as "
    "onnxruntime routes them, in the older operators too, where onnxmltools writes a LightGBM "
    "category set as a chain of BRANCH_EQ splits sharing one branch (read as one set), but "
    "have no threshold for MP-S104 or MP-S110; float16 trees are not routed. A graph with "
    "several tree ensembles (skl2onnx's export of a voting ensemble of forests) has each "
    "checked at its own path (`TreeEnsembleClassifier[0].trees`, ...); MP-S110 draws leaf "
    "boxes for graphs with one."
)

_MAX_THREADS = 4
# onnx TensorProto element types -> numpy dtypes of inputs
_ELEM = {
    1: np.float32,
    2: np.uint8,
    3: np.int8,
    5: np.int16,
    6: np.int32,
    7: np.int64,
    8: object,
    9: np.bool_,
    10: np.float16,
    11: np.float64,
    12: np.uint32,
    13: np.uint64,
}
_CLASSIFIERS = frozenset(
    {"TreeEnsembleClassifier", "LinearClassifier", "SVMClassifier", "ZipMap", "TreeEnsemble"}
)
# standard-domain operators whose attributes hold fitted values
_VALUE_OPS = frozenset({"TfIdfVectorizer"})
_ELEMENTWISE = frozenset({"Div", "Mul", "Sub", "Add", "Cast", "Identity", "Neg"})


class OnnxNode:
    """What one node of an ONNX graph stores (a view for the inspection's walker).

    Its class is named after the node's operator; attributes are the node's
    stored values (see the module docstring).
    """

    op_type = "OnnxNode"

    def __init__(self, index: int, domain: str) -> None:
        self.index = index
        self.domain = domain


class _TfIdfView(OnnxNode):
    """A ``TfIdfVectorizer`` node; ``transform`` counts the tokens of documents with the graph."""

    __slots__ = ("_counts",)

    def __init__(self, index: int, domain: str, model: OnnxModel, output: str) -> None:
        super().__init__(index, domain)
        self._counts = (model, output)
        self.smooth_idf = True

    def transform(self, docs: Any) -> np.ndarray:
        """Term counts (or weights) of each document per pool entry, from the graph itself."""
        model, output = self._counts
        return model.run_to(output, docs)


class _TreeView(OnnxNode):
    """A tree-ensemble node; its trees are read on their own when a graph holds several."""

    __slots__ = ("_model",)

    def __init__(self, index: int, domain: str, model: OnnxModel) -> None:
        super().__init__(index, domain)
        self._model = model

    def forest(self) -> Forest:
        """The node's trees (:func:`ensemble_forest`); several per graph are read one by one.

        Raises
        ------
        NotATreeModelError
            When the graph holds one tree ensemble: the model is read whole
            (:func:`onnx_forest`), so its trees are not read twice.
        """
        model = self._model
        if len(_ensembles(model)) < 2:
            raise NotATreeModelError(
                "this ONNX graph holds one tree ensemble, read with the whole model"
            )
        return ensemble_forest(model, self.index)


_KNOWN_OPS = (
    "SVMClassifier",
    "SVMRegressor",
    "TreeEnsembleClassifier",
    "TreeEnsembleRegressor",
    "TreeEnsemble",
    "LinearClassifier",
    "LinearRegressor",
    "OneHotEncoder",
    "LabelEncoder",
    "CategoryMapper",
    "ZipMap",
    "Scaler",
    "Imputer",
    "Normalizer",
    "Binarizer",
    "DictVectorizer",
    "ArrayFeatureExtractor",
    "FeatureVectorizer",
    "Scan",
    "CDist",
    "Mul",
    "Add",
    "Sub",
    "Div",
    "MatMul",
    "Gemm",
    "Gather",
    "Constant",
)
_VIEWS: dict[str, type[OnnxNode]] = {
    op: type(op, (OnnxNode,), {"__module__": __name__, "op_type": op, "__doc__": OnnxNode.__doc__})
    for op in _KNOWN_OPS
}
for _op in ("TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble"):
    _VIEWS[_op] = type(
        _op, (_TreeView,), {"__module__": __name__, "op_type": _op, "__doc__": _TreeView.__doc__}
    )
_VIEWS["TfIdfVectorizer"] = type(
    "TfIdfVectorizer",
    (_TfIdfView,),
    {"__module__": __name__, "op_type": "TfIdfVectorizer", "__doc__": _TfIdfView.__doc__},
)


def _runtime() -> Any:
    try:
        import onnxruntime
    except ImportError:
        raise ModelLoadError(
            'answering queries to an ONNX model needs onnxruntime: pip install "modelprivacy[onnx]"'
        ) from None
    return onnxruntime


class OnnxModel:
    """A validated ONNX model that answers queries through onnxruntime (CPU only).

    Parameters
    ----------
    proto : onnx.ModelProto
        The model, validated by :func:`modelprivacy.load.formats.onnx.validate_proto`
        when it comes from a file.

    Attributes
    ----------
    input_names : list of str
        The graph's inputs, in order.
    output_names : list of str
        The graph's outputs, in order.
    classes_ : ndarray
        The class labels of a classifier (from its ZipMap or classifier node),
        when the graph names them.
    n_features_in_ : int
        Width of a single 2-D input, when the graph fixes it.
    feature_names_in_ : ndarray of str
        The input names, when the graph has one input per column.
    """

    __slots__ = (
        "__dict__",
        "__weakref__",
        "_elem",
        "_lock",
        "_partial",
        "_proto",
        "_session",
        "_trees",
    )

    def __init__(self, proto: Any) -> None:
        self._proto = proto
        self._trees: list[TreeEnsemble] | None = None
        self._session: Any = None
        self._partial: dict[str, Any] = {}
        self._lock = threading.Lock()
        graph = proto.graph
        init = {t.name for t in graph.initializer}
        inputs = [i for i in graph.input if i.name not in init]
        self.input_names = [i.name for i in inputs]
        self.output_names = [o.name for o in graph.output]
        self._elem = [i.type.tensor_type.elem_type for i in inputs]
        dims = [
            [d.dim_value if d.HasField("dim_value") else None for d in i.type.tensor_type.shape.dim]
            for i in inputs
        ]
        if len(inputs) == 1 and len(dims[0]) == 2 and dims[0][1]:
            self.n_features_in_ = int(dims[0][1])
        elif len(inputs) > 1:
            self.feature_names_in_ = np.asarray(self.input_names, dtype=object)
        classes = _class_labels(proto)
        if classes is not None:
            self.classes_ = classes

    @property
    def proto(self) -> Any:
        """The ``onnx.ModelProto``."""
        return self._proto

    def __repr__(self) -> str:
        producer = self._proto.producer_name or "unknown producer"
        return f"OnnxModel({len(self._proto.graph.node)} nodes, from {producer!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_rebuild, (self._proto.SerializeToString(),))

    def _new_session(self, proto: Any) -> Any:
        ort = _runtime()
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, min(_MAX_THREADS, os.cpu_count() or 1))
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 4  # errors come as exceptions
        return ort.InferenceSession(
            proto.SerializeToString(), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def tree_ensembles(self) -> list[TreeEnsemble]:
        """The validated tree ensembles of the main graph, read once (see :func:`tree_ensembles`).

        Raises
        ------
        MalformedTreesError
            When a tree-ensemble node's arrays do not describe trees.
        """
        with self._lock:
            if self._trees is None:
                self._trees = tree_ensembles(self._proto)
            return self._trees

    def session(self) -> Any:
        """The ``onnxruntime.InferenceSession``, built on first use."""
        with self._lock:
            if self._session is None:
                self._session = self._new_session(self._proto)
            return self._session

    def feeds(self, X: Any) -> dict[str, np.ndarray]:
        """Map a table to the graph's inputs.

        Parameters
        ----------
        X : DataFrame or array-like
            One input: the table as given (a DataFrame's columns in order).
            Several inputs: the columns named like them (or, for an array, in
            their order), one column each.

        Returns
        -------
        dict
            ``{input name: array}`` of the input's element type.

        Raises
        ------
        DataError
            When the table does not fit the inputs.
        """
        import pandas as pd

        names, elems = self.input_names, self._elem
        if len(names) == 1:
            arr = X.to_numpy() if isinstance(X, pd.DataFrame) else np.asarray(X)
            if arr.ndim == 1:
                arr = arr.reshape(-1, 1)
            return {names[0]: _as(arr, elems[0], names[0])}
        out = {}
        if isinstance(X, pd.DataFrame):
            missing = [n for n in names if n not in X.columns]
            if missing:
                raise DataError(
                    f"the data lacks column(s) {', '.join(missing[:10])} that the ONNX graph takes "
                    "as inputs; pass a table with one column per graph input"
                )
            cols = [X[n].to_numpy() for n in names]
        else:
            arr = np.asarray(X)
            if arr.ndim != 2 or arr.shape[1] != len(names):
                raise DataError(
                    f"the ONNX graph takes {len(names)} inputs ({', '.join(names[:10])}); pass a "
                    "table with one column per input"
                )
            cols = [arr[:, j] for j in range(arr.shape[1])]
        for name, elem, col in zip(names, elems, cols, strict=True):
            out[name] = _as(np.asarray(col).reshape(-1, 1), elem, name)
        return out

    def run(self, X: Any) -> list[Any]:
        """Every output of the graph for the rows of ``X``."""
        return list(self.session().run(None, self.feeds(X)))

    def run_to(self, output: str, X: Any) -> np.ndarray:
        """The value of an intermediate result (a node's output) for the rows of ``X``."""
        with self._lock:
            sess = self._partial.get(output)
            if sess is None:
                import onnx

                proto = onnx.ModelProto()
                proto.CopyFrom(self._proto)
                del proto.graph.output[:]
                proto.graph.output.append(onnx.helper.make_empty_tensor_value_info(output))
                sess = self._partial[output] = self._new_session(proto)
        return np.asarray(sess.run([output], self.feeds(X))[0])

    def predict(self, X: Any) -> np.ndarray:
        """The first output: labels of a classifier, predictions of a regressor.

        Parameters
        ----------
        X : DataFrame or array-like
            Rows to predict.

        Returns
        -------
        ndarray of shape (n,) or (n, k)
            A single column is flattened.
        """
        out = np.asarray(self.run(X)[0])
        return out.reshape(-1) if out.ndim == 2 and out.shape[1] == 1 else out

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities of a classifier, one column per class of :attr:`classes_`.

        Parameters
        ----------
        X : DataFrame or array-like
            Rows to score.

        Returns
        -------
        ndarray of shape (n, n_classes)
            From the probability tensor, or from the list of dicts that a
            ZipMap returns (in the order of the classes).

        Raises
        ------
        AttributeError
            When the graph has no probability output (a regressor).
        """
        outputs = self.run(X)
        if len(outputs) < 2:
            raise AttributeError("this ONNX model has no probability output")
        probs = outputs[1]
        if isinstance(probs, list):
            if not probs:
                return np.zeros((0, len(getattr(self, "classes_", ()))))
            keys = list(getattr(self, "classes_", list(probs[0])))
            return np.asarray([[row[k] for k in keys] for row in probs], dtype=np.float64)
        return np.asarray(probs, dtype=np.float64)


def _rebuild(data: bytes) -> OnnxModel:
    """Unpickle: the bytes are validated as a file's are (never allowlist this unvalidated)."""
    from modelprivacy.load.formats.onnx import FORMAT

    model, _ = FORMAT.load(data, "a pickled ONNX model")
    assert isinstance(model, OnnxModel)
    return model


def _as(arr: np.ndarray, elem: int, name: str) -> np.ndarray:
    dtype = _ELEM.get(elem)
    if dtype is None:
        raise DataError(
            f"the ONNX input {name!r} has an element type ({elem}) that is not supported"
        )
    if dtype is object:
        return arr.astype(str).astype(object)
    try:
        return arr.astype(dtype)
    except (TypeError, ValueError) as exc:
        raise DataError(
            f"the data for the ONNX input {name!r} cannot be converted to {np.dtype(dtype).name}: {exc}"
        ) from None


def _attr_value(attr: Any) -> Any:
    """A node attribute as numpy data: arrays for lists and tensors, strings decoded."""
    from onnx import AttributeProto, numpy_helper

    t = attr.type
    if t == AttributeProto.FLOATS:
        return np.asarray(attr.floats, dtype=np.float32)
    if t == AttributeProto.INTS:
        return np.asarray(attr.ints, dtype=np.int64)
    if t == AttributeProto.STRINGS:
        return np.asarray([s.decode("utf-8", "replace") for s in attr.strings], dtype=object)
    if t == AttributeProto.TENSOR:
        return numpy_helper.to_array(attr.t)
    if t == AttributeProto.FLOAT:
        return np.asarray([attr.f], dtype=np.float32)
    return None  # ints, strings, graphs: settings and structure


def _class_labels(proto: Any) -> np.ndarray | None:
    for node in proto.graph.node:
        if node.op_type not in _CLASSIFIERS:
            continue
        for attr in node.attribute:
            if attr.name in ("classlabels_strings", "classlabels_int64s", "classlabels_ints"):
                value = _attr_value(attr)
                if value is not None and value.size:
                    return value
    return _extracted_labels(proto)


def _extracted_labels(proto: Any) -> np.ndarray | None:
    """The class labels of a network exported by skl2onnx: the constant its argmax indexes.

    A classifier without a classifier node (an ``MLPClassifier``) computes
    its label as ``ArrayFeatureExtractor(classes, ArgMax(probabilities))``,
    with the labels in an initializer.
    """
    from onnx import numpy_helper

    inits = {t.name: t for t in proto.graph.initializer}
    for node in proto.graph.node:
        if node.op_type != "ArrayFeatureExtractor" or len(node.input) < 2:
            continue
        tensor = inits.get(node.input[0])
        if tensor is None or len(tensor.dims) != 1 or not 2 <= tensor.dims[0] <= 100_000:
            continue
        values = numpy_helper.to_array(tensor)
        if values.dtype == object:
            values = np.asarray(
                [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in values],
                dtype=object,
            )
        return np.asarray(values)
    return None


def _view(index: int, node: Any, model: OnnxModel) -> OnnxNode:
    cls = _VIEWS.get(node.op_type, OnnxNode)
    if issubclass(cls, _TfIdfView):
        return cls(index, node.domain, model, node.output[0])
    if issubclass(cls, _TreeView):
        return cls(index, node.domain, model)
    return cls(index, node.domain)


def graph_data(model: OnnxModel) -> Iterator[tuple[str, OnnxNode]]:
    """The walk hook's views of the nodes that store something (see the module docstring).

    Parameters
    ----------
    model : OnnxModel
        The model.

    Yields
    ------
    (str, OnnxNode)
        ``"<OpType>[<index>]"`` and the node's view.
    """
    from onnx import AttributeProto, numpy_helper

    graph = model.proto.graph
    inits = {t.name: t for t in graph.initializer}
    arrays: dict[str, np.ndarray] = {}

    def array(name: str) -> np.ndarray:
        if name not in arrays:
            arrays[name] = numpy_helper.to_array(inits[name])
        return arrays[name]

    nodes = list(graph.node)
    consumers: dict[str, list[int]] = {}
    producer: dict[str, int] = {}
    for i, node in enumerate(nodes):
        for name in node.input:
            consumers.setdefault(name, []).append(i)
        for name in node.output:
            producer[name] = i
    views: dict[int, OnnxNode] = {}

    def view(i: int) -> OnnxNode:
        if i not in views:
            views[i] = _view(i, nodes[i], model)
        return views[i]

    roles: dict[str, tuple[int, str]] = {}  # initializer -> (node, role attribute)
    rows_lengths: set[int] = set()
    for name in inits:
        arr = array(name)
        if arr.ndim == 2 and arr.shape[0] > 1 and arr.dtype.kind == "f":
            sink = _sink(name, nodes, consumers)
            if sink is not None:
                roles[name] = (sink, "training_rows_")
                rows_lengths.add(arr.shape[0])
    for i, node in enumerate(nodes):
        if node.op_type == "ArrayFeatureExtractor" and node.input and node.input[0] in inits:
            arr = array(node.input[0])
            if arr.ndim == 1 and arr.shape[0] in rows_lengths:
                roles[node.input[0]] = (i, "training_labels_")
        if node.op_type == "TfIdfVectorizer":
            for j in consumers.get(node.output[0], []):
                other = [n for n in nodes[j].input if n in inits]
                if nodes[j].op_type == "Mul" and other and array(other[0]).ndim == 1:
                    roles[other[0]] = (i, "idf_")
    for i, node in enumerate(nodes):
        v: OnnxNode | None = None
        ml = node.domain == "ai.onnx.ml" or node.op_type in _VALUE_OPS
        for attr in node.attribute:
            if not ml and attr.type != AttributeProto.TENSOR:
                continue  # axes, permutations and settings of standard operators
            value = _attr_value(attr)
            if value is None or value.size <= int(not ml):
                continue
            v = view(i)
            setattr(v, f"{attr.name}_", value)
        if v is not None:
            _shape_node(v, node)
        for name in node.input:
            if name not in inits or name in roles:
                continue
            arr = array(name)
            if arr.size <= 1 and node.op_type not in ("Mul", "Add"):
                continue  # shapes, axes and single settings
            store = view(i).__dict__.setdefault("initializers_", {})
            store[name] = arr
    for name, (i, role) in roles.items():
        target = view(i)
        if role == "training_rows_":
            target.__dict__.setdefault(role, {})[name] = array(name)
        else:
            setattr(target, role, array(name))
    _affine(nodes, inits, array, consumers, view)
    _one_hot_columns(nodes, inits, array, producer, view, model)
    for i in sorted(views):
        yield f"{nodes[i].op_type}[{i}]", views[i]


def _sink(name: str, nodes: list[Any], consumers: dict[str, list[int]]) -> int | None:
    """The Scan or CDist node that the initializer reaches through element-wise nodes."""
    frontier, seen = [name], set()
    while frontier:
        value = frontier.pop()
        for i in consumers.get(value, []):
            if i in seen:
                continue
            seen.add(i)
            op = nodes[i].op_type
            if op in ("Scan", "CDist"):
                return i
            if op in _ELEMENTWISE:
                frontier.extend(nodes[i].output)
    return None


def _shape_node(v: OnnxNode, node: Any) -> None:
    """Support vectors one row per vector; string lists of an encoder as categories."""
    sv = v.__dict__.get("support_vectors_")
    if isinstance(sv, np.ndarray) and sv.ndim == 1:
        counts = v.__dict__.get("vectors_per_class_")
        n_sv = int(counts.sum()) if isinstance(counts, np.ndarray) and counts.size else 0
        if n_sv == 0:
            coef = v.__dict__.get("coefficients_")
            n_sv = int(coef.size) if isinstance(coef, np.ndarray) else 0
        if n_sv and sv.size % n_sv == 0:
            v.__dict__["support_vectors_"] = sv.reshape(n_sv, -1)
    if node.op_type == "TfIdfVectorizer":
        pool = v.__dict__.get("pool_strings_")
        index = v.__dict__.get("ngram_indexes_")
        if isinstance(pool, np.ndarray) and isinstance(index, np.ndarray) and pool.size:
            counts = v.__dict__.get("ngram_counts_")
            # unigrams only: pool entry j is output column ngram_indexes[j]
            if (
                isinstance(counts, np.ndarray)
                and (counts.size == 1 or counts[1] == pool.size)
                and index.size == pool.size
            ):
                v.__dict__["vocabulary_"] = {
                    str(t): int(c) for t, c in zip(pool, index, strict=True)
                }


def _affine(
    nodes: list[Any],
    inits: dict[str, Any],
    array: Any,
    consumers: dict[str, list[int]],
    view: Any,
) -> None:
    """The inputs mapped to 0 and 1 by a Mul-then-Add by constants, or by a Scaler node."""
    for i, node in enumerate(nodes):
        if node.op_type == "Scaler":
            v = view(i)
            offset = v.__dict__.get("offset_")
            scale = v.__dict__.get("scale_")
            if isinstance(offset, np.ndarray) and isinstance(scale, np.ndarray):
                with np.errstate(divide="ignore", invalid="ignore"):
                    v.implied_min_ = offset.astype(np.float32)
                    v.implied_max_ = (
                        offset.astype(np.float64) + 1.0 / scale.astype(np.float64)
                    ).astype(np.float32)
            continue
        if node.op_type != "Mul":
            continue
        s = _constant_operand(node, inits, array)
        if s is None:
            continue
        for j in consumers.get(node.output[0], []):
            if nodes[j].op_type != "Add":
                continue
            a = _constant_operand(nodes[j], inits, array)
            if a is None or a.shape != s.shape:
                continue
            s64, a64 = s.astype(np.float64), a.astype(np.float64)
            with np.errstate(divide="ignore", invalid="ignore"):
                lo = np.where(s64 != 0, -a64 / s64, np.nan)
                hi = np.where(s64 != 0, (1.0 - a64) / s64, np.nan)
            v = view(j)
            v.implied_min_ = _within_one_ulp(lo.astype(s.dtype))
            v.implied_max_ = _within_one_ulp(hi.astype(s.dtype))


def _within_one_ulp(values: np.ndarray) -> np.ndarray:
    """Each value and its two neighbours, as rows ``(3, d)``.

    The extremes are recomputed from constants rounded to float32, so the
    training value is the computed one or one of its neighbours (measured on
    20 MinMaxScaler exports: 0 ulp off in 58% of the columns, 1 ulp in 42%,
    never more).
    """
    down = np.nextafter(values, np.asarray(-np.inf, dtype=values.dtype))
    up = np.nextafter(values, np.asarray(np.inf, dtype=values.dtype))
    return np.stack([down, values, up])


def _constant_operand(node: Any, inits: dict[str, Any], array: Any) -> np.ndarray | None:
    names = [n for n in node.input if n in inits]
    if len(names) != 1 or len(node.input) != 2:
        return None
    arr = array(names[0])
    if arr.ndim != 1 or arr.dtype.kind != "f" or arr.size == 0:
        return None
    return np.asarray(arr)


def _one_hot_columns(
    nodes: list[Any],
    inits: dict[str, Any],
    array: Any,
    producer: dict[str, int],
    view: Any,
    model: OnnxModel,
) -> None:
    """Put each one-hot encoder's categories at the index of the input column it encodes."""
    for i, node in enumerate(nodes):
        if node.op_type != "OneHotEncoder" or not node.input:
            continue
        v = view(i)
        cats = v.__dict__.get("cats_strings_")
        if cats is None:
            cats = v.__dict__.get("cats_int64s_")
        if cats is None:
            continue
        source = node.input[0]
        column: int | None = None
        if source in model.input_names and len(model.input_names) > 1:
            column = model.input_names.index(source)
        elif source in producer:
            gather = nodes[producer[source]]
            if (
                gather.op_type in ("Gather", "ArrayFeatureExtractor")
                and len(gather.input) == 2
                and gather.input[0] in model.input_names
                and gather.input[1] in inits
            ):
                idx = np.asarray(array(gather.input[1])).reshape(-1)
                if idx.size == 1 and 0 <= int(idx[0]) < 10_000:
                    column = int(idx[0])
        elif source in model.input_names:
            column = 0
        if column is not None:
            empty = np.zeros(0, dtype=object)
            v.categories_ = [empty] * column + [np.asarray(cats)]
            v.__dict__.pop("cats_strings_", None)
            v.__dict__.pop("cats_int64s_", None)


@register_walk_hook(f"{__name__}.OnnxModel")
def _walk(model: Any) -> Iterable[tuple[str, Any]]:
    if not isinstance(model, OnnxModel):
        return ()
    return list(graph_data(model))


# --------------------------------------------------------------------------- tree ensembles

#: The ``ai.onnx.ml`` tree-ensemble operators whose trees are read (``TreeEnsemble``: opset 5).
TREE_OPS = frozenset({"TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble"})
#: The most nodes (or leaf weights) one tree-ensemble node may list.
MAX_TREE_NODES = 20_000_000
#: The most trees one tree-ensemble node may hold.
MAX_TREES = 200_000
#: The deepest tree read (levels below its root).
MAX_TREE_DEPTH = 10_000
_MAX_OUTPUTS = 100_000  # classes or targets
_MAX_LEAF_CELLS = 50_000_000  # leaf values held densely (nodes x outputs, over all trees)

_LEQ, _LT, _GTE, _GT, _EQ, _NEQ, _LEAF, _MEMBER = range(8)
# TreeEnsemble (opset 5) codes its modes 0 BRANCH_LEQ ... 5 BRANCH_NEQ, 6 BRANCH_MEMBER
_V5_MODES = np.asarray([_LEQ, _LT, _GTE, _GT, _EQ, _NEQ, _MEMBER], dtype=np.int8)
_SET_MODES = (_EQ, _NEQ, _MEMBER)  # no threshold: a value or a set of values
_V5_AGGREGATES = ("AVERAGE", "SUM", "MIN", "MAX")
_V5_TRANSFORMS = ("NONE", "SOFTMAX", "LOGISTIC", "SOFTMAX_ZERO", "PROBIT")
_MODE_CODES = {
    b"BRANCH_LEQ": _LEQ,
    b"BRANCH_LT": _LT,
    b"BRANCH_GTE": _GTE,
    b"BRANCH_GT": _GT,
    b"BRANCH_EQ": _EQ,
    b"BRANCH_NEQ": _NEQ,
    b"LEAF": _LEAF,
    b"BRANCH_MEMBER": _MEMBER,  # refused by the older operators, with a message that says why
}


class MalformedTreesError(ValueError):
    """A tree-ensemble node whose arrays do not describe trees (a file with one is refused)."""


@dataclass(frozen=True, eq=False)
class OnnxTree:
    """One tree of an ONNX tree ensemble, its nodes numbered breadth first from the root.

    Attributes
    ----------
    true, false : ndarray of int64
        The child taken when the node's comparison holds, and when it does
        not; ``-1`` at leaves.
    feature : ndarray of int64
        The input column each split compares (``-2`` at leaves).
    threshold : ndarray of float64
        The stored value each split compares with (``nodes_values``, float32 in
        the file; NaN at leaves).
    mode : ndarray of int8
        The comparison: ``BRANCH_LEQ`` 0, ``BRANCH_LT`` 1, ``BRANCH_GTE`` 2,
        ``BRANCH_GT`` 3, ``BRANCH_EQ`` 4, ``BRANCH_NEQ`` 5, ``LEAF`` 6,
        ``BRANCH_MEMBER`` 7 (``TreeEnsemble`` only).
    missing_true : ndarray of bool
        Whether a missing value takes the true child
        (``nodes_missing_value_tracks_true``).
    leaf_index : ndarray of int64
        Per weight of the ensemble that falls on this tree's leaves, the leaf.
    leaf_output : ndarray of int64
        The class or target each of those weights adds to.
    leaf_weight : ndarray of float64
        The weights.
    depth : int
        Levels below the root.
    members : ndarray of float64 or None
        The distinct values of the tree's ``BRANCH_MEMBER`` sets, sorted (as
        stored, float32 or float64); None without such splits.
    member_keys : ndarray of int64 or None
        Sorted ``node * members.size + position in members``: one per value of
        each set (a value is in a node's set when its key is there).
    missing_true64 : ndarray of bool or None
        The missing-value flags onnxruntime reads when it compares in float64,
        where they differ from :attr:`missing_true` (a chain of ``BRANCH_EQ``
        splits read as one set: see :func:`parse_tree_ensemble`); None when
        they do not.
    """

    true: np.ndarray
    false: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    mode: np.ndarray
    missing_true: np.ndarray
    leaf_index: np.ndarray
    leaf_output: np.ndarray
    leaf_weight: np.ndarray
    depth: int
    members: np.ndarray | None = None
    member_keys: np.ndarray | None = None
    missing_true64: np.ndarray | None = None

    @property
    def n_nodes(self) -> int:
        """Number of nodes reached from the root."""
        return int(self.true.size)

    def weights(self, n_outputs: int) -> np.ndarray:
        """The summed leaf weights per node and output, shape ``(n_nodes, n_outputs)``."""
        out = np.zeros((self.n_nodes, n_outputs), dtype=np.float64)
        np.add.at(out, (self.leaf_index, self.leaf_output), self.leaf_weight)
        return out


@dataclass(frozen=True, eq=False)
class TreeEnsemble:
    """The trees of one ``TreeEnsembleClassifier`` or ``TreeEnsembleRegressor`` node, validated.

    Attributes
    ----------
    index : int
        The node's position in the graph.
    op_type : str
        Its operator.
    trees : list of OnnxTree
        Its trees, in the order of their ids.
    n_outputs : int
        Classes (``classlabels_*``) or targets (``n_targets``).
    classes : ndarray or None
        The class labels of a classifier.
    post_transform : str
        ``NONE``, ``LOGISTIC``, ``SOFTMAX``, ``SOFTMAX_ZERO`` or ``PROBIT``.
    aggregate : str
        How a regressor combines its trees (``SUM``, ``AVERAGE``, ``MIN``,
        ``MAX``); classifiers sum.
    base_values : ndarray of float64
        Added to the trees' aggregate (may be empty).
    single_score : bool
        A two-class classifier whose weights all go to output 0: the score of
        the second class (onnxruntime's binary case).
    precision : str or None
        The type its comparisons are made in when the node fixes it
        (``TreeEnsemble``: its ``nodes_splits``, which onnxruntime requires to
        be of the input's type: ``"float32"``, ``"float64"`` or ``"float16"``);
        None when the input's type decides.
    """

    index: int
    op_type: str
    trees: list[OnnxTree]
    n_outputs: int
    classes: np.ndarray | None
    post_transform: str
    aggregate: str
    base_values: np.ndarray
    single_score: bool
    precision: str | None = None

    @property
    def n_trees(self) -> int:
        """Number of trees."""
        return len(self.trees)


def _attribute(attrs: dict[str, Any], name: str, kind: int, what: str) -> Any:
    from onnx import AttributeProto

    attr = attrs.get(name)
    if attr is None:
        return None
    if attr.type != kind:
        raise MalformedTreesError(
            f"its {name} is a {AttributeProto.AttributeType.Name(attr.type)} attribute, not {what}"
        )
    return attr


def _int_list(attrs: dict[str, Any], name: str, *, required: bool = True) -> np.ndarray | None:
    from onnx import AttributeProto

    attr = _attribute(attrs, name, AttributeProto.INTS, "a list of integers")
    if attr is None:
        if required:
            raise MalformedTreesError(f"it has no {name}")
        return None
    if len(attr.ints) > MAX_TREE_NODES:
        raise MalformedTreesError(f"its {name} lists more than {MAX_TREE_NODES:,} values")
    return np.asarray(attr.ints, dtype=np.int64)


def _float_list(attrs: dict[str, Any], name: str, *, required: bool = True) -> np.ndarray | None:
    """A float attribute, or its ``<name>_as_tensor`` double version (opset 3)."""
    from onnx import AttributeProto, numpy_helper

    tensor = _attribute(attrs, f"{name}_as_tensor", AttributeProto.TENSOR, "a tensor")
    if tensor is not None:
        n = int(np.prod(tensor.t.dims)) if tensor.t.dims else 1
        if n > MAX_TREE_NODES:
            raise MalformedTreesError(
                f"its {name}_as_tensor holds more than {MAX_TREE_NODES:,} values"
            )
        arr = numpy_helper.to_array(tensor.t)
        if arr.dtype.kind != "f":
            raise MalformedTreesError(f"its {name}_as_tensor is not a float tensor")
        return np.asarray(arr, dtype=np.float64).reshape(-1)
    attr = _attribute(attrs, name, AttributeProto.FLOATS, "a list of floats")
    if attr is None:
        if required:
            raise MalformedTreesError(f"it has no {name}")
        return None
    if len(attr.floats) > MAX_TREE_NODES:
        raise MalformedTreesError(f"its {name} lists more than {MAX_TREE_NODES:,} values")
    return np.asarray(attr.floats, dtype=np.float32).astype(np.float64)


def _string(attrs: dict[str, Any], name: str, default: str) -> str:
    from onnx import AttributeProto

    attr = _attribute(attrs, name, AttributeProto.STRING, "a string")
    if attr is None:
        return default
    return attr.s.decode("utf-8", "replace").upper()


def _modes(attrs: dict[str, Any], n: int) -> np.ndarray:
    from onnx import AttributeProto

    attr = _attribute(attrs, "nodes_modes", AttributeProto.STRINGS, "a list of strings")
    if attr is None:
        raise MalformedTreesError("it has no nodes_modes")
    if len(attr.strings) != n:
        raise MalformedTreesError(
            f"it lists {len(attr.strings):,} nodes_modes for {n:,} nodes_treeids"
        )
    raw = np.asarray(list(attr.strings), dtype=object)
    names, inverse = np.unique(raw, return_inverse=True)
    codes = np.asarray([_MODE_CODES.get(bytes(s), -1) for s in names], dtype=np.int8)
    if (codes < 0).any():
        bad = next(bytes(s) for s, c in zip(names, codes, strict=True) if c < 0)
        raise MalformedTreesError(
            f"it has a node of mode {_short_text(bad.decode('utf-8', 'replace'))}, which is not an "
            "ONNX tree mode"
        )
    return codes[inverse.reshape(-1)]


def _short_text(text: str) -> str:
    from modelprivacy._text import short_repr

    return short_repr(text, 40)


class _Ids:
    """(tree id, node id) pairs of an ensemble's nodes, looked up in bulk."""

    def __init__(self, tree_ids: np.ndarray, node_ids: np.ndarray) -> None:
        self.trees, self.tree_of = np.unique(tree_ids, return_inverse=True)
        self.tree_of = self.tree_of.reshape(-1)
        self.nodes, rank = np.unique(node_ids, return_inverse=True)
        key = self.tree_of * self.nodes.size + rank.reshape(-1)
        self.order = np.argsort(key, kind="stable")
        self.keys = key[self.order]
        dup = np.flatnonzero(self.keys[1:] == self.keys[:-1])
        if dup.size:
            at = int(self.order[dup[0]])
            raise MalformedTreesError(
                f"node id {int(node_ids[at])} appears twice in tree {int(tree_ids[at])}"
            )

    def tree_index(self, tree_ids: np.ndarray) -> np.ndarray:
        """Positions of tree ids among the ensemble's trees (-1: no such tree)."""
        pos = np.clip(np.searchsorted(self.trees, tree_ids), 0, max(self.trees.size - 1, 0))
        return np.where(self.trees[pos] == tree_ids, pos, -1)

    def find(self, tree: np.ndarray, node_ids: np.ndarray) -> np.ndarray:
        """Index of each (tree position, node id) among the nodes (-1: not there)."""
        n = self.keys.size
        rank = np.clip(np.searchsorted(self.nodes, node_ids), 0, self.nodes.size - 1)
        ok = (self.nodes[rank] == node_ids) & (tree >= 0)
        key = np.maximum(tree, 0) * self.nodes.size + rank
        pos = np.clip(np.searchsorted(self.keys, key), 0, n - 1)
        ok &= self.keys[pos] == key
        return np.where(ok, self.order[pos], -1)


def _eq_chains(
    modes: np.ndarray,
    features: np.ndarray,
    values: np.ndarray,
    true: np.ndarray,
    false: np.ndarray,
    missing: np.ndarray,
    roots: np.ndarray,
    where: np.ndarray,
) -> tuple[np.ndarray, ...] | None:
    """Chains of ``BRANCH_EQ`` splits that share their true child, read as one set split each.

    The older operators have no set split, so onnxmltools writes LightGBM's
    category set ``x in {a, b, c}`` as the chain ``x == a``, else ``x == b``,
    else ``x == c``, each sending its true branch to the same node: the nodes
    form a graph, not a tree. A split ``B`` is absorbed into ``A`` when ``A``
    is a ``BRANCH_EQ`` split whose false child is ``B``, ``B`` is a
    ``BRANCH_EQ`` split on the same feature with the same true child, ``B`` is
    no root and no other split's child. The chain's first split becomes a
    ``BRANCH_MEMBER`` split on the chain's values (NaN values left out: they
    equal nothing), with the last split's false child.

    A missing value goes where onnxruntime (1.32) sends it, measured on
    chains with every pattern of ``nodes_missing_value_tracks_true``: it
    reads each run of consecutive splits on whole numbers 1 to 32 (1 to 64
    when it compares in float64) as one set, whose flag is its first split's,
    and every other split on its own; a NaN takes the true child when the
    flag of any run or lone split says so. (onnxmltools copies one flag to
    every split of a chain, so its exports route alike under any reading.)

    Returns
    -------
    tuple or None
        None without such chains; else the new modes, false children,
        missing flags (comparing in float32, and in float64), the set of each
        value (its chain's first split) and the value, and which splits were
        absorbed.

    Raises
    ------
    MalformedTreesError
        When the chains form a cycle.
    """
    n = modes.size
    eq = np.zeros(n, dtype=bool)
    eq[where] = modes[where] == _EQ
    heads = np.flatnonzero(eq)
    if not heads.size:
        return None
    parents = np.bincount(np.concatenate([true[where], false[where]]), minlength=n)
    is_root = np.zeros(n, dtype=bool)
    is_root[roots] = True
    nxt = false[heads]
    joins = (
        eq[nxt]
        & (nxt != heads)
        & (features[nxt] == features[heads])
        & (true[nxt] == true[heads])
        & (parents[nxt] == 1)
        & ~is_root[nxt]
    )
    if not joins.any():
        return None
    into = np.full(n, -1, dtype=np.int64)  # the split each absorbed split joins
    into[nxt[joins]] = heads[joins]
    absorbed = into >= 0
    head = np.where(absorbed, into, np.arange(n, dtype=np.int64))
    for _ in range(int(np.ceil(np.log2(n + 1))) + 1):  # pointer doubling: chains of any length
        head = head[head]
    if absorbed[head].any():
        raise MalformedTreesError("its BRANCH_EQ splits form a cycle through their false children")
    in_chain = absorbed | np.isin(np.arange(n), into[absorbed])
    chain = np.flatnonzero(in_chain)
    ends = chain[~absorbed[false[chain]]]  # the last split of each chain
    new_false = false.copy()
    new_false[head[ends]] = false[ends]
    # onnxruntime's runs: a split on a whole number 1 to 32 (64 in float64) after one joins its set
    before = np.where(absorbed, into, 0)
    flags = []
    for precise, top in ((values.astype(np.float32).astype(np.float64), 32), (values, 64)):
        with np.errstate(invalid="ignore"):
            small = (precise == np.floor(precise)) & (precise >= 1) & (precise <= top)
        run_head = chain[~absorbed[chain] | ~small[chain] | ~small[before[chain]]]
        new_missing = missing.copy()
        new_missing[head[chain]] = 0
        new_missing[head[run_head[missing[run_head] != 0]]] = 1
        flags.append(new_missing)
    new_modes = modes.copy()
    new_modes[head[chain]] = _MEMBER
    keep = ~np.isnan(values[chain])
    return (
        new_modes,
        new_false,
        flags[0],
        flags[1],
        head[chain][keep],
        values[chain][keep],
        absorbed,
    )


def _member_keys(nodes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray | None, ...]:
    """The sorted distinct values of a tree's sets and the keys of :class:`OnnxTree`."""
    if not nodes.size:
        return None, None
    members = np.unique(values)
    keys = np.sort(nodes * members.size + np.searchsorted(members, values))
    return members, keys


def _same_lengths(named: dict[str, np.ndarray], n: int, of: str) -> None:
    """Refuse an attribute array whose length is not ``n``, the length of ``of``."""
    for name, arr in named.items():
        if arr.size != n:
            raise MalformedTreesError(f"it lists {arr.size:,} {name} for {n:,} {of}")


def parse_tree_ensemble(node: Any, index: int) -> TreeEnsemble:
    """Read and validate the trees of a ``TreeEnsembleClassifier``/``TreeEnsembleRegressor`` node.

    Nothing of the node is trusted: the node arrays must have one length,
    every child id must name a node of the same tree, no node may be the
    child of two branches (so no tree has a cycle), trees are at most
    :data:`MAX_TREE_DEPTH` deep, every leaf weight must name a leaf and an
    output (class or target) the node has, and the sizes are bounded
    (:data:`MAX_TREE_NODES`, :data:`MAX_TREES`). A tree's root is its first
    node in the file, as onnxruntime takes it; nodes not reached from it are
    left out. ``BRANCH_EQ`` and ``BRANCH_NEQ`` splits are read as the others;
    a chain of ``BRANCH_EQ`` splits on one feature that send their true
    branch to one node (how onnxmltools writes a LightGBM category set) is
    read as one ``BRANCH_MEMBER`` split, so that the nodes form a tree (see
    :func:`_eq_chains`); any other node reached from two splits is refused.
    ``BRANCH_MEMBER`` itself is a mode of ``TreeEnsemble`` only, and refused
    here. A ``TreeEnsemble`` node (opset 5) is read by
    :func:`parse_tree_ensemble5`.

    Parameters
    ----------
    node : onnx.NodeProto
        The node.
    index : int
        Its position in the graph.

    Returns
    -------
    TreeEnsemble
        Its trees.

    Raises
    ------
    MalformedTreesError
        With what is wrong, for a message.
    """
    if node.op_type == "TreeEnsemble":
        return parse_tree_ensemble5(node, index)
    attrs = {a.name: a for a in node.attribute}
    tree_ids = _int_list(attrs, "nodes_treeids")
    node_ids = _int_list(attrs, "nodes_nodeids")
    features = _int_list(attrs, "nodes_featureids")
    true_ids = _int_list(attrs, "nodes_truenodeids")
    false_ids = _int_list(attrs, "nodes_falsenodeids")
    values = _float_list(attrs, "nodes_values")
    missing = _int_list(attrs, "nodes_missing_value_tracks_true", required=False)
    assert tree_ids is not None and node_ids is not None and features is not None
    assert true_ids is not None and false_ids is not None and values is not None
    n = tree_ids.size
    if n == 0:
        raise MalformedTreesError("it has no nodes")
    if missing is None or missing.size == 0:
        missing = np.zeros(n, dtype=np.int64)
    named = {
        "nodes_nodeids": node_ids,
        "nodes_featureids": features,
        "nodes_truenodeids": true_ids,
        "nodes_falsenodeids": false_ids,
        "nodes_values": values,
        "nodes_missing_value_tracks_true": missing,
    }
    _same_lengths(named, n, "nodes_treeids")
    modes = _modes(attrs, n)
    if (modes == _MEMBER).any():
        raise MalformedTreesError(
            "it has a node of mode BRANCH_MEMBER, a mode of the opset-5 TreeEnsemble only "
            "(the older operators have no membership sets)"
        )
    ids = _Ids(tree_ids, node_ids)
    n_trees = ids.trees.size
    if n_trees > MAX_TREES:
        raise MalformedTreesError(f"it holds {n_trees:,} trees, more than {MAX_TREES:,}")
    branch = modes != _LEAF
    if (features[branch] < 0).any():
        raise MalformedTreesError("a split compares a negative feature id")
    where = np.flatnonzero(branch)
    true = np.full(n, -1, dtype=np.int64)
    false = np.full(n, -1, dtype=np.int64)
    for child, child_ids in ((true, true_ids), (false, false_ids)):
        found = ids.find(ids.tree_of[where], child_ids[where])
        lost = np.flatnonzero(found < 0)
        if lost.size:
            at = int(where[lost[0]])
            raise MalformedTreesError(
                f"node {int(node_ids[at])} of tree {int(tree_ids[at])} has a child id "
                f"{int(child_ids[at])} that the tree does not have"
            )
        child[where] = found
    roots = np.full(n_trees, n, dtype=np.int64)
    np.minimum.at(roots, ids.tree_of, np.arange(n, dtype=np.int64))
    sets = _eq_chains(modes, features, values, true, false, missing, roots, where)
    if sets is not None:  # chains of BRANCH_EQ splits on one feature, each now one set split
        modes, false, missing, missing64, member_node, member_value, absorbed = sets
        branch = branch & ~absorbed
        where = np.flatnonzero(branch)
    else:
        member_node, member_value = np.zeros(0, dtype=np.int64), np.zeros(0)
        missing64 = None
    parents = np.bincount(np.concatenate([true[where], false[where]]), minlength=n)
    if (parents > 1).any():
        at = int(np.flatnonzero(parents > 1)[0])
        raise MalformedTreesError(
            f"node {int(node_ids[at])} of tree {int(tree_ids[at])} is the child of two splits "
            "(or both children of one): the nodes do not form a tree"
        )
    if (parents[roots] > 0).any():
        at = int(roots[np.flatnonzero(parents[roots] > 0)[0]])
        raise MalformedTreesError(
            f"the root of tree {int(tree_ids[at])} is the child of one of its nodes: a cycle"
        )
    # breadth first from the roots: with one parent per node at most and none for a root,
    # no node is reached twice, so this ends
    level_of = np.full(n, -1, dtype=np.int64)
    frontier, depth = roots, 0
    while frontier.size:
        if depth > MAX_TREE_DEPTH:
            raise MalformedTreesError(f"a tree is deeper than {MAX_TREE_DEPTH:,} levels")
        level_of[frontier] = depth
        split = frontier[branch[frontier]]
        frontier = np.concatenate([true[split], false[split]])
        depth += 1
    reached = np.flatnonzero(level_of >= 0)
    order = reached[np.lexsort((level_of[reached], ids.tree_of[reached]))]
    tree_of = ids.tree_of[order]
    starts = np.searchsorted(tree_of, np.arange(n_trees + 1))
    local = np.full(n, -1, dtype=np.int64)
    local[order] = np.arange(order.size) - starts[tree_of]

    if node.op_type == "TreeEnsembleClassifier":
        prefix = "class_"
        from onnx import AttributeProto

        labels_attr = _attribute(attrs, "classlabels_strings", AttributeProto.STRINGS, "strings")
        int_attr = _attribute(attrs, "classlabels_int64s", AttributeProto.INTS, "integers")
        classes: np.ndarray | None
        if labels_attr is not None and len(labels_attr.strings):
            classes = np.asarray(
                [s.decode("utf-8", "replace") for s in labels_attr.strings[: _MAX_OUTPUTS + 1]],
                dtype=object,
            )
        elif int_attr is not None and len(int_attr.ints):
            classes = np.asarray(int_attr.ints[: _MAX_OUTPUTS + 1], dtype=np.int64)
        else:
            raise MalformedTreesError("it names no class labels")
        n_outputs = int(classes.size)
        aggregate = "SUM"
    else:
        prefix = "target_"
        classes = None
        from onnx import AttributeProto

        targets = _attribute(attrs, "n_targets", AttributeProto.INT, "an integer")
        n_outputs = int(targets.i) if targets is not None else 1
        aggregate = _string(attrs, "aggregate_function", "SUM")
    if not 1 <= n_outputs <= _MAX_OUTPUTS:
        raise MalformedTreesError(f"it has {n_outputs:,} outputs (1 to {_MAX_OUTPUTS:,} allowed)")
    w_tree = _int_list(attrs, f"{prefix}treeids")
    w_node = _int_list(attrs, f"{prefix}nodeids")
    w_id = _int_list(attrs, f"{prefix}ids")
    w = _float_list(attrs, f"{prefix}weights")
    assert w_tree is not None and w_node is not None and w_id is not None and w is not None
    m = w_tree.size
    if not (w_node.size == w_id.size == w.size == m):
        raise MalformedTreesError(f"its {prefix}treeids, nodeids, ids and weights differ in length")
    if m and (w_id.min() < 0 or w_id.max() >= n_outputs):
        raise MalformedTreesError(f"a leaf weight goes to an output beyond its {n_outputs:,}")
    leaf_at = ids.find(ids.tree_index(w_tree), w_node)
    if (leaf_at < 0).any():
        bad = int(np.flatnonzero(leaf_at < 0)[0])
        raise MalformedTreesError(
            f"a leaf weight names node {int(w_node[bad])} of tree {int(w_tree[bad])}, which it "
            "does not have"
        )
    if branch[leaf_at].any():
        raise MalformedTreesError("a leaf weight names a node that is a split, not a leaf")
    base = _float_list(attrs, "base_values", required=False)
    base = np.zeros(0) if base is None else base
    if base.size > n_outputs:
        raise MalformedTreesError(f"it has {base.size:,} base_values for {n_outputs:,} outputs")
    single = classes is not None and n_outputs == 2 and (m == 0 or w_id.max() == 0)

    keep = local[leaf_at] >= 0  # weights on leaves the root reaches
    w_at, w_out, w_val = local[leaf_at][keep], w_id[keep], w[keep]
    w_tree_of = ids.tree_of[leaf_at][keep]
    w_order = np.argsort(w_tree_of, kind="stable")
    w_starts = np.searchsorted(w_tree_of[w_order], np.arange(n_trees + 1))
    reached_set = local[member_node] >= 0
    member_node, member_value = member_node[reached_set], member_value[reached_set]
    member_tree = ids.tree_of[member_node]
    m_order = np.argsort(member_tree, kind="stable")
    m_starts = np.searchsorted(member_tree[m_order], np.arange(n_trees + 1))
    trees: list[OnnxTree] = []
    for t in range(n_trees):
        nodes = order[starts[t] : starts[t + 1]]
        is_split = branch[nodes]
        sel = w_order[w_starts[t] : w_starts[t + 1]]
        members, keys = _member_keys(
            local[member_node[m_order[m_starts[t] : m_starts[t + 1]]]],
            member_value[m_order[m_starts[t] : m_starts[t + 1]]],
        )
        trees.append(
            OnnxTree(
                true=np.where(is_split, local[true[nodes]], -1),
                false=np.where(is_split, local[false[nodes]], -1),
                feature=np.where(is_split, features[nodes], -2),
                threshold=np.where(is_split & (modes[nodes] != _MEMBER), values[nodes], np.nan),
                mode=modes[nodes],
                missing_true=missing[nodes] != 0,
                leaf_index=w_at[sel],
                leaf_output=w_out[sel],
                leaf_weight=w_val[sel],
                depth=int(level_of[nodes].max()),
                members=members,
                member_keys=keys,
                missing_true64=None if missing64 is None else missing64[nodes] != 0,
            )
        )
    return TreeEnsemble(
        index=index,
        op_type=node.op_type,
        trees=trees,
        n_outputs=n_outputs,
        classes=classes,
        post_transform=_string(attrs, "post_transform", "NONE"),
        aggregate=aggregate,
        base_values=base,
        single_score=bool(single),
    )


def _tensor(attrs: dict[str, Any], name: str, *, required: bool = True) -> np.ndarray | None:
    """A tensor attribute as a flat array, its size bounded before it is decoded."""
    from onnx import AttributeProto, TensorProto, numpy_helper

    attr = _attribute(attrs, name, AttributeProto.TENSOR, "a tensor")
    if attr is None:
        if required:
            raise MalformedTreesError(f"it has no {name}")
        return None
    t = attr.t
    if t.data_location == TensorProto.EXTERNAL or len(t.external_data):
        raise MalformedTreesError(f"its {name} refers to external data")
    dims = [int(d) for d in t.dims]
    if any(d < 0 for d in dims):
        raise MalformedTreesError(f"its {name} has a negative dimension")
    size = 1
    for d in dims:
        size *= d  # Python integers: no overflow
    if size > MAX_TREE_NODES:
        raise MalformedTreesError(f"its {name} holds more than {MAX_TREE_NODES:,} values")
    try:
        arr = numpy_helper.to_array(t)
    except Exception as exc:
        raise MalformedTreesError(
            f"its {name} tensor cannot be decoded ({type(exc).__name__}: its data does not "
            "match its type and shape)"
        ) from None
    return np.asarray(arr).reshape(-1)


def _float_tensor(attrs: dict[str, Any], name: str, *, required: bool = True) -> np.ndarray | None:
    arr = _tensor(attrs, name, required=required)
    if arr is not None and arr.dtype not in (np.float16, np.float32, np.float64):
        raise MalformedTreesError(f"its {name} is a {arr.dtype} tensor, not a float tensor")
    return arr


def _int_value(attrs: dict[str, Any], name: str, default: int | None) -> int:
    from onnx import AttributeProto

    attr = _attribute(attrs, name, AttributeProto.INT, "an integer")
    if attr is None:
        if default is None:
            raise MalformedTreesError(f"it has no {name}")
        return default
    return int(attr.i)


def _v5_members(modes: np.ndarray, attrs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Per value of ``membership_values``, its BRANCH_MEMBER node, and the value.

    The sets are listed in the order of the BRANCH_MEMBER nodes in
    ``nodes_modes`` (as the operator's specification and onnxruntime read
    them), each ended by a NaN; none may be empty (onnxruntime refuses them).
    """
    member_nodes = np.flatnonzero(modes == _MEMBER)
    values = _float_tensor(attrs, "membership_values", required=False)
    if not member_nodes.size:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    if values is None:
        raise MalformedTreesError("it has BRANCH_MEMBER nodes but no membership_values")
    ends = np.flatnonzero(np.isnan(values))
    if ends.size != member_nodes.size:
        raise MalformedTreesError(
            f"its membership_values hold {ends.size:,} NaN-ended sets for {member_nodes.size:,} "
            "BRANCH_MEMBER nodes"
        )
    if ends[-1] != values.size - 1:
        raise MalformedTreesError("its membership_values end with values after the last NaN")
    if (np.diff(ends, prepend=-1) == 1).any():  # onnxruntime refuses such a node too
        raise MalformedTreesError("its membership_values hold an empty set")
    set_of = np.searchsorted(ends, np.arange(values.size))  # the set each position is in
    keep = ~np.isnan(values)
    return member_nodes[set_of[keep]], values[keep].astype(np.float64)


def parse_tree_ensemble5(node: Any, index: int) -> TreeEnsemble:
    """Read and validate the trees of a ``TreeEnsemble`` node (``ai.onnx.ml`` opset 5).

    The operator lists its interior nodes (``nodes_*``) apart from its leaves
    (``leaf_*``, one weight and one target each); each node's true and false
    child is a position among the nodes or, where ``nodes_trueleafs`` or
    ``nodes_falseleafs`` says so, among the leaves; ``tree_roots`` gives each
    tree's root. A root whose two children are the same leaf is a tree of one
    leaf. Nothing is trusted: the arrays must have their lengths, every child,
    root and target must be in range, modes, aggregate function and post
    transform must be known codes, no node or leaf may be reached from two
    branches and no root from any (so the trees have no cycle and share
    nothing), trees are at most :data:`MAX_TREE_DEPTH` deep, comparison splits
    are not NaN, leaf weights are finite, and ``membership_values`` holds one
    NaN-ended set, not empty, per ``BRANCH_MEMBER`` node (in the order of the
    nodes).
    Nodes and leaves not reached from a root are left out.

    Parameters
    ----------
    node : onnx.NodeProto
        The node.
    index : int
        Its position in the graph.

    Returns
    -------
    TreeEnsemble
        Its trees, nodes numbered breadth first from each root, leaves
        included; ``classes`` is None (a classifier puts an ``ArgMax`` after
        the node), ``precision`` the type of ``nodes_splits``.

    Raises
    ------
    MalformedTreesError
        With what is wrong, for a message.
    """
    attrs = {a.name: a for a in node.attribute}
    features = _int_list(attrs, "nodes_featureids")
    true_ids = _int_list(attrs, "nodes_truenodeids")
    false_ids = _int_list(attrs, "nodes_falsenodeids")
    true_leaf = _int_list(attrs, "nodes_trueleafs")
    false_leaf = _int_list(attrs, "nodes_falseleafs")
    targets = _int_list(attrs, "leaf_targetids")
    roots = _int_list(attrs, "tree_roots")
    missing = _int_list(attrs, "nodes_missing_value_tracks_true", required=False)
    splits = _float_tensor(attrs, "nodes_splits")
    raw_modes = _tensor(attrs, "nodes_modes")
    weights = _float_tensor(attrs, "leaf_weights")
    assert features is not None and true_ids is not None and false_ids is not None
    assert true_leaf is not None and false_leaf is not None and targets is not None
    assert roots is not None and splits is not None and raw_modes is not None
    assert weights is not None
    n = features.size
    if n == 0:
        raise MalformedTreesError("it has no nodes")
    if missing is None or missing.size == 0:
        missing = np.zeros(n, dtype=np.int64)
    named = {
        "nodes_truenodeids": true_ids,
        "nodes_falsenodeids": false_ids,
        "nodes_trueleafs": true_leaf,
        "nodes_falseleafs": false_leaf,
        "nodes_splits": splits,
        "nodes_modes": raw_modes,
        "nodes_missing_value_tracks_true": missing,
    }
    _same_lengths(named, n, "nodes_featureids")
    n_leaves = targets.size
    if n_leaves == 0:
        raise MalformedTreesError("it has no leaves")
    _same_lengths({"leaf_weights": weights}, n_leaves, "leaf_targetids")
    if raw_modes.dtype.kind not in "iu":
        raise MalformedTreesError(f"its nodes_modes is a {raw_modes.dtype} tensor, not integers")
    bad = np.flatnonzero((raw_modes < 0) | (raw_modes > 6))
    if bad.size:
        raise MalformedTreesError(
            f"node {int(bad[0])} has mode {int(raw_modes[bad[0]])}, which is not a TreeEnsemble "
            "mode (0 BRANCH_LEQ to 6 BRANCH_MEMBER)"
        )
    modes = _V5_MODES[raw_modes.astype(np.int64)]
    for name, flags in (("nodes_trueleafs", true_leaf), ("nodes_falseleafs", false_leaf)):
        if ((flags != 0) & (flags != 1)).any():
            raise MalformedTreesError(f"its {name} holds values other than 0 and 1")
    if ((missing != 0) & (missing != 1)).any():
        raise MalformedTreesError(
            "its nodes_missing_value_tracks_true holds values other than 0 and 1"
        )
    n_outputs = _int_value(attrs, "n_targets", None)
    if not 1 <= n_outputs <= _MAX_OUTPUTS:
        raise MalformedTreesError(f"it has {n_outputs:,} targets (1 to {_MAX_OUTPUTS:,} allowed)")
    if targets.min() < 0 or targets.max() >= n_outputs:
        raise MalformedTreesError(f"a leaf goes to a target beyond its {n_outputs:,}")
    if not np.isfinite(weights).all():
        raise MalformedTreesError("a leaf weight is not finite")
    aggregate = _int_value(attrs, "aggregate_function", 1)
    post = _int_value(attrs, "post_transform", 0)
    if not 0 <= aggregate < len(_V5_AGGREGATES):
        raise MalformedTreesError(f"its aggregate_function {aggregate} is not 0 to 3")
    if not 0 <= post < len(_V5_TRANSFORMS):
        raise MalformedTreesError(f"its post_transform {post} is not 0 to 4")
    n_trees = roots.size
    if not 1 <= n_trees <= MAX_TREES:
        raise MalformedTreesError(f"it has {n_trees:,} tree_roots (1 to {MAX_TREES:,} allowed)")
    if roots.min() < 0 or roots.max() >= n:
        raise MalformedTreesError(f"a tree root is not one of its {n:,} nodes")
    if np.unique(roots).size != n_trees:
        raise MalformedTreesError("two trees have the same root")
    for name, ids, leaf in (
        ("true", true_ids, true_leaf),
        ("false", false_ids, false_leaf),
    ):
        bound = np.where(leaf == 1, n_leaves, n)
        lost = np.flatnonzero((ids < 0) | (ids >= bound))
        if lost.size:
            at = int(lost[0])
            what = "leaf" if leaf[at] else "node"
            raise MalformedTreesError(
                f"node {at} has a {name} child id {int(ids[at])} beyond its "
                f"{int(bound[at]):,} {what}s"
            )
    single = np.zeros(n, dtype=bool)  # a root whose children are one leaf: a tree of one leaf
    single[roots] = (
        (true_leaf[roots] == 1) & (false_leaf[roots] == 1) & (true_ids[roots] == false_ids[roots])
    )
    branch = ~single
    compared = branch & ~(modes == _MEMBER)
    if np.isnan(splits[compared]).any():
        at = int(np.flatnonzero(compared & np.isnan(splits))[0])
        raise MalformedTreesError(f"node {at} compares with a NaN split")
    if (features[branch] < 0).any():
        raise MalformedTreesError("a split compares a negative feature id")
    member_node, member_value = _v5_members(modes, attrs)

    # one numbering for nodes (0..n-1) and leaves (n..n+n_leaves-1)
    total = n + n_leaves
    g_true = np.concatenate(
        [np.where(true_leaf == 1, n + true_ids, true_ids), np.full(n_leaves, -1)]
    )
    g_false = np.concatenate(
        [np.where(false_leaf == 1, n + false_ids, false_ids), np.full(n_leaves, -1)]
    )
    g_branch = np.concatenate([branch, np.zeros(n_leaves, dtype=bool)])
    where = np.flatnonzero(branch)
    lone = roots[single[roots]]
    parents = np.bincount(
        np.concatenate([g_true[where], g_false[where], g_true[lone]]), minlength=total
    )
    if (parents > 1).any():
        at = int(np.flatnonzero(parents > 1)[0])
        what = f"node {at}" if at < n else f"leaf {at - n}"
        raise MalformedTreesError(
            f"{what} is reached from two branches (or is both children of one split): the "
            "nodes do not form trees"
        )
    if (parents[roots] > 0).any():
        at = int(roots[np.flatnonzero(parents[roots] > 0)[0]])
        raise MalformedTreesError(
            f"the root node {at} is the child of a node: a cycle, or a tree inside another"
        )
    start = np.where(single[roots], g_true[roots], roots)
    # breadth first: with one parent at most per node and leaf, none for a start, nothing is
    # reached twice, so this ends
    level_of = np.full(total, -1, dtype=np.int64)
    tree_of = np.full(total, -1, dtype=np.int64)
    frontier, tree, depth = start, np.arange(n_trees, dtype=np.int64), 0
    while frontier.size:
        if depth > MAX_TREE_DEPTH:
            raise MalformedTreesError(f"a tree is deeper than {MAX_TREE_DEPTH:,} levels")
        level_of[frontier] = depth
        tree_of[frontier] = tree
        is_split = g_branch[frontier]
        split, tree = frontier[is_split], tree[is_split]
        frontier = np.concatenate([g_true[split], g_false[split]])
        tree = np.concatenate([tree, tree])
        depth += 1
    reached = np.flatnonzero(level_of >= 0)
    order = reached[np.lexsort((level_of[reached], tree_of[reached]))]
    starts = np.searchsorted(tree_of[order], np.arange(n_trees + 1))
    local = np.full(total, -1, dtype=np.int64)
    local[order] = np.arange(order.size) - starts[tree_of[order]]
    feature = np.concatenate([features, np.full(n_leaves, -2, dtype=np.int64)])
    threshold = np.concatenate([splits.astype(np.float64), np.full(n_leaves, np.nan)])
    mode = np.concatenate([modes, np.full(n_leaves, _LEAF, dtype=np.int8)])
    missing_true = np.concatenate([missing != 0, np.zeros(n_leaves, dtype=bool)])
    member_tree = tree_of[member_node] if member_node.size else np.zeros(0, dtype=np.int64)
    m_order = np.argsort(member_tree, kind="stable")
    m_starts = np.searchsorted(member_tree[m_order], np.arange(n_trees + 1))
    trees: list[OnnxTree] = []
    for t in range(n_trees):
        nodes = order[starts[t] : starts[t + 1]]
        is_split = g_branch[nodes]
        leaves = nodes[nodes >= n]
        members = keys = None
        sel = m_order[m_starts[t] : m_starts[t + 1]]
        if sel.size:
            members = np.unique(member_value[sel])
            keys = np.sort(
                local[member_node[sel]] * members.size + np.searchsorted(members, member_value[sel])
            )
        trees.append(
            OnnxTree(
                true=np.where(is_split, local[g_true[nodes]], -1),
                false=np.where(is_split, local[g_false[nodes]], -1),
                feature=np.where(is_split, feature[nodes], -2),
                threshold=np.where(is_split, threshold[nodes], np.nan),
                mode=mode[nodes],
                missing_true=missing_true[nodes],
                leaf_index=local[leaves],
                leaf_output=targets[leaves - n],
                leaf_weight=weights[leaves - n].astype(np.float64),
                depth=int(level_of[nodes].max()),
                members=members,
                member_keys=keys,
            )
        )
    return TreeEnsemble(
        index=index,
        op_type=node.op_type,
        trees=trees,
        n_outputs=n_outputs,
        classes=None,
        post_transform=_V5_TRANSFORMS[post],
        aggregate=_V5_AGGREGATES[aggregate],
        base_values=np.zeros(0),
        single_score=False,
        precision=str(splits.dtype),
    )


def tree_ensembles(proto: Any) -> list[TreeEnsemble]:
    """The validated tree ensembles of a model's main graph.

    Parameters
    ----------
    proto : onnx.ModelProto
        The model.

    Returns
    -------
    list of TreeEnsemble
        One per ``TreeEnsembleClassifier``/``TreeEnsembleRegressor``/``TreeEnsemble``
        node of the ``ai.onnx.ml`` domain, in graph order.

    Raises
    ------
    MalformedTreesError
        When a node's arrays do not describe trees (the message names the node).
    """
    out = []
    for i, node in enumerate(proto.graph.node):
        if node.domain == "ai.onnx.ml" and node.op_type in TREE_OPS:
            try:
                out.append(parse_tree_ensemble(node, i))
            except MalformedTreesError as exc:
                raise MalformedTreesError(f"the {node.op_type} node {i}: {exc}") from None
    return out


def _float32_strict_edge(threshold: np.ndarray) -> np.ndarray:
    """Float64 bounds of ``float32(x) < float32(threshold)``: ``x <= edge``."""
    t32 = np.asarray(threshold, dtype=np.float64).astype(np.float32)
    below = np.nextafter(t32, np.float32(-np.inf)).astype(np.float64)
    return np.where(np.isfinite(threshold), float32_edge(below), threshold)


def _tree_spec(tree: OnnxTree, ensemble: TreeEnsemble, owner: Any, float32: bool) -> TreeSpec:
    """One ONNX tree as a :class:`TreeSpec`: left is the side of ``x <= edge``.

    ``BRANCH_LEQ`` and ``BRANCH_LT`` send a row to their true child when it is
    at or below (below) the threshold, ``BRANCH_GT`` and ``BRANCH_GTE`` to their
    false child, so left is the true child of the first two and the false child
    of the others; ``BRANCH_LT`` and ``BRANCH_GTE`` compare strictly.

    ``BRANCH_EQ``, ``BRANCH_NEQ`` and ``BRANCH_MEMBER`` (read from
    ``TreeEnsemble`` nodes) test a value or a set of values, not a threshold:
    left is their true child, their threshold in the :class:`TreeSpec` is NaN
    (a box stays open on that feature, and MP-S104 reads no value there), and
    routing tests equality in the comparison's precision. A missing value
    takes the true child where the comparison holds for NaN (``BRANCH_NEQ``)
    or ``nodes_missing_value_tracks_true`` says so, as onnxruntime does.
    """
    split = tree.true >= 0
    is_set = np.isin(tree.mode, _SET_MODES)
    below_is_true = np.isin(tree.mode, (_LEQ, _LT)) | is_set
    strict = np.isin(tree.mode, (_LT, _GTE))
    left = np.where(split, np.where(below_is_true, tree.true, tree.false), -1)
    right = np.where(split, np.where(below_is_true, tree.false, tree.true), -1)
    tracks = tree.missing_true if float32 or tree.missing_true64 is None else tree.missing_true64
    missing_left = np.where(below_is_true, tracks, ~tracks)
    missing_left |= tree.mode == _NEQ  # NaN != t holds
    feature = tree.feature
    threshold = tree.threshold
    depth = tree.depth
    has_sets = bool((is_set & split).any())
    mode = tree.mode
    members, keys = tree.members, tree.member_keys

    def set_test(cur: np.ndarray, x: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Whether ``x`` equals (EQ), differs from (NEQ) or is in the set of (MEMBER) node ``cur``."""
        m = mode[cur]
        out = np.where(m == _NEQ, x != t, x == t)
        at = np.flatnonzero(m == _MEMBER)
        if at.size:
            hit = np.zeros(at.size, dtype=bool)
            if members is not None and keys is not None and members.size:
                xv = x[at].astype(np.float64)
                pos = np.clip(np.searchsorted(members, xv), 0, members.size - 1)
                key = cur[at] * members.size + pos
                k = np.clip(np.searchsorted(keys, key), 0, keys.size - 1)
                hit = (members[pos] == xv) & (keys[k] == key)
            out[at] = hit
        return out

    def route(X: np.ndarray) -> np.ndarray:
        """Route rows as onnxruntime does: the stored comparison, in the input's precision."""
        thr = threshold.astype(X.dtype)
        at = np.zeros(X.shape[0], dtype=np.int64)
        for _ in range(depth + 1):
            active = np.flatnonzero(left[at] >= 0)
            if not active.size:
                break
            cur = at[active]
            x = X[active, feature[cur]]
            t = thr[cur]
            with np.errstate(invalid="ignore"):
                below = np.where(strict[cur], x < t, x <= t)
                if has_sets:
                    below = np.where(is_set[cur], set_test(cur, x, t), below)
            go_left = np.where(np.isnan(x), missing_left[cur], below)
            at[active] = np.where(go_left, left[cur], right[cur])
        return at

    def edge_of(thr: np.ndarray) -> np.ndarray:
        if float32:
            return np.where(strict, _float32_strict_edge(thr), float32_edge(thr))
        return np.where(strict, np.nextafter(thr, -np.inf), thr)

    raw = tree.weights(ensemble.n_outputs)
    return TreeSpec(
        left=left,
        right=right,
        feature=feature,
        threshold=np.where(is_set, np.nan, threshold) if has_sets else threshold,
        n_node_samples=np.zeros(left.size, dtype=np.int64),  # not stored: counted by routing
        route=route,
        leaf_value=raw,
        source=tree,
        owner=owner,
        edge_of=edge_of,
    )


def _label_values(ensemble: TreeEnsemble, producer: str) -> Any:
    """``value_of(tree) -> per-node labels`` when the leaves are labels or targets, else None.

    - A classifier whose leaves hold class probabilities (no post transform, no
      base values, no negative weight: scikit-learn's forests and trees, whose
      leaves skl2onnx divides by the number of trees): each leaf's class
      distribution, the second class's score completed to one in the binary case.
    - A regressor of one target without a post transform that averages its
      trees, has one tree, or is a skl2onnx forest (a sum of leaves divided by
      the number of trees, with no base value): each leaf's prediction.

    Boosted ensembles (a logistic or softmax transform, base values, onnxmltools'
    sums) hold gradient steps, not labels.
    """
    n = ensemble.n_trees
    no_base = not ensemble.base_values.size or not ensemble.base_values.any()
    if ensemble.post_transform != "NONE":
        return None
    if ensemble.classes is not None:
        weights = [t.leaf_weight for t in ensemble.trees]
        if not no_base or any((w < 0).any() for w in weights):
            return None
        scale = 1.0 / n  # skl2onnx divides each tree's probabilities by the number of trees
        if ensemble.single_score and any((w > scale * (1 + 1e-5) + 1e-7).any() for w in weights):
            return None

        def classes_of(raw: np.ndarray, leaf: np.ndarray) -> np.ndarray:
            v = raw.copy()
            if ensemble.single_score:
                v[:, 1] = v[:, 0]
                v[:, 0] = np.where(leaf, scale - v[:, 1], 0.0)
            total = v.sum(axis=1, keepdims=True)
            return np.where(total > 0, v / np.where(total > 0, total, 1.0), 0.0)

        return classes_of
    if ensemble.n_outputs != 1:
        return None
    base = float(ensemble.base_values[0]) if ensemble.base_values.size else 0.0
    if ensemble.aggregate == "AVERAGE" or n == 1:
        factor = 1.0
    elif ensemble.aggregate == "SUM" and no_base and producer == "skl2onnx":
        factor = float(n)
    else:
        return None

    def target_of(raw: np.ndarray, leaf: np.ndarray) -> np.ndarray:
        return np.where(leaf, raw[:, 0] * factor + base, np.nan)

    return target_of


def _direct_input(model: OnnxModel, name: str) -> int | None:
    """The element type of the graph input the trees read, through Cast/Identity; None if computed."""
    graph = model.proto.graph
    producer = {out: node for node in graph.node for out in node.output}
    seen = 0
    while name not in model.input_names:
        node = producer.get(name)
        seen += 1
        if node is None or node.op_type not in ("Cast", "Identity") or seen > 100:
            return None
        if node.op_type == "Cast":
            to = next((a.i for a in node.attribute if a.name == "to"), 1)
            if to not in (1, 11):
                return None
        name = node.input[0]
    if len(model.input_names) != 1:
        return None
    return model._elem[model.input_names.index(name)]


def onnx_forest(model: OnnxModel) -> Forest:
    """The trees of an ONNX graph's tree ensemble on the shared representation.

    Parameters
    ----------
    model : OnnxModel
        The model.

    Returns
    -------
    Forest
        Its trees (``kind="onnx"``). The file stores no row counts: leaves are
        counted by routing the training data (in numpy, as onnxruntime
        compares: float32 for a float input, float64 for a double one).

    Raises
    ------
    NotATreeModelError
        When the graph holds no tree ensemble.
    UnsupportedTreesError
        When it holds several (the inspection then reads each at its own
        path, through the walk's view of the node: :func:`ensemble_forest`),
        float16 comparisons, more leaf values than it can hold densely
        (nodes times outputs), or malformed trees.
    """
    found = _ensembles(model)
    if not found:
        raise NotATreeModelError(
            "this ONNX graph holds no tree ensemble (TreeEnsembleClassifier, "
            "TreeEnsembleRegressor or TreeEnsemble of ai.onnx.ml)"
        )
    if len(found) > 1:
        graph = model.proto.graph
        names = ", ".join(f"{graph.node[e.index].op_type}[{e.index}]" for e in found[:4])
        raise UnsupportedTreesError(
            f"this ONNX graph holds {len(found)} tree ensembles ({names}"
            f"{', ...' if len(found) > 4 else ''}); the inspection reads each at its own path, "
            "but one set of trees is needed here (leaf boxes are drawn for graphs with one)"
        )
    return _ensemble_forest(model, found[0])


def ensemble_forest(model: OnnxModel, index: int) -> Forest:
    """The trees of one tree-ensemble node of a graph, on the shared representation.

    Parameters
    ----------
    model : OnnxModel
        The model.
    index : int
        The node's position in the graph.

    Returns
    -------
    Forest
        As :func:`onnx_forest` for a graph with that ensemble only, at the
        path ``trees`` inside the walk's view of the node (findings name
        ``<OpType>[<index>].trees``).

    Raises
    ------
    NotATreeModelError
        When that node is no tree ensemble.
    UnsupportedTreesError
        As :func:`onnx_forest`.
    """
    for ensemble in _ensembles(model):
        if ensemble.index == index:
            forest = _ensemble_forest(model, ensemble)
            forest.path = "trees"
            return forest
    raise NotATreeModelError(f"node {index} of this ONNX graph is no tree ensemble")


def _ensembles(model: OnnxModel) -> list[TreeEnsemble]:
    try:
        return model.tree_ensembles()
    except MalformedTreesError as exc:
        raise UnsupportedTreesError(f"this ONNX model's trees cannot be read: {exc}") from None


def _ensemble_forest(model: OnnxModel, ensemble: TreeEnsemble) -> Forest:
    cells = sum(t.n_nodes for t in ensemble.trees) * ensemble.n_outputs
    if cells > _MAX_LEAF_CELLS:
        raise UnsupportedTreesError(
            f"this ONNX tree ensemble would hold {cells:,} leaf values (nodes x outputs), more "
            f"than the {_MAX_LEAF_CELLS:,} the tree checks read"
        )
    if ensemble.precision == "float16":
        raise UnsupportedTreesError(
            "this ONNX TreeEnsemble compares float16 values, which the tree checks do not "
            "route (float32 and float64 only)"
        )
    node = model.proto.graph.node[ensemble.index]
    elem = _direct_input(model, node.input[0]) if node.input else None
    # a TreeEnsemble's splits have the input's type; otherwise a double input compares in float64
    precision = ensemble.precision or ("float64" if elem == 11 else "float32")
    float32 = precision != "float64"
    n_cols = max((int(t.feature.max(initial=-1)) for t in ensemble.trees), default=-1) + 1
    path = f"{node.op_type}[{ensemble.index}]"

    def check_width(arr: np.ndarray) -> np.ndarray:
        if arr.ndim != 2 or arr.shape[1] < n_cols:
            raise UnsupportedTreesError(
                f"the ONNX trees split on {n_cols} input columns but their input has "
                f"{arr.shape[1] if arr.ndim == 2 else 0}"
            )
        return arr

    if elem is not None:
        dtype = np.float32 if float32 else np.float64

        def prepare(X: Any) -> Any:
            import scipy.sparse as sp

            if sp.issparse(X):
                X = X.toarray()
            return check_width(np.ascontiguousarray(np.asarray(X, dtype=dtype)))

    else:
        source = node.input[0]

        def prepare(X: Any) -> Any:
            arr = np.asarray(model.run_to(source, X))
            if arr.dtype not in (np.float32, np.float64):
                arr = arr.astype(np.float32)
            return check_width(np.ascontiguousarray(arr))

    value = _label_values(ensemble, model.proto.producer_name)
    trees = []
    for tree in ensemble.trees:
        spec = _tree_spec(tree, ensemble, model, float32)
        if value is not None:
            raw, leaf = spec.leaf_value, spec.left < 0
            assert raw is not None
            spec = replace(spec, value_of=partial(value, raw, leaf))
        trees.append(spec)
    classes = ensemble.classes
    labels: LabelKind = "none"
    leaf_label = None
    if value is not None and classes is not None:
        labels = "classifier"

        def leaf_label(index: int, leaves: np.ndarray) -> np.ndarray | None:
            v = trees[index].value
            return None if v is None or classes is None else classes[np.argmax(v[leaves], axis=1)]

    elif value is not None:
        labels = "regressor"

        def leaf_label(index: int, leaves: np.ndarray) -> np.ndarray | None:
            v = trees[index].value
            return None if v is None else np.asarray(v[leaves], dtype=np.float64)

    elif classes is not None and ensemble.single_score:
        pair = classes

        def leaf_label(index: int, leaves: np.ndarray) -> np.ndarray | None:
            # a boosted binary model: a leaf of one row steps towards its label
            raw = trees[index].leaf_value
            assert raw is not None
            return np.where(raw[leaves, 0] > 0, pair[1], pair[0])

    forest = Forest(
        trees,
        path,
        labels,
        classes if labels == "classifier" else None,
        float32=float32,
        kind="onnx",
        model=model,
        prepare_input=prepare,
        raw_input=elem is None,
        leaf_label=leaf_label,
    )
    if any(np.isin(t.mode[t.true >= 0], _SET_MODES).any() for t in ensemble.trees):
        forest.notes.append(
            "BRANCH_EQ, BRANCH_NEQ and BRANCH_MEMBER splits test values or sets of values "
            "(categories), not thresholds: they are routed as onnxruntime routes them, but "
            "their boxes are open on those features and they locate no value for MP-S104"
            + (
                "; chains of BRANCH_EQ splits on one feature that share their true branch "
                "(onnxmltools' category sets) are read as one set split each"
                if ensemble.op_type != "TreeEnsemble"
                and any((t.mode == _MEMBER).any() for t in ensemble.trees)
                else ""
            )
        )
    return forest


@register_adapter(f"{__name__}.OnnxModel")
def _onnx_trees(model: Any) -> Forest:
    return onnx_forest(model)


@register_adapter(f"{__name__}._TreeView")
def _node_trees(view: Any) -> Forest:
    return view.forest()
