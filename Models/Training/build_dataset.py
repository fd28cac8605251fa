#!/usr/bin/env python3
"""Build the NeuralPost super-resolution training corpus from several sources.

Sources (see ``Models/Training/DATA.md`` for the table this builder prints):

* ``photo`` packages: Debian wallpaper / background / sample-image packages;
* ``texture`` packages: Debian game-data packages with high-resolution textures;
* ``frames``: frames of the sample scene rendered at high resolution by
  ``./neuralpost capture --pairs sr`` (only their ``HR/`` images are used; the
  LR input is made on the fly by ``data.py``).

Packages are fetched with ``apt-get download`` and unpacked with ``dpkg -x``
into a cache outside the repository (default ``~/.cache/neuralpost/photos``):

    <cache>/debs/       downloaded .deb files
    <cache>/extract/    one unpacked tree per package
    <cache>/images/     the corpus: <source>/<file>, where <source> is the
                        package name (file = path inside the package with
                        / -> _) or frames/<set> (file = cityS-NNNN.png)
    <cache>/report.json the per-source summary (also --report FILE, markdown)

A package that cannot be downloaded or unpacked is reported and skipped; the
rest are built.

Licence rule (per file, from the package's ``usr/share/doc/<pkg>/copyright``,
machine-readable DEP-5: the last ``Files:`` stanza whose pattern matches the
end of the installed path wins): kept are public domain / CC0, CC-BY (no SA,
NC or ND) and MIT/BSD/Apache/zlib/ISC-style permissive licences; an ``or``
choice is kept when one branch is allowed, an ``and`` only when all are.
Copyleft (GPL, LGPL, AGPL, CC-BY-SA, FAL, GFDL), non-commercial/no-derivative
terms, and anything unrecognised or not machine-readable are excluded: the
trained weights are published under MIT, and whether weights are a derivative
work of their training images is unsettled, so only sources whose terms can
be met by an MIT release with an attribution list (DATA.md) are used.

Image rule: JPG/PNG, not a symbolic link; shorter side >= ``--min-side``
(photos, 384) or ``--texture-min-side`` (textures, 256); colour (no grey
images, no grey stored as RGB); no images with transparent pixels (sprites,
decals); none more than 80 % black (glow / emission maps, empty space); no material maps (normal / specular / gloss / height ... maps, by name
and, for normal maps, by colour statistics); no flat synthetic graphics (fewer
than 64 colours in a 128 px thumbnail); one (the largest) rendition per
wallpaper; byte-identical files once.  Frames are kept as rendered.

The train/validation split is written to ``splits.json`` (committed next to
this script) and is deterministic: all frames of the ``val`` frame set(s)
(city seed 9), plus ``--val-photos`` photos and ``--val-textures`` textures
picked round-robin over the packages of that kind, each package's files taken
in order of the SHA-1 of their name.  If ``splits.json`` already exists it is
kept (pass ``--rewrite-splits`` to regenerate), so every machine trains on the
same split.  City seeds 2 (dehaze held-out set) and 5 (game evaluation set)
are never used (nor any seed listed in EXCLUDED_TWINS); a training frame that
is a near duplicate of the validation frame with the same capture index is
dropped.

Minimums: the builder refuses to start (exit 2) when the selected sources are
known to give fewer than ``--min-images`` images or fewer than ``--min-val``
validation images, and exits 2 without writing the split when the built corpus
falls below ``--min-images`` / ``--min-gb`` / ``--min-val``.  Decoded size is
the sum of w*h*3 bytes after the ``--max-side`` (2048) downscale ``data.py``
applies at load.

Benchmark images (shared/benchmarks) are never read here.
"""
import argparse
import collections
import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image

import atomic

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "neuralpost", "photos")
DEFAULT_FRAMES = os.path.join(os.path.expanduser("~"), ".cache", "neuralpost", "frames")
DEFAULT_SPLITS = os.path.join(HERE, "splits.json")

