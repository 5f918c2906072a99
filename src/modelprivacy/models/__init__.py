"""Model representations shared by the checks, one module per kind of model.

:mod:`modelprivacy.models.trees` reads the decision trees of every tree model
the package knows into one :class:`~modelprivacy.models.trees.Forest`.
"""

from modelprivacy.models.trees import (
    TREE_MODELS,
    Forest,
    NotATreeModelError,
    TreeSpec,
    UnsupportedTreesError,
    forest_of,
    is_tree_model,
)

__all__ = [
    "TREE_MODELS",
    "Forest",
    "NotATreeModelError",
    "TreeSpec",
    "UnsupportedTreesError",
    "forest_of",
    "is_tree_model",
]
