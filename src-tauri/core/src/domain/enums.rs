//! The closed vocabularies of a plan. Each value is stored in the plan file as its snake_case
//! name; renaming one is a schema change.

use serde::{Deserialize, Serialize};
use specta::Type;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal as $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// How the window and the exports name it ("In progress").
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

text_enum!(
    /// The company's stage of tech, and the stage a feature belongs to.
    Stage { Mvp => "mvp" as "MVP", Scaling => "scaling" as "Scaling up", Enterprise => "enterprise" as "Enterprise" }
);
text_enum!(
    /// Which kind of risk a feature retires: business first, then technical, then operational.
    RiskClass { Business => "business" as "Business", Technical => "technical" as "Technical", Operational => "operational" as "Operational" }
);
text_enum!(BuildOrBuy { Build => "build" as "Build", Buy => "buy" as "Buy", Undecided => "undecided" as "Undecided" });
text_enum!(FeatureStatus {
    Idea => "idea" as "Idea",
    Planned => "planned" as "Planned",
    InProgress => "in_progress" as "In progress",
    Done => "done" as "Done",
    Dropped => "dropped" as "Dropped",
});
text_enum!(Horizon { Now => "now" as "Now", Next => "next" as "Next", Later => "later" as "Later" });
text_enum!(TeamKind { Product => "product" as "Product", Platform => "platform" as "Platform" });
text_enum!(
    /// The key metric the traction goal is measured in.
    TractionMetric { Arr => "arr" as "ARR", Mrr => "mrr" as "MRR", ActiveCustomers => "active_customers" as "Active customers", Custom => "custom" as "Custom" }
);
text_enum!(
    /// A step of the customer factory (acquisition, activation, retention, revenue, referral).
    FactoryStep {
        Acquisition => "acquisition" as "Acquisition",
        Activation => "activation" as "Activation",
        Retention => "retention" as "Retention",
        Revenue => "revenue" as "Revenue",
        Referral => "referral" as "Referral",
    }
);

impl TractionMetric {
    /// Revenue metrics are measured in the plan's currency and need a revenue per customer.
    pub fn is_revenue(self) -> bool {
        matches!(self, TractionMetric::Arr | TractionMetric::Mrr)
    }
}

impl FeatureStatus {
    /// As a sentence says it ("in progress").
    pub fn in_words(self) -> &'static str {
        match self {
            FeatureStatus::Idea => "idea",
            FeatureStatus::Planned => "planned",
            FeatureStatus::InProgress => "in progress",
            FeatureStatus::Done => "done",
            FeatureStatus::Dropped => "dropped",
        }
    }
}
