#include "dyad/text/tokenizer.h"

#include <array>
#include <cctype>

#include "dyad/core/utf8.h"
#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

struct Cp {
  char32_t cp;
  uint32_t begin, end;  // bytes
};

bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
         !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) && c != 0xFEFF);
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }
bool is_upper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }
bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015; }

// Opening punctuation peeled off the front of a chunk.
bool is_leading_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x201C || c == 0x2018 ||
         c == 0xAB || c == 0x201E || c == '*' || c == '#' || c == '$' || c == 0xA3 || c == 0x20AC ||
         c == '<' || c == '>' || c == '|' || c == '~' || c == '`' || c == '@' || c == 0xBF || c == 0xA1;
}
// Closing punctuation peeled off the end of a chunk.
bool is_trailing_punct(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.' ||
         c == 0x2026 || c == '%' || c == '*' || c == '<' || c == '>' || c == '|';
}

bool is_sentence_punct(char32_t c) { return c == '.' || c == '!' || c == '?'; }

// Faces written with punctuation are words of their own.
bool is_emoticon(std::string_view chunk) {
  static constexpr std::array<std::string_view, 16> kFaces = {":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D",
                                                              ":P", ":p", ":/", ":'(", "=)", "<3", ":o", "XD"};
  for (auto f : kFaces)
    if (chunk == f) return true;
  return false;
}

// "01-Feb-02": a date written with hyphens is one token.
bool is_dated(const std::vector<Cp>& cps, size_t lo, size_t hi) {
  if (hi - lo < 8 || hi - lo > 11) return false;
  size_t k = lo, groups = 0, letters = 0;
  while (k < hi) {
    size_t g = k;
    while (g < hi && cps[g].cp != '-') ++g;
    if (g == k) return false;
    bool digits = true, alpha = true;
    for (size_t x = k; x < g; ++x) {
      digits = digits && is_digit(cps[x].cp);
      alpha = alpha && is_letter(cps[x].cp);
    }
    if (!digits && !alpha) return false;
    letters += alpha;
    ++groups;
    k = g + 1;
  }
  return groups == 3 && letters == 1;
}

// Word prefixes that EWT keeps joined to what follows their hyphen ("non-stop").
bool keeps_hyphen(std::string_view left) {
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "non", "post", "pre", "anti", "pro", "co", "ex", "self", "multi", "semi", "mid", "re", "e", "x"};
  std::string low = fold_case(left);
  for (auto p : kPrefixes)
    if (low == p) return true;
  return false;
}

std::vector<Cp> decode_range(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Cp> cps;
  for (uint32_t i = begin; i < end;) {
    size_t len = utf8::sequence_length(text, i);
    if (len == 0) len = 1;
    if (i + len > end) len = end - i;
    cps.push_back({len == 1 ? static_cast<unsigned char>(text[i]) : utf8::decode(text, i), i,
                   static_cast<uint32_t>(i + len)});
    i += static_cast<uint32_t>(len);
  }
  return cps;
}

bool starts_with_ci(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
  return true;
}

}  // namespace

bool Tokenizer::keeps_final_period(std::string_view word) const {
  // word ends with '.'
  if (abbreviations_ && abbreviations_->kind(word) != Abbreviations::Kind::None) return true;
  // Initials and dotted acronyms: "J.", "U.S.", "N.A.T.O."
  const auto cps = decode_range(word, 0, static_cast<uint32_t>(word.size()));
  if (cps.size() == 2 && is_upper(cps[0].cp)) return true;
  if (cps.size() >= 4) {
    bool dotted = true;
    for (size_t i = 0; i < cps.size(); ++i)
      if ((i % 2 == 0 && !is_letter(cps[i].cp)) || (i % 2 == 1 && cps[i].cp != '.')) dotted = false;
    if (dotted) return true;
  }
  return false;
}

// HTML tags left in scraped text ("<p>", "</div>", "<br/>") are read as spaces; their
// bytes stay in the text, so offsets are unchanged.
// Is cps[k] the ';' closing an HTML entity ("&amp;", "&#39;")?
static bool closes_entity(const std::vector<Cp>& cps, size_t k, size_t lo) {
  if (cps[k].cp != ';') return false;
  for (size_t back = 1; back <= 8 && back <= k - lo; ++back) {
    const char32_t c = cps[k - back].cp;
    if (c == '&') return back >= 3;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#')) return false;
  }
  return false;
}

static std::vector<bool> html_tag_mask(const std::vector<Cp>& cps) {
  std::vector<bool> mask(cps.size(), false);
  for (size_t i = 0; i + 2 < cps.size(); ++i) {
    if (cps[i].cp != '<') continue;
    const char32_t c = cps[i + 1].cp;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!')) continue;
    size_t j = i + 1;
    while (j < cps.size() && j - i < 300 && cps[j].cp != '>' && cps[j].cp != '<') ++j;
    bool address = false;  // "<http://www.un.org>", "<press@un.org>" are text, not tags
    for (size_t k = i + 1; k + 2 < j && !address; ++k)
      address = cps[k].cp == '@' || (cps[k].cp == ':' && cps[k + 1].cp == '/' && cps[k + 2].cp == '/');
    if (j < cps.size() && cps[j].cp == '>' && !address) {
      for (size_t k = i; k <= j; ++k) mask[k] = true;
      i = j;
    }
  }
  return mask;
}

