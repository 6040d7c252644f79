// A thin RAII layer over the SQLite C API: a connection and prepared statements that
// finalize themselves, and errors as std::runtime_error naming the database file.
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

class SqliteStatement;

class SqliteDb {
 public:
  enum class Mode { ReadOnly, ReadWriteCreate };
  // Throws std::runtime_error("PATH: reason") when the file cannot be opened.
  SqliteDb(const std::string& path, Mode mode);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(const std::string& sql);  // one or more statements without results
  SqliteStatement prepare(const std::string& sql);
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  [[noreturn]] void fail(const std::string& what) const;  // throws with the connection's message

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteDb& db, const std::string& sql);
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based, as in SQL's ?1 ?2.
  SqliteStatement& bind(int i, const std::string& text);  // empty text binds NULL
  SqliteStatement& bind(int i, int64_t value);
  SqliteStatement& bind(int i, double value);
  SqliteStatement& bind_null(int i);
  bool step();   // true while a row is available
  void run();    // steps to the end, for statements without results
  void reset();  // ready to bind and run again

  int columns() const;
  std::string column_name(int i) const;
  bool is_null(int i) const;
  std::string text(int i) const;  // "" for NULL
  int64_t integer(int i) const;
  double real(int i) const;

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs `body` in one IMMEDIATE transaction (the write lock is taken up front, so it
// cannot fail half-way for lack of it): committed when it returns, rolled back when
// it or the commit throws (the exception then propagates).
template <class F>
void in_transaction(SqliteDb& db, F&& body) {
  db.exec("BEGIN IMMEDIATE");
  try {
    body();
    db.exec("COMMIT");
  } catch (...) {
    try {
      db.exec("ROLLBACK");
    } catch (...) {  // already rolled back by SQLite itself
    }
    throw;
  }
}

}  // namespace dyad
