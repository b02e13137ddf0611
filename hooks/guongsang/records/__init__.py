"""Typed records and their loading: the models (the one place where YAML keys meet English names),
YAML with positions, Markdown records (documents, stories), content files, the ledger of published
addresses, the consent law the records carry, and the one YAML writer. The rules between records are
checks/'s. Imports lang/, diagnostics, settings, paths and urls."""
