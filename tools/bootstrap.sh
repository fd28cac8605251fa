#!/usr/bin/env bash
# Installs what NeuralPost needs on a fresh Debian machine, idempotently and quietly when all is present:
#   - system packages through apt (only when run as root and only those missing),
#   - the ONNX Runtime native library, extracted from the official npm package into .cache/ (git-ignored).
# Source it (it exports NEURALPOST_ORT_LIBRARY) or run it.
set -euo pipefail

NP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ORT_VERSION="1.30.0"
# sha256 of the npm tarball and of the extracted Linux x64 library, checked so a corrupt cache is caught.
ORT_TGZ_SHA256="6e3390d6b783e7be946fad629292799da28d0b42f84856e50d2c1b0383291e75"
ORT_LINUX_X64_SHA256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"
NP_DOWNLOAD_CACHE="${NEURALPOST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/neuralpost}"

np_log() { echo "[bootstrap] $*" >&2; }

np_apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    np_log "missing system packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    return 1
  fi
  np_log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

np_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return 0
  np_log "the .NET SDK (dotnet, version 10) is required and not on PATH"
  return 1
}

np_ort_rid() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) echo "linux-x64" ;;
    Linux-aarch64) echo "linux-arm64" ;;
    *) np_log "unsupported platform $(uname -s)-$(uname -m)"; return 1 ;;
  esac
}

np_ensure_ort() {
  local rid lib_dir lib tgz
  # A library the user points at explicitly wins; the CLI reports it clearly if it is missing.
  if [ -n "${NEURALPOST_ORT_LIBRARY:-}" ]; then
    export NEURALPOST_ORT_LIBRARY
    return 0
  fi
  rid="$(np_ort_rid)"
  lib_dir="$NP_ROOT/.cache/onnxruntime/$ORT_VERSION/$rid"
  lib="$lib_dir/libonnxruntime.so.1"
  if [ ! -f "$lib" ]; then
    command -v npm >/dev/null 2>&1 || np_apt_install npm
    tgz="$NP_DOWNLOAD_CACHE/onnxruntime-node-$ORT_VERSION.tgz"
    if [ ! -f "$tgz" ] || ! echo "$ORT_TGZ_SHA256  $tgz" | sha256sum -c --status; then
      mkdir -p "$NP_DOWNLOAD_CACHE"
      np_log "downloading onnxruntime-node@$ORT_VERSION (~110 MB, cached in $NP_DOWNLOAD_CACHE)"
      rm -f "$tgz"
      (cd "$NP_DOWNLOAD_CACHE" && npm pack --silent "onnxruntime-node@$ORT_VERSION" >/dev/null)
      echo "$ORT_TGZ_SHA256  $tgz" | sha256sum -c --status || { np_log "checksum mismatch for $tgz"; return 1; }
    fi
    local tmp; tmp="$(mktemp -d)"
    tar -xzf "$tgz" -C "$tmp" "package/bin/napi-v6/linux/${rid#linux-}/libonnxruntime.so.1"
    if [ "$rid" = "linux-x64" ]; then
      echo "$ORT_LINUX_X64_SHA256  $tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" | sha256sum -c --status \
        || { np_log "checksum mismatch for the extracted ONNX Runtime library"; rm -rf "$tmp"; return 1; }
    fi
    mkdir -p "$lib_dir"
    mv "$tmp/package/bin/napi-v6/linux/${rid#linux-}/libonnxruntime.so.1" "$lib"
    rm -rf "$tmp"
    np_log "ONNX Runtime $ORT_VERSION installed at $lib"
  fi
  export NEURALPOST_ORT_LIBRARY="$lib"
}

np_bootstrap() {
  np_require_dotnet
  # OpenGL 4.5 through EGL without a display (Mesa llvmpipe on machines without a GPU) and GLFW for windows.
  np_apt_install libegl1 libgl1-mesa-dri libegl-mesa0 libglfw3 \
    || np_log "OpenGL packages unavailable: the sample falls back or reports it, and GL tests report Ignored"
  # SkiaSharp's native library (image files, charts) links fontconfig, so without it no image file can be read;
  # chart text needs a font fontconfig can find.
  np_apt_install libfontconfig1 fonts-dejavu-core \
    || np_log "libfontconfig1 or fonts-dejavu-core unavailable: image files cannot be read or written, or charts lack text"
  np_ensure_ort
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  np_bootstrap
  echo "$NEURALPOST_ORT_LIBRARY"
fi
