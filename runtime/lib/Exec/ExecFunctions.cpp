//===- ExecFunctions.cpp - Function objects of compiled Python code -------===//
//
// janus_rt_make_function wraps a compiled `def` or lambda in a function
// value (a FunctionObject whose user data is a CompiledFunction: the static
// descriptor, the default values and the captured cells). Calling it binds
// the arguments as CPython does -- positionals, keywords, defaults,
// keyword-only parameters -- with sig::bindCall, the binder the front end
// and the library table share, so the TypeErrors are CPython's and name the
// function by its __qualname__ ("Net.forward() missing 1 required positional
// argument: 'x'"). The common call, positionals only with defaults for the
// rest, skips the binder. The compiled code then receives one borrowed
// value per parameter followed by the captured cells.
//
// Bound methods and classes need nothing here: a function found on a class
// is bound by getAttr like any other, and calling a class runs its
// __init__ (Instance.cpp, and Dispatch's callWithKeywords for keywords).
//
// Recursion: each compiled frame counts against CPython's default limit of
// 1000; the next call fails with RecursionError instead of overflowing the
// C stack.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace janus::rt::exec {
thread_local int64_t recursionDepth = 0;
} // namespace janus::rt::exec

namespace {

constexpr int64_t RecursionLimit = 1000;

/// What a compiled function value closes over.
struct CompiledFunction {
  const janus_rt_function_desc *desc = nullptr;
  std::string qualname;
  /// For sig::bindCall: the parameters, with a placeholder default where
  /// the function has one.
  std::vector<sig::Param> params;
  /// Per parameter: its default (None where hasDefault is false).
  std::vector<Value> defaults;
  std::vector<bool> hasDefault;
  std::vector<Value> captures;
};

void destroyCompiled(void *data) {
  delete static_cast<CompiledFunction *>(data);
}

/// Runs the code with `frame` (parameters then captures), counting the
/// recursion depth. A failure is already the pending exception; it goes
/// back to the caller as a Status that setPending recognises.
Status invoke(const CompiledFunction &f, const janus_rt_value *frame,
              Value &out) {
  if (recursionDepth >= RecursionLimit)
    return Status(ErrorCode::RecursionError,
                  "maximum recursion depth exceeded");
  ++recursionDepth;
  janus_rt_value result = f.desc->code(frame);
  --recursionDepth;
  if (isError(result))
    return takePendingAsStatus();
  if (isUnbound(result))
    return Status(ErrorCode::RuntimeError,
                  f.qualname + "() returned an unbound value");
  out = adopt(result);
  return okStatus();
}

Status callCompiled(const CompiledFunction &f, const Value *args, size_t npos,
                    const std::vector<std::string> &kwnames, Value &out) {
  const size_t numParams = f.params.size();
  const size_t total = numParams + f.captures.size();
  constexpr size_t InlineFrame = 16;
  janus_rt_value inlineFrame[InlineFrame];
  std::vector<janus_rt_value> heapFrame;
  janus_rt_value *frame = inlineFrame;
  if (total > InlineFrame) {
    heapFrame.resize(total);
    frame = heapFrame.data();
  }

  // Positionals only, the rest defaulted: no binder needed.
  const auto numPositional = static_cast<size_t>(f.desc->num_positional);
  bool simple = kwnames.empty() && npos <= numPositional;
  for (size_t i = npos; simple && i < numParams; ++i)
    simple = f.hasDefault[i];
  if (simple) {
    for (size_t i = 0; i < numParams; ++i)
      frame[i] = view(i < npos ? args[i] : f.defaults[i]);
  } else {
    sig::Binding binding;
    if (std::string err =
            sig::bindCall(f.qualname, f.params, static_cast<unsigned>(npos),
                          kwnames, &binding);
        !err.empty())
      return typeError(std::move(err));
    for (size_t i = 0; i < numParams; ++i)
      frame[i] = binding.source[i] != sig::Binding::Unbound
                     ? view(args[binding.source[i]])
                     : view(f.defaults[i]);
  }
  for (size_t c = 0; c < f.captures.size(); ++c)
    frame[numParams + c] = view(f.captures[c]);
  return invoke(f, frame, out);
}

Status compiledTrampoline(void *userData, const Value *args, size_t nargs,
                          Value &out) {
  static const std::vector<std::string> noKeywords;
  return callCompiled(*static_cast<const CompiledFunction *>(userData), args,
                      nargs, noKeywords, out);
}

Status compiledKwTrampoline(void *userData, const Value *args, size_t npos,
                            const std::vector<std::string> &kwnames,
                            Value &out) {
  return callCompiled(*static_cast<const CompiledFunction *>(userData), args,
                      npos, kwnames, out);
}

} // namespace

extern "C" {

janus_rt_value janus_rt_make_function(const janus_rt_function_desc *desc,
                                      const janus_rt_value *defaults,
                                      const int64_t *default_params,
                                      int64_t num_defaults,
                                      const janus_rt_value *captures) {
  return guard([&] {
    if (!desc || !desc->code || desc->num_params < 0 ||
        desc->num_positional < 0 || desc->num_positional > desc->num_params ||
        desc->num_captures < 0)
      return fail(Status(ErrorCode::InvalidArgument,
                         "janus_rt_make_function: a bad descriptor"));
    auto f = std::make_unique<CompiledFunction>();
    f->desc = desc;
    f->qualname = desc->qualname ? desc->qualname
                  : desc->name   ? desc->name
                                 : "<function>";
    const auto numParams = static_cast<size_t>(desc->num_params);
    f->defaults.resize(numParams);
    f->hasDefault.assign(numParams, false);
    for (int64_t d = 0; d < num_defaults; ++d) {
      int64_t i = default_params[d];
      if (i < 0 || i >= desc->num_params || isError(defaults[d]) ||
          isUnbound(defaults[d]))
        return fail(Status(ErrorCode::InvalidArgument,
                           "janus_rt_make_function: a bad default"));
      Borrowed value(defaults[d]);
      f->defaults[i] = *value;
      f->hasDefault[i] = true;
    }
    f->params.resize(numParams);
    for (size_t i = 0; i < numParams; ++i) {
      sig::Param &p = f->params[i];
      p.name = desc->param_names[i];
      p.kind = static_cast<int64_t>(i) < desc->num_positional
                   ? sig::Param::PositionalOrKeyword
                   : sig::Param::KeywordOnly;
      if (f->hasDefault[i])
        p.defaultValue = "<default>";
    }
    for (int64_t c = 0; c < desc->num_captures; ++c) {
      Borrowed cell(captures[c]);
      f->captures.push_back(*cell);
    }
    std::string name = f->qualname;
    CompiledFunction *data = f.release();
    Value fn = makeFunction(name, compiledTrampoline, data, destroyCompiled);
    fn.as<FunctionObject>()->kwFn = compiledKwTrampoline;
    return give(std::move(fn));
  });
}

} // extern "C"
