//===- DiagnosticsTest.cpp - Unit tests for DiagnosticEngine --------------===//
//
// Checks the clang-style layout: location prefix, the echoed source line and
// a caret under the reported column, including after tabs and multi-byte
// UTF-8 characters, CRLF line ends and the error limit.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Diagnostics.h"

#include <doctest/doctest.h>

using namespace janus;

static std::string render(const std::string &src, SourceLoc loc,
                          const std::string &msg) {
  std::string out;
  llvm::raw_string_ostream os(out);
  DiagnosticEngine diags("f.py", src, os);
  diags.error(loc, msg);
  os.flush();
  return out;
}

TEST_CASE("diagnostic has location, source line and caret") {
  // Column 5 of "x = @" is '@': four spaces then the caret.
  CHECK(render("x = @\n", {1, 5}, "bad") ==
        "f.py:1:5: error: bad\nx = @\n    ^\n");
}

TEST_CASE("caret follows tabs and counts UTF-8 as one column") {
  // "\té = 1": tab, then é (2 bytes) at byte columns 2-3, '=' at column 5.
  std::string out = render("\t\xC3\xA9 = 1\n", {1, 5}, "m");
  CHECK(out == "f.py:1:5: error: m\n\t\xC3\xA9 = 1\n\t  ^\n");
}

TEST_CASE("lines are found across CRLF and CR line ends") {
  std::string src = "a\r\nb\rc\n";
  DiagnosticEngine diags("f.py", src, llvm::nulls());
  CHECK(diags.lineText(1) == "a");
  CHECK(diags.lineText(2) == "b");
  CHECK(diags.lineText(3) == "c");
  CHECK(diags.lineText(9).empty());
}

TEST_CASE("control bytes in the echoed line are replaced") {
  std::string src("a\0b\n", 4);
  CHECK(render(src, {1, 2}, "nul") == "f.py:1:2: error: nul\na?b\n ^\n");
}

TEST_CASE("error count and limit") {
  std::string out;
  llvm::raw_string_ostream os(out);
  DiagnosticEngine diags("f.py", "x\n", os);
  diags.setErrorLimit(2);
  for (int i = 0; i < 5; ++i)
    diags.error({1, 1}, "e");
  os.flush();
  CHECK(diags.errorCount() == 5);
  // Two printed errors (3 lines each) plus one "too many errors" line.
  CHECK(std::count(out.begin(), out.end(), '\n') == 7);
  CHECK(out.find("too many errors") != std::string::npos);
}

TEST_CASE("file errors have no line or column") {
  std::string out;
  llvm::raw_string_ostream os(out);
  DiagnosticEngine diags("missing.py", "", os);
  diags.fileError("cannot open");
  os.flush();
  CHECK(out == "missing.py: error: cannot open\n");
  CHECK(diags.hasErrors());
}
