"""Venues and practical information: where the halls are, coaches between the cities."""
