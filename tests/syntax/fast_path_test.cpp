// The run-time fast paths of the tagger and the linear model give exactly the results
// of the straightforward code they replace.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "dyad/syntax/linear_model.h"
#include "dyad/syntax/model_file.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {
namespace {

// Rows of every length (dense and sparse layouts), scored against a plain sum of the
// quantized weights.
TEST(LinearModelFastPath, ScoresEqualPlainSums) {
  for (uint32_t classes : {3u, 17u, 102u, 103u, 256u, 300u}) {
    std::mt19937_64 rng(classes);
    std::vector<LinearModel::Row> rows;
    for (uint32_t r = 0; r < 400; ++r) {
      LinearModel::Row row;
      row.key = rng() | 1;
      const uint32_t len = r < 40 ? classes : 1 + static_cast<uint32_t>(rng() % std::min(classes, 30u));
      std::vector<uint16_t> cls(classes);
      for (uint32_t c = 0; c < classes; ++c) cls[c] = static_cast<uint16_t>(c);
      std::shuffle(cls.begin(), cls.end(), rng);
      for (uint32_t j = 0; j < len; ++j)
        row.entries.emplace_back(cls[j], std::uniform_real_distribution<float>(-50, 50)(rng));
      rows.push_back(row);
    }
    const LinearModel m = LinearModel::build(classes, rows);
    // the same model after a save/load round trip
    ByteWriter w;
    m.save(w);
    const std::string bytes = w.take();
    ByteReader r(bytes, "test");
    const LinearModel loaded = LinearModel::load(r);
    float max_abs = 0;
    for (auto& row : rows)
      for (auto& e : row.entries) max_abs = std::max(max_abs, std::fabs(e.second));
    const float scale = max_abs / 32767.0f;
    for (int trial = 0; trial < 50; ++trial) {
      std::vector<uint64_t> feats;
      std::vector<int64_t> acc(classes, 0);
      for (int k = 0; k < 120; ++k) {
        if (rng() % 4 == 0) {
          feats.push_back(rng() | 1);  // absent
          continue;
        }
        const auto& row = rows[rng() % rows.size()];
        feats.push_back(row.key);
        std::vector<std::pair<uint16_t, float>> kept = row.entries;
        if (kept.size() > 255) {
          std::sort(kept.begin(), kept.end(), [](auto& a, auto& b) { return std::fabs(a.second) > std::fabs(b.second); });
          kept.resize(255);
        }
        for (auto [c, x] : kept) acc[c] += static_cast<int16_t>(std::lround(x / scale));
      }
      std::vector<float> got(classes), got_loaded(classes);
      m.score(feats.data(), feats.size(), got.data());
      loaded.score(feats.data(), feats.size(), got_loaded.data());
      for (uint32_t c = 0; c < classes; ++c) {
        const float want = 0.0f + static_cast<float>(acc[c]) * scale;
        ASSERT_EQ(got[c], want) << "classes " << classes << " class " << c;
        ASSERT_EQ(got_loaded[c], want) << "classes " << classes << " class " << c;
      }
    }
  }
}

// tagger_static_features + tagger_dynamic_features = tagger_features (as multisets).
TEST(TaggerFastPath, SplitFeaturesEqualAllFeatures) {
  AmbiguityClasses amb({{hash_bytes("the"), 7}, {hash_bytes("talks"), 9}});
  const std::vector<std::string> forms = {"The", "talks", "in", "Geneva", "ended", "on", "3", "May", "."};
  std::vector<WordAtoms> atoms;
  for (const auto& f : forms) atoms.push_back(word_atoms(f, amb));
  const int n = static_cast<int>(atoms.size());
  const uint64_t bucket = sentence_case_bucket(atoms.data(), n);
  const std::vector<int> first = {3, 1, 4, 1, 5, 9, 2, 6, 5};
  for (const int* fp : {static_cast<const int*>(nullptr), first.data()}) {
    for (int i = 0; i < n; ++i) {
      const int p1 = i > 0 ? (i * 7) % 11 : -1, p2 = i > 1 ? (i * 5) % 13 : -1;
      std::vector<uint64_t> all;
      tagger_features(atoms.data(), n, i, p1, p2, bucket, fp, all);
      uint64_t split[kMaxTaggerStatic + kMaxTaggerDynamic];
      size_t k = 0;
      tagger_static_features(atoms.data(), n, i, bucket, fp, split, k);
      ASSERT_LE(k, kMaxTaggerStatic);
      const size_t s = k;
      tagger_dynamic_features(atoms.data(), n, i, p1, p2, fp, split, k);
      ASSERT_LE(k - s, kMaxTaggerDynamic);
      std::vector<uint64_t> got(split, split + k);
      std::sort(all.begin(), all.end());
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, all) << "word " << i;
    }
  }
}

}  // namespace
}  // namespace dyad::syntax
