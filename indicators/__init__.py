"""What the network measures, as pure domain code (nothing here touches a database, a file
outside its own data or a web page): `catalogue` (dimensions and indicators from
`catalogue.yaml`), `countries` (the members from `countries.yaml`), `scoring` (scores, ranks and
rank ranges), `comparison` (peer groups and the cross-check with the UN sub-indices),
`methodology` (the methodology text), `texts` (the four languages), `cells` (spreadsheet-safe
text) and `yaml_source` (reading the YAML with line numbers for errors)."""
