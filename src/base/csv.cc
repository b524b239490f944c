#include "base/csv.h"

#include <algorithm>
#include <cstring>

namespace journey {
namespace {

// Line breaks in s: CRLF, LF and a lone CR each count once.
int CountLineBreaks(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++n;
    } else if (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')) {
      ++n;
    }
  }
  return n;
}

std::string Where(std::string_view file_name, int line) {
  std::string s(file_name);
  s += " line ";
  s += std::to_string(line);
  return s;
}

std::string Where(std::string_view file_name, int line, size_t field_index) {
  std::string s = Where(file_name, line);
  s += ", field ";
  s += std::to_string(field_index + 1);
  return s;
}

constexpr std::string_view kSaveAsUtf8 = "save it as \"CSV UTF-8 (comma delimited)\" and try again";

}  // namespace

int CsvTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> ParseCsv(std::string_view text, std::string_view file_name) {
  if (text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF &&
                            static_cast<unsigned char>(text[1]) == 0xFE) ||
                           (static_cast<unsigned char>(text[0]) == 0xFE &&
                            static_cast<unsigned char>(text[1]) == 0xFF))) {
    return Err(InvalidArgument(
        std::string(file_name) +
        " is UTF-16 encoded; Journey reads UTF-8 CSV only: " + std::string(kSaveAsUtf8)));
  }
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const size_t at = static_cast<const char*>(nul) - text.data();
    return Err(InvalidArgument(Where(file_name, 1 + CountLineBreaks(text.substr(0, at))) +
                               " contains a NUL byte, so the file is UTF-16 or not text; "
                               "Journey reads UTF-8 CSV only: " +
                               std::string(kSaveAsUtf8)));
  }
  // Skip every leading UTF-8 byte-order mark: some tools add one to a file that has one.
  while (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Blank lines at the end (outside any quoted field, or the file is broken anyway).
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) {
    return Err(InvalidArgument(std::string(file_name) +
                               " is empty: expected a header line naming the columns"));
  }

  CsvTable table;
  table.rows.reserve(std::count(text.begin(), text.end(), '\n'));
  const size_t n = text.size();
  size_t pos = 0;
  int line = 1;
  bool in_header = true;
  while (true) {
    const int record_line = line;
    std::vector<std::string> fields;
    fields.reserve(in_header ? 8 : table.header.size());
    bool end_of_record = false;
    while (!end_of_record) {
      if (pos < n && text[pos] == '"') {
        const int quote_line = line;
        ++pos;
        std::string field;
        while (true) {
          const size_t q = text.find('"', pos);
          if (q == std::string_view::npos) {
            return Err(InvalidArgument(
                Where(file_name, quote_line, fields.size()) +
                ": the quote that opens this field is never closed; end the field with a "
                "quote, and double any quote inside it (\"\")"));
          }
          const std::string_view segment = text.substr(pos, q - pos);
          line += CountLineBreaks(segment);
          field.append(segment);
          if (q + 1 < n && text[q + 1] == '"') {
            field += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        if (pos < n && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n') {
          return Err(InvalidArgument(Where(file_name, line, fields.size()) +
                                     ": text after the closing quote of a quoted field; "
                                     "put the whole field in quotes and double any quote "
                                     "inside it (\"\")"));
        }
        fields.push_back(std::move(field));
      } else {
        const size_t start = pos;
        while (pos < n) {
          const char c = text[pos];
          if (c == ',' || c == '\n' || c == '\r') break;
          if (c == '"') {
            return Err(InvalidArgument(Where(file_name, line, fields.size()) +
                                       ": a quote inside an unquoted field; put the whole "
                                       "field in quotes and double the quote (\"\")"));
          }
          ++pos;
        }
        fields.emplace_back(text.data() + start, pos - start);
      }
      if (pos >= n) {
        end_of_record = true;
      } else if (text[pos] == ',') {
        ++pos;
      } else {
        if (text[pos] == '\r') ++pos;
        if (pos < n && text[pos] == '\n') ++pos;
        ++line;
        end_of_record = true;
      }
    }
    if (in_header) {
      table.header = std::move(fields);
      in_header = false;
    } else {
      if (fields.size() != table.header.size()) {
        return Err(InvalidArgument(Where(file_name, record_line) + ": found " +
                                   std::to_string(fields.size()) + " fields, expected " +
                                   std::to_string(table.header.size()) +
                                   " (one for each column of the header)"));
      }
      table.rows.push_back(CsvRow{record_line, std::move(fields)});
    }
    if (pos >= n) break;
  }
  return table;
}

std::string CsvEscape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out;
  out.reserve(field.size() + 4);
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  size_t size = 1;
  for (const auto& f : fields) size += f.size() + 1;
  std::string out;
  out.reserve(size);
  // A lone empty field is written quoted, so the line does not read back as a blank line.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    if (fields[i].find_first_of(",\"\r\n") == std::string::npos) {
      out += fields[i];
    } else {
      out += CsvEscape(fields[i]);
    }
  }
  out += '\n';
  return out;
}

}  // namespace journey
