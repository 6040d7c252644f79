// The bodies of dyad's libFuzzer targets, as plain functions so that the regression
// test (tests/fuzz/fuzz_regressions_test.cpp) replays saved crash inputs through exactly
// the same code without clang or libFuzzer. Each fuzz/fuzz_<target>.cpp is a thin
// LLVMFuzzerTestOneInput wrapper around one of these.
//
// Contract checked by every target: no crash, no sanitizer report, no exception other
// than std::runtime_error where the API documents one (anything else escapes and is
// reported by libFuzzer), and the invariants below (a violation calls fail()).
#pragma once

#include <unistd.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_recognizer.h"
#include "dyad/context/date_resolver.h"
#include "dyad/context/event_context.h"
#include "dyad/context/gazetteer.h"
#include "dyad/core/document.h"
#include "dyad/core/utf8.h"
#include "dyad/events/codebook.h"
#include "dyad/events/event_coder.h"
#include "dyad/events/future_codes.h"
#include "dyad/events/statement_cues.h"
#include "dyad/events/verb_lexicon.h"
#include "dyad/io/article_reader.h"
#include "dyad/io/event_writer.h"
#include "dyad/ner/entity_recognizer.h"
#include "dyad/ner/gazetteer.h"
#include "dyad/ner/org_cues.h"
#include "dyad/pipeline/document_coder.h"
#include "dyad/pipeline/resources.h"
#include "dyad/syntax/lemmatizer.h"
#include "dyad/syntax/model_file.h"
#include "dyad/syntax/parser.h"
#include "dyad/syntax/tagger.h"
#include "dyad/text/abbreviations.h"
#include "dyad/text/sentence_splitter.h"
#include "dyad/text/tokenizer.h"

namespace dyad::fuzz {

// What happens on an invariant violation: abort() under libFuzzer (a crash it saves),
// an exception in the regression test (a failed test, not a dead test binary).
struct InvariantViolation : std::logic_error {
  using std::logic_error::logic_error;
};
inline bool& throw_on_violation() {
  static bool t = false;
  return t;
}
[[noreturn]] inline void fail(const std::string& what) {
  if (throw_on_violation()) throw InvariantViolation(what);
  std::fprintf(stderr, "dyad fuzz invariant violated: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}
#define DYAD_FUZZ_CHECK(cond, what) \
  do {                              \
    if (!(cond)) ::dyad::fuzz::fail(std::string(what) + " [" #cond "]"); \
  } while (0)

inline std::string data_dir() { return std::string(DYAD_SOURCE_DIR) + "/data"; }

// One scratch folder per process (under $TMPDIR), removed at exit.
inline const std::string& scratch_dir() {
  static const std::string dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      std::perror("mkdtemp");
      std::abort();
    }
    static struct Cleanup {
      std::string d;
      ~Cleanup() {
        std::error_code ec;
        std::filesystem::remove_all(d, ec);
      }
    } cleanup{tmpl};
    return tmpl;
  }();
  return dir;
}

inline std::string write_file(const std::string& name, std::string_view bytes) {
  const std::string path = scratch_dir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::abort();
  }
  return path;
}

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// ---------------------------------------------------------------- invariants

// Tokens: inside `within`, non-empty, in order, not overlapping.
inline void check_tokens(const std::vector<Token>& toks, Span within, size_t text_size, const char* who) {
  uint32_t prev_end = within.begin;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Span s = toks[i].span;
    const std::string at = std::string(who) + ": token " + std::to_string(i) + " [" +
                           std::to_string(s.begin) + "," + std::to_string(s.end) + ") in [" +
                           std::to_string(within.begin) + "," + std::to_string(within.end) + ")";
    DYAD_FUZZ_CHECK(s.begin < s.end, at + " is empty or reversed");
    DYAD_FUZZ_CHECK(s.end <= text_size, at + " ends past the text");
    DYAD_FUZZ_CHECK(s.begin >= within.begin && s.end <= within.end, at + " lies outside its span");
    DYAD_FUZZ_CHECK(s.begin >= prev_end, at + " overlaps or precedes the previous token");
    DYAD_FUZZ_CHECK(!toks[i].form.empty(), at + " has an empty form");
    prev_end = s.end;
  }
}

