/* SQLite: a table in memory, a transaction, an aggregate, FTS5 and JSON. */
#include <sqlite3.h>
#include <stdio.h>

static int row(void *out, int n, char **values, char **names) {
  (void)n, (void)names;
  snprintf(out, 64, "%s", values[0] ? values[0] : "NULL");
  return 0;
}

int main(void) {
  sqlite3 *db;
  char result[64] = "", fts[64] = "", json[64] = "", *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  const char *sql =
      "BEGIN; CREATE TABLE t(x INTEGER); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c "
      "WHERE i < 1000) INSERT INTO t SELECT i FROM c; COMMIT;";
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) return fprintf(stderr, "%s\n", err), 2;
  if (sqlite3_exec(db, "SELECT sum(x) FROM t", row, result, &err) != SQLITE_OK) return 3;
  if (sqlite3_exec(db, "CREATE VIRTUAL TABLE d USING fts5(body); INSERT INTO d VALUES('static binaries for all');"
                       "SELECT count(*) FROM d WHERE d MATCH 'binaries'", row, fts, &err) != SQLITE_OK)
    return fprintf(stderr, "%s\n", err), 4;
  if (sqlite3_exec(db, "SELECT json_extract('{\"a\": [1, 2, 3]}', '$.a[2]')", row, json, &err) != SQLITE_OK) return 5;
  sqlite3_close(db);
  printf("sqlite3 %s ok: sum %s, fts5 %s, json %s, threadsafe %d\n", sqlite3_libversion(), result, fts, json,
         sqlite3_threadsafe());
  return 0;
}
