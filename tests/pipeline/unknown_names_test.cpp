#include "dyad/pipeline/unknown_names.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "dyad/pipeline/document_coder.h"
#include "test_support.h"

namespace dyad {
namespace {

Document coded(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.date = "2025-06-01";
  d.text = text;
  const DocumentCoder coder(&test::resources());
  coder.code(d);
  return d;
}

// The shipped recognizer, or null when the models are not there.
const ner::EntityRecognizer* shipped_ner() {
  static const std::unique_ptr<ner::EntityRecognizer> r = []() -> std::unique_ptr<ner::EntityRecognizer> {
    const std::string path = std::string(DYAD_SOURCE_DIR) + "/models/" + ner::kNerModelFile;
    if (!std::filesystem::exists(path)) return nullptr;
    return std::make_unique<ner::EntityRecognizer>(ner::EntityRecognizer::load(path));
  }();
  return r.get();
}

TEST(UnknownNames, RecognizerFindsTypedNamesNoDictionaryCovers) {
  const ner::EntityRecognizer* ner = shipped_ner();
  if (!ner) GTEST_SKIP() << "no models/ner.bin";
  const UnknownNameCollector collector(&test::resources().actors, ner);
  const Document d = coded("d1",
                           "Foreign Minister Zandor Kwelliban of Iran met Vladimir Putin in Moscow on Monday. "
                           "Kwelliban later visited Yekaterinburg.");
  const auto names = collector.find(d);
  std::vector<std::string> found;
  for (const auto& u : names) found.push_back(u.type + " " + u.name);
  // Iran, Vladimir Putin and Moscow are in the dictionaries; the role words are not names.
  EXPECT_EQ(found, (std::vector<std::string>{"PER Zandor Kwelliban", "PER Kwelliban", "LOC Yekaterinburg"}));
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0].sentence, "Foreign Minister Zandor Kwelliban of Iran met Vladimir Putin in Moscow on Monday.");
}

TEST(UnknownNames, WithoutRecognizerCapitalisedRunsOutsideMentions) {
  const UnknownNameCollector collector(&test::resources().actors, nullptr);
  const auto names = collector.find(coded("d1", "Iran said Zorbat Quillan met Iraq."));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].name, "Zorbat Quillan");
  EXPECT_EQ(names[0].type, "-");
}

TEST(UnknownNames, CountsAcrossDocumentsMostFrequentFirst) {
  UnknownNameCollector collector(&test::resources().actors, nullptr);
  collector.add("a", {{"Zorbat Quillan", "PER", "Zorbat Quillan said so."}});
  collector.add("b", {{"Acme Widgets", "ORG", "Acme Widgets grew."}, {"Acme Widgets", "LOC", "At Acme Widgets."}});
  collector.add("c", {{"Acme Widgets", "ORG", "Acme Widgets shrank."}});
  std::ostringstream out;
  collector.write(out);
  EXPECT_EQ(out.str(),
            "# name\tcount\tfirst_doc_id\ttype\texample_sentence\n"
            "Acme Widgets\t3\tb\tORG\tAcme Widgets grew.\n"
            "Zorbat Quillan\t1\ta\tPER\tZorbat Quillan said so.\n");
}

}  // namespace
}  // namespace dyad
