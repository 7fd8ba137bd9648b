/*!
Checklist progress: which steps are done, since when and on which facts,
and the notes written, per customer.

A tick is kept under the step's stable key (see
[`checklist::subjects`](crate::checklist::subjects)), not its display id,
so that it lands on the same step in next week's export of the same
customers even when steps are renumbered:

- a `C:<subscription id>` tick applies to the step of that subscription;
- an `A:<x>` or `B:<x>` tick applies to the purchase or move step of the
  wave that now holds subscription `x` (or, when `x` has left, of the wave
  holding another subscription the step was ticked with), so a wave whose
  earliest subscription changed keeps its tick.

Each tick remembers the step's facts when it was ticked; when they differ
now, [`Progress::state`] lists the changes, for the partner to check and
confirm by ticking again. A tick that applies to no step any more is kept
(the subscription may come back in a later export) and reported by
[`Progress::orphans`].

Progress read from the first stored shape has display ids and no facts:
those ticks are kept as they are until [`Progress::adopt_legacy`] resolves
them through the current plan.

Progress is stored by the web app (localStorage) under the
[`fingerprint`] of the imported file, as JSON ([`Progress::to_json`]);
reading it back treats the text as untrusted.
*/

mod fingerprint;
mod json;
#[cfg(test)]
mod tests;
mod users;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::checklist::subjects;
use crate::plan::{CustomerPlan, Plan};

pub use crate::checklist::{FactChange, StepFacts, StepSubject, SubscriptionFacts};
pub use fingerprint::{fingerprint, is_legacy_fingerprint, legacy_fingerprint, Fingerprinter};

/// The longest note kept per customer; longer notes are cut at a character
/// boundary.
pub(crate) const MAX_NOTE_CHARS: usize = 4000;

/// One stored tick: the day the step was done and what it was about then.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    /// The day it was ticked, when known.
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// The step's facts when it was ticked.
    #[serde(default)]
    pub facts: StepFacts,
}

/// Ticks and notes of one workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Per customer key, per stable step key.
    pub(crate) ticks: BTreeMap<String, BTreeMap<String, Tick>>,
    /// Ticks of the first stored shape, per customer key, per display id,
    /// not yet resolved through a plan.
    pub(crate) legacy: BTreeMap<String, BTreeMap<String, Option<NaiveDate>>>,
    /// Free-text note per customer key.
    pub(crate) notes: BTreeMap<String, String>,
    /// Users moved (step B, user by user), per customer key, per user
    /// principal name lower-cased, with the day when known.
    pub(crate) users: BTreeMap<String, BTreeMap<String, Option<NaiveDate>>>,
}

/// A ticked step as it stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TickState {
    /// The day it was done, when known.
    pub on: Option<NaiveDate>,
    /// What changed since it was ticked; empty when nothing did.
    pub changes: Vec<FactChange>,
}

/// A stored tick that applies to no step of the customer now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The key it is stored under: a stable key, or a display id for a
    /// tick of the first stored shape.
    pub step: String,
    /// The day it was done, when known.
    pub on: Option<NaiveDate>,
    /// The facts it was ticked on; `None` for the first stored shape.
    pub facts: Option<StepFacts>,
}

/// What [`Progress::merge`] brought in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProgressMerge {
    /// Ticks we did not have.
    pub ticks_added: usize,
    /// Notes added or appended to ours.
    pub notes_merged: usize,
}

/// The kind (`A`, `B`, `C`) and the subscription id of a stable key.
fn split_key(key: &str) -> Option<(&str, &str)> {
    key.split_once(':')
        .filter(|(kind, id)| matches!(*kind, "A" | "B" | "C") && !id.is_empty())
}

/// The step among `all` that a tick stored under `key` applies to.
fn resolve<'a>(key: &str, tick: &Tick, all: &'a [StepSubject]) -> Option<&'a StepSubject> {
    let (kind, anchor) = split_key(key)?;
    if kind == "C" {
        return all.iter().find(|s| s.key == key);
    }
    let wave_step = |id: &str| {
        all.iter().find(|s| {
            split_key(&s.key).is_some_and(|(k, _)| k == kind)
                && s.facts.subscriptions.iter().any(|f| f.id == id)
        })
    };
    wave_step(anchor).or_else(|| {
        tick.facts
            .subscriptions
            .iter()
            .find_map(|f| wave_step(&f.id))
    })
}

/// Whether day `a` counts before `b`: a known day before an unknown one.
fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a < b,
        (Some(_), None) => true,
        _ => false,
    }
}

fn earliest(days: impl IntoIterator<Item = Option<NaiveDate>>) -> Option<Option<NaiveDate>> {
    days.into_iter()
        .reduce(|a, b| if earlier(b, a) { b } else { a })
}

