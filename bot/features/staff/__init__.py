"""Organizers grant and revoke staff; the /staff screens."""
