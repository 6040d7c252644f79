#include "dyad/ner/entity_recognizer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dyad/ner/entity_recognizer_trainer.h"
#include "dyad/ner/iob2.h"
#include "dyad/ner/ner_evaluation.h"
#include "dyad/syntax/analyzer.h"
#include "dyad/syntax/perceptron_trainer.h"
#include "dyad/text/tokenizer.h"
#include "test_support.h"

namespace dyad::ner {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFixture = R"(# sent_id = n1
# text = Obama met Putin in Moscow .
1	Obama	B-PER
2	met	O
3	Putin	B-PER
4	in	O
5	Moscow	B-LOC
6	.	O

# sent_id = n2
1	The	O
2	United	B-ORG
3	Nations	I-ORG
4	sent	O
5	aid	O
6	to	O
7	Gaza	B-LOC
8	.	O

# sent_id = n3
1	John	B-PER
2	Smith	I-PER
3	works	O
4	for	O
5	Google	B-ORG
6	in	O
7	Paris	B-LOC
8	.	O

# sent_id = n4
1	Mary	B-PER
2	visited	O
3	the	O
4	American	B-OTH
5	embassy	O
6	in	O
7	Berlin	B-LOC
8	.	O
)";

std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("dyad_ner_test_" + name + "_" + std::to_string(::getpid()))).string();
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

Gazetteer fixture_gazetteer() {
  Gazetteer g;
  g.add({"Moscow"}, GazType::Capital);
  g.add({"United", "Nations"}, GazType::Organization);
  g.finish();
  return g;
}

EntityRecognizer train_fixture() {
  NerTrainOptions opt;
  opt.epochs = 5;
  opt.use_pos = false;
  opt.prune = 0;
  return train_entity_recognizer(read_iob2_string(kFixture, "fixture"), {}, fixture_gazetteer(), opt);
}

std::string load_error(const std::string& path) {
  try {
    EntityRecognizer::load(path);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(Iob2, ReadsSentencesAndSpans) {
  auto v = read_iob2_string(kFixture, "fixture");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].sentence.tokens.size(), 6u);
  EXPECT_EQ(v[0].sentence.tokens[4].form, "Moscow");
  EXPECT_EQ(v[1].entities, (std::vector<EntitySpan>{{1, 2, EntityType::Org}, {6, 6, EntityType::Loc}}));
  EXPECT_EQ(v[3].entities[1], (EntitySpan{3, 3, EntityType::Other}));
}

TEST(Iob2, StrayTagsAndErrors) {
  // UNER's "B-O" is O; an I- after O starts an entity (conlleval).
  auto v = read_iob2_string("1\ta\tB-O\n2\tb\tI-LOC\n3\tc\tI-LOC\n4\td\tB-PER\n5\te\tI-ORG\n", "x");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].entities, (std::vector<EntitySpan>{
                               {1, 2, EntityType::Loc}, {3, 3, EntityType::Per}, {4, 4, EntityType::Org}}));
  try {
    read_iob2_string("1\ta\tO\n2\tb\tB-XYZ\n", "bad.iob2");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "bad.iob2:2: unknown tag 'B-XYZ'");
  }
  EXPECT_THROW(read_iob2_string("1\tonly-two\n", "bad.iob2"), std::runtime_error);
  EXPECT_THROW(read_iob2_file("/nonexistent/x.iob2"), std::runtime_error);
}

TEST(EntityTypes, BioAndBilouRoundTrip) {
  std::vector<EntitySpan> spans{{0, 1, EntityType::Per}, {2, 2, EntityType::Per}, {4, 6, EntityType::Loc}};
  auto bio = spans_to_bio(spans, 8);
  EXPECT_EQ(bio, (std::vector<uint8_t>{1, 2, 1, 0, 5, 6, 6, 0}));
  EXPECT_EQ(bio_to_spans(bio), spans);
  auto bilou = spans_to_classes(spans, 8);
  EXPECT_EQ(bilou, (std::vector<uint8_t>{1, 3, 4, 0, 9, 10, 11, 0}));
  EXPECT_EQ(classes_to_spans(bilou), spans);
  // Ill-formed sequences still give spans: I without B starts one, B without L ends.
  EXPECT_EQ(classes_to_spans({2, 0, 1, 1}),
            (std::vector<EntitySpan>{{0, 0, EntityType::Per}, {2, 2, EntityType::Per}, {3, 3, EntityType::Per}}));
}

