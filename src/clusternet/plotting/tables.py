"""Results shown as captioned, formatted tables, never as a raw repr.

A chapter's code cell that ends in a pandas Series, a dict or a result object would print
``np.float64(0.1427...)``, ``{'odds_ratio': 1.295, ...}`` or ``Name: count, dtype: int64``.
:func:`show_table` turns any of them into an HTML table with a caption, readable headers
and rounded numbers, so the reader sees the analysis, not Python's bookkeeping.

Examples
--------
>>> import pandas as pd
>>> styled = show_table(pd.Series({"local": 8371, "external": 4103}, name="ties"),
...                     caption="Ties by layer.")
>>> styled.data.columns.tolist()
['Item', 'Ties']
>>> styled.data["Ties"].tolist()
['8,371', '4,103']
"""

from __future__ import annotations

import dataclasses
import hashlib
import numbers
from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["show_table", "readable_label"]

_ACRONYMS = {"ci", "se", "ame", "lq", "or", "id", "fips", "naics", "sic", "nuts2", "q"}


def readable_label(label) -> str:
    """``"ci_lower"`` -> ``"CI lower"``, ``"share_local"`` -> ``"Share local"``."""
    words = str(label).replace("_", " ").split()
    words = [word.upper() if word in _ACRONYMS else word for word in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if text else text


def _as_frame(data, value_name: str) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        name = data.name if data.name is not None else value_name
        return data.to_frame(name=name)
    if dataclasses.is_dataclass(data) and not isinstance(data, type):
        fields = {
            field.name: getattr(data, field.name)
            for field in dataclasses.fields(data)
            if isinstance(getattr(data, field.name), numbers.Real | str)
        }
        return pd.Series(fields, dtype=object).to_frame(name=value_name)
    if isinstance(data, Mapping):
        return pd.Series(dict(data), dtype=object).to_frame(name=value_name)
    raise TypeError(
        "data must be a pandas DataFrame or Series, a mapping or a dataclass result, "
        f"got {type(data).__name__}"
    )


def _format(value, digits: int) -> str:
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}".replace("-", "\u2212")
    if isinstance(value, numbers.Real):
        if not np.isfinite(float(value)):
            return "\u2013"  # an en dash for a missing or undefined number
        if float(value).is_integer() and abs(float(value)) < 1e15:
            return f"{int(value):,}".replace("-", "\u2212")
        return f"{float(value):,.{digits}f}".replace("-", "\u2212")
    return str(value)


def show_table(
    data, *, caption: str, digits: int = 3, value_name: str = "value", index_name: str = ""
):
    """A captioned, formatted HTML table of a result, for a chapter's code-cell output.

    Parameters
    ----------
    data : pandas.DataFrame, pandas.Series, mapping or dataclass instance
        The result. A Series becomes one column (named after the Series); a mapping or a
        dataclass becomes one row per entry (its numeric and text fields).
    caption : str
        What the table shows and where its numbers come from (one sentence or two).
    digits : int
        Decimal places of non-integer numbers.
    value_name : str
        Column name for a mapping, a dataclass or an unnamed Series.
    index_name : str
        Header of the row labels (default: the index's name, else "Item"). A default
        0, 1, 2, ... index is not shown.

    Returns
    -------
    pandas.io.formats.style.Styler
        Rendered by Jupyter and the book as an HTML table with a ``<caption>``; its
        ``.data`` holds the formatted text.

    Raises
    ------
    TypeError
        ``data`` of another type.
    ValueError
        An empty table, an empty caption or ``digits`` outside 0 to 10.
    """
    if not isinstance(caption, str) or not caption.strip():
        raise ValueError("caption must be a non-empty string saying what the table shows")
    if (
        isinstance(digits, bool)
        or not isinstance(digits, numbers.Integral)
        or not 0 <= digits <= 10
    ):
        raise ValueError(f"digits must be an integer from 0 to 10, got {digits!r}")
    frame = _as_frame(data, value_name)
    if isinstance(frame.index, pd.MultiIndex):  # each level becomes a headed column
        frame = frame.reset_index()
    if frame.empty:
        raise ValueError("data is empty; there is no table to show")
    shown = frame.map(lambda value: _format(value, int(digits)))
    shown.columns = [readable_label(column) for column in shown.columns]
    if not isinstance(frame.index, pd.RangeIndex):  # row labels become a headed column
        header = index_name or (readable_label(frame.index.name) if frame.index.name else "Item")
        labels = [v.replace("_", " ") if isinstance(v, str) else _format(v, 0) for v in frame.index]
        shown.insert(0, header, labels)
    labelled = not isinstance(frame.index, pd.RangeIndex)
    shown = shown.reset_index(drop=True)
    caption = " ".join(caption.split())
    styler = shown.style.set_caption(caption).hide(axis="index")
    styler = styler.set_uuid(hashlib.sha1(caption.encode()).hexdigest()[:8])  # stable HTML ids
    numeric = [
        label
        for label, column in zip(shown.columns[int(labelled) :], frame.columns, strict=True)
        if pd.api.types.is_numeric_dtype(frame[column])
        or all(isinstance(v, numbers.Real) for v in frame[column])
    ]
    if numeric:  # numbers line up on the right, under a right-aligned header, and never wrap
        styler = styler.set_properties(
            subset=numeric, **{"text-align": "right", "white-space": "nowrap"}
        )
        styler = styler.set_table_styles(
            {label: [{"selector": "th", "props": "text-align: right;"}] for label in numeric},
            overwrite=False,
        )
    return styler.set_table_attributes('class="table clusternet-table"')
