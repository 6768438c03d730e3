//===- ExecPylib.cpp - Loading the compiled pylib on demand ---------------===//
//
// torch.nn and torch.optim are written in Janus Python (runtime/pylib) and
// compiled by janusc into libjanus_pylib_torch_nn.so and
// libjanus_pylib_torch_optim.so. janus_rt_require_pylib installs one of
// them in the process: it dlopens the library from the pylib directory
// (pylibDirectory below: $JANUS_PYLIB_DIR, else found relative to the
// object the runtime lives in, else the build tree's), runs its module init
// with __name__ == the dotted module name, and registers every global of it
// that is a class or function with a row of that Library.def module under the
// row's qualified name (janus_rt_register_library_value), so that `nn.Linear`
// resolves to the pylib's class. Generated module inits call it for each pylib
// module the module names (codegen/DynToLLVM), which is how `janus run`, a
// library built by `janusc -o` and an application all get the same pylib.
//
// Guarantees: each module is loaded at most once per process (a failed load
// is retried by the next call); a recursive request for a module being
// loaded on this thread returns at once, as Python's import of a partially
// initialised module does. Thread-safe: one mutex serialises loads.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include "Signature/LibraryRows.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <mutex>
#include <sys/stat.h>

#ifndef JANUS_PYLIB_DIR
#error "JANUS_PYLIB_DIR must name the build tree's directory of the pylib"
#endif
#ifndef JANUS_BUILD_DIR
#error "JANUS_BUILD_DIR must name the build tree the runtime was built in"
#endif

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

/// One pylib module: its dotted name, library file stem and Library.def
/// module.
struct PylibModule {
  const char *dotted;
  const char *stem;
  LibModule module;
};
constexpr PylibModule pylibModules[] = {
    {"torch.nn", "torch_nn", LibModule::TorchNN},
    {"torch.optim", "torch_optim", LibModule::TorchOptim}};
constexpr size_t numPylibModules =
    sizeof(pylibModules) / sizeof(pylibModules[0]);

enum class LoadState { NotLoaded, Loading, Loaded };

/// The directory the pylib is loaded from and where that choice came from
/// (both go into the error message of a failed load, so that a user sees
/// which copy of Janus was looked at).
struct PylibDirectory {
  std::string path;
  std::string origin;
};

/// `path` with symbolic links and `..` resolved, or `path` itself when it
/// does not exist.
std::string realPath(const std::string &path) {
  char buffer[PATH_MAX];
  return realpath(path.c_str(), buffer) ? std::string(buffer) : path;
}

