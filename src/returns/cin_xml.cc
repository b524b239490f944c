// CIN census XML: writing (pugixml) and reading (pugixml, with element lines). Element names
// and order: DATA-SPECS.md §6 (the DfE's CIN_schema) and §12 2.2.
#include "returns/cin_xml.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <pugixml.hpp>
#include <sstream>

namespace journey::returns {
namespace {

// ---- writing ----

void Put(pugi::xml_node parent, const char* name, const Leaf& l) {
  if (!l.empty()) parent.append_child(name).text().set(l.v.c_str());
}

}  // namespace

std::string CinXml(const CinMessage& m, int year) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node msg = doc.append_child("Message");
  pugi::xml_node header = msg.append_child("Header");
  pugi::xml_node cd = header.append_child("CollectionDetails");
  Put(cd, "Collection", m.header.collection);
  Put(cd, "Year", m.header.year);
  Put(cd, "ReferenceDate", m.header.reference_date);
  pugi::xml_node src = header.append_child("Source");
  Put(src, "SourceLevel", m.header.source_level);
  Put(src, "LEA", m.header.lea);
  Put(src, "SoftwareCode", m.header.software_code);
  Put(src, "Release", m.header.release);
  Put(src, "SerialNo", m.header.serial_no);
  Put(src, "DateTime", m.header.date_time);
  pugi::xml_node children = msg.append_child("Children");
  for (const CinChild& c : m.children) {
    pugi::xml_node ch = children.append_child("Child");
    pugi::xml_node ids = ch.append_child("ChildIdentifiers");
    Put(ids, "LAchildID", c.la_child_id);
    Put(ids, "UPN", c.upn);
    Put(ids, "FormerUPN", c.former_upn);
    Put(ids, "UPNunknown", c.upn_unknown);
    Put(ids, "PersonBirthDate", c.birth);
    Put(ids, "ExpectedPersonBirthDate", c.expected_birth);
    Put(ids, SexElement(year), c.sex);
    Put(ids, "PersonDeathDate", c.death);
    pugi::xml_node chars = ch.append_child("ChildCharacteristics");
    Put(chars, "Ethnicity", c.ethnicity);
    if (!c.disabilities.empty()) {
      pugi::xml_node dis = chars.append_child("Disabilities");
      for (const Leaf& d : c.disabilities) Put(dis, "Disability", d);
    }
    for (const CinDetails& d : c.details) {
      pugi::xml_node n = ch.append_child("CINdetails");
      Put(n, "CINreferralDate", d.referral_date);
      Put(n, "ReferralSource", d.source);
      Put(n, "PrimaryNeedCode", d.primary_need);
      Put(n, "CINclosureDate", d.closure_date);
      Put(n, "ReasonForClosure", d.closure_reason);
      Put(n, "DateOfInitialCPC", d.icpc_date);
      Put(n, "ReferralNFA", d.nfa);
      for (const CinAssessment& a : d.assessments) {
        pugi::xml_node x = n.append_child("Assessments");
        Put(x, "AssessmentActualStartDate", a.start);
        Put(x, "AssessmentInternalReviewDate", a.internal_review);
        Put(x, "AssessmentAuthorisationDate", a.authorised);
        if (a.has_factors_block || !a.factors.empty()) {
          pugi::xml_node f = x.append_child("FactorsIdentifiedAtAssessment");
          for (const Leaf& l : a.factors) Put(f, "AssessmentFactors", l);
        }
      }
      for (const CinPlanDates& p : d.plans) {
        pugi::xml_node x = n.append_child("CINPlanDates");
        Put(x, "CINPlanStartDate", p.start);
        Put(x, "CINPlanEndDate", p.end);
      }
      for (const CinSection47& s : d.section47s) {
        pugi::xml_node x = n.append_child("Section47");
        Put(x, "S47ActualStartDate", s.start);
        Put(x, "InitialCPCtarget", s.icpc_target);
        Put(x, "DateOfInitialCPC", s.icpc_date);
        Put(x, "ICPCnotRequired", s.icpc_not_required);
      }
      for (const CinProtectionPlan& p : d.protection_plans) {
        pugi::xml_node x = n.append_child("ChildProtectionPlans");
        Put(x, "CPPstartDate", p.start);
        Put(x, "CPPendDate", p.end);
        Put(x, "InitialCategoryOfAbuse", p.initial_category);
        Put(x, "LatestCategoryOfAbuse", p.latest_category);
        Put(x, "NumberOfPreviousCPP", p.previous_plans);
        if (!p.reviews.empty()) {
          pugi::xml_node r = x.append_child("Reviews");
          for (const Leaf& l : p.reviews) Put(r, "CPPreviewDate", l);
        }
      }
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

// ---- reading ----

namespace {

class Reader {
 public:
  Reader(const InputFile& f, CinRead& out) : file_(f), out_(out) {
    for (size_t i = 0; i < f.text.size(); ++i)
      if (f.text[i] == '\n') newlines_.push_back(i);
  }

  int Line(const pugi::xml_node& n) const { return LineAt(static_cast<size_t>(n.offset_debug())); }
  int LineAt(size_t offset) const {
    return static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) -
                            newlines_.begin()) +
           1;
  }
  void Problem(int line, std::string path, std::string value, std::string message) {
    out_.problems.push_back(
        returns::Problem{file_.name, line, std::move(path), std::move(value), std::move(message)});
  }

  // A leaf element's text; an element with element children where text was expected is a
  // problem.
  void ReadLeaf(const pugi::xml_node& n, const std::string& path, Leaf& leaf) {
    if (leaf.line) {
      Problem(Line(n), path, "",
              fmt::format("{} is given twice; it may appear once here", n.name()));
      return;
    }
    for (pugi::xml_node c : n.children())
      if (c.type() == pugi::node_element) {
        Problem(Line(c), path + "/" + c.name(), "",
                fmt::format("{} holds a value, not elements", n.name()));
        return;
      }
    leaf.v = n.child_value();
    // Surrounding white space is not part of a value (XML Schema's collapse for tokens).
    const auto b = leaf.v.find_first_not_of(" \t\r\n");
    const auto e = leaf.v.find_last_not_of(" \t\r\n");
    leaf.v = b == std::string::npos ? std::string() : leaf.v.substr(b, e - b + 1);
    leaf.line = Line(n);
  }

  using Handler = std::function<void(const pugi::xml_node&, const std::string&)>;
  struct Slot {
    const char* name;
    Handler handle;
  };
  // Reads the element children of `n` by name; anything else is a problem naming what is
  // allowed.
  void Children(const pugi::xml_node& n, const std::string& path, const std::vector<Slot>& slots) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string child_path = path + "/" + c.name();
      auto it = std::find_if(slots.begin(), slots.end(),
                             [&](const Slot& s) { return std::string_view(s.name) == c.name(); });
      if (it == slots.end()) {
        std::string allowed;
        for (const Slot& s : slots) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
        Problem(
            Line(c), child_path, "",
            fmt::format("{} is not an element of {}; allowed: {}", c.name(), n.name(), allowed));
        continue;
      }
      it->handle(c, child_path);
    }
  }
  Slot LeafSlot(const char* name, Leaf& l) {
    return {name, [this, &l](const pugi::xml_node& c, const std::string& p) { ReadLeaf(c, p, l); }};
  }
  Slot ListSlot(const char* name, std::vector<Leaf>& v) {
    return {name, [this, &v](const pugi::xml_node& c, const std::string& p) {
              v.emplace_back();
              ReadLeaf(c, p, v.back());
            }};
  }
  // An element that may appear once and holds others.
  Slot Once(const char* name, int& seen, Handler h) {
    return {name, [this, name, &seen, h](const pugi::xml_node& c, const std::string& p) {
              if (seen++) {
                Problem(Line(c), p, "", fmt::format("{} is given twice; it may appear once", name));
                return;
              }
              h(c, p);
            }};
  }

