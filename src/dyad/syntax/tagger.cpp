#include "dyad/syntax/tagger.h"

#include <algorithm>

#include "dyad/syntax/model_file.h"

namespace dyad::syntax {

namespace {

constexpr uint32_t kSectionClasses = 10;
constexpr uint32_t kSectionWeights = 11;
constexpr uint32_t kSectionAmbiguity = 12;
constexpr uint32_t kSectionSecondPass = 13;

enum Flag : uint32_t { kUpper = 1, kAllUpper = 2, kDigit = 4, kHyphen = 8, kNonAlpha = 16 };

uint64_t shape_hash(std::string_view s) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = static_cast<char>(c);
    if (k == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = k;
    }
    shape += k;
  }
  return hash_bytes(shape);
}

}  // namespace

AmbiguityClasses::AmbiguityClasses(std::vector<std::pair<uint64_t, uint64_t>> entries)
    : entries_(std::move(entries)) {
  std::sort(entries_.begin(), entries_.end());
}

uint64_t AmbiguityClasses::get(uint64_t key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(key, uint64_t{0}));
  return it != entries_.end() && it->first == key ? it->second : 0;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

WordAtoms word_atoms(std::string_view form, const AmbiguityClasses& amb) {
  WordAtoms w;
  std::string lower = lower_ascii(form);
  std::string norm = lower;
  for (char& c : norm)
    if (c >= '0' && c <= '9') c = '0';
  w.form = hash_bytes(form);
  w.lower = hash_bytes(norm);
  w.shape = shape_hash(form);
  w.amb = amb.get(hash_bytes(lower));
  for (int k = 0; k < 4; ++k) {
    size_t len = std::min<size_t>(k + 1, lower.size());
    w.suffix[k] = hash_bytes(std::string_view(lower).substr(lower.size() - len));
  }
  for (int k = 0; k < 3; ++k) w.prefix[k] = hash_bytes(std::string_view(lower).substr(0, k + 1));
  bool any_alpha = false, all_upper = true;
  for (unsigned char c : form) {
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    any_alpha |= up || lo;
    if (lo) all_upper = false;
    if (c >= '0' && c <= '9') w.flags |= kDigit;
    if (c == '-') w.flags |= kHyphen;
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') w.flags |= kUpper;
  if (any_alpha && all_upper) w.flags |= kAllUpper;
  if (!any_alpha) w.flags |= kNonAlpha;
  return w;
}

uint64_t sentence_case_bucket(const WordAtoms* w, int n) {
  int alpha = 0, upper = 0;
  for (int i = 1; i < n; ++i) {
    if (w[i].flags & kNonAlpha) continue;
    ++alpha;
    upper += (w[i].flags & kUpper) != 0;
  }
  if (alpha == 0) return 0;
  return 1 + static_cast<uint64_t>(4 * upper / (alpha + 1));
}

void tagger_features(const WordAtoms* w, int n, int i, int prev1, int prev2,
                     uint64_t case_bucket, const int* first, std::vector<uint64_t>& out) {
  static const WordAtoms kStart = [] {
    WordAtoms a;
    a.form = a.lower = a.shape = a.amb = hash_bytes("<s>");
    return a;
  }();
  static const WordAtoms kEnd = [] {
    WordAtoms a;
    a.form = a.lower = a.shape = a.amb = hash_bytes("</s>");
    return a;
  }();
  auto at = [&](int j) -> const WordAtoms& { return j < 0 ? kStart : j >= n ? kEnd : w[j]; };
  const WordAtoms& w0 = w[i];
  const WordAtoms &m1 = at(i - 1), &m2 = at(i - 2), &p1 = at(i + 1), &p2 = at(i + 2);
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  out.push_back(feat(1, 0));
  out.push_back(feat(2, w0.form));
  out.push_back(feat(3, w0.lower));
  for (int k = 0; k < 4; ++k) out.push_back(feat(4 + k, w0.suffix[k]));
  for (int k = 0; k < 3; ++k) out.push_back(feat(8 + k, w0.prefix[k]));
  out.push_back(feat(11, w0.shape));
  out.push_back(feat(12, w0.amb));
  out.push_back(feat(13, t1));
  out.push_back(feat(14, t2));
  out.push_back(feat(15, t1, t2));
  out.push_back(feat(16, t1, w0.lower));
  out.push_back(feat(17, m1.lower));
  out.push_back(feat(18, m2.lower));
  out.push_back(feat(19, p1.lower));
  out.push_back(feat(20, p2.lower));
  out.push_back(feat(21, m1.suffix[2]));
  out.push_back(feat(22, p1.suffix[2]));
  out.push_back(feat(23, p1.amb));
  out.push_back(feat(24, p2.amb));
  out.push_back(feat(25, t1, p1.amb));
  out.push_back(feat(26, w0.lower, p1.lower));
  out.push_back(feat(27, m1.lower, w0.lower));
  out.push_back(feat(28, p1.shape));
  out.push_back(feat(29, w0.flags, i == 0));
  out.push_back(feat(30, w0.amb, t1));
  out.push_back(feat(31, w0.amb, p1.amb));
  out.push_back(feat(32, w0.suffix[2], t1));
  out.push_back(feat(33, w0.shape, i == 0));
  out.push_back(feat(34, p1.flags));
  out.push_back(feat(35, m1.shape));
  out.push_back(feat(36, m1.lower, t1));
  out.push_back(feat(37, m1.lower, p1.lower));
  out.push_back(feat(38, p1.lower, p2.lower));
  out.push_back(feat(39, w0.suffix[3], p1.amb));
  out.push_back(feat(40, w0.suffix[1], t1));
  out.push_back(feat(41, w0.form, p1.amb));
  out.push_back(feat(42, p1.form));
  out.push_back(feat(43, m1.form));
  out.push_back(feat(44, w0.flags, case_bucket));
  out.push_back(feat(45, w0.lower, w0.flags & (kUpper | kAllUpper), i == 0));
  out.push_back(feat(46, w0.amb, w0.flags & (kUpper | kAllUpper), case_bucket));
  if (!first) return;
  auto f = [&](int j) -> uint64_t { return j < 0 ? 0 : j >= n ? 1 : static_cast<uint64_t>(first[j]) + 2; };
  const uint64_t n0 = f(i), n1 = f(i + 1), n2 = f(i + 2);
  out.push_back(feat(60, n1));
  out.push_back(feat(61, n2));
  out.push_back(feat(62, n1, n2));
  out.push_back(feat(63, t1, n1));
  out.push_back(feat(64, w0.lower, n1));
  out.push_back(feat(65, n0));
  out.push_back(feat(66, n0, w0.amb));
  out.push_back(feat(67, t1, n0, n1));
  out.push_back(feat(68, w0.suffix[2], n1));
}

namespace {

const WordAtoms& start_atoms() {
  static const WordAtoms a = [] {
    WordAtoms w;
    w.form = w.lower = w.shape = w.amb = hash_bytes("<s>");
    return w;
  }();
  return a;
}
const WordAtoms& end_atoms() {
  static const WordAtoms a = [] {
    WordAtoms w;
    w.form = w.lower = w.shape = w.amb = hash_bytes("</s>");
    return w;
  }();
  return a;
}

}  // namespace

void tagger_static_features(const WordAtoms* w, int n, int i, uint64_t case_bucket, const int* first,
                            uint64_t* out, size_t& k) {
  const WordAtoms &kStart = start_atoms(), &kEnd = end_atoms();
  auto at = [&](int j) -> const WordAtoms& { return j < 0 ? kStart : j >= n ? kEnd : w[j]; };
  const WordAtoms& w0 = w[i];
  const WordAtoms &m1 = at(i - 1), &m2 = at(i - 2), &p1 = at(i + 1), &p2 = at(i + 2);
  out[k++] = feat(1, 0);
  out[k++] = feat(2, w0.form);
  out[k++] = feat(3, w0.lower);
  for (int j = 0; j < 4; ++j) out[k++] = feat(4 + j, w0.suffix[j]);
  for (int j = 0; j < 3; ++j) out[k++] = feat(8 + j, w0.prefix[j]);
  out[k++] = feat(11, w0.shape);
  out[k++] = feat(12, w0.amb);
  out[k++] = feat(17, m1.lower);
  out[k++] = feat(18, m2.lower);
  out[k++] = feat(19, p1.lower);
  out[k++] = feat(20, p2.lower);
  out[k++] = feat(21, m1.suffix[2]);
  out[k++] = feat(22, p1.suffix[2]);
  out[k++] = feat(23, p1.amb);
  out[k++] = feat(24, p2.amb);
  out[k++] = feat(26, w0.lower, p1.lower);
  out[k++] = feat(27, m1.lower, w0.lower);
  out[k++] = feat(28, p1.shape);
  out[k++] = feat(29, w0.flags, i == 0);
  out[k++] = feat(31, w0.amb, p1.amb);
  out[k++] = feat(33, w0.shape, i == 0);
  out[k++] = feat(34, p1.flags);
  out[k++] = feat(35, m1.shape);
  out[k++] = feat(37, m1.lower, p1.lower);
  out[k++] = feat(38, p1.lower, p2.lower);
  out[k++] = feat(39, w0.suffix[3], p1.amb);
  out[k++] = feat(41, w0.form, p1.amb);
  out[k++] = feat(42, p1.form);
  out[k++] = feat(43, m1.form);
  out[k++] = feat(44, w0.flags, case_bucket);
  out[k++] = feat(45, w0.lower, w0.flags & (kUpper | kAllUpper), i == 0);
  out[k++] = feat(46, w0.amb, w0.flags & (kUpper | kAllUpper), case_bucket);
  if (!first) return;
  auto f = [&](int j) -> uint64_t { return j < 0 ? 0 : j >= n ? 1 : static_cast<uint64_t>(first[j]) + 2; };
  const uint64_t n0 = f(i), n1 = f(i + 1), n2 = f(i + 2);
  out[k++] = feat(60, n1);
  out[k++] = feat(61, n2);
  out[k++] = feat(62, n1, n2);
  out[k++] = feat(64, w0.lower, n1);
  out[k++] = feat(65, n0);
  out[k++] = feat(66, n0, w0.amb);
  out[k++] = feat(68, w0.suffix[2], n1);
}

void tagger_dynamic_features(const WordAtoms* w, int n, int i, int prev1, int prev2, const int* first,
                             uint64_t* out, size_t& k) {
  const WordAtoms& w0 = w[i];
  const WordAtoms& m1 = i - 1 < 0 ? start_atoms() : w[i - 1];
  const WordAtoms& p1 = i + 1 >= n ? end_atoms() : w[i + 1];
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  out[k++] = feat(13, t1);
  out[k++] = feat(14, t2);
  out[k++] = feat(15, t1, t2);
  out[k++] = feat(16, t1, w0.lower);
  out[k++] = feat(25, t1, p1.amb);
  out[k++] = feat(30, w0.amb, t1);
  out[k++] = feat(32, w0.suffix[2], t1);
  out[k++] = feat(36, m1.lower, t1);
  out[k++] = feat(40, w0.suffix[1], t1);
  if (!first) return;
  auto f = [&](int j) -> uint64_t { return j < 0 ? 0 : j >= n ? 1 : static_cast<uint64_t>(first[j]) + 2; };
  const uint64_t n0 = f(i), n1 = f(i + 1);
  out[k++] = feat(63, t1, n1);
  out[k++] = feat(67, t1, n0, n1);
}

Tagger::Tagger(std::vector<std::string> xpos, std::vector<std::string> upos, LinearModel first,
               LinearModel second, AmbiguityClasses amb)
    : xpos_(std::move(xpos)), upos_(std::move(upos)), model_(std::move(first)),
      second_(std::move(second)), amb_(std::move(amb)) {}

void Tagger::decode(const LinearModel& model, const WordAtoms* atoms, int n, const int* first,
                    std::vector<int>& out) const {
  // The features that do not depend on the previous predictions are computed for the
  // whole sentence first, so that the hash-table slots of word i + 1 can be prefetched
  // while word i is scored. A score is a sum of integer weights, so the order of the
  // features cannot change it: the result is that of tagger_features().
  thread_local std::vector<uint64_t> static_feats;
  thread_local std::vector<uint32_t> offsets;
  thread_local std::vector<float> scores;
  static_feats.resize(static_cast<size_t>(n) * kMaxTaggerStatic + kMaxTaggerDynamic);
  offsets.resize(static_cast<size_t>(n) + 1);
  scores.resize(model.num_classes());
  out.assign(n, 0);
  const uint64_t case_bucket = sentence_case_bucket(atoms, n);
  size_t k = 0;
  for (int i = 0; i < n; ++i) {
    offsets[i] = static_cast<uint32_t>(k);
    tagger_static_features(atoms, n, i, case_bucket, first, static_feats.data(), k);
  }
  offsets[n] = static_cast<uint32_t>(k);
  uint64_t feats[kMaxTaggerStatic + kMaxTaggerDynamic];
  for (int i = 0; i < n; ++i) {
    if (i + 1 < n) model.prefetch(static_feats.data() + offsets[i + 1], offsets[i + 2] - offsets[i + 1]);
    size_t m = offsets[i + 1] - offsets[i];
    std::copy(static_feats.data() + offsets[i], static_feats.data() + offsets[i + 1], feats);
    tagger_dynamic_features(atoms, n, i, i > 0 ? out[i - 1] : -1, i > 1 ? out[i - 2] : -1, first, feats, m);
    model.score(feats, m, scores.data());
    out[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }
}

void Tagger::tag_ids(const std::vector<std::string_view>& forms, std::vector<int>& out) const {
  const int n = static_cast<int>(forms.size());
  std::vector<WordAtoms> atoms(n);
  for (int i = 0; i < n; ++i) atoms[i] = word_atoms(forms[i], amb_);
  decode(model_, atoms.data(), n, nullptr, out);
  if (second_.num_classes() == 0) return;
  std::vector<int> first = out;
  decode(second_, atoms.data(), n, first.data(), out);
}

void Tagger::tag(Sentence& s) const {
  std::vector<std::string_view> forms;
  forms.reserve(s.tokens.size());
  for (const Token& t : s.tokens) forms.push_back(t.form);
  std::vector<int> ids;
  tag_ids(forms, ids);
  for (size_t i = 0; i < ids.size(); ++i) {
    s.tokens[i].xpos = xpos_[ids[i]];
    s.tokens[i].upos = upos_[ids[i]];
  }
}

void Tagger::save(const std::string& path, const std::string& provenance) const {
  ModelWriter mw(ModelKind::Tagger);
  ByteWriter p;
  p.str(provenance);
  mw.add_section(kSectionProvenance, p.take());
  ByteWriter c;
  c.strings(xpos_);
  c.strings(upos_);
  mw.add_section(kSectionClasses, c.take());
  ByteWriter m;
  model_.save(m);
  mw.add_section(kSectionWeights, m.take());
  if (second_.num_classes() != 0) {
    ByteWriter m2;
    second_.save(m2);
    mw.add_section(kSectionSecondPass, m2.take());
  }
  ByteWriter a;
  std::vector<uint64_t> keys, values;
  for (auto [k, v] : amb_.entries()) {
    keys.push_back(k);
    values.push_back(v);
  }
  a.vec(keys);
  a.vec(values);
  mw.add_section(kSectionAmbiguity, a.take());
  mw.save(path);
}

Tagger Tagger::load(const std::string& path) {
  ModelReader mr = ModelReader::open(path, ModelKind::Tagger);
  Tagger t;
  ByteReader c = mr.section(kSectionClasses);
  t.xpos_ = c.strings();
  t.upos_ = c.strings();
  if (t.xpos_.empty() || t.xpos_.size() != t.upos_.size()) c.fail("bad tag classes");
  ByteReader m = mr.section(kSectionWeights);
  t.model_ = LinearModel::load(m);
  if (t.model_.num_classes() != t.xpos_.size()) m.fail("weights do not match the tag classes");
  if (mr.has(kSectionSecondPass)) {
    ByteReader m2 = mr.section(kSectionSecondPass);
    t.second_ = LinearModel::load(m2);
    if (t.second_.num_classes() != t.xpos_.size()) m2.fail("weights do not match the tag classes");
  }
  ByteReader a = mr.section(kSectionAmbiguity);
  auto keys = a.vec<uint64_t>();
  auto values = a.vec<uint64_t>();
  if (keys.size() != values.size()) a.fail("bad ambiguity classes");
  std::vector<std::pair<uint64_t, uint64_t>> entries(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) entries[i] = {keys[i], values[i]};
  t.amb_ = AmbiguityClasses(std::move(entries));
  return t;
}

}  // namespace dyad::syntax
