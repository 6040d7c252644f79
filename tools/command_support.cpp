#include "command_support.h"

#include <CLI/CLI.hpp>

namespace dyad {

int parse_options(CLI::App& app, const std::vector<std::string>& args) {
  // CLI11 takes the arguments last first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\n\n" << app.help();
    return 2;
  }
  return -1;
}

std::ostream* open_output(const std::string& command, const std::string& path, std::ofstream& file) {
  if (path == "-") return &std::cout;
  file.open(path, std::ios::binary);
  if (!file) {
    std::cerr << command << ": cannot write " << path << "\n";
    return nullptr;
  }
  return &file;
}

}  // namespace dyad