TEST(EntityTypes, OnlyWellFormedBilouTransitions) {
  const int b_org = bilou_class(EntityType::Org, Bilou::Begin), i_org = bilou_class(EntityType::Org, Bilou::Inside);
  const int l_org = bilou_class(EntityType::Org, Bilou::Last), u_per = bilou_class(EntityType::Per, Bilou::Unit);
  EXPECT_FALSE(class_allowed(-1, i_org));
  EXPECT_TRUE(class_allowed(-1, b_org));
  EXPECT_FALSE(class_allowed(b_org, 0));
  EXPECT_FALSE(class_allowed(b_org, bilou_class(EntityType::Per, Bilou::Last)));
  EXPECT_TRUE(class_allowed(b_org, l_org));
  EXPECT_TRUE(class_allowed(i_org, i_org));
  EXPECT_TRUE(class_allowed(l_org, u_per));
  EXPECT_FALSE(class_allowed(i_org, -1));  // an entity may not stay open at the end
  EXPECT_TRUE(class_allowed(u_per, -1));
}

TEST(NerScores, EntityLevelMicroAverage) {
  NerScores s;
  s.add({{0, 1, EntityType::Per}, {3, 3, EntityType::Loc}, {5, 5, EntityType::Other}},
        {{0, 1, EntityType::Per}, {3, 4, EntityType::Loc}, {6, 6, EntityType::Org}});
  EXPECT_EQ(s.type(EntityType::Per).tp, 1u);
  EXPECT_EQ(s.type(EntityType::Loc).fn, 1u);
  EXPECT_EQ(s.type(EntityType::Loc).fp, 1u);
  EXPECT_EQ(s.type(EntityType::Org).fp, 1u);
  EXPECT_NEAR(s.overall().precision(), 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.overall().recall(), 1.0 / 2, 1e-9);
  EXPECT_NE(s.report().find("overall"), std::string::npos);
}

TEST(Gazetteer, MarksPositionsCaseInsensitively) {
  Gazetteer g = fixture_gazetteer();
  std::vector<GazMask> m;
  g.match({"the", "united", "NATIONS", "and", "Moscow"}, m);
  const int org = static_cast<int>(GazType::Organization), cap = static_cast<int>(GazType::Capital);
  EXPECT_EQ(m[0], 0u);
  EXPECT_EQ(m[1], GazMask{1} << (4 * org + 1));
  EXPECT_EQ(m[2], GazMask{1} << (4 * org + 3));
  EXPECT_EQ(m[4], GazMask{1} << (4 * cap));
}

TEST(Gazetteer, BuiltFromTheProjectsLists) {
  if (!std::filesystem::exists(kDefaultWordList)) GTEST_SKIP() << "no " << kDefaultWordList;
  Gazetteer g = build_gazetteer(test::data_dir() + "/actors", test::abbreviations());
  std::vector<GazMask> m;
  g.match({"Barack", "Obama", "visited", "Moscow", "and", "florida"}, m);
  auto has = [&](size_t i, GazType t, int pos) { return (m[i] >> (4 * static_cast<int>(t) + pos)) & 1; };
  EXPECT_TRUE(has(0, GazType::Person, 1));
  EXPECT_TRUE(has(1, GazType::Person, 3));
  EXPECT_TRUE(has(1, GazType::PersonWord, 0));
  EXPECT_TRUE(has(3, GazType::Capital, 0));
  EXPECT_TRUE(has(5, GazType::Region, 0));
  EXPECT_TRUE(has(5, GazType::WordCapital, 0));
  EXPECT_TRUE(has(2, GazType::WordLower, 0));
  EXPECT_FALSE(has(2, GazType::WordCapital, 0));
}

TEST(EntityRecognizer, FixtureLearnsSaveLoadRoundTripAndDeterminism) {
  EntityRecognizer r = train_fixture();
  auto data = read_iob2_string(kFixture, "fixture");
  NerScores scores;
  for (const auto& ls : data) scores.add(ls.entities, r.recognize(ls.sentence));
  EXPECT_GE(scores.overall().f1(), 0.9);

  const std::string a = temp_path("a"), b = temp_path("b");
  r.save(a, "fixture", {data[0].sentence, data[2].sentence});
  EntityRecognizer loaded = EntityRecognizer::load(a);
  for (const auto& ls : data) EXPECT_EQ(loaded.classes(ls.sentence), r.classes(ls.sentence));
  train_fixture().save(b, "fixture", {data[0].sentence, data[2].sentence});
  EXPECT_EQ(read_bytes(a), read_bytes(b));  // same data and seed, same bytes
  fs::remove(a);
  fs::remove(b);
}

