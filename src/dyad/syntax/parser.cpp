#include "dyad/syntax/parser.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "dyad/syntax/model_file.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

namespace {

constexpr uint32_t kSectionVocab = 30;
constexpr uint32_t kSectionWeights = 31;
constexpr uint32_t kSectionFeatureSet = 32;

uint64_t distance_bucket(int d) {
  if (d < 0) d = -d;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

}  // namespace

void parser_features(const ParserInput& in, const ParseState& st, std::vector<uint64_t>& out) {
  static const uint64_t kNoWord = hash_bytes("<none>");
  const int n = st.n;
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNoWord : in.word[i]; };
  auto T = [&](int i) -> uint64_t { return i < 0 ? kTagNone : in.tag[i]; };
  auto L = [&](int i) -> uint64_t {
    return i < 0 || i >= n || st.label[i] < 0 ? 0xffff : static_cast<uint64_t>(st.label[i]);
  };
  auto child = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  auto count = [](const std::vector<int>& v, int i) -> uint64_t {
    return i < 0 ? 99 : static_cast<uint64_t>(std::min(v[i], 5));
  };
  auto set = [](const std::vector<uint64_t>& v, int i) -> uint64_t { return i < 0 ? 1 : v[i]; };

  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.buf, b1 = b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const int s0l = child(st.lc1, s0), s0l2 = child(st.lc2, s0), s0r = child(st.rc1, s0),
            s0r2 = child(st.rc2, s0);
  const int s1l = child(st.lc1, s1), s1r = child(st.rc1, s1), s1r2 = child(st.rc2, s1);
  const int b0l = child(st.lc1, b0), b0l2 = child(st.lc2, b0);

  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2w = W(s2), s2t = T(s2);
  const uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const uint64_t s0wt = feat(0, s0w, s0t), s1wt = feat(0, s1w, s1t), b0wt = feat(0, b0w, b0t),
                 b1wt = feat(0, b1w, b1t);
  const uint64_t d01 = s0 >= 0 ? distance_bucket(b0 - s0) : 99;
  const uint64_t d10 = s1 >= 0 ? distance_bucket(s0 - s1) : 99;

  uint64_t id = 100;
  auto f1 = [&](uint64_t a) { out.push_back(feat(++id, a)); };
  auto f2 = [&](uint64_t a, uint64_t b) { out.push_back(feat(++id, a, b)); };
  auto f3 = [&](uint64_t a, uint64_t b, uint64_t c) { out.push_back(feat(++id, a, b, c)); };

