"""Tests against real components: a DuckDB file and a PostgreSQL server (each test on both),
the real `gealc` command and the site on a test client or a real server."""