impl Progress {
    /// Whether nothing is ticked and no note written.
    pub fn is_empty(&self) -> bool {
        self.ticks.values().all(BTreeMap::is_empty)
            && self.legacy.values().all(BTreeMap::is_empty)
            && self.notes.is_empty()
            && self.users.values().all(BTreeMap::is_empty)
    }

    /// Whether ticks of the first stored shape wait for
    /// [`Progress::adopt_legacy`].
    pub fn has_legacy(&self) -> bool {
        self.legacy.values().any(|m| !m.is_empty())
    }

    /// Ticks a customer's step as done on `day` (the caller's today: the
    /// engine reads no clock), with its current facts.
    ///
    /// Ticking a step already ticked confirms it: its facts become the
    /// current ones (clearing the changes flagged) and it keeps the day it
    /// was first done.
    pub fn tick(&mut self, customer: &str, subject: &StepSubject, day: NaiveDate) {
        let mut days = Vec::new();
        if let Some(on) = self
            .legacy
            .get_mut(customer)
            .and_then(|m| m.remove(&subject.id))
        {
            days.push(on);
        }
        let ticks = self.ticks.entry(customer.to_string()).or_default();
        // Ticks stored under an earlier anchor of this wave: its
        // subscription is still in the wave, so the tick applies here.
        let kind = split_key(&subject.key).map(|(k, _)| k);
        ticks.retain(|key, tick| {
            let same = *key == subject.key
                || (kind != Some("C")
                    && split_key(key).is_some_and(|(k, id)| {
                        Some(k) == kind && subject.facts.subscriptions.iter().any(|f| f.id == id)
                    }));
            if same {
                days.push(tick.on);
            }
            !same
        });
        let on = earliest(days).unwrap_or(Some(day));
        ticks.insert(
            subject.key.clone(),
            Tick {
                on,
                facts: subject.facts.clone(),
            },
        );
    }

    /// Unticks a customer's step: removes every stored tick that applies
    /// to it among `all`, the customer's current steps.
    pub fn untick(&mut self, customer: &str, subject: &StepSubject, all: &[StepSubject]) {
        if let Some(m) = self.legacy.get_mut(customer) {
            m.remove(&subject.id);
            if m.is_empty() {
                self.legacy.remove(customer);
            }
        }
        if let Some(ticks) = self.ticks.get_mut(customer) {
            ticks.retain(|key, tick| {
                *key != subject.key && resolve(key, tick, all).is_none_or(|s| s.key != subject.key)
            });
            if ticks.is_empty() {
                self.ticks.remove(customer);
            }
        }
    }

    /// A customer's step as ticked, with what changed since; `None` when
    /// it is not ticked. `all` are the customer's current steps
    /// ([`subjects`]).
    pub fn state(
        &self,
        customer: &str,
        subject: &StepSubject,
        all: &[StepSubject],
    ) -> Option<TickState> {
        let ticks = self.ticks.get(customer);
        let tick = ticks.and_then(|t| t.get(&subject.key)).or_else(|| {
            ticks?
                .iter()
                .find(|(key, tick)| resolve(key, tick, all).is_some_and(|s| s.key == subject.key))
                .map(|(_, tick)| tick)
        });
        match tick {
            Some(t) => Some(TickState {
                on: t.on,
                changes: t.facts.changes(&subject.facts),
            }),
            None => self
                .legacy
                .get(customer)?
                .get(&subject.id)
                .map(|&on| TickState {
                    on,
                    changes: Vec::new(),
                }),
        }
    }

    /// [`Progress::tick`] by display id (`A`, `C2`, `W2B`), for callers
    /// that hold the customer's plan; `false` when it has no such step.
    pub fn tick_step(&mut self, customer: &CustomerPlan, step: &str, day: NaiveDate) -> bool {
        let all = subjects(customer);
        let Some(s) = all.iter().find(|s| s.id == step) else {
            return false;
        };
        self.tick(&customer.key, s, day);
        true
    }

    /// [`Progress::untick`] by display id; `false` when the customer has
    /// no such step.
    pub fn untick_step(&mut self, customer: &CustomerPlan, step: &str) -> bool {
        let all = subjects(customer);
        let Some(s) = all.iter().find(|s| s.id == step) else {
            return false;
        };
        self.untick(&customer.key, s, &all);
        true
    }

    /// Each ticked step of the customer, by display id.
    pub fn states(&self, customer: &CustomerPlan) -> BTreeMap<String, TickState> {
        let all = subjects(customer);
        // Extend, not collect: collecting into a map sorts first, with its
        // own copy of the standard sort.
        let mut states = BTreeMap::new();
        states.extend(
            all.iter()
                .filter_map(|s| Some((s.id.clone(), self.state(&customer.key, s, &all)?))),
        );
        states
    }

    /// The customer's done steps, by display id, each with the day it was
    /// done when known: what a shared or printed page shows as done.
    pub fn done_steps(&self, customer: &CustomerPlan) -> BTreeMap<String, Option<NaiveDate>> {
        let mut done = BTreeMap::new();
        done.extend(self.states(customer).into_iter().map(|(id, s)| (id, s.on)));
        done
    }

