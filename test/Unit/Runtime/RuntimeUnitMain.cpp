//===- RuntimeUnitMain.cpp - doctest entry point for the runtime tests ----===//
//
// Instantiates doctest's runner for janus-runtime-unittests; the other files
// in this folder hold the TEST_CASEs of one runtime area each.
//
//===----------------------------------------------------------------------===//
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
