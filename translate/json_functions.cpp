// json_functions.cpp — json/jsonb operators and functions as SQLite
// functions. Every function parses its arguments with pgwire::JsonValue, so
// json results keep their input text (spans of the source) and jsonb results
// are canonical, and raises PostgreSQL's SQLSTATE for bad input.
#include "translate/function_error.h"
#include "translate/json_functions.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "pgwire/array_value.h"
#include "pgwire/json_value.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/text_format.h"
#include "pgwire/type_oid.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

namespace oid = pgwire::oid;
namespace sqlstate = pgwire::sqlstate;
using pgwire::JsonValue;
using pgwire::PgError;
using Kind = JsonValue::Kind;
using pgwire::Oid;

bool is_null(sqlite3_value* v) { return sqlite3_value_type(v) == SQLITE_NULL; }

// Runs `body`, turning a PgError into the "litegres:SQLSTATE:message" error
// the executor decodes.
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

// A document argument: the parsed value plus its source (json keeps spans).
struct Document {
    std::string source;
    JsonValue root;
    bool jsonb = true;

    Document(sqlite3_value* v, bool is_jsonb) : source(value_string(v)), root(JsonValue::parse(source, is_jsonb)), jsonb(is_jsonb) {}

    // A node's text as json (its input span) or jsonb (canonical).
    std::string text(const JsonValue& node) const {
        return jsonb ? node.jsonb_text() : source.substr(node.begin, node.end - node.begin);
    }
};

// -> / ->> / #> / #>> results: a node as json(b) text, or as text.
void result_node(sqlite3_context* ctx, const Document& doc, const JsonValue* node, bool as_text) {
    if (node == nullptr || (as_text && node->kind == Kind::kNull)) {
        sqlite3_result_null(ctx);
        return;
    }
    if (as_text && node->kind == Kind::kString) {
        result_text(ctx, node->text);
        return;
    }
    result_text(ctx, doc.text(*node));
}

const JsonValue* array_item(const JsonValue& array, long long index) {
    long long n = (long long)array.items.size();
    if (index < 0) index += n;
    if (index < 0 || index >= n) return nullptr;
    return &array.items[size_t(index)];
}

const JsonValue* step(const JsonValue* node, sqlite3_value* key) {
    if (node == nullptr) return nullptr;
    int type = sqlite3_value_type(key);
    if (type == SQLITE_INTEGER) {
        return node->kind == Kind::kArray ? array_item(*node, sqlite3_value_int64(key)) : nullptr;
    }
    return node->kind == Kind::kObject ? node->find_member(value_string(key)) : nullptr;
}

// A text[] path element applied as #> does: a key for objects, an integer
// for arrays.
const JsonValue* path_step(const JsonValue* node, const std::string& element) {
    if (node == nullptr) return nullptr;
    if (node->kind == Kind::kObject) return node->find_member(element);
    if (node->kind != Kind::kArray) return nullptr;
    char* end = nullptr;
    long long index = std::strtoll(element.c_str(), &end, 10);
    if (element.empty() || *end != '\0') return nullptr;
    return array_item(*node, index);
}

std::vector<std::optional<std::string>> text_array(sqlite3_value* v) {
    return pgwire::ArrayValue::from_storage(value_string(v), oid::kText).elements;
}

// litegres_json_get(doc, jsonb, as_text, key_or_index)
void json_get(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[3])) return sqlite3_result_null(ctx);
        Document doc(argv[0], sqlite3_value_int(argv[1]) != 0);
        result_node(ctx, doc, step(&doc.root, argv[3]), sqlite3_value_int(argv[2]) != 0);
    });
}

// litegres_json_path(doc, jsonb, as_text, text[] path)
void json_path(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[3])) return sqlite3_result_null(ctx);
        Document doc(argv[0], sqlite3_value_int(argv[1]) != 0);
        const JsonValue* node = &doc.root;
        for (const auto& element : text_array(argv[3])) {
            node = element ? path_step(node, *element) : nullptr;
        }
        result_node(ctx, doc, node, sqlite3_value_int(argv[2]) != 0);
    });
}

