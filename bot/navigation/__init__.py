"""Dispatching what people send to the features: the navigator over the route table, and what
follows a vote (a feedback comment offer, or the survey's next question)."""
