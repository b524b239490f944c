// The record kinds a worker can record from a child's page (issue 5, item 5), grouped as the
// events a social worker thinks in. Fields and codes come from docs/record.md and
// data/code_lists.csv (see scripts/kinds-plugin.js); only labels that read badly as written
// there (DfE element names) are given plain words here.
export const FORM_GROUPS = [
  { title: 'Contact and referral', kinds: ['contact', 'referral'] },
  { title: 'Assessment', kinds: ['assessment'] },
  { title: 'Strategy discussion and section 47', kinds: ['strategy_discussion', 'section47_enquiry'] },
  { title: 'Visit', kinds: ['visit'] },
  { title: 'Plans', kinds: ['cin_plan', 'cp_plan'] },
  { title: 'Reviews and conferences', kinds: ['cla_review', 'cp_conference', 'cin_plan_review'] },
  { title: 'Missing and return interview', kinds: ['missing_episode', 'return_interview'] },
  { title: 'Placement', kinds: ['placement'] },
  { title: 'Case note and management oversight', kinds: ['case_note'] },
];

export const FORM_KINDS = FORM_GROUPS.flatMap((g) => g.kinds);

export const KIND_TITLES = {
  contact: 'Contact',
  referral: 'Referral decision',
  assessment: 'Assessment',
  strategy_discussion: 'Strategy discussion',
  section47_enquiry: 'Section 47 enquiry',
  visit: 'Visit',
  cin_plan: 'Child in need plan',
  cp_plan: 'Child protection plan',
  cla_review: 'Looked-after review',
  cp_conference: 'Child protection conference',
  cin_plan_review: 'Child in need plan review',
  missing_episode: 'Missing episode',
  return_interview: 'Return home interview',
  placement: 'Placement',
  case_note: 'Case note or management oversight',
};

// Plain-words labels where record.md gives a return's element name as the meaning.
export const LABELS = {
  'visit.visit_type': 'Type of visit',
  'referral.referral_date': 'Date of referral',
  'referral.source': 'Who made the referral',
  'referral.primary_need': 'Primary need',
  'referral.nfa': 'No further action after the referral',
  'referral.closure_date': 'Date the case closed',
  'referral.closure_reason': 'Reason for closure',
  'assessment.start_date': 'Date the assessment started',
  'assessment.internal_review_date': 'Date of internal review',
  'assessment.authorised_date': 'Date authorised',
  'section47_enquiry.start_date': 'Date the enquiry started',
  'section47_enquiry.icpc_not_required': 'Initial conference not required',
  'cin_plan.start_date': 'Date the plan started',
  'cin_plan.end_date': 'Date the plan ended',
  'cp_plan.start_date': 'Date the plan started',
  'cp_plan.end_date': 'Date the plan ended',
  'cp_plan.initial_category': 'Initial category of abuse',
  'cp_plan.latest_category': 'Latest category of abuse',
  'cla_review.review_date': 'Date of review',
  'cla_review.participation': "How the child took part",
  'missing_episode.missing_type': 'Missing or away',
  'missing_episode.start_at': 'When the child went missing',
  'missing_episode.end_at': 'When the child returned',
  'placement.placement_type': 'Type of placement',
  'placement.provider': 'Placement provider',
  'placement.urn': 'Ofsted unique reference number (URN)',
  'placement.postcode': 'Postcode of the placement',
  'placement.change_reason': 'Reason for the change of placement',
};

// Code lists the pages show beside those of the form kinds.
export const EXTRA_LISTS = ['worker_role'];

// Fields the server fills from the session (who recorded it), not typed by the user.
export const SERVER_FILLED = new Set(['worker_id', 'team_id', 'iro_id', 'chair_id']);
