"""Re-export of :mod:`modelprivacy.models.trees`, where the tree representation now lives."""

from modelprivacy.models.trees import Forest, TreeSpec, float32_edge, forest_of, node_boxes

__all__ = ["Forest", "TreeSpec", "float32_edge", "forest_of", "node_boxes"]
