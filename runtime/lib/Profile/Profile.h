//===- Profile.h - What the probes of the accurate path observed ----------===//
//
// The in-memory form of a Janus profile: one record per probe site, keyed by
// the site's stable name ("model.py:12:9 call": file, line, column of the
// source construct, then what is probed there). The probes of the accurate
// path (janus_exec.h's janus_rt_profile_*) fill a process-wide Profile;
// ProfileJson.cpp writes and reads it as JSON, and `merge` combines the
// profiles of several runs: counts add, sets of observations union (with
// their counts added), trip-count histograms add.
//
// This is plain data with no dependency on the runtime's values, so the
// reader, the merger and `janus profile` work without running anything.
// Not synchronised: one thread records or merges at a time.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_PROFILE_PROFILE_H
#define JANUS_RUNTIME_PROFILE_PROFILE_H

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace janus::profile {

/// What a site observes.
enum class SiteKind : uint8_t {
  Value,  // the type (dtype and shape for tensors) of a value
  Branch, // which way a conditional branch went
  Loop,   // how many iterations each entry of a loop ran
  Call,   // which function, class or method a call reached
  Attrs,  // the class and attribute names of an attribute's receiver
};

/// "value", "branch", "loop", "call", "attrs" (the JSON spelling).
const char *siteKindName(SiteKind kind);
/// The kind named `name`; false when there is none.
bool parseSiteKind(std::string_view name, SiteKind &kind);

/// One type a value site saw. `dtype` and `shape` are set for tensors only
/// (`isTensor`); `type` is type(v).__name__ ("int", "Tensor", "Net").
struct TypeSeen {
  std::string type;
  bool isTensor = false;
  std::string dtype;
  std::vector<int64_t> shape;
  uint64_t count = 0;

  bool sameAs(const TypeSeen &other) const {
    return type == other.type && isTensor == other.isTensor &&
           dtype == other.dtype && shape == other.shape;
  }
};

/// One attribute set an attribute site saw: the receiver's type and the
/// names of its instance attributes in the order it gained them.
struct AttrSetSeen {
  std::string type;
  std::vector<std::string> attributes;
  uint64_t count = 0;
};

/// The record of one site. Which fields are used depends on `kind`; `count`
/// is the number of times the probe ran (for a loop: entries that ended
/// by leaving the loop normally, by `break` or by `return`).
struct SiteProfile {
  SiteKind kind = SiteKind::Value;
  std::string function; // qualified name of the enclosing function
  uint64_t count = 0;
  std::vector<TypeSeen> types;             // Value
  uint64_t taken = 0, notTaken = 0;        // Branch
  std::map<int64_t, uint64_t> trips;       // Loop: trip count -> entries
  std::map<std::string, uint64_t> targets; // Call: target -> calls
  std::vector<AttrSetSeen> attrSets;       // Attrs

  /// Adds one observation of a type (merging with an equal one).
  void addType(const TypeSeen &seen);
  void addAttrSet(const AttrSetSeen &seen);
};

/// A whole profile: sites by key, in key order.
struct Profile {
  std::map<std::string, SiteProfile> sites;

  /// Adds `other` into this profile. Fails (with a message naming the
  /// site) when one key has different kinds in the two profiles; this
  /// profile is then unchanged.
  bool merge(const Profile &other, std::string &error);
};

/// The profile as JSON text (deterministic: sites in key order).
std::string writeJson(const Profile &profile);

/// Parses JSON text written by writeJson (or by hand to the same schema).
/// On failure returns false and sets `error` to "LINE:COL: message".
bool readJson(std::string_view text, Profile &profile, std::string &error);

} // namespace janus::profile

#endif // JANUS_RUNTIME_PROFILE_PROFILE_H
