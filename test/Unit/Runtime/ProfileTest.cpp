//===- ProfileTest.cpp - Profiles: recording, JSON, merging ---------------===//
//
// The profile data model (runtime/lib/Profile) and the probes of the
// execution ABI (janus_rt_profile_*, janus_profile_write). Expected counts
// follow from the calls each case makes; expected error positions are
// counted by hand in the malformed texts, which are written one JSON token
// per line where the column matters.
//
//===----------------------------------------------------------------------===//

#include "Profile/Profile.h"
#include "ExecTestUtil.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace exectest;
using namespace janus::profile;

namespace {

Profile sampleProfile() {
  Profile p;
  SiteProfile &value = p.sites["m.py:3:9 call"];
  value.kind = SiteKind::Value;
  value.function = "Net.forward";
  value.count = 5;
  TypeSeen tensor;
  tensor.type = "Tensor";
  tensor.isTensor = true;
  tensor.dtype = "float32";
  tensor.shape = {2, 3};
  tensor.count = 4;
  TypeSeen none;
  none.type = "NoneType";
  none.count = 1;
  value.types = {tensor, none};
  SiteProfile &branch = p.sites["m.py:5:4 branch"];
  branch.kind = SiteKind::Branch;
  branch.count = 5;
  branch.taken = 2;
  branch.notTaken = 3;
  SiteProfile &loop = p.sites["m.py:7:4 loop"];
  loop.kind = SiteKind::Loop;
  loop.count = 3;
  loop.trips = {{0, 1}, {3, 2}};
  SiteProfile &call = p.sites["m.py:8:8 call target"];
  call.kind = SiteKind::Call;
  call.count = 2;
  call.targets = {{"f", 1}, {"class Net", 1}};
  SiteProfile &attrs = p.sites["m.py:9:8 attrs w"];
  attrs.kind = SiteKind::Attrs;
  attrs.count = 2;
  attrs.attrSets = {{"Net", {"w", "b \"quoted\""}, 2}};
  return p;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

TEST_CASE("runtime profile: JSON round trip") {
  Profile p = sampleProfile();
  std::string text = writeJson(p);
  Profile back;
  std::string error;
  REQUIRE(readJson(text, back, error));
  CHECK(writeJson(back) == text);
  CHECK(back.sites.size() == 5);
  const SiteProfile &v = back.sites.at("m.py:3:9 call");
  CHECK(v.function == "Net.forward");
  REQUIRE(v.types.size() == 2);
  CHECK(v.types[0].shape == std::vector<int64_t>{2, 3});
  CHECK(v.types[0].dtype == "float32");
  CHECK(!v.types[1].isTensor);
  CHECK(back.sites.at("m.py:9:8 attrs w").attrSets[0].attributes[1] ==
        "b \"quoted\"");
}

TEST_CASE("runtime profile: merge adds counts and unions sets") {
  Profile a = sampleProfile();
  Profile b = sampleProfile();
  // b also saw a float at the value site and a 5-iteration loop entry.
  TypeSeen f;
  f.type = "float";
  f.count = 1;
  b.sites["m.py:3:9 call"].types.push_back(f);
  b.sites["m.py:7:4 loop"].trips[5] = 1;
  std::string error;
  REQUIRE(a.merge(b, error));
  const SiteProfile &v = a.sites.at("m.py:3:9 call");
  CHECK(v.count == 10);
  REQUIRE(v.types.size() == 3);
  CHECK(v.types[0].count == 8); // tensor: 4 + 4
  CHECK(v.types[2].type == "float");
  const SiteProfile &br = a.sites.at("m.py:5:4 branch");
  CHECK(br.taken == 4);
  CHECK(br.notTaken == 6);
  const SiteProfile &loop = a.sites.at("m.py:7:4 loop");
  CHECK(loop.trips.at(3) == 4);
  CHECK(loop.trips.at(0) == 2);
  CHECK(loop.trips.at(5) == 1);
  CHECK(a.sites.at("m.py:8:8 call target").targets.at("class Net") == 2);
  CHECK(a.sites.at("m.py:9:8 attrs w").attrSets[0].count == 4);
}

TEST_CASE("runtime profile: merge refuses a site of another kind") {
  Profile a = sampleProfile();
  Profile b;
  b.sites["m.py:5:4 branch"].kind = SiteKind::Loop;
  b.sites["m.py:5:4 branch"].count = 1;
  std::string error;
  CHECK(!a.merge(b, error));
  CHECK(error == "site 'm.py:5:4 branch' is a branch site in one profile "
                 "and a loop site in the other");
  CHECK(a.sites.at("m.py:5:4 branch").count == 5); // unchanged
}

TEST_CASE("runtime profile: malformed JSON is reported with line:col") {
  Profile p;
  std::string error;
  // Line 3 is ` "sites": [}`: the '}' is column 12.
  CHECK(!readJson("{\n \"janus_profile\": 1,\n \"sites\": [}", p, error));
  CHECK(error == "3:12: unexpected character '}' (expected a JSON value)");
  CHECK(!readJson("{\"janus_profile\": 1, \"sites\": {}", p, error));
  CHECK(error == "1:33: expected ',' or '}' in an object");
  CHECK(!readJson("", p, error));
  CHECK(error == "1:1: unexpected end of file (expected a JSON value)");
  CHECK(!readJson("[1, 2]", p, error));
  CHECK(error == "1:1: the profile must be an object, not an array");
  CHECK(!readJson("{\"sites\": {}}", p, error));
  CHECK(error == "1:1: not a Janus profile (no \"janus_profile\" member)");
  // Schema errors point at the offending value: column 65 is the "-" of
  // -1; in the second text column 46 is the opening quote of "spin".
  CHECK(!readJson("{\"janus_profile\": 1, \"sites\": {\"k\": {\"kind\": "
                  "\"branch\", \"count\": -1}}}",
                  p, error));
  CHECK(error == "1:65: \"count\" must be a non-negative integer");
  CHECK(!readJson("{\"janus_profile\": 1, \"sites\": {\"k\": {\"kind\": "
                  "\"spin\", \"count\": 1}}}",
                  p, error));
  CHECK(error == "1:46: unknown site kind 'spin'");
  CHECK(!readJson("{\"janus_profile\": 2, \"sites\": {}}", p, error));
  CHECK(error == "1:19: unsupported profile version (expected 1)");
}

TEST_CASE("runtime profile: probes record and janus_profile_write merges") {
  LeakCheck leaks;
  char dir[] = "/tmp/janus-profile-test-XXXXXX";
  REQUIRE(mkdtemp(dir));
  std::string path = std::string(dir) + "/p.json";

  janus_rt_profile_site value = {"t.py:1:1 arg x", "f", nullptr};
  janus_rt_profile_site branch = {"t.py:2:4 branch", "f", nullptr};
  janus_rt_profile_site loop = {"t.py:3:4 loop", "f", nullptr};
  janus_rt_profile_site method = {"t.py:4:4 call target", "f", nullptr};
  // Three ints, one float, one None: two probes hit the same int entry.
  janus_rt_profile_value(&value, integer(1));
  janus_rt_profile_value(&value, integer(2));
  janus_rt_profile_value(&value, real(0.5));
  janus_rt_profile_value(&value, integer(3));
  janus_rt_profile_value(&value, none());
  // Branch taken 2 of 5 times.
  for (int taken : {1, 0, 0, 1, 0})
    janus_rt_profile_branch(&branch, taken);
  // Loop entries of 3, 3 and 0 iterations.
  janus_rt_profile_loop(&loop, 3);
  janus_rt_profile_loop(&loop, 3);
  janus_rt_profile_loop(&loop, 0);
  janus_rt_value s = str("abc");
  // Twice on a str (the second run matches the cached target), once on an
  // int.
  janus_rt_profile_method(&method, s, "upper");
  janus_rt_profile_method(&method, s, "upper");
  janus_rt_profile_method(&method, integer(7), "upper");
  janus_rt_release(s);

  REQUIRE(janus_profile_write(path.c_str()) == nullptr);
  Profile p;
  std::string error;
  REQUIRE(readJson(readFile(path), p, error));
  const SiteProfile &v = p.sites.at("t.py:1:1 arg x");
  CHECK(v.count == 5);
  REQUIRE(v.types.size() == 3);
  CHECK(v.types[0].type == "int");
  CHECK(v.types[0].count == 3);
  CHECK(v.types[1].type == "float");
  CHECK(v.types[2].type == "NoneType");
  CHECK(p.sites.at("t.py:2:4 branch").taken == 2);
  CHECK(p.sites.at("t.py:2:4 branch").notTaken == 3);
  CHECK(p.sites.at("t.py:3:4 loop").trips.at(3) == 2);
  CHECK(p.sites.at("t.py:3:4 loop").trips.at(0) == 1);
  CHECK(p.sites.at("t.py:4:4 call target").count == 3);
  CHECK(p.sites.at("t.py:4:4 call target").targets.at("str.upper") == 2);
  CHECK(p.sites.at("t.py:4:4 call target").targets.at("int.upper") == 1);

  // A second run (the same probes again) merges: counts double. The
  // records were cleared by the first write, so nothing is counted twice.
  janus_rt_profile_value(&value, integer(1));
  janus_rt_profile_value(&value, integer(2));
  janus_rt_profile_value(&value, real(0.5));
  janus_rt_profile_value(&value, integer(3));
  janus_rt_profile_value(&value, none());
  for (int taken : {1, 0, 0, 1, 0})
    janus_rt_profile_branch(&branch, taken);
  REQUIRE(janus_profile_write(path.c_str()) == nullptr);
  REQUIRE(readJson(readFile(path), p, error));
  CHECK(p.sites.at("t.py:1:1 arg x").types[0].count == 6);
  CHECK(p.sites.at("t.py:2:4 branch").taken == 4);
  CHECK(p.sites.at("t.py:3:4 loop").trips.at(3) == 2); // no new entries

  // A malformed file is an error naming it, and is left untouched.
  {
    std::ofstream out(path);
    out << "{\"janus_profile\": 1,\n\"sites\": 7}";
  }
  janus_status_t status = janus_profile_write(path.c_str());
  REQUIRE(status != nullptr);
  CHECK(janus_status_code(status) == JANUS_STATUS_RUNTIME_ERROR);
  CHECK(std::string(janus_status_message(status)) ==
        path + ":2:10: \"sites\" must be an object, not a number");
  janus_status_free(status);
  CHECK(readFile(path) == "{\"janus_profile\": 1,\n\"sites\": 7}");
  std::remove(path.c_str());
  rmdir(dir);
}
