//! Which parts of the plan a change touched — an operation, an undo, a restored version or an
//! imported change alike — read from the document's own events, so the projection rewrites
//! exactly those parts and nothing is missed.

use super::tree;
use loro::event::{Diff, DiffEvent};
use loro::{ContainerID, Index, LoroDoc, Subscription};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Touched {
    pub plan: bool,
    pub canvas: bool,
    pub goal: bool,
    pub order: bool,
    pub versions: bool,
    /// Item ids by the root map of their kind.
    pub items: BTreeMap<String, BTreeSet<String>>,
}

impl Touched {
    pub(crate) fn is_empty(&self) -> bool {
        *self == Touched::default()
    }

    pub(crate) fn items_of(&self, root: &str) -> impl Iterator<Item = &String> {
        self.items.get(root).into_iter().flatten()
    }

    fn add(&mut self, event: &loro::event::ContainerDiff) {
        let Some((ContainerID::Root { name, .. }, _)) = event.path.first() else {
            return;
        };
        match name.as_str() {
            tree::PLAN => self.plan = true,
            tree::CANVAS => self.canvas = true,
            tree::GOAL => self.goal = true,
            tree::ORDER => self.order = true,
            tree::VERSIONS => self.versions = true,
            root if tree::ITEM_ROOTS.contains(&root) => {
                let ids = self.items.entry(root.to_string()).or_default();
                match event.path.get(1) {
                    Some((_, Index::Key(id))) => {
                        ids.insert(id.to_string());
                    }
                    _ => {
                        if let Diff::Map(delta) = &event.diff {
                            ids.extend(delta.updated.keys().map(|k| k.to_string()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Gathers what each commit touched until taken.
pub(crate) struct Collector {
    seen: Arc<Mutex<Touched>>,
    _subscription: Subscription,
}

impl Collector {
    pub(crate) fn attach(doc: &LoroDoc) -> Collector {
        let seen = Arc::new(Mutex::new(Touched::default()));
        let sink = Arc::clone(&seen);
        let subscription = doc.subscribe_root(Arc::new(move |event: DiffEvent| {
            if let Ok(mut touched) = sink.lock() {
                for diff in &event.events {
                    touched.add(diff);
                }
            }
        }));
        Collector {
            seen,
            _subscription: subscription,
        }
    }

    pub(crate) fn take(&self) -> Touched {
        self.seen
            .lock()
            .map(|mut t| std::mem::take(&mut *t))
            .unwrap_or_default()
    }
}
