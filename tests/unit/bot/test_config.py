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


def webhook_env(**extra: str) -> dict[str, str]:
    return {
        "VIDW_WEBHOOK_URL": "https://bot.example.org/telegram/vidw",
        "VIDW_WEBHOOK_SECRET": "s3cret_-TOKEN",
        **extra,
    }


def test_no_webhook_url_means_long_polling() -> None:
    assert Settings.from_env({}, dotenv=None).webhook is None


def test_webhook_settings_with_the_default_listen_address() -> None:
    webhook = Settings.from_env(webhook_env(), dotenv=None).webhook
    assert webhook is not None
    assert webhook.url == "https://bot.example.org/telegram/vidw"
    assert webhook.secret == "s3cret_-TOKEN"
    assert (webhook.host, webhook.port) == ("127.0.0.1", 8443)
    assert webhook.path == "/telegram/vidw"


@pytest.mark.parametrize(
    ("listen", "host", "port"),
    [
        ("0.0.0.0:8080", "0.0.0.0", 8080),
        ("[::1]:9000", "::1", 9000),
        ("localhost:80", "localhost", 80),
    ],
)
def test_webhook_listen_address(listen: str, host: str, port: int) -> None:
    webhook = Settings.from_env(webhook_env(VIDW_WEBHOOK_LISTEN=listen), dotenv=None).webhook
    assert webhook is not None and (webhook.host, webhook.port) == (host, port)


def test_a_webhook_url_without_a_path_is_served_at_the_root() -> None:
    env = webhook_env(VIDW_WEBHOOK_URL="https://bot.example.org:8443")
    webhook = Settings.from_env(env, dotenv=None).webhook
    assert webhook is not None and webhook.path == "/"


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("VIDW_WEBHOOK_URL", "http://bot.example.org/hook", "https"),
        ("VIDW_WEBHOOK_URL", "https:///hook", "https"),
        ("VIDW_WEBHOOK_URL", "https://bot.example.org:8080/hook", "443, 80, 88, 8443"),
        ("VIDW_WEBHOOK_URL", "https://bot.example.org:https/hook", "invalid port"),
        ("VIDW_WEBHOOK_SECRET", "", "required"),
        ("VIDW_WEBHOOK_SECRET", "x" * 257, "257 characters"),
        ("VIDW_WEBHOOK_LISTEN", "8443", "host:port"),
        ("VIDW_WEBHOOK_LISTEN", "127.0.0.1:99999", "host:port"),
        ("VIDW_WEBHOOK_LISTEN", "127.0.0.1:", "host:port"),
    ],
)
def test_invalid_webhook_settings_name_the_variable(name: str, value: str, hint: str) -> None:
    with pytest.raises(ConfigError, match=name) as raised:
        Settings.from_env(webhook_env(**{name: value}), dotenv=None)
    assert hint in str(raised.value)


def test_an_invalid_secret_is_described_but_never_echoed() -> None:
    secret = "almost-right but has spaces"
    with pytest.raises(ConfigError, match="A-Z, a-z, 0-9, _ and -") as raised:
        Settings.from_env(webhook_env(VIDW_WEBHOOK_SECRET=secret), dotenv=None)
    assert secret not in str(raised.value)


def test_tokens_and_secrets_never_reach_a_repr() -> None:
    secrets = {
        "TELEGRAM_BOT_TOKEN": "123456:telegram-token-secret",
        "VIDW_WEBHOOK_URL": "https://bot.example.org/telegram/vidw",
        "VIDW_WEBHOOK_SECRET": "webhook-secret-value",
        "ZALO_BOT_TOKEN": "zalo-token-secret",
        "ZALO_WEBHOOK_URL": "https://bot.example.org/zalo",
        "ZALO_WEBHOOK_SECRET": "zalo-webhook-secret",
    }
    settings = Settings.from_env(secrets, dotenv=None)
    shown = f"{settings!r} {settings.webhook!r} {settings.zalo!r}"
    assert settings.webhook is not None and settings.zalo is not None
    for name in ("TELEGRAM_BOT_TOKEN", "VIDW_WEBHOOK_SECRET", "ZALO_BOT_TOKEN"):
        assert secrets[name] not in shown, name
    assert secrets["ZALO_WEBHOOK_SECRET"] not in shown
    assert "bot.example.org" in shown  # the rest is still there to debug with


