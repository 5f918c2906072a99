"""The inspection checks, in the order they run.

More specific checks run first and claim the attributes they report, so one
stored array is reported once: rows before targets before single values.
"""

from modelprivacy.inspection.checks import (
    per_record,  # MP-S102
    small_groups,  # MP-S106
    stored_values,  # MP-S103
    strings,  # MP-S107
    targets,  # MP-S108
    thresholds,  # MP-S104
    tree_leaves,  # MP-S105
    verbatim_rows,  # MP-S101
)

ORDER = (
    verbatim_rows.CHECK_ID,
    targets.CHECK_ID,
    stored_values.CHECK_ID,
    thresholds.CHECK_ID,  # before the leaves: it runs while their records are routed
    tree_leaves.CHECK_ID,
    small_groups.CHECK_ID,
    strings.CHECK_ID,
    per_record.CHECK_ID,
)

__all__ = ["ORDER"]
