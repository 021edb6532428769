"""The write side's use cases: `build` (schema, reference tables, UN figures, demo data), `load`
(one transaction per file, with `prechecker` checking a batch ahead in a second process),
`intake` (a portal upload), `review`, `publish`, `scores` (kept in step with the values),
`accounts` (portal sign-in and account changes), `template`, `demo`, `un_egov` and `reference`
(the UN survey files and the tables made from the catalogue), `methodology` (the generated
document), with `errors`, `paths` and `progress`. What a submission file is and the rules it must
meet are pure functions in `etl.submission`; the SQL is in `warehouse`."""
