#include "dyad/text/normalizer.h"

#include "dyad/core/utf8.h"

#include <utility>

namespace dyad {

const char* ascii_equivalent(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x0060: case 0x00B4:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0x00AD:
      return "-";
    case 0x2013: case 0x2014: case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F:
    case 0x205F: case 0x3000:
      return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
      return "";
    default:
      return nullptr;
  }
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

namespace {
// HTML entities that survive in scraped news ("Iran&apos;s", "AT&amp;T").
const char* entity_at(std::string_view s, size_t i, size_t& len) {
  static const std::pair<std::string_view, const char*> kEntities[] = {
      {"&apos;", "'"}, {"&#39;", "'"}, {"&#039;", "'"}, {"&rsquo;", "'"}, {"&lsquo;", "'"}, {"&quot;", "\""},
      {"&ldquo;", "\""}, {"&rdquo;", "\""}, {"&amp;", "&"}, {"&nbsp;", " "}, {"&mdash;", "--"}, {"&ndash;", "--"},
      {"&lt;", "<"}, {"&gt;", ">"}};
  for (const auto& [e, rep] : kEntities)
    if (s.compare(i, e.size(), e) == 0) {
      len = e.size();
      return rep;
    }
  return nullptr;
}
}  // namespace

std::string normalize_for_matching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      size_t len = 0;
      if (const char* rep = entity_at(s, i, len)) {
        out += rep;
        i += len;
        continue;
      }
    }
    const size_t len = utf8::sequence_length(s, i);
    if (len <= 1) {
      out += len == 1 ? s[i] : '?';
      ++i;
      continue;
    }
    const char32_t cp = utf8::decode(s, i);
    if (const char* rep = ascii_equivalent(cp)) out += rep;
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

namespace {
char fold_latin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xC5) return 'a';
  if (cp >= 0xE0 && cp <= 0xE5) return 'a';
  if (cp == 0xC7 || cp == 0xE7 || cp == 0x106 || cp == 0x107 || cp == 0x10C || cp == 0x10D) return 'c';
  if ((cp >= 0xC8 && cp <= 0xCB) || (cp >= 0xE8 && cp <= 0xEB) || cp == 0x11B || cp == 0x11A) return 'e';
  if ((cp >= 0xCC && cp <= 0xCF) || (cp >= 0xEC && cp <= 0xEF) || cp == 0x130 || cp == 0x131) return 'i';
  if (cp == 0xD1 || cp == 0xF1 || cp == 0x144 || cp == 0x148) return 'n';
  if ((cp >= 0xD2 && cp <= 0xD6) || cp == 0xD8 || (cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8) return 'o';
  if ((cp >= 0xD9 && cp <= 0xDC) || (cp >= 0xF9 && cp <= 0xFC) || cp == 0x16B || cp == 0x16F) return 'u';
  if (cp == 0xDD || cp == 0xFD || cp == 0xFF) return 'y';
  if (cp == 0x11E || cp == 0x11F) return 'g';
  if (cp == 0x15E || cp == 0x15F || cp == 0x160 || cp == 0x161 || cp == 0x15A || cp == 0x15B) return 's';
  if (cp == 0x17D || cp == 0x17E || cp == 0x179 || cp == 0x17A || cp == 0x17B || cp == 0x17C) return 'z';
  if (cp == 0x141 || cp == 0x142) return 'l';
  if (cp == 0x158 || cp == 0x159) return 'r';
  if (cp == 0x164 || cp == 0x165) return 't';
  if (cp == 0x10E || cp == 0x10F) return 'd';
  return 0;
}
}  // namespace

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t len = utf8::sequence_length(s, i);
    if (len <= 1) {
      const char c = s[i];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++i;
      continue;
    }
    const char32_t cp = utf8::decode(s, i);
    if (const char* rep = ascii_equivalent(cp)) out += rep;
    else if (const char f = fold_latin(cp)) out += f;
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace dyad
