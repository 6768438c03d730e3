//===- Profile.cpp - Site records and merging of profiles -----------------===//
//
// Merging is what makes a profile of several runs: every count adds, every
// set of observations (types, call targets, attribute sets) is a union with
// the counts of equal members added, and trip-count histograms add bucket by
// bucket. A key that is a different kind of site in the two profiles means
// the profiles come from different programs; merge refuses it.
//
//===----------------------------------------------------------------------===//

#include "Profile/Profile.h"

using namespace janus::profile;

namespace {
constexpr const char *kindNames[] = {"value", "branch", "loop", "call",
                                     "attrs"};
} // namespace

const char *janus::profile::siteKindName(SiteKind kind) {
  return kindNames[static_cast<int>(kind)];
}

bool janus::profile::parseSiteKind(std::string_view name, SiteKind &kind) {
  for (int i = 0; i < 5; ++i)
    if (name == kindNames[i]) {
      kind = static_cast<SiteKind>(i);
      return true;
    }
  return false;
}

void SiteProfile::addType(const TypeSeen &seen) {
  for (TypeSeen &t : types)
    if (t.sameAs(seen)) {
      t.count += seen.count;
      return;
    }
  types.push_back(seen);
}

void SiteProfile::addAttrSet(const AttrSetSeen &seen) {
  for (AttrSetSeen &s : attrSets)
    if (s.type == seen.type && s.attributes == seen.attributes) {
      s.count += seen.count;
      return;
    }
  attrSets.push_back(seen);
}

bool Profile::merge(const Profile &other, std::string &error) {
  for (const auto &[key, site] : other.sites) {
    auto it = sites.find(key);
    if (it != sites.end() && it->second.kind != site.kind) {
      error = "site '" + key + "' is a " + siteKindName(it->second.kind) +
              " site in one profile and a " + siteKindName(site.kind) +
              " site in the other";
      return false;
    }
  }
  for (const auto &[key, site] : other.sites) {
    auto [it, inserted] = sites.try_emplace(key, site);
    if (inserted)
      continue;
    SiteProfile &into = it->second;
    if (into.function.empty())
      into.function = site.function;
    into.count += site.count;
    for (const TypeSeen &t : site.types)
      into.addType(t);
    into.taken += site.taken;
    into.notTaken += site.notTaken;
    for (const auto &[trips, n] : site.trips)
      into.trips[trips] += n;
    for (const auto &[target, n] : site.targets)
      into.targets[target] += n;
    for (const AttrSetSeen &s : site.attrSets)
      into.addAttrSet(s);
  }
  return true;
}