# package -> (kind, images the last build kept from it; used only for the up-front
# minimum check: a package not listed here counts as 0 there)
SOURCES = collections.OrderedDict([
    ("lomiri-wallpapers-16.04", ("photo", 10)),
    ("python3-skimage", ("photo", 6)),
    ("endless-sky-high-dpi", ("photo", 200)),
    ("supertuxkart-data", ("texture", 105)),
    ("redeclipse-data", ("texture", 329)),
    ("mypaint-data-extras", ("texture", 16)),
])
PACKAGES = list(SOURCES)

# (set name, city seed, count, size, role): the capture commands; the frames
# are HR/cityS-NNNN.png under <frames>/<set>.  Until scene generation 2
# (Editor/Evaluation/GameSetDefinition.SceneGeneration) the scene's SplitMix
# started at seed * gamma, so seed s + k walked seed s's stream k draws later
# and nearby seeds built largely the same city: seed 3 shared 11 of 20 frames
# byte for byte with seed 2 (dehaze held-out) and 7 with seed 5 (game
# held-out), seed 4 8 with seed 9 (the validation frames), so 3 and 4 were
# excluded.  The seed is now mixed before use (Tests/Samples/Scene/
# SplitMixTests) and every set is in; EXCLUDED_TWINS stays for any future twin,
# and the near-duplicate check below still guards training against validation.
EXCLUDED_TWINS = {}
FRAME_SETS = [
    ("s480-city1", 1, 80, "480x270", "train"),
    ("s480-city3", 3, 80, "480x270", "train"),
    ("s480-city4", 4, 80, "480x270", "train"),
    ("s480-city6", 6, 80, "480x270", "train"),
    ("s960-city7", 7, 60, "960x540", "train"),
    ("s960-city8", 8, 60, "960x540", "train"),
    ("val480-city9", 9, 20, "480x270", "val"),
]
# city seed 5: the held-out game evaluation set; seed 2: the dehaze held-out set.
FORBIDDEN_CITY_SEEDS = (2, 5)

EXTS = (".jpg", ".jpeg", ".png")
# synthetic images (logo, phantom), and the Middlebury 2014 stereo pair, whose
# upstream terms (skimage's data._fetchers.stereo_motorcycle) are not a clear
# permissive licence although Debian's copyright file lists skimage as BSD-3 as a
# whole; the other kept skimage photos are public domain / CC0 upstream too
EXCLUDE = ("skimage/data/logo.png", "skimage/data/phantom.png", "skimage/data/motorcycle_right.png",
           "skimage/data/motorcycle_left.png")
# material maps (not colour images): normal, specular, gloss, height, ... maps
MATERIAL_WORDS = re.compile(
    r"(^|[_\-. ])(nm|norm|normal|normals|normalmap|spec|specular|gloss|glossy|glow|height|heightmap|bump|disp|"
    r"displacement|ao|occlusion|rough|roughness|metal|metallic|mask|colormask|alpha|emission|lightmap)([_\-. ]|\d|$)",
    re.I)
MATERIAL_SUFFIX = re.compile(r"_(n|s|h|g|m|r|a|e)$", re.I)

ALLOWED_EXACT = {
    "public-domain", "pd", "cc0", "cc0-1.0", "expat", "mit", "isc", "zlib", "unlicense", "bsl-1.0", "boost",
    "apache-2.0", "nasa-not-copyrighted",
}
COPYLEFT = re.compile(r"(^|[^a-z])(a?gpl|lgpl|gfdl|fal|sa|by-sa|artistic)([^a-z]|$)")
NONFREE = re.compile(r"(^|-)(nc|nd)(-|$)")


# ---------------------------------------------------------------- licences

