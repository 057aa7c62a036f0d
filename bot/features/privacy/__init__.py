"""/privacy and /forget."""
