"""Every rule between records, one module per subject (units, campaigns, criteria, awards, honorees,
consent, images, stories, conferences, documents; then, on the linked site's plain values, the ledger,
links, personal data and withdrawn names); each reports into the editor's Report and changes nothing.
run.py runs the record checks in order: a new rule is a function of its subject's module, registered
there. Loading stays in records/; field shapes stay in the models. Imports records/ and below."""
