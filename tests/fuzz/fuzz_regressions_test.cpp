// Replays every input the fuzzers found (fuzz/regressions/<target>/*) through the same
// code path, so CI reproduces them without clang or libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/fuzz_targets.h"

namespace dyad {
namespace {

void replay(const std::string& target, void (*one)(const uint8_t*, size_t)) {
  const auto dir = std::filesystem::path(DYAD_SOURCE_DIR) / "fuzz" / "regressions" / target;
  if (!std::filesystem::is_directory(dir)) return;
  fuzz::throw_on_violation() = true;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    SCOPED_TRACE(e.path().string());
    EXPECT_NO_THROW(one(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  }
}

TEST(FuzzRegressions, Text) { replay("fuzz_text", fuzz::text_one); }
TEST(FuzzRegressions, ArticleReader) { replay("fuzz_article_reader", fuzz::article_reader_one); }
TEST(FuzzRegressions, Document) { replay("fuzz_document", fuzz::document_one); }
TEST(FuzzRegressions, Dictionaries) { replay("fuzz_dictionaries", fuzz::dictionaries_one); }
TEST(FuzzRegressions, ModelHeader) { replay("fuzz_model_header", fuzz::model_header_one); }

}  // namespace
}  // namespace dyad
