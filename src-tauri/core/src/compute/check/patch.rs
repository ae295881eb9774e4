//! The findings after an edit as a patch of those the window holds: most edits change one or two
//! findings, and a plan of 10,000 features has nearly 2,000 of them, so the answer names the
//! ones the window keeps by their position and sends only the new ones whole.

use super::Finding;
use serde::Serialize;
use specta::Type;
use std::collections::{HashMap, VecDeque};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FindingsPatch {
    /// The findings now, in order: the position of one the window holds (in the list it was
    /// last sent), or null for the next of `new`.
    pub slots: Vec<Option<u32>>,
    pub new: Vec<Finding>,
}

impl FindingsPatch {
    /// `now` as a patch of `held`; None when half of `now` or more is new (the list itself is
    /// then about as small).
    pub fn of(held: &[Finding], now: &[Finding]) -> Option<FindingsPatch> {
        let mut at: HashMap<&Finding, VecDeque<u32>> = HashMap::new();
        for (i, f) in held.iter().enumerate() {
            at.entry(f).or_default().push_back(u32::try_from(i).ok()?);
        }
        let mut patch = FindingsPatch {
            slots: Vec::with_capacity(now.len()),
            new: Vec::new(),
        };
        for f in now {
            match at.get_mut(f).and_then(VecDeque::pop_front) {
                Some(i) => patch.slots.push(Some(i)),
                None => {
                    patch.slots.push(None);
                    patch.new.push(f.clone());
                }
            }
        }
        (patch.new.len() * 2 < now.len()).then_some(patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::check::Severity;

    /// The findings `patch` describes, from those `held` (what the window does).
    fn apply(patch: &FindingsPatch, held: &[Finding]) -> Vec<Finding> {
        let mut new = patch.new.iter();
        patch
            .slots
            .iter()
            .filter_map(|slot| match slot {
                Some(i) => held.get(*i as usize).cloned(),
                None => new.next().cloned(),
            })
            .collect()
    }

    fn f(message: &str) -> Finding {
        Finding {
            id: "K004".into(),
            severity: Severity::Warning,
            message: message.into(),
            items: Vec::new(),
            more: 0,
        }
    }

    #[test]
    fn names_the_held_findings_by_position_and_sends_the_new_ones() {
        let held = vec![f("a"), f("b"), f("c"), f("b")];
        let now = vec![f("b"), f("a"), f("x"), f("b"), f("c")];
        let patch = FindingsPatch::of(&held, &now).unwrap();
        assert_eq!(
            patch.slots,
            vec![Some(1), Some(0), None, Some(3), Some(2)],
            "a finding held twice is taken once per place"
        );
        assert_eq!(patch.new, vec![f("x")]);
        assert_eq!(apply(&patch, &held), now);
    }

    #[test]
    fn is_none_when_most_of_the_list_is_new() {
        let held = vec![f("a"), f("b")];
        assert_eq!(FindingsPatch::of(&held, &[f("x"), f("y"), f("a")]), None);
        assert_eq!(FindingsPatch::of(&held, &[f("x"), f("a")]), None);
        assert!(FindingsPatch::of(&held, &[]).is_none(), "nothing to patch");
    }
}