  out.push_back(feat(100, 0));
  // unigrams
  f1(s0w); f1(s0t); f1(s0wt);
  f1(s1w); f1(s1t); f1(s1wt);
  f1(b0w); f1(b0t); f1(b0wt);
  f1(b1w); f1(b1t); f1(b1wt);
  f1(b2w); f1(b2t);
  f1(s2w); f1(s2t);
  // pairs: s0-b0 (LEFT) and s1-s0 (RIGHT)
  f2(s0wt, b0wt); f2(s0wt, b0w); f2(s0w, b0wt); f2(s0wt, b0t); f2(s0t, b0wt);
  f2(s0w, b0w); f2(s0t, b0t);
  f2(s1wt, s0wt); f2(s1wt, s0w); f2(s1w, s0wt); f2(s1wt, s0t); f2(s1t, s0wt);
  f2(s1w, s0w); f2(s1t, s0t);
  f2(b0t, b1t); f2(b0w, b1w); f2(b0wt, b1t); f2(b0t, b1wt);
  f2(s1wt, b0wt); f2(s1t, b0t);
  // tag trigrams
  f3(b0t, b1t, b2t); f3(s0t, b0t, b1t); f3(s1t, s0t, b0t); f3(s2t, s1t, s0t);
  f3(s1t, s0t, b1t); f3(s0w, b0t, b1t); f3(s0t, b0w, b1t); f3(s1w, s0t, b0t);
  f3(s1t, s0w, b0t); f3(s1t, s0t, b0w);
  // distance
  f2(s0w, d01); f2(s0t, d01); f2(b0w, d01); f2(b0t, d01); f3(s0t, b0t, d01);
  f3(s0w, b0w, d01);
  f2(s1w, d10); f2(s1t, d10); f2(s0w, d10); f2(s0t, d10); f3(s1t, s0t, d10);
  f3(s1w, s0w, d10);
  // valency
  f2(s0w, count(st.nl, s0)); f2(s0t, count(st.nl, s0));
  f2(s0w, count(st.nr, s0)); f2(s0t, count(st.nr, s0));
  f2(b0w, count(st.nl, b0)); f2(b0t, count(st.nl, b0));
  f2(s1w, count(st.nl, s1)); f2(s1t, count(st.nl, s1));
  f2(s1w, count(st.nr, s1)); f2(s1t, count(st.nr, s1));
  // children: words, tags, labels
  for (int c : {s0l, s0r, s1l, s1r, b0l}) {
    f1(W(c)); f1(T(c)); f1(L(c));
  }
  for (int c : {s0l2, s0r2, s1r2, b0l2}) {
    f1(T(c)); f1(L(c));
  }
  f3(s0t, T(s0l), b0t); f3(s0t, T(s0r), b0t); f3(s0t, b0t, T(b0l));
  f3(s0t, T(s0l), T(s0l2)); f3(s0t, T(s0r), T(s0r2)); f3(b0t, T(b0l), T(b0l2));
  f3(s1t, T(s1l), s0t); f3(s1t, T(s1r), s0t); f3(s1t, s0t, T(s0l)); f3(s1t, s0t, T(s0r));
  f3(s1t, T(s1r), T(s1r2));
  f3(s0t, L(s0l), L(s0r)); f3(s1t, L(s1l), L(s1r)); f2(b0t, L(b0l));
  f3(s0t, L(s0l), b0t); f3(s1t, s0t, L(s0l)); f3(s1t, s0t, L(s0r));
  // label sets
  f2(s0w, set(st.lset, s0)); f2(s0t, set(st.lset, s0));
  f2(s0w, set(st.rset, s0)); f2(s0t, set(st.rset, s0));
  f2(b0w, set(st.lset, b0)); f2(b0t, set(st.lset, b0));
  f2(s1w, set(st.rset, s1)); f2(s1t, set(st.rset, s1));
  f2(s1t, set(st.lset, s1));
  // stack depth and the root
  f2(static_cast<uint64_t>(std::min<size_t>(st.stack.size(), 4)), b0 == n);
  f3(s0t, static_cast<uint64_t>(std::min<size_t>(st.stack.size(), 4)), b0 == n);
}

Parser::Parser(std::vector<std::string> tags, std::vector<std::string> labels, LinearModel model)
    : tags_(std::move(tags)), labels_(std::move(labels)), model_(std::move(model)) {
  for (uint32_t i = 0; i < tags_.size(); ++i) tag_ids_.emplace(tags_[i], i);
  int root = 0;
  for (size_t i = 0; i < labels_.size(); ++i)
    if (labels_[i] == "root") root = static_cast<int>(i);
  system_ = ArcHybrid(static_cast<int>(labels_.size()), root);
}

ParserInput Parser::input(const Sentence& s) const {
  ParserInput in;
  fill_input(s, in);
  return in;
}

