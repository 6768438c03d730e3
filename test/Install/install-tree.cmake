# install-tree.cmake - the CTest install-tree (test/CMakeLists.txt):
# `cmake --install` gives a working toolchain that still works after the
# prefix is moved, and that uses nothing of the build tree.
#
#   cmake -DBUILD_DIR=... -DINPUTS=... -DORACLE=... -DC_COMPILER=...
#         -P install-tree.cmake
#
# Steps, each a failure of the test when it does not hold:
#  1. install the build tree into <work>/prefix and move that directory to
#     <work>/moved (<work> is a fresh directory under $TMPDIR or /tmp,
#     outside the build tree, so the runtime's build-tree fallback cannot
#     apply: ExecPylib.cpp);
#  2. the RUNPATHs of the installed binaries and pylib are $ORIGIN-relative
#     and name neither the build tree nor the old prefix, and the dynamic
#     loader resolves janus's libjanus_runtime.so inside the moved prefix;
#  3. the installed janusc builds Inputs/installmodel.py (torch.nn,
#     torch.optim) into a library and header; the library is linked
#     against the moved prefix's runtime (its RUNPATH is <moved>/lib);
#  4. the installed janus-load runs that library, the installed `janus run`
#     runs the program, and a C program compiled and linked against only
#     <moved>/include and <moved>/lib (and the generated library) calls its
#     train(0): each prints what the oracle prints for the same program;
#  5. with <moved>/lib/janus/pylib deleted, the installed `janus run` fails
#     with the runtime's error naming that directory, which shows that step
#     4 loaded the pylib from the prefix and not from the build tree.
# $JANUS_PYLIB_DIR and $LD_LIBRARY_PATH are unset for every command.
cmake_minimum_required(VERSION 3.20)

