"""A consistent copy of the live database."""
