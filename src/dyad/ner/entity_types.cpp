#include "dyad/ner/entity_types.h"

namespace dyad::ner {

const char* entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::Per: return "PER";
    case EntityType::Org: return "ORG";
    case EntityType::Loc: return "LOC";
    case EntityType::Other: return "OTH";
  }
  return "?";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (int t = 0; t < kNumEntityTypes; ++t)
    if (name == entity_type_name(static_cast<EntityType>(t))) return static_cast<EntityType>(t);
  return std::nullopt;
}

std::vector<uint8_t> spans_to_bio(const std::vector<EntitySpan>& spans, size_t num_tokens) {
  std::vector<uint8_t> bio(num_tokens, 0);
  for (const EntitySpan& s : spans) {
    if (s.first > s.last || s.last >= num_tokens) continue;
    bio[s.first] = static_cast<uint8_t>(bio_begin(s.type));
    for (uint32_t i = s.first + 1; i <= s.last; ++i) bio[i] = static_cast<uint8_t>(bio_inside(s.type));
  }
  return bio;
}

std::vector<EntitySpan> bio_to_spans(const std::vector<uint8_t>& bio) {
  std::vector<EntitySpan> out;
  for (size_t i = 0; i < bio.size(); ++i) {
    const int c = bio[i];
    if (c == 0 || c >= kNumBioClasses) continue;
    const auto type = static_cast<EntityType>((c - 1) / 2);
    const bool inside = (c - 1) % 2 == 1;
    const bool continues = inside && !out.empty() && out.back().last + 1 == i && out.back().type == type;
    if (continues)
      out.back().last = static_cast<uint32_t>(i);
    else
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), type});
  }
  return out;
}

std::vector<uint8_t> spans_to_classes(const std::vector<EntitySpan>& spans, size_t num_tokens) {
  std::vector<uint8_t> out(num_tokens, 0);
  for (const EntitySpan& s : spans) {
    if (s.first > s.last || s.last >= num_tokens) continue;
    if (s.first == s.last) {
      out[s.first] = static_cast<uint8_t>(bilou_class(s.type, Bilou::Unit));
      continue;
    }
    out[s.first] = static_cast<uint8_t>(bilou_class(s.type, Bilou::Begin));
    for (uint32_t i = s.first + 1; i < s.last; ++i) out[i] = static_cast<uint8_t>(bilou_class(s.type, Bilou::Inside));
    out[s.last] = static_cast<uint8_t>(bilou_class(s.type, Bilou::Last));
  }
  return out;
}

std::vector<EntitySpan> classes_to_spans(const std::vector<uint8_t>& classes) {
  std::vector<EntitySpan> out;
  bool open = false;  // out.back() may still grow
  for (size_t i = 0; i < classes.size(); ++i) {
    const int c = classes[i];
    if (c == 0 || c >= kNumClasses) {
      open = false;
      continue;
    }
    const auto type = static_cast<EntityType>((c - 1) / 4);
    const auto k = static_cast<Bilou>((c - 1) % 4);
    const bool continues = open && (k == Bilou::Inside || k == Bilou::Last) && out.back().type == type;
    if (continues)
      out.back().last = static_cast<uint32_t>(i);
    else
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), type});
    open = k == Bilou::Begin || k == Bilou::Inside;
  }
  return out;
}

}  // namespace dyad::ner