bool isDirectory(const std::string &path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

/// The file of the object this code was linked into: libjanus_runtime.so,
/// or the executable when the runtime is linked statically (the unit
/// tests). Empty when the dynamic loader cannot tell. dladdr1 is asked
/// about a function with internal linkage, so no other copy of the runtime
/// in the process can interpose it.
std::string runtimeObject(bool &inExecutable) {
  Dl_info info;
  struct link_map *map = nullptr;
  if (!dladdr1(reinterpret_cast<void *>(&runtimeObject), &info,
               reinterpret_cast<void **>(&map), RTLD_DL_LINKMAP) ||
      !map)
    return "";
  // The main program's link map has an empty name (glibc); its file is
  // /proc/self/exe whatever argv[0] was.
  inExecutable = !map->l_name || !*map->l_name;
  return realPath(inExecutable ? "/proc/self/exe" : map->l_name);
}

/// Where the pylib is (docs/install.md, "Finding the pylib"):
///  1. $JANUS_PYLIB_DIR when set and not empty;
///  2. relative to the runtime: `<dir of libjanus_runtime.so>/janus/pylib`
///     for the shared library, `<dir of the executable>/../lib/janus/pylib`
///     for a runtime linked into an executable, when that directory exists;
///  3. the build tree's runtime/pylib (JANUS_PYLIB_DIR), but only for a
///     runtime inside the build tree (JANUS_BUILD_DIR). An installed runtime
///     whose pylib is missing reports the directory of step 2 instead of
///     quietly using a build tree that may be stale or gone.
PylibDirectory pylibDirectory() {
  const char *env = std::getenv("JANUS_PYLIB_DIR");
  if (env && *env)
    return {env, "from $JANUS_PYLIB_DIR"};
  bool inExecutable = false;
  std::string object = runtimeObject(inExecutable);
  size_t slash = object.rfind('/');
  if (slash != std::string::npos) {
    std::string dir = object.substr(0, slash);
    std::string relative =
        inExecutable ? dir + "/../lib/janus/pylib" : dir + "/janus/pylib";
    std::string origin = "relative to the runtime in " + object;
    if (isDirectory(relative))
      return {realPath(relative), origin};
    std::string buildDir = realPath(JANUS_BUILD_DIR) + "/";
    if (object.compare(0, buildDir.size(), buildDir) != 0)
      return {relative, origin};
  }
  return {JANUS_PYLIB_DIR, "the build tree's pylib"};
}

std::recursive_mutex loadMutex;
LoadState loadStates[numPylibModules];

/// Loads `pylib` (the mutex is held). Returns 0 or -1 with a pending
/// exception.
int32_t load(const PylibModule &pylib) {
  PylibDirectory dir = pylibDirectory();
  std::string path = dir.path + "/libjanus_pylib_" + pylib.stem + ".so";
  // RTLD_LOCAL: the library is reached through dlsym only; it stays loaded
  // for the life of the process because its classes are registered.
  void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *why = dlerror();
    return failInt(Status(ErrorCode::RuntimeError,
                          std::string("cannot load the pylib module ") +
                              pylib.dotted + ": " + (why ? why : path) +
                              " (pylib directory " + dir.path + ", " +
                              dir.origin + ")"));
  }
  using InitFn = janus_rt_value (*)(janus_rt_value);
  using GlobalFn = janus_rt_value (*)(const char *);
  std::string stem = pylib.stem;
  auto init =
      reinterpret_cast<InitFn>(dlsym(handle, ("__janus_init_" + stem).c_str()));
  auto global = reinterpret_cast<GlobalFn>(
      dlsym(handle, ("__janus_global_" + stem).c_str()));
  if (!init || !global)
    return failInt(
        Status(ErrorCode::RuntimeError, path + " lacks __janus_init_" + stem +
                                            " or __janus_global_" + stem));

  janus_rt_value name = give(makeStr(pylib.dotted));
  janus_rt_value result = init(name);
  janus_rt_release(name);
  if (isError(result))
    return -1; // the module's exception, with its traceback
  janus_rt_release(result);

  const LibRow *rows = libraryRows();
  for (size_t i = 0, e = numLibraryRows(); i < e; ++i) {
    const LibRow &row = rows[i];
    if (row.module != pylib.module)
      continue;
    janus_rt_value value = global(row.name);
    int32_t status = 0;
    if (value.kind == JANUS_VALUE_CLASS || value.kind == JANUS_VALUE_FUNCTION)
      status =
          janus_rt_register_library_value(libQualifiedName(row).c_str(), value);
    janus_rt_release(value);
    if (status != 0)
      return -1;
  }
  return 0;
}

} // namespace

extern "C" int32_t janus_rt_require_pylib(const char *module) {
  return guard([&]() -> int32_t {
    for (size_t i = 0; i < numPylibModules; ++i) {
      const PylibModule &pylib = pylibModules[i];
      if (!module || std::strcmp(module, pylib.dotted) != 0)
        continue;
      std::lock_guard<std::recursive_mutex> lock(loadMutex);
      // Loading on this thread (a recursive mutex: another thread waits
      // above until the load is over): a request from inside the module's
      // own init.
      if (loadStates[i] != LoadState::NotLoaded)
        return 0;
      loadStates[i] = LoadState::Loading;
      int32_t status = load(pylib);
      loadStates[i] = status == 0 ? LoadState::Loaded : LoadState::NotLoaded;
      return status;
    }
    return failInt(
        Status(ErrorCode::InvalidArgument, std::string("not a pylib module: ") +
                                               (module ? module : "NULL")));
  });
}
