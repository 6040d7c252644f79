#include "dyad/ner/ner_features.h"

#include <string>
#include <string_view>

#include "dyad/syntax/linear_model.h"

namespace dyad::ner {

using syntax::feat;
using syntax::hash_bytes;

namespace {

enum Template : uint64_t {
  kBias = 1, kForm, kLower, kShape, kShortShape, kPrefix, kSuffix,
  kLowerPrev, kLowerNext, kLowerPrev2, kLowerNext2, kBigramPrev, kBigramNext,
  kShapePrev, kShapeNext, kShapeBigramPrev, kShapeBigramNext, kShapeTrigram,
  kPos, kPosPrev, kPosNext, kPosShape, kPosBigram,
  kGaz, kGazPrev, kGazNext, kFirstShape, kCaseShape, kLowerPrevShape, kShapeLowerNext,
  kFormPrevCap, kFormNextCap, kGazShape,
  kShapePrev2, kShapeNext2, kSuffixPrev, kSuffixNext,
};

constexpr uint64_t kBoundary = 0x5bd1e9955bd1e995ULL;

// "Obama" -> Xxxxx (runs cut at 4), short: Xx. Non-ASCII letters count as 'u'.
void shapes(std::string_view w, std::string& full, std::string& brief) {
  full.clear();
  brief.clear();
  int run = 0;
  for (unsigned char c : w) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = static_cast<char>(c);
    if (!full.empty() && full.back() == k) {
      if (++run < 4) full += k;
    } else {
      run = 0;
      full += k;
    }
    if (brief.empty() || brief.back() != k) brief += k;
  }
}

}  // namespace

void ner_atoms(const Sentence& s, const Gazetteer& gazetteer, bool use_pos, NerSentenceAtoms& out) {
  const size_t n = s.tokens.size();
  out.words.assign(n, NerWord{});
  std::vector<std::string_view> forms;
  forms.reserve(n);
  std::string full, brief, lower;
  int letters = 0, title = 0, upper = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& f = s.tokens[i].form;
    forms.push_back(f);
    NerWord& w = out.words[i];
    lower = f;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      else if (c >= '0' && c <= '9') c = '0';
    }
    w.form = hash_bytes(f);
    w.lower = hash_bytes(lower);
    shapes(f, full, brief);
    w.shape = hash_bytes(full);
    w.short_shape = hash_bytes(brief);
    w.capitalized = !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
    if (use_pos) w.pos = hash_bytes(s.tokens[i].xpos);
    for (size_t k = 0; k < 4; ++k) {
      if (lower.size() > k + 1) {
        w.prefix[k] = hash_bytes(std::string_view(lower).substr(0, k + 1));
        w.suffix[k] = hash_bytes(std::string_view(lower).substr(lower.size() - k - 1));
      }
    }
    if (!f.empty() && ((f[0] >= 'a' && f[0] <= 'z') || w.capitalized)) {
      ++letters;
      if (w.capitalized) ++title;
      if (brief == "X") ++upper;
    }
  }
  // 0: no words, 1: all lower, 2: normal, 3: headline (mostly title case), 4: all caps.
  uint64_t bucket = 0;
  if (letters > 0) {
    if (title == 0) bucket = 1;
    else if (upper * 10 >= letters * 8 && letters >= 3) bucket = 4;
    else if (title * 10 >= letters * 6 && letters >= 4) bucket = 3;
    else bucket = 2;
  }
  out.case_bucket = bucket;
  std::vector<GazMask> gaz;
  gazetteer.match(forms, gaz);
  for (size_t i = 0; i < n; ++i) out.words[i].gaz = gaz[i];
}

