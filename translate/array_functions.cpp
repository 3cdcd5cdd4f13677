// array_functions.cpp — array functions and operators as SQLite functions,
// working on the storage JSON through pgwire::JsonValue.
#include "translate/function_error.h"
#include "translate/array_functions.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "pgwire/array_value.h"
#include "pgwire/json_value.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/literal_coercion.h"
#include "translate/pg_type.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

namespace sqlstate = pgwire::sqlstate;
using pgwire::ArrayValue;
using pgwire::JsonValue;
using pgwire::PgError;
using Kind = JsonValue::Kind;

bool is_null(sqlite3_value* v) { return sqlite3_value_type(v) == SQLITE_NULL; }

template <typename Body>
void guarded(sqlite3_context* ctx, Body body) {
    try {
        body();
    } catch (const PgError& e) {
        report_error(ctx, e);
    } catch (const std::exception& e) {
        sqlite3_result_error(ctx, e.what(), -1);
    }
}

// The storage token of a SQLite value (see array_functions.h).
std::string value_token(sqlite3_value* v) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_NULL: return "null";
        case SQLITE_INTEGER: return std::to_string(sqlite3_value_int64(v));
        case SQLITE_FLOAT: return pgwire::storage_number(sqlite3_value_double(v));
        default: {
            std::string out;
            pgwire::append_json_string(out, value_string(v));
            return out;
        }
    }
}

JsonValue stored(sqlite3_value* v) { return JsonValue::parse(value_string(v)); }

// A stored element back as the SQLite value it was made from.
void result_element(sqlite3_context* ctx, const JsonValue& e) {
    switch (e.kind) {
        case Kind::kNull: sqlite3_result_null(ctx); return;
        case Kind::kBool: sqlite3_result_int(ctx, e.boolean ? 1 : 0); return;
        case Kind::kNumber:
            if (e.text.find_first_of(".eE") == std::string::npos) {
                sqlite3_result_int64(ctx, std::strtoll(e.text.c_str(), nullptr, 10));
            } else {
                sqlite3_result_double(ctx, std::strtod(e.text.c_str(), nullptr));
            }
            return;
        case Kind::kString: result_text(ctx, e.text); return;
        default: result_text(ctx, e.jsonb_text()); return;
    }
}

std::string storage_text(const JsonValue& v) {
    std::string out;
    if (v.kind != Kind::kArray) {
        v.append_jsonb_text(out);
        return out;
    }
    out.push_back('[');
    for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += storage_text(v.items[i]);
    }
    out.push_back(']');
    return out;
}

// Elements in row-major order, whatever the dimensions.
void flatten(const JsonValue& v, std::vector<const JsonValue*>& out) {
    if (v.kind == Kind::kArray) {
        for (const auto& item : v.items) flatten(item, out);
    } else {
        out.push_back(&v);
    }
}

// Compares two elements as their SQLite values compare; NULL sorts last.
int compare_elements(const JsonValue& a, const JsonValue& b) {
    bool a_null = a.kind == Kind::kNull, b_null = b.kind == Kind::kNull;
    if (a_null || b_null) return a_null == b_null ? 0 : (a_null ? 1 : -1);
    if (a.kind == Kind::kNumber && b.kind == Kind::kNumber) {
        double x = std::strtod(a.text.c_str(), nullptr), y = std::strtod(b.text.c_str(), nullptr);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    int c = a.text.compare(b.text);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

void array_in(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        PgType type{pgwire::Oid(sqlite3_value_int64(argv[1])), sqlite3_value_int(argv[2])};
        result_text(ctx, coerce_value(value_string(argv[0]), type, 0).text);
    });
}

void array_out(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        result_text(ctx, ArrayValue::from_storage(value_string(argv[0]), pgwire::Oid(sqlite3_value_int64(argv[1]))).to_text());
    });
}

// litegres_array_get(a, i, j, ...): 1-based subscripts; NULL when out of range.
void array_get(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        for (int i = 0; i < argc; ++i) {
            if (is_null(argv[i])) return sqlite3_result_null(ctx);
        }
        JsonValue a = stored(argv[0]);
        const JsonValue* node = &a;
        for (int i = 1; i < argc; ++i) {
            long long index = sqlite3_value_int64(argv[i]);
            if (node->kind != Kind::kArray || index < 1 || index > (long long)node->items.size()) {
                return sqlite3_result_null(ctx);
            }
            node = &node->items[size_t(index - 1)];
        }
        if (node->kind == Kind::kArray) return sqlite3_result_null(ctx);
        result_element(ctx, *node);
    });
}

