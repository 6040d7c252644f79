#include "dyad/pipeline/coding_run.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <map>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <thread>

#include "dyad/pipeline/document_coder.h"

#include <nlohmann/json.hpp>

namespace dyad {

std::string RunReport::summary() const {
  std::ostringstream o;
  o << "dyad: " << articles_read << " articles read, " << articles_coded << " coded, " << articles_failed
    << " failed; " << sentences << " sentences, " << events << " events in " << std::fixed;
  o.precision(2);
  o << seconds << " s";
  if (seconds > 0) {
    o.precision(0);
    o << " (" << static_cast<double>(sentences) / seconds << " sentences/s)";
  }
  return o.str();
}

std::string RunReport::to_json() const {
  nlohmann::ordered_json j;
  j["articles_read"] = articles_read;
  j["articles_coded"] = articles_coded;
  j["articles_failed"] = articles_failed;
  j["sentences"] = sentences;
  j["tokens"] = tokens;
  j["events"] = events;
  j["warnings"] = warnings;
  j["seconds"] = seconds;
  j["failures"] = nlohmann::ordered_json::array();
  for (const auto& f : failures)
    j["failures"].push_back({{"source", f.source}, {"line", f.line}, {"doc_id", f.doc_id}, {"reason", f.reason}});
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

// Runs of capitalised words that no dictionary entry covered ("Nebiyu Tedla",
// "Global Initiative Against Transnational Organized Crime"): candidates for the
// actor dictionary, counted over the run for --unknown-actors.
void collect_unknown_names(const Document& doc, std::map<std::string, std::pair<size_t, std::string>>& names) {
  for (const auto& s : doc.sentences) {
    if (s.boilerplate) continue;
    std::vector<bool> covered(s.tokens.size(), false);
    for (const auto& m : s.mentions)
      for (uint32_t k = m.first; k <= m.last && k < covered.size(); ++k) covered[k] = true;
    auto capital = [&](size_t k) {
      const std::string& f = s.tokens[k].form;
      return !covered[k] && f.size() > 1 && std::isupper(static_cast<unsigned char>(f[0])) &&
             std::any_of(f.begin() + 1, f.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
    };
    for (size_t k = 1; k < s.tokens.size();) {  // skip the sentence's first word
      if (!capital(k)) { ++k; continue; }
      size_t e = k;
      while (e + 1 < s.tokens.size() && (capital(e + 1) || ((s.tokens[e + 1].form == "of" || s.tokens[e + 1].form == "al") &&
                                                             e + 2 < s.tokens.size() && capital(e + 2))))
        ++e;
      if (e > k) {
        const std::string name = doc.text.substr(s.tokens[k].span.begin, s.tokens[e].span.end - s.tokens[k].span.begin);
        auto& slot = names[name];
        if (slot.first++ == 0) slot.second = doc.id;
      }
      k = e + 1;
    }
  }
}

}  // namespace

RunReport run_coding(const Resources& r, const RunOptions& o, std::ostream& out, std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  RunReport report;
  auto writer = EventWriter::create(o.format, &r.codebook, o.writer);
  writer->begin(out);
  const DocumentCoder coder(&r);
  const unsigned threads = o.threads == 0 ? 1 : o.threads;
  const size_t batch_size = 64 * threads;
  std::vector<ArticleRecord> batch;
  batch.reserve(batch_size);
  std::map<std::string, std::pair<size_t, std::string>> unknown;

  auto where = [](const ArticleRecord& rec) {
    std::string w = rec.source;
    if (rec.line) w.append(":").append(std::to_string(rec.line));
    return w;
  };
  auto flush = [&] {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t k; (k = next.fetch_add(1)) < batch.size();)
        if (batch[k].ok()) coder.code(batch[k].doc);
    };
    if (threads == 1 || batch.size() < 2) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
      for (auto& th : pool) th.join();
    }
    for (auto& rec : batch) {
      if (!rec.ok()) continue;
      if (!o.unknown_actors_path.empty()) collect_unknown_names(rec.doc, unknown);
      ++report.articles_coded;
      report.sentences += rec.doc.sentences.size();
      for (const auto& s : rec.doc.sentences) report.tokens += s.tokens.size();
      report.events += writer->write(rec.doc, out);
    }
    batch.clear();
    if (o.progress) {
      log << "\r" << report.articles_read << " articles, " << report.events << " events" << std::flush;
    }
  };

  for (const auto& input : o.inputs) {
    std::unique_ptr<ArticleReader> reader;
    try {
      reader = std::make_unique<ArticleReader>(input, o.reader);
    } catch (const std::exception& e) {
      ++report.articles_failed;
      report.failures.push_back({input, 0, "", e.what()});
      log << "dyad: error: " << e.what() << "\n";
      continue;
    }
    for (;;) {
      ArticleRecord rec;
      try {
        if (!reader->next(rec)) break;
      } catch (const std::exception& e) {  // corrupt compressed stream, read error
        ++report.articles_failed;
        report.failures.push_back({input, 0, "", e.what()});
        log << "dyad: error: " << input << ": " << e.what() << " (rest of the file skipped)\n";
        break;
      }
      ++report.articles_read;
      for (const auto& w : rec.warnings) {
        ++report.warnings;
        log << "dyad: warning: " << where(rec) << ": " << w << "\n";
      }
      if (!rec.ok()) {
        ++report.articles_failed;
        report.failures.push_back({rec.source, rec.line, rec.doc.id, rec.error});
        log << "dyad: error: " << where(rec) << ": " << rec.error << " (article skipped)\n";
        continue;
      }
      batch.push_back(std::move(rec));
      if (batch.size() >= batch_size) flush();
    }
  }
  flush();
  if (o.progress) log << "\n";
  if (!o.unknown_actors_path.empty()) {
    std::vector<std::pair<std::string, std::pair<size_t, std::string>>> rows(unknown.begin(), unknown.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::ofstream f(o.unknown_actors_path);
    f << "# name\tcount\tfirst_doc_id\n";
    for (const auto& [name, v] : rows) f << name << '\t' << v.first << '\t' << v.second << '\n';
    if (!f) log << "dyad: error: cannot write " << o.unknown_actors_path << "\n";
  }
  out.flush();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace dyad
