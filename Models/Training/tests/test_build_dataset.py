"""build_dataset.py: licence filter, image filter, split, frames, minimums, failing packages (no network)."""
import json
import os
import random
import subprocess

import numpy as np
import pytest
from PIL import Image

import build_dataset as bd
import data

from conftest import smooth_photo

DEP5 = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: demo

Files: *
Copyright: someone
License: GPL-2+

Files: images/land/*
Copyright: Various
License: public-domain

Files: images/land/bwerner*
Copyright: B. W.
License: CC-BY-SA-3.0

Files: 16.04/Wine_by_Jakkub_Mede.jpg
Copyright: Jakub Mede
License: CC-BY-4.0

Files: textures/mit/*
Copyright: x
License: Expat

License: GPL-2+
 text
"""


@pytest.mark.parametrize("lic,ok", [
    ("CC0-1.0", True), ("public-domain", True), ("PD", True), ("CC-BY-4.0", True), ("CC-BY-3.0-USA", True),
    ("Expat", True), ("MIT", True), ("BSD-3-Clause", True), ("Zlib", True), ("Apache-2.0", True),
    ("CC-BY-4.0 and CC-BY-3.0", True), ("GPL-3 or CC-BY-3.0", True),
    ("GPL-2+", False), ("LGPL-2.1+", False), ("CC-BY-SA-3.0", False), ("CC-BY-SA", False), ("GFDL-1.2", False),
    ("CC-BY-NC-SA-1.0", False), ("GPL-3+ or CC-BY-SA-3.0", False), ("CC-BY-3.0 and GPL-2+", False),
    ("permissive", False), ("", False), (None, False),
])
def test_licence_rule(lic, ok):
    assert bd.classify_licence(lic)[0] is ok


def test_dep5_last_matching_stanza_wins_on_the_installed_path():
    st = bd.parse_dep5(DEP5)
    pre = "usr/share/games/demo/"
    assert bd.licence_for(pre + "images/land/desert1@2x.jpg", st) == "public-domain"
    assert bd.licence_for(pre + "images/land/bwerner3@2x.jpg", st) == "CC-BY-SA-3.0"
    assert bd.licence_for(pre + "images/ship/x.png", st) == "GPL-2+"
    # a pattern naming one file matches it where the package installs it
    assert bd.licence_for("usr/share/backgrounds/Wine_by_Jakkub_Mede.jpg", st) == "CC-BY-4.0"
    assert bd.licence_for(pre + "textures/mit/a.png", st) == "Expat"


def test_a_copyright_file_that_is_not_machine_readable_gives_none():
    assert bd.parse_dep5("This package was debianized by ...\nLicense: CC-BY-3.0\n") is None


def _save(path, arr, mode=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Image.fromarray(arr, mode).save(path)


def _package_tree(root, rng):
    land = os.path.join(root, "usr/share/games/demo/images/land")
    _save(os.path.join(land, "desert1.jpg"), smooth_photo(rng, 400, 640))
    _save(os.path.join(land, "desert1@2x.jpg"), smooth_photo(rng, 800, 1280))   # larger rendition wins
    _save(os.path.join(land, "bwerner1.jpg"), smooth_photo(rng, 400, 640))      # CC-BY-SA: excluded
    _save(os.path.join(land, "small.jpg"), smooth_photo(rng, 200, 640))         # too small
    _save(os.path.join(land, "grey.png"), np.repeat(smooth_photo(rng, 400, 400)[..., :1], 3, 2))
    rgba = np.dstack([smooth_photo(rng, 400, 400), np.full((400, 400), 255, np.uint8)])
    rgba[:100, :100, 3] = 0
    _save(os.path.join(land, "sprite.png"), rgba, "RGBA")                        # transparent pixels
    _save(os.path.join(land, "rock_nm.png"), smooth_photo(rng, 400, 400))      # material map by name
    _save(os.path.join(land, "flat.png"), np.full((400, 400, 3), (200, 30, 30), np.uint8))
    dark = smooth_photo(rng, 400, 400)
    dark[:, 60:] = 0
    _save(os.path.join(land, "dark.png"), dark)                                 # mostly black
    _save(os.path.join(root, "usr/share/games/demo/images/ship/x.png"), smooth_photo(rng, 400, 400))  # GPL
    doc = os.path.join(root, "usr/share/doc/demo")
    os.makedirs(doc, exist_ok=True)
    with open(os.path.join(doc, "copyright"), "w") as fh:
        fh.write(DEP5)


def test_collect_keeps_only_licensed_colour_images(tmp_path):
    _package_tree(str(tmp_path), np.random.default_rng(1))
    st = bd.parse_dep5(bd.read_copyright(str(tmp_path), "demo"))
    why = __import__("collections").Counter()
    kept = bd.collect("demo", str(tmp_path), 384, st, why)
    assert kept == [("usr/share/games/demo/images/land/desert1@2x.jpg", "public-domain", "Various")]
    assert why["licence: copyleft"] == 2
    for reason in ("small", "grey / not colour", "transparency", "material map", "flat synthetic", "smaller rendition",
                   "mostly black"):
        assert why[reason] == 1, reason


def _entries():
    e = []
    for src, kind, n in (("pa", "photo", 12), ("pb", "photo", 3), ("ta", "texture", 9), ("tb", "texture", 9)):
        e += [{"name": f"{src}/img{i}.jpg", "source": src, "kind": kind, "role": "train"} for i in range(n)]
    for name, seed, count, size, role in bd.FRAME_SETS:
        e += [{"name": f"frames/{name}/city{seed}-{i:04d}.png", "source": "frames/" + name, "kind": "frames",
               "role": role} for i in range(count)]
    return e


def test_the_split_is_deterministic_stratified_and_large_enough():
    e = _entries()
    val = bd.choose_val(e, 8, 6)
    shuffled = e[:]
    random.Random(3).shuffle(shuffled)
    assert bd.choose_val(shuffled, 8, 6) == val
    assert len(val) >= 30
    kinds = {x["name"]: x["kind"] for x in e}
    sources = {x["name"]: x["source"] for x in e}
    assert sum(kinds[n] == "photo" for n in val) == 8
    assert sum(kinds[n] == "texture" for n in val) == 6
    assert sum(kinds[n] == "frames" for n in val) == 20
    assert {sources[n] for n in val} >= {"pa", "pb", "ta", "tb", "frames/val480-city9"}
    assert all("city9-" in n for n in val if kinds[n] == "frames")


def test_no_held_out_city_seed_is_ever_captured():
    seeds = {s[1] for s in bd.FRAME_SETS}
    assert not seeds & {2, 5}
    with pytest.raises(ValueError):
        bd.frame_command("bad", 5, 10, "480x270", "/f")
    with pytest.raises(ValueError):
        bd.frame_command("bad", 2, 10, "480x270", "/f")


def test_the_frames_source_runs_the_lead_s_capture_commands(tmp_path):
    cmds = [bd.frame_command(n, s, c, z, "/F") for n, s, c, z, _ in bd.FRAME_SETS]
    assert cmds[0] == ["./neuralpost", "capture", "--pairs", "sr", "--count", "80", "--size", "480x270",
                       "--city-seed", "1", "--first", "0", "--out", "/F/s480-city1"]
    assert ["--count", "60", "--size", "960x540", "--city-seed", "7"] == cmds[4][4:10]
    assert cmds[-1][-1] == "/F/val480-city9" and cmds[-1][9] == "9"

    # a complete set is not captured again; a missing one is; a failing one is reported and skipped
    sets = [("done", 1, 2, "48x27", "train"), ("todo", 3, 2, "48x27", "train"), ("fails", 4, 2, "48x27", "train")]
    for i in range(2):
        _save(str(tmp_path / "done" / "HR" / f"city1-{i:04d}.png"), np.zeros((27, 48, 3), np.uint8))
    ran = []

    def runner(cmd):
        ran.append(cmd)
        name = cmd[-1].rsplit("/", 1)[-1]
        if name == "fails":
            raise subprocess.CalledProcessError(1, cmd)
        for i in range(2):
            _save(os.path.join(cmd[-1], "HR", f"city3-{i:04d}.png"), np.zeros((27, 48, 3), np.uint8))

    failures = {}
    built = bd.build_frames(str(tmp_path), failures, sets, runner=runner)
    assert [c[-1].rsplit("/", 1)[-1] for c in ran] == ["todo", "fails"]
    assert sorted(built) == ["done", "todo"]
    assert list(failures) == ["frames/fails"]


def test_near_duplicate_frames(tmp_path):
    rng = np.random.default_rng(0)
    a = smooth_photo(rng, 54, 96)
    b = a.copy()
    b[:10] = 255 - b[:10]          # 19 % of the pixels changed
    c = smooth_photo(rng, 54, 96)  # another picture
    for n, x in (("a", a), ("b", b), ("c", c)):
        _save(str(tmp_path / f"{n}.png"), x)
    assert bd.near_duplicate(str(tmp_path / "a.png"), str(tmp_path / "b.png"))
    assert not bd.near_duplicate(str(tmp_path / "a.png"), str(tmp_path / "c.png"))


def test_refuses_to_start_below_the_minimum(tmp_path, monkeypatch, capsys):
    def no_subprocess(*a, **k):
        raise AssertionError("must not download anything")

    monkeypatch.setattr(bd.subprocess, "run", no_subprocess)
    rc = bd.main(["--cache", str(tmp_path), "--splits", str(tmp_path / "s.json"), "--no-frames",
                  "--packages", "lomiri-wallpapers-16.04", "python3-skimage"])
    assert rc == 2
    assert "below --min-images 800" in capsys.readouterr().err
    rc = bd.main(["--cache", str(tmp_path), "--splits", str(tmp_path / "s.json"), "--min-images", "0",
                  "--no-frames", "--val-photos", "5", "--val-textures", "5", "--packages"])
    assert rc == 2
    assert "below --min-val 30" in capsys.readouterr().err
    assert not os.path.exists(tmp_path / "s.json")


def _fake_apt(tmp_path):
    """subprocess.run stand-in: apt-get download fails for bad-pkg and writes a
    .deb for the others; dpkg -x unpacks a demo tree; dpkg-deb -f gives a version."""
    rng = np.random.default_rng(5)
    calls = []

    def fake_run(cmd, cwd=None, check=False, capture_output=False, text=False):
        calls.append(cmd)
        if cmd[:2] == ["apt-get", "download"]:
            if cmd[2] == "bad-pkg":
                raise subprocess.CalledProcessError(100, cmd)
            open(os.path.join(cwd, f"{cmd[2]}_1.0-1_all.deb"), "w").close()
        elif cmd[:2] == ["dpkg", "-x"]:
            pkg = os.path.basename(cmd[2]).split("_")[0]
            land = os.path.join(cmd[3], "usr/share/games", pkg, "images/land")
            for i in range(4):
                _save(os.path.join(land, f"pic{i}.jpg"), smooth_photo(rng, 400, 520))
            doc = os.path.join(cmd[3], "usr/share/doc", pkg)
            os.makedirs(doc)
            with open(os.path.join(doc, "copyright"), "w") as fh:
                fh.write(DEP5)
        elif cmd[:2] == ["dpkg-deb", "-f"]:
            return subprocess.CompletedProcess(cmd, 0, stdout="1.0-1\n", stderr="")
        return subprocess.CompletedProcess(cmd, 0)

    return fake_run, calls


def test_a_package_that_cannot_be_fetched_is_reported_and_skipped(tmp_path, monkeypatch, capsys):
    fake_run, calls = _fake_apt(tmp_path)
    monkeypatch.setattr(bd.subprocess, "run", fake_run)
    splits = tmp_path / "splits.json"
    rc = bd.main(["--cache", str(tmp_path / "c"), "--splits", str(splits), "--no-frames",
                  "--packages", "bad-pkg", "good-pkg", "--min-images", "4", "--min-gb", "0",
                  "--min-val", "1", "--val-photos", "1", "--val-textures", "0", "--report", str(tmp_path / "r.md")])
    assert rc == 0
    assert "could not download bad-pkg" in capsys.readouterr().err
    report = json.loads((tmp_path / "c" / "report.json").read_text())
    assert list(report["failed"]) == ["bad-pkg"]
    assert report["sources"]["good-pkg"]["images"] == 4
    assert report["sources"]["good-pkg"]["version"] == "1.0-1"
    assert "not built: bad-pkg" in (tmp_path / "r.md").read_text()
    s = json.loads(splits.read_text())
    assert len(s["val"]) == 1 and len(s["train"]) == 3
    assert s["sources"]["good-pkg"] == {"train": 3, "val": 1}
    # the per-source layout loads through data.load_split (and its .decoded cache)
    train, val = data.load_split(str(splits), str(tmp_path / "c" / "images"), max_side=256)
    assert len(train) == 3 and max(val[0].shape[:2]) == 256
    assert os.path.exists(tmp_path / "c" / "images" / ".decoded" / (s["val"][0] + ".256.npy"))

    # below the minimum after the build: exit 2 and the split is left alone
    before = splits.read_text()
    rc = bd.main(["--cache", str(tmp_path / "c"), "--splits", str(splits), "--no-frames", "--rewrite-splits",
                  "--packages", "bad-pkg", "good-pkg", "--min-images", "5", "--min-gb", "0",
                  "--min-val", "1", "--val-photos", "1", "--val-textures", "0"])
    assert rc == 2
    assert "below the minimum" in capsys.readouterr().err
    assert splits.read_text() == before


def test_twin_city_sets_are_neither_captured_nor_used(tmp_path, monkeypatch):
    # Scene generation 2 mixes the seed, so no set is a twin today; a listed twin must still be skipped.
    assert bd.EXCLUDED_TWINS == {}
    monkeypatch.setattr(bd, "EXCLUDED_TWINS", {4: "near twin of city seed 9"})
    captured = []
    monkeypatch.setattr(bd, "run", lambda cmd, cwd=None: captured.append(cmd))
    rc = bd.main(["--cache", str(tmp_path / "c"), "--frames-dir", str(tmp_path / "f"),
                  "--splits", str(tmp_path / "s.json"), "--packages", "--min-images", "0"])
    assert rc == 2  # nothing was rendered here: below --min-val
    seeds = sorted(int(c[c.index("--city-seed") + 1]) for c in captured)
    assert seeds == [1, 3, 6, 7, 8, 9]
    report = json.loads((tmp_path / "c" / "report.json").read_text())
    assert sorted(report["excluded"]) == ["frames/s480-city4"]
