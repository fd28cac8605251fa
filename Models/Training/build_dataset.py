#!/usr/bin/env python3
"""Build the NeuralPost super-resolution training set from Debian photo packages.

The photos come from Debian wallpaper / sample-data packages; they are fetched
with ``apt-get download`` and unpacked with ``dpkg -x`` into a cache directory
outside the repository (default ``~/.cache/neuralpost/photos``):

    <cache>/debs/       downloaded .deb files
    <cache>/extract/    one unpacked tree per package
    <cache>/images/     the collected photos, one file each, named
                        ``<package>__<path inside the package with / -> _>``

Only raster images (JPG/PNG) whose shorter side is at least ``--min-side``
pixels are kept.  Wallpaper packages often ship the same picture at several
resolutions (``.../contents/images/1920x1080.jpg`` etc.); only the largest
rendition of each picture is kept, and byte-identical files are dropped.

The train/validation split is written to ``splits.json`` (committed next to
this script) and is deterministic: the validation photos are the
``--n-val`` JPEG photos whose SHA-1 of the file *name* is smallest, so the split
does not depend on download order or on the machine.  If ``splits.json``
already exists it is kept (pass ``--rewrite-splits`` to regenerate), so every
machine trains on the same split; photos missing on a machine are reported.

Benchmark images (shared/benchmarks) are never read here.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys

from PIL import Image

import atomic

PACKAGES = [
    "lomiri-wallpapers-16.04",
    "lomiri-wallpapers-20.04",
    "mate-backgrounds",
    "plasma-workspace-wallpapers",
    "ukui-wallpapers",
    "python3-skimage",  # ships skimage/data/*.png sample photographs
]
EXTS = (".jpg", ".jpeg", ".png")
# synthetic / duplicate images that are not natural photos
EXCLUDE = ("skimage/data/logo.png", "skimage/data/phantom.png", "skimage/data/motorcycle_right.png")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "neuralpost", "photos")
DEFAULT_SPLITS = os.path.join(HERE, "splits.json")


def run(cmd, cwd=None):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch(pkg, cache):
    debs = os.path.join(cache, "debs")
    os.makedirs(debs, exist_ok=True)
    have = [f for f in os.listdir(debs) if f.startswith(pkg + "_") and f.endswith(".deb")]
    if not have:
        try:
            run(["apt-get", "download", pkg], cwd=debs)
        except subprocess.CalledProcessError:
            print(f"warning: could not download {pkg}; skipping", file=sys.stderr)
            return None
        have = [f for f in os.listdir(debs) if f.startswith(pkg + "_") and f.endswith(".deb")]
    if not have:
        return None
    dest = os.path.join(cache, "extract", pkg)
    if not os.path.isdir(dest):
        tmp = dest + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        run(["dpkg", "-x", os.path.join(debs, sorted(have)[-1]), tmp])
        os.rename(tmp, dest)
    return dest


def picture_key(rel):
    """Group key for the renditions of one picture (plasma-style packages)."""
    parts = rel.split("/")
    if "contents" in parts:
        i = parts.index("contents")
        return "/".join(parts[:i])
    return rel


def collect(pkg, root, min_side):
    best = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.lower().endswith(EXTS):
                continue
            path = os.path.join(dirpath, f)
            if os.path.islink(path) or path.endswith(EXCLUDE):
                continue
            try:
                with Image.open(path) as im:
                    w, h = im.size
                    mode = im.mode
            except Exception:
                continue
            if min(w, h) < min_side or mode not in ("RGB", "RGBA", "P", "L"):
                continue
            if mode == "L":  # grey images: not colour photos
                continue
            rel = os.path.relpath(path, root)
            key = picture_key(rel)
            if key not in best or w * h > best[key][1]:
                best[key] = (rel, w * h)
    return [rel for rel, _ in best.values()]


def name_hash(name):
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    ap.add_argument("--splits", default=DEFAULT_SPLITS)
    ap.add_argument("--min-side", type=int, default=384)
    ap.add_argument("--n-val", type=int, default=3)
    ap.add_argument("--rewrite-splits", action="store_true")
    ap.add_argument("--packages", nargs="*", default=PACKAGES)
    args = ap.parse_args(argv)

    images = os.path.join(args.cache, "images")
    os.makedirs(images, exist_ok=True)
    seen_hashes = {}
    names = []
    for pkg in args.packages:
        root = fetch(pkg, args.cache)
        if root is None:
            continue
        for rel in sorted(collect(pkg, root, args.min_side)):
            src = os.path.join(root, rel)
            with open(src, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            if digest in seen_hashes:
                continue
            name = pkg + "__" + rel.replace("/", "_")
            seen_hashes[digest] = name
            dst = os.path.join(images, name)
            if not os.path.exists(dst):
                shutil.copyfile(src, dst)
            names.append(name)
    names.sort()
    print(f"{len(names)} photos in {images}")

    if os.path.exists(args.splits) and not args.rewrite_splits:
        with open(args.splits) as fh:
            splits = json.load(fh)
        listed = set(splits["train"]) | set(splits["val"])
        missing = sorted(listed - set(names))
        if missing:
            print(f"warning: {len(missing)} photos listed in {args.splits} are missing here", file=sys.stderr)
        print(f"kept existing split: {len(splits['train'])} train / {len(splits['val'])} val")
        return 0
    # validation photos: JPEGs only (the PNGs in wallpaper packages are often
    # illustrations rather than photographs)
    jpegs = [n for n in names if n.lower().endswith((".jpg", ".jpeg"))]
    val = sorted(sorted(jpegs, key=name_hash)[: args.n_val])
    train = [n for n in names if n not in val]
    splits = {
        "comment": "Deterministic split written by build_dataset.py; photos live in <cache>/images.",
        "packages": args.packages,
        "val": val,
        "train": train,
    }
    atomic.write_text(args.splits, json.dumps(splits, indent=1) + "\n")
    print(f"wrote {args.splits}: {len(train)} train / {len(val)} val")
    return 0


if __name__ == "__main__":
    sys.exit(main())
