#include "returns/xlsx_write.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <ctime>

namespace journey::returns {

struct XlsxWriter::Impl {
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* date = nullptr;
  std::string error;  // the first write that failed
  ~Impl() {
    // A workbook never closed (an error before Close) is discarded, not written.
    if (wb) lxw_workbook_free(wb);
  }
  void Check(lxw_error e, std::string_view what) {
    if (e != LXW_NO_ERROR && error.empty()) error = fmt::format("{}: {}", what, lxw_strerror(e));
  }
};

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create(const std::string& path, Date stamp,
                                                       bool streaming) {
  std::unique_ptr<XlsxWriter> w(new XlsxWriter());
  w->impl_ = std::make_unique<Impl>();
  w->path_ = path;
  lxw_workbook_options opts{};
  opts.constant_memory = streaming ? LXW_TRUE : LXW_FALSE;
  w->impl_->wb = workbook_new_opt(path.c_str(), &opts);
  if (!w->impl_->wb) return Err(Internal(fmt::format("cannot create workbook {}", path)));
  lxw_doc_properties props{};
  props.created = static_cast<time_t>(stamp.days()) * 86400;
  workbook_set_properties(w->impl_->wb, &props);
  w->impl_->bold = workbook_add_format(w->impl_->wb);
  format_set_bold(w->impl_->bold);
  w->impl_->date = workbook_add_format(w->impl_->wb);
  format_set_num_format(w->impl_->date, "dd/mm/yyyy");
  return w;
}

XlsxWriter::~XlsxWriter() = default;

Status XlsxWriter::AddSheet(std::string_view name, const std::vector<std::string>& headers) {
  impl_->ws = workbook_add_worksheet(impl_->wb, std::string(name).c_str());
  if (!impl_->ws)
    return InvalidArgument(fmt::format("{}: cannot add a sheet named \"{}\"", path_, name));
  row_ = 0;
  for (size_t i = 0; i < headers.size(); ++i)
    impl_->Check(worksheet_write_string(impl_->ws, 0, static_cast<lxw_col_t>(i), headers[i].c_str(),
                                        impl_->bold),
                 "header");
  row_ = 1;
  return Status::Ok();
}

void XlsxWriter::Text(int col, std::string_view text) {
  if (text.empty()) return;
  impl_->Check(worksheet_write_string(impl_->ws, row_, static_cast<lxw_col_t>(col),
                                      std::string(text).c_str(), nullptr),
               "text cell");
}

void XlsxWriter::Number(int col, double n) {
  impl_->Check(worksheet_write_number(impl_->ws, row_, static_cast<lxw_col_t>(col), n, nullptr),
               "number cell");
}

void XlsxWriter::Day(int col, Date d) {
  impl_->Check(worksheet_write_number(impl_->ws, row_, static_cast<lxw_col_t>(col), ExcelSerial(d),
                                      impl_->date),
               "date cell");
}

Status XlsxWriter::Close() {
  lxw_workbook* wb = impl_->wb;
  impl_->wb = nullptr;
  const lxw_error e = workbook_close(wb);  // writes and frees
  if (!impl_->error.empty()) return Internal(fmt::format("{}: {}", path_, impl_->error));
  if (e != LXW_NO_ERROR)
    return Internal(fmt::format("could not write {}: {}", path_, lxw_strerror(e)));
  return Status::Ok();
}

}  // namespace journey::returns
