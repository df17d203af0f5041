"""Collaboration surveys: validation, partner-type counts and counts by learning mode.

A *collaboration survey* is a DataFrame with one row per firm and one column
``<type>_<scale>`` per partner type and geographic scale, holding the number of partners of
that type at that scale (or 1/0 for "collaborated or not"). The partner types and scales
of the Norwegian survey are the defaults (``clusternet.catalog.pipelines``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)
from clusternet.catalog.pipelines import PARTNER_TYPES, SCALES
from clusternet.pipelines._common import FRACTION_COLUMNS, partner_columns, require_names

__all__ = [
    "INNOVATION_MODES",
    "validate_collaboration_survey",
    "add_partner_counts",
    "add_mode_counts",
]

#: learning modes (Jensen et al. 2007) as Fitjar and Rodriguez-Pose (2013) split partners
INNOVATION_MODES = {
    "sti": ("consultant", "university", "research_institute"),
    "dui_supply": ("supplier", "customer"),
    "dui_other": ("competitor",),
}


def validate_collaboration_survey(
    survey: pd.DataFrame,
    *,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = None,
    region_column: str = "city_region",
) -> pd.DataFrame:
    """Check a collaboration survey and return it unchanged.

    Parameters
    ----------
    survey : pandas.DataFrame
        One row per firm, with a column ``<type>_<scale>`` for every partner type and
        scale holding a non-negative whole number (partners of that type at that scale,
        or 1/0 for collaborated or not).
    partner_types, scales : sequence of str
        The partner types and geographic scales the survey asked about.
    regions : sequence of str or None
        The allowed values of ``region_column`` (for the Norwegian survey,
        ``clusternet.catalog.pipelines.CITY_REGIONS``); ``None`` (the default) skips the
        check and does not require the column.
    region_column : str
        The column naming each firm's region.

    Returns
    -------
    pandas.DataFrame
        ``survey`` itself.

    Raises
    ------
    TypeError
        ``survey`` is not a DataFrame, or a partner column is not numeric.
    ValueError
        Empty survey; missing partner or region columns; missing, negative or fractional
        partner counts; regions outside ``regions``; a share column
        (``foreign_ownership``, ``higher_education``) outside [0, 1].

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1, 0], "supplier_international": [0, 2]})
    >>> validate_collaboration_survey(
    ...     firms, partner_types=["supplier"], scales=["regional", "international"], regions=None
    ... ).shape
    (2, 2)

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of
      innovation in Norway. *Research Policy* 42(1), 128-138.
    """
    require_dataframe(survey, "survey")
    require_nonempty(survey, "survey")
    partner_types = require_names(partner_types, "partner_types")
    scales = require_names(scales, "scales")
    columns = partner_columns(partner_types, scales)
    require_columns(survey, columns, "survey")
    require_numeric_columns(survey, "survey", columns)
    require_no_missing(survey, "survey", columns)
    require_nonnegative(survey, "survey", columns)
    values = survey[columns].to_numpy(dtype=float)
    if (values != np.round(values)).any():
        bad = [c for c in columns if (survey[c].to_numpy(dtype=float) % 1 != 0).any()]
        raise ValueError(
            f"survey has fractional partner counts in column(s) {format_items(bad)}; counts must be whole numbers"
        )
    if regions is not None:
        regions = require_names(regions, "regions")
        if not isinstance(region_column, str):
            raise TypeError(f"region_column must be a str, got {type(region_column).__name__}")
        require_columns(survey, [region_column], "survey")
        require_no_missing(survey, "survey", [region_column])
        unknown = sorted(set(survey[region_column].astype(str)) - set(regions))
        if unknown:
            raise ValueError(
                f"survey column {region_column!r} has unknown region(s) {format_items(unknown)}; "
                f"allowed: {format_items(regions)} (pass regions=None to accept any)"
            )
    present = [c for c in FRACTION_COLUMNS if c in survey.columns]
    if present:
        require_numeric_columns(survey, "survey", present)
        require_no_missing(survey, "survey", present)
        shares = survey[present].to_numpy(dtype=float)
        if ((shares < 0) | (shares > 1)).any():
            bad = [c for c in present if ((survey[c] < 0) | (survey[c] > 1)).any()]
            raise ValueError(f"survey has shares outside [0, 1] in column(s) {format_items(bad)}")
    return survey


def add_partner_counts(
    survey: pd.DataFrame,
    *,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    measure: str = "types",
) -> pd.DataFrame:
    """Add the number of partners at each scale and whether the firm has any.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`); regions are
        not checked here.
    partner_types, scales : sequence of str
        Partner types and scales.
    measure : {"types", "partners"}
        ``"types"`` counts the partner *types* the firm collaborates with at each scale
        (0 to the number of types; a stand-in for the partner diversity of Fitjar and
        Rodriguez-Pose 2011, whose own coding is unverified); ``"partners"`` sums the
        counts.

    Returns
    -------
    pandas.DataFrame
        A copy with ``partners_<scale>`` (int) and ``any_<scale>`` (0/1) for every scale.

    Raises
    ------
    TypeError, ValueError
        As :func:`validate_collaboration_survey`, or an unknown ``measure``.

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [3, 0], "customer_regional": [1, 0]})
    >>> out = add_partner_counts(firms, partner_types=["supplier", "customer"], scales=["regional"])
    >>> out[["partners_regional", "any_regional"]].to_dict("list")
    {'partners_regional': [2, 0], 'any_regional': [1, 0]}

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    if measure not in ("types", "partners"):
        raise ValueError(f"measure must be 'types' or 'partners', got {measure!r}")
    validate_collaboration_survey(survey, partner_types=partner_types, scales=scales, regions=None)
    added = {}
    for scale in scales:
        block = survey[[f"{kind}_{scale}" for kind in partner_types]].to_numpy(dtype=float)
        counts = (block > 0).sum(axis=1) if measure == "types" else block.sum(axis=1)
        added[f"partners_{scale}"] = counts.astype(int)
        added[f"any_{scale}"] = (counts > 0).astype(int)
    return survey.assign(**added)


def add_mode_counts(
    survey: pd.DataFrame,
    *,
    modes: Mapping[str, Sequence[str]] = INNOVATION_MODES,
    scales: Sequence[str] = SCALES,
    local_scale: str = "regional",
) -> pd.DataFrame:
    """Add, for each learning mode, the partner types used locally and extra-regionally.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`).
    modes : mapping of str to sequence of str
        Mode name to its partner types; the default splits partners as Fitjar and
        Rodriguez-Pose (2013) do: ``sti`` (consultants, universities, research
        institutes), ``dui_supply`` (suppliers, customers) and ``dui_other``
        (competitors).
    scales : sequence of str
        Scales in the survey; every scale other than ``local_scale`` counts as
        extra-regional.
    local_scale : str
        The local scale.

    Returns
    -------
    pandas.DataFrame
        A copy with ``<mode>_regional`` (partner types of the mode with a local partner)
        and ``<mode>_extra_regional`` (types with a partner at any other scale).

    Raises
    ------
    TypeError, ValueError
        Bad ``modes`` (not a mapping, empty, a type in two modes), ``local_scale`` not in
        ``scales`` or fewer than two scales, or a survey that fails
        :func:`validate_collaboration_survey`.

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1], "supplier_international": [2],
    ...                       "university_regional": [0], "university_international": [1]})
    >>> out = add_mode_counts(firms, modes={"sti": ["university"], "dui": ["supplier"]},
    ...                       scales=["regional", "international"])
    >>> out[["sti_regional", "sti_extra_regional", "dui_regional", "dui_extra_regional"]].iloc[0].tolist()
    [0, 1, 1, 1]

    References
    ----------
    - Jensen, M. B., Johnson, B., Lorenz, E. and Lundvall, B.-A. (2007). Forms of
      knowledge and modes of innovation. *Research Policy* 36(5), 680-693.
    - Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of
      innovation in Norway. *Research Policy* 42(1), 128-138.
    """
    if not isinstance(modes, Mapping) or not modes:
        raise TypeError("modes must be a non-empty mapping of mode name to partner types")
    scales = require_names(scales, "scales")
    if local_scale not in scales:
        raise ValueError(f"local_scale {local_scale!r} is not one of scales {format_items(scales)}")
    if len(scales) < 2:
        raise ValueError("scales needs a local and at least one extra-regional scale")
    types_by_mode = {
        str(mode): require_names(kinds, f"modes[{mode!r}]") for mode, kinds in modes.items()
    }
    all_types = [kind for kinds in types_by_mode.values() for kind in kinds]
    if len(set(all_types)) != len(all_types):
        raise ValueError(f"a partner type appears in more than one mode: {format_items(all_types)}")
    validate_collaboration_survey(survey, partner_types=all_types, scales=scales, regions=None)
    extra_scales = [s for s in scales if s != local_scale]
    added = {}
    for mode, kinds in types_by_mode.items():
        local = survey[[f"{k}_{local_scale}" for k in kinds]].to_numpy(dtype=float) > 0
        extra = np.zeros_like(local)
        for scale in extra_scales:
            extra |= survey[[f"{k}_{scale}" for k in kinds]].to_numpy(dtype=float) > 0
        added[f"{mode}_regional"] = local.sum(axis=1).astype(int)
        added[f"{mode}_extra_regional"] = extra.sum(axis=1).astype(int)
    return survey.assign(**added)
