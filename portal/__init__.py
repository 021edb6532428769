"""The submission portal, a Flask blueprint: country focal points and the secretariat, signed in,
send files and review them in the browser. `install` puts it on the site's server; `views` (the
screens), `access` (sessions, roles, warehouse connections), `uploads` (the upload area),
`revisions` (a revision beside the one before) and `texts` (its words in four languages). It is
the write side's web entrance: it uses `etl` and `warehouse`, never the public pages in `app`."""
