"""Business matching: opt-in profiles, suggestions, meeting requests and confirmed meetings."""
