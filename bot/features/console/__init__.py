"""The staff console's access: one-time login links (/console in the chat, `vidw-bot
console-link`), browser sessions, and the audit log of what staff did. The pages themselves
are in web/console/."""