inline void check_sentences(const std::vector<Sentence>& sents, size_t text_size, size_t max_tokens) {
  uint32_t prev_end = 0;
  for (size_t k = 0; k < sents.size(); ++k) {
    const Sentence& s = sents[k];
    const std::string at = "sentence " + std::to_string(k) + " [" + std::to_string(s.span.begin) + "," +
                           std::to_string(s.span.end) + ")";
    DYAD_FUZZ_CHECK(s.span.begin <= s.span.end, at + " reversed");
    DYAD_FUZZ_CHECK(s.span.end <= text_size, at + " ends past the text");
    DYAD_FUZZ_CHECK(s.span.begin >= prev_end, at + " overlaps the previous sentence");
    DYAD_FUZZ_CHECK(max_tokens == 0 || s.tokens.size() <= max_tokens, at + " has more tokens than the limit");
    check_tokens(s.tokens, s.span, text_size, at.c_str());
    prev_end = s.span.end;
  }
}

// After coding: every index points inside its sentence.
inline void check_coded(const Document& doc) {
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    const Sentence& s = doc.sentences[k];
    const std::string at = "sentence " + std::to_string(k);
    const size_t n = s.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const int32_t h = s.tokens[i].head;
      DYAD_FUZZ_CHECK(h >= -1 && h < static_cast<int32_t>(n), at + ": token head out of range");
    }
    for (const Mention& m : s.mentions) {
      DYAD_FUZZ_CHECK(m.first <= m.last && m.last < n, at + ": mention tokens out of range");
      DYAD_FUZZ_CHECK(m.head < n, at + ": mention head out of range");
    }
    for (const Event& e : s.events) {
      const int32_t nm = static_cast<int32_t>(s.mentions.size());
      DYAD_FUZZ_CHECK(e.source >= -1 && e.source < nm, at + ": event source out of range");
      DYAD_FUZZ_CHECK(e.target >= -1 && e.target < nm, at + ": event target out of range");
      DYAD_FUZZ_CHECK(e.trigger_first <= e.trigger_last && e.trigger_last < n,
                      at + ": event trigger out of range");
      DYAD_FUZZ_CHECK(!e.code.empty(), at + ": event without a code");
    }
  }
}

// ---------------------------------------------------------------- 1. article reader

inline void read_all(const std::string& path) {
  ReaderOptions opt;
  opt.max_article_bytes = 1 << 16;  // small enough that the limit paths are reachable
  opt.fallback_date = "2024-01-01";
  ArticleReader reader(path, opt);
  ArticleRecord rec;
  size_t n = 0;
  while (reader.next(rec)) {
    DYAD_FUZZ_CHECK(++n <= (1u << 22), "reader does not terminate");
    if (rec.ok()) {
      DYAD_FUZZ_CHECK(!rec.doc.id.empty(), "accepted article without an id");
      DYAD_FUZZ_CHECK(utf8::is_valid(rec.doc.text), "accepted text is not valid UTF-8 after repair");
      DYAD_FUZZ_CHECK(rec.doc.text.size() <= opt.max_article_bytes, "accepted text over the size limit");
    }
  }
}

inline void article_reader_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  for (const char* name : {"input.jsonl", "input.txt"}) {
    const std::string path = write_file(name, bytes);
    try {
      read_all(path);
    } catch (const std::runtime_error&) {
      // A decompression error (gzip/zstd magic followed by garbage) is documented to
      // throw std::runtime_error from ByteSource::read.
    }
  }
}

// ---------------------------------------------------------------- 2. splitter + tokenizer

struct TextState {
  Abbreviations abbreviations;
  std::unique_ptr<SentenceSplitter> splitter;
  std::unique_ptr<Tokenizer> tokenizer;
};
inline const TextState& text_state() {
  static const auto s = [] {
    auto st = std::make_unique<TextState>();
    st->abbreviations = Abbreviations::load(data_dir() + "/text/abbreviations.tsv");
    st->splitter = std::make_unique<SentenceSplitter>(
        &st->abbreviations, SentenceSplitter::load_boilerplate(data_dir() + "/text/boilerplate.tsv"));
    st->tokenizer = std::make_unique<Tokenizer>(&st->abbreviations);
    return st;
  }();
  return *s;
}
inline constexpr size_t kSplitterMaxTokens = 250;  // SentenceSplitter's default

