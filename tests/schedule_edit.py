"""Edit a copy of schedule.json the way an organizer would: move, re-room, rename, cancel, add."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.conftest import SCHEDULE


class ScheduleEdit:
    def __init__(self, source: Path = SCHEDULE) -> None:
        self.document: dict[str, Any] = json.loads(source.read_text("utf-8"))
        self.conference = self.document["schedule"]["conference"]

    def _find(self, code: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        for day in self.conference["days"]:
            for events in day["rooms"].values():
                for event in events:
                    if event["code"] == code:
                        return event, events
        raise KeyError(code)

    def version(self, version: str) -> ScheduleEdit:
        self.document["schedule"]["version"] = version
        return self

    def move(self, code: str, minutes: int) -> ScheduleEdit:
        """Start `minutes` later (earlier if negative), same duration."""
        event, _ = self._find(code)
        start = datetime.fromisoformat(event["date"]) + timedelta(minutes=minutes)
        event["date"] = start.isoformat()
        event["start"] = start.strftime("%H:%M")
        return self

    def to_room(self, code: str, room: str) -> ScheduleEdit:
        event, events = self._find(code)
        events.remove(event)
        event["room"] = room
        for day in self.conference["days"]:
            if event["date"][:10] == day["date"][:10]:
                day["rooms"].setdefault(room, []).append(event)
        return self

    def retitle(self, code: str, **titles: str) -> ScheduleEdit:
        """New titles: en= is the event's own title, vi=/fr= its translations."""
        event, _ = self._find(code)
        if "en" in titles:
            event["title"] = titles["en"]
        texts = self.conference["meta"]["vidw"]["events"].setdefault(event["guid"], {})
        texts.setdefault("title", {}).update(titles)
        return self

    def remove(self, code: str) -> ScheduleEdit:
        event, events = self._find(code)
        events.remove(event)
        return self

    def add_like(self, code: str, new_code: str, title: str, minutes: int) -> ScheduleEdit:
        """A new session in the same theme and room as `code`, `minutes` after it."""
        event, events = self._find(code)
        added = copy.deepcopy(event)
        added.update(code=new_code, guid=str(uuid.uuid5(uuid.NAMESPACE_URL, new_code)))
        added.update(id=event["id"] + 1000, title=title, slug=f"added-{new_code.lower()}")
        events.append(added)
        return self.move(new_code, minutes)

    def write(self, path: Path, *, indent: int | None = 1) -> Path:
        path.write_text(json.dumps(self.document, ensure_ascii=False, indent=indent), "utf-8")
        return path
