//! Short help on the ideas a founder meets in Keel, and on each plan-check rule with the reason
//! behind it: what the window's help shows, each topic reachable from where it appears.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct HelpTopic {
    /// "msc", "ladder", "risk_classes", "factory", "cycle", or a rule's id ("K006").
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Help {
    pub concepts: Vec<HelpTopic>,
    /// Every plan-check rule, by id.
    pub rules: Vec<HelpTopic>,
}

const CONCEPTS: &[(&str, &str, &str)] = &[
    (
        "msc",
        "Minimum Success Criteria",
        "The smallest result, about three years out, that would make the company a success for \
         its founders — such as $1M ARR or 10,000 paying customers. It is set once and rarely \
         moved: everything else (the ladder, the cycles, the plan check) is measured against it.",
    ),
    (
        "ladder",
        "The 10x ladder",
        "Steps back from the Minimum Success Criteria, each a tenth of the next: year 3 is the \
         criteria, year 2 a tenth of it, year 1 a hundredth. Growth is compounding, so the early \
         steps are small; being on the ladder means the company is growing fast enough to reach \
         its criteria in time.",
    ),
    (
        "risk_classes",
        "Risk classes and risk-first order",
        "Every feature retires a risk. Business risk — will customers want it, pay for it, find \
         it — is what kills start-ups, so it comes first. Technical risk — can it be built, will \
         it scale — comes next. Operational tasks — work that keeps the company running — come \
         last: at the MVP stage most are done by hand or bought. Within a class, the higher risk \
         level first.",
    ),
    (
        "factory",
        "The customer factory",
        "Customers move through five steps: acquisition (a visitor comes), activation (a first \
         good experience), retention (comes back), revenue (pays) and referral (brings others). \
         Record the counts each week; the step that converts worst is the bottleneck, and the \
         next 90 days go into it.",
    ),
    (
        "cycle",
        "The 90-day cycle",
        "A quarter long enough to move a number and short enough to correct course: the team \
         picks the target on the ladder for the end of the cycle, works on the bottleneck, and \
         reviews what it learned when the cycle ends.",
    ),
];

const RULES: &[(&str, &str, &str)] = &[
    (
        "K001",
        "No traction goal",
        "Without a Minimum Success Criteria there is no ladder, so nothing tells whether the \
         company is ahead or behind. Set one first: it is the measure of every other part of \
         the plan.",
    ),
    (
        "K002",
        "No recent actual",
        "A key metric not recorded in 30 days cannot steer the company. Record it at least once \
         a month (weekly is better) so the traction status and the cycle stay true.",
    ),
    (
        "K003",
        "Traction behind the ladder",
        "The latest actual is below 80 % of what the ladder expects on its date. The usual \
         answer is focus, not more features: find the customer factory's bottleneck and spend \
         the next 90 days on it.",
    ),
    (
        "K004",
        "Technology ahead of the business",
        "A technical feature built for far more users than the next milestone needs (over 10×) \
         is premature scaling: it costs months the business needs. Build for the next step, and \
         scale when customers ask for it.",
    ),
    (
        "K005",
        "Stage ahead",
        "A feature for a later stage (Scaling up, Enterprise) planned for now, while the company \
         is not there yet, takes effort from the stage the company is in. Move it to next or \
         later, or update the company's stage.",
    ),
    (
        "K006",
        "Operational work at the MVP stage",
        "Before product/market fit, building operational tools (billing, back office) rarely \
         pays: the process is still changing. Buy a SaaS product, or do it by hand until it is \
         easy and highly repetitive. Quick wins, bought tools and delivery foundations (CI/CD, \
         automated tests, a development environment) are left alone.",
    ),
    (
        "K007",
        "Priority inversion",
        "Work in progress or planned for now ranks below a feature still waiting: the bigger \
         risk waits while smaller ones are worked on. Pull the waiting feature forward, or lower \
         its risk level if it matters less.",
    ),
    (
        "K008",
        "Team shape",
        "An agile team works best with 5–7 people: a larger one should split into teams that \
         each own a part of the product. At the MVP stage one small team finds product/market \
         fit faster than several; smaller teams are told to grow only once the company scales.",
    ),
    (
        "K009",
        "Features linked to nothing",
        "A feature linked to no milestone and no customer-factory step moves no number the plan \
         tracks. Link it to the traction it moves, or ask why it is on the roadmap.",
    ),
    (
        "K010",
        "Little effort on the bottleneck",
        "Less than a quarter of the effort planned for now goes into the customer factory's \
         bottleneck: the step that limits growth gets the least attention.",
    ),
    (
        "K011",
        "A team without a measured KPI",
        "Once the company scales, each product team runs as a mini start-up with a KPI of its \
         own. A team without one, or with one nobody records, cannot show what its funding buys.",
    ),
    (
        "K012",
        "Platform and product teams out of balance",
        "A platform exists to serve the product teams. Over three product teams and no platform \
         team, or a platform team larger than the product teams together, means the balance \
         has tipped.",
    ),
    (
        "K013",
        "Funded more while behind its KPI",
        "A team behind its KPI while the board funds it more each quarter: before more money, \
         ask what it learned and what it will change, and fund the teams that move their KPI.",
    ),
    (
        "K014",
        "Growth without platform work",
        "Traction ahead of its ladder at the Scaling stage, with no platform or reliability work \
         planned: the systems built for the MVP break under that growth. Plan the re-platforming \
         before they do.",
    ),
    (
        "K015",
        "Re-platforming too early",
        "Re-platforming planned at the MVP stage before traction is on track rebuilds what may \
         still change. Find product/market fit first.",
    ),
];

fn topics(list: &[(&str, &str, &str)]) -> Vec<HelpTopic> {
    list.iter()
        .map(|(id, title, text)| HelpTopic {
            id: (*id).to_string(),
            title: (*title).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// The help the window shows.
pub fn help() -> Help {
    Help {
        concepts: topics(CONCEPTS),
        rules: topics(RULES),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_the_check_can_name_has_its_help() {
        let sources = [
            include_str!("../compute/check/mod.rs"),
            include_str!("../compute/check/scaling.rs"),
        ];
        let mut ids: Vec<String> = Vec::new();
        for text in sources {
            for (at, _) in text.match_indices("\"K0") {
                let id = &text[at + 1..at + 5];
                if id[1..].chars().all(|c| c.is_ascii_digit()) && !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
        ids.sort();
        let helped: Vec<String> = help().rules.into_iter().map(|r| r.id).collect();
        assert_eq!(helped, ids, "one help topic per rule, in order");
        assert_eq!(ids.len(), 15);
    }
}