void Parser::fill_input(const Sentence& s, ParserInput& in) const {
  const size_t n = s.tokens.size();
  in.word.resize(n + 1);
  in.tag.resize(n + 1);
  static const uint64_t kRootWord = hash_bytes("<root>");
  char buf[64];
  std::string norm;
  for (size_t i = 0; i < n; ++i) {
    const std::string& form = s.tokens[i].form;
    // hash of the lower-cased form with digits as 0 (no allocation for short forms)
    std::string_view v;
    if (form.size() <= sizeof buf) {
      for (size_t k = 0; k < form.size(); ++k) {
        char c = form[k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9') c = '0';
        buf[k] = c;
      }
      v = std::string_view(buf, form.size());
    } else {
      norm = lower_ascii(form);
      for (char& c : norm)
        if (c >= '0' && c <= '9') c = '0';
      v = norm;
    }
    in.word[i] = hash_bytes(v);
    auto it = tag_ids_.find(s.tokens[i].xpos);
    in.tag[i] = it == tag_ids_.end() ? kTagUnknown : it->second;
  }
  in.word[n] = kRootWord;
  in.tag[n] = kTagRoot;
}

int Parser::best_legal(const ParseState& st, const float* scores) const {
  const int na = system_.num_actions();
  const int root = system_.root_label();
  // The first action with the highest score among the legal ones (ArcHybrid::legal,
  // evaluated once per move instead of once per action).
  const int depth = static_cast<int>(st.stack.size());
  const bool shift_ok = st.buf < st.n;
  const bool left_ok = depth > 0, left_root_only = !(st.buf < st.n);
  const bool left_root_ok = left_ok && left_root_only && depth == 1;
  const bool right_ok = depth >= 2;
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  for (int a = 0; a < na; ++a) {
    if (!(scores[a] > best_score)) continue;
    bool legal;
    if (a == 0) {
      legal = shift_ok;
    } else {
      const bool is_root = ArcHybrid::label(a) == root;
      legal = a % 2 == 1 ? (left_root_only ? left_root_ok && is_root : left_ok && !is_root)
                         : right_ok && !is_root;
    }
    if (legal) {
      best = a;
      best_score = scores[a];
    }
  }
  return best;
}

void Parser::parse_ids(const ParserInput& in, ParseState& st) const {
  const int n = static_cast<int>(in.word.size()) - 1;
  st.init(n);
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<float> scores;
  feats.reserve(160);
  scores.resize(model_.num_classes());
  while (!st.terminal()) {
    feats.clear();
    parser_features(in, st, feats);
    model_.score(feats.data(), feats.size(), scores.data());
    const int best = best_legal(st, scores.data());
    system_.apply(st, best);
  }
}

void Parser::parse(Sentence& s) const {
  if (s.tokens.empty()) return;
  thread_local ParserInput in;
  thread_local ParseState st;
  fill_input(s, in);
  parse_ids(in, st);
  const int n = st.n;
  for (int i = 0; i < n; ++i) {
    Token& t = s.tokens[i];
    t.head = st.head[i] >= n || st.head[i] < 0 ? -1 : st.head[i];
    t.deprel = st.label[i] >= 0 ? labels_[st.label[i]] : "dep";
  }
}

void Parser::save(const std::string& path, const std::string& provenance) const {
  ModelWriter mw(ModelKind::Parser);
  ByteWriter p;
  p.str(provenance);
  mw.add_section(kSectionProvenance, p.take());
  ByteWriter v;
  v.strings(tags_);
  v.strings(labels_);
  mw.add_section(kSectionVocab, v.take());
  ByteWriter m;
  model_.save(m);
  mw.add_section(kSectionWeights, m.take());
  ByteWriter fs;
  fs.u32(kParserFeatureSet);
  mw.add_section(kSectionFeatureSet, fs.take());
  mw.save(path);
}

Parser Parser::load(const std::string& path) {
  ModelReader mr = ModelReader::open(path, ModelKind::Parser);
  ByteReader v = mr.section(kSectionVocab);
  auto tags = v.strings();
  auto labels = v.strings();
  if (tags.size() < 3 || labels.empty() || labels.size() > 4000) v.fail("bad vocabulary");
  if (!mr.has(kSectionFeatureSet) || mr.section(kSectionFeatureSet).u32() != kParserFeatureSet)
    throw std::runtime_error(path + ": parser trained with another feature set; retrain the models");
  ByteReader m = mr.section(kSectionWeights);
  LinearModel model = LinearModel::load(m);
  if (model.num_classes() != 1 + 2 * labels.size()) m.fail("weights do not match the labels");
  return Parser(std::move(tags), std::move(labels), std::move(model));
}

}  // namespace dyad::syntax