TEST(PerceptronTrainer, EnsembleAveragesTheMembersWeights) {
  // Two trainers that disagree; the folded model scores as the mean of the two.
  syntax::PerceptronTrainer a(3), b(3);
  // Hashed keys, as features are (the model tells rows apart by their high 32 bits).
  const uint64_t k11 = syntax::feat(1, 11), k12 = syntax::feat(1, 12), k13 = syntax::feat(1, 13);
  const uint64_t f1[] = {k11, k12}, f2[] = {k12, k13};
  a.update(f1, 2, 0, 1);
  a.tick();
  a.update(f2, 2, 2, 0);
  a.tick();
  b.update(f2, 2, 1, 2);
  b.tick();
  b.tick();
  const syntax::LinearModel ma = a.averaged(0), mb = b.averaged(0);
  const syntax::LinearModel both = syntax::PerceptronTrainer::averaged({&a, &b}, 0);
  for (const uint64_t f : {k11, k12, k13}) {
    float sa[3], sb[3], sm[3];
    ma.score(&f, 1, sa);
    mb.score(&f, 1, sb);
    both.score(&f, 1, sm);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(sm[c], (sa[c] + sb[c]) / 2, 1e-3) << c;
  }
  // One member: the same weights as the trainer's own average.
  const syntax::LinearModel one = syntax::PerceptronTrainer::averaged({&a}, 0);
  float s1[3], s2[3];
  one.score(f1, 2, s1);
  ma.score(f1, 2, s2);
  for (int c = 0; c < 3; ++c) EXPECT_FLOAT_EQ(s1[c], s2[c]);
}

TEST(EntityRecognizer, EnsembleDoesNotDependOnThreadsAndRoundTrips) {
  auto data = read_iob2_string(kFixture, "fixture");
  auto train = [&](int ensemble, int threads) {
    NerTrainOptions opt;
    opt.epochs = 4;
    opt.prune = 0;
    opt.ensemble = ensemble;
    opt.threads = threads;
    return train_entity_recognizer(data, {}, fixture_gazetteer(), opt);
  };
  const std::string a = temp_path("ens_a"), b = temp_path("ens_b"), c = temp_path("ens_c");
  const EntityRecognizer r = train(3, 1);
  r.save(a, "fixture", {data[0].sentence});
  train(3, 2).save(b, "fixture", {data[0].sentence});
  EXPECT_EQ(read_bytes(a), read_bytes(b));  // members are independent of the thread that ran them
  train(1, 1).save(c, "fixture", {data[0].sentence});
  EXPECT_NE(read_bytes(a), read_bytes(c));  // three members are not one
  const EntityRecognizer loaded = EntityRecognizer::load(a);
  NerScores scores;
  for (const auto& ls : data) {
    EXPECT_EQ(loaded.classes(ls.sentence), r.classes(ls.sentence));
    scores.add(ls.entities, loaded.recognize(ls.sentence));
  }
  EXPECT_GE(scores.overall().f1(), 0.9);
  fs::remove(a);
  fs::remove(b);
  fs::remove(c);
}

TEST(EntityRecognizer, RetrainWithDevKeepsTheChosenBiases) {
  auto data = read_iob2_string(kFixture, "fixture");
  NerTrainOptions opt;
  opt.epochs = 3;
  opt.prune = 0;
  opt.ensemble = 2;
  const EntityRecognizer chosen = train_entity_recognizer({data[0], data[2]}, {data[1], data[3]},
                                                          fixture_gazetteer(), opt);
  opt.retrain_with_dev = true;
  const EntityRecognizer again = train_entity_recognizer({data[0], data[2]}, {data[1], data[3]},
                                                         fixture_gazetteer(), opt);
  EXPECT_EQ(again.outside_penalty(), chosen.outside_penalty());
  for (EntityType t : {EntityType::Per, EntityType::Org, EntityType::Loc})
    EXPECT_EQ(again.type_bias(t), chosen.type_bias(t));
  // Trained on the dev sentences too: it knows them.
  NerScores scores;
  for (const auto& ls : data) scores.add(ls.entities, again.recognize(ls.sentence));
  EXPECT_GE(scores.overall().f1(), 0.9);
}

