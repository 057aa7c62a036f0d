"""The personal agenda: followed sessions and themes, clashes, the iCalendar file, a session's
card."""
