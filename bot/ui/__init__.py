"""What the user sees and what they can do, as plain data for any chat channel: screens of
text and buttons, the typed actions buttons carry, and the route table the features fill in."""
