//===- ProfileCommand.cpp - `janus profile` and profiling runs ------------===//
//
// `janus profile FILE` reads a profile (runtime/lib/Profile) and prints one
// entry per site, in source order (file, line, column): the site key, its
// kind and function, how often the probe ran, and what it saw -- types with
// dtype and shape, branch outcomes with percentages, trip-count histograms,
// call targets, attribute sets -- each list most frequent first. A missing
// file or one that is not a valid profile is a diagnostic
// "janus: error: FILE:LINE:COL: message" and exit code 1.
//
//===----------------------------------------------------------------------===//

#include "ProfileCommand.h"

#include "Profile/Passes.h"
#include "Profile/Profile.h"
#include "janus/janus.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

using namespace janus;
namespace prof = janus::profile;

namespace {

/// A site key split as "FILE:LINE:COL WHAT", for sorting in source order.
struct SiteName {
  std::string file;
  unsigned line = 0, column = 0;
  std::string what;
  std::string key;

  bool operator<(const SiteName &o) const {
    return std::tie(file, line, column, what, key) <
           std::tie(o.file, o.line, o.column, o.what, o.key);
  }
};

SiteName splitKey(llvm::StringRef key) {
  SiteName name;
  name.key = key.str();
  auto [location, what] = key.split(' ');
  name.what = what.str();
  auto [rest, column] = location.rsplit(':');
  auto [file, line] = rest.rsplit(':');
  if (line.getAsInteger(10, name.line) ||
      column.getAsInteger(10, name.column)) {
    name.file = location.str();
    name.line = name.column = 0;
  } else {
    name.file = file.str();
  }
  return name;
}

std::string percent(uint64_t part, uint64_t whole) {
  if (!whole)
    return "-";
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::format("%.1f%%", 100.0 * double(part) / double(whole));
  return out;
}

/// Prints `rows` (text, count) most frequent first, with shares of `total`.
void printRows(llvm::raw_ostream &os,
               std::vector<std::pair<std::string, uint64_t>> rows,
               uint64_t total) {
  std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
    return a.second > b.second;
  });
  size_t width = 0;
  for (const auto &row : rows)
    width = std::max(width, row.first.size());
  for (const auto &[text, count] : rows)
    os << "    " << llvm::left_justify(text, width) << "  " << count << " ("
       << percent(count, total) << ")\n";
}

std::string describeType(const prof::TypeSeen &t) {
  if (!t.isTensor)
    return t.type;
  std::string out = t.type + " " + t.dtype + " [";
  for (size_t i = 0; i < t.shape.size(); ++i)
    out += (i ? ", " : "") + std::to_string(t.shape[i]);
  return out + "]";
}

void printSite(llvm::raw_ostream &os, const std::string &key,
               const prof::SiteProfile &site) {
  os << key << "  [" << prof::siteKindName(site.kind) << "]";
  if (!site.function.empty())
    os << " in " << site.function;
  os << "\n";
  std::vector<std::pair<std::string, uint64_t>> rows;
  switch (site.kind) {
  case prof::SiteKind::Value: {
    os << "  " << site.count << " values, " << site.types.size()
       << (site.types.size() == 1 ? " type\n" : " types\n");
    for (const prof::TypeSeen &t : site.types)
      rows.emplace_back(describeType(t), t.count);
    break;
  }
  case prof::SiteKind::Branch:
    os << "  " << site.count << " runs: taken " << site.taken << " ("
       << percent(site.taken, site.count) << "), not taken " << site.notTaken
       << " (" << percent(site.notTaken, site.count) << ")\n";
    break;
  case prof::SiteKind::Loop: {
    uint64_t total = 0;
    for (const auto &[trips, n] : site.trips)
      total += uint64_t(trips) * n;
    os << "  " << site.count << " entries";
    if (!site.trips.empty())
      os << ", iterations min " << site.trips.begin()->first << " max "
         << site.trips.rbegin()->first << " mean "
         << llvm::format("%.2f", double(total) / double(site.count));
    os << "\n";
    for (const auto &[trips, n] : site.trips)
      rows.emplace_back(std::to_string(trips) + " iterations", n);
    break;
  }
  case prof::SiteKind::Call:
    os << "  " << site.count << " calls, " << site.targets.size()
       << (site.targets.size() == 1 ? " target\n" : " targets\n");
    for (const auto &[target, n] : site.targets)
      rows.emplace_back(target, n);
    break;
  case prof::SiteKind::Attrs:
    os << "  " << site.count << " accesses, " << site.attrSets.size()
       << (site.attrSets.size() == 1 ? " attribute set\n"
                                     : " attribute sets\n");
    for (const prof::AttrSetSeen &s : site.attrSets) {
      std::string text = s.type + " {";
      for (size_t i = 0; i < s.attributes.size(); ++i)
        text += (i ? ", " : "") + s.attributes[i];
      rows.emplace_back(text + "}", s.count);
    }
    break;
  }
  printRows(os, std::move(rows), site.count);
}

} // namespace

int driver::runProfileCommand(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    llvm::errs() << "janus: error: cannot open profile '" << path
                 << "': " << buffer.getError().message() << "\n";
    return 1;
  }
  prof::Profile profile;
  std::string error;
  if (!prof::readJson((*buffer)->getBuffer(), profile, error)) {
    llvm::errs() << "janus: error: " << path << ":" << error << "\n";
    return 1;
  }

  std::vector<SiteName> names;
  unsigned counts[5] = {};
  for (const auto &[key, site] : profile.sites) {
    names.push_back(splitKey(key));
    ++counts[static_cast<int>(site.kind)];
  }
  std::sort(names.begin(), names.end());
  llvm::raw_ostream &os = llvm::outs();
  os << "profile " << path << ": " << profile.sites.size() << " sites ("
     << counts[0] << " value, " << counts[1] << " branch, " << counts[2]
     << " loop, " << counts[3] << " call, " << counts[4] << " attrs)\n";
  for (const SiteName &name : names) {
    os << "\n";
    printSite(os, name.key, profile.sites.at(name.key));
  }
  return 0;
}

bool driver::addProfileProbes(mlir::ModuleOp module) {
  mlir::PassManager pm(module.getContext());
  pm.addPass(passes::createInsertProfileProbesPass());
  return succeeded(pm.run(module));
}

int driver::writeProfile(llvm::StringRef path) {
  janus_status_t status = janus_profile_write(path.str().c_str());
  if (!status)
    return 0;
  llvm::errs() << "janus: error: cannot write the profile: "
               << janus_status_message(status) << "\n";
  janus_status_free(status);
  return 2;
}
