"""Files besides pages, one module per kind, each with ``write(site_dir, context)`` given an OutputContext
(context.py), run in order by run.py: share cards and QR codes (cards), pages at old addresses (redirects),
the Atom feed (feeds), the web editor (cms), calendars, statistics CSV, open data. Also the fonts (assets),
the search index (search) and the personal-data scan of the built site (scanner). Imports pages/ and below."""
