// lateral_rows.cpp — litegres_pack_rows (aggregate) and litegres_rows
// (eponymous table-valued function); see lateral_rows.h.
//
// Packed format: a uint32 column count, then per row and column a tag byte
// (SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL) and
// its payload: 8 bytes for integers and reals, a uint32 length and the
// bytes for text and blobs. Everything is host byte order: a packed value
// never leaves the statement that made it. litegres_rows checks every length
// against the blob, so a hand-made argument can fail but never read past it.
#include "translate/lateral_rows.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace litegres::translate {

namespace {

constexpr int kPackedColumn = kLateralRowsMaxColumns;  // the hidden argument

void append_bytes(std::string& out, const void* data, size_t size) {
    out.append(static_cast<const char*>(data), size);
}

void pack_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc > kLateralRowsMaxColumns) {
        sqlite3_result_error(ctx, "litegres_pack_rows: too many columns", -1);
        return;
    }
    auto** slot = static_cast<std::string**>(sqlite3_aggregate_context(ctx, sizeof(std::string*)));
    if (slot == nullptr) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (*slot == nullptr) {
        *slot = new std::string;
        uint32_t columns = static_cast<uint32_t>(argc);
        append_bytes(**slot, &columns, sizeof columns);
    }
    std::string& out = **slot;
    for (int i = 0; i < argc; ++i) {
        int type = sqlite3_value_type(argv[i]);
        out.push_back(static_cast<char>(type));
        switch (type) {
            case SQLITE_INTEGER: {
                sqlite3_int64 v = sqlite3_value_int64(argv[i]);
                append_bytes(out, &v, sizeof v);
                break;
            }
            case SQLITE_FLOAT: {
                double v = sqlite3_value_double(argv[i]);
                append_bytes(out, &v, sizeof v);
                break;
            }
            case SQLITE_TEXT:
            case SQLITE_BLOB: {
                const void* data =
                    type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(argv[i])) : sqlite3_value_blob(argv[i]);
                uint32_t size = static_cast<uint32_t>(sqlite3_value_bytes(argv[i]));
                append_bytes(out, &size, sizeof size);
                if (size > 0) append_bytes(out, data, size);
                break;
            }
            default: break;
        }
    }
}

void pack_final(sqlite3_context* ctx) {
    auto** slot = static_cast<std::string**>(sqlite3_aggregate_context(ctx, 0));
    if (slot == nullptr || *slot == nullptr) {
        sqlite3_result_null(ctx);  // no rows
        return;
    }
    std::string* packed = *slot;
    sqlite3_result_blob64(ctx, packed->data(), packed->size(), SQLITE_TRANSIENT);
    delete packed;
    *slot = nullptr;
}

struct PackedValue {
    int type = SQLITE_NULL;
    sqlite3_int64 integer = 0;
    double real = 0;
    std::string_view bytes;
};

struct RowsCursor : sqlite3_vtab_cursor {
    std::string packed;
    size_t offset = 0;  // where the row after `current` starts
    uint32_t columns = 0;
    sqlite3_int64 row = 0;
    bool eof = true;
    std::vector<PackedValue> current;
};

template <typename T>
bool read_scalar(const std::string& packed, size_t& offset, T& value) {
    if (packed.size() - offset < sizeof value) return false;
    std::memcpy(&value, packed.data() + offset, sizeof value);
    offset += sizeof value;
    return true;
}

// Decodes the row at cursor->offset; false when the blob is malformed.
bool read_row(RowsCursor& cursor) {
    cursor.current.assign(cursor.columns, PackedValue{});
    for (auto& value : cursor.current) {
        if (cursor.offset >= cursor.packed.size()) return false;
        value.type = static_cast<unsigned char>(cursor.packed[cursor.offset++]);
        switch (value.type) {
            case SQLITE_INTEGER:
                if (!read_scalar(cursor.packed, cursor.offset, value.integer)) return false;
                break;
            case SQLITE_FLOAT:
                if (!read_scalar(cursor.packed, cursor.offset, value.real)) return false;
                break;
            case SQLITE_TEXT:
            case SQLITE_BLOB: {
                uint32_t size = 0;
                if (!read_scalar(cursor.packed, cursor.offset, size)) return false;
                if (cursor.packed.size() - cursor.offset < size) return false;
                value.bytes = std::string_view(cursor.packed).substr(cursor.offset, size);
                cursor.offset += size;
                break;
            }
            case SQLITE_NULL: break;
            default: return false;
        }
    }
    return true;
}

int advance(RowsCursor& cursor) {
    if (cursor.offset >= cursor.packed.size()) {
        cursor.eof = true;
        return SQLITE_OK;
    }
    if (!read_row(cursor)) {
        cursor.eof = true;
        sqlite3_free(cursor.pVtab->zErrMsg);
        cursor.pVtab->zErrMsg = sqlite3_mprintf("litegres_rows: malformed packed rows");
        return SQLITE_ERROR;
    }
    cursor.eof = false;
    ++cursor.row;
    return SQLITE_OK;
}

