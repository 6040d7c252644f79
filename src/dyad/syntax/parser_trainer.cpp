#include "dyad/syntax/parser_trainer.h"

#include <algorithm>
#include <limits>
#include <ostream>
#include <set>

#include "dyad/syntax/perceptron_trainer.h"

namespace dyad::syntax {

AttachmentScore parser_score(const Parser& parser, const std::vector<Sentence>& gold) {
  AttachmentScore sc;
  for (const Sentence& g : gold) {
    Sentence s = g;
    parser.parse(s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      ++sc.words;
      if (s.tokens[i].head == g.tokens[i].head) {
        ++sc.heads;
        if (s.tokens[i].deprel == g.tokens[i].deprel) ++sc.labelled;
      }
    }
  }
  return sc;
}

Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& opt) {
  std::set<std::string> tag_set, label_set;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      tag_set.insert(t.xpos);
      label_set.insert(t.deprel);
    }
  label_set.insert("root");
  std::vector<std::string> tags = {"<unk>", "<root>", "<none>"};
  tags.insert(tags.end(), tag_set.begin(), tag_set.end());
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  // The vocabulary is fixed before training; the model is swapped in each epoch.
  Parser shell(tags, labels, LinearModel());
  const ArcHybrid& sys = shell.system();
  auto label_id = [&](const std::string& l) {
    return static_cast<int>(std::lower_bound(labels.begin(), labels.end(), l) - labels.begin());
  };

  struct Item {
    ParserInput in;
    GoldTree gold;
  };
  std::vector<Item> items;
  for (const Sentence& s : train) {
    const int n = static_cast<int>(s.tokens.size());
    if (n == 0) continue;
    std::vector<int> head(n), label(n);
    for (int i = 0; i < n; ++i) {
      head[i] = s.tokens[i].head < 0 ? n : s.tokens[i].head;
      label[i] = label_id(s.tokens[i].head < 0 ? std::string("root") : s.tokens[i].deprel);
    }
    items.push_back({shell.input(s), GoldTree::from(head, label)});
  }

  const int na = sys.num_actions();
  PerceptronTrainer pt(static_cast<uint32_t>(na));
  Rng rng(opt.seed);
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<uint64_t> feats;
  std::vector<float> scores(na);
  ParseState st;
  Parser best;
  double best_las = -1;
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    rng.shuffle(order);
    const bool explore = epoch > opt.explore_after;
    size_t errors = 0, steps = 0;
    for (size_t idx : order) {
      const Item& it = items[idx];
      st.init(static_cast<int>(it.in.word.size()) - 1);
      while (!st.terminal()) {
        feats.clear();
        parser_features(it.in, st, feats);
        pt.score(feats.data(), feats.size(), scores.data());
        int costs[3], gl, gr;
        sys.move_costs(st, it.gold, costs, gl, gr);
        auto cost_of = [&](int a) {
          switch (ArcHybrid::move(a)) {
            case Move::Shift: return costs[0];
            case Move::Left: return costs[1] + (gl >= 0 && gl != ArcHybrid::label(a) ? 1 : 0);
            default: return costs[2] + (gr >= 0 && gr != ArcHybrid::label(a) ? 1 : 0);
          }
        };
        int pred = -1, best_zero = -1, min_cost = std::numeric_limits<int>::max();
        float pred_score = -std::numeric_limits<float>::infinity(), zero_score = pred_score;
        for (int a = 0; a < na; ++a) {
          if (!sys.legal(st, a)) continue;
          const int c = cost_of(a);
          if (scores[a] > pred_score) {
            pred = a;
            pred_score = scores[a];
          }
          if (c < min_cost || (c == min_cost && scores[a] > zero_score)) {
            min_cost = c;
            best_zero = a;
            zero_score = scores[a];
          }
        }
        ++steps;
        int next = best_zero;
        if (cost_of(pred) > min_cost) {
          ++errors;
          pt.update(feats.data(), feats.size(), best_zero, pred);
          if (explore && rng.uniform() < opt.explore_prob) next = pred;
        }
        pt.tick();
        sys.apply(st, next);
      }
    }
    Parser current(tags, labels, pt.averaged(opt.prune, opt.min_updates));
    AttachmentScore sc = parser_score(current, dev);
    const double las = dev.empty() ? epoch : sc.las();
    if (opt.log)
      *opt.log << "parser epoch " << epoch << ": train errors " << errors << "/" << steps
               << ", dev UAS " << sc.uas() << " LAS " << sc.las() << " ("
               << current.model().num_features() << " features, "
               << current.model().num_weights() << " weights)\n"
               << std::flush;
    if (las > best_las) {
      best_las = las;
      best = std::move(current);
    }
  }
  return best;
}

}  // namespace dyad::syntax
