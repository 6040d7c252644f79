// dyad code / eval / dict: the event coder's commands.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>
#include <unistd.h>

#include "command_support.h"
#include "commands.h"
#include "dyad/eval/scorer.h"
#include "dyad/io/article_reader.h"
#include "dyad/pipeline/coding_run.h"
#include "dyad/pipeline/resources.h"
#include "dyad/store/event_store.h"

namespace dyad {

int cmd_code(const std::vector<std::string>& args) {
  CLI::App app{"Code news articles into political events (CAMEO), one record per event.\n"
               "Input: JSON Lines (doc_id, text, optional date, other fields passed through), plain\n"
               ".txt files (doc_id = file name), gzip/zstd-compressed files, '-' or nothing for stdin.\n"
               "Exit code: 0 all articles coded, 1 some articles were bad (reported on stderr), 2 usage error.",
               "dyad code"};
  RunOptions o;
  std::string output = "-", data_dir = default_data_dir(), models_dir = default_models_dir();
  std::string date;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  size_t max_bytes = o.reader.max_article_bytes;
  app.add_option("inputs", o.inputs, "input files (JSONL, .txt, .gz, .zst; '-' = stdin)");
  app.add_option("-o,--output", output, "output file ('-' = stdout)");
  app.add_option("--format", o.format, "output format: jsonl (dyad's own), tsv, phoenix (Phoenix/PETRARCH columns), "
                                      "plover (PLOVER JSON); see docs/EVENT_FORMATS.md")
      ->check(CLI::IsMember(event_formats()));
  std::string db_path;
  app.add_option("--db", db_path,
                 "also store the events in this SQLite database (created when missing; re-coding an article "
                 "replaces its events); see docs/EVENT_STORE.md");
  app.add_option("--threads", threads, "worker threads (default: all cores)")->check(CLI::Range(1u, 256u));
  app.add_option("--date", date, "fallback date YYYY-MM-DD for articles without one");
  app.add_flag("--modal", o.writer.modal, "also write negated and hypothetical events, flagged in 'modality'");
  app.add_option("--max-article-bytes", max_bytes, "reject articles with longer text");
  app.add_option("--article-timeout", o.article_timeout,
                 "give up on an article still being coded after SECONDS (reported, counted as failed; 0 = no limit)")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  std::string report_path;
  app.add_option("--unknown-actors", o.unknown_actors_path,
                 "write the names no actor dictionary covers (name, count, first doc_id, PER/ORG/LOC, example "
                 "sentence; found by the named-entity recognizer, models/ner.bin), to grow data/actors");
  app.add_option("--report", report_path, "write a JSON report (counts, failures with line and reason)");
  app.add_option("--data", data_dir, "knowledge folder");
  app.add_option("--models", models_dir, "model folder");
  if (int rc = parse_options(app, args); rc >= 0) return rc;
  if (!date.empty() && !is_valid_date(date)) {
    std::cerr << "dyad code: --date must be YYYY-MM-DD, got '" << date << "'\n";
    return 2;
  }
  if (o.inputs.empty()) o.inputs.push_back("-");
  o.threads = threads;
  o.reader.fallback_date = date;
  o.reader.max_article_bytes = max_bytes;
  o.progress = isatty(STDERR_FILENO) && output != "-";
  std::unique_ptr<Resources> r;
  try {
    r = Resources::load(data_dir, models_dir);
  } catch (const std::exception& e) {
    std::cerr << "dyad code: cannot load: " << e.what() << "\n";
    return 2;
  }
  // The recognizer is loaded only for --unknown-actors: it would add to every run's start-up.
  std::optional<ner::EntityRecognizer> entity_recognizer;
  if (!o.unknown_actors_path.empty()) {
    const std::string ner_path = models_dir + "/" + ner::kNerModelFile;
    if (std::filesystem::exists(ner_path)) {
      try {
        entity_recognizer = ner::EntityRecognizer::load(ner_path);
      } catch (const std::exception& e) {
        std::cerr << "dyad code: cannot load: " << e.what() << "\n";
        return 2;
      }
      o.ner = &*entity_recognizer;
    } else {
      std::cerr << "dyad code: warning: no " << ner_path << "; --unknown-actors lists capitalised words instead\n";
    }
  }
  std::ofstream file;
  std::ostream* out = open_output("dyad code", output, file);
  if (!out) return 2;
  std::unique_ptr<EventStore> store;
  if (app.count("--db")) {
    try {
      store = EventStore::open_for_writing(db_path);
    } catch (const std::exception& e) {
      std::cerr << "dyad code: --db: " << e.what() << "\n";
      return 2;
    }
    o.store = store.get();
  }
  const RunReport rep = run_coding(*r, o, *out, std::cerr);
  std::cerr << rep.summary() << "\n";
  if (store) std::cerr << "dyad code: " << rep.articles_stored << " articles stored in " << db_path << "\n";
  if (!report_path.empty()) {
    std::ofstream rf(report_path);
    rf << rep.to_json();
    if (!rf) {
      std::cerr << "dyad code: cannot write report " << report_path << "\n";
      return 2;
    }
  }
  return rep.articles_failed > 0 || !rep.store_error.empty() ? 1 : 0;
}

int cmd_eval(const std::vector<std::string>& args) {
  CLI::App app{"Score coded events against a gold folder (articles.jsonl + gold.jsonl), with the\n"
               "same levels as ../shared/eval/score.py.",
               "dyad eval"};
  std::string gold, events;
  bool json = false;
  size_t errors = 0;
  app.add_option("gold_dir", gold, "folder with articles.jsonl and gold.jsonl")->required();
  app.add_option("events", events, "events written by 'dyad code' (JSONL)")->required();
  app.add_flag("--json", json, "print the scores as JSON");
  app.add_option("--errors", errors, "print the first N sentences in error (dyad_root) on stderr");
  if (int rc = parse_options(app, args); rc >= 0) return rc;
  const EvalResult r = evaluate(gold, events);
  std::cout << format_eval(r, json);
  for (size_t i = 0; i < errors && i < r.errors.size(); ++i) {
    const auto& e = r.errors[i];
    std::cerr << e.doc_id << "#" << e.index << " missed=[";
    for (size_t k = 0; k < e.missed.size(); ++k) std::cerr << (k ? ", " : "") << e.missed[k];
    std::cerr << "] extra=[";
    for (size_t k = 0; k < e.extra.size(); ++k) std::cerr << (k ? ", " : "") << e.extra[k];
    std::cerr << "]\n    " << e.text << "\n";
  }
  return 0;
}

int cmd_dict(const std::vector<std::string>& args) {
  CLI::App app{"Knowledge files: 'dyad dict check' validates every file under data/.", "dyad dict"};
  std::string data_dir = default_data_dir();
  app.require_subcommand(1);
  auto* check = app.add_subcommand("check", "validate codes, dates, duplicates and patterns");
  check->add_option("--data", data_dir, "knowledge folder");
  if (int rc = parse_options(app, args); rc >= 0) return rc;
  const auto problems = check_data(data_dir);
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty()) {
    std::cerr << "dyad dict check: " << problems.size() << " problem(s)\n";
    return 1;
  }
  std::cout << "dyad dict check: all knowledge files under " << data_dir << " are valid\n";
  return 0;
}

}  // namespace dyad
