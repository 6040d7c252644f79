// One function per subcommand; args exclude the program and subcommand names.
// Each returns the process exit code (0 ok, 1 some input bad, 2 usage error).
#pragma once

#include <string>
#include <vector>

namespace dyad {

int cmd_code(const std::vector<std::string>& args);
int cmd_eval(const std::vector<std::string>& args);
int cmd_dict(const std::vector<std::string>& args);
int cmd_train(const std::vector<std::string>& args);
int cmd_parse(const std::vector<std::string>& args);
int cmd_eval_parse(const std::vector<std::string>& args);
int cmd_train_ner(const std::vector<std::string>& args);
int cmd_eval_ner(const std::vector<std::string>& args);
int cmd_dedup(const std::vector<std::string>& args);
int cmd_series(const std::vector<std::string>& args);

}  // namespace dyad
