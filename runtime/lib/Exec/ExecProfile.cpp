//===- ExecProfile.cpp - The probes of the accurate path ------------------===//
//
// janus_rt_profile_* (janus_exec.h) and janus_profile_write (janus.h): what
// the probe ops that janus-insert-profile-probes adds lower to. Each probe
// passes a static janus_rt_profile_site; its first run finds or creates the
// site's record in the process-wide Profile and caches a pointer to it in
// `site->record`, so every later run is a few compares and an increment.
// Value and call probes also remember which observation they matched last
// (a loop sees the same tensor shape over and over), so the common case does
// not scan. Records live in a std::map that is never shrunk (its nodes do
// not move) and the table is deliberately never destroyed, so the write at
// exit sees it whatever the order of static destructors.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecValue.h"
#include "Profile/Profile.h"
#include "Tensor/Tensor.h"
#include "Value/Objects.h"
#include "Value/Ops.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace janus::rt;
using namespace janus::rt::exec;
namespace prof = janus::profile;

namespace {

/// What `site->record` points to: the site's record and the index of the
/// observation the probe matched last.
struct SiteState {
  prof::SiteProfile *site;
  size_t last = 0;
  const void *lastIdentity = nullptr; // Attrs: the AttrShape matched last
  /// Call: the target entry matched last (std::map nodes do not move).
  std::pair<const std::string, uint64_t> *lastTarget = nullptr;
};

struct Recorder {
  std::mutex mutex; // guards registration and writes, not recording
  prof::Profile profile;
  std::vector<std::unique_ptr<SiteState>> states;
  bool atExitInstalled = false;
  bool writeAtExit = true;
};

Recorder &recorder() {
  static Recorder *r = new Recorder; // never destroyed: see the file comment
  return *r;
}

void writeAtExit();

SiteState &stateOf(janus_rt_profile_site *site, prof::SiteKind kind) {
  if (site->record)
    return *static_cast<SiteState *>(site->record);
  Recorder &r = recorder();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto [it, inserted] = r.profile.sites.try_emplace(site->key);
  prof::SiteProfile &record = it->second;
  if (inserted) {
    record.kind = kind;
    record.function = site->function ? site->function : "";
  }
  // Two modules (or a key collision) may share a key with another kind;
  // the record keeps the first kind and the probe of the other kind
  // records into a private, unsaved record instead of corrupting it.
  prof::SiteProfile *target = &record;
  if (record.kind != kind) {
    static prof::SiteProfile discarded;
    target = &discarded;
  }
  r.states.push_back(std::make_unique<SiteState>(SiteState{target}));
  site->record = r.states.back().get();
  if (!r.atExitInstalled) {
    r.atExitInstalled = true;
    std::atexit(writeAtExit);
  }
  return *r.states.back();
}

bool sameType(const prof::TypeSeen &t, const Value &v) {
  if (t.type != typeName(v))
    return false;
  if (v.kind() != Kind::Tensor)
    return !t.isTensor;
  const TensorImpl *tensor = v.tensor();
  return t.isTensor && t.dtype == dtypePythonName(tensor->dtype()) &&
         t.shape == tensor->sizes();
}

prof::TypeSeen describeType(const Value &v) {
  prof::TypeSeen t;
  t.type = typeName(v);
  if (v.kind() == Kind::Tensor) {
    t.isTensor = true;
    t.dtype = dtypePythonName(v.tensor()->dtype());
    t.shape = v.tensor()->sizes();
  }
  t.count = 1;
  return t;
}

/// The name a call target is recorded under.
std::string describeCallee(const Value &callee) {
  switch (callee.kind()) {
  case Kind::Function:
    return callee.as<FunctionObject>()->name;
  case Kind::BoundMethod: {
    const Value &fn = callee.as<BoundMethodObject>()->function;
    if (fn.kind() == Kind::Function)
      return fn.as<FunctionObject>()->name;
    return typeName(fn);
  }
  case Kind::Class:
    return "class " + callee.as<ClassObject>()->name;
  default:
    return typeName(callee);
  }
}

/// Whether `key` is the name describeCallee gives `callee`, compared piece
/// by piece so that the common case (the same target as last time) does
/// not build a string.
bool calleeIs(const std::string &key, const Value &callee) {
  std::string_view k = key;
  switch (callee.kind()) {
  case Kind::Function:
    return k == callee.as<FunctionObject>()->name;
  case Kind::BoundMethod: {
    const Value &fn = callee.as<BoundMethodObject>()->function;
    return fn.kind() == Kind::Function ? k == fn.as<FunctionObject>()->name
                                       : k == typeName(fn);
  }
  case Kind::Class: {
    std::string_view prefix = "class ";
    return k.substr(0, prefix.size()) == prefix &&
           k.substr(prefix.size()) == callee.as<ClassObject>()->name;
  }
  default:
    return k == typeName(callee);
  }
}

/// Whether `key` is "TYPE.name" for `receiver`.
bool methodIs(const std::string &key, const Value &receiver,
              std::string_view name) {
  std::string_view k = key, type = typeName(receiver);
  return k.size() == type.size() + 1 + name.size() &&
         k.substr(0, type.size()) == type && k[type.size()] == '.' &&
         k.substr(type.size() + 1) == name;
}

void recordTarget(SiteState &state, const std::string &target) {
  prof::SiteProfile &site = *state.site;
  ++site.count;
  auto it = site.targets.try_emplace(target, 0).first;
  ++it->second;
  state.lastTarget = &*it;
}

/// Counts the target matched last when `matches` says it is the same.
template <typename Matches>
bool recordSameTarget(SiteState &state, Matches matches) {
  if (!state.lastTarget || !matches(state.lastTarget->first))
    return false;
  ++state.site->count;
  ++state.lastTarget->second;
  return true;
}

/// Merges the recorded profile into `path` and clears the records.
bool writeProfile(const char *path, std::string &error) {
  Recorder &r = recorder();
  std::lock_guard<std::mutex> lock(r.mutex);
  prof::Profile merged;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    if (!prof::readJson(text.str(), merged, error)) {
      error = std::string(path) + ":" + error;
      return false;
    }
  }
  if (!merged.merge(r.profile, error)) {
    error = std::string(path) + ": " + error;
    return false;
  }
  // Write a sibling file and rename it over the profile, so a crash or a
  // full disk never leaves half a profile behind.
  std::string temp = std::string(path) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << prof::writeJson(merged);
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      error = "cannot write '" + temp + "': " + std::strerror(errno);
      return false;
    }
  }
  if (std::rename(temp.c_str(), path) != 0) {
    error =
        std::string("cannot replace '") + path + "': " + std::strerror(errno);
    std::remove(temp.c_str());
    return false;
  }
  // Keep every record (probes point at them) but forget what was written.
  for (auto &[key, site] : r.profile.sites) {
    prof::SiteProfile cleared;
    cleared.kind = site.kind;
    cleared.function = site.function;
    site = std::move(cleared);
  }
  for (auto &state : r.states) {
    state->last = 0;
    state->lastIdentity = nullptr;
    state->lastTarget = nullptr;
  }
  return true;
}

