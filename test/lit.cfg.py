# lit configuration for Janus's regression tests. Tests are Janus Python
# files (.py), MLIR files (.mlir) and plain scripts (.test) with RUN lines.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "Janus"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".py", ".mlir", ".test"]
# test/programs/ holds the differential-test programs (no RUN lines of their
# own); the lit tests in test/Programs/ run them through
# scripts/compare-outputs.py.
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs", "CMakeLists.txt",
                   "programs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.janus_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# Janus's own tools (janusc, janus-opt, janus) are found by name on PATH.
for tool_dir in ("janusc", "janus-opt", "janus-codegen", "janus"):
    llvm_config.with_environment(
        "PATH", os.path.join(config.janus_tools_dir, tool_dir), append_path=True)

janusc = os.path.join(config.janus_tools_dir, "janusc", "janusc")
config.substitutions.append(("%janusc", janusc))
config.substitutions.append(("%oracle", config.oracle_python))
config.substitutions.append(("%examples", os.path.join(config.janus_src_root, "examples")))
config.substitutions.append(("%scripts", os.path.join(config.janus_src_root, "scripts")))

# %pycheck: proves a test input is valid Python by compiling it with the
# oracle interpreter (no bytecode is written next to the test).
config.substitutions.append(("%pycheck", config.oracle_python +
    " -c \"import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')\""))

# The `janus run` driver: once it is built, the differential tests in
# test/Programs/ that compare it with the oracle run too (REQUIRES: janus-run).
janus = os.path.join(config.janus_tools_dir, "janus", "janus")
config.substitutions.append(("%janus-driver", janus))
if os.path.isfile(janus) and os.access(janus, os.X_OK):
    config.available_features.add("janus-run")

# janus-load runs a library built by `janusc -o` as __main__
# (test/Programs/janusc-load.test, REQUIRES: janus-load).
janus_load = os.path.join(config.janus_tools_dir, "janus-load", "janus-load")
config.substitutions.append(("%janus-load", janus_load))
if os.path.isfile(janus_load) and os.access(janus_load, os.X_OK):
    config.available_features.add("janus-load")

# The shared runtime that compiled modules link against (test/Codegen).
runtime_dir = os.path.join(config.janus_obj_root, "runtime")
config.substitutions.append(("%janus_runtime_dir", runtime_dir))
config.substitutions.append(("%janus_runtime_include",
                             os.path.join(config.janus_src_root, "runtime", "include")))
if os.path.exists(os.path.join(runtime_dir, "libjanus_runtime.so")):
    config.available_features.add("janus-runtime-shared")
