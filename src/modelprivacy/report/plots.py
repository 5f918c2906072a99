"""Figures of the HTML audit report, drawn with matplotlib and returned as inline SVG.

Every figure is drawn on its own :class:`matplotlib.figure.Figure` (pyplot's
global state is never touched) and saved with ``format="svg"``. The output is
deterministic: the SVG hash salt is fixed per figure, the metadata (creation
date, creator) is stripped, and the element IDs are prefixed with the figure's
key so that several figures can live in one HTML page without ID clashes.

Figures only draw numbers the results carry (ROC points, histogram densities,
intervals); nothing is computed here. Only fixed strings (attack names, axis
labels) go into the figures; names that
come from the model or the data (columns, files) stay in the HTML around them,
where the template escapes them. Only counts, rates and scores are plotted,
never training values.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from modelprivacy.attacks.api import RocCurve, ScoreHistogram
    from modelprivacy.stats import Interval

__all__ = ["histogram_svg", "residual_risk_svg", "roc_svg", "svg_of"]

_RC: dict[str, Any] = {
    "svg.fonttype": "path",  # glyphs as paths: no font needed to view the report
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def _rc(extra: Mapping[str, Any] | None = None) -> Any:
    """The report's rcParams (typed ``Any``: matplotlib types rc keys as literals)."""
    return {**_RC, **(extra or {})}


_ID = re.compile(r"""\bid="([^"]+)\"""")
_KEY = re.compile(r"[^A-Za-z0-9_-]")


def svg_of(fig: Figure, key: str) -> str:
    """Save a figure as an SVG element fit for inlining in HTML.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure.
    key : str
        A name unique within the page: the root element's ID and the prefix
        of every other ID.

    Returns
    -------
    str
        The ``<svg>`` element, without XML declaration, DOCTYPE, metadata or
        comments; the same figure always gives the same string.
    """
    key = _KEY.sub("-", key)
    buf = io.StringIO()
    with matplotlib.rc_context(_rc({"svg.hashsalt": key, "svg.id": key})):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    # the default stroke style moves to the page's scoped CSS: an inline <style> is global
    text = re.sub(r"\s*<style[^>]*>.*?</style>", "", text, flags=re.DOTALL)
    text = re.sub(r"\s*<defs>\s*</defs>", "", text)
    ids = {m for m in _ID.findall(text) if m != key}
    for old in sorted(ids, key=len, reverse=True):
        new = f"{key}-{old}"
        text = text.replace(f'id="{old}"', f'id="{new}"')
        text = text.replace(f'href="#{old}"', f'href="#{new}"')
        text = text.replace(f"url(#{old})", f"url(#{new})")
    # a responsive figure: the viewBox keeps the aspect ratio, CSS sets the width
    text = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', r"\1", text, count=1)
    return text.strip() + "\n"


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_rc()):
        return Figure(figsize=(width, height), layout="constrained")


