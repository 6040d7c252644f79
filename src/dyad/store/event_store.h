// The SQLite event store behind `dyad code --db`: one row per event, one per coded
// article, indexed by date and by dyad (source/target country). Schema and
// guarantees: docs/EVENT_STORE.md.
//
// Re-coding an article replaces its events in one transaction, so the store never
// holds two codings of a doc_id, and a process killed midway leaves whole articles
// only (WAL journal: readers never see a half-written article).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/core/document.h"
#include "dyad/io/event_record.h"
#include "dyad/store/sqlite.h"

namespace dyad {

inline constexpr int kEventStoreSchemaVersion = 1;

class EventStore {
 public:
  // Opens (creating when missing) a store for writing. Throws std::runtime_error
  // naming the file when it cannot be opened or is not a dyad store of this version.
  static std::unique_ptr<EventStore> open_for_writing(const std::string& path);
  // Opens an existing store read-only (dedup, series); throws when missing.
  static std::unique_ptr<EventStore> open_for_reading(const std::string& path);

  // Replaces every stored event of doc.id with `records` (the events the writer
  // wrote), in one transaction. Throws on a database error (nothing is changed).
  void replace_article(const Document& doc, const std::vector<EventRecord>& records);

  size_t article_count();
  size_t event_count();
  SqliteDb& db() { return db_; }

 private:
  EventStore(const std::string& path, SqliteDb::Mode mode);
  void create_schema();
  void check_schema();

  SqliteDb db_;
  std::unique_ptr<SqliteStatement> delete_events_, insert_article_, insert_event_;
};

}  // namespace dyad
