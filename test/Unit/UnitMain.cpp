//===- UnitMain.cpp - doctest entry point for janus-unittests -------------===//
//
// The single translation unit that instantiates doctest's runner; every other
// file in test/Unit holds TEST_CASEs for one area of the front end.
//
//===----------------------------------------------------------------------===//
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
