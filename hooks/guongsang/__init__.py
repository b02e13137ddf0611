"""Gương sáng: the domain package (records, loading, linking, pages). Only mkdocs_build imports MkDocs."""