// litegres_json_in(text, jsonb): the text -> json/jsonb cast.
void json_in(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        bool jsonb = sqlite3_value_int(argv[1]) != 0;
        std::string text = value_string(argv[0]);
        JsonValue v = JsonValue::parse(text, jsonb);
        if (!jsonb) return result_text(ctx, text);
        v.canonicalize();
        result_text(ctx, v.jsonb_text());
    });
}

JsonValue jsonb_arg(sqlite3_value* v) {
    JsonValue out = JsonValue::parse(value_string(v), true);
    out.canonicalize();
    return out;
}

void jsonb_contains(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        sqlite3_result_int(ctx, jsonb_arg(argv[0]).contains(jsonb_arg(argv[1])) ? 1 : 0);
    });
}

bool has_key(const JsonValue& v, const std::string& key) {
    if (v.kind == Kind::kObject) return v.find_member(key) != nullptr;
    if (v.kind == Kind::kArray) {
        return std::any_of(v.items.begin(), v.items.end(),
                           [&](auto& item) { return item.kind == Kind::kString && item.text == key; });
    }
    return v.kind == Kind::kString && v.text == key;
}

void jsonb_exists(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        sqlite3_result_int(ctx, has_key(jsonb_arg(argv[0]), value_string(argv[1])) ? 1 : 0);
    });
}

// litegres_jsonb_exists_many(doc, text[] keys, all)
void jsonb_exists_many(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        JsonValue doc = jsonb_arg(argv[0]);
        bool all = sqlite3_value_int(argv[2]) != 0;
        bool result = all;
        for (const auto& key : text_array(argv[1])) {
            if (!key) continue;  // NULL keys are ignored
            bool found = has_key(doc, *key);
            if (all && !found) result = false;
            if (!all && found) result = true;
        }
        sqlite3_result_int(ctx, result ? 1 : 0);
    });
}

void jsonb_concat(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        JsonValue a = jsonb_arg(argv[0]), b = jsonb_arg(argv[1]);
        JsonValue out;
        if (a.kind == Kind::kObject && b.kind == Kind::kObject) {
            out = a;
            for (auto& m : b.members) out.members.push_back(m);
            out.canonicalize();
        } else {
            out.kind = Kind::kArray;
            auto add = [&](JsonValue& v) {
                if (v.kind == Kind::kArray) {
                    for (auto& item : v.items) out.items.push_back(item);
                } else {
                    out.items.push_back(v);
                }
            };
            add(a);
            add(b);
        }
        result_text(ctx, out.jsonb_text());
    });
}

// litegres_jsonb_delete(doc, key | index | text[] keys, is_key_array)
void jsonb_delete(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(ctx);
        JsonValue doc = jsonb_arg(argv[0]);
        if (doc.kind != Kind::kObject && doc.kind != Kind::kArray) {
            throw PgError(sqlstate::kInvalidParameterValue, "cannot delete from scalar");
        }
        std::vector<std::string> keys;
        if (sqlite3_value_type(argv[1]) == SQLITE_INTEGER) {
            if (doc.kind == Kind::kObject) {
                throw PgError(sqlstate::kInvalidParameterValue, "cannot delete from object using integer index");
            }
            long long n = (long long)doc.items.size(), index = sqlite3_value_int64(argv[1]);
            if (index < 0) index += n;
            if (index >= 0 && index < n) doc.items.erase(doc.items.begin() + index);
            return result_text(ctx, doc.jsonb_text());
        }
        if (sqlite3_value_int(argv[2]) != 0) {
            for (const auto& k : text_array(argv[1])) {
                if (k) keys.push_back(*k);
            }
        } else {
            keys.push_back(value_string(argv[1]));
        }
        auto doomed = [&](const std::string& k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
        if (doc.kind == Kind::kObject) {
            doc.members.erase(std::remove_if(doc.members.begin(), doc.members.end(), [&](auto& m) { return doomed(m.first); }),
                              doc.members.end());
        } else {
            doc.items.erase(std::remove_if(doc.items.begin(), doc.items.end(),
                                           [&](auto& i) { return i.kind == Kind::kString && doomed(i.text); }),
                            doc.items.end());
        }
        result_text(ctx, doc.jsonb_text());
    });
}

void json_typeof(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        sqlite3_result_text(ctx, JsonValue::parse(value_string(argv[0])).type_name(), -1, SQLITE_STATIC);
    });
}

