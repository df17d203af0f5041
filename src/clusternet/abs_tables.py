"""Parse the US Annual Business Survey (ABS) tables into tidy frames, keeping their flags.

The NCSES/Census tables in ``data/us-abs/`` were converted to CSV by a third party
(see ``data/us-abs/SOURCE.md``). Each row is one line of the published table, with its row
path (``"All companies -> Large companies -> 250-499"``) and one ``field_...`` column per
published column. A cell is either a plain number (older tables) or a text pair such as
``"['530,124', '&nbsp;']"``: the value, written with thousands commas, and a flag:

- ``i``: imputed;
- ``r``: revised;
- ``D``: suppressed to avoid disclosing confidential information (no value);
- ``&nbsp;`` (or nothing): no flag.

A heading row of the published table has no values (``['&nbsp;', '&nbsp;']`` or an
empty field). :func:`tidy_abs_table` turns a table into one row per (row, column) cell
with a float ``value`` (missing for suppressed and heading cells), the ``flag`` kept and a
``status`` saying which of the three it is; :func:`parse_abs_cell` parses one cell. Both
refuse a malformed cell with an error naming the table, the row and the column.

This is a bottom-layer module: it imports only ``clusternet.data`` (to load a catalogued
table by its id) and ``clusternet._validation``.

Examples
--------
>>> parse_abs_cell("['530,124', '&nbsp;']")
(530124.0, '')
>>> parse_abs_cell("['22.7', 'r']")
(22.7, 'r')
>>> parse_abs_cell("['D', '&nbsp;']")
(nan, 'D')
"""

from __future__ import annotations

import html
import math
import re

import numpy as np
import pandas as pd

from clusternet import data
from clusternet._validation import require_columns, require_dataframe, require_nonempty

__all__ = [
    "ABS_FLAGS",
    "ABS_STATUSES",
    "AbsCellError",
    "parse_abs_cell",
    "tidy_abs_table",
    "load_abs_table",
    "abs_value",
]

#: Flag -> meaning, as the tables' READMEs define them ("" = no flag).
ABS_FLAGS = {"": "none", "i": "imputed", "r": "revised", "D": "suppressed"}
#: What a tidy cell holds: a published value, a suppressed value, or nothing (a heading).
ABS_STATUSES = ("reported", "suppressed", "heading")

#: Row columns that hold a text label, not a value (table 7451's NAICS codes).
_LABEL_FIELDS = ("field_naics_code",)
_PAIR = re.compile(r"^\[\s*'([^']*)'\s*,\s*'([^']*)'\s*\]$")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_BLANK = ("", "&nbsp;")


class AbsCellError(ValueError):
    """A cell of an ABS table is not a number, a suppression mark or a (value, flag) pair."""


def _where(table, row, column) -> str:
    parts = [
        f"{label} {value!r}"
        for label, value in (("table", table), ("row", row), ("column", column))
        if value not in (None, "")
    ]
    return ", ".join(parts) or "an ABS cell"


def _number(text: str, where: str, cell) -> float:
    if not _NUMBER.fullmatch(text):
        raise AbsCellError(
            f"{where}: {cell!r} is not a number (digits with optional thousands commas and "
            "decimals), a suppression mark 'D' or a (value, flag) pair"
        )
    return float(text.replace(",", ""))


