from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings


def test_defaults_without_any_variable() -> None:
    settings = Settings.from_env({}, dotenv=None)
    assert settings.token is None
    assert settings.base_url == "https://api.telegram.org/bot"
    assert settings.base_file_url == "https://api.telegram.org/file/bot"
    assert settings.db_path == Path("data/vidw.db")
    assert settings.schedule_path.name == "schedule.json"


def test_all_variables_are_read() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "1:abc",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "VIDW_DB": "/tmp/x.db",
            "VIDW_SCHEDULE": "other.json",
            "VIDW_ORGANIZERS": "1, 2",
            "VIDW_STAFF": "3",
            "VIDW_NOW": "2025-10-27T08:30+07:00",
        },
        dotenv=None,
    )
    assert settings.token == "1:abc"
    assert settings.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert settings.organizers == {1, 2}
    assert settings.staff == {3}
    assert settings.rehearsal_start is not None
    assert settings.rehearsal_start.utcoffset() == timedelta(hours=7)


def test_dotenv_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("TELEGRAM_BOT_TOKEN=from-file\nVIDW_STAFF=7\n", encoding="utf-8")
    settings = Settings.from_env({"VIDW_STAFF": "8"}, dotenv=dotenv)
    assert settings.token == "from-file"
    assert settings.staff == {8}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VIDW_NOW", "tomorrow morning"),
        ("VIDW_NOW", "2025-10-27T08:30"),
        ("VIDW_ORGANIZERS", "12,alice"),
        ("TELEGRAM_BASE_URL", "ftp://example.org"),
    ],
)
def test_invalid_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value}, dotenv=None)
