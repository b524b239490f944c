// CIN census XML: writing (pugixml) and reading (pugixml, with element lines). Element names
// and order: DATA-SPECS.md §6 (the DfE's CIN_schema) and §12 2.2.
#include "returns/cin_xml.h"

#include <fmt/format.h>

#include <pugixml.hpp>
#include <sstream>

#include "returns/xml_reader.h"

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

class Reader : public XmlReader {
 public:
  Reader(const InputFile& f, CinRead& out) : XmlReader(f, out.problems), out_(out) {}
  void Run();

 private:
  void Child(const pugi::xml_node& n, const std::string& path, CinChild& c);
  void Details(const pugi::xml_node& n, const std::string& path, CinDetails& d);

  CinRead& out_;
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
  pugi::xml_node root = Open("Message", "the CIN census");
  if (!root) return;
  CinMessage& m = out_.message;
  m.file = file().name;
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
