#include "dyad/syntax/tagger_trainer.h"

#include <algorithm>
#include <functional>
#include <thread>
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

namespace {

struct Item {
  std::vector<WordAtoms> atoms;
  std::vector<int> gold;
  std::vector<int> first;  // jackknifed first-pass classes (second pass only)
};

// Trains one pass; `score_epoch` returns the dev score of an epoch's model (the
// best epoch is kept).
LinearModel train_pass(const std::vector<Item>& items, bool stacked, uint32_t nc,
                       const TaggerTrainOptions& opt,
                       const std::function<double(const LinearModel&, int, size_t, size_t)>& score_epoch) {
  PerceptronTrainer pt(nc);
  Rng rng(opt.seed);
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> feats;
  std::vector<float> scores(nc);
  std::vector<int> pred;
  LinearModel best;
  double best_score = -1;
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
                        case_bucket, stacked ? it.first.data() : nullptr, feats);
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
    LinearModel m = pt.averaged(opt.prune);
    double sc = score_epoch(m, epoch, errors, total);
    if (sc > best_score) {
      best_score = sc;
      best = std::move(m);
    }
  }
  return best;
}

}  // namespace

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
  auto log = [&](const char* what, int epoch, size_t errors, size_t total, double acc) {
    if (opt.log)
      *opt.log << "tagger " << what << " epoch " << epoch << ": train errors " << errors << "/"
               << total << ", dev xpos+upos accuracy " << acc * 100 << "\n"
               << std::flush;
  };
  // First pass.
  LinearModel first = train_pass(items, false, nc, opt, [&](const LinearModel& m, int epoch,
                                                             size_t errors, size_t total) {
    if (dev.empty()) return static_cast<double>(epoch);
    double acc = tagger_accuracy(Tagger(xpos, upos, m, LinearModel(), amb), dev);
    log("pass 1", epoch, errors, total, acc);
    return acc;
  });
  if (!opt.second_pass || opt.second_pass_folds < 2 || items.size() < 2)
    return Tagger(xpos, upos, std::move(first), LinearModel(), amb);
  // Jackknifed first-pass tags (folds trained two at a time).
  const int folds = opt.second_pass_folds;
  auto run_fold = [&](int f) {
    std::vector<Item> part;
    for (size_t i = 0; i < items.size(); ++i)
      if (static_cast<int>(i % folds) != f) part.push_back(items[i]);
    LinearModel m = train_pass(part, false, nc, opt, [](const LinearModel&, int epoch, size_t, size_t) {
      return static_cast<double>(epoch);
    });
    Tagger t(xpos, upos, std::move(m), LinearModel(), amb);
    for (size_t i = f; i < items.size(); i += folds) {
      std::vector<std::string_view> forms;
      for (const Token& tok : train[i].tokens) forms.push_back(tok.form);
      t.tag_ids(forms, items[i].first);
    }
  };
  for (int f = 0; f < folds; f += 2) {
    std::thread other;
    if (f + 1 < folds) other = std::thread(run_fold, f + 1);
    run_fold(f);
    if (other.joinable()) other.join();
  }
  LinearModel second = train_pass(items, true, nc, opt, [&](const LinearModel& m, int epoch,
                                                            size_t errors, size_t total) {
    if (dev.empty()) return static_cast<double>(epoch);
    double acc = tagger_accuracy(Tagger(xpos, upos, first, m, amb), dev);
    log("pass 2", epoch, errors, total, acc);
    return acc;
  });
  return Tagger(xpos, upos, std::move(first), std::move(second), amb);
}

}  // namespace dyad::syntax