def roc_svg(
    curves: Mapping[str, RocCurve],
    *,
    best: str | None = None,
    key: str = "mp-roc",
) -> str:
    """ROC curves of membership attacks on log-log axes.

    Parameters
    ----------
    curves : mapping
        ``{attack: RocCurve}``, as the result holds them (log-spaced FPRs from
        ``1/n_nonmembers`` to 1).
    best : str, optional
        The attack drawn thicker.
    key : str, default="mp-roc"
        The figure's ID in the page.

    Returns
    -------
    str
        The SVG element.
    """
    lo = min((c.fpr[0] for c in curves.values() if c.fpr), default=1e-3)
    fig = _figure(5.2, 4.0)
    with matplotlib.rc_context(_rc()):
        ax = fig.add_subplot()
        ax.plot([lo, 1.0], [lo, 1.0], ls="--", lw=1, color="#888888", label="chance")
        for i, (name, c) in enumerate(curves.items()):
            thick = name == best
            ax.step(
                c.fpr,
                np.maximum(np.asarray(c.tpr, dtype=np.float64), lo / 10),
                where="post",
                lw=2.2 if thick else 1.2,
                color=_COLOURS[i % len(_COLOURS)],
                label=f"{name} (best at 1% FPR)" if thick else name,
                zorder=3 if thick else 2,
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(lo, 1.0)
        ax.set_ylim(lo, 1.05)
        ax.set_xlabel("false-positive rate (non-members flagged)")
        ax.set_ylabel("true-positive rate (members found)")
        ax.grid(True, which="major", lw=0.4, color="#dddddd")
        ax.legend(loc="lower right", fontsize=7, frameon=False)
    return svg_of(fig, key)


def histogram_svg(histogram: ScoreHistogram, *, key: str = "mp-hist") -> str:
    """Histogram of members' and non-members' scores under one attack.

    Parameters
    ----------
    histogram : ScoreHistogram
        Bin edges and densities of both groups, as the result holds them.
    key : str, default="mp-hist"
        The figure's ID in the page.

    Returns
    -------
    str
        The SVG element.
    """
    h = histogram
    fig = _figure(5.2, 3.0)
    with matplotlib.rc_context(_rc()):
        ax = fig.add_subplot()
        if h.edges:
            edges = list(h.edges)
            for density, n, label, colour in (
                (h.members, h.n_members, "members (training)", "#d62728"),
                (h.nonmembers, h.n_nonmembers, "non-members (holdout)", "#1f77b4"),
            ):
                if density:
                    # one weighted point per bin draws the stored densities as they are
                    ax.hist(
                        edges[:-1],
                        bins=edges,
                        weights=list(density),
                        histtype="stepfilled",
                        alpha=0.45,
                        color=colour,
                        edgecolor=colour,
                        label=f"{label}, n={n:,}",
                    )
            ax.legend(loc="upper left", fontsize=7, frameon=False)
        ax.set_xlabel("attack score (higher: more likely a member)")
        ax.set_ylabel("density")
        ax.set_yticks([])
    return svg_of(fig, key)


def residual_risk_svg(
    outcomes: Sequence[tuple[str, Interval]],
    *,
    threshold: float | None = None,
    key: str = "mp-risk",
) -> str:
    """Residual risk of each attack on one sensitive column, as dots with intervals.

    Parameters
    ----------
    outcomes : sequence of (str, Interval)
        ``(attack, residual_risk)`` pairs.
    threshold : float, optional
        The lower bound from which inference counts as high (a dotted line).
    key : str, default="mp-risk"
        The figure's ID in the page.

    Returns
    -------
    str
        The SVG element.
    """
    n = max(len(outcomes), 1)
    fig = _figure(4.6, 0.75 + 0.42 * n)
    with matplotlib.rc_context(_rc()):
        ax = fig.add_subplot()
        ys = np.arange(len(outcomes))[::-1]
        lows = [float(iv.low) for _, iv in outcomes] + [0.0]
        highs = [float(iv.high) for _, iv in outcomes] + [0.0]
        for y, (_, iv) in zip(ys, outcomes, strict=True):
            colour = "#d62728" if iv.low > 0 else "#555555"
            ax.errorbar(
                [iv.value],
                [y],
                xerr=[[iv.value - iv.low], [iv.high - iv.value]],
                fmt="o",
                color=colour,
                capsize=3,
                ms=5,
            )
        ax.axvline(0.0, color="#888888", lw=1)
        if threshold is not None:
            ax.axvline(threshold, color="#d62728", lw=1, ls=":")
            highs.append(threshold)
        left, right = min(lows), max(highs)
        pad = 0.05 * max(right - left, 0.1)
        ax.set_xlim(left - pad, right + pad)
        ax.set_yticks(ys, [name for name, _ in outcomes])
        ax.set_ylim(-0.6, len(outcomes) - 0.4)
        ax.set_xlabel("residual risk (95% interval); 0 = no better than control")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
    return svg_of(fig, key)
