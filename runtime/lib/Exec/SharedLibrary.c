/*===- SharedLibrary.c - The source file of libjanus_runtime.so -----------===*
 *
 * The shared runtime is the static library's objects linked whole (see
 * runtime/CMakeLists.txt); CMake wants one source of its own for the
 * target. This one checks that both public headers compile as C.
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"
#include "janus/janus_exec.h"
