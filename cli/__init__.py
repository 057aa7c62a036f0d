"""The `vidw-bot` command: the process roots (run, demo) and every subcommand."""
