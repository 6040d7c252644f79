#include "dyad/eval/scorer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace dyad {
namespace {

using nlohmann::json;
using Tuple = std::tuple<std::string, std::string, std::string>;

const std::vector<std::pair<std::string, std::string>> kAliases = {
    {"IGOEUREEC", "IGOEU"}, {"IGOEUU", "IGOEU"}, {"EUREEC", "IGOEU"}, {"IGOWSTNAT", "IGONAT"},
    {"NATO", "IGONAT"},     {"IGOUNO", "IGOUNO"}, {"UNO", "IGOUNO"}};

std::string upper_no_space(std::string s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string norm_code(const json& v) {
  if (!v.is_string()) return "---";
  std::string code = v.get<std::string>();
  if (code.empty() || code == "---" || code == "null") return "---";
  code = upper_no_space(code);
  for (const auto& [k, a] : kAliases)
    if (code.rfind(k, 0) == 0) return a + code.substr(k.size());
  return code;
}

std::string actor_key(const json& v) {
  const std::string code = norm_code(v);
  if (code == "---") return code;
  if (code.rfind("IGO", 0) == 0) {
    std::set<std::string> values;
    for (const auto& kv : kAliases) values.insert(kv.second);
    for (const auto& a : values)
      if (code.rfind(a, 0) == 0) return a;
    return code.substr(0, 6);
  }
  return code.substr(0, 3);
}

std::string root_of(const json& ev) {
  std::string r;
  if (ev.contains("root") && !ev["root"].is_null()) r = ev["root"].is_string() ? ev["root"].get<std::string>() : ev["root"].dump();
  if (r.empty() && ev.contains("code") && !ev["code"].is_null()) {
    const std::string c = ev["code"].is_string() ? ev["code"].get<std::string>() : ev["code"].dump();
    r = c.substr(0, 2);
  }
  while (r.size() < 2) r = "0" + r;
  return r.substr(0, 2);
}

struct GoldSentence {
  size_t start, end;
  std::string text;
  std::vector<json> events;
};

std::vector<json> read_jsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<json> out;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      out.push_back(json::parse(line));
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(n) + ": invalid JSON");
    }
  }
  return out;
}

std::set<Tuple> tuples(const std::vector<json>& evs, const std::string& level, bool gold) {
  std::set<Tuple> out;
  for (const auto& e : evs) {
    json s, t;
    std::string root;
    if (gold) {
      s = e.value("source", json());
      t = e.contains("target") ? e["target"] : json();
      root = root_of(e);
    } else {
      s = e.contains("source") && e["source"].is_object() ? e["source"].value("code", json()) : json();
      t = e.contains("target") && e["target"].is_object() ? e["target"].value("code", json()) : json();
      root = root_of(e.contains("event") && e["event"].is_object() ? e["event"] : json::object());
    }
    if (level == "dyad_root") out.insert({actor_key(s), actor_key(t), root});
    else if (level == "role_root") out.insert({norm_code(s), norm_code(t), root});
    else out.insert({"", "", root});
  }
  return out;
}

}  // namespace

