"""The submission portal: country focal points and the secretariat, signed in, send files and
review them in the browser. It is the write side's web entrance, served by the same `gealc serve`
as the public pages (which it does not change): it may import etl/ and indicators/, never the
other way round."""