void json_array_length(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        JsonValue v = JsonValue::parse(value_string(argv[0]));
        if (v.kind != Kind::kArray) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          v.kind == Kind::kObject ? "cannot get array length of a non-array"
                                                  : "cannot get array length of a scalar");
        }
        sqlite3_result_int64(ctx, (sqlite3_int64)v.items.size());
    });
}

void strip_nulls(JsonValue& v) {
    if (v.kind == Kind::kObject) {
        v.members.erase(std::remove_if(v.members.begin(), v.members.end(),
                                       [](auto& m) { return m.second.kind == Kind::kNull; }),
                        v.members.end());
        for (auto& m : v.members) strip_nulls(m.second);
    }
    for (auto& item : v.items) strip_nulls(item);
}

void jsonb_strip_nulls(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        JsonValue v = jsonb_arg(argv[0]);
        strip_nulls(v);
        result_text(ctx, v.jsonb_text());
    });
}

void append_pretty(std::string& out, const JsonValue& v, int depth) {
    std::string indent(size_t(depth + 1) * 4, ' '), close(size_t(depth) * 4, ' ');
    if (v.kind == Kind::kArray) {
        if (v.items.empty()) {
            out += "[\n" + close + "]";
            return;
        }
        out += "[\n";
        for (size_t i = 0; i < v.items.size(); ++i) {
            out += indent;
            append_pretty(out, v.items[i], depth + 1);
            out += i + 1 < v.items.size() ? ",\n" : "\n";
        }
        out += close + "]";
        return;
    }
    if (v.kind == Kind::kObject) {
        out += "{\n";
        for (size_t i = 0; i < v.members.size(); ++i) {
            out += indent;
            pgwire::append_json_string(out, v.members[i].first);
            out += ": ";
            append_pretty(out, v.members[i].second, depth + 1);
            out += i + 1 < v.members.size() ? ",\n" : "\n";
        }
        out += close + "}";
        return;
    }
    v.append_jsonb_text(out);
}

void jsonb_pretty(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::string out;
        JsonValue v = jsonb_arg(argv[0]);
        append_pretty(out, v, 0);
        result_text(ctx, out);
    });
}

long long path_index(const std::string& element, size_t position) {
    char* end = nullptr;
    long long index = std::strtoll(element.c_str(), &end, 10);
    if (element.empty() || *end != '\0') {
        throw PgError(sqlstate::kInvalidTextRepresentation,
                      "path element at position " + std::to_string(position) + " is not an integer: \"" + element + "\"");
    }
    return index;
}

// jsonb_set (insert = false) and jsonb_insert (insert = true) at `path`.
void set_path(JsonValue& node, const std::vector<std::optional<std::string>>& path, size_t at,
              const JsonValue& value, bool create_or_after, bool insert) {
    if (!path[at]) {
        throw PgError(sqlstate::kNullValueNotAllowed,
                      "path element at position " + std::to_string(at + 1) + " is null");
    }
    const std::string& element = *path[at];
    bool last = at + 1 == path.size();
    if (node.kind == Kind::kObject) {
        for (auto& m : node.members) {
            if (m.first != element) continue;
            if (!last) return set_path(m.second, path, at + 1, value, create_or_after, insert);
            if (insert) {
                throw PgError(sqlstate::kInvalidParameterValue, "cannot replace existing key")
                    .with_hint("Try using the function jsonb_set to replace key value.");
            }
            m.second = value;
            return;
        }
        if (last && (create_or_after || insert)) {
            node.members.emplace_back(element, value);
            node.canonicalize();
        }
        return;
    }
    if (node.kind == Kind::kArray) {
        long long n = (long long)node.items.size(), index = path_index(element, at + 1);
        if (index < 0) index += n;
        if (!last) {
            if (index >= 0 && index < n) set_path(node.items[size_t(index)], path, at + 1, value, create_or_after, insert);
            return;
        }
        if (insert) {
            long long where = std::clamp(index + (create_or_after ? 1 : 0), 0LL, n);
            node.items.insert(node.items.begin() + where, value);
        } else if (index >= 0 && index < n) {
            node.items[size_t(index)] = value;
        } else if (create_or_after) {
            node.items.insert(index < 0 ? node.items.begin() : node.items.end(), value);
        }
        return;
    }
    if (at == 0) throw PgError(sqlstate::kInvalidParameterValue, "cannot set path in scalar");
}