// litegres_array_slice(a, lower, upper): NULL bounds are the array's own.
void array_slice(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        JsonValue a = stored(argv[0]);
        long long n = (long long)a.items.size();
        long long lo = is_null(argv[1]) ? 1 : std::max(1LL, (long long)sqlite3_value_int64(argv[1]));
        long long hi = is_null(argv[2]) ? n : std::min(n, (long long)sqlite3_value_int64(argv[2]));
        JsonValue out;
        out.kind = Kind::kArray;
        for (long long i = lo; i <= hi; ++i) out.items.push_back(a.items[size_t(i - 1)]);
        result_text(ctx, storage_text(out));
    });
}

std::vector<int> dims_of(const JsonValue& a) {
    std::vector<int> dims;
    for (const JsonValue* v = &a; v->kind == Kind::kArray && !v->items.empty(); v = &v->items[0]) {
        dims.push_back(int(v->items.size()));
    }
    return dims;
}

void array_length(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        std::vector<int> dims = dims_of(stored(argv[0]));
        long long dim = sqlite3_value_int64(argv[1]);
        if (dim < 1 || dim > (long long)dims.size()) return sqlite3_result_null(ctx);
        sqlite3_result_int(ctx, dims[size_t(dim - 1)]);
    });
}

void array_ndims(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::vector<int> dims = dims_of(stored(argv[0]));
        if (dims.empty()) return sqlite3_result_null(ctx);
        sqlite3_result_int(ctx, int(dims.size()));
    });
}

void array_dims(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::vector<int> dims = dims_of(stored(argv[0]));
        if (dims.empty()) return sqlite3_result_null(ctx);
        std::string out;
        for (int d : dims) out += "[1:" + std::to_string(d) + "]";
        result_text(ctx, out);
    });
}

void cardinality(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::vector<const JsonValue*> elements;
        JsonValue a = stored(argv[0]);
        flatten(a, elements);
        sqlite3_result_int64(ctx, (sqlite3_int64)elements.size());
    });
}

// litegres_array_to_string(a, element_oid, delimiter[, null_text])
void array_to_string(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[2])) return sqlite3_result_null(ctx);
        ArrayValue a = ArrayValue::from_storage(value_string(argv[0]), pgwire::Oid(sqlite3_value_int64(argv[1])));
        std::string delimiter = value_string(argv[2]), out;
        bool with_nulls = argc > 3 && !is_null(argv[3]);
        bool first = true;
        for (const auto& e : a.elements) {
            if (!e && !with_nulls) continue;
            if (!first) out += delimiter;
            first = false;
            out += e ? *e : value_string(argv[3]);
        }
        result_text(ctx, out);
    });
}

// litegres_string_to_array(s, delimiter[, null_text]) ► text[]
void string_to_array(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::string s = value_string(argv[0]);
        std::vector<std::string> parts;
        if (s.empty()) return result_text(ctx, "[]");
        if (is_null(argv[1])) {
            for (size_t i = 0; i < s.size();) {
                size_t len = 1;
                while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
                parts.push_back(s.substr(i, len));
                i += len;
            }
        } else {
            std::string delimiter = value_string(argv[1]);
            if (delimiter.empty()) {
                parts.push_back(s);
            } else {
                size_t at = 0;
                for (size_t next; (next = s.find(delimiter, at)) != std::string::npos; at = next + delimiter.size()) {
                    parts.push_back(s.substr(at, next - at));
                }
                parts.push_back(s.substr(at));
            }
        }
        std::optional<std::string> null_text;
        if (argc > 2 && !is_null(argv[2])) null_text = value_string(argv[2]);
        std::string out = "[";
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) out.push_back(',');
            if (null_text && parts[i] == *null_text) {
                out += "null";
            } else {
                pgwire::append_json_string(out, parts[i]);
            }
        }
        result_text(ctx, out + "]");
    });
}

// litegres_array(x, y, ...): ARRAY[x, y, ...] of scalars, or of arrays
// (then `nested` is 1 and the arguments are storage JSON).
void array_construct(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        bool nested = sqlite3_value_int(argv[0]) != 0;
        std::string out = "[";
        size_t width = 0;
        for (int i = 1; i < argc; ++i) {
            if (i > 1) out.push_back(',');
            if (!nested) {
                out += value_token(argv[i]);
                continue;
            }
            if (is_null(argv[i])) {
                throw PgError(sqlstate::kFeatureNotSupported, "NULL sub-arrays are not supported yet");
            }
            std::string sub = value_string(argv[i]);
            JsonValue v = JsonValue::parse(sub);
            if (i > 1 && v.items.size() != width) {
                throw PgError(sqlstate::kArraySubscriptError,
                              "multidimensional arrays must have array expressions with matching dimensions");
            }
            width = v.items.size();
            out += sub;
        }
        result_text(ctx, out + "]");
    });
}

