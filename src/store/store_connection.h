// The connection beneath a Store, for tables of the same database that are not records (the
// server's accounts, sessions, grants, drafts and audit log, migration 0002). Sharing the
// store's connection keeps one page cache: a write through a second connection would make
// the store's connection drop its cache at its next read. Not for use while a BulkLoader
// is open. Kept out of store.h so that the many files including that header do not change.
#pragma once

#include "store/db.h"
#include "store/store.h"

namespace journey::store {

// The store's own connection, or nullptr for a store not over SQL.
db::Connection* ConnectionOf(Store& store);

}  // namespace journey::store
