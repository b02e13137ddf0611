"""Importers and exporters of office files (plans in Word, PDF or text; lists in spreadsheets; exports)
and the scaffolding of new records. formats.py says which reader reads which imported file. Each takes
typed options and returns typed results and messages: printing and arguments belong to scripts/.
Imports project and below."""
