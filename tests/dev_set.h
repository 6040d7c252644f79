// For tests on the shared dev set (../shared/eval/dev: articles.jsonl and gold.jsonl),
// which not every checkout has.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "dyad/core/document.h"
#include "dyad/pipeline/document_coder.h"
#include "test_support.h"

namespace dyad::test {

inline std::string dev_set_dir() { return shared_dir() + "/eval/dev"; }

// Codes each article of a JSON Lines file (doc_id, text, optional date) with `coder`
// and hands the coded Document to `use`, in file order.
template <class Use>
void for_each_coded_article(const std::string& articles_path, const DocumentCoder& coder, Use&& use) {
  std::ifstream in(articles_path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    Document d;
    d.id = j["doc_id"];
    d.date = j.value("date", "");
    d.text = j["text"];
    coder.code(d);
    use(d);
  }
}

}  // namespace dyad::test
