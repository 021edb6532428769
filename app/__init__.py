"""The read side: the release a request shows (`release`, `context`), read-only `queries`, pure
figure builders (`figures`, `maps`, `labels`), the Dash app (`server`, `pagecache`,
`components`, `filters`, `urls`) and its chart widget (`widget`: views, table, sources and
downloads as tabs in the URL), one folder per page under `pages/` (`page.py`, the Dash layout and
callbacks, beside the pure view logic it draws: `home/headlines.py`, `explorer/measures.py`,
`indicator/progress.py`, `compare/comparison.py`, `country/profile.py`, `un/benchmarks.py`,
`coverage/reporting.py`), downloads, the API and the open-data package, the report (`report`,
`report_model`, `report_html`, `export`) and `display` (how values look in tables). It reads the
warehouse through `warehouse.db` and `warehouse.schema` only, and never imports the write side."""