void ner_features(const NerSentenceAtoms& atoms, int i, std::vector<uint64_t>& out) {
  const auto& w = atoms.words;
  const int n = static_cast<int>(w.size());
  const NerWord& c = w[i];
  static const NerWord kNone = [] {
    NerWord b;
    b.form = b.lower = b.shape = b.short_shape = b.pos = kBoundary;
    return b;
  }();
  const NerWord& p1 = i >= 1 ? w[i - 1] : kNone;
  const NerWord& p2 = i >= 2 ? w[i - 2] : kNone;
  const NerWord& n1 = i + 1 < n ? w[i + 1] : kNone;
  const NerWord& n2 = i + 2 < n ? w[i + 2] : kNone;

  out.push_back(feat(kBias, 0));
  out.push_back(feat(kForm, c.form));
  out.push_back(feat(kLower, c.lower));
  out.push_back(feat(kShape, c.shape));
  out.push_back(feat(kShortShape, c.short_shape));
  for (uint64_t k = 0; k < 4; ++k) {
    if (c.prefix[k]) out.push_back(feat(kPrefix, k, c.prefix[k]));
    if (c.suffix[k]) out.push_back(feat(kSuffix, k, c.suffix[k]));
  }
  out.push_back(feat(kLowerPrev, p1.lower));
  out.push_back(feat(kLowerNext, n1.lower));
  out.push_back(feat(kLowerPrev2, p2.lower));
  out.push_back(feat(kLowerNext2, n2.lower));
  out.push_back(feat(kBigramPrev, p1.lower, c.lower));
  out.push_back(feat(kBigramNext, c.lower, n1.lower));
  out.push_back(feat(kShapePrev, p1.short_shape));
  out.push_back(feat(kShapeNext, n1.short_shape));
  out.push_back(feat(kShapeBigramPrev, p1.short_shape, c.short_shape));
  out.push_back(feat(kShapeBigramNext, c.short_shape, n1.short_shape));
  out.push_back(feat(kShapeTrigram, p1.short_shape, c.short_shape, n1.short_shape));
  if (c.pos) {
    out.push_back(feat(kPos, c.pos));
    out.push_back(feat(kPosPrev, p1.pos));
    out.push_back(feat(kPosNext, n1.pos));
    out.push_back(feat(kPosShape, c.pos, c.short_shape));
    out.push_back(feat(kPosBigram, p1.pos, c.pos));
  }
  for (GazMask g = c.gaz; g; g &= g - 1) {
    const auto bit = static_cast<uint64_t>(__builtin_ctzll(g));
    out.push_back(feat(kGaz, bit));
    out.push_back(feat(kGazShape, bit, c.short_shape));
  }
  // Neighbours' list types (any position).
  auto types = [](GazMask g) {
    uint64_t t = 0;
    for (int k = 0; k < kNumGazTypes; ++k)
      if ((g >> (4 * k)) & 0xf) t |= uint64_t{1} << k;
    return t;
  };
  if (i >= 1 && p1.gaz) out.push_back(feat(kGazPrev, types(p1.gaz)));
  if (i + 1 < n && n1.gaz) out.push_back(feat(kGazNext, types(n1.gaz)));
  if (i == 0) out.push_back(feat(kFirstShape, c.short_shape));
  out.push_back(feat(kCaseShape, atoms.case_bucket, c.short_shape));
  out.push_back(feat(kLowerPrevShape, p1.lower, c.short_shape));
  out.push_back(feat(kShapeLowerNext, c.short_shape, n1.lower));
  if (p1.capitalized) out.push_back(feat(kFormPrevCap, p1.form));
  if (n1.capitalized) out.push_back(feat(kFormNextCap, n1.form));
  // Shapes two words away and the last three letters of the neighbours: "Xx Xx of Xx"
  // and "-ed"/"-ing" verbs beside a name (docs/NER.md: dev F1).
  out.push_back(feat(kShapePrev2, p2.short_shape));
  out.push_back(feat(kShapeNext2, n2.short_shape));
  if (i >= 1) out.push_back(feat(kSuffixPrev, p1.suffix[2]));
  if (i + 1 < n) out.push_back(feat(kSuffixNext, n1.suffix[2]));
}

}  // namespace dyad::ner
