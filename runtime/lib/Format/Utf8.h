//===- Utf8.h - Code points of the runtime's UTF-8 strings ----------------===//
//
// Internal to the Format library. Python strs are sequences of code points
// while Janus stores them as UTF-8, so widths, precisions and repr() walk
// the bytes one code point at a time. Decoding is lenient: an encoded
// surrogate is taken as that code point (Python strs may hold one), and a
// byte that starts no valid sequence becomes U+DC80..U+DCFF, as Python's
// surrogateescape error handler would decode it.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_FORMAT_UTF8_H
#define JANUS_RUNTIME_FORMAT_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>

namespace janus::rt::detail {

/// Decodes the code point at s[pos] and advances pos past it.
inline char32_t decodeUtf8(std::string_view s, size_t &pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  size_t len = b0 < 0x80           ? 1
               : (b0 >> 5) == 0x6  ? 2
               : (b0 >> 4) == 0xE  ? 3
               : (b0 >> 3) == 0x1E ? 4
                                   : 0;
  if (len == 1) {
    ++pos;
    return b0;
  }
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xDC00 + b0;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xDC00 + b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  static const char32_t minForLen[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < minForLen[len] || cp > 0x10FFFF) {
    ++pos;
    return 0xDC00 + b0; // overlong or out of range
  }
  pos += len;
  return cp;
}

inline void appendUtf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The number of code points in s (Python's len()).
inline size_t countCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n)
    decodeUtf8(s, pos);
  return n;
}

/// The byte length of the first `n` code points of s.
inline size_t prefixBytes(std::string_view s, size_t n) {
  size_t pos = 0;
  for (; n > 0 && pos < s.size(); --n)
    decodeUtf8(s, pos);
  return pos;
}

} // namespace janus::rt::detail

#endif // JANUS_RUNTIME_FORMAT_UTF8_H
