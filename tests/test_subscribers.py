"""Subscribers (in the config, a YAML or a CSV file) and the delivery settings: loading, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config.load import load_config
from digest.deliver.subscribers import Subscriber, load_subscribers
from digest.errors import ConfigError

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "deliver"

TOPICS = """
topics:
  - {id: arms, title: Arms, query: arms}
  - {id: sanctions, title: Sanctions, query: sanction*}
  - {id: rain, title: Weather, query: rain}
"""

EXPECTED = (
    Subscriber("all@example.org", "Whole Brief", None, frozenset({"html", "pdf"})),
    Subscriber("arms@example.org", "Arms Desk, Seoul", ("arms", "sanctions"), frozenset({"html"})),
    Subscriber("weather@example.org", "Weather Watch", ("rain",), frozenset({"text"})),
)


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(TOPICS + text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_subscribers(load_config(_config(tmp_path, text)))
    return str(info.value)


@pytest.mark.parametrize("name", ["subscribers.csv", "subscribers.yaml"])
def test_a_csv_or_yaml_file_gives_the_same_subscribers(tmp_path: Path, name: str) -> None:
    config = load_config(_config(tmp_path, f"subscribers_file: {DATA / name}\n"))
    assert load_subscribers(config) == EXPECTED


def test_subscribers_in_the_config(tmp_path: Path) -> None:
    config = load_config(
        _config(
            tmp_path,
            "subscribers:\n"
            "  - {address: all@example.org, name: Whole Brief, formats: [html, pdf]}\n"
            "  - {address: arms@example.org, name: 'Arms Desk, Seoul', topics: [arms, sanctions]}\n"
            "  - {address: weather@example.org, name: Weather Watch, topics: [rain], "
            "formats: [text]}\n",
        )
    )
    assert load_subscribers(config) == EXPECTED


def test_the_shipped_config_has_a_sample_list_at_example_org() -> None:
    subscribers = load_subscribers(load_config(ROOT / "config.yaml"))
    assert len(subscribers) == 3
    assert all(s.address.endswith("@example.org") for s in subscribers)
    assert {frozenset(s.formats) for s in subscribers} >= {frozenset({"text"})}


def test_an_unknown_topic_is_named_with_its_line_and_a_suggestion(tmp_path: Path) -> None:
    path = _config(tmp_path, "subscribers:\n  - address: a@example.org\n    topics: [arm]\n")
    with pytest.raises(ConfigError) as info:
        load_subscribers(load_config(path))
    assert str(info.value) == (
        f"{path.resolve()}:8: subscribers[0].topics: unknown topic 'arm'\n"
        "Hint: did you mean 'arms'? topic ids here: arms, sanctions, rain, other"
    )


def test_a_bad_address_is_refused(tmp_path: Path) -> None:
    path = _config(tmp_path, "subscribers:\n  - address: 'Eve <eve@example.org>'\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:7: subscribers[0].address: not an email address: 'Eve <eve@example.org>'\n"
        "Hint: give the bare address here; the name goes in its own key"
    )


def test_a_duplicate_address_is_refused(tmp_path: Path) -> None:
    message = _error(
        tmp_path, "subscribers:\n  - address: a@example.org\n  - address: A@Example.org\n"
    )
    assert message.endswith(
        ":8: subscribers[1].address: 'A@Example.org' is listed twice (first as "
        "subscribers[0])\nHint: one entry per address; list all of its topics there"
    )


def test_formats_need_a_body(tmp_path: Path) -> None:
    path = _config(tmp_path, "subscribers:\n  - address: a@example.org\n    formats: [pdf]\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:8: subscribers[0].formats: ['pdf'] has no body\nHint: add 'html' (an HTML "
        "mail with a text part) or 'text' (plain text only); 'pdf' attaches the PDF to either"
    )


def test_a_typo_in_a_subscriber_key_is_named(tmp_path: Path) -> None:
    path = _config(tmp_path, "subscribers:\n  - adress: a@example.org\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert f"{path}:7: subscribers[0].adress: unknown key 'adress'" in str(info.value)
    assert "Hint: did you mean 'address'? allowed keys here: address, name, topics, formats" in (
        str(info.value)
    )


def test_a_csv_file_with_an_unknown_column(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("address,nmae\na@example.org,A\n", encoding="utf-8")
    message = _error(tmp_path, f"subscribers_file: {csv}\n")
    assert message == (
        f"{csv}:1: unknown column 'nmae'\n"
        "Hint: did you mean 'name'? the header row names columns among "
        "address, name, topics, formats"
    )


def test_a_csv_row_with_a_bad_format_names_its_line(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "address,formats\na@example.org,html\nb@example.org,html pfd\n", encoding="utf-8"
    )
    message = _error(tmp_path, f"subscribers_file: {csv}\n")
    assert message.startswith(
        f"{csv}:3: subscribers[1].formats[1]: expected one of 'html', 'text' or 'pdf', got 'pfd'"
    )


def test_a_missing_subscriber_file_and_both_lists(tmp_path: Path) -> None:
    assert _error(tmp_path, "subscribers_file: nobody.csv\n") == (
        f"{tmp_path / 'nobody.csv'}: no such subscriber file\n"
        "Hint: fix 'subscribers_file' in the config (relative to the config's folder)"
    )
    both = _error(
        tmp_path,
        f"subscribers_file: {DATA / 'subscribers.csv'}\nsubscribers:\n  - address: a@b.org\n",
    )
    assert both.endswith(
        "subscribers: given with subscribers_file too\n"
        "Hint: keep the list in one place: remove one of them"
    )


# --- the delivery settings ------------------------------------------------------------------


def test_the_password_is_never_in_the_config(tmp_path: Path) -> None:
    path = _config(tmp_path, "smtp:\n  host: smtp.example.org\n  password: hunter2\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:8: smtp.password: unknown key 'password'\nHint: did you mean 'password_env'? "
        "allowed keys here: host, port, security, username, password_env, timeout, ca_file"
    )


def test_a_login_needs_tls_unless_the_server_is_this_machine(tmp_path: Path) -> None:
    login = "  username: desk\n  password_env: DIGEST_SMTP_PASSWORD\n  security: none\n"
    message = _error(tmp_path, "smtp:\n  host: smtp.example.org\n" + login)
    assert "security: none would send the password to smtp.example.org unencrypted" in message
    config = load_config(_config(tmp_path, "smtp:\n  host: 127.0.0.1\n" + login))
    assert config.settings.smtp is not None and config.settings.smtp.effective_port == 25


def test_username_and_password_env_go_together(tmp_path: Path) -> None:
    message = _error(tmp_path, "smtp:\n  host: smtp.example.org\n  username: desk\n")
    assert "'username' and 'password_env' go together" in message


def test_delivery_settings_are_checked(tmp_path: Path) -> None:
    assert "delivery.from: not an email address: 'nobody'" in _error(
        tmp_path, "delivery:\n  from: nobody\n"
    )
    assert "delivery.unsubscribe.url: expected an http(s) URL" in _error(
        tmp_path, "delivery:\n  unsubscribe: {url: 'javascript:alert(1)'}\n"
    )
    assert "delivery.html_limit: expected a size such as '5 MB'" in _error(
        tmp_path, "delivery:\n  html_limit: lots\n"
    )
    settings = load_config(_config(tmp_path, "delivery:\n  html_limit: 50 kB\n")).settings
    assert settings.delivery.html_limit == 50_000 and settings.smtp is None
