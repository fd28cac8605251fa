"""The manifest and other shared files are replaced whole or not at all."""

import json
import os

import pytest

import atomic
import publish


def _manifest(tmp_path):
    path = tmp_path / "models.json"
    path.write_text(json.dumps({"schemaVersion": 1, "models": [{"id": "a", "sha256": "00"}]}, indent=2) + "\n")
    return path


def test_a_card_that_fails_to_serialize_leaves_the_manifest_whole(tmp_path):
    path = _manifest(tmp_path)
    old = path.read_bytes()
    # json.dump into the open file wrote the manifest up to the bad value, then stopped: a truncated catalogue.
    with pytest.raises(TypeError):
        publish.write_card({"id": "b", "sha256": "11", "bad": object()}, str(path))
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == ["models.json"]


def test_write_card_replaces_the_card(tmp_path):
    path = _manifest(tmp_path)
    publish.write_card({"id": "a", "sha256": "22"}, str(path))
    assert json.loads(path.read_text())["models"] == [{"id": "a", "sha256": "22"}]
    assert os.listdir(tmp_path) == ["models.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "splits.json"
    path.write_text("old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        atomic.write_text(str(path), "new")
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["splits.json"]