    /// How many of the customer's steps are done, and how many it has.
    pub fn done(&self, customer: &CustomerPlan) -> (usize, usize) {
        let all = subjects(customer);
        let done = all
            .iter()
            .filter(|s| self.state(&customer.key, s, &all).is_some())
            .count();
        (done, all.len())
    }

    /// The customer's stored ticks that apply to none of `all`, its
    /// current steps: their subscription is no longer in the export (or no
    /// longer needs a step).
    pub fn orphans(&self, customer: &str, all: &[StepSubject]) -> Vec<Orphan> {
        let mut out: Vec<Orphan> = self
            .ticks
            .get(customer)
            .into_iter()
            .flatten()
            .filter(|(key, tick)| resolve(key, tick, all).is_none())
            .map(|(key, tick)| Orphan {
                step: key.clone(),
                on: tick.on,
                facts: Some(tick.facts.clone()),
            })
            .collect();
        out.extend(
            self.legacy
                .get(customer)
                .into_iter()
                .flatten()
                .filter(|(id, _)| !all.iter().any(|s| s.id == **id))
                .map(|(id, &on)| Orphan {
                    step: id.clone(),
                    on,
                    facts: None,
                }),
        );
        out
    }

    /// Resolves ticks of the first stored shape through `plan`: each
    /// display id of a customer in the plan becomes a tick of that step
    /// with its current facts (so nothing is flagged), unless the step is
    /// ticked already. Ids that name no step now, and customers not in the
    /// plan, stay as they are. Returns how many ticks were adopted.
    pub fn adopt_legacy(&mut self, plan: &Plan) -> usize {
        let mut adopted = 0;
        for c in &plan.customers {
            let Some(mut legacy) = self.legacy.remove(&c.key) else {
                continue;
            };
            let all = subjects(c);
            for s in &all {
                let Some(on) = legacy.remove(&s.id) else {
                    continue;
                };
                if self.state(&c.key, s, &all).is_none() {
                    self.ticks.entry(c.key.clone()).or_default().insert(
                        s.key.clone(),
                        Tick {
                            on,
                            facts: s.facts.clone(),
                        },
                    );
                    adopted += 1;
                }
            }
            if !legacy.is_empty() {
                self.legacy.insert(c.key.clone(), legacy);
            }
        }
        adopted
    }

    /// The customer's note; empty when there is none.
    pub fn note(&self, customer: &str) -> &str {
        self.notes.get(customer).map(String::as_str).unwrap_or("")
    }

    /// Sets the customer's note, cut to 4000 characters; a blank note is
    /// removed rather than stored.
    pub fn set_note(&mut self, customer: &str, text: &str) {
        let text: String = text.chars().take(MAX_NOTE_CHARS).collect();
        if text.trim().is_empty() {
            self.notes.remove(customer);
        } else {
            self.notes.insert(customer.to_string(), text);
        }
    }

    /// Brings a colleague's progress into this one. Ticks are united; a
    /// step ticked in both keeps the earlier day, with the facts of the
    /// tick that had it. A note they wrote that we have not is added: on
    /// its own, or after ours and a blank line unless ours already holds
    /// it.
    pub fn merge(&mut self, other: &Progress) -> ProgressMerge {
        let mut merged = ProgressMerge::default();
        for (customer, theirs) in &other.ticks {
            let ours = self.ticks.entry(customer.clone()).or_default();
            for (key, tick) in theirs {
                match ours.get_mut(key) {
                    None => {
                        ours.insert(key.clone(), tick.clone());
                        merged.ticks_added += 1;
                    }
                    Some(mine) if earlier(tick.on, mine.on) => *mine = tick.clone(),
                    Some(_) => {}
                }
            }
        }
        for (customer, theirs) in &other.legacy {
            let ours = self.legacy.entry(customer.clone()).or_default();
            for (id, &on) in theirs {
                match ours.get_mut(id) {
                    None => {
                        ours.insert(id.clone(), on);
                        merged.ticks_added += 1;
                    }
                    Some(mine) if earlier(on, *mine) => *mine = on,
                    Some(_) => {}
                }
            }
        }
        merged.ticks_added += self.merge_users(other);
        self.ticks.retain(|_, m| !m.is_empty());
        self.legacy.retain(|_, m| !m.is_empty());
        for (customer, theirs) in &other.notes {
            let ours = self.note(customer);
            if theirs.trim().is_empty() || ours == theirs || ours.contains(theirs.as_str()) {
                continue;
            }
            let text = if ours.is_empty() {
                theirs.clone()
            } else {
                format!("{ours}\n\n{theirs}")
            };
            self.set_note(customer, &text);
            merged.notes_merged += 1;
        }
        merged
    }
}
