//===- ExecTestUtil.h - Helpers for the execution ABI tests -----*- C++ -*-===//
//
// The tests of janus_exec.h call the ABI as generated code does: values are
// janus_rt_value pairs, sites and function descriptors are static data, and
// "compiled functions" are hand-written janus_rt_code_t functions that test
// each result for the error kind, add their location to the traceback and
// release what they own. These helpers build inline values, read results
// back as repr() text and take the pending exception as "Type: message".
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_TEST_UNIT_RUNTIME_EXECTESTUTIL_H
#define JANUS_TEST_UNIT_RUNTIME_EXECTESTUTIL_H

#include "janus/janus.h"
#include "janus/janus_exec.h"

#include <doctest/doctest.h>

#include <cstring>
#include <deque>
#include <string>

namespace exectest {

inline janus_rt_value none() { return {JANUS_VALUE_NONE, 0}; }
inline janus_rt_value boolean(bool b) { return {JANUS_VALUE_BOOL, b}; }
inline janus_rt_value integer(int64_t i) {
  return {JANUS_VALUE_INT, static_cast<uint64_t>(i)};
}
inline janus_rt_value real(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return {JANUS_VALUE_FLOAT, bits};
}
inline janus_rt_value unbound() { return {JANUS_RT_UNBOUND_KIND, 0}; }
inline bool failed(janus_rt_value v) { return v.kind == JANUS_RT_ERROR_KIND; }

/// A new str (owned).
inline janus_rt_value str(const char *s) {
  janus_rt_value cache = unbound();
  janus_rt_value v = janus_rt_const_str(&cache, s, std::strlen(s));
  janus_rt_release(cache);
  return v;
}

/// repr(v) (borrowed v); "<error>" for an error value.
inline std::string repr(janus_rt_value v) {
  if (failed(v))
    return "<error>";
  janus_value_t h = janus_rt_to_handle(v);
  char *text = nullptr;
  janus_status_t s = janus_value_repr(h, &text);
  std::string out = s ? "<repr failed>" : text;
  janus_status_free(s);
  janus_string_free(text);
  janus_value_release(h);
  return out;
}

/// repr(v), then releases v.
inline std::string take(janus_rt_value v) {
  std::string out = repr(v);
  janus_rt_release(v);
  return out;
}

/// The pending exception as "Type: message", cleared ("" when none).
inline std::string error() {
  janus_status_t s = janus_rt_take_status();
  if (!s)
    return "";
  std::string out =
      std::string(janus_status_type_name(s)) + ": " + janus_status_message(s);
  janus_status_free(s);
  return out;
}

/// A site for a name, with optional keyword names (the runtime copies
/// them on the site's first use). Generated code emits sites as static
/// data; tests keep theirs in `static` variables or use newSite.
inline janus_rt_site site(const char *name,
                          const char *const *kwnames = nullptr,
                          int64_t numKwnames = 0) {
  janus_rt_site s{};
  s.name = name;
  s.name_size = name ? static_cast<int64_t>(std::strlen(name)) : 0;
  s.kwnames = kwnames;
  s.num_kwnames = numKwnames;
  return s;
}

/// A site that lives as long as the process, like generated code's, so
/// that what the runtime caches in it stays reachable (LeakSanitizer).
inline janus_rt_site *newSite(const char *name,
                              const char *const *kwnames = nullptr,
                              int64_t numKwnames = 0) {
  // Never destroyed: the sites must outlive the process's leak check.
  static auto *sites = new std::deque<janus_rt_site>;
  sites->push_back(site(name, kwnames, numKwnames));
  return &sites->back();
}

/// Makes what the runtime keeps for the whole process once it is first
/// used (the library table's default values, torch.no_grad's class), so
/// that LeakCheck does not count it.
inline int64_t warmUp() {
  static const bool done = [] {
    janus_value_t fn = nullptr, ctx = nullptr;
    janus_library_lookup("torch.no_grad", &fn);
    janus_value_call(fn, nullptr, 0, &ctx);
    janus_value_release(ctx);
    janus_value_release(fn);
    return true;
  }();
  (void)done;
  return janus_debug_live_objects();
}

/// Fails the enclosing test case if a value made in it outlives it, or an
/// exception is left pending.
struct LeakCheck {
  int64_t before = warmUp();
  ~LeakCheck() {
    CHECK(janus_rt_error_pending() == 0);
    CHECK(janus_debug_live_objects() == before);
  }
};

} // namespace exectest

#endif // JANUS_TEST_UNIT_RUNTIME_EXECTESTUTIL_H
