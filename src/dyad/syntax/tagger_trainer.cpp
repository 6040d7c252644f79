#include "dyad/syntax/tagger_trainer.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <unordered_map>

#include "dyad/syntax/perceptron_trainer.h"

namespace dyad::syntax {

double tagger_accuracy(const Tagger& tagger, const std::vector<Sentence>& gold) {
  size_t right = 0, total = 0;
  std::vector<std::string_view> forms;
  std::vector<int> ids;
  for (const Sentence& s : gold) {
    forms.clear();
    for (const Token& t : s.tokens) forms.push_back(t.form);
    tagger.tag_ids(forms, ids);
    for (size_t i = 0; i < ids.size(); ++i) {
      right += tagger.xpos(ids[i]) == s.tokens[i].xpos && tagger.upos(ids[i]) == s.tokens[i].upos;
      ++total;
    }
  }
  return total ? static_cast<double>(right) / total : 0.0;
}

Tagger train_tagger(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const TaggerTrainOptions& opt) {
  // Classes, in a deterministic order.
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) class_of.emplace(std::make_pair(t.xpos, t.upos), 0);
  std::vector<std::string> xpos, upos;
  for (auto& [k, v] : class_of) {
    v = static_cast<int>(xpos.size());
    xpos.push_back(k.first);
    upos.push_back(k.second);
  }
  // Ambiguity classes: the set of classes seen with each frequent lower-cased form.
  std::unordered_map<std::string, std::pair<int, std::vector<int>>> seen;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      auto& e = seen[lower_ascii(t.form)];
      ++e.first;
      int c = class_of[{t.xpos, t.upos}];
      if (std::find(e.second.begin(), e.second.end(), c) == e.second.end()) e.second.push_back(c);
    }
  std::vector<std::pair<uint64_t, uint64_t>> amb_entries;
  for (auto& [form, e] : seen) {
    if (e.first < opt.ambiguity_min_count) continue;
    std::sort(e.second.begin(), e.second.end());
    uint64_t h = 0x1234567;
    for (int c : e.second) h = mix64(h + static_cast<uint64_t>(c) + 1);
    amb_entries.push_back({hash_bytes(form), h});
  }
  AmbiguityClasses amb(std::move(amb_entries));

  // Precomputed atoms and gold classes.
  struct Item {
    std::vector<WordAtoms> atoms;
    std::vector<int> gold;
  };
  std::vector<Item> items;
  for (const Sentence& s : train) {
    Item it;
    for (const Token& t : s.tokens) {
      it.atoms.push_back(word_atoms(t.form, amb));
      it.gold.push_back(class_of[{t.xpos, t.upos}]);
    }
    items.push_back(std::move(it));
  }
  const uint32_t nc = static_cast<uint32_t>(xpos.size());
  PerceptronTrainer pt(nc);
  Rng rng(opt.seed);
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> feats;
  std::vector<float> scores(nc);
  std::vector<int> pred;
  Tagger best;
  double best_acc = -1;
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    rng.shuffle(order);
    size_t errors = 0, total = 0;
    for (size_t idx : order) {
      const Item& it = items[idx];
      const int n = static_cast<int>(it.gold.size());
      pred.assign(n, 0);
      const uint64_t case_bucket = sentence_case_bucket(it.atoms.data(), n);
      for (int i = 0; i < n; ++i) {
        feats.clear();
        tagger_features(it.atoms.data(), n, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1,
                        case_bucket, feats);
        pt.score(feats.data(), feats.size(), scores.data());
        int p = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        if (p != it.gold[i]) {
          pt.update(feats.data(), feats.size(), it.gold[i], p);
          ++errors;
        }
        pt.tick();
        pred[i] = p;
        ++total;
      }
    }
    Tagger current(xpos, upos, pt.averaged(opt.prune), amb);
    double acc = dev.empty() ? epoch : tagger_accuracy(current, dev);
    if (opt.log)
      *opt.log << "tagger epoch " << epoch << ": train errors " << errors << "/" << total
               << ", dev xpos+upos accuracy " << acc * (dev.empty() ? 1 : 100) << "\n"
               << std::flush;
    if (acc > best_acc) {
      best_acc = acc;
      best = std::move(current);
    }
  }
  return best;
}

}  // namespace dyad::syntax
