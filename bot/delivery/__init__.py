"""Bulk delivery: one durable outbox, one paced sender, for every channel.

Reminders, announcements, polls and change notices are queued with `Delivery.enqueue` and
go out through the one `Sender`, which keeps the channel's flood limits and leaves interactive
replies their priority.
"""
