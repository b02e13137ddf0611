"""Vietnamese text, dates and numbers: sorting, tone-free keys, document numbers, legal references,
old font encodings, spreadsheet cells. Imports nothing of the package but diagnostics."""
