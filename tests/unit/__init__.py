"""Unit tests, mirroring the source tree."""