def parse_abs_cell(cell, *, table="", row="", column="") -> tuple[float, str]:
    """Parse one ABS table cell into ``(value, flag)``.

    Parameters
    ----------
    cell : str, float or int
        A text pair ``"['530,124', 'r']"``, a plain number (``41.6``, ``"1989523"``), a
        suppression mark ``"D"``, or an empty cell (a missing value or ``""``).
    table, row, column : str, optional
        Where the cell is, for the error message.

    Returns
    -------
    tuple of (float, str)
        The value (``nan`` when suppressed or empty) and the flag: ``""``, ``"i"``,
        ``"r"`` or ``"D"``. A suppressed cell always has flag ``"D"``.

    Raises
    ------
    AbsCellError
        The cell is malformed (unknown flag, a value that is not a number, a broken pair, a
        negative or infinite number); the message names the table, row and column.

    Examples
    --------
    >>> parse_abs_cell("['1,156', '&nbsp;']", table="7452")
    (1156.0, '')
    >>> parse_abs_cell(41.6)
    (41.6, '')
    >>> parse_abs_cell("['&nbsp;', '&nbsp;']")
    (nan, '')

    References
    ----------
    - National Center for Science and Engineering Statistics and Census Bureau. Annual
      Business Survey, data tables (special values ``i``, ``r``, ``D``).
    """
    where = _where(table, row, column)
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA:
        return math.nan, ""
    if isinstance(cell, bool):
        raise AbsCellError(f"{where}: {cell!r} is a boolean, not a table value")
    if isinstance(cell, (int, float, np.integer, np.floating)):
        value = float(cell)
        if not math.isfinite(value) or value < 0:
            raise AbsCellError(f"{where}: {cell!r} is not a finite non-negative number")
        return value, ""
    if not isinstance(cell, str):
        raise AbsCellError(f"{where}: {type(cell).__name__} {cell!r} is not a table value")
    text = cell.strip()
    pair = _PAIR.fullmatch(text)
    if pair is None:
        if text.startswith("["):
            raise AbsCellError(
                f"{where}: {cell!r} is not a well-formed (value, flag) pair like "
                "\"['530,124', '&nbsp;']\""
            )
        raw_value, raw_flag = text, ""
    else:
        raw_value, raw_flag = (html.unescape(part).strip() for part in pair.groups())
        raw_value = "" if raw_value in ("", "\xa0") else raw_value
        raw_flag = "" if raw_flag in ("", "\xa0") else raw_flag
    if raw_flag not in ABS_FLAGS:
        raise AbsCellError(
            f"{where}: unknown flag {raw_flag!r} in {cell!r}; known flags: "
            + ", ".join(f"{k!r} ({v})" for k, v in ABS_FLAGS.items() if k)
        )
    if raw_value == "D" or raw_flag == "D":
        if raw_value not in ("", "D"):
            raise AbsCellError(f"{where}: {cell!r} is flagged suppressed but holds a value")
        return math.nan, "D"
    if raw_value in _BLANK:
        if raw_flag:
            raise AbsCellError(f"{where}: {cell!r} has a flag {raw_flag!r} but no value")
        return math.nan, ""
    return _number(raw_value, where, cell), raw_flag


def _row_columns(frame: pd.DataFrame) -> tuple[str, str]:
    paths = [c for c in frame.columns if c.endswith("_full_path")]
    depths = [c for c in frame.columns if c.endswith("_hierarchy_depth")]
    if len(paths) != 1 or len(depths) != 1:
        raise ValueError(
            "table must have exactly one '<dimension>_full_path' and one "
            f"'<dimension>_hierarchy_depth' column, got {paths} and {depths}"
        )
    return paths[0], depths[0]