def parse_dep5(text):
    """Machine-readable (DEP-5) copyright file -> [(patterns, licence,
    copyright holders)], in file order; None when the file is not
    machine-readable."""
    if not re.search(r"^Format:\s*\S*copyright-format", text, re.M):
        return None
    stanzas = []
    for block in re.split(r"\n[ \t]*\n", text):
        files = re.search(r"^Files:(.*?)(?=^\S|\Z)", block, re.M | re.S)
        lic = re.search(r"^License:[ \t]*(.*)$", block, re.M)
        holders = re.search(r"^Copyright:(.*?)(?=^\S|\Z)", block, re.M | re.S)
        if files and lic:
            who = " ".join(holders.group(1).split()) if holders else ""
            stanzas.append((files.group(1).split(), lic.group(1).strip(), who))
    return stanzas


def licence_for(rel, stanzas):
    st = stanza_for(rel, stanzas)
    return st[1] if st else None


def stanza_for(rel, stanzas):
    """Licence of the installed file ``rel`` (path inside the package): the last
    stanza one of whose patterns matches a tail of the path (source paths such
    as ``images/land/*`` are installed under some prefix), or whose wildcard-free
    pattern names the file itself; None when no stanza matches.
    ``stanza_for`` gives the whole stanza (patterns, licence, holders)."""
    parts = rel.split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    found = None
    for stanza in stanzas:
        for p in stanza[0]:
            last = p.rsplit("/", 1)[-1]
            # a pattern naming one file (no wildcard in its name) also matches
            # that file name when the package installs it elsewhere
            # (``16.04/Wine_by_Jakkub_Mede.jpg`` -> ``usr/share/backgrounds/...``)
            if any(fnmatch.fnmatchcase(t, p) for t in tails) or (
                    not any(c in last for c in "*?[") and last == parts[-1]):
                found = stanza
                break
    return found


def classify_licence(lic):
    """-> (allowed, reason)."""
    if not lic:
        return False, "no licence"
    low = lic.strip().lower()
    if " or " in low:
        results = [classify_licence(x) for x in re.split(r"\s+or\s+", low)]
        ok = [r for r in results if r[0]]
        return (True, ok[0][1]) if ok else (False, results[0][1])
    if " and " in low:
        results = [classify_licence(x) for x in re.split(r"\s+and\s+", low)]
        bad = [r for r in results if not r[0]]
        return (False, bad[0][1]) if bad else (True, "permissive")
    low = low.replace("_", "-").replace(" ", "-")
    if NONFREE.search(low):
        return False, "non-commercial / no-derivatives"
    if COPYLEFT.search(low.replace("cc-by-sa", "by-sa")):
        return False, "copyleft"
    if low in ALLOWED_EXACT or "public-domain" in low or low.startswith("cc0"):
        return True, "public domain / CC0" if ("public" in low or low.startswith(("cc0", "pd"))) else "permissive"
    if re.fullmatch(r"cc-by(-\d(\.\d)?)?(-[a-z]+)?", low):
        return True, "attribution (CC-BY)"
    if re.fullmatch(r"(bsd|mit|expat|apache|zlib|isc)([-a-z0-9.]*)", low):
        return True, "permissive"
    return False, "unrecognised"


def read_copyright(root, pkg):
    path = os.path.join(root, "usr", "share", "doc", pkg, "copyright")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


# ---------------------------------------------------------------- fetching

