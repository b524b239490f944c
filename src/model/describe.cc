#include "model/describe.h"

#include <fmt/format.h>

#include "model/kinds.h"

namespace journey::model {

std::string KindsMarkdown() {
  std::string s =
      "# The record: kinds and fields\n\n"
      "Generated from `src/model/kinds.cc` by `journey schema --markdown`; do not edit by "
      "hand (model_test checks this file matches).\n\n"
      "Every record has an `id` (unique within its kind) and, where it is about a child, a "
      "`child_id` (the person's id). The store adds its version, transaction and deletion "
      "marks. Code fields draw on the named list in `data/code_lists.csv`; a reference "
      "field holds the id of a record of the named kind.\n\n"
      "| kind | about a child | what it is |\n| --- | --- | --- |\n";
  for (const KindDef& d : AllKinds()) {
    std::string_view link = d.child_link == ChildLink::kRequired   ? "yes"
                            : d.child_link == ChildLink::kOptional ? "optional"
                                                                   : "no";
    s += fmt::format("| [{0}](#{0}) | {1} | {2}{3} |\n", d.name, link, d.doc,
                     d.restricted ? " Restricted." : "");
  }
  for (const KindDef& d : AllKinds()) {
    s += fmt::format("\n## {}\n\n{}\n", d.name, d.doc);
    if (!d.start_field.empty()) {
      s += fmt::format("\nA period from `{}`{}.\n", d.start_field,
                       d.end_field.empty() ? "" : fmt::format(" to `{}`", d.end_field));
    }
    s += "\n| field | type | required | meaning |\n| --- | --- | --- | --- |\n";
    for (const FieldDef& f : d.fields) {
      std::string type(FieldTypeName(f.type));
      if (f.type == FieldType::kCode) type += fmt::format(" ({})", f.code_list);
      if (f.type == FieldType::kRef) type += fmt::format(" → {}", KindName(f.ref_kind));
      if (f.type == FieldType::kText && f.max_length) type += fmt::format(" ≤{}", f.max_length);
      s += fmt::format("| {} | {} | {} | {} |\n", f.name, type, f.required ? "yes" : "",
                       f.doc);
    }
  }
  return s;
}

}  // namespace journey::model
