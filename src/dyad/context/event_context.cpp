#include "dyad/context/event_context.h"

namespace dyad {

std::unique_ptr<EventContext> EventContext::load(const std::string& data_dir, const Tokenizer& tokenizer,
                                                 bool with_geonames) {
  auto g = Gazetteer::load(data_dir, tokenizer, with_geonames);
  auto d = DateResolver::load(data_dir + "/context/dates.tsv");
  return std::unique_ptr<EventContext>(new EventContext(std::move(g), std::move(d)));
}

std::vector<std::string> EventContext::check(const std::string& data_dir, const Tokenizer& tokenizer) {
  auto problems = Gazetteer::check(data_dir, tokenizer);
  for (auto& p : DateResolver::check(data_dir + "/context/dates.tsv")) problems.push_back(std::move(p));
  return problems;
}

void EventContext::annotate(Document& doc) const {
  bool any = false;
  for (const auto& s : doc.sentences) any = any || !s.events.empty();
  if (!any) return;
  const auto dateline = locations_.dateline(doc);
  for (auto& s : doc.sentences) {
    if (s.events.empty()) continue;
    dates_.resolve(s, doc.date);
    locations_.resolve(s, dateline);
  }
}

}  // namespace dyad
