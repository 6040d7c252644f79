#include "dyad/io/event_writer.h"

#include <cstdio>

namespace dyad {

const std::vector<std::string>& event_formats() {
  static const std::vector<std::string> formats = {"jsonl", "tsv", "phoenix", "plover"};
  return formats;
}

std::unique_ptr<EventWriter> EventWriter::create(const std::string& format, const Codebook* cb, WriterOptions o) {
  if (format == "jsonl") return make_jsonl_writer(cb, o);
  if (format == "tsv") return make_tsv_writer(cb, o);
  if (format == "phoenix") return make_phoenix_writer(cb, o);
  if (format == "plover") return make_plover_writer(cb, o);
  return nullptr;
}

std::string format_goldstein(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string format_coordinate(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace dyad
