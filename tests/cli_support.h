// For end-to-end tests: running the built `dyad` binary (DYAD_BINARY) as users do.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace dyad::test {

// A scratch folder of this test process, removed at exit. Per process, because ctest
// runs tests side by side, each in a process of its own.
inline const std::filesystem::path& scratch_dir() {
  static const struct Dir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("dyad_test_" + std::to_string(::getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  } dir;
  return dir.path;
}

inline std::string read_file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// One run of the binary: its exit code (-1 when it did not exit normally) and what it
// wrote on stdout and stderr.
struct CliRun {
  int rc = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell (so ARGS is shell text: quotes and redirections
// work) with `stdin_text` as its standard input.
inline CliRun run_dyad(const std::string& args, const std::string& stdin_text = "") {
  const auto& dir = scratch_dir();
  const std::string in = (dir / "stdin").string(), out = (dir / "stdout").string(), err = (dir / "stderr").string();
  write_file_bytes(in, stdin_text);
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + " <" + in + " >" + out + " 2>" + err;
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file_bytes(out);
  r.err = read_file_bytes(err);
  return r;
}

}  // namespace dyad::test