int rows_connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
    std::string schema = "CREATE TABLE x(";
    for (int i = 0; i < kLateralRowsMaxColumns; ++i) schema += "c" + std::to_string(i) + ", ";
    schema += "packed HIDDEN)";
    int rc = sqlite3_declare_vtab(db, schema.c_str());
    if (rc != SQLITE_OK) return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto* table = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (table == nullptr) return SQLITE_NOMEM;
    std::memset(table, 0, sizeof *table);
    *out = table;
    return SQLITE_OK;
}

int rows_disconnect(sqlite3_vtab* table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

int rows_best_index(sqlite3_vtab*, sqlite3_index_info* info) {
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (c.iColumn == kPackedColumn && c.op == SQLITE_INDEX_CONSTRAINT_EQ && c.usable) {
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->estimatedCost = 10;
            info->estimatedRows = 10;
            return SQLITE_OK;
        }
    }
    // Without its argument there is nothing to scan: make SQLite order the
    // join so that the argument is known first.
    return SQLITE_CONSTRAINT;
}

int rows_open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
    *out = new RowsCursor;
    return SQLITE_OK;
}

int rows_close(sqlite3_vtab_cursor* cursor) {
    delete static_cast<RowsCursor*>(cursor);
    return SQLITE_OK;
}

int rows_filter(sqlite3_vtab_cursor* base, int, const char*, int argc, sqlite3_value** argv) {
    auto& cursor = *static_cast<RowsCursor*>(base);
    cursor.packed.clear();
    cursor.offset = 0;
    cursor.row = 0;
    cursor.eof = true;
    if (argc < 1 || sqlite3_value_type(argv[0]) != SQLITE_BLOB) return SQLITE_OK;  // NULL: no rows
    const void* data = sqlite3_value_blob(argv[0]);
    cursor.packed.assign(static_cast<const char*>(data), static_cast<size_t>(sqlite3_value_bytes(argv[0])));
    if (!read_scalar(cursor.packed, cursor.offset, cursor.columns) || cursor.columns == 0 ||
        cursor.columns > static_cast<uint32_t>(kLateralRowsMaxColumns)) {
        sqlite3_free(base->pVtab->zErrMsg);
        base->pVtab->zErrMsg = sqlite3_mprintf("litegres_rows: malformed packed rows");
        return SQLITE_ERROR;
    }
    return advance(cursor);
}

int rows_next(sqlite3_vtab_cursor* base) { return advance(*static_cast<RowsCursor*>(base)); }

int rows_eof(sqlite3_vtab_cursor* base) { return static_cast<RowsCursor*>(base)->eof ? 1 : 0; }

int rows_column(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int column) {
    const auto& cursor = *static_cast<RowsCursor*>(base);
    if (column < 0 || static_cast<size_t>(column) >= cursor.current.size()) {
        sqlite3_result_null(ctx);
        return SQLITE_OK;
    }
    const PackedValue& v = cursor.current[static_cast<size_t>(column)];
    switch (v.type) {
        case SQLITE_INTEGER: sqlite3_result_int64(ctx, v.integer); break;
        case SQLITE_FLOAT: sqlite3_result_double(ctx, v.real); break;
        case SQLITE_TEXT:
            sqlite3_result_text64(ctx, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        case SQLITE_BLOB: sqlite3_result_blob64(ctx, v.bytes.data(), v.bytes.size(), SQLITE_TRANSIENT); break;
        default: sqlite3_result_null(ctx); break;
    }
    return SQLITE_OK;
}

int rows_rowid(sqlite3_vtab_cursor* base, sqlite3_int64* rowid) {
    *rowid = static_cast<RowsCursor*>(base)->row;
    return SQLITE_OK;
}

sqlite3_module make_module() {
    sqlite3_module m{};
    m.iVersion = 0;
    m.xCreate = nullptr;  // eponymous only: there is no CREATE VIRTUAL TABLE
    m.xConnect = rows_connect;
    m.xBestIndex = rows_best_index;
    m.xDisconnect = rows_disconnect;
    m.xDestroy = rows_disconnect;
    m.xOpen = rows_open;
    m.xClose = rows_close;
    m.xFilter = rows_filter;
    m.xNext = rows_next;
    m.xEof = rows_eof;
    m.xColumn = rows_column;
    m.xRowid = rows_rowid;
    return m;
}

const sqlite3_module kRowsModule = make_module();

}  // namespace

int register_lateral_rows(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "litegres_pack_rows", -1, SQLITE_UTF8, nullptr, nullptr, pack_step,
                                        pack_final, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_module_v2(db, "litegres_rows", &kRowsModule, nullptr, nullptr);
}

}  // namespace litegres::translate
