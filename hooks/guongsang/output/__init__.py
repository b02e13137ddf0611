"""Files besides pages: share cards and QR codes, open data, the web editor's configuration, fonts,
the personal-data scanner. Imports pages/ and below."""
