"""The entry points, at the edge: `cli` (the `gealc` command), `site` (the public pages and the
portal on one server, for `gealc serve` and WSGI servers), `headers` (the security headers on every
answer) and `config` (the settings, read from the environment once and passed down)."""
