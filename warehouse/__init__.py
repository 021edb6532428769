"""The warehouse every side uses: `db` (connections to a DuckDB file or a PostgreSQL server, and
the bulk inserts), `schema` (every table and documented view, SQLAlchemy Core), and the write
side's SQL by what it stores: `submissions` (files, revisions, observations, issues, reviews,
uploads), `releases`, `scores`, `reference` (catalogue, countries, UN figures), `audit` and
`accounts`. The read side's SQL is in `app.release` and `app.queries`."""
