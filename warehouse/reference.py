"""The reference tables (catalogue, countries, subregions) and the external benchmarks (the UN
E-Government Survey, the World Bank GTMI): replaced whole by `gealc build`, upserted by survey
year by `gealc egov load` and `gealc gtmi load`."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, delete
from sqlalchemy.engine import Connection

from warehouse import schema
from warehouse.db import insert_frame


def replace_reference(conn: Connection, frames: dict[str, pd.DataFrame]) -> None:
    """Replace each named reference table's content by its frame."""
    for name, frame in frames.items():
        table = schema.metadata.tables[name]
        conn.execute(delete(table))
        insert_frame(conn, table, frame)


def upsert_egov(conn: Connection, frame: pd.DataFrame) -> int:
    """Write UN survey rows, replacing any earlier row for the same country and survey year."""
    table = schema.un_egov
    for year, rows in frame.groupby("survey_year"):
        conn.execute(
            delete(table).where(
                and_(table.c.survey_year == int(year), table.c.iso3.in_(rows["iso3"].tolist()))
            )
        )
    return insert_frame(conn, table, frame)


def upsert_gtmi(conn: Connection, composites: pd.DataFrame, indicators: pd.DataFrame) -> int:
    """Write GTMI rows, replacing any earlier row for the same economy and survey year (an
    economy's indicators of a survey are replaced together); returns how many rows."""
    for table, frame in ((schema.gtmi_composite, composites), (schema.gtmi_indicator, indicators)):
        for year, rows in frame.groupby("year"):
            codes = sorted(set(rows["iso3"]))
            conn.execute(
                delete(table).where(and_(table.c.year == int(year), table.c.iso3.in_(codes)))
            )
    return insert_frame(conn, schema.gtmi_composite, composites) + insert_frame(
        conn, schema.gtmi_indicator, indicators
    )
