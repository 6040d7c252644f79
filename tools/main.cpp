// dyad: political event coder. Dispatches to one function per subcommand.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

namespace {

const char* kUsage =
    "dyad " DYAD_VERSION " - codes political events (CAMEO) from news articles\n"
    "\n"
    "usage: dyad <command> [options]\n"
    "\n"
    "commands:\n"
    "  code        code articles (JSON Lines, .txt, .gz, .zst, stdin) into events\n"
    "  eval        score coded events against a gold folder (as ../shared/eval/score.py)\n"
    "  dict check  validate every knowledge file under data/\n"
    "  parse       tag and parse raw text or JSONL articles into CoNLL-U\n"
    "  eval-parse  score the tagger and parser on a CoNLL-U file\n"
    "  dedup       one-a-day filter over an event store (code --db) -> TSV\n"
    "  series      a dyad's events per day/week/month from an event store; --plot SVG\n"
    "  train       train the tagger, lemmatizer and parser from CoNLL-U\n"
    "  train-ner   train the named-entity recognizer from IOB2 (UNER)\n"
    "  eval-ner    score the named-entity recognizer on an IOB2 file\n"
    "\n"
    "Run 'dyad <command> --help' for a command's options. --version prints the version.\n";

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::cout << "dyad " DYAD_VERSION "\n";
    return 0;
  }
  try {
    if (cmd == "code") return dyad::cmd_code(args);
    if (cmd == "eval") return dyad::cmd_eval(args);
    if (cmd == "dict") return dyad::cmd_dict(args);
    if (cmd == "train") return dyad::cmd_train(args);
    if (cmd == "parse") return dyad::cmd_parse(args);
    if (cmd == "eval-parse") return dyad::cmd_eval_parse(args);
    if (cmd == "train-ner") return dyad::cmd_train_ner(args);
    if (cmd == "eval-ner") return dyad::cmd_eval_ner(args);
    if (cmd == "dedup") return dyad::cmd_dedup(args);
    if (cmd == "series") return dyad::cmd_series(args);
  } catch (const std::exception& e) {
    std::cerr << "dyad " << cmd << ": error: " << e.what() << "\n";
    return 2;
  }
  std::cerr << "dyad: unknown command '" << cmd << "'\n\n" << kUsage;
  return 2;
}