// litegres_array_append(a, x) / litegres_array_prepend(x, a)
template <bool kAppend>
void array_add(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        sqlite3_value* array = argv[kAppend ? 0 : 1];
        sqlite3_value* element = argv[kAppend ? 1 : 0];
        std::string a = is_null(array) ? "[]" : value_string(array);
        std::string token = value_token(element);
        std::string inner = a.substr(1, a.size() - 2);
        if (kAppend) {
            result_text(ctx, "[" + inner + (inner.empty() ? "" : ",") + token + "]");
        } else {
            result_text(ctx, "[" + token + (inner.empty() ? "" : ",") + inner + "]");
        }
    });
}

void array_cat(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) && is_null(argv[1])) return sqlite3_result_null(ctx);
        std::string a = is_null(argv[0]) ? "[]" : value_string(argv[0]);
        std::string b = is_null(argv[1]) ? "[]" : value_string(argv[1]);
        std::string ia = a.substr(1, a.size() - 2), ib = b.substr(1, b.size() - 2);
        result_text(ctx, "[" + ia + (ia.empty() || ib.empty() ? "" : ",") + ib + "]");
    });
}

// litegres_array_contains(a, b, mode): mode 0: a @> b, 1: a && b.
void array_contains(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        JsonValue a = stored(argv[0]), b = stored(argv[1]);
        std::vector<const JsonValue*> ea, eb;
        flatten(a, ea);
        flatten(b, eb);
        auto in_a = [&](const JsonValue* x) {
            // NULL elements never match, as in PostgreSQL.
            return x->kind != Kind::kNull && std::any_of(ea.begin(), ea.end(), [&](const JsonValue* y) {
                       return y->kind != Kind::kNull && compare_elements(*x, *y) == 0;
                   });
        };
        bool overlap = sqlite3_value_int(argv[2]) != 0;
        bool result = overlap ? std::any_of(eb.begin(), eb.end(), in_a) : std::all_of(eb.begin(), eb.end(), in_a);
        sqlite3_result_int(ctx, result ? 1 : 0);
    });
}

struct AggregateState {
    std::string text;
};

void array_agg_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto** slot = static_cast<AggregateState**>(sqlite3_aggregate_context(ctx, sizeof(AggregateState*)));
    if (slot == nullptr) return sqlite3_result_error_nomem(ctx);
    if (*slot == nullptr) *slot = new AggregateState{"["};
    AggregateState* s = *slot;
    if (s->text.size() > 1) s->text.push_back(',');
    s->text += value_token(argv[0]);
}

void array_agg_final(sqlite3_context* ctx) {
    auto** slot = static_cast<AggregateState**>(sqlite3_aggregate_context(ctx, 0));
    if (slot == nullptr || *slot == nullptr) return sqlite3_result_null(ctx);
    result_text(ctx, (*slot)->text + "]");
    delete *slot;
    *slot = nullptr;
}

}  // namespace

int register_array_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_array_in", 3, array_in},
        {"litegres_array_out", 2, array_out},
        {"litegres_array_get", -1, array_get},
        {"litegres_array_slice", 3, array_slice},
        {"litegres_array_length", 2, array_length},
        {"litegres_array_ndims", 1, array_ndims},
        {"litegres_array_dims", 1, array_dims},
        {"litegres_cardinality", 1, cardinality},
        {"litegres_array_to_string", 3, array_to_string},
        {"litegres_array_to_string", 4, array_to_string},
        {"litegres_string_to_array", 2, string_to_array},
        {"litegres_string_to_array", 3, string_to_array},
        {"litegres_array", -1, array_construct},
        {"litegres_array_append", 2, array_add<true>},
        {"litegres_array_prepend", 2, array_add<false>},
        {"litegres_array_cat", 2, array_cat},
        {"litegres_array_contains", 3, array_contains},
    };
    if (int rc = register_scalar_functions(db, kEntries); rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "litegres_array_agg", 1, SQLITE_UTF8, nullptr, nullptr, array_agg_step,
                                      array_agg_final, nullptr);
}

}  // namespace litegres::translate
