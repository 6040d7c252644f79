#include "dyad/pipeline/coding_run.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <thread>

#include "dyad/pipeline/document_coder.h"
#include "dyad/pipeline/unknown_names.h"

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
  j["articles_stored"] = articles_stored;
  if (!store_error.empty()) j["store_error"] = store_error;
  j["seconds"] = seconds;
  if (!stage_seconds.empty()) {
    j["stage_seconds"] = nlohmann::ordered_json::object();
    for (const auto& [stage, sec] : stage_seconds) j["stage_seconds"][stage] = sec;
  }
  j["failures"] = nlohmann::ordered_json::array();
  for (const auto& f : failures)
    j["failures"].push_back({{"source", f.source}, {"line", f.line}, {"doc_id", f.doc_id}, {"reason", f.reason}});
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

// The store is one more sink beside the writer: the same events, one transaction per
// article. A database error stops storing (the output file is still written).
void store_article(EventStore& store, const Codebook& codebook, const WriterOptions& options, const Document& doc,
                   RunReport& report, std::ostream& log) {
  try {
    store.replace_article(doc, event_records(doc, &codebook, options));
    ++report.articles_stored;
  } catch (const std::exception& e) {
    report.store_error = e.what();
    log << "dyad: error: --db: " << e.what() << " (no further articles stored)\n";
  }
}

}  // namespace

RunReport run_coding(const Resources& r, const RunOptions& o, std::ostream& out, std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  RunReport report;
  auto writer = EventWriter::create(o.format, &r.codebook, o.writer);
  writer->begin(out);
  const char* stage_env = std::getenv("DYAD_STAGE_TIMES");
  std::unique_ptr<StageTimes> stage_times;
  if (stage_env && *stage_env && std::string_view(stage_env) != "0") stage_times = std::make_unique<StageTimes>();
  const DocumentCoder coder(&r, stage_times.get());
  const unsigned threads = o.threads == 0 ? 1 : o.threads;
  const size_t batch_size = 64 * threads;
  std::vector<ArticleRecord> batch;
  batch.reserve(batch_size);
  std::unique_ptr<UnknownNameCollector> unknown;
  if (!o.unknown_actors_path.empty()) unknown = std::make_unique<UnknownNameCollector>(&r.actors, o.ner);
  std::vector<std::vector<UnknownName>> unknown_found;  // per article of the batch

  auto where = [](const ArticleRecord& rec) {
    std::string w = rec.source;
    if (rec.line) w.append(":").append(std::to_string(rec.line));
    return w;
  };
  // An article that throws while being coded (its time limit passed, or a bug) fails
  // alone: reported, counted, and the run goes on.
  const bool timed = o.article_timeout > 0 && o.article_timeout < 1e9;  // NaN, 0: no limit
  const auto limit = std::chrono::duration_cast<DocumentCoder::Clock::duration>(
      std::chrono::duration<double>(timed ? o.article_timeout : 0.0));
  auto code_one = [&](ArticleRecord& rec) {
    try {
      coder.code(rec.doc, timed ? DocumentCoder::Clock::now() + limit : DocumentCoder::Clock::time_point::max());
    } catch (const ArticleTimeout& e) {
      std::ostringstream m;
      m << "took longer than the limit of " << o.article_timeout << " s (--article-timeout); " << e.what();
      rec.error = m.str();
    } catch (const std::exception& e) {
      rec.error = std::string("internal error while coding: ") + e.what();
    }
    if (!rec.ok()) rec.doc.sentences.clear();
  };
  auto flush = [&] {
    std::atomic<size_t> next{0};
    unknown_found.assign(unknown ? batch.size() : 0, {});
    auto work = [&] {
      for (size_t k; (k = next.fetch_add(1)) < batch.size();) {
        if (batch[k].ok()) code_one(batch[k]);
        if (unknown && batch[k].ok()) unknown_found[k] = unknown->find(batch[k].doc);
      }
    };
    if (threads == 1 || batch.size() < 2) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
      for (auto& th : pool) th.join();
    }
    for (size_t k = 0; k < batch.size(); ++k) {
      ArticleRecord& rec = batch[k];
      if (!rec.ok()) {  // failed while being coded
        ++report.articles_failed;
        report.failures.push_back({rec.source, rec.line, rec.doc.id, rec.error});
        log << "dyad: error: " << where(rec) << ": " << rec.error << " (article skipped)\n";
        continue;
      }
      if (unknown) unknown->add(rec.doc.id, unknown_found[k]);
      ++report.articles_coded;
      report.sentences += rec.doc.sentences.size();
      for (const auto& s : rec.doc.sentences) report.tokens += s.tokens.size();
      report.events += writer->write(rec.doc, out);
      if (o.store && report.store_error.empty()) store_article(*o.store, r.codebook, o.writer, rec.doc, report, log);
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
  if (unknown) {
    std::ofstream f(o.unknown_actors_path);
    unknown->write(f);
    if (!f) log << "dyad: error: cannot write " << o.unknown_actors_path << "\n";
  }
  out.flush();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (stage_times)
    for (int k = 0; k < StageTimes::kStages; ++k) report.stage_seconds.emplace_back(StageTimes::kNames[k], stage_times->seconds(k));
  return report;
}

}  // namespace dyad
