"""Session feedback polls, comments, and the /feedback picker."""
