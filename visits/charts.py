"""A bar chart as plain numbers for an SVG template: no JavaScript, no third-party service."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: object
    value: int


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str
    anchor: str = "end"


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    baseline: float
    left: int
    right: int
    bars: list
    y_ticks: list
    x_ticks: list


def nice_ceiling(value):
    """The smallest of 1, 2, 5, 10, 20, 50, … that is at least value (and at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def bar_chart(
    points, *, tick_label=str, width=720, height=220, left=44, right=8, top=10, bottom=28
):
    """
    Lay out (label, value) points as bars, with a 0…top scale and up to five labels below.

    Each bar keeps its full label (for its tooltip); the axis shows tick_label(label).
    """
    plot_width = width - left - right
    plot_height = height - top - bottom
    baseline = top + plot_height
    top_value = nice_ceiling(max((value for _, value in points), default=0))
    slot = plot_width / max(len(points), 1)
    gap = min(slot * 0.2, 4)

    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = plot_height * value / top_value
        bars.append(
            Bar(
                x=round(left + index * slot + gap / 2, 2),
                y=round(baseline - bar_height, 2),
                width=round(max(slot - gap, 0.5), 2),
                height=round(bar_height, 2),
                label=label,
                value=value,
            )
        )

    tick_values = [0, top_value // 2, top_value] if top_value % 2 == 0 else [0, top_value]
    y_ticks = [
        Tick(x=left - 6, y=round(baseline - plot_height * value / top_value, 2), text=str(value))
        for value in tick_values
    ]

    x_ticks = []
    if points:
        count = min(len(points), 5)
        indexes = sorted({round(i * (len(points) - 1) / max(count - 1, 1)) for i in range(count)})
        for i in indexes:
            # The outermost labels line up with the plot's edges instead of running past them.
            if i == 0:
                x, anchor = left, "start"
            elif i == len(points) - 1:
                x, anchor = width - right, "end"
            else:
                x, anchor = round(left + (i + 0.5) * slot, 2), "middle"
            x_ticks.append(Tick(x=x, y=height - 8, text=tick_label(points[i][0]), anchor=anchor))

    return BarChart(
        width=width,
        height=height,
        baseline=baseline,
        left=left,
        right=width - right,
        bars=bars,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
    )
