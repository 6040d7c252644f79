#include "dyad/io/conllu.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace dyad {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool parse_int(std::string_view s, int& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Surface units of a sentence: a plain word or a multiword range covering words.
struct Unit {
  std::string form;
  int first, last;  // word indices (0-based, inclusive)
  bool space_after;
};

// Places word spans into `text` (built from the units when empty).
void place_spans(ConlluSentence& cs, const std::vector<Unit>& units) {
  auto& tokens = cs.sentence.tokens;
  if (cs.text.empty()) {
    for (const Unit& u : units) {
      cs.text += u.form;
      if (u.space_after && &u != &units.back()) cs.text += ' ';
    }
  }
  const std::string& text = cs.text;
  size_t cur = 0;
  for (const Unit& u : units) {
    while (cur < text.size() && is_space(text[cur])) ++cur;
    size_t begin = cur;
    if (text.compare(cur, u.form.size(), u.form) == 0) {
      cur += u.form.size();
    } else {  // form differs from the text: take up to the next space
      while (cur < text.size() && !is_space(text[cur])) ++cur;
    }
    size_t end = cur;
    if (u.first == u.last) {
      tokens[u.first].span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      continue;
    }
    // Multiword token: place each word inside the surface form when it matches
    // ("cannot" -> can|not); otherwise the first word takes the whole surface.
    size_t pos = begin;
    bool ok = true;
    for (int w = u.first; w <= u.last && ok; ++w) {
      const std::string& f = tokens[w].form;
      ok = text.compare(pos, f.size(), f) == 0 && pos + f.size() <= end;
      pos += f.size();
    }
    ok = ok && pos == end;
    pos = begin;
    for (int w = u.first; w <= u.last; ++w) {
      size_t len = ok ? tokens[w].form.size() : (w == u.first ? end - begin : 0);
      tokens[w].span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + len)};
      pos += len;
      tokens[w].space_after = w == u.last ? u.space_after : false;
    }
  }
  cs.sentence.span = {0, static_cast<uint32_t>(text.size())};
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in, const std::string& source) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  std::vector<Unit> units;
  int mwt_last = -1;
  bool pending_doc = false, pending_par = false;
  size_t line_no = 0;
  std::string line;
  auto fail = [&](const std::string& msg) {
    throw std::runtime_error(source + ":" + std::to_string(line_no) + ": " + msg);
  };
  auto flush = [&] {
    if (cur.sentence.tokens.empty()) return;
    const int n = static_cast<int>(cur.sentence.tokens.size());
    for (const Token& t : cur.sentence.tokens)
      if (t.head >= n) fail("head out of range in sentence " + cur.sent_id);
    place_spans(cur, units);
    cur.new_doc = pending_doc || out.empty();
    cur.new_par = pending_par || cur.new_doc;
    pending_doc = pending_par = false;
    out.push_back(std::move(cur));
    cur = ConlluSentence();
    units.clear();
    mwt_last = -1;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      std::string_view c(line);
      auto value = [&](std::string_view key) -> std::string {
        std::string_view v = c.substr(key.size());
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        if (!v.empty() && v.front() == '=') v.remove_prefix(1);
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        return std::string(v);
      };
      if (c.starts_with("# text =") || c.starts_with("# text=")) cur.text = value("# text");
      else if (c.starts_with("# sent_id")) cur.sent_id = value("# sent_id");
      else if (c.starts_with("# newdoc")) pending_doc = true;
      else if (c.starts_with("# newpar")) pending_par = true;
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10) fail("expected 10 tab-separated columns, got " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const int n = static_cast<int>(cur.sentence.tokens.size());
    bool space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!parse_int(id.substr(0, dash), a) || !parse_int(id.substr(dash + 1), b) || a != n + 1 || b < a)
        fail("bad multiword token range '" + std::string(id) + "'");
      units.push_back({std::string(cols[1]), a - 1, b - 1, space_after});
      mwt_last = b - 1;
      continue;
    }
    int index = 0, head = 0;
    if (!parse_int(id, index) || index != n + 1) fail("bad word id '" + std::string(id) + "'");
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = field(cols[2]);
    t.upos = field(cols[3]);
    t.xpos = field(cols[4]);
    t.feats = field(cols[5]);
    if (cols[6] == "_") head = 0;
    else if (!parse_int(cols[6], head) || head < 0) fail("bad head '" + std::string(cols[6]) + "'");
    t.head = head - 1;
    t.deprel = field(cols[7]);
    t.space_after = space_after;
    cur.sentence.tokens.push_back(std::move(t));
    if (n > mwt_last) units.push_back({cur.sentence.tokens.back().form, n, n, space_after});
  }
  flush();
  return out;
}

std::vector<ConlluSentence> read_conllu_string(std::string_view text, const std::string& source) {
  std::istringstream in{std::string(text)};
  return read_conllu(in, source);
}

std::vector<ConlluSentence> read_conllu_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open CoNLL-U file");
  return read_conllu(in, path);
}

void write_conllu(std::ostream& out, const Sentence& s, std::string_view sent_id,
                  std::string_view text) {
  if (!sent_id.empty()) out << "# sent_id = " << sent_id << '\n';
  if (!text.empty()) {
    out << "# text = ";
    for (char c : text) out << (c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    out << '\n';
  }
  auto f = [](const std::string& v) -> const std::string& {
    static const std::string kEmpty = "_";
    return v.empty() ? kEmpty : v;
  };
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    out << i + 1 << '\t' << f(t.form) << '\t' << f(t.lemma) << '\t' << f(t.upos) << '\t'
        << f(t.xpos) << '\t' << f(t.feats) << '\t' << t.head + 1 << '\t' << f(t.deprel)
        << "\t_\t" << (t.space_after ? "_" : "SpaceAfter=No") << '\n';
  }
  out << '\n';
}

}  // namespace dyad
