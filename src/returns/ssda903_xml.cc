// The SSDA903 XML form (ssda903_xml.h): where each table's columns are in the XML, the
// reader, and the writer.
#include "returns/ssda903_xml.h"

#include <fmt/format.h>

#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "returns/xml_reader.h"

namespace journey::returns {
namespace {

// The leaves of HEADER, of EPISODE and of each block, in the schema's order.
const std::vector<const char*> kHeaderLeaves = {
    "CHILDID",   "UPN",      "SEX",        "DOB",         "ETHNIC",    "UASC",
    "DUC",       "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
    "LS_ADOPTR", "IN_TOUCH", "ACTIV",      "ACCOM",       "MOTHER",    "MC_DOB"};
const std::vector<const char*> kEpisodeLeaves = {"DECOM",     "RNE", "LS",
                                                 "CIN",       "PL",  "PL_POST",
                                                 "HOME_POST", "URN", "PLACE_PROVIDER",
                                                 "DEC",       "REC", "REASON_PLACE_CHANGE"};

// Where a table's rows are in the XML: a block of HEADER (repeated or once), EPISODE, or
// HEADER's own leaves (present when any of `any_of` has a value; always when empty).
struct XmlTable {
  const char* table;
  const char* block;  // "" for HEADER's leaves, "EPISODE" beside HEADER, else inside HEADER
  bool repeated;
  std::vector<const char*> leaves;  // the block's leaves (for HEADER tables: the trigger)
};
const std::vector<XmlTable>& Tables() {
  static const std::vector<XmlTable> t = {
      {"Header", "", false, {}},
      {"Episodes", "EPISODE", true, kEpisodeLeaves},
      {"Reviews", "AREVIEW", true, {"REVIEW", "REVIEW_CODE"}},
      // A UASC row for a child flagged unaccompanied (UASC 1) or with a date the status
      // ceased.
      {"UASC", "", false, {"DUC"}},
      {"OC2",
       "OC2",
       false,
       {"SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
        "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"}},
      {"OC3", "", false, {"IN_TOUCH", "ACTIV", "ACCOM"}},
      {"AD1",
       "",
       false,
       {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}},
      {"PlacedAdoption",
       "AD_PLACED",
       true,
       {"DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}},
      {"PrevPerm", "PERMANENCE", false, {"PREV_PERM", "LA_PERM", "DATE_PERM"}},
      {"Missing", "AMISSING", true, {"MISSING", "MIS_START", "MIS_END"}},
  };
  return t;
}
const XmlTable* ForTable(std::string_view name) {
  for (const XmlTable& t : Tables())
    if (name == t.table) return &t;
  return nullptr;
}

// The XML element of a table's column: CHILD is CHILDID and PLACE is PL, as the DfE's
// schema names them; the rest share the CSV column's name.
std::string_view ElementOf(std::string_view column) {
  if (column == "CHILD") return "CHILDID";
  if (column == "PLACE") return "PL";
  return column;
}

using Block = std::map<std::string, Leaf>;  // leaf name -> value and line
struct XmlChild {
  int line = 0, header_line = 0;
  Block header;
  std::map<std::string, std::vector<std::pair<int, Block>>> blocks;  // name -> (line, leaves)
};

class Reader903 : public XmlReader {
 public:
  Reader903(const InputFile& f, Read903& out) : XmlReader(f, out.problems) {}

  std::vector<XmlChild> Run() {
    std::vector<XmlChild> children;
    pugi::xml_node root = Open("EXPSSDA903", "the SSDA903 XML");
    if (!root) return children;
    Children(root, "EXPSSDA903", {{"CHILD", [&](const pugi::xml_node& c, const std::string& p) {
                                     Child(c, p, children.emplace_back());
                                   }}});
    return children;
  }

 private:
  // A block of leaves: each allowed name once.
  void Leaves(const pugi::xml_node& n, const std::string& path,
              const std::vector<const char*>& names, Block& b, std::vector<Slot> more = {}) {
    for (const char* name : names) more.push_back(LeafSlot(name, b[name]));
    Children(n, path, more);
  }
  Slot Repeated(const char* name, XmlChild& c, const std::vector<const char*>& leaves) {
    return {name, [this, name, &c, leaves](const pugi::xml_node& n, const std::string& p) {
              auto& v = c.blocks[name];
              v.emplace_back(Line(n), Block());
              Leaves(n, p, leaves, v.back().second);
            }};
  }
  void Child(const pugi::xml_node& n, const std::string& path, XmlChild& c) {
    c.line = Line(n);
    int header = 0;
    std::vector<Slot> slots = {
        Once("HEADER", header,
             [&](const pugi::xml_node& h, const std::string& hp) {
               c.header_line = Line(h);
               std::vector<Slot> inner;
               for (const XmlTable& t : Tables()) {
                 const std::string_view block = t.block;
                 if (block.empty() || block == "EPISODE") continue;
                 if (t.repeated) {
                   inner.push_back(Repeated(t.block, c, t.leaves));
                 } else {
                   inner.push_back(
                       {t.block, [this, &c, &t](const pugi::xml_node& b, const std::string& bp) {
                          auto& v = c.blocks[t.block];
                          if (!v.empty()) {
                            Problem(Line(b), bp, "",
                                    fmt::format("{} is given twice; it may appear once", t.block));
                            return;
                          }
                          v.emplace_back(Line(b), Block());
                          Leaves(b, bp, t.leaves, v.back().second);
                        }});
                 }
               }
               Leaves(h, hp, kHeaderLeaves, c.header, std::move(inner));
               const Leaf& uasc = c.header["UASC"];
               if (!uasc.empty() && uasc.v != "0" && uasc.v != "1")
                 Problem(uasc.line, hp + "/UASC", uasc.v,
                         "UASC says whether the child is an unaccompanied asylum-seeking child; "
                         "allowed: 0, 1");
             }),
        Repeated("EPISODE", c, kEpisodeLeaves)};
    Children(n, path, slots);
    if (!header) Problem(c.line, path, "", "the CHILD has no HEADER; each CHILD has one");
  }
};

bool AnyGiven(const Block& b, const std::vector<const char*>& names) {
  for (const char* n : names)
    if (auto it = b.find(n); it != b.end() && !it->second.empty()) return true;
  return false;
}

}  // namespace

bool LooksLikeXml(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  const size_t at = t.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && t[at] == '<';
}

void ReadXml903(const InputFile& file, int year, const Ssda903Spec& spec, Read903& out) {
  const size_t before = out.problems.size();
  std::vector<XmlChild> children = Reader903(file, out).Run();
  if (out.problems.size() > before && children.empty()) return;
  for (const TableSpec* ts : spec.TablesIn(year)) {
    const XmlTable* xt = ForTable(ts->name);
    if (!xt) continue;  // SWEpisodes, DoLo: not in the XML form
    ReadTable t;
    t.spec = ts;
    t.file = file.name;
    for (XmlChild& c : children) {
      auto add = [&](int line, Block& b) {
        std::vector<std::string> row;
        for (const std::string& col : ts->columns) {
          const std::string e(ElementOf(col));
          // A block's own leaf, else the child's HEADER (CHILD, DOB, SEX).
          auto it = b.find(e);
          row.push_back(it != b.end() ? it->second.v : c.header[e].v);
        }
        t.rows.push_back(std::move(row));
        t.lines.push_back(line);
      };
      const std::string_view block = xt->block;
      if (block.empty()) {
        const bool want =
            ts->name == "Header" ||
            (ts->name == "UASC" ? c.header["UASC"].v == "1" || AnyGiven(c.header, xt->leaves)
                                : AnyGiven(c.header, xt->leaves));
        if (want) add(c.header_line ? c.header_line : c.line, c.header);
      } else {
        for (auto& [line, b] : c.blocks[xt->block]) add(line, b);
      }
    }
    out.tables.push_back(std::move(t));
  }
}

std::string Xml903(const Return903& ret, std::vector<std::string>* notes) {
  // Each child's rows of each table, children in the order they first appear.
  std::vector<std::string> order;
  std::map<std::string, std::map<std::string, std::vector<const std::vector<std::string>*>>> rows;
  for (const Table903& t : ret.tables) {
    if (!ForTable(t.spec->name)) {
      if (notes && !t.rows.empty())
        notes->push_back(fmt::format("{}: {} rows left out; the SSDA903 XML form has no {} table",
                                     t.spec->name, t.rows.size(), t.spec->name));
      continue;
    }
    const int child_col = t.spec->Column("CHILD");
    for (const auto& r : t.rows) {
      const std::string& child = r[static_cast<size_t>(child_col)];
      if (!rows.count(child)) order.push_back(child);
      rows[child][t.spec->name].push_back(&r);
    }
  }
  auto spec_of = [&](std::string_view name) -> const TableSpec* {
    for (const Table903& t : ret.tables)
      if (t.spec->name == name) return t.spec;
    return nullptr;
  };
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("EXPSSDA903");
  for (const std::string& child : order) {
    auto& mine = rows[child];
    // A leaf from the child's first row of `table` (column as the CSV names it).
    auto value = [&](std::string_view table, std::string_view column) -> std::string {
      auto it = mine.find(std::string(table));
      const TableSpec* ts = spec_of(table);
      if (it == mine.end() || it->second.empty() || !ts || ts->Column(column) < 0) return "";
      return (*it->second.front())[static_cast<size_t>(ts->Column(column))];
    };
    auto put = [](pugi::xml_node n, std::string_view name, const std::string& v) {
      if (!v.empty()) n.append_child(std::string(name).c_str()).text().set(v.c_str());
    };
    auto header_value = [&](const char* leaf) -> std::string {
      const std::string_view l = leaf;
      if (l == "CHILDID") return child;
      if (l == "UASC") return mine.count("UASC") ? "1" : "";
      for (const char* table : {"Header", "UASC", "AD1", "OC3"})
        if (std::string v = value(table, l); !v.empty()) return v;
      if (l == "DOB")  // a child with no Header row: the DOB any other row carries
        for (auto& [table, rs] : mine)
          if (std::string v = value(table, "DOB"); !v.empty()) return v;
      return "";
    };
    pugi::xml_node c = root.append_child("CHILD");
    pugi::xml_node h = c.append_child("HEADER");
    auto blocks = [&](std::string_view table) {
      const XmlTable* xt = ForTable(table);
      const TableSpec* ts = spec_of(table);
      if (!ts || !mine.count(std::string(table))) return;
      for (const auto* r : mine[std::string(table)]) {
        pugi::xml_node b = h.append_child(xt->block);
        for (const char* leaf : xt->leaves)
          put(b, leaf, (*r)[static_cast<size_t>(ts->Column(leaf))]);
      }
    };
    // The schema's order: the flat leaves up to ACCOM, the missing and review blocks, the
    // mother's leaves, then permanence, OC2 and placements for adoption.
    for (const char* leaf : kHeaderLeaves) {
      const std::string_view l = leaf;
      if (l == "MOTHER") {
        blocks("Missing");
        blocks("Reviews");
      }
      put(h, l, header_value(leaf));
    }
    blocks("PrevPerm");
    blocks("OC2");
    blocks("PlacedAdoption");
    if (const TableSpec* ts = spec_of("Episodes"); ts && mine.count("Episodes"))
      for (const auto* r : mine["Episodes"]) {
        pugi::xml_node e = c.append_child("EPISODE");
        for (const char* leaf : kEpisodeLeaves) {
          const std::string_view l = leaf;
          put(e, l, (*r)[static_cast<size_t>(ts->Column(l == "PL" ? "PLACE" : l))]);
        }
      }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace journey::returns
