"""Figures of the HTML audit report, written directly as inline SVG.

No plotting library is involved: each figure is a few hundred bytes of SVG
markup built from the numbers the results carry (ROC points, histogram
densities, intervals), so the report needs no matplotlib and renders the same
in every browser. The output is deterministic (the same numbers give the same
string) and every element ID is prefixed with the figure's key, so several
figures can live in one HTML page without ID clashes.

Nothing is computed here beyond the mapping of values to coordinates. Only
fixed strings (attack names, axis labels) go into the figures, escaped as XML;
names that come from the model or the data (columns, files) stay in the HTML
around them, where the template escapes them. Only counts, rates and scores
are plotted, never training values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from modelprivacy.attacks.api import RocCurve, ScoreHistogram
    from modelprivacy.stats import Interval

__all__ = ["histogram_svg", "residual_risk_svg", "roc_svg"]

_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
_GREY = "#888888"
_GRID = "#dddddd"
_FONT = 'font-family="DejaVu Sans, Arial, Helvetica, sans-serif"'
_KEY = re.compile(r"[^A-Za-z0-9_-]")


def _f(x: float) -> str:
    """A coordinate with two decimals, without a trailing zero or a negative zero."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Axes:
    """A plot area mapping data to pixels (linear or log10 on either axis)."""

    def __init__(
        self,
        box: tuple[float, float, float, float],
        xlim: tuple[float, float],
        ylim: tuple[float, float],
        *,
        xlog: bool = False,
        ylog: bool = False,
    ) -> None:
        self.left, self.top, self.width, self.height = box
        self.xlog, self.ylog = xlog, ylog
        self.x0, self.x1 = (self._t(v, xlog) for v in xlim)
        self.y0, self.y1 = (self._t(v, ylog) for v in ylim)

    @staticmethod
    def _t(v: float, log: bool) -> float:
        return math.log10(max(v, 1e-300)) if log else v

    def x(self, v: float) -> float:
        """The pixel column of the data value ``v``."""
        span = (self.x1 - self.x0) or 1.0
        return self.left + (self._t(v, self.xlog) - self.x0) / span * self.width

    def y(self, v: float) -> float:
        """The pixel row of the data value ``v`` (upwards)."""
        span = (self.y1 - self.y0) or 1.0
        return self.top + self.height - (self._t(v, self.ylog) - self.y0) / span * self.height

    def clip(self, v: float, low: float, high: float) -> float:
        return min(max(v, low), high)

    def frame(self) -> str:
        """The left and bottom axis lines."""
        b = self.top + self.height
        return (
            f'<path d="M{_f(self.left)} {_f(self.top)}V{_f(b)}H{_f(self.left + self.width)}" '
            'stroke="#000000" stroke-width="0.8" fill="none"/>'
        )


def _text(
    x: float, y: float, text: str, *, anchor: str = "middle", size: float = 9, **attrs: str
) -> str:
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in attrs.items())
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(size)}" text-anchor="{anchor}"{extra}>'
        f"{escape(text)}</text>"
    )


def _svg(key: str, width: int, height: int, title: str, body: Iterable[str]) -> str:
    key = _KEY.sub("-", key)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{key}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{key}-title" {_FONT}>\n'
        f'<title id="{key}-title">{escape(title)}</title>\n'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )


def _decades(low: float, high: float) -> list[float]:
    lo, hi = math.floor(math.log10(low) + 1e-9), math.ceil(math.log10(high) - 1e-9)
    return [10.0**e for e in range(lo, hi + 1) if low * (1 - 1e-9) <= 10.0**e <= high * (1 + 1e-9)]


def _decade_label(v: float) -> str:
    e = round(math.log10(v))
    return "1" if e == 0 else f"1e{e}"


def _nice_ticks(low: float, high: float, n: int = 5) -> list[float]:
    span = high - low
    if not (span > 0 and math.isfinite(span)):
        return [low]
    raw = span / n
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * step:
            step *= m
            break
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    v = first
    while v <= high + 1e-9 * span:
        ticks.append(round(v, 12))
        v += step
    return ticks


