CREATE TABLE journey_tx (
  tx INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  at_us BIGINT NOT NULL,
  reason TEXT,
  origin TEXT,
  records BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE journey_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE person (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  la_child_id TEXT,
  la_code TEXT,
  first_name TEXT,
  last_name TEXT,
  sex TEXT,
  birth_date DATE,
  expected_birth_date DATE,
  death_date DATE,
  ethnicity TEXT,
  upn TEXT,
  upn_unknown TEXT,
  first_language TEXT,
  religion TEXT
);
CREATE UNIQUE INDEX person_id_version ON person(id, version);
CREATE TABLE person_identifier (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  identifier_type TEXT,
  value TEXT,
  valid_from DATE,
  valid_to DATE
);
CREATE UNIQUE INDEX person_identifier_id_version ON person_identifier(id, version);
CREATE INDEX person_identifier_child ON person_identifier(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE address (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  address_type TEXT,
  line1 TEXT,
  town TEXT,
  postcode TEXT,
  inside_la SMALLINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX address_id_version ON address(id, version);
CREATE INDEX address_child ON address(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE disability (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  disability TEXT,
  recorded_date DATE
);
CREATE UNIQUE INDEX disability_id_version ON disability(id, version);
CREATE INDEX disability_child ON disability(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE immigration_status (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  status TEXT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX immigration_status_id_version ON immigration_status(id, version);
CREATE INDEX immigration_status_child ON immigration_status(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE relationship (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  related_person_id BIGINT,
  relationship TEXT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX relationship_id_version ON relationship(id, version);
CREATE INDEX relationship_child ON relationship(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE team (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  name TEXT,
  la_code TEXT,
  service TEXT,
  parent_team_id BIGINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX team_id_version ON team(id, version);
CREATE TABLE worker (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  name TEXT,
  role TEXT,
  team_id BIGINT,
  agency SMALLINT,
  swe_number TEXT,
  fte DOUBLE PRECISION,
  start_date DATE,
  end_date DATE,
  leaving_reason TEXT
);
CREATE UNIQUE INDEX worker_id_version ON worker(id, version);
CREATE TABLE allocation (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  worker_id BIGINT,
  team_id BIGINT,
  role TEXT,
  start_date DATE,
  end_date DATE,
  change_reason TEXT
);
CREATE UNIQUE INDEX allocation_id_version ON allocation(id, version);
CREATE INDEX allocation_child ON allocation(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE contact (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  contact_at TIMESTAMP,
  source TEXT,
  rag_rating TEXT,
  decision_at TIMESTAMP,
  outcome TEXT,
  consent SMALLINT,
  worker_id BIGINT,
  team_id BIGINT
);
CREATE UNIQUE INDEX contact_id_version ON contact(id, version);
CREATE INDEX contact_child ON contact(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE early_help_episode (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE,
  end_reason TEXT,
  lead_agency TEXT,
  worker_id BIGINT,
  team_id BIGINT
);
CREATE UNIQUE INDEX early_help_episode_id_version ON early_help_episode(id, version);
CREATE INDEX early_help_episode_child ON early_help_episode(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE early_help_assessment (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  episode_id BIGINT,
  start_date DATE,
  completed_date DATE,
  worker_id BIGINT
);
CREATE UNIQUE INDEX early_help_assessment_id_version ON early_help_assessment(id, version);
CREATE INDEX early_help_assessment_child ON early_help_assessment(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE referral (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  contact_id BIGINT,
  referral_date DATE,
  received_at TIMESTAMP,
  decision_at TIMESTAMP,
  source TEXT,
  primary_need TEXT,
  nfa SMALLINT,
  closure_date DATE,
  closure_reason TEXT,
  worker_id BIGINT,
  team_id BIGINT,
  stated_referrals_12m BIGINT
);
CREATE UNIQUE INDEX referral_id_version ON referral(id, version);
CREATE INDEX referral_child ON referral(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE assessment (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  referral_id BIGINT,
  start_date DATE,
  internal_review_date DATE,
  authorised_date DATE,
  child_seen SMALLINT,
  child_seen_date DATE,
  outcome TEXT,
  pre_birth SMALLINT,
  worker_id BIGINT,
  team_id BIGINT
);
CREATE UNIQUE INDEX assessment_id_version ON assessment(id, version);
CREATE INDEX assessment_child ON assessment(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE assessment_factor (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  assessment_id BIGINT,
  factor TEXT
);
CREATE UNIQUE INDEX assessment_factor_id_version ON assessment_factor(id, version);
CREATE INDEX assessment_factor_child ON assessment_factor(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE strategy_discussion (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  referral_id BIGINT,
  discussion_date DATE,
  form TEXT,
  police_present SMALLINT,
  health_present SMALLINT,
  education_present SMALLINT,
  outcome TEXT
);
CREATE UNIQUE INDEX strategy_discussion_id_version ON strategy_discussion(id, version);
CREATE INDEX strategy_discussion_child ON strategy_discussion(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE section47_enquiry (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  referral_id BIGINT,
  strategy_discussion_id BIGINT,
  start_date DATE,
  end_date DATE,
  outcome TEXT,
  icpc_not_required SMALLINT,
  worker_id BIGINT,
  team_id BIGINT,
  stated_s47_12m BIGINT,
  stated_icpcs_12m BIGINT,
  stated_concluded SMALLINT
);
CREATE UNIQUE INDEX section47_enquiry_id_version ON section47_enquiry(id, version);
CREATE INDEX section47_enquiry_child ON section47_enquiry(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cp_conference (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  conference_type TEXT,
  referral_id BIGINT,
  s47_id BIGINT,
  cp_plan_id BIGINT,
  conference_date DATE,
  outcome TEXT,
  parents_attended SMALLINT,
  child_participation TEXT,
  police_attended SMALLINT,
  health_attended SMALLINT,
  education_attended SMALLINT,
  chair_id BIGINT
);
CREATE UNIQUE INDEX cp_conference_id_version ON cp_conference(id, version);
CREATE INDEX cp_conference_child ON cp_conference(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cp_plan (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  referral_id BIGINT,
  icpc_id BIGINT,
  start_date DATE,
  end_date DATE,
  initial_category TEXT,
  latest_category TEXT,
  end_reason TEXT,
  other_la SMALLINT,
  worker_id BIGINT,
  team_id BIGINT,
  previous_plans BIGINT,
  stated_epo_6m SMALLINT
);
CREATE UNIQUE INDEX cp_plan_id_version ON cp_plan(id, version);
CREATE INDEX cp_plan_child ON cp_plan(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE core_group (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cp_plan_id BIGINT,
  meeting_date DATE,
  parents_attended SMALLINT
);
CREATE UNIQUE INDEX core_group_id_version ON core_group(id, version);
CREATE INDEX core_group_child ON core_group(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cin_plan (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  referral_id BIGINT,
  start_date DATE,
  end_date DATE,
  worker_id BIGINT,
  team_id BIGINT
);
CREATE UNIQUE INDEX cin_plan_id_version ON cin_plan(id, version);
CREATE INDEX cin_plan_child ON cin_plan(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cin_plan_review (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cin_plan_id BIGINT,
  review_date DATE
);
CREATE UNIQUE INDEX cin_plan_review_id_version ON cin_plan_review(id, version);
CREATE INDEX cin_plan_review_child ON cin_plan_review(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE visit (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  visit_type TEXT,
  visit_date DATE,
  seen SMALLINT,
  seen_alone SMALLINT,
  bedroom_seen SMALLINT,
  cin_plan_id BIGINT,
  cp_plan_id BIGINT,
  cla_period_id BIGINT,
  private_fostering_id BIGINT,
  worker_id BIGINT
);
CREATE UNIQUE INDEX visit_id_version ON visit(id, version);
CREATE INDEX visit_child ON visit(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cla_period (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE,
  began_earlier SMALLINT
);
CREATE UNIQUE INDEX cla_period_id_version ON cla_period(id, version);
CREATE INDEX cla_period_child ON cla_period(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE placement (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  start_date DATE,
  end_date DATE,
  placement_type TEXT,
  provider TEXT,
  urn TEXT,
  postcode TEXT,
  placement_la TEXT,
  inside_la SMALLINT,
  distance_miles DOUBLE PRECISION,
  carer_ref TEXT,
  long_term SMALLINT,
  change_reason TEXT
);
CREATE UNIQUE INDEX placement_id_version ON placement(id, version);
CREATE INDEX placement_child ON placement(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cla_episode (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  placement_id BIGINT,
  start_date DATE,
  rne TEXT,
  legal_status TEXT,
  cin TEXT,
  end_date DATE,
  rec TEXT,
  reason_place_change TEXT,
  home_postcode TEXT,
  stated_placements_12m BIGINT,
  stated_missing_12m BIGINT,
  stated_absent_12m BIGINT,
  stated_last_iro_visit DATE,
  stated_second_period SMALLINT,
  stated_uasc_12m SMALLINT,
  stated_rhi_offered SMALLINT,
  stated_ls_start DATE,
  stated_rhi_accepted TEXT
);
CREATE UNIQUE INDEX cla_episode_id_version ON cla_episode(id, version);
CREATE INDEX cla_episode_child ON cla_episode(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE care_plan (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  start_date DATE,
  end_date DATE,
  plan TEXT
);
CREATE UNIQUE INDEX care_plan_id_version ON care_plan(id, version);
CREATE INDEX care_plan_child ON care_plan(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE cla_review (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  review_date DATE,
  participation TEXT,
  iro_id BIGINT
);
CREATE UNIQUE INDEX cla_review_id_version ON cla_review(id, version);
CREATE INDEX cla_review_child ON cla_review(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE iro_escalation (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  cp_plan_id BIGINT,
  raised_date DATE,
  stage TEXT,
  issue TEXT,
  responded_date DATE,
  resolved_date DATE,
  raised_by_id BIGINT
);
CREATE UNIQUE INDEX iro_escalation_id_version ON iro_escalation(id, version);
CREATE INDEX iro_escalation_child ON iro_escalation(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE health_assessment (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  assessment_type TEXT,
  assessment_date DATE,
  status TEXT,
  outcome_notes TEXT
);
CREATE UNIQUE INDEX health_assessment_id_version ON health_assessment(id, version);
CREATE INDEX health_assessment_child ON health_assessment(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE sdq (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  sdq_date DATE,
  score BIGINT,
  reason TEXT
);
CREATE UNIQUE INDEX sdq_id_version ON sdq(id, version);
CREATE INDEX sdq_child ON sdq(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE immunisation (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  recorded_date DATE,
  up_to_date SMALLINT
);
CREATE UNIQUE INDEX immunisation_id_version ON immunisation(id, version);
CREATE INDEX immunisation_child ON immunisation(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE substance_misuse (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  identified_date DATE,
  intervention_offered SMALLINT,
  intervention_received SMALLINT
);
CREATE UNIQUE INDEX substance_misuse_id_version ON substance_misuse(id, version);
CREATE INDEX substance_misuse_child ON substance_misuse(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE conviction (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  offence_date DATE,
  offence TEXT
);
CREATE UNIQUE INDEX conviction_id_version ON conviction(id, version);
CREATE INDEX conviction_child ON conviction(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE pep (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  pep_date DATE,
  pep_type TEXT,
  school_urn TEXT,
  quality TEXT
);
CREATE UNIQUE INDEX pep_id_version ON pep(id, version);
CREATE INDEX pep_child ON pep(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE missing_episode (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  missing_type TEXT,
  start_at TIMESTAMP,
  end_at TIMESTAMP,
  reported_to_police SMALLINT,
  cla_period_id BIGINT
);
CREATE UNIQUE INDEX missing_episode_id_version ON missing_episode(id, version);
CREATE INDEX missing_episode_child ON missing_episode(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE return_interview (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  missing_episode_id BIGINT,
  offered SMALLINT,
  offered_at TIMESTAMP,
  accepted TEXT,
  completed_at TIMESTAMP
);
CREATE UNIQUE INDEX return_interview_id_version ON return_interview(id, version);
CREATE INDEX return_interview_child ON return_interview(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE previous_permanence (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  prev_perm TEXT,
  la_perm TEXT,
  date_perm TEXT,
  recorded_date DATE
);
CREATE UNIQUE INDEX previous_permanence_id_version ON previous_permanence(id, version);
CREATE INDEX previous_permanence_child ON previous_permanence(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE pre_proceedings (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  letter_date DATE,
  meeting_date DATE,
  end_date DATE,
  outcome TEXT
);
CREATE UNIQUE INDEX pre_proceedings_id_version ON pre_proceedings(id, version);
CREATE INDEX pre_proceedings_child ON pre_proceedings(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE care_proceedings (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  issue_date DATE,
  court_ref TEXT,
  short_notice SMALLINT,
  final_order_date DATE,
  final_order TEXT
);
CREATE UNIQUE INDEX care_proceedings_id_version ON care_proceedings(id, version);
CREATE INDEX care_proceedings_child ON care_proceedings(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE court_hearing (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  proceedings_id BIGINT,
  hearing_date DATE,
  hearing_type TEXT
);
CREATE UNIQUE INDEX court_hearing_id_version ON court_hearing(id, version);
CREATE INDEX court_hearing_child ON court_hearing(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE court_order (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  proceedings_id BIGINT,
  order_type TEXT,
  made_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX court_order_id_version ON court_order(id, version);
CREATE INDEX court_order_child ON court_order(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE deprivation_of_liberty (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE,
  made_by TEXT
);
CREATE UNIQUE INDEX deprivation_of_liberty_id_version ON deprivation_of_liberty(id, version);
CREATE INDEX deprivation_of_liberty_child ON deprivation_of_liberty(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE connected_person_assessment (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  completed_date DATE,
  temporary_approval SMALLINT,
  outcome TEXT
);
CREATE UNIQUE INDEX connected_person_assessment_id_version ON connected_person_assessment(id, version);
CREATE INDEX connected_person_assessment_child ON connected_person_assessment(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE adoption (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  cla_period_id BIGINT,
  decision_date DATE,
  placement_order_date DATE,
  match_date DATE,
  placed_date DATE,
  order_date DATE,
  reversed_date DATE,
  reversed_reason TEXT,
  household_id BIGINT,
  foster_carer SMALLINT,
  fostering_to_adopt SMALLINT,
  sibling_group SMALLINT,
  disruption_date DATE
);
CREATE UNIQUE INDEX adoption_id_version ON adoption(id, version);
CREATE INDEX adoption_child ON adoption(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE adopter_household (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  family_ref TEXT,
  la_code TEXT,
  enquiry_date DATE,
  stage1_date DATE,
  stage2_date DATE,
  approval_date DATE,
  withdrawn_date DATE,
  sex_adoptr TEXT,
  ls_adoptr TEXT,
  number_adopters BIGINT
);
CREATE UNIQUE INDEX adopter_household_id_version ON adopter_household(id, version);
CREATE TABLE life_story_work (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  completed_date DATE
);
CREATE UNIQUE INDEX life_story_work_id_version ON life_story_work(id, version);
CREATE INDEX life_story_work_child ON life_story_work(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE care_leaver_status (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  status_date DATE,
  eligibility TEXT,
  in_touch TEXT,
  contact_date DATE,
  accommodation TEXT,
  accommodation_suitable SMALLINT,
  activity TEXT
);
CREATE UNIQUE INDEX care_leaver_status_id_version ON care_leaver_status(id, version);
CREATE INDEX care_leaver_status_child ON care_leaver_status(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE pathway_plan (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX pathway_plan_id_version ON pathway_plan(id, version);
CREATE INDEX pathway_plan_child ON pathway_plan(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE pathway_plan_review (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  pathway_plan_id BIGINT,
  review_date DATE
);
CREATE UNIQUE INDEX pathway_plan_review_id_version ON pathway_plan_review(id, version);
CREATE INDEX pathway_plan_review_child ON pathway_plan_review(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE staying_put (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX staying_put_id_version ON staying_put(id, version);
CREATE INDEX staying_put_child ON staying_put(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE private_fostering (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  notification_date DATE,
  start_date DATE,
  assessment_completed_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX private_fostering_id_version ON private_fostering(id, version);
CREATE INDEX private_fostering_child ON private_fostering(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE homeless_assessment (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  presented_date DATE,
  assessment_date DATE,
  outcome TEXT,
  accommodation TEXT,
  nights_bed_and_breakfast BIGINT
);
CREATE UNIQUE INDEX homeless_assessment_id_version ON homeless_assessment(id, version);
CREATE INDEX homeless_assessment_child ON homeless_assessment(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE exploitation_risk (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  screened_date DATE,
  risk_type TEXT,
  level TEXT
);
CREATE UNIQUE INDEX exploitation_risk_id_version ON exploitation_risk(id, version);
CREATE INDEX exploitation_risk_child ON exploitation_risk(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE missing_education (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX missing_education_id_version ON missing_education(id, version);
CREATE INDEX missing_education_child ON missing_education(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE elective_home_education (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX elective_home_education_id_version ON elective_home_education(id, version);
CREATE INDEX elective_home_education_child ON elective_home_education(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE allegation (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  received_date DATE,
  role_of_person TEXT,
  concluded_date DATE,
  outcome TEXT
);
CREATE UNIQUE INDEX allegation_id_version ON allegation(id, version);
CREATE INDEX allegation_child ON allegation(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE independent_visitor (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  requested_date DATE,
  matched_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX independent_visitor_id_version ON independent_visitor(id, version);
CREATE INDEX independent_visitor_child ON independent_visitor(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE advocacy (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  requested_date DATE,
  start_date DATE,
  end_date DATE
);
CREATE UNIQUE INDEX advocacy_id_version ON advocacy(id, version);
CREATE INDEX advocacy_child ON advocacy(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE case_note (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  noted_at TIMESTAMP,
  note_type TEXT,
  text TEXT,
  worker_id BIGINT
);
CREATE UNIQUE INDEX case_note_id_version ON case_note(id, version);
CREATE INDEX case_note_child ON case_note(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE supervision (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  supervision_type TEXT,
  worker_id BIGINT,
  supervisor_id BIGINT,
  supervision_date DATE,
  reflection SMALLINT,
  challenge SMALLINT,
  decisions SMALLINT
);
CREATE UNIQUE INDEX supervision_id_version ON supervision(id, version);
CREATE INDEX supervision_child ON supervision(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE case_audit (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  auditor_id BIGINT,
  audit_date DATE,
  grade TEXT,
  findings TEXT,
  worker_id BIGINT,
  moderator_id BIGINT,
  moderated_date DATE,
  moderated_grade TEXT
);
CREATE UNIQUE INDEX case_audit_id_version ON case_audit(id, version);
CREATE INDEX case_audit_child ON case_audit(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE complaint (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  received_date DATE,
  complainant TEXT,
  subject TEXT,
  closed_date DATE,
  outcome TEXT,
  lessons TEXT
);
CREATE UNIQUE INDEX complaint_id_version ON complaint(id, version);
CREATE INDEX complaint_child ON complaint(child_id, id) WHERE superseded_tx IS NULL;
CREATE TABLE complaint_stage (
  row_id INTEGER PRIMARY KEY,
  id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  tx BIGINT NOT NULL REFERENCES journey_tx(tx),
  superseded_tx BIGINT,
  deleted SMALLINT NOT NULL DEFAULT 0,
  child_id BIGINT,
  complaint_id BIGINT,
  stage BIGINT,
  start_date DATE,
  responded_date DATE
);
CREATE UNIQUE INDEX complaint_stage_id_version ON complaint_stage(id, version);
CREATE INDEX complaint_stage_child ON complaint_stage(child_id, id) WHERE superseded_tx IS NULL;
