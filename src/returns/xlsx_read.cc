#include "returns/xlsx_read.h"

#include <fmt/format.h>
#include <zip.h>

#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>

namespace journey::returns {
namespace {

// The local part of an XML name: writers may or may not prefix SpreadsheetML elements
// ("x:sheetData"), and pugixml does not resolve namespaces.
std::string_view Local(const char* name) {
  std::string_view n(name);
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

template <typename F>
void Children(pugi::xml_node parent, std::string_view name, F&& fn) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && Local(c.name()) == name) fn(c);
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && Local(c.name()) == name) return c;
  return {};
}

// The relationship id attribute (r:id), whatever its prefix.
const char* RelId(pugi::xml_node n) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name(a.name());
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return "";
}

// The text of a shared or inline string: its <t>, or its rich-text runs' <t>s in order.
std::string StringText(pugi::xml_node si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (Local(c.name()) == "t") out += c.text().get();
    if (Local(c.name()) == "r") out += Child(c, "t").text().get();
  }
  return out;
}

// Whether a number format shows a date. Built-in ids 14 to 17 and 22 are dates (ECMA-376
// Part 1, 18.8.30); a custom format is one when, outside quoted text, escapes and
// [brackets], it has a day or year, or a month without hours or seconds.
bool DateFormat(int id, const std::map<int, std::string>& custom) {
  if ((id >= 14 && id <= 17) || id == 22) return true;
  auto it = custom.find(id);
  if (it == custom.end()) return false;
  bool d = false, y = false, m = false, h = false, s = false, quoted = false;
  int bracket = 0;
  const std::string& f = it->second;
  for (size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == '"') quoted = !quoted;
    if (quoted || c == '"') continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket) continue;
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    d |= c == 'd', y |= c == 'y', m |= c == 'm', h |= c == 'h', s |= c == 's';
  }
  return d || y || (m && !h && !s);
}

class Archive {
 public:
  Archive(std::string_view file, const XlsxLimits& limits) : file_(file), limits_(limits) {}
  ~Archive() {
    if (za_) zip_discard(za_);
  }

  Status Open(std::string_view bytes) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    if (!src) return Internal(fmt::format("{}: cannot read: {}", file_, zip_error_strerror(&ze)));
    za_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!za_) {
      const int code = zip_error_code_zip(&ze);
      zip_source_free(src);
      zip_error_fini(&ze);
      if (code == ZIP_ER_NOZIP)
        return InvalidArgument(fmt::format(
            "{}: not a workbook: an .xlsx file is a zip archive, and this is not one, or it is "
            "truncated (its end is missing)",
            file_));
      return InvalidArgument(
          fmt::format("{}: not a workbook: a damaged or truncated zip archive (libzip: error {})",
                      file_, code));
    }
    return Status::Ok();
  }

  bool Has(const std::string& part) { return zip_name_locate(za_, part.c_str(), 0) >= 0; }

  // A part's bytes, refused when it would expand past the limits (its stated size is
  // checked first, and the bytes actually read are counted, since a zip can lie).
  Result<std::string> Read(const std::string& part) {
    const zip_int64_t idx = zip_name_locate(za_, part.c_str(), 0);
    if (idx < 0)
      return Err(
          InvalidArgument(fmt::format("{}: not a workbook: it has no part {}", file_, part)));
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, static_cast<zip_uint64_t>(idx), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE))
      JOURNEY_RETURN_IF_ERROR(Budget(part, st.size));
    zip_file_t* zf = zip_fopen_index(za_, static_cast<zip_uint64_t>(idx), 0);
    if (!zf)
      return Err(InvalidArgument(
          fmt::format("{}: part {} cannot be opened: {}", file_, part, zip_strerror(za_))));
    std::string out;
    char buf[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(zf, buf, sizeof buf);
      if (n < 0) {
        std::string why = zip_file_strerror(zf);
        zip_fclose(zf);
        return Err(InvalidArgument(
            fmt::format("{}: part {} is damaged or truncated: {}", file_, part, why)));
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      if (Status b = Budget(part, out.size()); !b.ok()) {
        zip_fclose(zf);
        return Err(b);
      }
    }
    zip_fclose(zf);
    total_ += out.size();
    return out;
  }

 private:
  Status Budget(const std::string& part, uint64_t size) const {
    if (size > limits_.max_part_bytes || total_ + size > limits_.max_total_bytes)
      return InvalidArgument(fmt::format(
          "{}: part {} expands to more than {} MB (at most {} MB a part and {} MB in all are "
          "read): refused as a possible zip bomb",
          file_, part, size >> 20, limits_.max_part_bytes >> 20, limits_.max_total_bytes >> 20));
    return Status::Ok();
  }
  std::string file_;
  XlsxLimits limits_;
  zip_t* za_ = nullptr;
  uint64_t total_ = 0;
};

