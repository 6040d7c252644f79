// What the subcommands (tools/cmd_*.cpp) share: reading their arguments, opening their
// output, reporting usage errors and timing their work.
#pragma once

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dyad {

// Parses args with CLI11 (--help prints the help); returns -1 to go on, else the exit
// code: 0 after --help, 2 for a usage error (printed with the help).
int parse_options(CLI::App& app, const std::vector<std::string>& args);

// Where a command writes: stdout for "-", else `path`, opened (binary) into `file`.
// Null when the file cannot be opened, after saying so on stderr as `command`.
std::ostream* open_output(const std::string& command, const std::string& path, std::ofstream& file);

// Prints the usage line; returns the exit code of a usage error.
inline int usage_error(const char* usage) {
  std::cerr << "usage: " << usage << "\n";
  return 2;
}

using Clock = std::chrono::steady_clock;
inline double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The commands that read their arguments by hand (the trainers): the
// arguments that do not start with '-' are returned, in order; each other one goes to
// `take_option(name, next_value)`, which returns false for an option it does not know
// and calls next_value() for the option's value. nullopt for an unknown option, a
// missing value or one that does not convert (the conversions throw).
template <class TakeOption>
std::optional<std::vector<std::string>> read_arguments(const std::vector<std::string>& args, TakeOption take_option) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto next_value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw std::invalid_argument(arg + " needs a value");
      return args[++i];
    };
    try {
      if (arg.empty() || arg[0] != '-') {
        positional.push_back(arg);
      } else if (!take_option(arg, next_value)) {
        return std::nullopt;
      }
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return positional;
}

// The value of a count option (epochs, folds, a seed): a whole number, at least 1.
inline long long positive_count(const std::string& value) {
  const long long count = std::stoll(value);
  if (count < 1) throw std::out_of_range(value + " is not a positive count");
  return count;
}

}  // namespace dyad