  void Run();

 private:
  void Child(const pugi::xml_node& n, const std::string& path, CinChild& c);
  void Details(const pugi::xml_node& n, const std::string& path, CinDetails& d);

  const InputFile& file_;
  CinRead& out_;
  std::vector<size_t> newlines_;
};

void Reader::Details(const pugi::xml_node& n, const std::string& path, CinDetails& d) {
  d.line = Line(n);
  Children(
      n, path,
      {LeafSlot("CINreferralDate", d.referral_date),
       LeafSlot("ReferralSource", d.source),
       LeafSlot("PrimaryNeedCode", d.primary_need),
       LeafSlot("CINclosureDate", d.closure_date),
       LeafSlot("ReasonForClosure", d.closure_reason),
       LeafSlot("DateOfInitialCPC", d.icpc_date),
       LeafSlot("ReferralNFA", d.nfa),
       {"Assessments",
        [&](const pugi::xml_node& c, const std::string& p) {
          CinAssessment& a = d.assessments.emplace_back();
          a.line = Line(c);
          int factors = 0;
          Children(c, p,
                   {LeafSlot("AssessmentActualStartDate", a.start),
                    LeafSlot("AssessmentInternalReviewDate", a.internal_review),
                    LeafSlot("AssessmentAuthorisationDate", a.authorised),
                    Once("FactorsIdentifiedAtAssessment", factors,
                         [&](const pugi::xml_node& f, const std::string& fp) {
                           a.has_factors_block = true;
                           Children(f, fp, {ListSlot("AssessmentFactors", a.factors)});
                         })});
        }},
       {"CINPlanDates",
        [&](const pugi::xml_node& c, const std::string& p) {
          CinPlanDates& pl = d.plans.emplace_back();
          pl.line = Line(c);
          Children(c, p,
                   {LeafSlot("CINPlanStartDate", pl.start), LeafSlot("CINPlanEndDate", pl.end)});
        }},
       {"Section47",
        [&](const pugi::xml_node& c, const std::string& p) {
          CinSection47& s = d.section47s.emplace_back();
          s.line = Line(c);
          Children(
              c, p,
              {LeafSlot("S47ActualStartDate", s.start), LeafSlot("InitialCPCtarget", s.icpc_target),
               LeafSlot("DateOfInitialCPC", s.icpc_date),
               LeafSlot("ICPCnotRequired", s.icpc_not_required)});
        }},
       {"ChildProtectionPlans", [&](const pugi::xml_node& c, const std::string& p) {
          CinProtectionPlan& cp = d.protection_plans.emplace_back();
          cp.line = Line(c);
          int reviews = 0;
          Children(c, p,
                   {LeafSlot("CPPstartDate", cp.start), LeafSlot("CPPendDate", cp.end),
                    LeafSlot("InitialCategoryOfAbuse", cp.initial_category),
                    LeafSlot("LatestCategoryOfAbuse", cp.latest_category),
                    LeafSlot("NumberOfPreviousCPP", cp.previous_plans),
                    Once("Reviews", reviews, [&](const pugi::xml_node& r, const std::string& rp) {
                      Children(r, rp, {ListSlot("CPPreviewDate", cp.reviews)});
                    })});
        }}});
}

