//! The closed vocabularies of a plan. Each value is stored in the plan file as its snake_case
//! name; renaming one is a schema change.

use serde::{Deserialize, Serialize};
use specta::Type;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
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
        }
    };
}

text_enum!(
    /// The company's stage of tech, and the stage a feature belongs to.
    Stage { Mvp => "mvp", Scaling => "scaling", Enterprise => "enterprise" }
);
text_enum!(
    /// Which kind of risk a feature retires: business first, then technical, then operational.
    RiskClass { Business => "business", Technical => "technical", Operational => "operational" }
);
text_enum!(BuildOrBuy { Build => "build", Buy => "buy", Undecided => "undecided" });
text_enum!(FeatureStatus {
    Idea => "idea",
    Planned => "planned",
    InProgress => "in_progress",
    Done => "done",
    Dropped => "dropped",
});
text_enum!(Horizon { Now => "now", Next => "next", Later => "later" });
text_enum!(TeamKind { Product => "product", Platform => "platform" });
text_enum!(
    /// The key metric the traction goal is measured in.
    TractionMetric { Arr => "arr", Mrr => "mrr", ActiveCustomers => "active_customers", Custom => "custom" }
);
text_enum!(
    /// A step of the customer factory (acquisition, activation, retention, revenue, referral).
    FactoryStep {
        Acquisition => "acquisition",
        Activation => "activation",
        Retention => "retention",
        Revenue => "revenue",
        Referral => "referral",
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
    pub fn label(self) -> &'static str {
        match self {
            FeatureStatus::Idea => "idea",
            FeatureStatus::Planned => "planned",
            FeatureStatus::InProgress => "in progress",
            FeatureStatus::Done => "done",
            FeatureStatus::Dropped => "dropped",
        }
    }
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Mvp => "MVP",
            Stage::Scaling => "Scaling up",
            Stage::Enterprise => "Enterprise",
        }
    }
}