def _tick_label(v: float) -> str:
    return f"{v:g}"


def _legend(x: float, y: float, entries: Sequence[tuple[str, str, float, str]]) -> list[str]:
    """Legend rows ``(label, colour, line width, dash)`` from ``(x, y)`` downwards."""
    out = []
    for i, (label, colour, lw, dash) in enumerate(entries):
        yy = y + 11 * i
        d = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="M{_f(x)} {_f(yy)}h16" stroke="{colour}" stroke-width="{_f(lw)}"{d}/>')
        out.append(_text(x + 20, yy + 2.5, label, anchor="start", size=7))
    return out


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
    lo = min(max(lo, 1e-12), 0.1)
    ax = _Axes((58, 14, 440, 330), (lo, 1.0), (lo, 1.05), xlog=True, ylog=True)
    body = [ax.frame()]
    for v in _decades(lo, 1.0):
        x, y = ax.x(v), ax.y(v)
        body.append(
            f'<path d="M{_f(x)} {_f(ax.top)}V{_f(ax.top + ax.height)}M{_f(ax.left)} {_f(y)}'
            f'H{_f(ax.left + ax.width)}" stroke="{_GRID}" stroke-width="0.4"/>'
        )
        body.append(_text(x, ax.top + ax.height + 12, _decade_label(v), size=8))
        body.append(_text(ax.left - 5, y + 3, _decade_label(v), anchor="end", size=8))
    body.append(
        f'<path d="M{_f(ax.x(lo))} {_f(ax.y(lo))}L{_f(ax.x(1.0))} {_f(ax.y(1.0))}" '
        f'stroke="{_GREY}" stroke-width="1" stroke-dasharray="4 3" fill="none"/>'
    )
    legend = [("chance", _GREY, 1.0, "4 3")]
    floor = lo / 10
    order = sorted(curves.items(), key=lambda kv: kv[0] == best)  # the best one on top
    colour_of = {name: _COLOURS[i % len(_COLOURS)] for i, name in enumerate(curves)}
    for name, c in order:
        if not c.fpr:
            continue
        thick = name == best
        pts: list[str] = []
        for f, t in zip(c.fpr, c.tpr, strict=True):
            x = ax.x(ax.clip(float(f), lo, 1.0))
            y = ax.y(ax.clip(max(float(t), floor), lo, 1.05))
            # a step: the rate holds until the next FPR
            pts.append(f"M{_f(x)} {_f(y)}" if not pts else f"H{_f(x)}V{_f(y)}")
        body.append(
            f'<path d="{"".join(pts)}" stroke="{colour_of[name]}" '
            f'stroke-width="{"2.2" if thick else "1.2"}" fill="none"/>'
        )
    for name in curves:
        thick = name == best
        legend.append(
            (
                f"{name} (best at 1% FPR)" if thick else name,
                colour_of[name],
                2.2 if thick else 1.2,
                "",
            )
        )
    body += _legend(ax.left + ax.width - 150, ax.top + ax.height - 11 * len(legend) - 4, legend)
    body.append(_text(ax.left + ax.width / 2, 372, "false-positive rate (non-members flagged)"))
    body.append(
        _text(
            14,
            ax.top + ax.height / 2,
            "true-positive rate (members found)",
            transform=f"rotate(-90 14 {_f(ax.top + ax.height / 2)})",
        )
    )
    return _svg(key, 520, 380, "ROC curves of the membership attacks (log-log)", body)


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
    edges = [float(e) for e in h.edges]
    groups = [
        (list(h.members), h.n_members, "members (training)", "#d62728"),
        (list(h.nonmembers), h.n_nonmembers, "non-members (holdout)", "#1f77b4"),
    ]
    top = max((float(d) for g in groups for d in g[0] if math.isfinite(float(d))), default=1.0)
    xlim = (edges[0], edges[-1]) if len(edges) >= 2 and edges[-1] > edges[0] else (0.0, 1.0)
    ax = _Axes((20, 12, 480, 220), xlim, (0.0, (top or 1.0) * 1.08))
    body = [ax.frame()]
    for v in _nice_ticks(*xlim):
        body.append(_text(ax.x(v), ax.top + ax.height + 12, _tick_label(v), size=8))
    legend: list[tuple[str, str, float, str]] = []
    if len(edges) >= 2:
        for density, n, label, colour in groups:
            if not density:
                continue
            d = f"M{_f(ax.x(edges[0]))} {_f(ax.y(0))}"
            for i, v in enumerate(density):
                yv = float(v) if math.isfinite(float(v)) else 0.0
                d += f"V{_f(ax.y(yv))}H{_f(ax.x(edges[i + 1]))}"
            d += f"V{_f(ax.y(0))}Z"
            body.append(
                f'<path d="{d}" fill="{colour}" fill-opacity="0.45" stroke="{colour}" '
                'stroke-width="1"/>'
            )
            legend.append((f"{label}, n={n:,}", colour, 4.0, ""))
        body += _legend(ax.left + 8, ax.top + 8, legend)
    body.append(_text(ax.left + ax.width / 2, 262, "attack score (higher: more likely a member)"))
    body.append(
        _text(
            10,
            ax.top + ax.height / 2,
            "density",
            transform=f"rotate(-90 10 {_f(ax.top + ax.height / 2)})",
        )
    )
    return _svg(key, 520, 270, "Attack scores of members and non-members", body)


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
    lows = [float(iv.low) for _, iv in outcomes] + [0.0]
    highs = [float(iv.high) for _, iv in outcomes] + [0.0]
    if threshold is not None:
        highs.append(threshold)
    left = min([x for x in lows if math.isfinite(x)] or [0.0])
    right = max([x for x in highs if math.isfinite(x)] or [0.0])
    pad = 0.05 * max(right - left, 0.1)
    row = 30.0
    height = int(40 + row * n)
    ax = _Axes((120, 8, 330, row * n), (left - pad, right + pad), (-0.6, n - 0.4))
    body = [
        f'<path d="M{_f(ax.left)} {_f(ax.top + ax.height)}H{_f(ax.left + ax.width)}" '
        'stroke="#000000" stroke-width="0.8"/>'
    ]
    for v in _nice_ticks(left - pad, right + pad):
        body.append(_text(ax.x(v), ax.top + ax.height + 12, _tick_label(v), size=8))
    zero = ax.x(0.0)
    body.append(
        f'<path d="M{_f(zero)} {_f(ax.top)}V{_f(ax.top + ax.height)}" stroke="{_GREY}" '
        'stroke-width="1"/>'
    )
    if threshold is not None:
        t = ax.x(threshold)
        body.append(
            f'<path d="M{_f(t)} {_f(ax.top)}V{_f(ax.top + ax.height)}" stroke="#d62728" '
            'stroke-width="1" stroke-dasharray="1.5 2"/>'
        )
    for i, (name, iv) in enumerate(outcomes):
        y = ax.y(n - 1 - i)
        colour = "#d62728" if iv.low > 0 else "#555555"
        lo_x, hi_x, v_x = (
            ax.x(float(iv.low)),
            ax.x(float(iv.high)),
            ax.x(float(iv.value)),
        )
        body.append(
            f'<path d="M{_f(lo_x)} {_f(y)}H{_f(hi_x)}M{_f(lo_x)} {_f(y - 3)}V{_f(y + 3)}'
            f'M{_f(hi_x)} {_f(y - 3)}V{_f(y + 3)}" stroke="{colour}" stroke-width="1.2"/>'
        )
        body.append(f'<circle cx="{_f(v_x)}" cy="{_f(y)}" r="3" fill="{colour}"/>')
        body.append(_text(ax.left - 6, y + 3, name, anchor="end", size=8))
    body.append(
        _text(
            ax.left + ax.width / 2,
            height - 6,
            "residual risk (95% interval); 0 = no better than control",
        )
    )
    return _svg(key, 470, height, "Residual risk of each attack", body)