void Reader::Child(const pugi::xml_node& n, const std::string& path, CinChild& c) {
  c.line = Line(n);
  int ids = 0, chars = 0;
  Children(
      n, path,
      {Once("ChildIdentifiers", ids,
            [&](const pugi::xml_node& x, const std::string& p) {
              Children(x, p,
                       {LeafSlot("LAchildID", c.la_child_id), LeafSlot("UPN", c.upn),
                        LeafSlot("FormerUPN", c.former_upn), LeafSlot("UPNunknown", c.upn_unknown),
                        LeafSlot("PersonBirthDate", c.birth),
                        LeafSlot("ExpectedPersonBirthDate", c.expected_birth),
                        // Either name is read; rule 4180 says which the year wants.
                        LeafSlot("Sex", c.sex), LeafSlot("GenderCurrent", c.sex),
                        LeafSlot("PersonDeathDate", c.death)});
            }),
       Once("ChildCharacteristics", chars,
            [&](const pugi::xml_node& x, const std::string& p) {
              int dis = 0;
              Children(
                  x, p,
                  {LeafSlot("Ethnicity", c.ethnicity),
                   Once("Disabilities", dis, [&](const pugi::xml_node& d, const std::string& dp) {
                     Children(d, dp, {ListSlot("Disability", c.disabilities)});
                   })});
            }),
       {"CINdetails", [&](const pugi::xml_node& x, const std::string& p) {
          Details(x, p, c.details.emplace_back());
        }}});
}

