"""Q of EU research consortia (Horizon 2020 organisations x projects; real data).

Private helper of :mod:`clusternet.book.small_world_q` (which re-exports this step).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusternet import data
from clusternet.book._uzzi_provenance import EU, EU_Q, extremes, stamp
from clusternet.book._uzzi_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.smallworld import small_world_q_by_year

__all__ = ["EuConsortia", "eu_consortia_q"]


# ---------------------------------------------------------------------------
# a second real network: EU research consortia
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EuConsortia:
    """Q of the Horizon 2020 organisations x projects network by project start year."""

    yearly: pd.DataFrame
    published: dict[str, Published]

    @property
    def table(self) -> pd.DataFrame:
        """One row per start year: sizes, the two ratios and Q with both benchmarks."""
        sim = self.yearly[self.yearly["benchmark"] == "simulated"].set_index("start_year")
        ana = self.yearly[self.yearly["benchmark"] == "analytic"].set_index("start_year")
        return pd.DataFrame(
            {
                "Start year": sim.index.astype(str),
                "Projects": sim["n_groups"].map("{:,.0f}".format),
                "Organisations": sim["n_people"].map("{:,.0f}".format),
                "Giant component": (100 * sim["giant_share"]).map("{:.0f}%".format),
                "Clustering ratio": sim["clustering_ratio"].map("{:.2f}".format),
                "Path-length ratio": sim["path_length_ratio"].map("{:.2f}".format),
                "Q (simulated, SE)": [
                    f"{q:.2f} ({s:.3f})" for q, s in zip(sim["q"], sim["q_std_error"], strict=True)
                ],
                "Q (analytic)": ana["q"].map("{:.2f}".format).to_numpy(),
            }
        )


def eu_consortia_q(settings: Settings = SETTINGS) -> EuConsortia:
    """Q of each start year's network of organisations tied by shared H2020 projects.

    Parameters
    ----------
    settings : Settings

    Returns
    -------
    EuConsortia
        ``yearly``: one row per start year and benchmark (simulated and analytic).
    """
    participations = data.load("eu_h2020_participations")
    first, last = settings.eu_years
    keep = (participations["nunique"] >= settings.eu_min_partners) & participations[
        "start_year"
    ].between(first, last)
    table = participations.loc[keep, ["pic", "rcn", "start_year"]].astype({"start_year": "int64"})
    options = {
        "window": 1,
        "person": "pic",
        "group": "rcn",
        "year": "start_year",
        "seed": settings.eu_seed,
        "sources": settings.nber_sources,
        "exact_limit": settings.nber_exact_limit,
    }
    yearly = small_world_q_by_year(
        table, benchmark="both", draws=settings.eu_draws, **options
    ).rename(columns={"year": "start_year"})
    simulated = yearly[yearly["benchmark"] == "simulated"]
    analytic = yearly[yearly["benchmark"] == "analytic"]
    label = (
        f"(real data: CORDIS Horizon 2020, projects with at least {settings.eu_min_partners} "
        f"organisations starting {first}-{last}; transitivity"
    )
    published = {
        "uzzi_eu_q_min": Published(
            simulated["q"].min(),
            f"Lowest yearly Q of the EU consortia network {label}; simulated benchmark)",
            unit="Q",
        ),
        "uzzi_eu_q_max": Published(
            simulated["q"].max(),
            f"Highest yearly Q of the EU consortia network {label}; simulated benchmark)",
            unit="Q",
        ),
        "uzzi_eu_q_analytic_min": Published(
            analytic["q"].min(),
            f"Lowest yearly Q of the EU consortia network {label}; analytic benchmark)",
            unit="Q",
            headline=False,
        ),
        "uzzi_eu_q_analytic_max": Published(
            analytic["q"].max(),
            f"Highest yearly Q of the EU consortia network {label}; analytic benchmark)",
            unit="Q",
            headline=False,
        ),
        "uzzi_eu_organisations": Published(
            simulated["n_people"].median(),
            f"Median number of organisations in a start year's network {label})",
            unit="organisations",
            digits=0,
            headline=False,
        ),
        "uzzi_eu_projects": Published(
            simulated["n_groups"].median(),
            f"Median number of multi-partner projects per start year {label})",
            unit="projects",
            digits=0,
            headline=False,
        ),
        "uzzi_eu_giant_min": Published(
            simulated["giant_share"].min(),
            f"Smallest share of organisations in the giant component {label})",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_eu_path_length_ratio_max": Published(
            simulated["path_length_ratio"].max(),
            f"Largest path-length ratio of the EU consortia networks {label})",
            unit="ratio",
            headline=False,
        ),
        "uzzi_eu_clustering_ratio_min": Published(
            simulated["clustering_ratio"].min(),
            f"Smallest clustering ratio of the EU consortia networks {label})",
            unit="ratio",
            headline=False,
        ),
        "uzzi_eu_clustering_ratio_max": Published(
            simulated["clustering_ratio"].max(),
            f"Largest clustering ratio of the EU consortia networks {label})",
            unit="ratio",
            headline=False,
        ),
    }
    for name, rows in (("uzzi_eu_q", simulated), ("uzzi_eu_q_analytic", analytic)):
        published = extremes(published, rows, (f"{name}_min", f"{name}_max"), settings.alpha)
    for name in ("uzzi_eu_organisations", "uzzi_eu_projects", "uzzi_eu_giant_min"):
        published[name] = stamp({name: published[name]}, EU)[name]
    return EuConsortia(yearly=yearly, published=stamp(published, EU_Q))