// litegres_jsonb_set(doc, path, value, create_missing_or_insert_after, is_insert)
void jsonb_set(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        for (int i = 0; i < 4; ++i) {
            if (is_null(argv[i])) return sqlite3_result_null(ctx);
        }
        JsonValue doc = jsonb_arg(argv[0]);
        auto path = text_array(argv[1]);
        if (!path.empty()) {
            set_path(doc, path, 0, jsonb_arg(argv[2]), sqlite3_value_int(argv[3]) != 0, sqlite3_value_int(argv[4]) != 0);
        }
        result_text(ctx, doc.jsonb_text());
    });
}

std::string timestamp_json(std::string text, bool with_zone) {
    size_t space = text.find(' ');
    if (space != std::string::npos) text[space] = 'T';
    if (with_zone) {
        size_t sign = text.find_last_of("+-");
        if (sign != std::string::npos && sign > 10 && text.size() - sign == 3) text += ":00";
    }
    return text;
}

// A value of PostgreSQL type `type` as to_json renders it; nullopt for NULL.
std::optional<std::string> render(sqlite3_value* v, Oid type) {
    if (is_null(v)) return std::nullopt;
    std::string out;
    if (Oid element = pgwire::array_element_type(type); element != 0) {
        JsonValue stored = JsonValue::parse(value_string(v));
        auto walk = [&](auto& self, const JsonValue& node) -> void {
            if (node.kind == Kind::kArray) {
                out.push_back('[');
                for (size_t i = 0; i < node.items.size(); ++i) {
                    if (i > 0) out.push_back(',');
                    self(self, node.items[i]);
                }
                out.push_back(']');
                return;
            }
            if (node.kind == Kind::kNull) {
                out += "null";
            } else if (element == oid::kBool) {
                out += (node.kind == Kind::kBool ? node.boolean : node.text != "0") ? "true" : "false";
            } else if (element == oid::kJson || element == oid::kJsonb) {
                out += node.text;
            } else if (node.kind == Kind::kNumber) {
                out += node.text;
            } else if (element == oid::kTimestamp || element == oid::kTimestamptz) {
                pgwire::append_json_string(out, timestamp_json(node.text, element == oid::kTimestamptz));
            } else {
                pgwire::append_json_string(out, node.text);
            }
        };
        walk(walk, stored);
        return out;
    }
    switch (type) {
        case oid::kBool: return sqlite3_value_int(v) != 0 ? "true" : "false";
        case oid::kInt2:
        case oid::kInt4:
        case oid::kInt8:
        case oid::kOid: return std::to_string(sqlite3_value_int64(v));
        case oid::kFloat4:
        case oid::kFloat8:
        case oid::kNumeric: {
            if (sqlite3_value_type(v) == SQLITE_TEXT) return value_string(v);
            double d = sqlite3_value_double(v);
            if (type != oid::kNumeric && (std::isnan(d) || std::isinf(d))) {
                pgwire::append_float8_text(out, d);
                return "\"" + out + "\"";
            }
            if (sqlite3_value_type(v) == SQLITE_INTEGER) return std::to_string(sqlite3_value_int64(v));
            if (type == oid::kFloat4) {
                pgwire::append_float4_text(out, float(d));
            } else {
                pgwire::append_float8_text(out, d);
            }
            return out;
        }
        case oid::kJson:
        case oid::kJsonb: return value_string(v);
        case oid::kTimestamp:
        case oid::kTimestamptz:
            pgwire::append_json_string(out, timestamp_json(value_string(v), type == oid::kTimestamptz));
            return out;
        default: pgwire::append_json_string(out, value_string(v)); return out;
    }
}

// litegres_to_json(value, type_oid, jsonb)
void to_json(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        auto out = render(argv[0], Oid(sqlite3_value_int64(argv[1])));
        if (!out) return sqlite3_result_null(ctx);
        if (sqlite3_value_int(argv[2]) != 0) {
            JsonValue v = JsonValue::parse(*out, true);
            v.canonicalize();
            return result_text(ctx, v.jsonb_text());
        }
        result_text(ctx, *out);
    });
}

std::string finish(const std::string& json_text, bool jsonb) {
    if (!jsonb) return json_text;
    JsonValue v = JsonValue::parse(json_text, true);
    v.canonicalize();
    return v.jsonb_text();
}

