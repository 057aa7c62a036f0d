"""The schema, as an append-only list: entry N moves the database to version N+1.

Never edit an entry that has shipped; add a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: users
    """
    CREATE TABLE users (
        id          INTEGER PRIMARY KEY,   -- Telegram user id (= private chat id)
        language    TEXT NOT NULL,         -- vi, en or fr
        role        TEXT NOT NULL DEFAULT 'attendee',
        first_seen  TEXT NOT NULL,         -- UTC, ISO 8601
        last_seen   TEXT NOT NULL,
        blocked     INTEGER NOT NULL DEFAULT 0,
        last_query  TEXT                   -- so search results can page after a restart
    );
    """,
    # 2: the outbox every bulk message goes through
    """
    CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY,
        batch       TEXT NOT NULL,          -- e.g. 'announcement:12': progress and cancel
        kind        TEXT NOT NULL,          -- reminder, announcement, poll, change
        chat_id     INTEGER NOT NULL,
        payload     TEXT NOT NULL,          -- JSON, already in the recipient's language
        dedupe_key  TEXT NOT NULL UNIQUE,   -- the same message is never queued twice
        status      TEXT NOT NULL DEFAULT 'pending',
                    -- pending, sending, sent, failed, blocked, cancelled
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        not_before  TEXT NOT NULL,          -- UTC: not sent before (backoff, scheduling)
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        message_id  INTEGER                 -- Telegram's id once sent
    );
    CREATE INDEX outbox_due ON outbox (status, not_before, id);
    CREATE INDEX outbox_batch ON outbox (batch, status);
    """,
    # 3: personal agenda, reminder settings, reminder bookkeeping, outbox priority/expiry
    """
    ALTER TABLE users ADD COLUMN lead_minutes INTEGER NOT NULL DEFAULT 15;
    ALTER TABLE users ADD COLUMN reminders_on INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE users ADD COLUMN featured_on INTEGER NOT NULL DEFAULT 1;
    CREATE TABLE follows (
        user_id      INTEGER NOT NULL,
        session_guid TEXT NOT NULL,        -- guids survive schedule updates; codes may not
        created_at   TEXT NOT NULL,
        PRIMARY KEY (user_id, session_guid)
    );
    CREATE INDEX follows_by_session ON follows (session_guid);
    CREATE TABLE theme_follows (
        user_id      INTEGER NOT NULL,
        track_slug   TEXT NOT NULL,        -- covers sessions added to the theme later
        created_at   TEXT NOT NULL,
        PRIMARY KEY (user_id, track_slug)
    );
    CREATE INDEX theme_follows_by_track ON theme_follows (track_slug);
    ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE outbox ADD COLUMN expires_at TEXT;  -- not sent after this (a reminder's start)
    CREATE INDEX outbox_next ON outbox (status, priority DESC, id);
    CREATE TABLE state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 4: feedback polls, answers by option key (never by text), comments
    """
    CREATE TABLE polls (
        poll_id     TEXT PRIMARY KEY,      -- Telegram's id for the poll one user received
        subject     TEXT NOT NULL,         -- 'session:<guid>' or 'survey:<survey id>'
        question    TEXT NOT NULL,         -- 'rating', or a survey question key
        user_id     INTEGER NOT NULL,
        language    TEXT NOT NULL,
        options     TEXT NOT NULL,         -- JSON: the option keys, in the order shown
        message_id  INTEGER NOT NULL,
        sent_at     TEXT NOT NULL,
        closed      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX polls_open ON polls (closed, sent_at);
    CREATE TABLE answers (
        subject     TEXT NOT NULL,
        question    TEXT NOT NULL,
        user_id     INTEGER NOT NULL,
        option_key  TEXT NOT NULL,
        language    TEXT NOT NULL,         -- the language the question was asked in
        answered_at TEXT NOT NULL,
        PRIMARY KEY (subject, question, user_id, option_key)
    );
    CREATE TABLE comments (
        id          INTEGER PRIMARY KEY,
        subject     TEXT NOT NULL,
        user_id     INTEGER NOT NULL,
        language    TEXT NOT NULL,
        text        TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX comments_by_subject ON comments (subject);
    ALTER TABLE users ADD COLUMN awaiting_comment TEXT;  -- subject the next text comments on
    """,
    # 5: organizer broadcasts
    """
    CREATE TABLE broadcasts (
        id               INTEGER PRIMARY KEY,
        organizer_id     INTEGER NOT NULL,
        audience         TEXT NOT NULL,     -- all | lang:<vi> | session:<guid> | theme:<slug>
        texts            TEXT NOT NULL DEFAULT '{}',  -- JSON {"all": html} or {"vi": html, ...}
        photo            TEXT,              -- a photo's file id; the texts are then captions
        default_language TEXT NOT NULL DEFAULT 'en',  -- for recipients without their version
        status           TEXT NOT NULL DEFAULT 'draft',  -- draft, sending, done, cancelled
        created_at       TEXT NOT NULL,
        sent_at          TEXT,
        progress_chat    INTEGER,           -- the organizer's message that shows progress
        progress_message INTEGER
    );
    ALTER TABLE users ADD COLUMN composing TEXT;  -- '<broadcast id>:<all|vi|en|fr>' while writing
    """,
    # 6: staff granted in the chat by an organizer (staff from VIDW_STAFF are not stored)
    """
    CREATE TABLE staff_grants (
        user_id    INTEGER PRIMARY KEY,
        granted_by INTEGER NOT NULL,
        granted_at TEXT NOT NULL
    );
    """,
    # 7: users of other channels (Zalo): their own ids, above every Telegram id
    """
    CREATE TABLE channel_users (
        user_id     INTEGER PRIMARY KEY,   -- the bot's user id (>= 2^53, never a Telegram id)
        channel     TEXT NOT NULL,         -- 'zalo'
        external_id TEXT NOT NULL,         -- the channel's own id for the user (a string)
        pending     TEXT,                  -- JSON: what the numbers in the last message mean
        UNIQUE (channel, external_id)
    );
    """,
    # 8: the staff console: one-time login links, browser sessions, and who did what
    """
    CREATE TABLE console_links (
        nonce_hash  TEXT PRIMARY KEY,      -- sha256 of the link's nonce; the link is not kept
        user_id     INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        used_at     TEXT                   -- single use: set once, by the first redeem
    );
    CREATE TABLE console_sessions (
        id_hash     TEXT PRIMARY KEY,      -- sha256 of the cookie's value
        user_id     INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        agent       TEXT NOT NULL DEFAULT '',  -- the browser, as it says (for the list)
        language    TEXT,                  -- chosen on the console; NULL: the user's own
        revoked_at  TEXT
    );
    CREATE INDEX console_sessions_by_user ON console_sessions (user_id);
    CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        user_id     INTEGER NOT NULL,      -- who did it
        action      TEXT NOT NULL,         -- login, logout, revoke-session, announce, ...
        detail      TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_by_time ON audit (at);
    """,
    # 9: questions to the panel (Q&A): asked, moderated, voted; moderators per session;
    # presenter screens opened by a revocable link
    """
    CREATE TABLE questions (
        id           INTEGER PRIMARY KEY,
        session_guid TEXT NOT NULL,
        user_id      INTEGER NOT NULL,
        language     TEXT NOT NULL,         -- the language it was written in, as detected
        text         TEXT NOT NULL,         -- as shown: the moderator may have edited it
        asked_text   TEXT NOT NULL,         -- as the attendee wrote it
        signature    TEXT,                  -- "name, organization" as typed; NULL: anonymous
        status       TEXT NOT NULL DEFAULT 'pending',  -- approved rejected withdrawn answered …
        reason       TEXT,                  -- a rejection's reason, for the author
        merged_into  INTEGER,               -- a duplicate's question (its votes moved there)
        pinned       INTEGER NOT NULL DEFAULT 0,  -- "now being answered" (one per session)
        moderated_by INTEGER,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX questions_by_session ON questions (session_guid, status);
    CREATE INDEX questions_by_user ON questions (user_id, session_guid);
    CREATE TABLE question_votes (
        question_id  INTEGER NOT NULL,
        user_id      INTEGER NOT NULL,      -- negative after /forget: a count, nobody's
        voted_at     TEXT NOT NULL,
        PRIMARY KEY (question_id, user_id)
    ) WITHOUT ROWID;
    CREATE TABLE moderators (
        session_guid TEXT NOT NULL,
        user_id      INTEGER NOT NULL,
        granted_by   INTEGER NOT NULL,
        granted_at   TEXT NOT NULL,
        PRIMARY KEY (session_guid, user_id)
    );
    CREATE TABLE presenter_links (
        token_hash   TEXT PRIMARY KEY,      -- sha256 of the link's token
        session_guid TEXT NOT NULL,
        created_by   INTEGER NOT NULL,
        created_at   TEXT NOT NULL,
        revoked_at   TEXT
    );
    ALTER TABLE users ADD COLUMN asking TEXT;  -- '<q|s>:<session guid|question>:<until>'
    """,
    # 10: live polls started from the console during a session (answers: the answers table,
    # subject 'live:<id>'); who opened a session's card, and when last (who gets its polls)
    """
    CREATE TABLE live_polls (
        id           INTEGER PRIMARY KEY,
        session_guid TEXT NOT NULL,
        texts        TEXT NOT NULL,         -- JSON {"question": {lang: text}, "options": [...]}
        multiple     INTEGER NOT NULL DEFAULT 0,
        started_by   INTEGER NOT NULL,
        started_at   TEXT NOT NULL,
        sent         INTEGER NOT NULL DEFAULT 0,  -- how many attendees it was queued for
        closed_by    INTEGER,
        closed_at    TEXT,
        results      TEXT                   -- JSON, at closing: by_language, respondents
    );
    CREATE INDEX live_polls_by_session ON live_polls (session_guid, id);
    -- One open poll per session: of two moderators starting one at once, one wins.
    CREATE UNIQUE INDEX live_polls_one_open ON live_polls (session_guid) WHERE closed_at IS NULL;
    CREATE TABLE card_opens (
        session_guid TEXT NOT NULL,
        user_id      INTEGER NOT NULL,
        opened_at    TEXT NOT NULL,         -- UTC, the latest opening only
        PRIMARY KEY (session_guid, user_id)
    ) WITHOUT ROWID;
    """,
    # 11: the exhibition's leads: contacts attendees chose to share with an exhibitor, the
    # one being typed, and the exhibitor staff (each tied to one booth) who receive them
    """
    CREATE TABLE exhibitor_staff (
        user_id      INTEGER PRIMARY KEY,   -- one booth each
        booth        TEXT NOT NULL,         -- "B12", as in data/exhibitors.json
        granted_by   INTEGER NOT NULL,
        granted_at   TEXT NOT NULL
    );
    CREATE INDEX exhibitor_staff_by_booth ON exhibitor_staff (booth);
    CREATE TABLE leads (
        user_id      INTEGER NOT NULL,      -- the attendee who confirmed sharing it
        booth        TEXT NOT NULL,
        name         TEXT NOT NULL,
        organization TEXT NOT NULL,
        role         TEXT NOT NULL,
        contact      TEXT NOT NULL,         -- an e-mail address or a phone number
        shared_at    TEXT NOT NULL,
        PRIMARY KEY (user_id, booth)
    ) WITHOUT ROWID;
    CREATE INDEX leads_by_booth ON leads (booth, shared_at);
    CREATE TABLE lead_drafts (
        user_id      INTEGER PRIMARY KEY,   -- nothing here is shared: it awaits confirmation
        booth        TEXT NOT NULL,
        fields       TEXT NOT NULL,         -- JSON: what was typed so far
        until        TEXT NOT NULL          -- typed later, text is read as anything else
    );
    """,
    # 12: business matching: opt-in profiles, meeting requests, and the bookings that keep a
    # person or a table from being booked twice in one slot (the primary keys refuse it)
    """
    CREATE TABLE matching_profiles (
        id           INTEGER PRIMARY KEY,   -- what buttons carry (user ids are too long)
        user_id      INTEGER NOT NULL UNIQUE,
        organization TEXT NOT NULL DEFAULT '',
        role         TEXT NOT NULL DEFAULT '',
        country      TEXT NOT NULL DEFAULT '',
        themes       TEXT NOT NULL DEFAULT '',  -- theme slugs, comma-separated
        offering     TEXT NOT NULL DEFAULT '',  -- interest codes, comma-separated
        seeking      TEXT NOT NULL DEFAULT '',
        about        TEXT NOT NULL DEFAULT '',
        visible      INTEGER NOT NULL DEFAULT 0,  -- opted in: seen by other opted-in people
        typing       TEXT,                  -- '<what>:<target>:<until>': the next text typed
        updated_at   TEXT NOT NULL
    );
    CREATE TABLE matching_requests (
        id           INTEGER PRIMARY KEY,
        from_user    INTEGER NOT NULL,
        to_user      INTEGER NOT NULL,
        slot         INTEGER NOT NULL,      -- the meeting's start, in minutes since 1970 (UTC)
        message      TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'pending',  -- accepted declined expired cancelled
        awaiting     INTEGER NOT NULL,      -- who answers next (a counter-proposal turns it)
        table_no     INTEGER,
        no_show      INTEGER NOT NULL DEFAULT 0,  -- marked by staff at the desk
        expires_at   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX matching_one_pending_per_pair
        ON matching_requests (min(from_user, to_user), max(from_user, to_user))
        WHERE status = 'pending';
    CREATE INDEX matching_requests_by_status ON matching_requests (status, expires_at);
    CREATE TABLE matching_bookings (
        user_id      INTEGER NOT NULL,
        slot         INTEGER NOT NULL,
        request_id   INTEGER NOT NULL,
        PRIMARY KEY (user_id, slot)
    ) WITHOUT ROWID;
    CREATE TABLE matching_tables (
        slot         INTEGER NOT NULL,
        table_no     INTEGER NOT NULL,
        request_id   INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (slot, table_no)
    ) WITHOUT ROWID;
    """,
    # 13: the exhibition's visits: who opened an exhibitor's card, the latest time and how
    # often (the organizers count distinct attendees per booth)
    """
    CREATE TABLE exhibitor_visits (
        booth        TEXT NOT NULL,
        user_id      INTEGER NOT NULL,
        opened_at    TEXT NOT NULL,         -- UTC, the latest opening only
        opens        INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (booth, user_id)
    ) WITHOUT ROWID;
    """,
)