def test_the_schedule_may_be_an_https_url_kept_beside_the_database() -> None:
    url = "https://pretalx.example.org/conf/schedule/export/schedule.json"
    settings = Settings.from_env(
        {"VIDW_SCHEDULE": url, "VIDW_DB": "/srv/vidw/vidw.db"}, dotenv=None
    )
    assert settings.schedule_url == url
    assert settings.schedule_path == Path("/srv/vidw/schedule.from-url.json")
    local = Settings.from_env({"VIDW_SCHEDULE": "http://127.0.0.1:8000/s.json"}, dotenv=None)
    assert local.schedule_url == "http://127.0.0.1:8000/s.json"
    assert Settings.from_env({}, dotenv=None).schedule_url is None


def test_a_plain_http_schedule_url_elsewhere_is_refused() -> None:
    with pytest.raises(ConfigError, match="VIDW_SCHEDULE must be a file or an https URL"):
        Settings.from_env({"VIDW_SCHEDULE": "http://pretalx.example.org/s.json"}, dotenv=None)


@pytest.mark.parametrize("name", ["VIDW_PAID_BROADCAST", "VIDW_EXPORT_USER_IDS"])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        (" TRUE ", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("", False),
    ],
)
def test_every_on_off_setting_reads_the_same_words(name: str, raw: str, expected: bool) -> None:
    settings = Settings.from_env({name: raw}, dotenv=None)
    field = "paid_broadcast" if name == "VIDW_PAID_BROADCAST" else "export_user_ids"
    assert getattr(settings, field) is expected


@pytest.mark.parametrize("name", ["VIDW_PAID_BROADCAST", "VIDW_EXPORT_USER_IDS"])
@pytest.mark.parametrize("raw", ["on", "2", "oui", "yes please"])
def test_any_other_word_for_an_on_off_setting_is_refused_naming_it(name: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=rf"{name} must be 1/0, true/false or yes/no, got"):
        Settings.from_env({name: raw}, dotenv=None)


def test_health_is_served_on_loopback_by_default_elsewhere_or_not_at_all() -> None:
    assert Settings.from_env({}, dotenv=None).health_listen == ("127.0.0.1", 9108)
    chosen = Settings.from_env({"VIDW_HEALTH_LISTEN": "0.0.0.0:9200"}, dotenv=None)
    assert chosen.health_listen == ("0.0.0.0", 9200)
    assert Settings.from_env({"VIDW_HEALTH_LISTEN": "off"}, dotenv=None).health_listen is None
    assert Settings().health_listen is None  # built in code (tests): none unless asked
    with pytest.raises(ConfigError, match="VIDW_HEALTH_LISTEN must be host:port"):
        Settings.from_env({"VIDW_HEALTH_LISTEN": "9108"}, dotenv=None)


def test_the_console_listens_on_loopback_unless_told_and_checks_its_settings() -> None:
    default = Settings.from_env({}, dotenv=None)
    assert default.console_listen == ("127.0.0.1", 8080)
    assert default.console_base_url == "http://127.0.0.1:8080"
    assert Settings.from_env({"VIDW_CONSOLE_LISTEN": "off"}, dotenv=None).console_listen is None
    chosen = Settings.from_env(
        {"VIDW_CONSOLE_URL": "https://bot.example.org/", "VIDW_CONSOLE_SECRET": "s" * 40},
        dotenv=None,
    )
    assert chosen.console_base_url == "https://bot.example.org"
    assert "s" * 40 not in repr(chosen)
    for bad in ({"VIDW_CONSOLE_URL": "ftp://x"}, {"VIDW_CONSOLE_SECRET": "short"}):
        with pytest.raises(ConfigError, match=next(iter(bad))):
            Settings.from_env(bad, dotenv=None)