// litegres_json_build_object(jsonb, key, value_json, ...): values arrive
// rendered by litegres_to_json.
void json_build_object(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        bool jsonb = sqlite3_value_int(argv[0]) != 0;
        if ((argc - 1) % 2 != 0) {
            throw PgError(sqlstate::kInvalidParameterValue, "argument list must have even number of elements")
                .with_hint(std::string("The arguments of ") + (jsonb ? "jsonb" : "json") +
                           "_build_object() must consist of alternating keys and values.");
        }
        std::string out = "{";
        for (int i = 1; i < argc; i += 2) {
            if (is_null(argv[i])) {
                throw PgError(sqlstate::kInvalidParameterValue, "argument " + std::to_string(i) + " cannot be null")
                    .with_hint("Object keys should be text.");
            }
            if (i > 1) out += ", ";
            pgwire::append_json_string(out, value_string(argv[i]));
            out += " : ";
            out += is_null(argv[i + 1]) ? "null" : value_string(argv[i + 1]);
        }
        result_text(ctx, finish(out + "}", jsonb));
    });
}

// litegres_json_row(pretty, key, value_json, ...): a row as row_to_json
// writes it, {"a":1,"b":"x"}; pretty puts each field after the first on a
// new line.
void json_row(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        const char* separator = sqlite3_value_int(argv[0]) != 0 ? ",\n " : ",";
        std::string out = "{";
        for (int i = 1; i + 1 < argc; i += 2) {
            if (i > 1) out += separator;
            pgwire::append_json_string(out, value_string(argv[i]));
            out += ":";
            out += is_null(argv[i + 1]) ? "null" : value_string(argv[i + 1]);
        }
        result_text(ctx, out + "}");
    });
}

// litegres_json_build_array(jsonb, value_json, ...)
void json_build_array(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    guarded(ctx, [&] {
        std::string out = "[";
        for (int i = 1; i < argc; ++i) {
            if (i > 1) out += ", ";
            out += is_null(argv[i]) ? "null" : value_string(argv[i]);
        }
        result_text(ctx, finish(out + "]", sqlite3_value_int(argv[0]) != 0));
    });
}

// Aggregate state: the text built so far, or an error seen on the way.
struct AggregateState {
    std::string text;
    bool started = false;
    bool jsonb = false;
};

AggregateState* state_of(sqlite3_context* ctx) {
    auto** slot = static_cast<AggregateState**>(sqlite3_aggregate_context(ctx, sizeof(AggregateState*)));
    if (slot == nullptr) return nullptr;
    if (*slot == nullptr) *slot = new AggregateState();
    return *slot;
}

// litegres_json_agg(value_json, jsonb [, structured]): json_agg puts each
// row or array after the first on a line of its own.
void json_agg_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    AggregateState* s = state_of(ctx);
    if (s == nullptr) return sqlite3_result_error_nomem(ctx);
    s->jsonb = sqlite3_value_int(argv[1]) != 0;
    bool structured = argc > 2 && sqlite3_value_int(argv[2]) != 0 && !s->jsonb;
    s->text += s->started ? (structured ? ", \n " : ", ") : "[";
    s->started = true;
    s->text += is_null(argv[0]) ? "null" : value_string(argv[0]);
}

// litegres_json_object_agg(key, value_json, jsonb)
void json_object_agg_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    AggregateState* s = state_of(ctx);
    if (s == nullptr) return sqlite3_result_error_nomem(ctx);
    if (is_null(argv[0])) {
        return report_error(ctx, sqlstate::kInvalidParameterValue, "field name must not be null");
    }
    s->jsonb = sqlite3_value_int(argv[2]) != 0;
    s->text += s->started ? ", " : "{ ";
    s->started = true;
    pgwire::append_json_string(s->text, value_string(argv[0]));
    s->text += " : ";
    s->text += is_null(argv[1]) ? "null" : value_string(argv[1]);
}

template <char kClose>
void json_aggregate_final(sqlite3_context* ctx) {
    auto** slot = static_cast<AggregateState**>(sqlite3_aggregate_context(ctx, 0));
    if (slot == nullptr || *slot == nullptr) return sqlite3_result_null(ctx);
    AggregateState* s = *slot;
    std::string text = s->text + (kClose == '}' ? " }" : "]");
    bool jsonb = s->jsonb;
    delete s;
    *slot = nullptr;
    guarded(ctx, [&] { result_text(ctx, finish(text, jsonb)); });
}