std::vector<Token> Tokenizer::tokenize(std::string_view text, Span span) const {
  std::vector<Token> out;
  const auto cps = decode_range(text, span.begin, span.end);
  const auto tag = html_tag_mask(cps);
  auto blank = [&](size_t k) { return is_space(cps[k].cp) || tag[k]; };
  size_t i = 0;
  while (i < cps.size()) {
    while (i < cps.size() && blank(i)) ++i;
    if (i >= cps.size()) break;
    size_t j = i;
    while (j < cps.size() && !blank(j)) ++j;
    const size_t before = out.size();
    split_chunk(text, cps[i].begin, cps[j - 1].end, out);
    if (out.size() > before) out.back().space_after = j < cps.size();
    i = j;
  }
  return out;
}

void Tokenizer::split_chunk(std::string_view text, uint32_t begin, uint32_t end,
                            std::vector<Token>& out) const {
  auto emit = [&](uint32_t b, uint32_t e) {
    if (b >= e) return;
    Token t;
    t.span = {b, e};
    t.form = normalize_for_matching(text.substr(b, e - b));
    if (t.form.empty()) return;  // only zero-width characters: nothing to read
    t.space_after = false;
    out.push_back(std::move(t));
  };
  const std::string_view chunk = text.substr(begin, end - begin);
  if (is_emoticon(chunk)) {
    emit(begin, end);
    return;
  }
  // "<http://www.bbc.co.uk/news>", "(www.un.org)": the address is one token
  uint32_t url = begin;
  while (url < end && (text[url] == '<' || text[url] == '(' || text[url] == '[' || text[url] == '"')) ++url;
  const std::string_view rest = text.substr(url, end - url);
  if (starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") || starts_with_ci(rest, "www.") ||
      (rest.find('@') != std::string_view::npos && rest.find('.') != std::string_view::npos && rest[0] != '@')) {
    for (uint32_t k = begin; k < url; ++k) emit(k, k + 1);
    uint32_t e = end;
    while (e > url && std::string_view(".,;:!?)]>\"'").find(text[e - 1]) != std::string_view::npos) --e;
    emit(url, e);
    for (uint32_t k = e; k < end; ++k) emit(k, k + 1);
    return;
  }

  auto cps = decode_range(text, begin, end);
  size_t lo = 0, hi = cps.size();
  std::vector<std::pair<uint32_t, uint32_t>> leading, trailing;
  // Peel opening punctuation and dashes.
  while (lo < hi) {
    if (is_dash(cps[lo].cp)) { leading.push_back({cps[lo].begin, cps[lo].end}); ++lo; continue; }
    if (cps[lo].cp == '-' && lo + 1 < hi && cps[lo + 1].cp == '-') {
      leading.push_back({cps[lo].begin, cps[lo + 1].end}); lo += 2; continue;
    }
    if (is_leading_punct(cps[lo].cp) && !(is_apostrophe(cps[lo].cp) && lo + 1 < hi &&
                                          (cps[lo + 1].cp == 's' || is_digit(cps[lo + 1].cp)) &&
                                          hi - lo <= 3)) {
      // "''" (two apostrophes used as a quote) stays one token
      if (is_apostrophe(cps[lo].cp) && lo + 1 < hi && is_apostrophe(cps[lo + 1].cp)) {
        leading.push_back({cps[lo].begin, cps[lo + 1].end}); lo += 2; continue;
      }
      leading.push_back({cps[lo].begin, cps[lo].end}); ++lo; continue;
    }
    break;
  }
  // Peel closing punctuation, keeping abbreviation periods and clitic apostrophes.
  while (hi > lo) {
    const char32_t c = cps[hi - 1].cp;
    if (is_dash(c)) { trailing.push_back({cps[hi - 1].begin, cps[hi - 1].end}); --hi; continue; }
    if (c == '.' || c == '!' || c == '?' || c == '*') {
      // a run is one token: "...", "!!!", "?!", "**"
      size_t run = hi - 1;
      while (run > lo && (c == '*' ? cps[run - 1].cp == '*' : is_sentence_punct(cps[run - 1].cp))) --run;
      if (hi - run >= 2) {
        trailing.push_back({cps[run].begin, cps[hi - 1].end}); hi = run; continue;
      }
    }
    if (c == '.' ) {
      const std::string_view word = text.substr(cps[lo].begin, cps[hi - 1].end - cps[lo].begin);
      if (hi - lo >= 2 && keeps_final_period(word)) break;
      trailing.push_back({cps[hi - 1].begin, cps[hi - 1].end}); --hi; continue;
    }
    if (is_apostrophe(c) && hi - lo >= 2) {
      if (hi - lo >= 3 && is_apostrophe(cps[hi - 2].cp)) {  // closing '' quote
        trailing.push_back({cps[hi - 2].begin, cps[hi - 1].end}); hi -= 2; continue;
      }
      // plural possessive "countries'" -> countries '
      if (cps[hi - 2].cp == 's' || cps[hi - 2].cp == 'S') {
        trailing.push_back({cps[hi - 1].begin, cps[hi - 1].end}); --hi; break;
      }
      trailing.push_back({cps[hi - 1].begin, cps[hi - 1].end}); --hi; continue;
    }
    if (is_trailing_punct(c) && !is_apostrophe(c) && !closes_entity(cps, hi - 1, lo)) {
      trailing.push_back({cps[hi - 1].begin, cps[hi - 1].end}); --hi; continue;
    }
    break;
  }
  for (auto [b, e] : leading) emit(b, e);

  // Core: split clitics at the end, hyphens and glued sentences inside.
  std::vector<std::pair<uint32_t, uint32_t>> clitic;
  // an escaped possessive: "Iran&apos;s", "Iran&#39;s"
  for (std::string_view esc : {std::string_view("&apos;s"), std::string_view("&#39;s"), std::string_view("&rsquo;s")}) {
    if (hi - lo <= esc.size()) continue;
    const uint32_t b = cps[hi - esc.size()].begin;
    if (text.substr(b, cps[hi - 1].end - b) == esc) {
      clitic.push_back({b, cps[hi - 1].end});
      hi -= esc.size();
      break;
    }
  }
  if (clitic.empty() && hi - lo >= 3) {
    const char32_t a = cps[hi - 2].cp, b = cps[hi - 1].cp;
    auto lower = [](char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; };
    if (is_apostrophe(a) && (lower(b) == 's' || lower(b) == 'm' || lower(b) == 'd')) {
      clitic.push_back({cps[hi - 2].begin, cps[hi - 1].end}); hi -= 2;
    } else if (hi - lo >= 4 && is_apostrophe(cps[hi - 3].cp) &&
               ((lower(a) == 'r' && lower(b) == 'e') || (lower(a) == 'v' && lower(b) == 'e') ||
                (lower(a) == 'l' && lower(b) == 'l'))) {
      clitic.push_back({cps[hi - 3].begin, cps[hi - 1].end}); hi -= 3;
    } else if (hi - lo >= 4 && lower(cps[hi - 3].cp) == 'n' && is_apostrophe(a) && lower(b) == 't') {
      clitic.push_back({cps[hi - 3].begin, cps[hi - 1].end}); hi -= 3;
    }
  }

  size_t start = lo;
  for (size_t k = lo; k < hi; ++k) {
    const char32_t c = cps[k].cp;
    const bool inner = k > lo && k + 1 < hi;
    // "reality--that", "them...and": a run of two or more dashes or dots between words
    if (inner && (c == '-' || c == '.') && cps[k + 1].cp == c && is_alnum(cps[k - 1].cp)) {
      size_t r = k;
      while (r < hi && cps[r].cp == c) ++r;
      if (r < hi && is_alnum(cps[r].cp)) {
        emit(cps[start].begin, cps[k].begin);
        emit(cps[k].begin, cps[r - 1].end);
        start = r;
        k = r - 1;
        continue;
      }
    }
    if (inner && c == '-' && is_alnum(cps[k - 1].cp) && is_alnum(cps[k + 1].cp) && !is_dated(cps, lo, hi)) {
      const std::string_view left = text.substr(cps[start].begin, cps[k].begin - cps[start].begin);
      const bool numeric = is_digit(cps[k - 1].cp) && is_digit(cps[k + 1].cp);
      if (!numeric && !keeps_hyphen(left)) {
        emit(cps[start].begin, cps[k].begin);
        emit(cps[k].begin, cps[k].end);
        start = k + 1;
      }
    } else if (inner && (is_dash(c) || (c == '/' && !is_digit(cps[k - 1].cp)))) {
      if (is_dash(c) || (is_letter(cps[k - 1].cp) && is_letter(cps[k + 1].cp) && k - start > 3)) {
        emit(cps[start].begin, cps[k].begin);
        emit(cps[k].begin, cps[k].end);
        start = k + 1;
      }
    } else if (inner && (c == '.' || c == '?' || c == '!' || c == ',' || (c == ';' && !closes_entity(cps, k, lo))) &&
               is_letter(cps[k - 1].cp) && (is_upper(cps[k + 1].cp) || c == ',' || c == ';') &&
               k - start >= 2 && !is_upper(cps[k - 1].cp) && is_letter(cps[k + 1].cp)) {
      // Glued sentences ("Ukraine.Xi") and glued commas ("Ukraine,Russia").
      emit(cps[start].begin, cps[k].begin);
      emit(cps[k].begin, cps[k].end);
      start = k + 1;
    } else if (inner && c == '%' ) {
      emit(cps[start].begin, cps[k].begin);
      emit(cps[k].begin, cps[k].end);
      start = k + 1;
    }
  }
  if (start < hi) emit(cps[start].begin, cps[hi - 1].end);
  for (auto [b, e] : clitic) emit(b, e);
  for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) emit(it->first, it->second);
}

}  // namespace dyad
