"""Every rule between records, one module per subject; each reports into the editor's Report and changes
nothing. Imports records/ and below."""
