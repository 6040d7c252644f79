#include "dyad/syntax/model_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/io/conllu.h"
#include "dyad/syntax/analyzer.h"
#include "dyad/syntax/lemmatizer_trainer.h"
#include "dyad/syntax/parser_trainer.h"
#include "dyad/syntax/tagger_trainer.h"
#include "fixture.h"

namespace dyad::syntax {
namespace {

namespace fs = std::filesystem;

std::string temp_dir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("dyad_syntax_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::vector<Sentence> fixture_sentences() {
  std::vector<Sentence> out;
  for (auto& cs : read_conllu_string(testing::kFixtureConllu)) out.push_back(cs.sentence);
  return out;
}

// Trains the three fixture models into dir (about a second).
void train_fixture(const std::string& dir) {
  auto train = fixture_sentences();
  TaggerTrainOptions topt;
  topt.epochs = 10;
  topt.ambiguity_min_count = 1;
  topt.prune = 0;
  train_tagger(train, {}, topt).save(dir + "/" + kTaggerFile, "fixture");
  train_lemmatizer(train).save(dir + "/" + kLemmatizerFile, "fixture");
  ParserTrainOptions popt;
  popt.epochs = 10;
  popt.min_updates = 1;
  popt.prune = 0;
  train_parser(train, {}, popt).save(dir + "/" + kParserFile, "fixture");
}

Sentence forms_only(const Sentence& g) {
  Sentence s;
  for (const Token& t : g.tokens) {
    Token x;
    x.form = t.form;
    s.tokens.push_back(x);
  }
  return s;
}

class FixtureModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(temp_dir("fixture"));
    train_fixture(*dir_);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string* dir_;
};
std::string* FixtureModel::dir_ = nullptr;

TEST_F(FixtureModel, LearnsItsTrainingSentences) {
  // A few seconds of training on a handful of sentences: nearly all of them right
  // (the perceptron is averaged, so a rare word may still be missed).
  Analyzer a = Analyzer::load(*dir_);
  size_t total = 0, tags = 0, lemmas = 0, arcs = 0;
  for (const Sentence& g : fixture_sentences()) {
    Sentence s = forms_only(g);
    a.analyze(s);
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      ++total;
      tags += s.tokens[i].upos == g.tokens[i].upos && s.tokens[i].xpos == g.tokens[i].xpos;
      lemmas += s.tokens[i].lemma == g.tokens[i].lemma;
      arcs += s.tokens[i].head == g.tokens[i].head && s.tokens[i].deprel == g.tokens[i].deprel;
    }
  }
  EXPECT_GE(tags * 10, total * 9);
  EXPECT_GE(lemmas * 10, total * 9);
  EXPECT_GE(arcs * 10, total * 8);
}

TEST_F(FixtureModel, SaveLoadRoundTripGivesTheSameOutput) {
  Analyzer a = Analyzer::load(*dir_);
  const std::string copy = temp_dir("copy");
  a.tagger().save(copy + "/" + kTaggerFile, "copy");
  a.lemmatizer().save(copy + "/" + kLemmatizerFile, "copy");
  a.parser().save(copy + "/" + kParserFile, "copy");
  Analyzer b = Analyzer::load(copy);
  for (const char* f : {kTaggerFile, kLemmatizerFile, kParserFile}) {
    std::ifstream x(*dir_ + "/" + f, std::ios::binary), y(copy + "/" + f, std::ios::binary);
    std::string bx((std::istreambuf_iterator<char>(x)), {}), by((std::istreambuf_iterator<char>(y)), {});
    // same bytes apart from the provenance text
    EXPECT_EQ(bx.size() - std::string("fixture").size(), by.size() - std::string("copy").size()) << f;
  }
  Sentence s1 = forms_only(fixture_sentences()[2]), s2 = s1;
  a.analyze(s1);
  b.analyze(s2);
  for (size_t i = 0; i < s1.tokens.size(); ++i) {
    EXPECT_EQ(s1.tokens[i].head, s2.tokens[i].head);
    EXPECT_EQ(s1.tokens[i].deprel, s2.tokens[i].deprel);
    EXPECT_EQ(s1.tokens[i].xpos, s2.tokens[i].xpos);
  }
  fs::remove_all(copy);
}

TEST_F(FixtureModel, TrainingIsDeterministic) {
  const std::string again = temp_dir("again");
  train_fixture(again);
  for (const char* f : {kTaggerFile, kLemmatizerFile, kParserFile}) {
    std::ifstream x(*dir_ + "/" + f, std::ios::binary), y(again + "/" + f, std::ios::binary);
    std::string bx((std::istreambuf_iterator<char>(x)), {}), by((std::istreambuf_iterator<char>(y)), {});
    EXPECT_EQ(bx, by) << f;
  }
  fs::remove_all(again);
}

std::string load_error(const std::string& dir) {
  try {
    Analyzer::load(dir);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST_F(FixtureModel, BadFilesGiveClearErrors) {
  const std::string bad = temp_dir("bad");
  auto copy_all = [&] {
    for (const char* f : {kTaggerFile, kLemmatizerFile, kParserFile})
      fs::copy_file(*dir_ + "/" + f, bad + "/" + f, fs::copy_options::overwrite_existing);
  };
  // missing file
  copy_all();
  fs::remove(bad + "/" + kParserFile);
  EXPECT_FALSE(Analyzer::available(bad));
  EXPECT_NE(load_error(bad).find("not found"), std::string::npos) << load_error(bad);
  // missing directory
  EXPECT_NE(load_error(bad + "/nowhere").find("not found"), std::string::npos);
  // truncated at many points
  copy_all();
  const std::string path = bad + "/" + kParserFile;
  const auto size = fs::file_size(path);
  for (auto cut : {size_t{0}, size_t{5}, size_t{20}, size_t{30}, static_cast<size_t>(size / 2),
                   static_cast<size_t>(size - 1)}) {
    copy_all();
    fs::resize_file(path, cut);
    std::string err = load_error(bad);
    EXPECT_NE(err.find(path), std::string::npos) << cut << ": " << err;
  }
  // another format version
  copy_all();
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);
    uint32_t v = kModelFormatVersion + 1;
    f.write(reinterpret_cast<const char*>(&v), 4);
  }
  EXPECT_NE(load_error(bad).find("version"), std::string::npos) << load_error(bad);
  // a model of another kind in place of the parser
  copy_all();
  fs::copy_file(bad + "/" + kTaggerFile, path, fs::copy_options::overwrite_existing);
  EXPECT_NE(load_error(bad).find("another kind"), std::string::npos) << load_error(bad);
  // a flipped byte in the body
  copy_all();
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(size / 2));
    char c;
    f.read(&c, 1);
    f.seekp(static_cast<std::streamoff>(size / 2));
    c = static_cast<char>(c ^ 0x5a);
    f.write(&c, 1);
  }
  EXPECT_NE(load_error(bad).find("checksum"), std::string::npos) << load_error(bad);
  fs::remove_all(bad);
}

TEST(ByteReader, RejectsOversizedArrays) {
  ByteWriter w;
  w.u64(uint64_t{1} << 60);
  ByteReader r(w.data(), "test");
  EXPECT_THROW(r.vec<uint32_t>(), std::runtime_error);
}

}  // namespace
}  // namespace dyad::syntax
