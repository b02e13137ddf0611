"""Importers and exporters of office files (plans in Word, PDF or text; lists in spreadsheets; exports)
and the scaffolding of new records. Returns results and messages: printing and arguments belong to
scripts/. Imports project and below."""
