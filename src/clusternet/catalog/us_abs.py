"""US Annual Business Survey (ABS) tables: innovation by state and innovation partners.

Seven NCSES / Census Bureau tables, copied unchanged into ``data/us-abs/table-<id>/``
(see ``data/us-abs/SOURCE.md``), one spec each, named ``abs_<id>``. Newer tables write
every cell as a text pair ``"['530,124', 'r']"`` (value, flag); these are catalogued as
text and checked against :data:`ABS_PAIR_PATTERN`; ``clusternet.abs_tables`` parses them.
Older tables (4446, 4475, 6176) hold plain numbers.

Used by the global-pipelines chapter (4446, 7451, 7452: partner location) and the Porter
chapter (4475, 6176, 7427, 9007: innovation by state).
"""

from __future__ import annotations

from clusternet.dataspec import DatasetSpec

__all__ = ["ABS_PAIR_PATTERN", "ABS_TABLES", "DATASETS"]

#: A text-pair cell: ``['<value or &nbsp; or D>', '<flag or &nbsp;>']``.
ABS_PAIR_PATTERN = r"\['[^']*', '[^']*'\]"

_SOURCE = (
    "National Center for Science and Engineering Statistics and U.S. Census Bureau, Annual "
    "Business Survey; CSV conversion by bq-org/ncses_stats_explorer_placeholder (commit "
    "1f879ab), output/tables/<id>/data.csv; see data/us-abs/SOURCE.md"
)
_LICENCE = "Public domain (US Government work, 17 U.S.C. 105); see LICENSE.md beside the file"

#: id -> (title, row dimension, number of levels, value fields, cell kind, rows, SHA-256)
ABS_TABLES = {
    "4446": (
        "Innovating companies, by type and location of cooperation partner and size of "
        "company: 2015-17 (first row: count of companies; other rows: percent)",
        "type_and_location_of_cooperation_partner",
        3,
        (
            "all_companies",
            "companies_with_1_9_employees",
            "companies_with_10_49_employees",
            "companies_with_50_249_employees",
            "companies_with_250_employees",
        ),
        "float",
        37,
        "20f90624a34b445468788d3424c8864a51379b066cd89db1f6307678361299ba",
    ),
    "4475": (
        "Incidence of product and process innovation in companies, by state: 2015-17",
        "state",
        2,
        (
            "companies_number_",
            "product_innovation_yes",
            "product_innovation_no",
            "process_innovation_yes",
            "process_innovation_no",
        ),
        "float",
        53,
        "13e78de29265da62c4f74ea133309936afe0c1d20621d6fa557aba4380292527",
    ),
    "6176": (
        "Companies with product or business process innovation, by state: 2016-18",
        "state",
        2,
        (
            "companies_number_",
            "product_or_business_process_innovation_percent_yes",
            "product_or_business_process_innovation_percent_no",
            "product_innovation_percent_yes",
            "product_innovation_percent_no",
            "business_process_innovation_percent_yes",
            "business_process_innovation_percent_no",
        ),
        "float",
        53,
        "eab03734f547543e5faeb11d96c3e37541be65d2d8f4753478cebbe66af5a739",
    ),
    "7427": (
        "Companies with product or business process innovation, by state: 2017-19",
        "state",
        2,
        (
            "companies_number_",
            "product_or_business_process_innovation_number_yes",
            "product_or_business_process_innovation_number_no",
            "product_or_business_process_innovation_percent_yes",
            "product_or_business_process_innovation_percent_no",
        ),
        "pair",
        53,
        "1e03a9416e7efe8d85331de42f6672c0f5b75ecf4fa67ce8e4cba48e53b847cc",
    ),
    "7451": (
        "Product innovating companies and partners, by location of partner and industry: 2017-19",
        "industry",
        5,
        (
            "all_companies",
            "any_cooperation_partner_in_the_united_states",
            "any_cooperation_partner_in_canada_or_mexico",
            "any_cooperation_partner_in_the_rest_of_the_world",
        ),
        "pair",
        71,
        "61e1164bac5e8ec4f7086dcd3ffac587afeac2e15dd6e3b96132e0521a68d960",
    ),
    "7452": (
        "Product innovating companies and partners, by location of partner and company "
        "size: 2017-19",
        "employment_size",
        3,
        (
            "all_companies",
            "any_cooperation_partner_in_the_united_states",
            "any_cooperation_partner_in_canada_or_mexico",
            "any_cooperation_partner_in_the_rest_of_the_world",
        ),
        "pair",
        17,
        "3f9720a866320ceb2b97ea545d333d7c4d44a64b9cdcfc02dbe33732b652ac20",
    ),
    "9007": (
        "Product innovating companies by state: 2018-20",
        "state",
        2,
        (
            "companies_number_",
            "product_innovation_number_yes",
            "product_innovation_number_no",
            "product_innovation_percent_yes",
            "product_innovation_percent_no",
        ),
        "pair",
        53,
        "e9ff4a250920add20f3b8ac4c8ff249057ec1988dbd15590e98d07f851ff6451",
    ),
}


def _abs_spec(table_id: str) -> DatasetSpec:
    title, dimension, levels, fields, cells, rows, sha256 = ABS_TABLES[table_id]
    level_columns = [f"{dimension}_level_{k}" for k in range(1, levels + 1)]
    columns = {
        "table_id": "int",
        "row_id": "str",
        f"{dimension}_full_path": "str",
        **dict.fromkeys(level_columns, "str"),
        f"{dimension}_hierarchy_depth": "int",
    }
    if table_id == "7451":
        columns["field_naics_code"] = "str"
    value_columns = [f"field_{f}" for f in fields]
    columns |= dict.fromkeys(value_columns, "str" if cells == "pair" else "float")
    # the top row has only level 1; a heading row of 4446 has no values
    nullable = tuple(level_columns[1:])
    if table_id == "4446":
        nullable += tuple(value_columns)
    return DatasetSpec(
        name=f"abs_{table_id}",
        path=f"us-abs/table-{table_id}/data.csv",
        description=f"ABS table {table_id}: {title}",
        columns=columns,
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=(
            (f"{dimension}_hierarchy_depth",) + (tuple(value_columns) if cells != "pair" else ())
        ),
        unique=("row_id",),
        allowed={"table_id": (int(table_id),)},
        nullable=nullable,
        units={
            c: (
                "text pair: value (thousands commas; number of companies or percent) and "
                "flag (i imputed, r revised, D suppressed)"
                if cells == "pair"
                else "number of companies (count columns) or percent of companies"
            )
            for c in value_columns
        },
        rows=rows,
        sha256=sha256,
        patterns={
            "row_id": r"r\d{3}",
            **(dict.fromkeys(value_columns, ABS_PAIR_PATTERN) if cells == "pair" else {}),
        },
    )


DATASETS = [_abs_spec(table_id) for table_id in ABS_TABLES]
