//! The scenario format: closed, typed structs that trainers write as YAML.
//!
//! Every struct denies unknown fields so a misspelt key is an error with a line
//! number, never a silently ignored setting. Ids and references carry their source
//! location so semantic validation can point at the right line.

use crate::lang::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// An identifier or a reference to one, with the place it was written.
pub type Id = Spanned<String>;

/// One customer meeting a trainee can play.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique id, lower-case letters, digits and dashes (`airline-sms`).
    #[schemars(with = "String")]
    pub id: Id,
    /// Title shown in the picker.
    pub title: Text,
    /// The language the customer speaks and feedback is given in.
    pub language: Lang,
    /// How demanding the customer is.
    pub difficulty: Difficulty,
    /// Company size segment A–E (METHOD.md §1).
    pub segment: Segment,
    /// The customer's industry.
    pub industry: Text,
    /// Where the customer is in its lifecycle.
    pub stage: Stage,
    /// What the trainee reads before the meeting.
    pub briefing: Text,
    /// What the trainee should try to achieve.
    pub objective: Text,
    /// The customer's first words, before the trainee asks anything (often the
    /// complaint a need that `starts: implied` comes from).
    #[serde(default)]
    pub opening: Option<Text>,
    /// The scenario this meeting follows up: its needs start where the trainee's
    /// last finished meeting of that scenario left them (the file's `starts`
    /// when there is none).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub follows: Option<Id>,
    /// The organisation and the people in the room.
    pub customer: Customer,
    /// What situation questions on a topic reveal.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The customer's needs, hidden until the right questions uncover them.
    pub needs: Vec<Need>,
    /// What the trainee can offer.
    pub products: Vec<Product>,
    /// How the customer pushes back.
    #[serde(default)]
    pub objections: Vec<Objection>,
    /// Next steps the customer may agree to.
    #[serde(default)]
    pub advances: Vec<Advance>,
    /// Replies for questions the scenario has no answer for.
    #[serde(default)]
    pub fallbacks: Fallbacks,
    /// Extra cue words for the question classifier.
    #[serde(default)]
    pub lexicon: LexiconExtra,
    /// Overrides of the behaviour that the difficulty sets.
    #[serde(default)]
    pub settings: Settings,
    /// Suggested turns for a class vote, offered at a stage of the meeting.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// Other suppliers the customer knows, often the incumbent (section 3a).
    #[serde(default)]
    pub competitors: Vec<super::people::Competitor>,
}

/// Difficulty changes how the customer behaves, not just a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    /// Patient customer, one implication per need.
    Easy,
    /// Two implications per need, moderate patience.
    Medium,
    /// Three implications per need, little patience, pitching early is costly.
    Hard,
}

impl Difficulty {
    /// The word used in files and listings.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// Company-size segment by employees: A ≥1000, B 500–999, C 100–499, D 10–99, E 1–9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Segment {
    /// 1000 or more employees.
    A,
    /// 500–999 employees.
    B,
    /// 100–499 employees.
    C,
    /// 10–99 employees.
    D,
    /// 1–9 employees.
    E,
}

impl Segment {
    /// The letter.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Segment::A => "A",
            Segment::B => "B",
            Segment::C => "C",
            Segment::D => "D",
            Segment::E => "E",
        }
    }

    /// The employee range this segment stands for.
    #[must_use]
    pub fn employees(self) -> (u32, u32) {
        match self {
            Segment::A => (1000, u32::MAX),
            Segment::B => (500, 999),
            Segment::C => (100, 499),
            Segment::D => (10, 99),
            Segment::E => (1, 9),
        }
    }
}

/// Lifecycle stage (deck slides 4–6): horizontal phase, optionally the level within
/// the relationship phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Not yet a customer.
    Potential,
    /// Being sold to for the first time.
    Sales,
    /// New customer in the relationship phase.
    New,
    /// Growing customer.
    Growth,
    /// Stable customer.
    Stable,
    /// Declining customer.
    Declining,
    /// Customer with problems.
    Problem,
    /// Customer of no value.
    #[serde(rename = "no-value")]
    NoValue,
    /// Lost customer.
    Lost,
}

