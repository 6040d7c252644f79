#include "dyad/text/sentence_splitter.h"

#include <algorithm>
#include <cctype>

#include "dyad/core/tsv.h"
#include "dyad/core/utf8.h"
#include "dyad/text/normalizer.h"

namespace dyad {
namespace {

// ".", "!", "?" and runs of them ("...", "?!", "!!!")
bool is_final(const std::string& f) {
  return !f.empty() && f.find_first_not_of(".!?") == std::string::npos;
}
bool is_closing(const std::string& f) {
  return f == "\"" || f == "''" || f == "'" || f == ")" || f == "]" || f == "\"." ;
}
bool is_opening(const std::string& f) {
  return f == "\"" || f == "''" || f == "'" || f == "(" || f == "[" || f == "--" || f == "...";
}
bool starts_upper_or_digit(const std::string& f) {
  if (f.empty()) return false;
  const auto c = static_cast<unsigned char>(f[0]);
  if (std::isupper(c) || std::isdigit(c)) return true;
  if (c >= 0xC3 && c <= 0xC3 && f.size() > 1) {  // Latin-1 capitals À..Þ
    const auto c2 = static_cast<unsigned char>(f[1]);
    return c2 >= 0x80 && c2 <= 0x9E;
  }
  return false;
}
// Capitalised function words that start sentences far more often than they continue
// a name after "U.S." or "Inc.".
bool is_sentence_starter(const std::string& f) {
  static const std::unordered_set<std::string> kStarters = {
      "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And",
      "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "As", "After",
      "Before", "When", "While", "If", "Meanwhile", "However", "Also", "Earlier", "Later", "Last",
      "Since", "During", "Some", "Many", "Both", "For", "Its", "Such", "Yet", "So", "Still"};
  return kStarters.count(f) > 0;
}
bool is_hashtag_or_link(const std::string& f) {
  return (f.size() > 1 && (f[0] == '#' || f[0] == '@')) || f.rfind("http", 0) == 0 || f.rfind("www.", 0) == 0;
}

// "QUITO, Ecuador (AP) --", "KYIV, Ukraine, March 3 (Reuters) -": a place in capitals,
// then only names, dates, commas and an agency in parentheses, up to a free-standing
// dash. The number of tokens up to and including the dash; 0 when there is none.
uint32_t dateline_length(const std::vector<Token>& toks) {
  if (toks.size() < 3) return 0;
  const std::string& first = toks[0].form;
  bool caps = first.size() > 1 && std::isupper(static_cast<unsigned char>(first[0]));
  for (char ch : first) caps = caps && !(ch >= 'a' && ch <= 'z');
  if (!caps) return 0;
  for (size_t k = 1; k + 1 < toks.size() && k < 16; ++k) {
    const std::string& f = toks[k].form;
    if ((f == "--" || f == "-") && toks[k - 1].space_after) return static_cast<uint32_t>(k + 1);
    if (!(starts_upper_or_digit(f) || f == "," || f == "." || f == "(" || f == ")" || f == "-")) return 0;
  }
  return 0;
}

}  // namespace

std::unordered_set<std::string> SentenceSplitter::load_boilerplate(const std::string& path) {
  std::unordered_set<std::string> lines;
  for_each_tsv_row(path, [&](const TsvRow& row) { lines.insert(fold_case(row.fields[0])); });
  return lines;
}

bool SentenceSplitter::is_boilerplate(std::string_view line) const {
  std::string s = fold_case(line);
  while (!s.empty() && std::string_view(".:!|-> ").find(s.back()) != std::string_view::npos) s.pop_back();
  if (boilerplate_.count(s)) return true;
  const auto toks = tokenizer_.tokenize(line);
  if (toks.empty()) return false;
  bool any = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const std::string& f = toks[i].form;
    if (f == "#" || f == "@") { if (i + 1 < toks.size()) ++i; any = true; continue; }
    if (is_hashtag_or_link(f)) { any = true; continue; }
    if (f == "," || f == "|" || f == "-" || f == "--") continue;
    return false;
  }
  return any;
}