inline void text_one(const uint8_t* data, size_t size) {
  const TextState& st = text_state();
  // As the reader hands it over (repaired), and the raw bytes (the splitter must not
  // crash on invalid UTF-8 either).
  std::string repaired(as_view(data, size));
  utf8::repair(repaired);
  for (const std::string_view text : {std::string_view(repaired), as_view(data, size)}) {
    const auto toks = st.tokenizer->tokenize(text);
    check_tokens(toks, Span{0, static_cast<uint32_t>(text.size())}, text.size(), "tokenizer");
    // A sub-span too: tokens must stay inside it.
    if (text.size() >= 4) {
      const Span mid{static_cast<uint32_t>(text.size() / 4), static_cast<uint32_t>(text.size() * 3 / 4)};
      check_tokens(st.tokenizer->tokenize(text, mid), mid, text.size(), "tokenizer (sub-span)");
    }
    const auto sents = st.splitter->split(text);
    check_sentences(sents, text.size(), kSplitterMaxTokens);
  }
}

// ---------------------------------------------------------------- 3. whole document

// The writers on a coded document: every JSONL record parses, its sentence offsets
// index the text exactly, its ids are unique; TSV has one row per record.
inline void check_written(const Document& doc, const Codebook& codebook) {
  WriterOptions wo;
  wo.modal = true;  // negated and hypothetical events too: more of the writer
  std::ostringstream jsonl, tsv;
  auto jw = EventWriter::create("jsonl", &codebook, wo);
  auto tw = EventWriter::create("tsv", &codebook, wo);
  DYAD_FUZZ_CHECK(jw && tw, "no writer");
  jw->begin(jsonl);
  const size_t n = jw->write(doc, jsonl);
  tw->begin(tsv);
  const size_t n_tsv = tw->write(doc, tsv);
  DYAD_FUZZ_CHECK(n == n_tsv, "JSONL and TSV writers disagree on the number of events");
  std::istringstream in(jsonl.str());
  size_t lines = 0;
  std::set<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    ++lines;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      fail(std::string("JSONL record does not parse: ") + e.what());
    }
    DYAD_FUZZ_CHECK(j.is_object() && j.contains("sentence") && j.contains("event_id"), "JSONL record incomplete");
    DYAD_FUZZ_CHECK(ids.insert(j["event_id"].get<std::string>()).second, "duplicate event_id");
    const auto& s = j["sentence"];
    const size_t b = s["start"].get<size_t>(), e = s["end"].get<size_t>();
    DYAD_FUZZ_CHECK(b <= e && e <= doc.text.size(), "sentence offsets outside the text");
    DYAD_FUZZ_CHECK(doc.text.compare(b, e - b, s["text"].get<std::string>()) == 0,
                    "sentence text differs from text[start:end]");
  }
  DYAD_FUZZ_CHECK(lines == n, "JSONL writer: lines != events written");
}

// DYAD_FUZZ_MODELS overrides the models folder ("none" = code without the parser).
inline const Resources& document_resources() {
  static const auto r = [] {
    std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
    if (const char* m = std::getenv("DYAD_FUZZ_MODELS")) models = m;
    std::unique_ptr<Resources> res;
    try {
      res = Resources::load(data_dir(), models);
    } catch (const std::runtime_error& e) {
      // A stale or broken model (the knowledge files are loaded first, so their errors
      // would repeat below and stop the target): fuzz the rest of the pipeline.
      std::fprintf(stderr, "fuzz_document: models unusable (%s); coding without the parser\n", e.what());
      res = Resources::load(data_dir(), scratch_dir() + "/no-models");
    }
    std::fprintf(stderr, "fuzz_document: resources loaded, parser %s\n", res->analyzer ? "ON" : "OFF");
    return res;
  }();
  return *r;
}

inline void document_one(const uint8_t* data, size_t size) {
  const Resources& r = document_resources();
  Document doc;
  doc.id = "fuzz";
  doc.date = "2024-03-01";
  doc.passthrough = "{}";
  doc.text.assign(as_view(data, size));
  utf8::repair(doc.text);  // as ArticleReader does
  DocumentCoder(&r).code(doc);
  check_sentences(doc.sentences, doc.text.size(), 0);
  check_coded(doc);
  check_written(doc, r.codebook);
}

// ---------------------------------------------------------------- 4. knowledge files
// One target per data-file parser, each of which then uses what it loaded on text, so
// that odd but accepted entries are exercised too. The documented failure of every
// loader is a std::runtime_error naming file:line.

