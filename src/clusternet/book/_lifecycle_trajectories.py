"""Real trajectories the life-cycle chapter draws as small multiples (Great Britain and US).

Part of ``clusternet.book.cluster_life_cycles``, which re-exports :func:`example_trajectories`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusternet.book._lifecycle_gb import GBPanel, GBStages, _grouped
from clusternet.book._lifecycle_panel import USPanel, USPanelStages
from clusternet.book._lifecycle_settings import SETTINGS, Settings

__all__ = ["Trajectories", "example_trajectories", "stage_share_table"]


@dataclass(frozen=True)
class Trajectories:
    """``series``: ``example, year, index`` (quantity against the economy, first year =
    100); ``summary``: one row per example (``example, source, stage, confidence,
    growth``), in the order of the settings."""

    series: pd.DataFrame
    summary: pd.DataFrame


def _quantity(long: pd.DataFrame, firm_weight: float) -> pd.Series:
    """Quantity index of every (region, cluster, year): log shares of the economy."""
    totals = long.groupby("year")[["employment", "firms"]].transform("sum")
    with np.errstate(divide="ignore"):
        q = (1 - firm_weight) * np.log(long["employment"] / totals["employment"])
        if firm_weight:
            q = q + firm_weight * np.log(long["firms"] / totals["firms"])
    return pd.Series(
        q.to_numpy(), index=pd.MultiIndex.from_frame(long[["region", "cluster", "year"]])
    )


def example_trajectories(
    gb_panel: GBPanel,
    gb_stages: GBStages,
    us_panel: USPanel,
    us_stages: USPanelStages,
    settings: Settings = SETTINGS,
) -> Trajectories:
    """Quantity trajectories of the chapter's example pairs, with their stage and confidence.

    Great Britain pairs: employment share of Great Britain (the classifier reads
    employment only); US pairs: the quantity index of the classifier (employees and
    establishments equally weighted), with the pre-pandemic stage.

    Parameters
    ----------
    gb_panel, gb_stages, us_panel, us_stages
        From the chapter's Great Britain and US panel steps.
    settings : Settings
        Uses ``gb_examples`` and ``us_examples``.

    Returns
    -------
    Trajectories

    Raises
    ------
    KeyError
        An example pair that was not staged.
    """
    gb_long = _grouped(gb_panel, gb_panel.segments, settings.gb_other_group).assign(
        firms=lambda d: d["employment"]
    )
    sources = (
        ("Great Britain", gb_long, 0.0, settings.gb_examples,
         gb_stages.classified.set_index(["region", "cluster"])),
        ("US", us_panel.panel, 0.5, settings.us_examples, us_stages.pre),
    )  # fmt: skip
    series, summary = [], []
    for source, long, weight, examples, staged in sources:
        quantity = _quantity(long, weight).sort_index()
        for region, cluster in examples:
            row = staged.loc[(region, cluster)]
            q = quantity.loc[(region, cluster)]
            place = gb_panel.region_names.get(region, region)
            name = (
                cluster.split("_", 1)[-1].replace("_", " ")
                if source == "Great Britain"
                else cluster
            )
            example = f"{place}: {name}"
            series.append(
                pd.DataFrame(
                    {"example": example, "year": q.index.to_numpy(),
                     "index": 100 * np.exp(q.to_numpy() - q.iloc[0])}
                )
            )  # fmt: skip
            summary.append(
                {"example": example, "source": source, "stage": row["stage"],
                 "confidence": float(row["confidence"]), "growth": float(row["growth"])}
            )  # fmt: skip
    return Trajectories(pd.concat(series, ignore_index=True), pd.DataFrame(summary))


def stage_share_table(
    gb_stages: GBStages, us_stages: USPanelStages, settings: Settings = SETTINGS
) -> pd.DataFrame:
    """Stage shares of the two real panels side by side, with intervals, for print.

    Parameters
    ----------
    gb_stages, us_stages
        From ``gb_segment_stages`` and ``us_panel_stages``.
    settings : Settings

    Returns
    -------
    pandas.DataFrame
        One row per stage (renewal left out: neither panel measures diversity), formatted
        strings: pairs, share and the 95% interval from the stage probabilities.
    """

    def column(shares: pd.DataFrame) -> list[str]:
        return [
            f"{r.pairs:.0f} ({100 * r.share:.0f}%; {100 * r.ci_lower:.0f}-{100 * r.ci_upper:.0f}%)"
            for r in shares.itertuples()
        ]

    gb, us = gb_stages.shares.drop("renewing"), us_stages.shares.drop("renewing")
    g0, g1 = settings.gb_years[0], settings.gb_years[-1]
    u0, u1 = settings.us_pre_pandemic_years[0], settings.us_pre_pandemic_years[-1]
    return pd.DataFrame(
        {
            "Stage": gb.index,
            f"GB region x segment, {g0}-{g1}": column(gb),
            f"US state x traded cluster, {u0}-{u1}": column(us),
        }
    )
