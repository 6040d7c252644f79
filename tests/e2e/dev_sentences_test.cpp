// The sentence splitter against the hand-split sentences of the shared dev set.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "dyad/text/sentence_splitter.h"
#include "test_support.h"

namespace dyad {
namespace {

TEST(DevSentences, SplitterAgreesWithGoldBoundaries) {
  const std::string dir = test::shared_dir() + "/eval/dev";
  if (!std::filesystem::exists(dir + "/gold.jsonl")) GTEST_SKIP() << "no shared dev set";
  std::map<std::string, std::string> texts;
  std::ifstream a(dir + "/articles.jsonl");
  for (std::string line; std::getline(a, line);)
    if (!line.empty()) {
      auto j = nlohmann::json::parse(line);
      texts[j["doc_id"]] = j["text"];
    }
  std::map<std::string, std::vector<std::pair<size_t, size_t>>> gold;
  std::ifstream g(dir + "/gold.jsonl");
  for (std::string line; std::getline(g, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    const std::string& t = texts[j["doc_id"]];
    auto& v = gold[j["doc_id"]];
    const std::string s = j["text"];
    size_t start = t.find(s, v.empty() ? 0 : v.back().second);
    v.push_back({start, start + s.size()});
  }
  SentenceSplitter splitter(&test::abbreviations(),
                            SentenceSplitter::load_boilerplate(test::data_dir() + "/text/boilerplate.tsv"));
  size_t agree = 0, total = 0;
  for (const auto& [doc, spans] : gold) {
    const auto sents = splitter.split(texts[doc]);
    for (const auto& [b, e] : spans) {
      ++total;
      bool found = false;
      for (const auto& s : sents) found = found || (s.span.begin == b && s.span.end == e);
      if (found) ++agree;
      else ADD_FAILURE() << doc << ": gold sentence not split as such: " << texts[doc].substr(b, e - b);
    }
  }
  std::cout << "sentence boundaries: " << agree << "/" << total << " gold sentences exact\n";
}

}  // namespace
}  // namespace dyad