template <class Fn>
inline void expect_runtime_error_only(Fn&& fn) {
  try {
    fn();
  } catch (const std::runtime_error& e) {
    DYAD_FUZZ_CHECK(std::strlen(e.what()) > 0, "loader error without a message");
  }
}

inline const Codebook& real_codebook() {
  static const Codebook c = Codebook::load(data_dir() + "/events/codebook.tsv");
  return c;
}

// The real actor dictionary and recognizer, to code probe sentences with a fuzzed lexicon.
struct ActorState {
  ActorDictionary dictionary;
  std::unique_ptr<ActorRecognizer> recognizer;
};
inline const ActorState& actor_state() {
  static const auto s = [] {
    auto st = std::make_unique<ActorState>();
    st->dictionary = ActorDictionary::load(data_dir() + "/actors", *text_state().tokenizer);
    st->recognizer = std::make_unique<ActorRecognizer>(&st->dictionary);
    return st;
  }();
  return *s;
}

inline constexpr const char* kProbeText =
    "President Xi Jinping of China met U.S. officials in Gaza City on Monday. Russian forces "
    "attacked Ukraine, and the United Nations condemned the attack. Iran's foreign minister said "
    "Tehran would not negotiate with Washington. Protesters demonstrated against the government.";

// The probe text followed by (up to 512 bytes of) the fuzz input, split into sentences
// by the real splitter, as valid UTF-8.
inline std::string probe_text(std::string_view bytes) {
  std::string text = kProbeText;
  text.append(" ").append(bytes.substr(0, 512));
  utf8::repair(text);
  return text;
}

// Recognises actors with `recognizer` (null: the real dictionary's) and codes events
// with `coder` (null: none) in every sentence of `text`; checks the indices.
inline void code_probe(const std::string& text, const ActorRecognizer* recognizer, const EventCoder* coder) {
  const TextState& st = text_state();
  Document doc;
  doc.id = "probe";
  doc.date = "2024-03-01";
  doc.text = text;
  doc.sentences = st.splitter->split(doc.text);
  Coreference coref;
  for (Sentence& s : doc.sentences) {
    if (recognizer) recognizer->recognize(doc.text, s, doc.date, coref);
    else actor_state().recognizer->recognize(doc.text, s, doc.date, coref);
    if (coder) coder->code(s);
  }
  check_sentences(doc.sentences, doc.text.size(), 0);
  check_coded(doc);
}

// 4a. data/actors/*.tsv
inline void actor_dictionary_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const TextState& st = text_state();
  const std::string dir = scratch_dir() + "/actors";
  std::filesystem::create_directories(dir);
  write_file("actors/fuzz.tsv", bytes);
  expect_runtime_error_only([&] { ActorDictionary::check(dir, *st.tokenizer); });
  expect_runtime_error_only([&] {
    const ActorDictionary d = ActorDictionary::load(dir, *st.tokenizer);
    const std::string probe = probe_text(bytes);
    const auto toks = st.tokenizer->tokenize(probe);
    for (size_t i = 0; i < toks.size(); ++i) {
      const ActorMatch m = d.longest_match(toks, i);
      if (m.length) {
        DYAD_FUZZ_CHECK(i + m.length <= toks.size(), "actor match past the last token");
        DYAD_FUZZ_CHECK(m.entries && !m.entries->empty(), "actor match without entries");
        for (uint32_t e : *m.entries) DYAD_FUZZ_CHECK(e < d.entries().size(), "actor entry out of range");
        uint32_t chosen = 0;
        d.code_on(*m.entries, "2024-03-01", &chosen);
        d.code_on(*m.entries, "");
      }
    }
    const ActorRecognizer recognizer(&d);
    code_probe(probe, &recognizer, nullptr);
  });
}

