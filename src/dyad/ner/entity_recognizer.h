// Named-entity recognizer: finds PER, ORG and LOC names in a tokenized sentence.
// Linear-chain model: hashed word/shape/affix/context/POS/gazetteer features scored by an
// averaged structured perceptron (syntax::LinearModel, one weight per BILOU class), plus a
// class transition matrix; Viterbi decoding that only allows well-formed BILOU sequences.
// Trained on Universal NER English EWT (see docs/NER.md; entity_recognizer_trainer.h).
//
// Reads: Token::form, and Token::xpos (the Analyzer's tags) when the model uses POS
// features (uses_pos()); run the Analyzer first. Writes nothing.
// Immutable after load: one EntityRecognizer may be shared by threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/ner/entity_types.h"
#include "dyad/ner/gazetteer.h"
#include "dyad/syntax/linear_model.h"

namespace dyad::ner {

inline constexpr const char* kNerModelFile = "ner.bin";

// Model file kind (syntax::ModelKind has no NER value yet; 4 is reserved for it).
inline constexpr auto kNerModelKind = syntax::ModelKind::Ner;

// Transition weights: row 0 = sentence start, row p + 1 = previous class p, then one
// row of end weights; kNumClasses columns each.
inline constexpr size_t kNumTransitionWeights = (kNumClasses + 2) * kNumClasses;
// Whether class `cur` may follow `prev` (-1 = sentence start; cur = -1: sentence end) in BILOU.
bool class_allowed(int prev, int cur);
// Best well-formed BILOU sequence given per-token class scores (n x kNumClasses).
void viterbi_classes(const float* scores, size_t n, const float* transitions, std::vector<uint8_t>& out);

class EntityRecognizer {
 public:
  EntityRecognizer() = default;
  EntityRecognizer(syntax::LinearModel model, std::vector<float> transitions, Gazetteer gazetteer,
                   bool use_pos);

  // Throws std::runtime_error naming the file when it is missing, truncated, corrupted,
  // of another version or kind, or fails its self-test.
  static EntityRecognizer load(const std::string& path);
  // `self_test`: a few sentences whose output is stored and checked again at load.
  void save(const std::string& path, const std::string& provenance,
            const std::vector<Sentence>& self_test) const;

  // PER, ORG and LOC entities in token order (never OTH).
  std::vector<EntitySpan> recognize(const Sentence& s) const;
  // One BILOU class per token (OTH included); see entity_types.h.
  std::vector<uint8_t> classes(const Sentence& s) const;
  // The two halves of classes(): the model's class scores (n x kNumClasses, before the
  // biases below), then Viterbi over them with the biases applied. The trainer scores
  // its dev sentences once and decodes them with many biases.
  void emission_scores(const Sentence& s, std::vector<float>& out) const;
  void decode(std::vector<float>& scores, std::vector<uint8_t>& out) const;

  bool uses_pos() const { return use_pos_; }
  // Subtracted from every token's O score before decoding: > 0 trades precision for recall
  // (chosen on dev by the trainer).
  float outside_penalty() const { return outside_penalty_; }
  void set_outside_penalty(float p) { outside_penalty_ = p; }
  // Added to the B/I/L/U scores of one type (chosen on dev by the trainer): the
  // perceptron misses some types more than others (ORG recall is the lowest).
  float type_bias(EntityType t) const { return type_bias_[static_cast<int>(t)]; }
  void set_type_bias(EntityType t, float b) { type_bias_[static_cast<int>(t)] = b; }
  const syntax::LinearModel& model() const { return model_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  syntax::LinearModel model_;
  std::vector<float> transitions_ = std::vector<float>(kNumTransitionWeights, 0.0f);
  Gazetteer gazetteer_;
  bool use_pos_ = false;
  float outside_penalty_ = 0.0f;
  float type_bias_[kNumEntityTypes] = {};
};

}  // namespace dyad::ner
