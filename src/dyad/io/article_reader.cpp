#include "dyad/io/article_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <vector>
#include <stdexcept>

#include "dyad/core/utf8.h"

namespace dyad {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string base_name_without_ext(const std::string& path) {
  std::string b = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  for (const char* ext : {".gz", ".zst", ".txt"})
    if (ends_with(b, ext)) b.resize(b.size() - std::string(ext).size());
  return b;
}

// Deepest nesting of arrays/objects in a JSON text (outside strings). nlohmann-json
// parses and frees any depth iteratively but dump() recurses, so a line like
// {"doc_id":..,"text":..,"x":[[[[...]]]]} 100,000 deep would overflow the stack when
// its extra fields are passed through.
constexpr size_t kMaxJsonDepth = 1000;
size_t json_depth(const std::string& s) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

}  // namespace

bool is_valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

ArticleReader::ArticleReader(const std::string& path, ReaderOptions options)
    : path_(path), options_(std::move(options)) {
  plain_text_ = ends_with(path, ".txt") || ends_with(path, ".txt.gz") || ends_with(path, ".txt.zst");
  // JSON escapes can make a line up to 6x its text; plus room for the other fields.
  if (plain_text_) {
    raw_ = ByteSource::open(path);
  } else {
    const size_t max_line = options_.max_article_bytes * 6 + (1 << 16);
    lines_ = std::make_unique<LineReader>(ByteSource::open(path), max_line);
  }
}

bool ArticleReader::next(ArticleRecord& rec) {
  rec = ArticleRecord{};
  rec.source = path_;
  if (plain_text_) {
    if (plain_done_) return false;
    plain_done_ = true;
    // The whole file is the text, byte for byte (offsets index the file as given).
    std::string text;
    std::vector<char> buf(1 << 16);
    bool cut = false;
    for (size_t got; (got = raw_->read(buf.data(), buf.size())) > 0;) {
      if (text.size() + got > options_.max_article_bytes) cut = true;
      if (!cut) text.append(buf.data(), got);
    }
    rec.doc.id = base_name_without_ext(path_);
    rec.line = 0;
    if (cut) {
      rec.error = "text longer than the limit of " + std::to_string(options_.max_article_bytes) +
                  " bytes (--max-article-bytes)";
      return true;
    }
    if (const size_t bad = utf8::repair(text))
      rec.warnings.push_back(std::to_string(bad) + " invalid UTF-8 byte(s) replaced by '?'");
    rec.doc.text = std::move(text);
    rec.doc.date = options_.fallback_date;
    rec.doc.passthrough = "{}";
    if (rec.doc.text.find_first_not_of(" \t\r\n") == std::string::npos) rec.error = "empty text";
    else if (rec.doc.text.find('\0') != std::string::npos) rec.error = "text contains NUL bytes (binary data?)";
    return true;
  }
  std::string line;
  bool too_long = false;
  for (;;) {
    if (!lines_->next(line, too_long)) return false;
    rec.line = lines_->line_number();
    if (too_long) {
      rec.error = "line longer than the limit for an article of " +
                  std::to_string(options_.max_article_bytes) + " bytes (--max-article-bytes)";
      return true;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    parse_json_line(line, rec);
    return true;
  }
}

void ArticleReader::parse_json_line(std::string& line, ArticleRecord& rec) {
  if (const size_t bad = utf8::repair(line))
    rec.warnings.push_back(std::to_string(bad) + " invalid UTF-8 byte(s) replaced by '?'");
  if (json_depth(line) > kMaxJsonDepth) {
    rec.error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number like 1e999
    std::string what = e.what();
    auto p = what.find("parse error");
    if (p == std::string::npos && (p = what.find("] ")) != std::string::npos) p += 2;
    rec.error = "invalid JSON: " + (p == std::string::npos ? what : what.substr(p));
    return;
  }
  if (!j.is_object()) {
    rec.error = "not a JSON object";
    return;
  }
  auto id = j.find("doc_id");
  if (id == j.end() || id->is_null()) {
    rec.error = "missing \"doc_id\"";
    return;
  }
  if (id->is_string()) rec.doc.id = id->get<std::string>();
  else if (id->is_number_integer()) rec.doc.id = std::to_string(id->get<long long>());
  else {
    rec.error = "\"doc_id\" must be a string";
    return;
  }
  if (rec.doc.id.empty()) {
    rec.error = "empty \"doc_id\"";
    return;
  }
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) {
    rec.error = "missing \"text\"";
    return;
  }
  if (!text->is_string()) {
    rec.error = "\"text\" must be a string";
    return;
  }
  rec.doc.text = text->get<std::string>();
  if (rec.doc.text.size() > options_.max_article_bytes) {
    rec.error = "text of " + std::to_string(rec.doc.text.size()) + " bytes is over the limit of " +
                std::to_string(options_.max_article_bytes) + " (--max-article-bytes)";
    rec.doc.text.clear();
    return;
  }
  if (rec.doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    rec.error = "empty text";
    return;
  }
  if (rec.doc.text.find('\0') != std::string::npos) {
    rec.error = "text contains NUL bytes (binary data?)";
    return;
  }
  rec.doc.date = options_.fallback_date;
  if (auto d = j.find("date"); d != j.end() && !d->is_null()) {
    std::string date = d->is_string() ? d->get<std::string>() : "";
    if (date.size() > 10 && (date[10] == 'T' || date[10] == ' ')) date.resize(10);
    if (is_valid_date(date)) rec.doc.date = date;
    else rec.warnings.push_back("unreadable \"date\"; using " + (rec.doc.date.empty() ? std::string("none") : rec.doc.date));
  }
  const uint64_t h = fnv1a(rec.doc.id);
  if (auto [it, fresh] = seen_ids_.emplace(h, rec.line); !fresh) {
    rec.error = "duplicate doc_id \"" + rec.doc.id + "\" (first on line " + std::to_string(it->second) + ")";
    return;
  }
  j.erase("doc_id");
  j.erase("text");
  j.erase("date");
  rec.doc.passthrough = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  rec.doc.line = rec.line;
}

}  // namespace dyad