// 4b. data/events/verbs.tsv + inflections.tsv (and future_codes.tsv, statement_cues.tsv),
// against the real codebook.
inline void verb_lexicon_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const Codebook& codebook = real_codebook();
  const std::string tsv = write_file("input.tsv", bytes);
  const std::string empty = write_file("empty.tsv", "");
  const std::string probe = probe_text(bytes);
  auto use = [&](const VerbLexicon& lex) {
    for (size_t i = 0; i < lex.size(); ++i) {
      const EventPattern& p = lex.pattern(static_cast<uint32_t>(i));
      DYAD_FUZZ_CHECK(!p.elements.empty(), "pattern without elements");
      DYAD_FUZZ_CHECK(codebook.contains(p.code), "pattern with a code outside the codebook");
    }
    const EventCoder coder(&lex);
    code_probe(probe, nullptr, &coder);
  };
  expect_runtime_error_only([&] { VerbLexicon::check(tsv, empty, codebook); });
  expect_runtime_error_only([&] { use(VerbLexicon::load(tsv, empty, codebook)); });
  expect_runtime_error_only([&] { VerbLexicon::check(empty, tsv, codebook); });
  expect_runtime_error_only([&] { VerbLexicon::load(empty, tsv, codebook); });
  // The same bytes as both files: inflections of the patterns' own lemmas.
  expect_runtime_error_only([&] { use(VerbLexicon::load(tsv, tsv, codebook)); });
  // ... and as the other event tables (future_codes.tsv, statement_cues.tsv)
  expect_runtime_error_only([&] { FutureCodes::check(tsv, codebook); });
  expect_runtime_error_only([&] { (void)FutureCodes::load(tsv, codebook).intent_of("0841"); });
  expect_runtime_error_only([&] { StatementCues::check(tsv, codebook); });
  expect_runtime_error_only([&] { (void)StatementCues::load(tsv, codebook).code_of("illegal"); });
}

// 4c. data/events/codebook.tsv, then a small lexicon checked against it.
inline void codebook_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const std::string tsv = write_file("codebook.tsv", bytes);
  const std::string verbs = write_file("verbs.tsv",
                                       "010\tsay\tsay\tRussia said\n"
                                       "042\tvisit $\t\tvisited\n"
                                       "190\tattack $\t\tattacked\n"
                                       "1411\tdemonstrate against $\t\tprotested\n");
  const std::string empty = write_file("empty.tsv", "");
  expect_runtime_error_only([&] {
    const Codebook c = Codebook::load(tsv);
    for (const char* code : {"01", "010", "042", "190", "1411", "", "0", "9999"}) {
      DYAD_FUZZ_CHECK((c.find(code) != nullptr) == c.contains(code), "find and contains disagree");
    }
    expect_runtime_error_only([&] { VerbLexicon::check(verbs, empty, c); });
    expect_runtime_error_only([&] {
      const VerbLexicon lex = VerbLexicon::load(verbs, empty, c);
      for (const auto& code : lex.codes()) DYAD_FUZZ_CHECK(c.contains(code), "lexicon code outside the codebook");
    });
  });
}

// 4d. data/text/abbreviations.tsv and boilerplate.tsv, then the splitter and tokenizer
// built on them, on a probe text and on the input itself.
inline void text_lists_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const std::string tsv = write_file("input.tsv", bytes);
  const TextState& real = text_state();
  std::string text = "Gen. Smith met Mr. Jones in the U.S. on Jan. 5. He left.\nSource link\n";
  text.append(probe_text(bytes));
  expect_runtime_error_only([&] {
    const Abbreviations a = Abbreviations::load(tsv);
    a.kind("Gen.");
    a.kind("");
    const Tokenizer tokenizer(&a);
    check_tokens(tokenizer.tokenize(text), Span{0, static_cast<uint32_t>(text.size())}, text.size(), "tokenizer");
    static const auto boilerplate = SentenceSplitter::load_boilerplate(data_dir() + "/text/boilerplate.tsv");
    const SentenceSplitter splitter(&a, boilerplate);
    check_sentences(splitter.split(text), text.size(), kSplitterMaxTokens);
  });
  expect_runtime_error_only([&] {
    const SentenceSplitter splitter(&real.abbreviations, SentenceSplitter::load_boilerplate(tsv));
    check_sentences(splitter.split(text), text.size(), kSplitterMaxTokens);
  });
}

// ---------------------------------------------------------------- 5. model files

inline void load_model_file(const std::string& path) {
  using namespace dyad::syntax;
  auto guarded = [](auto&& fn) {
    try {
      fn();
    } catch (const std::runtime_error& e) {
      DYAD_FUZZ_CHECK(std::strlen(e.what()) > 0, "model error without a message");
    }
  };
  for (ModelKind k : {ModelKind::Tagger, ModelKind::Lemmatizer, ModelKind::Parser, ModelKind::Ner}) {
    guarded([&] {
      ModelReader r = ModelReader::open(path, k);
      for (uint32_t id = 0; id < 8; ++id)
        if (r.has(id)) {
          ByteReader b = r.section(id);
          (void)b.remaining();
        }
    });
  }
  guarded([&] { Tagger::load(path); });
  guarded([&] { Lemmatizer::load(path); });
  guarded([&] { Parser::load(path); });
  guarded([&] { ner::EntityRecognizer::load(path); });  // models/ner.bin
}