void writeAtExit() {
  Recorder &r = recorder();
  if (!r.writeAtExit)
    return;
  const char *path = std::getenv("JANUS_PROFILE_FILE");
  if (!path || !*path)
    path = "janus-profile.json";
  std::string error;
  if (!writeProfile(path, error))
    std::fprintf(stderr, "janus: error: cannot save the profile: %s\n",
                 error.c_str());
}

} // namespace

extern "C" {

void janus_rt_profile_value(janus_rt_profile_site *site, janus_rt_value v) {
  SiteState &state = stateOf(site, prof::SiteKind::Value);
  prof::SiteProfile &record = *state.site;
  Borrowed value(v);
  ++record.count;
  if (state.last < record.types.size() &&
      sameType(record.types[state.last], *value)) {
    ++record.types[state.last].count;
    return;
  }
  for (size_t i = 0; i < record.types.size(); ++i)
    if (sameType(record.types[i], *value)) {
      ++record.types[i].count;
      state.last = i;
      return;
    }
  record.types.push_back(describeType(*value));
  state.last = record.types.size() - 1;
}

void janus_rt_profile_branch(janus_rt_profile_site *site, int32_t taken) {
  prof::SiteProfile &record = *stateOf(site, prof::SiteKind::Branch).site;
  ++record.count;
  ++(taken ? record.taken : record.notTaken);
}

void janus_rt_profile_loop(janus_rt_profile_site *site, int64_t iterations) {
  if (iterations < 0) // the loop was not entered (see janus_exec.h)
    return;
  prof::SiteProfile &record = *stateOf(site, prof::SiteKind::Loop).site;
  ++record.count;
  ++record.trips[iterations];
}

void janus_rt_profile_call(janus_rt_profile_site *site, janus_rt_value callee) {
  SiteState &state = stateOf(site, prof::SiteKind::Call);
  Borrowed value(callee);
  if (!recordSameTarget(
          state, [&](const std::string &key) { return calleeIs(key, *value); }))
    recordTarget(state, describeCallee(*value));
}

void janus_rt_profile_method(janus_rt_profile_site *site,
                             janus_rt_value receiver, const char *name) {
  SiteState &state = stateOf(site, prof::SiteKind::Call);
  Borrowed value(receiver);
  if (!recordSameTarget(state, [&](const std::string &key) {
        return methodIs(key, *value, name);
      }))
    recordTarget(state, std::string(typeName(*value)) + "." + name);
}

void janus_rt_profile_attrs(janus_rt_profile_site *site,
                            janus_rt_value object) {
  SiteState &state = stateOf(site, prof::SiteKind::Attrs);
  prof::SiteProfile &record = *state.site;
  Borrowed value(object);
  ++record.count;
  // An instance's attribute names are its AttrShape, shared by all
  // instances with the same names: matching the shape matches the set.
  const void *identity = nullptr;
  if (value->kind() == Kind::Instance)
    identity = value->as<InstanceObject>()->shape;
  if (state.last < record.attrSets.size()) {
    prof::AttrSetSeen &last = record.attrSets[state.last];
    // Other receivers have no instance attributes: their type decides.
    bool same = identity ? identity == state.lastIdentity
                         : !state.lastIdentity && last.attributes.empty() &&
                               last.type == typeName(*value);
    if (same) {
      ++last.count;
      return;
    }
  }
  prof::AttrSetSeen seen;
  seen.type = typeName(*value);
  if (value->kind() == Kind::Instance)
    seen.attributes = value->as<InstanceObject>()->shape->attributeNames();
  seen.count = 1;
  record.addAttrSet(seen);
  for (size_t i = 0; i < record.attrSets.size(); ++i)
    if (record.attrSets[i].type == seen.type &&
        record.attrSets[i].attributes == seen.attributes)
      state.last = i;
  state.lastIdentity = identity;
}

janus_status_t janus_profile_write(const char *path) {
  if (!path)
    return janus_status_new(JANUS_STATUS_INVALID_ARGUMENT,
                            "janus_profile_write: path is NULL");
  recorder().writeAtExit = false;
  std::string error;
  if (!writeProfile(path, error))
    return janus_status_new(JANUS_STATUS_RUNTIME_ERROR, error.c_str());
  return nullptr;
}

} // extern "C"
