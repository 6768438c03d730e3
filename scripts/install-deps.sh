#!/usr/bin/env bash
# Installs every Debian package Janus needs to build, test and benchmark:
# the C++ toolchain, LLVM/MLIR/clang 22, the ANTLR4 tool and C++ runtime,
# fmt, doctest, OpenBLAS, and Debian's python3-torch/python3-numpy, which are
# the test oracle. Idempotent and non-interactive; run as root (or via sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache git pkg-config
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
  libclang-rt-22-dev
  zlib1g-dev libzstd-dev libedit-dev libxml2-dev libcurl4-openssl-dev
  antlr4 libantlr4-runtime-dev
  libfmt-dev doctest-dev libopenblas-dev
  python3 python3-torch python3-numpy
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