TEST(EntityRecognizer, BadFilesGiveClearErrors) {
  const std::string good = temp_path("good"), bad = temp_path("bad");
  auto data = read_iob2_string(kFixture, "fixture");
  train_fixture().save(good, "fixture", {data[0].sentence});
  const std::string bytes = read_bytes(good);

  EXPECT_NE(load_error("/nonexistent/ner.bin").find("NER model /nonexistent/ner.bin: file not found"),
            std::string::npos);
  write_bytes(bad, bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(load_error(bad).find("checksum mismatch"), std::string::npos) << load_error(bad);
  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x55;
  write_bytes(bad, flipped);
  EXPECT_NE(load_error(bad).find(bad), std::string::npos);
  std::string version = bytes;
  version[8] = 99;  // format version
  write_bytes(bad, version);
  EXPECT_NE(load_error(bad).find("version"), std::string::npos);
  write_bytes(bad, "garbage");
  EXPECT_NE(load_error(bad).find("bad magic"), std::string::npos);
  const std::string tagger = syntax::Analyzer::default_model_dir() + "/" + syntax::kTaggerFile;
  if (fs::exists(tagger)) {
    EXPECT_NE(load_error(tagger).find("another kind (tagger)"), std::string::npos);
  }
  fs::remove(good);
  fs::remove(bad);
}

// The shipped model on news sentences, tagged by the shipped Analyzer.
class ShippedNer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = syntax::Analyzer::default_model_dir();
    if (!syntax::Analyzer::available(dir) || !fs::exists(dir + "/" + kNerModelFile)) return;
    analyzer_ = new syntax::Analyzer(syntax::Analyzer::load(dir));
    ner_ = new EntityRecognizer(EntityRecognizer::load(dir + "/" + kNerModelFile));
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete ner_;
    analyzer_ = nullptr;
    ner_ = nullptr;
  }
  // "PER[Abbas Araghchi] LOC[Tehran]" for a raw sentence.
  static std::string entities(const std::string& text) {
    static const Tokenizer tokenizer(&test::abbreviations());
    Sentence s;
    s.tokens = tokenizer.tokenize(text);
    analyzer_->analyze(s);
    std::string out;
    for (const EntitySpan& e : ner_->recognize(s)) {
      if (!out.empty()) out += ' ';
      out += std::string(entity_type_name(e.type)) + "[";
      for (uint32_t i = e.first; i <= e.last; ++i) out += (i > e.first ? " " : "") + s.tokens[i].form;
      out += "]";
    }
    return out;
  }
  static syntax::Analyzer* analyzer_;
  static EntityRecognizer* ner_;
};
syntax::Analyzer* ShippedNer::analyzer_ = nullptr;
EntityRecognizer* ShippedNer::ner_ = nullptr;

TEST_F(ShippedNer, NewsSentences) {
  if (!ner_) GTEST_SKIP() << "no shipped models";
  std::string e = entities("Foreign Minister Abbas Araghchi met his Omani counterpart in Muscat on Sunday.");
  EXPECT_NE(e.find("PER[Abbas Araghchi]"), std::string::npos) << e;
  EXPECT_NE(e.find("LOC[Muscat]"), std::string::npos) << e;
  e = entities("The European Union imposed new sanctions on Russia, a spokesman said in Brussels.");
  EXPECT_NE(e.find("ORG[European Union]"), std::string::npos) << e;
  EXPECT_NE(e.find("LOC[Russia]"), std::string::npos) << e;
  EXPECT_NE(e.find("LOC[Brussels]"), std::string::npos) << e;
  e = entities("Police arrested John Mwangi, a member of the Kenya Human Rights Commission, in Nairobi.");
  EXPECT_NE(e.find("PER[John Mwangi]"), std::string::npos) << e;
  EXPECT_NE(e.find("LOC[Nairobi]"), std::string::npos) << e;
  EXPECT_EQ(entities("The talks ended without an agreement."), "");
}

}  // namespace
}  // namespace dyad::ner
