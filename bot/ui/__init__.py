"""What the user sees, as plain data (text + rows of buttons), for any chat channel."""