EvalResult evaluate(const std::string& gold_dir, const std::string& events_path) {
  std::unordered_map<std::string, std::string> arts;
  for (const auto& a : read_jsonl(gold_dir + "/articles.jsonl")) arts[a.at("doc_id").get<std::string>()] = a.at("text").get<std::string>();
  std::map<std::string, std::vector<GoldSentence>> sents;
  std::vector<std::string> doc_order;
  for (const auto& g : read_jsonl(gold_dir + "/gold.jsonl")) {
    const std::string doc = g.at("doc_id").get<std::string>();
    const std::string& text = arts.at(doc);
    const std::string s = g.at("text").get<std::string>();
    auto& lst = sents[doc];
    if (lst.empty()) doc_order.push_back(doc);
    const size_t prev_end = lst.empty() ? 0 : lst.back().end;
    size_t start = text.find(s, prev_end);
    if (start == std::string::npos) start = text.find(s);
    if (start == std::string::npos) throw std::runtime_error("gold sentence not found in article " + doc);
    GoldSentence gs{start, start + s.size(), s, {}};
    for (const auto& e : g.at("events"))
      if (!e.value("negated", false) && !e.value("hypothetical", false)) gs.events.push_back(e);
    lst.push_back(std::move(gs));
  }
  EvalResult r;
  std::map<std::pair<std::string, size_t>, std::vector<json>> sys;
  for (const auto& e : read_jsonl(events_path)) {
    if (!e.contains("doc_id") || !e["doc_id"].is_string()) continue;
    const std::string doc = e["doc_id"].get<std::string>();
    auto it = sents.find(doc);
    if (it == sents.end()) continue;
    const json sp = e.value("sentence", json::object());
    const long s0 = sp.value("start", -1L), s1 = sp.value("end", -1L);
    long best_ov = 0;
    long best = -1;
    for (size_t i = 0; i < it->second.size(); ++i) {
      const long ov = std::min<long>(s1, static_cast<long>(it->second[i].end)) -
                      std::max<long>(s0, static_cast<long>(it->second[i].start));
      if (ov > best_ov) { best_ov = ov; best = static_cast<long>(i); }
    }
    if (best < 0) { ++r.unmatched; continue; }
    sys[{doc, static_cast<size_t>(best)}].push_back(e);
  }
  static const std::vector<json> kNone;
  for (const std::string level : {"dyad_root", "role_root", "root_only"}) {
    LevelScore sc;
    for (const auto& doc : doc_order) {
      const auto& lst = sents[doc];
      for (size_t i = 0; i < lst.size(); ++i) {
        auto it = sys.find({doc, i});
        const auto g = tuples(lst[i].events, level, true);
        const auto s = tuples(it == sys.end() ? kNone : it->second, level, false);
        std::vector<Tuple> both, missed, extra;
        std::set_intersection(g.begin(), g.end(), s.begin(), s.end(), std::back_inserter(both));
        std::set_difference(g.begin(), g.end(), s.begin(), s.end(), std::back_inserter(missed));
        std::set_difference(s.begin(), s.end(), g.begin(), g.end(), std::back_inserter(extra));
        sc.tp += both.size();
        sc.fn += missed.size();
        sc.fp += extra.size();
        if (level == "dyad_root" && (!missed.empty() || !extra.empty())) {
          SentenceError err{doc, i, lst[i].text, {}, {}};
          for (const auto& [a, b, c] : missed) err.missed.push_back(a + " " + b + " " + c);
          for (const auto& [a, b, c] : extra) err.extra.push_back(a + " " + b + " " + c);
          r.errors.push_back(std::move(err));
        }
      }
    }
    r.levels[level] = sc;
  }
  LevelScore det;
  for (const auto& doc : doc_order) {
    const auto& lst = sents[doc];
    for (size_t i = 0; i < lst.size(); ++i) {
      const bool g = !lst[i].events.empty();
      auto it = sys.find({doc, i});
      const bool s = it != sys.end() && !it->second.empty();
      det.tp += g && s;
      det.fp += s && !g;
      det.fn += g && !s;
    }
  }
  r.levels["detection"] = det;
  return r;
}

std::string format_eval(const EvalResult& r, bool as_json) {
  auto round4 = [](double x) { return std::round(x * 10000.0) / 10000.0; };
  if (as_json) {
    nlohmann::ordered_json j;
    for (const std::string level : {"dyad_root", "role_root", "root_only", "detection"}) {
      const auto& s = r.levels.at(level);
      j[level] = {{"tp", s.tp}, {"fp", s.fp}, {"fn", s.fn}, {"precision", round4(s.precision())},
                  {"recall", round4(s.recall())}, {"f1", round4(s.f1())}};
    }
    j["unmatched_events"] = r.unmatched;
    return j.dump() + "\n";
  }
  std::string out;
  char buf[256];
  for (const std::string level : {"dyad_root", "role_root", "root_only", "detection"}) {
    const auto& s = r.levels.at(level);
    std::snprintf(buf, sizeof buf, "%-10s P=%.3f R=%.3f F1=%.3f (tp=%zu fp=%zu fn=%zu)\n", level.c_str(),
                  round4(s.precision()), round4(s.recall()), round4(s.f1()), s.tp, s.fp, s.fn);
    out += buf;
  }
  out += "unmatched events: " + std::to_string(r.unmatched) + "\n";
  return out;
}

}  // namespace dyad
