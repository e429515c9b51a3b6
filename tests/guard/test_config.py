"""Settings: defaults, then the user file, the project file, the environment, the arguments."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from guard.config import PROJECT_FILE, Settings
from guard.errors import ConfigError


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory, distinct from CLIENTGUARD_HOME, that is the current directory."""
    directory = tmp_path / "project"
    directory.mkdir()
    monkeypatch.chdir(directory)
    return directory


def write_user_config(home: Path, text: str) -> Path:
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def write_project_config(project: Path, text: str) -> Path:
    path = project / PROJECT_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_put_every_file_in_clientguard_home(isolated_home, project):
    settings = Settings.load()
    assert settings.vault_path == isolated_home / "vault.db"
    assert settings.key_path == isolated_home / "vault.key"
    assert (settings.session_ttl_days, settings.score_threshold, settings.max_chars) == (30.0, 0.4, 1_000_000)


def test_the_user_file_in_clientguard_home_is_read(isolated_home, project):
    write_user_config(isolated_home, "session_ttl_days = 7\nscore_threshold = 0.6\nmax_chars = 5000\n")
    settings = Settings.load()
    assert (settings.session_ttl_days, settings.score_threshold, settings.max_chars) == (7.0, 0.6, 5000)


def test_the_project_file_overrides_the_user_file(isolated_home, project):
    write_user_config(isolated_home, "session_ttl_days = 7\nmax_chars = 5000\n")
    write_project_config(project, "session_ttl_days = 2\n")
    settings = Settings.load()
    assert (settings.session_ttl_days, settings.max_chars) == (2.0, 5000)


def test_the_project_file_is_read_from_the_current_directory_only(isolated_home, project, tmp_path, monkeypatch):
    write_project_config(project, "session_ttl_days = 2\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert Settings.load().session_ttl_days == 30.0


def test_the_environment_overrides_both_files(isolated_home, project, monkeypatch):
    write_user_config(isolated_home, "session_ttl_days = 7\n")
    write_project_config(project, "session_ttl_days = 2\n")
    monkeypatch.setenv("CLIENTGUARD_SESSION_TTL_DAYS", "0.5")
    assert Settings.load().session_ttl_days == 0.5


def test_the_environment_can_move_the_vault(isolated_home, project, tmp_path, monkeypatch):
    write_project_config(project, f"vault_path = '{tmp_path / 'from-file.db'}'\n")
    monkeypatch.setenv("CLIENTGUARD_VAULT_PATH", str(tmp_path / "from-env.db"))
    assert Settings.load().vault_path == tmp_path / "from-env.db"


def test_explicit_arguments_beat_everything(isolated_home, project, monkeypatch):
    write_user_config(isolated_home, "session_ttl_days = 7\n")
    write_project_config(project, "session_ttl_days = 2\n")
    monkeypatch.setenv("CLIENTGUARD_SESSION_TTL_DAYS", "0.5")
    assert Settings.load(session_ttl_days=90).session_ttl_days == 90.0


def test_a_malformed_file_names_the_file_and_the_line(isolated_home, project):
    path = write_project_config(project, "session_ttl_days = 2\nmax_chars = \nscore_threshold = 0.5\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(path) in str(caught.value)
    assert "line 2" in str(caught.value)


def test_a_malformed_user_file_names_the_user_file(isolated_home, project):
    path = write_user_config(isolated_home, "[unclosed\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert str(path) in str(caught.value) and "line 1" in str(caught.value)


def test_an_unknown_key_is_refused_with_the_list_of_known_keys(isolated_home, project):
    path = write_user_config(isolated_home, "sesion_ttl_days = 7\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    message = str(caught.value)
    assert "sesion_ttl_days" in message and str(path) in message
    assert all(f.name in message for f in fields(Settings) if f.name != "origins")  # origins: bookkeeping


def test_an_unknown_argument_is_refused_too(isolated_home, project):
    with pytest.raises(ConfigError, match="session_ttl_days"):
        Settings.load(ttl=3)


@pytest.mark.parametrize(
    "line",
    [
        'session_ttl_days = "a month"',
        "session_ttl_days = true",
        "session_ttl_days = nan",
        "session_ttl_days = [30]",
        "score_threshold = inf",
        'max_chars = "lots"',
        "max_chars = 1.5",
    ],
)
def test_a_non_numeric_value_is_refused(isolated_home, project, line):
    path = write_project_config(project, line + "\n")
    with pytest.raises(ConfigError) as caught:
        Settings.load()
    assert line.split(" =")[0] in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize("value", ["abc", "", "nan"])
def test_a_non_numeric_environment_value_is_refused(isolated_home, project, monkeypatch, value):
    monkeypatch.setenv("CLIENTGUARD_SESSION_TTL_DAYS", value)
    with pytest.raises(ConfigError, match="environment"):
        Settings.load()


@pytest.mark.parametrize("line", ["session_ttl_days = 0", "session_ttl_days = -3", "max_chars = 0"])
def test_a_value_that_is_not_positive_is_refused(isolated_home, project, line):
    write_project_config(project, line + "\n")
    with pytest.raises(ConfigError, match="positive"):
        Settings.load()


def test_numbers_written_as_strings_or_integers_are_accepted(isolated_home, project):
    write_project_config(project, 'session_ttl_days = "14"\nscore_threshold = 1\nmax_chars = 2e3\n')
    settings = Settings.load()
    assert (settings.session_ttl_days, settings.score_threshold, settings.max_chars) == (14.0, 1.0, 2000)
    assert isinstance(settings.max_chars, int)


def test_a_score_threshold_above_one_is_refused(isolated_home, project):
    write_project_config(project, "score_threshold = 1.5\n")
    with pytest.raises(ConfigError, match="between 0 and 1"):
        Settings.load()


def test_per_type_thresholds_come_from_a_table_and_files_merge(isolated_home, project):
    write_user_config(isolated_home, "[thresholds]\nPERSON = 0.7\nLOCATION = 0.9\n")
    write_project_config(project, "[thresholds]\nPERSON = 0.5\n")
    settings = Settings.load()
    assert (settings.threshold("PERSON"), settings.threshold("LOCATION"), settings.threshold("FR_NIR")) == (0.5, 0.9, 0.4)


@pytest.mark.parametrize(
    ("table", "message"),
    [("[thresholds]\nPERSONNE = 0.5\n", "Known: PERSON"), ("[thresholds]\nPERSON = 2\n", "between 0 and 1"),
     ("thresholds = 0.5\n", "must be a table"), ("[policy]\nSECRET = 'explode'\n", "Known: redact, mask, block, allow")],
)
def test_a_bad_thresholds_table_is_refused(isolated_home, project, table, message):
    write_project_config(project, table)
    with pytest.raises(ConfigError, match=message):
        Settings.load()
