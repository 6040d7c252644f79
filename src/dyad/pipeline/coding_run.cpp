#include "dyad/pipeline/coding_run.h"

#include <atomic>
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

  auto where = [](const ArticleRecord& rec) {
    return rec.source + (rec.line ? ":" + std::to_string(rec.line) : "");
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
  out.flush();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace dyad