def run(cmd, cwd=None):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def deb_version(deb_path):
    try:
        out = subprocess.run(["dpkg-deb", "-f", deb_path, "Version"], check=True, capture_output=True, text=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.path.basename(deb_path).split("_")[1].replace("%3a", ":")


def fetch(pkg, cache, failures):
    """Download and unpack ``pkg``; -> (extract root, .deb path) or (None, None)
    after recording the failure in ``failures``."""
    debs = os.path.join(cache, "debs")
    os.makedirs(debs, exist_ok=True)

    def have():
        return sorted(f for f in os.listdir(debs) if f.startswith(pkg + "_") and f.endswith(".deb"))

    if not have():
        try:
            run(["apt-get", "download", pkg], cwd=debs)
        except (OSError, subprocess.CalledProcessError) as e:
            failures[pkg] = f"apt-get download failed ({e})"
            print(f"warning: could not download {pkg}; skipping it", file=sys.stderr, flush=True)
            return None, None
    if not have():
        failures[pkg] = "apt-get download produced no .deb"
        print(f"warning: no .deb for {pkg}; skipping it", file=sys.stderr, flush=True)
        return None, None
    deb = os.path.join(debs, have()[-1])
    dest = os.path.join(cache, "extract", pkg)
    if not os.path.isdir(dest):
        tmp = dest + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        try:
            run(["dpkg", "-x", deb, tmp])
        except (OSError, subprocess.CalledProcessError) as e:
            shutil.rmtree(tmp, ignore_errors=True)
            failures[pkg] = f"dpkg -x failed ({e})"
            print(f"warning: could not unpack {pkg}; skipping it", file=sys.stderr, flush=True)
            return None, None
        os.rename(tmp, dest)
    return dest, deb


# ---------------------------------------------------------------- image filter

def picture_key(rel):
    """Group key for the renditions of one picture (plasma-style packages,
    ``name@2x``/``name_3840x2160`` variants)."""
    parts = rel.split("/")
    if "contents" in parts:
        return "/".join(parts[: parts.index("contents")])
    stem, ext = os.path.splitext(rel)
    stem = re.sub(r"(@\dx|_\d{3,5}x\d{3,5})$", "", stem)
    return stem + ext.lower()


def is_material_map(rel):
    stem = os.path.splitext(os.path.basename(rel))[0]
    return bool(MATERIAL_WORDS.search(stem) or MATERIAL_SUFFIX.search(stem))


def inspect_image(path, min_side):
    """-> (w, h, None) for a usable colour image, else (w, h, reason)."""
    try:
        with Image.open(path) as im:
            w, h = im.size
            if min(w, h) < min_side:
                return w, h, "small"
            mode = im.mode
            if mode not in ("RGB", "RGBA", "P", "PA"):
                return w, h, "grey / not colour"
            im.draft("RGB", (256, 256))
            th = im.convert("RGBA")
            th.thumbnail((128, 128))
    except Exception:
        return 0, 0, "unreadable"
    a = np.asarray(th)
    if (a[..., 3] < 250).mean() > 0.001:
        return w, h, "transparency"
    rgb = a[..., :3].astype(np.int16)
    if max(abs(rgb[..., 0] - rgb[..., 1]).mean(), abs(rgb[..., 1] - rgb[..., 2]).mean()) < 3:
        return w, h, "grey / not colour"
    if (rgb.max(-1) < 10).mean() > 0.8:
        return w, h, "mostly black"
    m = rgb.reshape(-1, 3).mean(0)
    if m[2] > 170 and abs(m[0] - 128) < 30 and abs(m[1] - 128) < 30:
        return w, h, "material map"
    if len(np.unique(a[..., :3].reshape(-1, 3), axis=0)) < 64:
        return w, h, "flat synthetic"
    return w, h, None


def decoded_size(w, h, max_side):
    """(w, h) after data.load_photo's downscale to ``max_side``."""
    if max_side and max(w, h) > max_side:
        s = max_side / max(w, h)
        return max(1, round(w * s)), max(1, round(h * s))
    return w, h


def collect(pkg, root, min_side, stanzas, why):
    """Kept files of one unpacked package -> [(rel, licence, copyright
    holders)]; ``why`` counts
    the reasons files were dropped."""
    best = {}
    for dirpath, dirnames, files in os.walk(root):
        dirnames.sort()
        for f in sorted(files):
            if not f.lower().endswith(EXTS):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            if os.path.islink(path) or path.endswith(EXCLUDE):
                why["symlink / excluded"] += 1
                continue
            st = stanza_for(rel, stanzas) if stanzas is not None else None
            lic = st[1] if st else None
            ok, reason = classify_licence(lic) if stanzas is not None else (False, "copyright not machine-readable")
            if not ok:
                why["licence: " + reason] += 1
                continue
            if is_material_map(rel):
                why["material map"] += 1
                continue
            w, h, bad = inspect_image(path, min_side)
            if bad:
                why[bad] += 1
                continue
            key = picture_key(rel)
            if key not in best or w * h > best[key][1]:
                if key in best:
                    why["smaller rendition"] += 1
                best[key] = (rel, w * h, lic, st[2])
            else:
                why["smaller rendition"] += 1
    return sorted((rel, lic, who) for rel, _, lic, who in best.values())


# ---------------------------------------------------------------- frames

def frame_command(name, seed, count, size, frames_dir):
    if seed in FORBIDDEN_CITY_SEEDS:
        raise ValueError(f"frame set {name}: city seed {seed} is a held-out evaluation set")
    return ["./neuralpost", "capture", "--pairs", "sr", "--count", str(count), "--size", size,
            "--city-seed", str(seed), "--first", "0", "--out", os.path.join(frames_dir, name)]


def frame_files(frames_dir, name, seed, count):
    hr = os.path.join(frames_dir, name, "HR")
    want = [f"city{seed}-{i:04d}.png" for i in range(count)]
    return hr, want, all(os.path.exists(os.path.join(hr, f)) for f in want)


NEAR_DUPLICATE_FRACTION = 1 / 3


def near_duplicate(a_path, b_path, fraction=NEAR_DUPLICATE_FRACTION):
    """Two frames of the same camera state (same capture index and size) are
    near duplicates when fewer than ``fraction`` of their pixels differ by more
    than 2 levels.  Unrelated cities differ in 36-69 % of the pixels of the
    same view (the sky and fog are shared); city seeds whose SplitMix streams
    overlap (4 and 9: the seed is the stream's start) in 0-32 %."""
    with Image.open(a_path) as a, Image.open(b_path) as b:
        if a.size != b.size:
            return False
        x = np.asarray(a.convert("RGB"), dtype=np.int16)
        y = np.asarray(b.convert("RGB"), dtype=np.int16)
    return float((np.abs(x - y).max(-1) > 2).mean()) < fraction


def build_frames(frames_dir, failures, sets=FRAME_SETS, runner=None):
    """Renders missing frame sets with the capture commands -> {set: (HR dir, files)}."""
    runner = runner or (lambda cmd: run(cmd, cwd=REPO))
    out = {}
    for name, seed, count, size, _ in sets:
        hr, want, complete = frame_files(frames_dir, name, seed, count)
        if not complete:
            try:
                runner(frame_command(name, seed, count, size, frames_dir))
            except (OSError, subprocess.CalledProcessError) as e:
                failures["frames/" + name] = f"capture failed ({e})"
                print(f"warning: could not render frame set {name}; skipping it", file=sys.stderr, flush=True)
                continue
            hr, want, complete = frame_files(frames_dir, name, seed, count)
            if not complete:
                failures["frames/" + name] = "capture did not write the expected frames"
                continue
        out[name] = (hr, want)
    return out


# ---------------------------------------------------------------- split

def name_hash(name):
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def choose_val(entries, val_photos, val_textures):
    """entries: [{name, source, kind, role}] -> sorted list of validation names:
    every frame whose role is 'val', and per kind a round-robin over its sources
    (sorted), each source's names in SHA-1 order."""
    val = [e["name"] for e in entries if e["kind"] == "frames" and e["role"] == "val"]
    for kind, n in (("photo", val_photos), ("texture", val_textures)):
        by_src = collections.defaultdict(list)
        for e in entries:
            if e["kind"] == kind:
                by_src[e["source"]].append(e["name"])
        queues = [sorted(v, key=name_hash) for _, v in sorted(by_src.items())]
        picked = 0
        while picked < n and any(queues):
            for q in queues:
                if q and picked < n:
                    val.append(q.pop(0))
                    picked += 1
    return sorted(val)


# ---------------------------------------------------------------- report

def summarize(entries, packages_info, failures, max_side):
    rows = collections.OrderedDict()
    for e in entries:
        r = rows.setdefault(e["source"], {"kind": e["kind"], "images": 0, "decoded_bytes": 0, "pixels": 0,
                                          "licences": collections.Counter(), "val": 0})
        r["images"] += 1
        r["decoded_bytes"] += e["dw"] * e["dh"] * 3
        r["pixels"] += e["dw"] * e["dh"]
        r["licences"][e["licence"]] += 1
        r["val"] += e.get("val", 0)
        if not classify_licence(e["licence"])[1].startswith("public domain"):
            r.setdefault("attribution", collections.Counter())[f"{e['licence']}: {e['holders']}"] += 1
    for src, r in rows.items():
        r.update(packages_info.get(src, {}))
        r["licences"] = dict(r["licences"])
        r["attribution"] = dict(sorted(r.get("attribution", {}).items()))
    return {
        "max_side": max_side,
        "sources": rows,
        "failed": failures,
        "images": sum(r["images"] for r in rows.values()),
        "decoded_bytes": sum(r["decoded_bytes"] for r in rows.values()),
    }


def markdown(report):
    lines = ["| source | kind | version | licence(s) of kept files | images | val | decoded MP | dropped (reason: files) |",
             "|---|---|---|---|---:|---:|---:|---|"]
    for src, r in report["sources"].items():
        lic = ", ".join(f"{k} ({v})" for k, v in sorted(r["licences"].items()))
        dropped = ", ".join(f"{k}: {v}" for k, v in sorted(r.get("dropped", {}).items()))
        lines.append(f"| {src} | {r['kind']} | {r.get('version', '-')} | {lic} | {r['images']} | {r['val']} | "
                     f"{r['pixels'] / 1e6:.1f} | {dropped or '-'} |")
    tb = report["decoded_bytes"]
    lines.append(f"| **total** | | | | **{report['images']}** | **{report['val']}** | "
                 f"**{sum(r['pixels'] for r in report['sources'].values()) / 1e6:.1f}** | |")
    lines.append("")
    lines.append(f"Decoded RGB bytes (w*h*3 after the --max-side {report['max_side']} downscale): "
                 f"{tb} ({tb / 2 ** 30:.2f} GiB, {tb / 1e9:.2f} GB); split {report['train']} train / {report['val']} val.")
    for src, why in sorted(report["failed"].items()):
        lines.append(f"- not built: {src}: {why}")
    for src, why in sorted(report.get("excluded", {}).items()):
        lines.append(f"- not used: {src}: {why}")
    for src, why in sorted(report.get("empty", {}).items()):
        lines.append(f"- fetched, nothing kept: {src}: {why}")
    lines += ["", "Attribution (files kept under a licence other than public domain / CC0: "
              "licence: copyright holders (files)):", ""]
    for src, r in report["sources"].items():
        for k, v in r.get("attribution", {}).items():
            if not src.startswith("frames/"):
                lines.append(f"- {src}: {k} ({v})")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def expected_images(packages, frame_sets):
    """Images the selection is known to give (SOURCES' counts from the last
    build plus the frames), or None when a package outside SOURCES makes it
    unknown (then only the check after the build applies)."""
    if any(p not in SOURCES for p in packages):
        return None
    return sum(SOURCES[p][1] for p in packages) + sum(s[2] for s in frame_sets if s[1] not in EXCLUDED_TWINS)


def copy_atomic(src, dst):
    if os.path.exists(dst) and os.path.getsize(dst) == os.path.getsize(src) \
            and os.path.getmtime(dst) >= os.path.getmtime(src):
        return
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    tmp = dst + f".{os.getpid()}.tmp"
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def refuse(msg):
    print(f"build_dataset.py: error: {msg}", file=sys.stderr)
    return 2


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    ap.add_argument("--frames-dir", default=DEFAULT_FRAMES)
    ap.add_argument("--splits", default=DEFAULT_SPLITS)
    ap.add_argument("--packages", nargs="*", default=PACKAGES, help="Debian packages (kind from SOURCES; others: photo)")
    ap.add_argument("--no-frames", action="store_true", help="skip the rendered frames (machines without the CLI)")
    ap.add_argument("--min-side", type=int, default=384, help="photos: shorter side at least this")
    ap.add_argument("--texture-min-side", type=int, default=256, help="textures: shorter side at least this")
    ap.add_argument("--max-side", type=int, default=2048, help="as train.py --max-side, for the decoded size")
    ap.add_argument("--val-photos", type=int, default=8)
    ap.add_argument("--val-textures", type=int, default=6)
    ap.add_argument("--min-images", type=int, default=800)
    ap.add_argument("--min-gb", type=float, default=1.0, help="minimum decoded RGB size, 1e9 bytes")
    ap.add_argument("--min-val", type=int, default=30)
    ap.add_argument("--rewrite-splits", action="store_true")
    ap.add_argument("--report", default=None, help="also write the summary table (markdown) here")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    frame_sets = [] if args.no_frames else FRAME_SETS
    for name, seed, *_ in frame_sets:
        if seed in FORBIDDEN_CITY_SEEDS:
            return refuse(f"frame set {name} uses city seed {seed}, a held-out evaluation set")
    expect = expected_images(args.packages, frame_sets)
    if expect is not None and expect < args.min_images:
        return refuse(f"the selected sources are known to give {expect} images, below --min-images {args.min_images} "
                      f"(packages: {' '.join(args.packages) or '-'}; frames: {'no' if args.no_frames else 'yes'}); "
                      "add sources or lower --min-images")
    val_frames = sum(s[2] for s in frame_sets if s[4] == "val")
    if val_frames + args.val_photos + args.val_textures < args.min_val:
        return refuse(f"at most {val_frames + args.val_photos + args.val_textures} validation images "
                      f"(frames {val_frames} + --val-photos {args.val_photos} + --val-textures {args.val_textures}), "
                      f"below --min-val {args.min_val}")

    images = os.path.join(args.cache, "images")
    os.makedirs(images, exist_ok=True)
    failures, info, empty, excluded = {}, {}, {}, {}
    seen = {}
    entries = []

    def add(src_path, name, source, kind, role, lic, w, h, holders="NeuralPost contributors"):
        with open(src_path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        if digest in seen:
            info[source]["dropped"]["byte duplicate"] = info[source]["dropped"].get("byte duplicate", 0) + 1
            return
        seen[digest] = name
        copy_atomic(src_path, os.path.join(images, name))
        dw, dh = decoded_size(w, h, args.max_side)
        entries.append({"name": name, "source": source, "kind": kind, "role": role, "licence": lic,
                        "holders": holders, "w": w, "h": h, "dw": dw, "dh": dh})

    # frames first, validation sets first: a byte duplicate keeps its first copy,
    # and the validation copy must be the one that stays
    for name, seed, *_ in frame_sets:
        if seed in EXCLUDED_TWINS:
            excluded["frames/" + name] = EXCLUDED_TWINS[seed]
    frame_sets = [fs for fs in frame_sets if fs[1] not in EXCLUDED_TWINS]
    if frame_sets:
        ordered = sorted(frame_sets, key=lambda fs: fs[4] != "val")
        built = build_frames(args.frames_dir, failures, ordered)
        val_frames_by_size = collections.defaultdict(dict)
        for name, seed, count, size, role in ordered:
            if name not in built:
                continue
            hr, files = built[name]
            source = "frames/" + name
            info[source] = {"version": f"city seed {seed}, {count} x {size}", "dropped": {}}
            for i, f in enumerate(files):
                path = os.path.join(hr, f)
                if role == "val":
                    val_frames_by_size[size][i] = path
                elif i in val_frames_by_size[size] and near_duplicate(path, val_frames_by_size[size][i]):
                    d = info[source]["dropped"]
                    d["near duplicate of a validation frame"] = d.get("near duplicate of a validation frame", 0) + 1
                    continue
                w, h = (int(x) for x in size.split("x"))
                add(path, f"frames/{name}/{f}", source, "frames", role, "MIT (NeuralPost sample scene)", w, h)

    for pkg in args.packages:
        kind = SOURCES.get(pkg, ("photo", 0))[0]
        root, deb = fetch(pkg, args.cache, failures)
        if root is None:
            continue
        text = read_copyright(root, pkg)
        stanzas = parse_dep5(text) if text else None
        why = collections.Counter()
        kept = collect(pkg, root, args.min_side if kind == "photo" else args.texture_min_side, stanzas, why)
        info[pkg] = {"version": deb_version(deb), "deb": os.path.basename(deb), "dropped": dict(why)}
        if stanzas is None:
            empty[pkg] = "copyright file missing or not machine-readable (DEP-5)"
        for rel, lic, who in kept:
            path = os.path.join(root, rel)
            with Image.open(path) as im:
                w, h = im.size
            add(path, pkg + "/" + rel.replace("/", "_"), pkg, kind, "train", lic, w, h, who)
        if not any(e["source"] == pkg for e in entries) and pkg not in empty:
            empty[pkg] = "no file passed the licence and image rules"
        print(f"{pkg}: kept {sum(e['source'] == pkg for e in entries)}; dropped {dict(why)}", flush=True)

    # files an earlier build kept in a folder this build owns, and no longer keeps
    names = {e["name"] for e in entries}
    for source in info:
        folder = os.path.join(images, source)
        for f in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if os.path.isfile(os.path.join(folder, f)) and f"{source}/{f}" not in names:
                os.remove(os.path.join(folder, f))
                print(f"removed stale {source}/{f}")
    entries.sort(key=lambda e: e["name"])
    val = set(choose_val(entries, args.val_photos, args.val_textures))
    for e in entries:
        e["val"] = int(e["name"] in val)
    report = summarize(entries, info, failures, args.max_side)
    report["empty"] = empty
    report["excluded"] = excluded
    report["val"] = len(val)
    report["train"] = len(entries) - len(val)
    report["packages"] = args.packages
    report["frames"] = not args.no_frames
    atomic.write_text(os.path.join(args.cache, "report.json"), json.dumps(report, indent=1) + "\n")
    table = markdown(report)
    print(table)
    if args.report:
        atomic.write_text(args.report, table)

    problems = []
    if len(entries) < args.min_images:
        problems.append(f"{len(entries)} images < --min-images {args.min_images}")
    if report["decoded_bytes"] < args.min_gb * 1e9:
        problems.append(f"{report['decoded_bytes'] / 1e9:.2f} GB decoded < --min-gb {args.min_gb}")
    if len(val) < args.min_val:
        problems.append(f"{len(val)} validation images < --min-val {args.min_val}")
    if problems:
        return refuse("the corpus is below the minimum (" + "; ".join(problems) + "); split not written")

    names = [e["name"] for e in entries]
    if os.path.exists(args.splits) and not args.rewrite_splits:
        with open(args.splits) as fh:
            splits = json.load(fh)
        missing = sorted((set(splits["train"]) | set(splits["val"])) - set(names))
        if missing:
            print(f"warning: {len(missing)} images listed in {args.splits} are missing here "
                  f"(first: {missing[0]}); pass --rewrite-splits to replace the split", file=sys.stderr)
        print(f"kept existing split: {len(splits['train'])} train / {len(splits['val'])} val")
        return 0
    counts = collections.OrderedDict()
    for e in entries:
        c = counts.setdefault(e["source"], {"train": 0, "val": 0})
        c["val" if e["val"] else "train"] += 1
    splits = {
        "comment": "Deterministic split written by build_dataset.py; images live in <cache>/images/<source>/. "
                   "See Models/Training/DATA.md.",
        "packages": args.packages,
        "frames": [s[0] for s in frame_sets],
        "sources": counts,
        "val": sorted(val),
        "train": [n for n in names if n not in val],
    }
    atomic.write_text(args.splits, json.dumps(splits, indent=1) + "\n")
    print(f"wrote {args.splits}: {len(splits['train'])} train / {len(splits['val'])} val")
    return 0


if __name__ == "__main__":
    sys.exit(main())
