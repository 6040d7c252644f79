#include "dyad/ner/entity_recognizer.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "dyad/ner/ner_features.h"

namespace dyad::ner {

namespace {

constexpr uint32_t kSectionConfig = 2;  // u32 feature set, u32 classes, u8 use_pos, f32 O penalty,
                                        // f32 bias per entity type (kNumEntityTypes)
constexpr uint32_t kSectionWeights = 3;      // LinearModel
constexpr uint32_t kSectionTransitions = 4;  // f32 vector
constexpr uint32_t kSectionGazetteer = 5;
constexpr uint32_t kSectionSelfTest = 6;     // sentences (forms, xpos) and expected classes

constexpr float kForbidden = -std::numeric_limits<float>::infinity();

}  // namespace

bool class_allowed(int prev, int cur) {
  // After O, L or U (or at the start) an entity may not be open; after B-X or I-X it is.
  const bool open = prev > 0 && (prev - 1) % 4 <= static_cast<int>(Bilou::Inside);
  if (cur < 0) return !open;
  if (!open) return cur == 0 || (cur - 1) % 4 == static_cast<int>(Bilou::Begin) ||
                    (cur - 1) % 4 == static_cast<int>(Bilou::Unit);
  // I-X or L-X of the open entity's type.
  return cur > 0 && (cur - 1) / 4 == (prev - 1) / 4 &&
         ((cur - 1) % 4 == static_cast<int>(Bilou::Inside) || (cur - 1) % 4 == static_cast<int>(Bilou::Last));
}

void viterbi_classes(const float* scores, size_t n, const float* transitions, std::vector<uint8_t>& out) {
  constexpr int K = kNumClasses;
  out.assign(n, 0);
  if (n == 0) return;
  std::vector<float> best(n * K);
  std::vector<uint8_t> back(n * K, 0);
  for (int c = 0; c < K; ++c)
    best[c] = class_allowed(-1, c) ? transitions[c] + scores[c] : kForbidden;
  for (size_t t = 1; t < n; ++t) {
    for (int c = 0; c < K; ++c) {
      float top = kForbidden;
      int arg = 0;
      for (int p = 0; p < K; ++p) {
        if (!class_allowed(p, c) || best[(t - 1) * K + p] == kForbidden) continue;
        const float v = best[(t - 1) * K + p] + transitions[(p + 1) * K + c];
        if (v > top) {
          top = v;
          arg = p;
        }
      }
      best[t * K + c] = top == kForbidden ? kForbidden : top + scores[t * K + c];
      back[t * K + c] = static_cast<uint8_t>(arg);
    }
  }
  float top = kForbidden;
  int arg = 0;
  for (int c = 0; c < K; ++c) {
    if (best[(n - 1) * K + c] == kForbidden || !class_allowed(c, -1)) continue;
    const float v = best[(n - 1) * K + c] + transitions[(K + 1) * K + c];
    if (v > top) {
      top = v;
      arg = c;
    }
  }
  for (size_t t = n; t-- > 0;) {
    out[t] = static_cast<uint8_t>(arg);
    arg = back[t * K + arg];
  }
}

EntityRecognizer::EntityRecognizer(syntax::LinearModel model, std::vector<float> transitions,
                                   Gazetteer gazetteer, bool use_pos)
    : model_(std::move(model)), transitions_(std::move(transitions)),
      gazetteer_(std::move(gazetteer)), use_pos_(use_pos) {
  if (transitions_.size() != kNumTransitionWeights)
    throw std::invalid_argument("EntityRecognizer: wrong number of transition weights");
}

void EntityRecognizer::emission_scores(const Sentence& s, std::vector<float>& out) const {
  const size_t n = s.tokens.size();
  out.assign(n * kNumClasses, 0.0f);
  if (n == 0) return;
  NerSentenceAtoms atoms;
  ner_atoms(s, gazetteer_, use_pos_, atoms);
  std::vector<uint64_t> feats;
  for (size_t i = 0; i < n; ++i) {
    feats.clear();
    ner_features(atoms, static_cast<int>(i), feats);
    model_.score(feats.data(), feats.size(), &out[i * kNumClasses]);
  }
}

void EntityRecognizer::decode(std::vector<float>& scores, std::vector<uint8_t>& out) const {
  const size_t n = scores.size() / kNumClasses;
  for (size_t i = 0; i < n; ++i) {
    float* row = &scores[i * kNumClasses];
    row[0] -= outside_penalty_;
    for (int c = 1; c < kNumClasses; ++c) row[c] += type_bias_[(c - 1) / 4];
  }
  viterbi_classes(scores.data(), n, transitions_.data(), out);
}

std::vector<uint8_t> EntityRecognizer::classes(const Sentence& s) const {
  std::vector<float> scores;
  emission_scores(s, scores);
  std::vector<uint8_t> out;
  decode(scores, out);
  return out;
}

std::vector<EntitySpan> EntityRecognizer::recognize(const Sentence& s) const {
  std::vector<EntitySpan> spans = classes_to_spans(classes(s));
  std::erase_if(spans, [](const EntitySpan& e) { return e.type == EntityType::Other; });
  return spans;
}

void EntityRecognizer::save(const std::string& path, const std::string& provenance,
                            const std::vector<Sentence>& self_test) const {
  syntax::ModelWriter mw(kNerModelKind);
  syntax::ByteWriter p;
  p.raw(provenance.data(), provenance.size());
  mw.add_section(syntax::kSectionProvenance, p.take());
  syntax::ByteWriter c;
  c.u32(kNerFeatureSet);
  c.u32(kNumClasses);
  c.u8(use_pos_ ? 1 : 0);
  c.f32(outside_penalty_);
  for (float b : type_bias_) c.f32(b);
  mw.add_section(kSectionConfig, c.take());
  syntax::ByteWriter m;
  model_.save(m);
  mw.add_section(kSectionWeights, m.take());
  syntax::ByteWriter t;
  t.vec(transitions_);
  mw.add_section(kSectionTransitions, t.take());
  syntax::ByteWriter g;
  gazetteer_.save(g);
  mw.add_section(kSectionGazetteer, g.take());
  syntax::ByteWriter st;
  st.u64(self_test.size());
  for (const Sentence& s : self_test) {
    std::vector<std::string> forms, tags;
    for (const Token& tok : s.tokens) {
      forms.push_back(tok.form);
      tags.push_back(tok.xpos);
    }
    st.strings(forms);
    st.strings(tags);
    st.vec(classes(s));
  }
  mw.add_section(kSectionSelfTest, st.take());
  mw.save(path);
}

EntityRecognizer EntityRecognizer::load(const std::string& path) {
  // ModelReader names the kind from syntax::ModelKind, which has no NER entry.
  auto open = [&]() {
    try {
      return syntax::ModelReader::open(path, kNerModelKind);
    } catch (const std::runtime_error& e) {
      std::string what = e.what();
      const std::string unknown = "unknown model ";
      if (what.rfind(unknown, 0) == 0) what = "NER model " + what.substr(unknown.size());
      throw std::runtime_error(what);
    }
  };
  syntax::ModelReader mr = open();
  EntityRecognizer r;
  syntax::ByteReader c = mr.section(kSectionConfig);
  const uint32_t feature_set = c.u32();
  if (feature_set != kNerFeatureSet)
    c.fail("NER feature set " + std::to_string(feature_set) + ", this build computes set " +
           std::to_string(kNerFeatureSet) + "; retrain with dyad train-ner");
  if (c.u32() != kNumClasses) c.fail("wrong number of classes");
  r.use_pos_ = c.u8() != 0;
  r.outside_penalty_ = c.f32();
  if (!std::isfinite(r.outside_penalty_)) c.fail("bad outside penalty");
  for (float& b : r.type_bias_) {
    b = c.f32();
    if (!std::isfinite(b)) c.fail("bad entity type bias");
  }
  syntax::ByteReader m = mr.section(kSectionWeights);
  r.model_ = syntax::LinearModel::load(m);
  if (r.model_.num_classes() != kNumClasses) m.fail("weights do not match the classes");
  syntax::ByteReader t = mr.section(kSectionTransitions);
  r.transitions_ = t.vec<float>();
  if (r.transitions_.size() != kNumTransitionWeights) t.fail("wrong number of transition weights");
  for (float w : r.transitions_)
    if (!std::isfinite(w)) t.fail("transition weight is not finite");
  syntax::ByteReader g = mr.section(kSectionGazetteer);
  r.gazetteer_ = Gazetteer::load(g);
  syntax::ByteReader st = mr.section(kSectionSelfTest);
  const uint64_t count = st.u64();
  if (count > st.remaining()) st.fail("self-test count out of range");
  for (uint64_t k = 0; k < count; ++k) {
    auto forms = st.strings();
    auto tags = st.strings();
    auto expected = st.vec<uint8_t>();
    if (tags.size() != forms.size() || expected.size() != forms.size()) st.fail("bad self-test sentence");
    Sentence s;
    for (size_t i = 0; i < forms.size(); ++i) {
      Token tok;
      tok.form = forms[i];
      tok.xpos = tags[i];
      s.tokens.push_back(std::move(tok));
    }
    if (r.classes(s) != expected)
      st.fail("self-test failed: sentence " + std::to_string(k + 1) +
              " is not tagged as when the model was saved");
  }
  return r;
}

}  // namespace dyad::ner