impl Stage {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Stage::Potential => "potential",
            Stage::Sales => "sales",
            Stage::New => "new",
            Stage::Growth => "growth",
            Stage::Stable => "stable",
            Stage::Declining => "declining",
            Stage::Problem => "problem",
            Stage::NoValue => "no-value",
            Stage::Lost => "lost",
        }
    }
}

/// The organisation being sold to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Company name.
    pub company: Text,
    /// Head count, checked against the segment.
    #[serde(default)]
    pub employees: Option<u32>,
    /// A sentence or two about the company.
    #[serde(default)]
    pub about: Option<Text>,
    /// What the organisation needs (financial, performance, image), with a note each.
    pub institutional_needs: Vec<InstitutionalNeed>,
    /// The people in the meeting or behind it.
    pub contacts: Vec<Contact>,
}

impl Customer {
    /// The contacts' ids, in order (what `ask: {to: ..}` may name).
    #[must_use]
    pub fn contact_ids(&self) -> Vec<&str> {
        self.contacts.iter().map(|c| c.id.value.as_str()).collect()
    }
}

/// One of the organisation's needs.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstitutionalNeed {
    /// Which kind of institutional need.
    pub kind: Institutional,
    /// What it means for this customer.
    pub note: Text,
}

/// Institutional needs (deck slide 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Hash, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Institutional {
    /// Money: revenue, cost control.
    Financial,
    /// Productivity, results, deadlines.
    Performance,
    /// Reputation, credibility, morale.
    Image,
}

impl Institutional {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Institutional::Financial => "financial",
            Institutional::Performance => "performance",
            Institutional::Image => "image",
        }
    }
}

/// Personal needs (deck slide 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Hash, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Personal {
    /// To extend control and influence.
    Power,
    /// To get results, drive change.
    Achievement,
    /// To be valued and respected.
    Recognition,
    /// To belong.
    Acceptance,
    /// Clear definitions and structure.
    Order,
    /// Assurance, avoiding risk.
    Security,
}

impl Personal {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Personal::Power => "power",
            Personal::Achievement => "achievement",
            Personal::Recognition => "recognition",
            Personal::Acceptance => "acceptance",
            Personal::Order => "order",
            Personal::Security => "security",
        }
    }
}

/// A person on the customer's side.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Id used in scripts (`ask: {to: wang, ...}`) and references.
    #[schemars(with = "String")]
    pub id: Id,
    /// Name as shown in the transcript.
    pub name: Text,
    /// Job title.
    pub title: Text,
    /// Role in the buying decision.
    pub role: BuyingRole,
    /// The person's own needs, which the trainee may discover.
    #[serde(default)]
    pub personal_needs: Vec<Personal>,
    /// What this person says when asked about something only another contact
    /// knows; `{name}` is replaced by that contact's name (default: a built-in line).
    #[serde(default)]
    pub redirect: Option<Text>,
    /// How this person treats the trainee (default neutral: they follow the room).
    #[serde(default)]
    pub mood: Mood,
    /// This person's own patience (default from the mood: warm none, busy 4,
    /// hostile 3; neutral none). At zero they leave the meeting.
    #[serde(default)]
    pub patience: Option<u8>,
    /// Not in the room when the meeting opens: comes in when `when` holds.
    #[serde(default)]
    pub joins: Option<Move>,
    /// Leaves the room when `when` holds (or when their own patience runs out).
    #[serde(default)]
    pub leaves: Option<Move>,
    /// Ways a presentation or statement meets one of this person's personal needs
    /// directly (section 3a).
    #[serde(default)]
    pub wins: Vec<super::people::Win>,
}

/// How a contact treats the trainee.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mood {
    /// Friendly: poor moves do not wear on them, they never walk out.
    Warm,
    /// Follows the room's patience (the usual case).
    #[default]
    Neutral,
    /// Short of time: every situation question they answer costs their patience.
    Busy,
    /// Guarded: every poor move costs their patience twice.
    Hostile,
}

