"""The submission portal, a Flask blueprint: country focal points and the secretariat, signed in,
send files and review them in the browser. `install` puts it on the site's server; `views` (the
screens), `access` (sessions, roles, the page's language, warehouse connections), `uploads` (the
upload area), `revisions` (a revision beside the one before) and `texts` (the names of the codes
it shows, marked for the catalogues; its words are in `locales`). It is the write side's web
entrance: it uses `etl` and `warehouse`, never the public pages in `app`."""