void Reader::Run() {
  const std::string& t = file_.text;
  // UTF-16 or UTF-32 (a byte-order mark, or NUL bytes): the census is UTF-8.
  if ((t.size() >= 2 &&
       ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF'))) ||
      t.find('\0') != std::string::npos) {
    Problem(0, "", "",
            "the file is UTF-16 (or holds NUL bytes); the CIN census is read as UTF-8: save it "
            "as UTF-8 and load it again");
    return;
  }
  // No DOCTYPE: it is where entities are declared, and the census never needs one. Refusing
  // it means no entity is ever expanded (no "billion laughs"), and none reaches a network.
  if (auto at = t.find("<!DOCTYPE"); at != std::string::npos) {
    Problem(LineAt(at), "", "",
            "the file has a DOCTYPE declaration; the CIN census has none, and entity "
            "declarations are not accepted");
    return;
  }
  pugi::xml_document doc;
  const unsigned options = pugi::parse_default & ~pugi::parse_doctype;
  pugi::xml_parse_result r = doc.load_buffer(t.data(), t.size(), options, pugi::encoding_utf8);
  if (!r) {
    const size_t at = static_cast<size_t>(std::max<ptrdiff_t>(0, r.offset));
    Problem(LineAt(std::min(at, t.size())), "", "",
            fmt::format("the file is not well-formed XML ({}){}", r.description(),
                        at >= t.size() ? ": it ends early, as a truncated file does" : ""));
    return;
  }
  pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "Message") {
    Problem(root ? Line(root) : 1, root.name(), "",
            fmt::format("the root element is <{}>; a CIN census is a <Message>", root.name()));
    return;
  }
  CinMessage& m = out_.message;
  m.file = file_.name;
  int header = 0, children = 0;
  CinHeader& h = m.header;
  Children(
      root, "Message",
      {Once("Header", header,
            [&](const pugi::xml_node& x, const std::string& p) {
              int cd = 0, src = 0;
              Children(
                  x, p,
                  {Once("CollectionDetails", cd,
                        [&](const pugi::xml_node& y, const std::string& q) {
                          Children(y, q,
                                   {LeafSlot("Collection", h.collection), LeafSlot("Year", h.year),
                                    LeafSlot("ReferenceDate", h.reference_date)});
                        }),
                   Once("Source", src, [&](const pugi::xml_node& y, const std::string& q) {
                     Children(
                         y, q,
                         {LeafSlot("SourceLevel", h.source_level), LeafSlot("LEA", h.lea),
                          LeafSlot("SoftwareCode", h.software_code), LeafSlot("Release", h.release),
                          LeafSlot("SerialNo", h.serial_no), LeafSlot("DateTime", h.date_time)});
                   })});
            }),
       Once("Children", children, [&](const pugi::xml_node& x, const std::string& p) {
         Children(x, p, {{"Child", [&](const pugi::xml_node& c, const std::string& cp) {
                            Child(c, cp, m.children.emplace_back());
                          }}});
       })});
  if (!header) Problem(Line(root), "Message", "", "the message has no Header");
}

}  // namespace

CinRead ReadCinXml(const InputFile& file) {
  CinRead out;
  out.message.file = file.name;
  Reader(file, out).Run();
  return out;
}

}  // namespace journey::returns
