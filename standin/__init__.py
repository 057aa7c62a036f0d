"""API stand-ins on loopback HTTP (tests, the demo, benchmarks): telegram/ and zalo/, and
common/, the plumbing both share."""
