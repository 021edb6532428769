"""The tests: `unit` (pure functions, no server), `integration` (a real DuckDB file and a real
PostgreSQL server the tests start on loopback), `browser` (headless Chromium against a served
site); `helpers` and `portal_helpers` run the real command and site as a user would."""
