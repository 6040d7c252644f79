// Replays every saved fuzz crash (fuzz/regressions/<target>/*) and every seed
// (fuzz/corpus/<target>/*) through the same code as the libFuzzer targets
// (fuzz/fuzz_targets.h), so CI reproduces them without clang. An invariant violation
// throws InvariantViolation here instead of aborting; a memory error shows up in the
// ASan build (scripts/test.sh).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

namespace {

using TargetFn = void (*)(const uint8_t*, size_t);

std::vector<fs::path> files_under(const std::string& kind, const std::string& target) {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(DYAD_SOURCE_DIR) / "fuzz" / kind / target;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& target, TargetFn fn, bool seeds_expected) {
  dyad::fuzz::throw_on_violation() = true;
  size_t seeds = 0;
  for (const char* kind : {"regressions", "corpus"}) {
    for (const auto& path : files_under(kind, target)) {
      SCOPED_TRACE(path.string());
      const std::string bytes = slurp(path);
      // Only std::runtime_error is part of the APIs' contracts, and the targets
      // already catch it: anything escaping here is a bug.
      EXPECT_NO_THROW(fn(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
      if (std::string(kind) == "corpus") ++seeds;
    }
  }
  if (seeds_expected) {
    EXPECT_GT(seeds, 0u) << "no seed corpus for " << target;
  }
}

}  // namespace

TEST(FuzzRegressions, ArticleReader) { replay("fuzz_article_reader", dyad::fuzz::article_reader_one, true); }
TEST(FuzzRegressions, Text) { replay("fuzz_text", dyad::fuzz::text_one, true); }
TEST(FuzzRegressions, Document) { replay("fuzz_document", dyad::fuzz::document_one, true); }
TEST(FuzzRegressions, ActorDictionary) {
  replay("fuzz_actor_dictionary", dyad::fuzz::actor_dictionary_one, true);
}
TEST(FuzzRegressions, VerbLexicon) { replay("fuzz_verb_lexicon", dyad::fuzz::verb_lexicon_one, true); }
TEST(FuzzRegressions, Codebook) { replay("fuzz_codebook", dyad::fuzz::codebook_one, true); }
TEST(FuzzRegressions, TextLists) { replay("fuzz_text_lists", dyad::fuzz::text_lists_one, true); }
TEST(FuzzRegressions, ModelHeader) { replay("fuzz_model_header", dyad::fuzz::model_header_one, true); }
TEST(FuzzRegressions, Gazetteer) { replay("fuzz_gazetteer", dyad::fuzz::gazetteer_one, true); }
TEST(FuzzRegressions, ContextLists) { replay("fuzz_context_lists", dyad::fuzz::context_lists_one, true); }

// The empty input and a few degenerate ones, for every target.
TEST(FuzzRegressions, DegenerateInputs) {
  dyad::fuzz::throw_on_violation() = true;
  const std::vector<std::string> inputs = {"", std::string(1, '\0'), "\n", "\xff\xfe", ".", "\"",
                                           std::string(3000, '.'), std::string(600, 'a') + " "};
  for (TargetFn fn : {dyad::fuzz::article_reader_one, dyad::fuzz::text_one, dyad::fuzz::document_one,
                      dyad::fuzz::actor_dictionary_one, dyad::fuzz::verb_lexicon_one, dyad::fuzz::codebook_one,
                      dyad::fuzz::text_lists_one, dyad::fuzz::model_header_one, dyad::fuzz::gazetteer_one,
                      dyad::fuzz::context_lists_one})
    for (const auto& in : inputs)
      EXPECT_NO_THROW(fn(reinterpret_cast<const uint8_t*>(in.data()), in.size()));
}