impl Mood {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Mood::Warm => "warm",
            Mood::Neutral => "neutral",
            Mood::Busy => "busy",
            Mood::Hostile => "hostile",
        }
    }

    /// The patience a contact of this mood starts with when the file gives none
    /// (`None`: no patience of their own).
    #[must_use]
    pub fn default_patience(self) -> Option<u8> {
        match self {
            Mood::Warm | Mood::Neutral => None,
            Mood::Busy => Some(4),
            Mood::Hostile => Some(3),
        }
    }
}

/// A contact coming in or going out: when, and what they say.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Move {
    /// When it happens.
    pub when: When,
    /// What the contact says as they come in or go (default: a built-in line).
    #[serde(default)]
    pub says: Option<Text>,
}

/// A point in the meeting: every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// After this many of the trainee's turns.
    #[serde(default)]
    pub turn: Option<u16>,
    /// Once this need has reached `state` (default explicit).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub need: Option<Id>,
    /// The state `need` must have reached.
    #[serde(default)]
    pub state: Option<StateName>,
    /// Once the trainee has asked about this fact.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub fact: Option<Id>,
    /// Once the customer has agreed to this next step.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub advance: Option<Id>,
}

impl When {
    /// True when the file gave no condition at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.turn.is_none() && self.need.is_none() && self.fact.is_none() && self.advance.is_none()
    }
}

/// A need's state as a condition names it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum StateName {
    /// Voiced as a problem.
    Implied,
    /// Its implications developed.
    Developed,
    /// Stated as a want.
    Explicit,
    /// Met by a benefit.
    Met,
}

/// A reply that replaces the usual one once something has happened.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// When this reply applies.
    pub when: When,
    /// The reply.
    pub reply: Text,
}

/// Role in the buying decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BuyingRole {
    /// Signs off the purchase.
    DecisionMaker,
    /// Shapes the decision.
    Influencer,
    /// Uses what is bought.
    User,
    /// Controls access.
    Gatekeeper,
}

impl BuyingRole {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            BuyingRole::DecisionMaker => "decision_maker",
            BuyingRole::Influencer => "influencer",
            BuyingRole::User => "user",
            BuyingRole::Gatekeeper => "gatekeeper",
        }
    }
}

/// What a situation question on a topic reveals.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Id,
    /// What the fact is about (shown in feedback).
    pub topic: Text,
    /// Words that show a question is about this topic.
    pub cues: Vec<String>,
    /// The customer's answer.
    pub reply: Text,
    /// Alternative answers, picked by the seeded random generator.
    #[serde(default)]
    pub variants: Vec<Text>,
    /// The contact who answers, if not the first.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub contact: Option<Id>,
    /// The only contacts who know this (empty: everyone). Asked of anyone else, the
    /// contact sends the trainee to one who knows.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub known_by: Vec<Id>,
    /// Replies that take the place of `reply` once something has happened (the
    /// last whose `when` holds).
    #[serde(default)]
    pub cases: Vec<Case>,
}

/// Where a need stands when the meeting opens.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NeedStart {
    /// Hidden until a problem question uncovers it (the usual case).
    #[default]
    Hidden,
    /// Already implied: the customer opens with the complaint. There is nothing
    /// to uncover (the uncovering credit is shared by the other needs); the trainee
    /// goes on to its implications.
    Implied,
    /// Developed in an earlier meeting: ready for a need-payoff question.
    Developed,
    /// Stated as a want in an earlier meeting: ready for a benefit.
    Explicit,
    /// Met by a benefit in an earlier meeting.
    Met,
}

impl NeedStart {
    /// The word used in files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            NeedStart::Hidden => "hidden",
            NeedStart::Implied => "implied",
            NeedStart::Developed => "developed",
            NeedStart::Explicit => "explicit",
            NeedStart::Met => "met",
        }
    }
}

