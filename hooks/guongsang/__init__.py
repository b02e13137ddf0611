"""Gương sáng: the domain package. The folders follow the build, and each may import only those before it:

    diagnostics, lang/                   the editor's report; Vietnamese text, dates and numbers
    settings, paths, urls                typed settings (mkdocs.yml, environment); safe file paths; every address, decided once
    records/                             typed records and their loading (YAML, Markdown, content files), the one YAML writer
    checks/                              every rule between records, one module per subject
    site/                                the linked site model and its views (profiles, campaigns, conferences…)
    pages/                               one class per page kind: its address, template, title and the records it shows
    output/                              files besides pages: cards and QR codes, feeds, calendars, open data, search index, scan
    project                              load → check → link → pages, the entry shared by the build, `make check` and the tests
    office/                              importers and exporters of office files, scaffolding of new records
    mkdocs_adapter/                      the only code that imports MkDocs: its events, the shared frame, serving

tests/test_architecture.py holds the package to this order.
"""