inline void model_header_one(const uint8_t* data, size_t size) {
  std::string bytes(as_view(data, size));
  load_model_file(write_file("model.bin", bytes));
  // With a valid checksum, so that the fuzzer gets past the CRC into the sections and
  // the tagger/lemmatizer/parser loaders.
  constexpr size_t kHeader = 24;
  if (bytes.size() >= kHeader && std::memcmp(bytes.data(), syntax::kModelMagic, 8) == 0) {
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + kHeader),
                static_cast<uInt>(bytes.size() - kHeader));
    const uint32_t c = static_cast<uint32_t>(crc);
    std::memcpy(bytes.data() + 20, &c, 4);
    load_model_file(write_file("model.bin", bytes));
  }
}

// ---------------------------------------------------------------- 6. context files
// The where-and-when knowledge files (EventContext): data/geo/*.tsv with
// data/actors/countries.tsv (the Gazetteer), data/context/dates.tsv (the DateResolver),
// and data/ner/org_cues.tsv (read by the NER trainer and `dyad dict check`).

// The real verb lexicon, to give the probe sentences events to date and place.
inline const EventCoder& real_event_coder() {
  static const auto s = [] {
    struct State {
      VerbLexicon lexicon;
      std::unique_ptr<EventCoder> coder;
    };
    auto st = std::make_unique<State>();
    st->lexicon = VerbLexicon::load(data_dir() + "/events/verbs.tsv", data_dir() + "/events/inflections.tsv",
                                    real_codebook());
    st->coder = std::make_unique<EventCoder>(&st->lexicon);
    return st;
  }();
  return *s->coder;
}

inline constexpr const char* kContextProbe =
    "KYIV, Ukraine (AP) — Russian forces attacked Kyiv on Tuesday. Ships were attacked in the Red "
    "Sea last week. Iran protested in Tehran two days ago. Troops clashed near Goma in March. "
    "China condemned the attack on March 3, 2024. Protesters demonstrated outside the White House "
    "yesterday. Israel attacked Gaza City 3 weeks ago, and Hamas attacked Israel in 2023.";

// A coded probe document: the context probe, then the input (probe_text), split, its
// actors recognised with the real dictionary and events coded with the real lexicon.
inline Document coded_context_probe(std::string_view bytes, const std::string& date) {
  const TextState& st = text_state();
  Document doc;
  doc.id = "probe";
  doc.date = date;
  doc.text = std::string(kContextProbe) + " " + probe_text(bytes);
  doc.sentences = st.splitter->split(doc.text);
  Coreference coref;
  for (Sentence& s : doc.sentences) {
    actor_state().recognizer->recognize(doc.text, s, doc.date, coref);
    real_event_coder().code(s);
  }
  return doc;
}

// Dates and places an EventContext wrote: in range, naming the text.
inline void check_context(const Document& doc) {
  check_sentences(doc.sentences, doc.text.size(), 0);
  check_coded(doc);
  for (const Sentence& s : doc.sentences)
    for (const Event& e : s.events) {
      int64_t days = 0;
      if (!e.date_resolution.empty())
        DYAD_FUZZ_CHECK(parse_iso_date(e.date, days), "event date '" + e.date + "' is not a valid YYYY-MM-DD");
      if (e.location) {
        const Location& l = *e.location;
        DYAD_FUZZ_CHECK(!l.name.empty(), "location without a name");
        DYAD_FUZZ_CHECK(l.span.begin < l.span.end && l.span.end <= doc.text.size(), "location span outside the text");
        DYAD_FUZZ_CHECK(std::isfinite(l.lat) && std::isfinite(l.lon) && std::fabs(l.lat) <= 90 && std::fabs(l.lon) <= 180,
                        "location coordinates out of range");
      }
    }
}

// 6a. Gazetteer + LocationResolver. The input replaces each of the four files in turn,
// the three others being a small valid set (scratch geo-<k>/), with the real dates.tsv.
inline constexpr const char* kGeoFiles[] = {"geo/countries.tsv", "geo/regions.tsv", "geo/words.tsv",
                                            "actors/countries.tsv"};