def tidy_abs_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per cell of an ABS table: row path, column, value, flag and status.

    Parameters
    ----------
    table : pandas.DataFrame
        A table as ``clusternet.data.load("abs_<id>")`` returns it: ``table_id``,
        ``row_id``, one ``<dimension>_full_path`` and ``<dimension>_hierarchy_depth``
        column, level columns, and the ``field_...`` value columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``table_id`` (str), ``row_id``, ``row_path`` (the published row labels
        joined by ``" -> "``, HTML entities decoded), ``row_label`` (the last label),
        ``depth``, ``code`` (table 7451's NAICS code, else missing), ``column`` (the field
        name without ``field_``), ``value`` (float; missing when suppressed or a heading),
        ``flag`` (``""``, ``"i"``, ``"r"``, ``"D"``) and ``status`` (one of
        ``ABS_STATUSES``), in the table's row and column order.

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame.
    ValueError
        Required columns are missing, the table is empty or holds several tables.
    AbsCellError
        A malformed cell; the message names the table, row and column.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({
    ...     "table_id": [7452], "row_id": ["r001"],
    ...     "size_full_path": ["All companies"], "size_level_1": ["All companies"],
    ...     "size_hierarchy_depth": [1],
    ...     "field_all_companies": ["['530,124', '&nbsp;']"],
    ...     "field_any_partner_in_canada": ["['22.7', 'r']"]})
    >>> tidy = tidy_abs_table(raw)
    >>> tidy[["column", "value", "flag", "status"]].to_numpy().tolist()
    [['all_companies', 530124.0, '', 'reported'], ['any_partner_in_canada', 22.7, 'r', 'reported']]

    References
    ----------
    - National Center for Science and Engineering Statistics and Census Bureau. Annual
      Business Survey, data tables.
    """
    table = require_dataframe(table, "table")
    require_nonempty(table, "table")
    require_columns(table, ["table_id", "row_id"], "table")
    path_column, depth_column = _row_columns(table)
    ids = pd.unique(table["table_id"].astype(str))
    if len(ids) != 1:
        raise ValueError(f"table holds several tables: table_id values {list(ids)}")
    table_id = str(ids[0])
    if table["row_id"].duplicated().any():
        raise ValueError(f"table {table_id}: row_id values are not unique")
    fields = [c for c in table.columns if c.startswith("field_") and c not in _LABEL_FIELDS]
    if not fields:
        raise ValueError(f"table {table_id}: no 'field_' value columns")
    labels = [c for c in _LABEL_FIELDS if c in table.columns]
    paths = table[path_column].astype(str).map(html.unescape)
    records = []
    for position in range(len(table)):
        row_id = str(table["row_id"].iloc[position])
        path = paths.iloc[position]
        code = (
            html.unescape(str(table[labels[0]].iloc[position]))
            if labels and not pd.isna(table[labels[0]].iloc[position])
            else None
        )
        for field in fields:
            value, flag = parse_abs_cell(
                table[field].iloc[position], table=table_id, row=row_id, column=field
            )
            if flag == "D":
                status = "suppressed"
            elif math.isnan(value):
                status = "heading"
            else:
                status = "reported"
            records.append(
                (row_id, path, int(table[depth_column].iloc[position]), code, field[6:])
                + (value, flag, status)
            )
    tidy = pd.DataFrame(
        records,
        columns=["row_id", "row_path", "depth", "code", "column", "value", "flag", "status"],
    )
    tidy.insert(0, "table_id", table_id)
    tidy.insert(3, "row_label", tidy["row_path"].str.split(" -> ").str[-1].str.strip())
    return tidy.astype({"value": "float64", "depth": "int64", "code": "str"})


def load_abs_table(table_id) -> pd.DataFrame:
    """Load catalogued ABS table ``table_id`` (``abs_<id>``) and tidy it.

    Parameters
    ----------
    table_id : int or str
        The NCSES table id, e.g. ``7452``.

    Returns
    -------
    pandas.DataFrame
        As :func:`tidy_abs_table`.

    Raises
    ------
    ValueError
        No data set ``abs_<table_id>`` in the catalogue.
    clusternet.dataspec.DataValidationError
        The file does not match its spec.
    AbsCellError
        A malformed cell.

    Examples
    --------
    >>> tidy = load_abs_table(7452)
    >>> tidy.loc[tidy["row_id"].eq("r001") & tidy["column"].eq("all_companies"), "value"].item()
    530124.0

    References
    ----------
    - National Center for Science and Engineering Statistics and Census Bureau. Annual
      Business Survey 2020 (data year 2019), table 71 (NCSES table 7452).
    """
    return tidy_abs_table(data.load(f"abs_{table_id}"))


def abs_value(tidy: pd.DataFrame, row_path: str, column: str) -> float:
    """The value of one cell of a tidy ABS table, refusing a suppressed or missing cell.

    Parameters
    ----------
    tidy : pandas.DataFrame
        A table from :func:`tidy_abs_table`.
    row_path : str
        The full row path (``"All companies -> Large companies -> 250–499"``).
    column : str
        The column name without ``field_``.

    Returns
    -------
    float

    Raises
    ------
    KeyError
        No such cell.
    ValueError
        The cell is suppressed or a heading (no value).

    Examples
    --------
    >>> tidy = load_abs_table(7452)
    >>> abs_value(tidy, "All companies", "any_cooperation_partner_in_the_united_states")
    67.8

    References
    ----------
    - National Center for Science and Engineering Statistics and Census Bureau. Annual
      Business Survey, data tables.
    """
    tidy = require_dataframe(tidy, "tidy")
    require_columns(tidy, ["row_path", "column", "value", "status", "table_id"], "tidy")
    cell = tidy[(tidy["row_path"] == row_path) & (tidy["column"] == column)]
    if len(cell) != 1:
        raise KeyError(f"no single cell at row {row_path!r}, column {column!r}")
    if cell["status"].iloc[0] != "reported":
        raise ValueError(
            f"table {cell['table_id'].iloc[0]}: row {row_path!r}, column {column!r} is "
            f"{cell['status'].iloc[0]} (no value)"
        )
    return float(cell["value"].iloc[0])
