"""The report's real US inputs, built once: County Business Patterns and Porter's clusters.

The Porter and life-cycle chapters both read County Business Patterns (states x 4-digit
NAICS) and map industries to Porter's benchmark clusters with the same crosswalk. This
module builds those inputs once, so that the two chapters cannot build them differently.

Examples
--------
>>> employment = cbp_matrix(2021)  # doctest: +SKIP
>>> employment.shape  # doctest: +SKIP
(50, 288)

References
----------
- US Census Bureau. County Business Patterns 2017 and 2021.
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7).
- Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related industries.
  *Journal of Economic Geography* 16(1).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from clusternet import data
from clusternet.clusters import long_to_matrix, naics_cluster_crosswalk

__all__ = ["cbp_table", "cbp_matrix", "PorterCrosswalk", "porter_crosswalk", "state_abbreviations"]


def cbp_table(year: int) -> pd.DataFrame:
    """County Business Patterns of ``year`` as loaded (``cbp_state_naics4_<year>``)."""
    return data.load(f"cbp_state_naics4_{year}")


def cbp_matrix(year: int, value: str = "Employees") -> pd.DataFrame:
    """States (FIPS) x 4-digit NAICS matrix of ``value`` (``Employees`` or ``Establishments``)."""
    return long_to_matrix(cbp_table(year), region="Fips", industry="Naics", value=value)


@dataclass(frozen=True)
class PorterCrosswalk:
    """4-digit NAICS codes mapped to Porter's benchmark clusters.

    Attributes
    ----------
    crosswalk : DataFrame
        Indexed by 4-digit NAICS 2017 code: ``cluster``, ``confident``, ``tied``, ...
        (see ``naics_cluster_crosswalk``).
    clusters : DataFrame
        One row per cluster code: ``cluster_name``, ``cluster_type``.
    traded : Index
        Codes of the traded clusters.
    mapping : Series
        NAICS code -> cluster code.
    """

    crosswalk: pd.DataFrame
    clusters: pd.DataFrame
    traded: pd.Index
    mapping: pd.Series


@cache
def _porter_crosswalk() -> PorterCrosswalk:
    definitions = data.load("porter_clusters_naics2007")
    concordance = (
        data.load("naics4_2007_to_2017").groupby("naics4_2017")["naics4_2007"].apply(list).to_dict()
    )
    crosswalk = naics_cluster_crosswalk(definitions, concordance=concordance).set_index("naics")
    clusters = definitions.drop_duplicates("cluster_code").set_index("cluster_code")
    traded = clusters.index[clusters["cluster_type"] == "traded"]
    return PorterCrosswalk(crosswalk, clusters, traded, crosswalk["cluster"])


def porter_crosswalk() -> PorterCrosswalk:
    """The crosswalk from 4-digit NAICS 2017 codes to Porter's clusters (copies; cached).

    Returns
    -------
    PorterCrosswalk

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.
    """
    cached = _porter_crosswalk()
    return PorterCrosswalk(
        cached.crosswalk.copy(), cached.clusters.copy(), cached.traded.copy(), cached.mapping.copy()
    )


def state_abbreviations() -> pd.Series:
    """FIPS code -> two-letter state abbreviation."""
    return data.load("us_states").set_index("fips")["abbreviation"]
