"""Typed records and their loading: the models (the one place where YAML keys meet English names),
YAML with positions, Markdown records (documents, stories), content files, the consent law the records
carry, and the one YAML writer. Imports lang/, diagnostics, settings, paths and urls."""
