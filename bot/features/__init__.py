"""One package per feature: its rules (service), what the user sees (screens), its CLI."""
