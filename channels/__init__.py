"""The messengers the bot serves, as peers: each imports bot/, bot/ imports none of them."""
