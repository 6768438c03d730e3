#!/bin/sh
# Runs a Janus Python program the way an application would: `janusc -o`
# builds it into a shared library, which janus-load (tools/janus-load) runs
# as __main__. The differential test of that path (test/Programs/
# janusc-load.test) passes this script to compare-outputs.py as its
# --janus command. Exit status: janusc's when it rejects the program (its
# diagnostics on stderr), else janus-load's (1 after a Python error, whose
# traceback is on stderr).
#
# Usage: janusc-load.sh JANUSC JANUS_LOAD [JANUSC OPTIONS...] PROGRAM.py
if [ $# -lt 3 ]; then
  echo "usage: janusc-load.sh JANUSC JANUS_LOAD [OPTIONS...] PROGRAM.py" >&2
  exit 2
fi
janusc=$1
load=$2
shift 2
# The program is the last argument; the ones before it go to janusc.
for program; do :; done
dir=$(mktemp -d "${TMPDIR:-/tmp}/janusc-load.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
# janus-load finds __janus_init_<stem> from the library's file name.
library="$dir/lib$(basename "$program" .py).so"
"$janusc" "$@" -o "$library" || exit $?
"$load" "$library"
