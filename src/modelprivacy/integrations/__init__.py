"""Integrations with the tools models live in.

- :mod:`modelprivacy.integrations.mlflow`: log an audit or an inspection to an
  MLflow run (:func:`~modelprivacy.integrations.mlflow.log_audit`), and load a
  model from an MLflow model URI
  (:func:`~modelprivacy.integrations.mlflow.load_model`). MLflow is an optional
  extra: ``pip install "modelprivacy[mlflow]"``.

Each integration imports its library only when one of its functions is called.
"""

from __future__ import annotations

__all__: list[str] = []