bool SentenceSplitter::breaks_after(const std::vector<Token>& toks, size_t i) const {
  // toks[i] is the last token of a candidate sentence; toks[i+1] exists.
  size_t k = i + 1;
  while (k < toks.size() && is_opening(toks[k].form) && !(toks[k].form == "--")) ++k;
  if (k >= toks.size()) return false;
  const std::string& next = toks[k].form;
  const std::string& f = toks[i].form;
  if (is_final(f)) return starts_upper_or_digit(next) || (k > i + 1);
  if (!f.empty() && f.back() == '.' && f.size() > 1) {
    const auto kind = abbreviations_ ? abbreviations_->kind(f) : Abbreviations::Kind::None;
    if (kind == Abbreviations::Kind::Title) return false;
    if (kind == Abbreviations::Kind::Other || f.size() > 2) return is_sentence_starter(next);
    return false;  // initials: "Donald J. Trump"
  }
  return false;
}

void SentenceSplitter::split_line(std::string_view text, Span line, std::vector<Sentence>& out) const {
  std::vector<Token> toks = tokenizer_.tokenize(text, line);
  if (toks.empty()) return;
  const bool boiler = is_boilerplate(text.substr(line.begin, line.size()));
  size_t first = 0;
  auto flush = [&](size_t last) {  // tokens [first, last]
    Sentence s;
    s.span = {toks[first].span.begin, toks[last].span.end};
    s.tokens.assign(toks.begin() + static_cast<std::ptrdiff_t>(first),
                    toks.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    s.boilerplate = boiler;
    out.push_back(std::move(s));
    first = last + 1;
  };
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (boiler) break;
    const bool final_punct = is_final(toks[i].form) || (toks[i].form.size() > 1 && toks[i].form.back() == '.');
    if (i + 1 - first >= max_tokens_) {  // over-long "sentence": cut, never quadratic
      flush(i);
      continue;
    }
    if (!final_punct || i == first) continue;
    // Absorb closing quotes/brackets and further final punctuation (".”.").
    size_t end = i;
    while (end + 1 < toks.size() && end + 1 - first < max_tokens_ &&
           (is_closing(toks[end + 1].form) || is_final(toks[end + 1].form)) &&
           toks[end + 1].span.begin == toks[end].span.end)
      ++end;
    if (end + 1 >= toks.size()) break;
    if (breaks_after(toks, end) || (end > i && starts_upper_or_digit(toks[end + 1].form) && is_final(toks[i].form))) {
      flush(end);
      i = end;
    }
  }
  while (first < toks.size()) flush(toks.size() - first > max_tokens_ ? first + max_tokens_ - 1 : toks.size() - 1);
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  uint32_t start = 0;
  const auto n = static_cast<uint32_t>(text.size());
  for (uint32_t i = 0; i <= n; ++i) {
    const bool newline = i < n && (text[i] == '\n' || text[i] == '\r');
    // U+2028 / U+2029 line and paragraph separators
    const bool unicode_break = i + 2 < n && static_cast<unsigned char>(text[i]) == 0xE2 &&
                               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                               (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                                static_cast<unsigned char>(text[i + 2]) == 0xA9);
    if (i == n || newline || unicode_break) {
      if (i > start) split_line(text, {start, i}, out);
      if (unicode_break) i += 2;
      start = i + 1;
    }
  }
  // A leading dateline ("Damascus." / "WASHINGTON --") is part of the first sentence.
  if (out.size() >= 2 && out[0].tokens.size() <= 4 && !out[0].boilerplate && !out[1].boilerplate) {
    bool dateline = true;
    for (const auto& t : out[0].tokens)
      if (!(starts_upper_or_digit(t.form) || t.form == "." || t.form == "," || t.form == "--" ||
            t.form == "(" || t.form == ")"))
        dateline = false;
    if (dateline && out[1].span.begin - out[0].span.end <= 2 &&
        text.substr(out[0].span.end, out[1].span.begin - out[0].span.end).find('\n') == std::string_view::npos) {
      out[1].tokens.insert(out[1].tokens.begin(), out[0].tokens.begin(), out[0].tokens.end());
      out[1].span.begin = out[0].span.begin;
      out[1].dateline_tokens = static_cast<uint32_t>(out[0].tokens.size());
      out.erase(out.begin());
    }
  }
  if (!out.empty() && out[0].dateline_tokens == 0) out[0].dateline_tokens = dateline_length(out[0].tokens);
  return out;
}

}  // namespace dyad
