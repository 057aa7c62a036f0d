"""How the console names a person: never a full user id on a screen that may be shared."""

from __future__ import annotations


def masked(user_id: int) -> str:
    """'•••4821': enough for an organizer who knows the id, too little for anyone else."""
    if user_id == 0:
        return "—"  # someone who used /forget
    return "•••" + str(user_id)[-4:]
