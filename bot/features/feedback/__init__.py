"""Session feedback polls, comments, and what follows a vote."""
