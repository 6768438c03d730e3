//===- ExecExports.cpp - The C entry points of a module built by janusc ---===//
//
// `janusc model.py -o libmodel.so` exports `janus_status_t model_init(void)`
// and one `janus_status_t model_<f>(janus_value_t..., janus_value_t *)` per
// top-level function (docs/compiler.md, "C entry points"). The generated
// functions only gather their arguments; these two helpers do the work with
// janus.h's conventions: handles in (borrowed), a new handle out, and a
// Python exception turned into a janus_status_t whose message carries the
// traceback.
//
// Assumes: `state` is the module's own int32 word, zero-initialised, and
// `slot` the module's global slot of the function's name.
// Guarantees: the module body runs at most once (concurrent callers of
// init wait for the first), and a call through a global sees what the
// global holds when the call starts.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include "Value/CApiHandles.h"

#include <mutex>

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

enum InitState : int32_t { NotRun = 0, Running = 1, Done = 2, Failed = 3 };

std::mutex initMutex;

janus_status_t invalid(std::string message) {
  return Status(ErrorCode::InvalidArgument, std::move(message)).release();
}

/// The pending exception as a status (a generic one if none is pending,
/// which would be a runtime bug).
janus_status_t takeStatus() {
  if (janus_status_t status = janus_rt_take_status_with_traceback())
    return status;
  return Status(ErrorCode::RuntimeError,
                "compiled code failed without an exception")
      .release();
}

} // namespace

extern "C" {

janus_status_t janus_rt_export_init(int32_t *state,
                                    janus_rt_value (*init)(janus_rt_value),
                                    const char *module_name) {
  if (!state || !init || !module_name)
    return invalid("janus_rt_export_init: NULL argument");
  try {
    std::lock_guard<std::mutex> lock(initMutex);
    switch (__atomic_load_n(state, __ATOMIC_ACQUIRE)) {
    case Done:
      return nullptr;
    case Running:
      return Status(ErrorCode::RuntimeError,
                    std::string("module '") + module_name +
                        "' is being initialised (a recursive " + module_name +
                        "_init)")
          .release();
    case Failed:
      return Status(ErrorCode::RuntimeError,
                    std::string("the initialisation of module '") +
                        module_name + "' failed earlier")
          .release();
    default:
      break;
    }
    __atomic_store_n(state, int32_t(Running), __ATOMIC_RELEASE);
    janus_rt_value name = give(makeStr(module_name));
    janus_rt_value result = init(name); // exported init: entry begin/end
    janus_rt_release(name);
    if (isError(result)) {
      __atomic_store_n(state, int32_t(Failed), __ATOMIC_RELEASE);
      return takeStatus();
    }
    janus_rt_release(result);
    __atomic_store_n(state, int32_t(Done), __ATOMIC_RELEASE);
    return nullptr;
  } catch (const std::bad_alloc &) {
    return Status(ErrorCode::MemoryError, "").release();
  }
}

janus_status_t janus_rt_export_call(const int32_t *state,
                                    const char *module_name,
                                    janus_rt_value *slot, const char *name,
                                    const janus_value_t *args, int64_t nargs,
                                    janus_value_t *out_result) {
  try {
    if (!state || !module_name || !slot || !name || nargs < 0 ||
        (nargs > 0 && !args))
      return invalid("janus_rt_export_call: bad arguments");
    std::string function = std::string(module_name) + "_" + name;
    if (!out_result)
      return invalid(function + ": out_result is NULL");
    if (__atomic_load_n(state, __ATOMIC_ACQUIRE) != Done)
      return invalid(function + ": module '" + module_name +
                     "' is not initialised (call " + module_name +
                     "_init first)");
    for (int64_t i = 0; i < nargs; ++i)
      if (!args[i])
        return invalid(function + ": argument " + std::to_string(i + 1) +
                       " is NULL");

    // Borrowed views of the handles' values: the handles outlive the call.
    std::vector<janus_rt_value> values;
    values.reserve(size_t(nargs));
    for (int64_t i = 0; i < nargs; ++i)
      values.push_back(view(args[i]->value));

    // A site lives as long as the process (the runtime may cache in it);
    // with no name and no keywords it caches nothing callee-specific.
    static janus_rt_site site = {};
    void *token = janus_rt_entry_begin();
    janus_rt_value callee =
        janus_rt_load_slot(slot, name, /*is_global=*/1, /*is_cell=*/0);
    janus_rt_value result = callee;
    if (!isError(callee)) {
      result = janus_rt_call(&site, callee, values.data(), nargs);
      janus_rt_release(callee);
    }
    janus_rt_entry_end(token);
    if (isError(result))
      return takeStatus();
    janus_value_t handle = janus_rt_to_handle(result);
    janus_rt_release(result);
    if (!handle)
      return Status(ErrorCode::MemoryError, "").release();
    *out_result = handle;
    return nullptr;
  } catch (const std::bad_alloc &) {
    return Status(ErrorCode::MemoryError, "").release();
  }
}

} // extern "C"
