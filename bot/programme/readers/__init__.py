"""The formats a programme arrives in, each read into a schedule.json v1 document: JSON (v1,
or v2 "hub"), a spreadsheet (the `schedule-template` layout) or a CSV of sessions."""
