#!/usr/bin/env bash
# Installs what NeuralPost needs on a fresh Debian machine, idempotently and quietly when all is present: system
# packages through apt (only when run as root and only those missing). ONNX Runtime needs nothing here: it comes
# with the Microsoft.ML.OnnxRuntime NuGet package, whose native library `dotnet build` copies next to the assemblies.
# Source it or run it.
set -euo pipefail

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

np_bootstrap() {
  np_require_dotnet
  # OpenGL 4.5 through EGL without a display (Mesa llvmpipe on machines without a GPU) and GLFW for windows.
  np_apt_install libegl1 libgl1-mesa-dri libegl-mesa0 libglfw3 \
    || np_log "OpenGL packages unavailable: the sample falls back or reports it, and GL tests report Ignored"
  # SkiaSharp's native library (image files, charts) links fontconfig, so without it no image file can be read;
  # chart text needs a font fontconfig can find.
  np_apt_install libfontconfig1 fonts-dejavu-core \
    || np_log "libfontconfig1 or fonts-dejavu-core unavailable: image files cannot be read or written, or charts lack text"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  np_bootstrap
fi