/// A customer need: hidden until a problem question uncovers it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Id,
    /// Short label for the needs board and reports.
    pub summary: Text,
    /// The institutional need this serves.
    pub serves: Institutional,
    /// The contact who owns the need (who states it).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub contact: Option<Id>,
    /// The problem question that uncovers the implied need, and the implied-need statement.
    pub problem: Beat,
    /// Consequences that implication questions develop.
    pub implications: Vec<Beat>,
    /// The need-payoff question and the explicit-need statement it draws out.
    pub payoff: Beat,
    /// Implications needed before a need-payoff question works (default from difficulty).
    #[serde(default)]
    pub threshold: Option<u8>,
    /// Stated, actual and behind-the-need layers.
    #[serde(default)]
    pub layers: Option<Layers>,
    /// What the customer says when a benefit meets this need.
    #[serde(default)]
    pub satisfied: Option<Text>,
    /// Where the need stands when the meeting opens (default hidden).
    #[serde(default)]
    pub starts: NeedStart,
    /// The only contacts who can talk about this need (empty: everyone).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub known_by: Vec<Id>,
    /// Another contact's need that pulls against this one (section 3a).
    #[serde(default)]
    pub conflicts_with: Option<super::people::Conflict>,
}

/// A cue list and the customer's answer when a question hits it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beat {
    /// Words that show a question is about this.
    pub cues: Vec<String>,
    /// The customer's answer.
    pub reply: Text,
    /// Alternative answers, picked by the seeded random generator.
    #[serde(default)]
    pub variants: Vec<Text>,
    /// Replies that take the place of `reply` once something has happened (the
    /// last whose `when` holds).
    #[serde(default)]
    pub cases: Vec<Case>,
}

/// The layers of a need (deck slide 33).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layers {
    /// What the customer says they want.
    pub stated: Text,
    /// What they actually need.
    pub actual: Text,
    /// The need behind the need: usually a contact's personal need.
    #[serde(default)]
    pub behind: Option<Behind>,
}

/// The personal need behind a need.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Behind {
    /// The contact whose personal need it is.
    #[schemars(with = "String")]
    pub contact: Id,
    /// Which personal need.
    pub need: Personal,
    /// In words.
    pub text: Text,
}

/// Something the trainee can offer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Id,
    /// Product name.
    pub name: Text,
    /// Facts about the product.
    #[serde(default)]
    pub features: Vec<Part>,
    /// What the features do.
    #[serde(default)]
    pub functions: Vec<Part>,
    /// Why that is better.
    #[serde(default)]
    pub advantages: Vec<Part>,
    /// What the customer gains: each names the need it meets.
    #[serde(default)]
    pub benefits: Vec<Benefit>,
}

/// A feature, function or advantage with the cues that recognise it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Unique id within the scenario.
    #[schemars(with = "String")]
    pub id: Id,
    /// The part in words (shown as an example in feedback).
    pub text: Text,
    /// Words that show the trainee is saying this.
    pub cues: Vec<String>,
}

/// A benefit: how the product meets a named need.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// Unique id within the scenario.
    #[schemars(with = "String")]
    pub id: Id,
    /// The need this benefit meets.
    #[schemars(with = "String")]
    pub need: Id,
    /// The benefit in words.
    pub text: Text,
    /// Words that show the trainee is saying this.
    pub cues: Vec<String>,
}

/// When the customer pushes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// An advantage or benefit offered to a need that is not yet explicit.
    PrematurePitch,
    /// The trainee talks price.
    Price,
    /// A next step proposed before the customer sees a need.
    EarlyPush,
}

/// A customer objection.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Id,
    /// What sets it off.
    pub trigger: Trigger,
    /// Limit to one need (for premature pitches).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub need: Option<Id>,
    /// The customer's words.
    pub reply: Text,
    /// Alternative wordings.
    #[serde(default)]
    pub variants: Vec<Text>,
    /// How the trainee can handle it (acknowledge, clarify, answer); without it the
    /// objection only ends the branch.
    #[serde(default)]
    pub handling: Option<Handling>,
}

/// An objection the trainee can handle: a question that explores it gets
/// `clarify`, a presentation of a benefit (for `need`, when given) resolves it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    /// What the customer says when the trainee asks what lies behind the objection.
    pub clarify: Text,
    /// What the customer says when a benefit answers it.
    pub resolved: Text,
    /// The need whose benefit answers it (default: a benefit for any need).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub need: Option<Id>,
}

