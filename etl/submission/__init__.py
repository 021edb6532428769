"""A submission file and its rules, as pure functions (no database, no web): `read` (encodings,
delimiters, decimal commas, sheets), `columns` (headings in four languages), `numbers` (cell to
number), `validate` (rules from the catalogue and against earlier values), `findings` (what a
rule found), `messages` (its words in es/en/pt/fr), `receipt` (what the country reads) and
`checking` (reading and checking one file, shared by the loader and the prechecker)."""
