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

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_recognizer.h"
#include "dyad/core/document.h"
#include "dyad/core/utf8.h"
#include "dyad/events/codebook.h"
#include "dyad/events/event_coder.h"
#include "dyad/events/verb_lexicon.h"
#include "dyad/io/article_reader.h"
#include "dyad/io/event_writer.h"
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

// 4b. data/events/verbs.tsv + inflections.tsv, against the real codebook.
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
  for (ModelKind k : {ModelKind::Tagger, ModelKind::Lemmatizer, ModelKind::Parser}) {
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

}  // namespace dyad::fuzz
