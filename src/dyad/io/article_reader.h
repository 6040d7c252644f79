// Reads: input files (JSON Lines articles, plain .txt, gzip/zstd, stdin).
// Writes: one Document per article, or a failure naming the line and the reason.
// A bad line never stops the stream.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "dyad/core/document.h"
#include "dyad/io/byte_source.h"

namespace dyad {

struct ReaderOptions {
  size_t max_article_bytes = 1 << 20;  // text longer than this is rejected
  std::string fallback_date;           // --date
};

struct ArticleRecord {
  Document doc;
  std::string source;      // input file name
  size_t line = 0;
  std::string error;       // non-empty: the article failed and is skipped
  std::vector<std::string> warnings;
  bool ok() const { return error.empty(); }
};

class ArticleReader {
 public:
  ArticleReader(const std::string& path, ReaderOptions options);
  // Returns false at the end of the input.
  bool next(ArticleRecord& rec);

 private:
  void parse_json_line(std::string& line, ArticleRecord& rec);
  std::string path_;
  ReaderOptions options_;
  bool plain_text_ = false, plain_done_ = false;
  std::unique_ptr<LineReader> lines_;  // JSON Lines
  std::unique_ptr<ByteSource> raw_;    // plain text
  std::unordered_map<uint64_t, size_t> seen_ids_;  // hash of doc_id -> first line
};

bool is_valid_date(const std::string& d);

}  // namespace dyad
