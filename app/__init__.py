"""The read side: the release a request shows (`release`, `context`), read-only `queries`, pure
figure builders (`figures`, `maps`, `headlines`, `compare`, `profile`, `uncompare`, `coverage`,
`explorer`), the Dash app (`server`, `pagecache`, `components`, `filters`, `urls`, `pages/`),
downloads, the API and the open-data package, the report (`report`, `report_model`,
`report_html`, `export`) and `display` (how values look in tables). It reads the warehouse
through `warehouse.db` and `warehouse.schema` only, and never imports the write side."""
