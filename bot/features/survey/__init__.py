"""The event survey, one native poll per question."""
