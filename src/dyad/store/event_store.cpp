#include "dyad/store/event_store.h"

#include <filesystem>
#include <stdexcept>

namespace dyad {
namespace {

// Kept in step with docs/EVENT_STORE.md.
const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS dyad_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  doc_id TEXT PRIMARY KEY,
  date   TEXT,
  events INTEGER NOT NULL,
  fields TEXT
);
CREATE TABLE IF NOT EXISTS events (
  doc_id           TEXT    NOT NULL,
  sentence_index   INTEGER NOT NULL,
  event_index      INTEGER NOT NULL,
  event_id         TEXT    NOT NULL,
  date             TEXT,
  date_resolution  TEXT,
  source_code      TEXT,
  source_country   TEXT,
  source_role      TEXT,
  source_text      TEXT,
  target_code      TEXT,
  target_country   TEXT,
  target_role      TEXT,
  target_text      TEXT,
  event_code       TEXT    NOT NULL,
  event_root       TEXT    NOT NULL,
  event_label      TEXT,
  goldstein        REAL,
  quad_class       INTEGER,
  plover_category  TEXT,
  plover_mode      TEXT,
  trigger_text     TEXT,
  modality         TEXT    NOT NULL,
  rule             TEXT,
  location_name    TEXT,
  location_admin1  TEXT,
  location_country TEXT,
  location_kind    TEXT,
  lat              REAL,
  lon              REAL,
  sentence_start   INTEGER,
  sentence_end     INTEGER,
  sentence_text    TEXT,
  PRIMARY KEY (doc_id, sentence_index, event_index)
);
CREATE INDEX IF NOT EXISTS events_by_date ON events (date);
CREATE INDEX IF NOT EXISTS events_by_dyad ON events (source_country, target_country, date);
)sql";

const char* kInsertEvent =
    "INSERT INTO events (doc_id, sentence_index, event_index, event_id, date, date_resolution, source_code, "
    "source_country, source_role, source_text, target_code, target_country, target_role, target_text, "
    "event_code, event_root, event_label, goldstein, quad_class, plover_category, plover_mode, trigger_text, "
    "modality, rule, location_name, location_admin1, location_country, location_kind, lat, lon, "
    "sentence_start, sentence_end, sentence_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)";

}  // namespace

EventStore::EventStore(const std::string& path, SqliteDb::Mode mode) : db_(path, mode) {}

std::unique_ptr<EventStore> EventStore::open_for_writing(const std::string& path) {
  if (path.empty()) throw std::runtime_error("no database path given");
  std::unique_ptr<EventStore> s(new EventStore(path, SqliteDb::Mode::ReadWriteCreate));
  // WAL: a commit is atomic and readers (dyad series) never block the writer.
  // synchronous=NORMAL keeps every committed article across a process kill; only
  // a power failure may lose the last commits, never corrupt the file.
  s->db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  s->create_schema();
  s->delete_events_ = std::make_unique<SqliteStatement>(s->db_, "DELETE FROM events WHERE doc_id = ?1");
  s->insert_article_ = std::make_unique<SqliteStatement>(
      s->db_, "INSERT OR REPLACE INTO articles (doc_id, date, events, fields) VALUES (?1, ?2, ?3, ?4)");
  s->insert_event_ = std::make_unique<SqliteStatement>(s->db_, kInsertEvent);
  return s;
}

std::unique_ptr<EventStore> EventStore::open_for_reading(const std::string& path) {
  if (path.empty()) throw std::runtime_error("no database path given");
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error(path + ": no such database");
  std::unique_ptr<EventStore> s(new EventStore(path, SqliteDb::Mode::ReadOnly));
  s->check_schema();
  return s;
}

void EventStore::create_schema() {
  in_transaction(db_, [&] {
    db_.exec(kSchema);
    auto version = db_.prepare("SELECT value FROM dyad_meta WHERE key = 'schema_version'");
    if (version.step()) {
      if (version.text(0) != std::to_string(kEventStoreSchemaVersion))
        throw std::runtime_error(db_.path() + ": event store schema version " + version.text(0) + ", this dyad writes " +
                                 std::to_string(kEventStoreSchemaVersion));
    } else {
      db_.prepare("INSERT INTO dyad_meta (key, value) VALUES ('schema_version', ?1)")
          .bind(1, std::to_string(kEventStoreSchemaVersion))
          .run();
    }
  });
}

void EventStore::check_schema() {
  try {
    auto version = db_.prepare("SELECT value FROM dyad_meta WHERE key = 'schema_version'");
    if (version.step() && version.text(0) == std::to_string(kEventStoreSchemaVersion)) return;
  } catch (const std::exception&) {
  }
  throw std::runtime_error(db_.path() + ": not a dyad event store (schema version " +
                           std::to_string(kEventStoreSchemaVersion) + ")");
}

void EventStore::replace_article(const Document& doc, const std::vector<EventRecord>& records) {
  in_transaction(db_, [&] {
    delete_events_->reset();
    delete_events_->bind(1, doc.id).run();
    insert_article_->reset();
    insert_article_->bind(1, doc.id)
        .bind(2, doc.date)
        .bind(3, static_cast<int64_t>(records.size()))
        .bind(4, doc.passthrough == "{}" ? std::string() : doc.passthrough)
        .run();
    SqliteStatement& ins = *insert_event_;
    for (const EventRecord& r : records) {
      ins.reset();
      ins.bind(1, r.doc_id)
          .bind(2, static_cast<int64_t>(r.sentence_index))
          .bind(3, static_cast<int64_t>(r.event_index))
          .bind(4, r.event_id)
          .bind(5, r.date)
          .bind(6, r.date_resolution);
      for (const auto& [first, a] : {std::pair{7, &r.source}, std::pair{11, &r.target}})
        ins.bind(first, a->code).bind(first + 1, a->country).bind(first + 2, a->role).bind(first + 3, a->text);
      ins.bind(15, r.code).bind(16, r.root).bind(17, r.label);
      if (r.has_codebook) {
        ins.bind(18, r.goldstein).bind(19, static_cast<int64_t>(r.quad_class));
      }
      ins.bind(20, r.plover_category).bind(21, r.plover_mode).bind(22, r.trigger_text);
      ins.bind(23, std::string(modality_name(r.modality))).bind(24, r.rule);
      if (const Location* l = r.location ? &*r.location : nullptr) {
        ins.bind(25, l->name).bind(26, l->admin1).bind(27, l->country).bind(28, l->kind);
        if (l->has_coordinates) ins.bind(29, l->lat).bind(30, l->lon);
      }
      ins.bind(31, static_cast<int64_t>(r.sentence_start))
          .bind(32, static_cast<int64_t>(r.sentence_end))
          .bind(33, r.sentence_text)
          .run();
    }
  });
}

size_t EventStore::article_count() {
  auto q = db_.prepare("SELECT COUNT(*) FROM articles");
  return q.step() ? static_cast<size_t>(q.integer(0)) : 0;
}

size_t EventStore::event_count() {
  auto q = db_.prepare("SELECT COUNT(*) FROM events");
  return q.step() ? static_cast<size_t>(q.integer(0)) : 0;
}

}  // namespace dyad
