"""Questions to the panel: attendees ask (from 30 minutes before a session until its end),
moderators approve, reject, edit, merge and pin them in the console, the room votes, and the
hall's screen shows the pinned question and the most wanted ones."""