inline constexpr const char* kMiniGeo[] = {
    // geo/countries.tsv
    "CHN\tCN\t35\t105\tChina\nUKR\tUA\t49\t32\tUkraine\nUSA\tUS\t38\t-97\tUnited States\n"
    "RUS\tRU\t60\t100\tRussia\nPSE\tPS\t31.9\t35.2\tPalestine\nCOD\tCD\t-2.5\t23.5\tCongo\n"
    "IRN\tIR\t32\t53\tIran\nISR\tIL\t31.5\t34.75\tIsrael\n",
    // geo/regions.tsv
    "sea\tRed Sea\t---\t20.0\t38.5\nregion\tGaza|Gaza Strip\tPSE\t31.4\t34.4\n"
    "city\tGaza City\tPSE\t31.5\t34.47\ncity\tKyiv|Kiev\tUKR\t50.45\t30.52\n"
    "city\tGoma\tCOD\t-1.68\t29.23\nsite\tWhite House\tUSA\t38.9\t-77.04\n",
    // geo/words.tsv
    "locative\tin|near|at|outside\nignore\tOf|Man|Police\n",
    // actors/countries.tsv
    "country\tCHN\tChina|People's Republic of China\ncapital\tCHNGOV\tBeijing\ncountry\tUKR\tUkraine\n"
    "capital\tUKRGOV\tKyiv|Kiev\ncountry\tUSA\tUnited States|U.S.|US|America\ncapital\tUSAGOV\tWashington\n"
    "country\tRUS\tRussia|Russian Federation\nadj\tRUS\tRussian\ncountry\tIRN\tIran\ncapital\tIRNGOV\tTehran\n"
    "country\tPSE\tPalestine\ncountry\tISR\tIsrael\ncountry\tCOD\tCongo|DR Congo\ncountry\tEUR\tEurope\n",
};

inline std::string slurp_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// scratch/geo-<k>/: the small set, context/dates.tsv the real one (written once).
inline const std::string& geo_dir(size_t k) {
  static const auto dirs = [] {
    std::vector<std::string> out;
    const std::string dates = slurp_file(data_dir() + "/context/dates.tsv");
    for (size_t r = 0; r < std::size(kGeoFiles); ++r) {
      const std::string d = "geo-" + std::to_string(r);
      for (const char* sub : {"/geo", "/actors", "/context"})
        std::filesystem::create_directories(scratch_dir() + "/" + d + sub);
      for (size_t f = 0; f < std::size(kGeoFiles); ++f) write_file(d + "/" + kGeoFiles[f], kMiniGeo[f]);
      write_file(d + "/context/dates.tsv", dates);
      out.push_back(scratch_dir() + "/" + d);
    }
    return out;
  }();
  return dirs[k];
}

inline void use_gazetteer(const Gazetteer& g, const std::vector<Token>& toks) {
  for (size_t id = 0; id < g.size(); ++id) {
    const Place& p = g.place(static_cast<uint32_t>(id));
    DYAD_FUZZ_CHECK(!p.kind.empty() && !p.where.empty(), "place without a kind or origin");
    DYAD_FUZZ_CHECK(std::isfinite(p.lat) && std::isfinite(p.lon) && std::fabs(p.lat) <= 90 && std::fabs(p.lon) <= 180,
                    "place coordinates out of range");
  }
  for (size_t i = 0; i < toks.size(); ++i) {
    const Gazetteer::Match m = g.longest_match(toks, i);
    if (m.length) {
      DYAD_FUZZ_CHECK(i + m.length <= toks.size(), "place match past the last token");
      DYAD_FUZZ_CHECK(m.places && !m.places->empty(), "place match without places");
      for (uint32_t id : *m.places) DYAD_FUZZ_CHECK(id < g.size(), "place id out of range");
      const auto* same = g.find(toks, i, i + m.length);
      DYAD_FUZZ_CHECK(same && !same->empty(), "find() misses what longest_match() found");
    }
    if (const auto* f = g.find(toks, i, std::min(toks.size(), i + 3)))
      for (uint32_t id : *f) DYAD_FUZZ_CHECK(id < g.size(), "place id out of range (find)");
  }
}