Result<pugi::xml_document> Parse(const std::string& bytes, std::string_view file,
                                 const std::string& part) {
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(),
                                             pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r)
    return Err(InvalidArgument(fmt::format("{}: part {} is not well-formed XML at byte {}: {}",
                                           file, part, r.offset, r.description())));
  return doc;
}

// "xl/worksheets/sheet1.xml" from a relationship target relative to xl/.
std::string PartName(std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

}  // namespace

std::string XlsxCell::Ref(int row) const { return XlsxColumnName(col) + std::to_string(row); }

int XlsxColumn(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return -1;
  int c = 0;
  for (char ch : letters) {
    if (ch < 'A' || ch > 'Z') return -1;
    c = c * 26 + (ch - 'A' + 1);
  }
  return c - 1 <= 16383 ? c - 1 : -1;  // XFD, the last column
}

std::string XlsxColumnName(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes, std::string_view file,
                                        const XlsxLimits& limits) {
  Archive zip(file, limits);
  JOURNEY_RETURN_IF_ERROR(zip.Open(bytes));
  if (!zip.Has("xl/workbook.xml"))
    return Err(InvalidArgument(fmt::format(
        "{}: not a workbook: a zip archive without xl/workbook.xml (is it a .docx, .ods or "
        "another zip?)",
        file)));
  JOURNEY_ASSIGN_OR_RETURN(std::string wb_bytes, zip.Read("xl/workbook.xml"));
  JOURNEY_ASSIGN_OR_RETURN(pugi::xml_document wb, Parse(wb_bytes, file, "xl/workbook.xml"));
  JOURNEY_ASSIGN_OR_RETURN(std::string rel_bytes, zip.Read("xl/_rels/workbook.xml.rels"));
  JOURNEY_ASSIGN_OR_RETURN(pugi::xml_document rels,
                           Parse(rel_bytes, file, "xl/_rels/workbook.xml.rels"));
  std::map<std::string, std::string> targets;
  Children(Child(rels, "Relationships"), "Relationship", [&](pugi::xml_node r) {
    targets[r.attribute("Id").value()] = r.attribute("Target").value();
  });

  std::vector<std::string> shared;
  if (zip.Has("xl/sharedStrings.xml")) {
    JOURNEY_ASSIGN_OR_RETURN(std::string b, zip.Read("xl/sharedStrings.xml"));
    JOURNEY_ASSIGN_OR_RETURN(pugi::xml_document sst, Parse(b, file, "xl/sharedStrings.xml"));
    Children(Child(sst, "sst"), "si", [&](pugi::xml_node si) { shared.push_back(StringText(si)); });
  }
  std::vector<bool> date_style;  // by cell style index (the s attribute)
  if (zip.Has("xl/styles.xml")) {
    JOURNEY_ASSIGN_OR_RETURN(std::string b, zip.Read("xl/styles.xml"));
    JOURNEY_ASSIGN_OR_RETURN(pugi::xml_document st, Parse(b, file, "xl/styles.xml"));
    pugi::xml_node ss = Child(st, "styleSheet");
    std::map<int, std::string> custom;
    Children(Child(ss, "numFmts"), "numFmt", [&](pugi::xml_node f) {
      custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    });
    Children(Child(ss, "cellXfs"), "xf", [&](pugi::xml_node xf) {
      date_style.push_back(DateFormat(xf.attribute("numFmtId").as_int(), custom));
    });
  }

  std::vector<XlsxSheet> out;
  size_t cells = 0;
  std::set<std::string> seen_parts;
  pugi::xml_node sheets = Child(Child(wb, "workbook"), "sheets");
  for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element || Local(s.name()) != "sheet") continue;
    XlsxSheet sheet;
    sheet.name = s.attribute("name").value();
    auto t = targets.find(RelId(s));
    if (t == targets.end())
      return Err(InvalidArgument(fmt::format(
          "{}: not a workbook: sheet \"{}\" names no part in xl/_rels/workbook.xml.rels", file,
          sheet.name)));
    const std::string part = PartName(t->second);
    if (!seen_parts.insert(part).second)
      return Err(InvalidArgument(
          fmt::format("{}: sheets share the part {}: not a workbook Journey reads", file, part)));
    JOURNEY_ASSIGN_OR_RETURN(std::string b, zip.Read(part));
    JOURNEY_ASSIGN_OR_RETURN(pugi::xml_document ws, Parse(b, file, part));
    int row_no = 0;
    Status bad;
    Children(Child(Child(ws, "worksheet"), "sheetData"), "row", [&](pugi::xml_node r) {
      if (!bad.ok()) return;
      const int n = r.attribute("r").as_int(row_no + 1);
      row_no = n;
      XlsxRow row;
      row.number = n;
      int col = -1;
      Children(r, "c", [&](pugi::xml_node c) {
        if (!bad.ok()) return;
        std::string_view ref = c.attribute("r").value();
        size_t letters = 0;
        while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') ++letters;
        col = ref.empty() ? col + 1 : XlsxColumn(ref.substr(0, letters));
        if (col < 0) {
          bad =
              InvalidArgument(fmt::format("{}: sheet \"{}\" row {}: cell reference \"{}\" is "
                                          "not a column and row such as B3",
                                          file, sheet.name, n, ref));
          return;
        }
        XlsxCell cell;
        cell.col = col;
        std::string_view type = c.attribute("t").value();
        const char* v = Child(c, "v").text().get();
        if (type == "s") {
          const long idx = Child(c, "v").text().as_llong(-1);
          if (idx < 0 || static_cast<size_t>(idx) >= shared.size()) {
            bad = InvalidArgument(fmt::format(
                "{}: sheet \"{}\" cell {}: shared string {} does not exist (the workbook has {})",
                file, sheet.name, cell.Ref(n), v, shared.size()));
            return;
          }
          cell.text = shared[static_cast<size_t>(idx)];
        } else if (type == "inlineStr") {
          cell.text = StringText(Child(c, "is"));
        } else if (type == "str") {
          cell.text = v;
        } else if (type == "e") {
          cell.type = XlsxCell::Type::kError;
          cell.text = v;
        } else if (*v == '\0') {
          return;  // a styled but empty cell
        } else {
          cell.type = type == "b" ? XlsxCell::Type::kBool : XlsxCell::Type::kNumber;
          cell.text = v;
          const char* end = v + std::strlen(v);
          auto [p, ec] = std::from_chars(v, end, cell.number);
          if (ec != std::errc() || p != end) {
            bad = InvalidArgument(fmt::format("{}: sheet \"{}\" cell {}: \"{}\" is not a number",
                                              file, sheet.name, cell.Ref(n), v));
            return;
          }
          const int style = c.attribute("s").as_int(0);
          cell.date = cell.type == XlsxCell::Type::kNumber && style >= 0 &&
                      static_cast<size_t>(style) < date_style.size() &&
                      date_style[static_cast<size_t>(style)];
        }
        if (cell.type == XlsxCell::Type::kText && cell.text.empty()) return;
        if (++cells > limits.max_cells) {
          bad = InvalidArgument(
              fmt::format("{}: more than {} cells: refused", file, limits.max_cells));
          return;
        }
        row.cells.push_back(std::move(cell));
      });
      if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    });
    if (!bad.ok()) return Err(bad);
    out.push_back(std::move(sheet));
  }
  if (out.empty()) return Err(InvalidArgument(fmt::format("{}: the workbook has no sheets", file)));
  return out;
}

}  // namespace journey::returns
