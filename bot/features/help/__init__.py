"""/help: the commands, the programme version and the time zone."""
