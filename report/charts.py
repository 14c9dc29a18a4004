"""Geometry for the report's inline SVG pictures: a sparkline per IKU and capaian as bars.

Only numbers are computed here; the template draws them (and escapes every text it prints).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Sparkline:
    """Quarterly targets as a small line: one x slot per quarter, gaps where no target is set."""

    width: int
    height: int
    path: str  # SVG path data through the quarters that have a numeric target
    dots: tuple[Point, ...]
    baseline: float
    title: str  # the values in words, for a tooltip and for screen readers


@dataclass(frozen=True)
class Bar:
    label: str
    title: str
    y: float
    width: float
    value_text: str
    status: str | None


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    ref_x: float  # where 100 % sits
    scale_max: int
    bars: tuple[Bar, ...]


SPARK_W, SPARK_H, SPARK_PAD = 96, 26, 4


def sparkline(values: Sequence[Decimal | None], title: str) -> Sparkline | None:
    """A sparkline through ``values`` (one per quarter); None when no quarter has a number.

    The y axis runs from 0 (or the smallest value when negative) to the largest value.

    >>> s = sparkline([None, Decimal(30), None, Decimal(70)], "t")
    >>> s.path, len(s.dots)
    ('M 33.3 14.3 L 92.0 4.0', 2)
    """
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if not known:
        return None
    low = min(Decimal(0), *(v for _, v in known))
    high = max(v for _, v in known)
    span = (high - low) or Decimal(1)
    step = (SPARK_W - 2 * SPARK_PAD) / max(len(values) - 1, 1)
    inner_h = SPARK_H - 2 * SPARK_PAD

    def at(i: int, v: Decimal) -> Point:
        y = SPARK_PAD + inner_h * float((high - v) / span) if high != low else SPARK_H / 2
        return Point(round(SPARK_PAD + i * step, 1), round(y, 1))

    dots = tuple(at(i, v) for i, v in known)
    path = " ".join(f"{'M' if k == 0 else 'L'} {p.x:.1f} {p.y:.1f}" for k, p in enumerate(dots))
    baseline = round(SPARK_PAD + inner_h * float(high / span), 1) if low < 0 else SPARK_H - SPARK_PAD
    return Sparkline(SPARK_W, SPARK_H, path, dots, baseline, title)


@dataclass(frozen=True)
class BarInput:
    label: str
    title: str
    value: Decimal
    value_text: str
    status: str | None


BAR_AREA, BAR_H, BAR_GAP, LABEL_W, VALUE_W = 360, 16, 6, 90, 80


def capaian_bars(items: Sequence[BarInput]) -> BarChart | None:
    """Horizontal bars, one per IKU; the scale reaches at least 120 % and at most 200 %
    (a longer bar is cut at the edge, its value still printed)."""
    if not items:
        return None
    biggest = max(float(i.value) for i in items)
    scale_max = 120 if biggest <= 120 else min(200, math.ceil(biggest / 20) * 20)
    bars = tuple(
        Bar(
            label=item.label, title=item.title, y=k * (BAR_H + BAR_GAP),
            width=round(BAR_AREA * min(max(float(item.value), 0.0), scale_max) / scale_max, 1),
            value_text=item.value_text, status=item.status,
        )
        for k, item in enumerate(items)
    )
    height = len(items) * (BAR_H + BAR_GAP)
    return BarChart(
        width=LABEL_W + BAR_AREA + VALUE_W, height=height, label_width=LABEL_W, bar_height=BAR_H,
        ref_x=round(LABEL_W + BAR_AREA * 100 / scale_max, 1), scale_max=scale_max, bars=bars,
    )