// litegres_json_expect(doc, 'array'|'object', function): the argument of a
// set-returning json function, checked to be what it iterates over.
void json_expect(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        std::string text = value_string(argv[0]);
        JsonValue v = JsonValue::parse(text);
        std::string want = value_string(argv[1]), function = value_string(argv[2]);
        if (want == "array" && v.kind != Kind::kArray) {
            throw PgError(sqlstate::kInvalidParameterValue, v.kind == Kind::kObject
                                                                ? "cannot extract elements from an object"
                                                                : "cannot extract elements from a scalar");
        }
        if (want == "object" && v.kind != Kind::kObject) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          "cannot call " + function + " on " + (v.kind == Kind::kArray ? "an array" : "a scalar"));
        }
        result_text(ctx, text);
    });
}

// litegres_jsonb_scalar(doc, 'number'|'boolean', target type name): the
// jsonb -> numeric/boolean casts, which take only a scalar of that kind.
void jsonb_scalar(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (is_null(argv[0])) return sqlite3_result_null(ctx);
        JsonValue v = JsonValue::parse(value_string(argv[0]));
        bool boolean = value_string(argv[1]) == "boolean";
        Kind want = boolean ? Kind::kBool : Kind::kNumber;
        if (v.kind != want) {
            const char* kind = v.kind == Kind::kObject ? "object" : v.kind == Kind::kArray ? "array"
                               : v.kind == Kind::kString ? "string" : v.kind == Kind::kNull ? "null"
                               : v.kind == Kind::kBool ? "boolean" : "numeric";
            throw PgError(sqlstate::kInvalidParameterValue,
                          std::string("cannot cast jsonb ") + kind + " to type " + value_string(argv[2]));
        }
        if (boolean) return sqlite3_result_int(ctx, v.boolean ? 1 : 0);
        std::string number = pgwire::normalize_json_number(v.text);
        if (number.find('.') == std::string::npos && number.size() < 19) {
            return sqlite3_result_int64(ctx, std::strtoll(number.c_str(), nullptr, 10));
        }
        sqlite3_result_double(ctx, std::strtod(number.c_str(), nullptr));
    });
}

}  // namespace

int register_json_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_json_in", 2, json_in},
        {"litegres_json_expect", 3, json_expect},
        {"litegres_jsonb_scalar", 3, jsonb_scalar},
        {"litegres_json_get", 4, json_get},
        {"litegres_json_path", 4, json_path},
        {"litegres_jsonb_contains", 2, jsonb_contains},
        {"litegres_jsonb_exists", 2, jsonb_exists},
        {"litegres_jsonb_exists_many", 3, jsonb_exists_many},
        {"litegres_jsonb_concat", 2, jsonb_concat},
        {"litegres_jsonb_delete", 3, jsonb_delete},
        {"litegres_json_typeof", 1, json_typeof},
        {"litegres_json_array_length", 1, json_array_length},
        {"litegres_jsonb_strip_nulls", 1, jsonb_strip_nulls},
        {"litegres_jsonb_pretty", 1, jsonb_pretty},
        {"litegres_jsonb_set", 5, jsonb_set},
        {"litegres_to_json", 3, to_json},
        {"litegres_json_build_object", -1, json_build_object},
        {"litegres_json_row", -1, json_row},
        {"litegres_json_build_array", -1, json_build_array},
    };
    if (int rc = register_scalar_functions(db, kEntries); rc != SQLITE_OK) return rc;
    for (int argc : {2, 3}) {
        int rc = sqlite3_create_function_v2(db, "litegres_json_agg", argc, SQLITE_UTF8, nullptr, nullptr,
                                            json_agg_step, json_aggregate_final<']'>, nullptr);
        if (rc != SQLITE_OK) return rc;
    }
    return sqlite3_create_function_v2(db, "litegres_json_object_agg", 3, SQLITE_UTF8, nullptr, nullptr,
                                      json_object_agg_step, json_aggregate_final<'}'>, nullptr);
}

}  // namespace litegres::translate