inline void gazetteer_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const TextState& st = text_state();
  Document probe = coded_context_probe(bytes, "2024-03-01");
  const auto toks = st.tokenizer->tokenize(probe.text);
  for (size_t k = 0; k < std::size(kGeoFiles); ++k) {
    const std::string& dir = geo_dir(k);
    const std::string name = "geo-" + std::to_string(k) + "/" + kGeoFiles[k];
    write_file(name, bytes);
    struct Restore {  // the small set again, even when a check throws (regression test)
      const std::string& name;
      const char* content;
      ~Restore() { write_file(name, content); }
    } restore{name, kMiniGeo[k]};
    // check() is load() plus the checks of the two countries files.
    if (k == 0 || k == 3)
      expect_runtime_error_only([&] {
        for (const auto& p : Gazetteer::check(dir, *st.tokenizer)) DYAD_FUZZ_CHECK(!p.empty(), "empty problem");
      });
    expect_runtime_error_only([&] {
      const auto ctx = EventContext::load(dir, *st.tokenizer, /*with_geonames=*/false);
      use_gazetteer(ctx->gazetteer(), toks);
      Document doc = probe;
      ctx->annotate(doc);
      check_context(doc);
      const auto dl = ctx->locations().dateline(doc);
      DYAD_FUZZ_CHECK(dl.end <= doc.text.size(), "dateline ends past the text");
      std::vector<LocationResolver::Candidate> cands;
      for (const Sentence& s : doc.sentences) {
        cands.clear();
        ctx->locations().find(s, cands);
        for (const auto& c : cands) {
          DYAD_FUZZ_CHECK(c.first <= c.last && c.last < s.tokens.size(), "candidate tokens out of range");
          DYAD_FUZZ_CHECK(c.place < ctx->gazetteer().size(), "candidate place out of range");
        }
      }
    });
  }
}

// 6b. data/context/dates.tsv (DateResolver) and data/ner/org_cues.tsv.
inline void context_lists_one(const uint8_t* data, size_t size) {
  const auto bytes = as_view(data, size);
  const std::string tsv = write_file("input.tsv", bytes);
  expect_runtime_error_only([&] {
    for (const auto& p : DateResolver::check(tsv)) DYAD_FUZZ_CHECK(!p.empty(), "empty problem");
  });
  expect_runtime_error_only([&] {
    const DateResolver dates = DateResolver::load(tsv);
    const Document probe = coded_context_probe(bytes, "2024-03-01");
    for (const char* date : {"2024-03-01", "2023-01-02", "1900-01-01", "", "2024-02-30"}) {
      Document doc = probe;
      doc.date = date;
      int64_t article = INT64_MIN;
      if (!parse_iso_date(date, article)) article = INT64_MIN;
      std::vector<DateResolver::Expression> exprs;
      for (Sentence& s : doc.sentences) {
        exprs.clear();
        dates.find(s, article, exprs);
        for (const auto& x : exprs) {
          DYAD_FUZZ_CHECK(x.first <= x.last && x.last < s.tokens.size(), "date phrase tokens out of range");
          DYAD_FUZZ_CHECK(x.head < s.tokens.size(), "date phrase head out of range");
          DYAD_FUZZ_CHECK(x.precision >= 1 && x.precision <= 4, "date phrase precision out of range");
        }
        if (s.events.empty() && !s.tokens.empty()) {  // one event per sentence at least
          Event e;
          e.code = "010";
          e.trigger_first = e.trigger_last = static_cast<uint32_t>(s.tokens.size() / 2);
          s.events.push_back(e);
        }
        dates.resolve(s, doc.date);
      }
      check_context(doc);
    }
  });
  expect_runtime_error_only([&] {
    const auto cues = ner::read_org_cues(tsv);
    ner::Gazetteer g;
    for (const auto& c : cues) {
      DYAD_FUZZ_CHECK(!c.empty() && c.find(' ') == std::string::npos, "org cue empty or of several words");
      g.add({c}, ner::GazType::OrgCue);
    }
    g.finish();
    const std::string text = probe_text(bytes);
    const auto toks = text_state().tokenizer->tokenize(text);
    std::vector<std::string_view> forms;
    for (const auto& t : toks) forms.push_back(t.form);
    std::vector<ner::GazMask> masks;
    g.match(forms, masks);
    DYAD_FUZZ_CHECK(masks.size() == forms.size(), "one gazetteer mask per token");
  });
}

}  // namespace dyad::fuzz