foreach(var BUILD_DIR INPUTS ORACLE C_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install-tree.cmake: -D${var}=... is required")
  endif()
endforeach()

set(tmpRoot "$ENV{TMPDIR}")
if(NOT tmpRoot)
  set(tmpRoot /tmp)
endif()
string(RANDOM LENGTH 10 tag)
set(work "${tmpRoot}/janus-install-tree-${tag}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
file(REAL_PATH "${work}" work)
set(prefix "${work}/prefix")
set(moved "${work}/moved")
file(REAL_PATH "${BUILD_DIR}" buildDir)

# Removes the work directory and stops the test with `message`.
function(fail message)
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "install-tree: ${message}")
endfunction()

# Runs the command after COMMAND in a clean environment; stores its exit
# status, stdout and stderr in <out>_rc, <out>_stdout, <out>_stderr.
function(run out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" COMMAND)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env --unset=JANUS_PYLIB_DIR
            --unset=LD_LIBRARY_PATH ${arg_COMMAND}
    WORKING_DIRECTORY "${work}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  set(${out}_rc "${rc}" PARENT_SCOPE)
  set(${out}_stdout "${stdout}" PARENT_SCOPE)
  set(${out}_stderr "${stderr}" PARENT_SCOPE)
endfunction()

# Runs a command that must succeed; its stdout goes to <out>.
function(run_ok out what)
  run(r COMMAND ${ARGN})
  if(NOT r_rc EQUAL 0)
    fail("${what} failed (${r_rc}):\n${r_stdout}${r_stderr}")
  endif()
  set(${out} "${r_stdout}" PARENT_SCOPE)
endfunction()

# The RUNPATH of `file` (readelf -d) in <out>, and the whole dynamic
# section in <out>_dynamic.
function(runpath_of out file)
  run_ok(dynamic "readelf -d ${file}" ${READELF} -d "${file}")
  if(NOT dynamic MATCHES "\\(RUNPATH\\)[^\n]*Library runpath: \\[([^\n]*)\\]")
    fail("${file} has no RUNPATH:\n${dynamic}")
  endif()
  set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  set(${out}_dynamic "${dynamic}" PARENT_SCOPE)
endfunction()

# --- 1. install, then move the prefix ---------------------------------------
run_ok(ignored "cmake --install"
  ${CMAKE_COMMAND} --install "${buildDir}" --prefix "${prefix}")
file(RENAME "${prefix}" "${moved}")
foreach(file bin/janusc bin/janus bin/janus-load bin/janus-opt
    lib/libjanus_runtime.so lib/janus/pylib/libjanus_pylib_torch_nn.so
    lib/janus/pylib/libjanus_pylib_torch_optim.so include/janus/janus.h
    include/janus/janus_exec.h)
  if(NOT EXISTS "${moved}/${file}")
    fail("the install has no ${file}")
  endif()
endforeach()

# --- 2. RUNPATHs ------------------------------------------------------------
find_program(READELF readelf REQUIRED)
find_program(LDD ldd REQUIRED)
foreach(entry "bin/janusc|$ORIGIN/../lib" "bin/janus|$ORIGIN/../lib"
    "bin/janus-load|$ORIGIN/../lib"
    "lib/janus/pylib/libjanus_pylib_torch_nn.so|$ORIGIN/../.."
    "lib/janus/pylib/libjanus_pylib_torch_optim.so|$ORIGIN/../..")
  string(REPLACE "|" ";" entry "${entry}")
  list(GET entry 0 file)
  list(GET entry 1 expected)
  runpath_of(runpath "${moved}/${file}")
  string(REPLACE ":" ";" entries "${runpath}")
  list(GET entries 0 first)
  if(NOT first STREQUAL expected)
    fail("the RUNPATH of ${file} is '${runpath}', not '${expected}' first")
  endif()
  foreach(bad "${buildDir}" "${work}")
    string(FIND "${runpath_dynamic}" "${bad}" at)
    if(NOT at EQUAL -1)
      fail("${file} names ${bad}:\n${runpath_dynamic}")
    endif()
  endforeach()
endforeach()
run_ok(libs "ldd janus" ${LDD} "${moved}/bin/janus")
if(NOT libs MATCHES "libjanus_runtime\\.so => ([^ \n]+)")
  fail("ldd does not list libjanus_runtime.so for janus:\n${libs}")
endif()
file(REAL_PATH "${CMAKE_MATCH_1}" runtime)
if(NOT runtime STREQUAL "${moved}/lib/libjanus_runtime.so")
  fail("janus loads ${runtime}, not the moved prefix's runtime")
endif()

# --- 3. the installed janusc -------------------------------------------------
set(program "${INPUTS}/installmodel.py")
run_ok(ignored "janusc -O1 -o libinstallmodel.so --header"
  "${moved}/bin/janusc" -O1 "${program}" -o "${work}/libinstallmodel.so"
  --header "${work}/installmodel.h")
runpath_of(runpath "${work}/libinstallmodel.so")
if(NOT runpath STREQUAL "${moved}/lib")
  fail("janusc linked against '${runpath}', not ${moved}/lib")
endif()

# --- 4. run it three ways, compare with the oracle ---------------------------
run_ok(expectedMain "the oracle on installmodel.py" "${ORACLE}" "${program}")
# (No ';' in the arguments: CMake would split them into list elements.)
run_ok(expectedCall "the oracle calling train(0)"
  PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=${INPUTS}
  "${ORACLE}" -c "print(repr(__import__('installmodel').train(0)))")
if(expectedMain STREQUAL "")
  fail("the oracle printed nothing")
endif()

run_ok(loaded "janus-load libinstallmodel.so"
  "${moved}/bin/janus-load" "${work}/libinstallmodel.so")
run_ok(ran "janus run installmodel.py" "${moved}/bin/janus" run "${program}")
run_ok(ignored "compiling install-main.c against the prefix"
  "${C_COMPILER}" -std=c11 -Wall -Wextra -Werror "-I${moved}/include"
  "-I${work}" "${INPUTS}/install-main.c" -o "${work}/install-main"
  "${work}/libinstallmodel.so" "-L${moved}/lib" -ljanus_runtime
  "-Wl,-rpath,${moved}/lib" "-Wl,-rpath,${work}")
run_ok(called "install-main" "${work}/install-main")

foreach(pair "janus-load|loaded|expectedMain" "janus run|ran|expectedMain"
    "install-main|called|expectedCall")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 what)
  list(GET pair 1 actual)
  list(GET pair 2 expected)
  if(NOT "${${actual}}" STREQUAL "${${expected}}")
    fail("${what} printed '${${actual}}', the oracle '${${expected}}'")
  endif()
endforeach()

# --- 5. without the installed pylib ------------------------------------------
file(REMOVE_RECURSE "${moved}/lib/janus/pylib")
run(r COMMAND "${moved}/bin/janus" run "${program}")
if(r_rc EQUAL 0)
  fail("janus run succeeded without ${moved}/lib/janus/pylib")
endif()
string(FIND "${r_stderr}"
  "cannot load the pylib module torch.nn: ${moved}/lib/janus/pylib/" at)
if(at EQUAL -1)
  fail("janus run without the pylib did not name ${moved}/lib/janus/pylib:\n${r_stderr}")
endif()

file(REMOVE_RECURSE "${work}")
message(STATUS "install-tree: ok (${expectedMain})")