/// The deck's eight weapons for advancing a sale, plus `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AdvanceKind {
    /// 电话销售
    TelephoneSelling,
    /// 参观考察
    SiteVisit,
    /// 赠品
    Gift,
    /// 测试样机
    TrialUnit,
    /// 登门拜访
    Visit,
    /// 商务活动
    BusinessEvent,
    /// 技术交流
    TechnicalExchange,
    /// 展会
    Exhibition,
    /// Anything else concrete.
    Other,
}

/// How much a next step moves the sale (Rackham: an advance moves it forward; a
/// continuation only keeps it alive).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// A commitment that moves the sale forward (a trial, a site visit, a meeting
    /// with the decision maker).
    #[default]
    Advance,
    /// Agreement that only keeps the contact going ("send me a brochure", "call me
    /// next month").
    Continuation,
}

/// A next step the customer may commit to.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    /// Unique id.
    #[schemars(with = "String")]
    pub id: Id,
    /// Which kind of advance.
    pub kind: AdvanceKind,
    /// Words that show the trainee is proposing this.
    pub cues: Vec<String>,
    /// When the customer accepts.
    #[serde(default)]
    pub requires: Requires,
    /// The customer's words on accepting.
    pub accept: Text,
    /// The customer's words when it is too early.
    pub decline: Text,
    /// An advance (default) or only a continuation.
    #[serde(default)]
    pub weight: Weight,
}

/// Conditions for accepting an advance.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requires {
    /// At least this many needs explicit (or met).
    #[serde(default)]
    pub explicit: Option<u8>,
    /// At least this many needs met by a benefit.
    #[serde(default)]
    pub met: Option<u8>,
    /// These needs must be met.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub needs: Vec<Id>,
}

/// Replies for questions with no scenario answer.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fallbacks {
    /// A question about nothing in the scenario.
    #[serde(default)]
    pub off_topic: Vec<Text>,
    /// An input the customer cannot make sense of.
    #[serde(default)]
    pub unclear: Vec<Text>,
    /// A question already answered.
    #[serde(default)]
    pub repeated: Vec<Text>,
    /// A need-payoff question asked before the customer feels the problem enough.
    #[serde(default)]
    pub not_yet: Vec<Text>,
    /// The customer ends the meeting because patience ran out.
    #[serde(default)]
    pub leave: Vec<Text>,
}

/// Extra cue words for the classifier, per question type.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconExtra {
    /// Extra situation cues.
    #[serde(default)]
    pub situation: Vec<String>,
    /// Extra problem cues.
    #[serde(default)]
    pub problem: Vec<String>,
    /// Extra implication cues.
    #[serde(default)]
    pub implication: Vec<String>,
    /// Extra need-payoff cues.
    #[serde(default)]
    pub need_payoff: Vec<String>,
}

/// Overrides of what the difficulty sets.
#[derive(Debug, Clone, Copy, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Starting patience.
    #[serde(default)]
    pub patience: Option<u8>,
    /// Situation questions before they start to cost patience.
    #[serde(default)]
    pub situation_allowance: Option<u8>,
    /// Default implications needed per need.
    #[serde(default)]
    pub threshold: Option<u8>,
}

/// Where a meeting stands, for choosing which suggestions a class votes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteStage {
    /// Few questions asked yet.
    Opening,
    /// Looking for problems: no need uncovered yet.
    Problem,
    /// A need is implied and wants developing.
    Implication,
    /// A need is developed and ready for a need-payoff question.
    NeedPayoff,
    /// A need is explicit and can be met with a benefit.
    Present,
    /// Needs are met: time for an advance.
    Close,
}

/// A set of two to four suggested turns, lettered A–D, offered at one stage.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// The stage at which the class sees these options.
    pub stage: VoteStage,
    /// The options in letter order: a mix of good and poor moves.
    pub options: Vec<SuggestedTurn>,
}

/// One suggested turn: exactly one of `ask`, `present` or `propose`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SuggestedTurn {
    /// A question to ask.
    #[serde(default)]
    pub ask: Option<Text>,
    /// A one-sentence FFAB presentation.
    #[serde(default)]
    pub present: Option<Text>,
    /// A next step to propose.
    #[serde(default)]
    pub propose: Option<Text>,
}
