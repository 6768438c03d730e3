//===- ExecTestTraceback.cpp - Collapsed recursion in tracebacks ----------===//
//
// janus_rt_format_error and janus_rt_take_status_with_traceback collapse a
// run of identical consecutive frame lines as CPython 3.11's traceback
// printing does (StackSummary.format, _RECURSIVE_CUTOFF = 3): the first 3
// lines of the run are printed, then "  [Previous line repeated N more
// time(s)]" for the N further ones ("time" when N is 1). Expected texts
// follow that rule; the 4-frame case was checked against /usr/bin/python3
// (a recursion f(4) .. f(1) failing in f(0) prints "[Previous line repeated
// 1 more time]"). Runs are sets of equal lines, so alternating frames are
// never collapsed, and a run at the end is summarised too.
//
//===----------------------------------------------------------------------===//

#include "ExecTestUtil.h"

#include <algorithm>

using namespace exectest;

namespace {

const janus_rt_location raiseSite = {"r.py", "f", 3, 16};
const janus_rt_location recurseSite = {"r.py", "f", 4, 12};
const janus_rt_location otherSite = {"r.py", "g", 9, 12};
const janus_rt_location moduleSite = {"r.py", "<module>", 7, 1};

/// Raises ZeroDivisionError and adds `frames` innermost first.
void raiseWith(std::initializer_list<const janus_rt_location *> frames) {
  CHECK(failed(janus_rt_binary(4, 0, integer(1), integer(0))));
  for (const janus_rt_location *loc : frames)
    janus_rt_traceback_add(loc);
}

/// The pending exception formatted as `janus run` prints it.
std::string formatted() {
  char *text = janus_rt_format_error();
  REQUIRE(text);
  std::string s = text;
  janus_string_free(text);
  return s;
}

const char *const kError =
    "r.py:3:16: error: ZeroDivisionError: integer division or modulo by "
    "zero\n";

} // namespace

TEST_CASE("exec: a traceback collapses repeated frame lines") {
  LeakCheck leaks;
  // Three identical lines: at the cutoff, nothing is summarised.
  raiseWith(
      {&raiseSite, &recurseSite, &recurseSite, &recurseSite, &moduleSite});
  CHECK(formatted() == std::string(kError) + "  r.py:3:16: in f\n"
                                             "  r.py:4:12: in f\n"
                                             "  r.py:4:12: in f\n"
                                             "  r.py:4:12: in f\n"
                                             "  r.py:7:1: in <module>\n");

  // Four: one more, singular.
  raiseWith({&raiseSite, &recurseSite, &recurseSite, &recurseSite, &recurseSite,
             &moduleSite});
  CHECK(formatted() == std::string(kError) +
                           "  r.py:3:16: in f\n"
                           "  r.py:4:12: in f\n"
                           "  r.py:4:12: in f\n"
                           "  r.py:4:12: in f\n"
                           "  [Previous line repeated 1 more time]\n"
                           "  r.py:7:1: in <module>\n");

  // 1,000 identical lines, last in the trace: 997 more, plural.
  raiseWith({&raiseSite});
  for (int i = 0; i < 1000; ++i)
    janus_rt_traceback_add(&recurseSite);
  CHECK(formatted() == std::string(kError) +
                           "  r.py:3:16: in f\n"
                           "  r.py:4:12: in f\n"
                           "  r.py:4:12: in f\n"
                           "  r.py:4:12: in f\n"
                           "  [Previous line repeated 997 more times]\n");

  // Alternating lines (mutual recursion) are not consecutive repeats.
  raiseWith({&recurseSite, &otherSite, &recurseSite, &otherSite, &recurseSite,
             &otherSite, &recurseSite, &otherSite});
  std::string text = formatted();
  CHECK(text.find("Previous line") == std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 9);
  CHECK(janus_rt_error_pending() == 0);
}

TEST_CASE("exec: a status's traceback collapses repeated frame lines") {
  LeakCheck leaks;
  raiseWith({&raiseSite});
  for (int i = 0; i < 5; ++i)
    janus_rt_traceback_add(&recurseSite);
  janus_rt_traceback_add(&moduleSite);
  janus_status_t status = janus_rt_take_status_with_traceback();
  REQUIRE(status);
  CHECK(std::string(janus_status_message(status)) ==
        "integer division or modulo by zero\n"
        "  r.py:3:16: in f\n"
        "  r.py:4:12: in f\n"
        "  r.py:4:12: in f\n"
        "  r.py:4:12: in f\n"
        "  [Previous line repeated 2 more times]\n"
        "  r.py:7:1: in <module>");
  janus_status_free(status);
  CHECK(janus_rt_error_pending() == 0);
}
