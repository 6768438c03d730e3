# Shared by the bench/run-*.sh scripts (sourced, not run): finding the
# interpreter that can import PyTorch and building the targets a benchmark
# runs. Expects ROOT (the source tree) and BUILD (the build directory).

# Sets PY to the interpreter that can `import $1` (e.g. "torch" or
# "torch, numpy"): /usr/bin/python3 (Debian's python3-torch), else the
# python3 on PATH; exits 1 with a message when neither can.
bench_find_oracle() {
  PY=""
  local cand
  for cand in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$cand" ] && "$cand" -c "import $1" >/dev/null 2>&1; then
      PY="$cand"
      return 0
    fi
  done
  echo "error: no python3 that can 'import $1' (tried /usr/bin/python3" \
    "and python3 on PATH); run scripts/install-deps.sh" >&2
  exit 1
}

# Configures BUILD when needed (Release, Ninja) and builds the targets.
bench_build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
  cmake --build "$BUILD" --target "$@"
}
