// Per-stage micro-benchmarks of `dyad code` on the shared dev articles
// (../shared/eval/dev/articles.jsonl), one thread:
//   BM_StageSplit    sentence splitting + tokenizing       (sentences/s, tokens/s)
//   BM_StageTag      POS tagging (both passes)              (tokens/s)
//   BM_StageLemma    lemmas + morphological features        (tokens/s)
//   BM_StageParse    dependency parsing (+ voice)           (tokens/s)
//   BM_StageActors   actor recognition with coreference     (sentences/s)
//   BM_StageEvents   event coding                           (sentences/s)
//   BM_StageAll      all of the above, as DocumentCoder runs them (sentences/s)
// Each stage runs on the output of the stages before it, prepared outside the timed loop.
//   cmake -S . -B build-bench -DDYAD_BENCH=ON && cmake --build build-bench --target dyad_bench
//   build-bench/dyad_bench --benchmark_filter=Stage
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "dyad/pipeline/document_coder.h"
#include "dyad/pipeline/resources.h"
#include "dyad/syntax/analyzer.h"
#include "dyad/syntax/lemmatizer.h"
#include "dyad/syntax/parser.h"
#include "dyad/syntax/tagger.h"

namespace {

using namespace dyad;

std::string articles_path() { return std::string(DYAD_SOURCE_DIR) + "/../shared/eval/dev/articles.jsonl"; }

struct Fixture {
  std::unique_ptr<Resources> r;
  std::vector<Document> docs;       // split and tokenized
  std::vector<Document> tagged;     // + tags
  std::vector<Document> lemmatized; // + lemmas, feats
  std::vector<Document> parsed;     // + heads, deprels, voice
  std::vector<Document> actors;     // + mentions
  size_t sentences = 0, tokens = 0;
  std::string error;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    try {
      if (!std::filesystem::exists(articles_path())) throw std::runtime_error("dev articles missing");
      f.r = Resources::load(default_data_dir(), default_models_dir(), true);
      std::ifstream in(articles_path());
      for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        Document d;
        d.id = j.value("doc_id", "");
        d.text = j.value("text", "");
        d.date = j.value("date", "");
        d.sentences = f.r->splitter->split(d.text);
        for (auto& s : d.sentences) {
          f.sentences += 1;
          f.tokens += s.tokens.size();
        }
        f.docs.push_back(std::move(d));
      }
      const auto& a = *f.r->analyzer;
      f.tagged = f.docs;
      for (auto& d : f.tagged)
        for (auto& s : d.sentences)
          if (!s.tokens.empty()) a.tagger().tag(s);
      f.lemmatized = f.tagged;
      for (auto& d : f.lemmatized)
        for (auto& s : d.sentences) a.lemmatizer().lemmatize(s);
      f.parsed = f.lemmatized;
      for (auto& d : f.parsed)
        for (auto& s : d.sentences) {
          a.parser().parse(s);
          syntax::Lemmatizer::set_voice(s);
        }
      f.actors = f.parsed;
      for (auto& d : f.actors) {
        Coreference coref;
        for (auto& s : d.sentences) f.r->recognizer->recognize(d.text, s, d.date, coref);
      }
    } catch (const std::exception& e) {
      f.error = e.what();
    }
    return f;
  }();
  return f;
}

// Runs fn on a fresh copy of every document of `input` per iteration (the copy is not timed).
template <typename Fn>
void run_stage(benchmark::State& state, const std::vector<Document> Fixture::*input, Fn fn) {
  const Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = f.*input;
    state.ResumeTiming();
    for (auto& d : docs) fn(d);
    benchmark::DoNotOptimize(docs.data());
    sentences += f.sentences;
    tokens += f.tokens;
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

void BM_StageSplit(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::docs, [&](Document& d) { d.sentences = f.r->splitter->split(d.text); });
}
BENCHMARK(BM_StageSplit)->Unit(benchmark::kMillisecond);

void BM_StageTag(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::docs, [&](Document& d) {
    for (auto& s : d.sentences)
      if (!s.tokens.empty()) f.r->analyzer->tagger().tag(s);
  });
}
BENCHMARK(BM_StageTag)->Unit(benchmark::kMillisecond);

void BM_StageLemma(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::tagged, [&](Document& d) {
    for (auto& s : d.sentences) f.r->analyzer->lemmatizer().lemmatize(s);
  });
}
BENCHMARK(BM_StageLemma)->Unit(benchmark::kMillisecond);

void BM_StageParse(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::lemmatized, [&](Document& d) {
    for (auto& s : d.sentences) {
      f.r->analyzer->parser().parse(s);
      syntax::Lemmatizer::set_voice(s);
    }
  });
}
BENCHMARK(BM_StageParse)->Unit(benchmark::kMillisecond);

void BM_StageActors(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::parsed, [&](Document& d) {
    Coreference coref;
    for (auto& s : d.sentences) f.r->recognizer->recognize(d.text, s, d.date, coref);
  });
}
BENCHMARK(BM_StageActors)->Unit(benchmark::kMillisecond);

void BM_StageEvents(benchmark::State& state) {
  const Fixture& f = fixture();
  run_stage(state, &Fixture::actors, [&](Document& d) {
    for (auto& s : d.sentences) f.r->coder->code(s);
  });
}
BENCHMARK(BM_StageEvents)->Unit(benchmark::kMillisecond);

// The whole DocumentCoder (splits itself, parses only sentences with a trigger word).
void BM_StageAll(benchmark::State& state) {
  const Fixture& f = fixture();
  const DocumentCoder coder(f.r.get());
  run_stage(state, &Fixture::docs, [&](Document& d) { coder.code(d); });
}
BENCHMARK(BM_StageAll)->Unit(benchmark::kMillisecond);

}  // namespace
