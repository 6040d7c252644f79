#include "dyad/ner/iob2.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "dyad/core/tsv.h"

namespace dyad::ner {

namespace {

// Class id of an IOB2 tag; throws on an unknown one.
uint8_t tag_class(const std::string& tag, const std::string& where) {
  if (tag == "O" || tag == "B-O" || tag == "I-O") return 0;
  if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
    if (auto t = parse_entity_type(std::string_view(tag).substr(2)))
      return static_cast<uint8_t>(tag[0] == 'B' ? bio_begin(*t) : bio_inside(*t));
  }
  throw std::runtime_error(where + ": unknown tag '" + tag + "'");
}

}  // namespace

std::vector<LabeledSentence> read_iob2_string(const std::string& text, const std::string& name) {
  std::vector<LabeledSentence> out;
  LabeledSentence cur;
  std::vector<uint8_t> bio;
  auto flush = [&]() {
    if (cur.sentence.tokens.empty()) return;
    cur.entities = bio_to_spans(bio);
    out.push_back(std::move(cur));
    cur = LabeledSentence();
    bio.clear();
  };
  std::istringstream in(text);
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no);
    std::vector<std::string> f = split(line, '\t');
    if (f.size() < 3 || f[1].empty()) throw std::runtime_error(where + ": expected INDEX TAB FORM TAB TAG");
    Token t;
    t.form = f[1];
    cur.sentence.tokens.push_back(std::move(t));
    bio.push_back(tag_class(f[2], where));
  }
  flush();
  return out;
}

std::vector<LabeledSentence> read_iob2_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read IOB2 file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return read_iob2_string(ss.str(), path);
}

}  // namespace dyad::ner
