// Which actors of the dev set's gold events dyad does not find as mentions in their
// sentence: the work list for the actor dictionaries and coreference. Most of what
// remains are implicit arguments that no word of the sentence names ("the strike" by
// Israel, "the meeting" of the UN), which only event coreference could recover.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "dev_set.h"
#include "dyad/actors/actor_code.h"
#include "dyad/pipeline/document_coder.h"
#include "test_support.h"

namespace dyad {
namespace {

std::string actor_key(const std::string& code) { return actor_country(code); }

TEST(DevActors, ListsGoldActorsNotFound) {
  const std::string dir = test::dev_set_dir();
  if (!std::filesystem::exists(dir + "/gold.jsonl")) GTEST_SKIP() << "no shared dev set";
  std::map<std::string, Document> docs;
  const DocumentCoder coder(&test::resources());
  test::for_each_coded_article(dir + "/articles.jsonl", coder, [&](Document& d) { docs[d.id] = std::move(d); });
  size_t slots = 0, missed = 0;
  std::ifstream g(dir + "/gold.jsonl");
  std::map<std::string, size_t> offset;
  for (std::string line; std::getline(g, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    const Document& d = docs[j["doc_id"]];
    const std::string text = j["text"];
    const size_t start = d.text.find(text, offset[d.id]);
    offset[d.id] = start + text.size();
    std::set<std::string> found;
    for (const auto& s : d.sentences)
      if (s.span.begin < start + text.size() && s.span.end > start)
        for (const auto& m : s.mentions) found.insert(actor_key(m.code));
    // each actor once per sentence, however many events use it
    std::set<std::string> wanted;
    for (const auto& e : j["events"]) {
      if (e.value("negated", false) || e.value("hypothetical", false)) continue;
      for (const char* side : {"source", "target"}) {
        const std::string code = e.value(side, "---");
        if (code != "---" && code.rfind("NGO", 0) != 0) wanted.insert(actor_key(code));
      }
    }
    for (const auto& code : wanted) {
      ++slots;
      if (!found.count(code)) {
        ++missed;
        std::cout << "  not found: " << d.id << " " << code << " in: " << text.substr(0, 90) << "\n";
      }
    }
  }
  std::cout << "dev actors: " << slots - missed << "/" << slots
            << " actors of gold events found as mentions in their sentence\n";
  EXPECT_LE(missed * 100, slots * 15) << "more than 15% of the gold event actors are not found";
}

}  // namespace
}  // namespace dyad
