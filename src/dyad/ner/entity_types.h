// Entity types and spans of the named-entity recognizer (Universal NER's PER/ORG/LOC;
// OTH is read from training data but never returned by the recognizer).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace dyad::ner {

enum class EntityType : uint8_t { Per = 0, Org = 1, Loc = 2, Other = 3 };
inline constexpr int kNumEntityTypes = 4;

// "PER", "ORG", "LOC", "OTH".
const char* entity_type_name(EntityType type);
// Inverse of entity_type_name; nullopt for anything else.
std::optional<EntityType> parse_entity_type(std::string_view name);

// Tokens [first, last] (indices into Sentence::tokens, inclusive) name an entity.
struct EntitySpan {
  uint32_t first = 0, last = 0;
  EntityType type = EntityType::Per;
  bool operator==(const EntitySpan&) const = default;
};

// IOB2 tag ids (as files write them): 0 = O, 1 + 2t = B-t, 2 + 2t = I-t (t = EntityType).
inline constexpr int kNumBioClasses = 1 + 2 * kNumEntityTypes;
inline int bio_begin(EntityType t) { return 1 + 2 * static_cast<int>(t); }
inline int bio_inside(EntityType t) { return 2 + 2 * static_cast<int>(t); }

// Spans -> one BIO class per token (overlapping spans: the later one wins).
std::vector<uint8_t> spans_to_bio(const std::vector<EntitySpan>& spans, size_t num_tokens);
// BIO classes -> spans, conlleval style: an I-X that does not continue an X starts one.
std::vector<EntitySpan> bio_to_spans(const std::vector<uint8_t>& bio);

// The model's classes, BILOU: 0 = O, 1 + 4t + k for type t with k = 0 Begin, 1 Inside,
// 2 Last token of a longer entity, 3 Unit (one-token entity).
inline constexpr int kNumClasses = 1 + 4 * kNumEntityTypes;
enum class Bilou : uint8_t { Begin = 0, Inside = 1, Last = 2, Unit = 3 };
inline int bilou_class(EntityType t, Bilou k) { return 1 + 4 * static_cast<int>(t) + static_cast<int>(k); }
std::vector<uint8_t> spans_to_classes(const std::vector<EntitySpan>& spans, size_t num_tokens);
// Any class sequence -> spans: an entity starts at B or U, or at I/L not continuing one;
// it ends at L or U, or before a token that does not continue it.
std::vector<EntitySpan> classes_to_spans(const std::vector<uint8_t>& classes);

}  // namespace dyad::ner
