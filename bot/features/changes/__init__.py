"""Programme changes as the people they affect and the organizers see them."""
