#include "dyad/io/article_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

std::string temp_file(const std::string& name, const std::string& bytes) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_reader_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::vector<ArticleRecord> read_all(const std::string& path, ReaderOptions o = {}) {
  ArticleReader r(path, o);
  std::vector<ArticleRecord> out;
  ArticleRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

TEST(ArticleReader, ReportsEveryKindOfBadLineAndKeepsTheGoodOnes) {
  std::string big(50u << 20, 'a');
  std::string input;
  input += R"({"doc_id": "good1", "text": "Iran accused Israel.", "date": "2024-01-02", "url": "http://x"})" "\n";
  input += "{not json\n";                                           // invalid JSON
  input += R"({"text": "no id"})" "\n";                             // missing doc_id
  input += R"({"doc_id": "noText"})" "\n";                          // missing text
  input += "{\"doc_id\": \"badUtf8\", \"text\": \"caf\xC3 ok\"}\n";  // invalid UTF-8: repaired
  input += R"({"doc_id": "empty", "text": "   "})" "\n";            // empty text
  input += R"({"doc_id": "huge", "text": ")" + big + "\"}\n";       // 50 MB text
  input += R"({"doc_id": "good1", "text": "again"})" "\n";          // duplicate doc_id
  input += std::string("\x00\x01\xFF\xFE binary \x89PNG\x1A", 16) + "\n";  // binary garbage
  input += "\n";                                                    // blank line: ignored
  input += R"({"doc_id": "good2", "text": "China met Russia."})" "\n";
  const auto recs = read_all(temp_file("mixed.jsonl", input));
  ASSERT_EQ(recs.size(), 10u);
  EXPECT_TRUE(recs[0].ok());
  EXPECT_EQ(recs[0].doc.date, "2024-01-02");
  EXPECT_EQ(recs[0].doc.passthrough, R"({"url":"http://x"})");
  EXPECT_NE(recs[1].error.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_NE(recs[2].error.find("doc_id"), std::string::npos);
  EXPECT_NE(recs[3].error.find("text"), std::string::npos);
  EXPECT_TRUE(recs[4].ok());
  EXPECT_EQ(recs[4].doc.text, "caf? ok");
  EXPECT_EQ(recs[4].warnings.size(), 1u);
  EXPECT_EQ(recs[5].error, "empty text");
  EXPECT_NE(recs[6].error.find("limit"), std::string::npos);
  EXPECT_NE(recs[7].error.find("duplicate doc_id"), std::string::npos);
  EXPECT_FALSE(recs[8].ok());
  EXPECT_TRUE(recs[9].ok());
  EXPECT_EQ(recs[9].doc.id, "good2");
  EXPECT_EQ(recs[9].line, 11u);
}

TEST(ArticleReader, ReadsPlainTextFiles) {
  const auto recs = read_all(temp_file("my-article.txt", "First line.\nSecond line.\n"));
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].doc.id, "my-article");
  EXPECT_EQ(recs[0].doc.text, "First line.\nSecond line.\n");  // byte for byte
}

TEST(ArticleReader, ReadsGzipAndZstd) {
  const std::string jsonl = R"({"doc_id": "a", "text": "Iran accused Israel."})" "\n"
                            R"({"doc_id": "b", "text": "China met Russia."})" "\n";
  // gzip
  const auto dir = std::filesystem::temp_directory_path();
  const std::string gz = (dir / ("dyad_reader_test_" + std::to_string(::getpid()) + ".jsonl.gz")).string();
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, jsonl.data(), static_cast<unsigned>(jsonl.size()));
  gzclose(f);
  auto recs = read_all(gz);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].doc.text, "China met Russia.");
  // zstd
  std::string z(ZSTD_compressBound(jsonl.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), jsonl.data(), jsonl.size(), 3));
  recs = read_all(temp_file("in.jsonl.zst", z));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].doc.id, "a");
}

TEST(ArticleReader, UsesFallbackDate) {
  ReaderOptions o;
  o.fallback_date = "2020-05-06";
  const auto recs = read_all(temp_file("d.jsonl", R"({"doc_id": "x", "text": "t"})" "\n"), o);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].doc.date, "2020-05-06");
}

}  // namespace
}  // namespace dyad
