/*!
What each checklist step is about, under a key that survives a newer
export of the same customers.

A step's display id (`C2`, `W2A`) is its position: one more subscription
in next week's export renumbers the steps after it. Progress is therefore
kept by a stable key instead:

- `C:<subscription id>` for the step that suspends (or checks) one
  subscription;
- `A:<anchor>` and `B:<anchor>` for a wave's purchase and move steps,
  where the anchor is the id of the wave's earliest-ending subscription
  (ties by id). When the anchor changes, progress finds the wave through
  the subscriptions it holds now (see [`crate::progress`]).

Each step also carries the facts it was decided on ([`StepFacts`]), so a
tick made on other facts can be flagged rather than silently kept.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{CustomerPlan, KaizalaSubscription};

use super::build::{c_id, wave_prefix};
use super::waves::{quantities, waves};

/// One checklist step and what it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSubject {
    /// The display id, as [`step_ids`](crate::checklist::step_ids) gives it.
    pub id: String,
    /// The stable key: `A:<anchor>`, `B:<anchor>` or `C:<subscription id>`.
    pub key: String,
    /// The facts the step is decided on.
    pub facts: StepFacts,
}

/// The facts a step is decided on; a tick remembers them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepFacts {
    /// The subscriptions it is about: the wave's for A and B, its own for C.
    #[serde(default)]
    pub subscriptions: Vec<SubscriptionFacts>,
    /// For a purchase step: the recommended plan (its SKU part number,
    /// else its name).
    #[serde(default)]
    pub plan: Option<String>,
    /// For a purchase step: the licenses to buy or add.
    #[serde(default)]
    pub quantity: Option<u32>,
}

/// What a step relies on of one subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionFacts {
    /// The subscription's id as exported.
    pub id: String,
    /// The day its service stops, as planned (`expires_on`).
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Its seats, when the export says.
    #[serde(default)]
    pub seats: Option<u32>,
    /// Its status, in the exports' word (`active`, `expired`, ...).
    #[serde(default)]
    pub status: String,
}

/// How the facts of a ticked step differ from those it was ticked on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FactChange {
    /// A subscription's end date moved.
    EndMoved {
        /// The subscription's id.
        subscription: String,
        /// The end date when ticked.
        from: Option<NaiveDate>,
        /// The end date now.
        to: Option<NaiveDate>,
    },
    /// A subscription's seats changed.
    SeatsChanged {
        /// The subscription's id.
        subscription: String,
        /// Seats when ticked.
        from: Option<u32>,
        /// Seats now.
        to: Option<u32>,
    },
    /// A subscription's status changed.
    StatusChanged {
        /// The subscription's id.
        subscription: String,
        /// The status when ticked.
        from: String,
        /// The status now.
        to: String,
    },
    /// The recommended plan changed.
    PlanChanged {
        /// The plan when ticked.
        from: Option<String>,
        /// The plan now.
        to: Option<String>,
    },
    /// The licenses to buy changed.
    QuantityChanged {
        /// The quantity when ticked.
        from: Option<u32>,
        /// The quantity now.
        to: Option<u32>,
    },
    /// A subscription joined the step's wave.
    Joined {
        /// The subscription's id.
        subscription: String,
    },
    /// A subscription left the step's wave (or the export).
    Left {
        /// The subscription's id.
        subscription: String,
    },
}

impl StepFacts {
    /// What changed from `self` (the facts when ticked) to `now`: each
    /// subscription in both compared in the order it had, then the ones
    /// that left, then the ones that joined, then plan and quantity.
    pub fn changes(&self, now: &StepFacts) -> Vec<FactChange> {
        let mut out = Vec::new();
        let mut left = Vec::new();
        for old in &self.subscriptions {
            let Some(new) = now.subscriptions.iter().find(|s| s.id == old.id) else {
                left.push(FactChange::Left {
                    subscription: old.id.clone(),
                });
                continue;
            };
            let subscription = || old.id.clone();
            if old.end != new.end {
                out.push(FactChange::EndMoved {
                    subscription: subscription(),
                    from: old.end,
                    to: new.end,
                });
            }
            if old.seats != new.seats {
                out.push(FactChange::SeatsChanged {
                    subscription: subscription(),
                    from: old.seats,
                    to: new.seats,
                });
            }
            if old.status != new.status {
                out.push(FactChange::StatusChanged {
                    subscription: subscription(),
                    from: old.status.clone(),
                    to: new.status.clone(),
                });
            }
        }
        out.append(&mut left);
        out.extend(
            now.subscriptions
                .iter()
                .filter(|n| !self.subscriptions.iter().any(|o| o.id == n.id))
                .map(|n| FactChange::Joined {
                    subscription: n.id.clone(),
                }),
        );
        if self.plan != now.plan {
            out.push(FactChange::PlanChanged {
                from: self.plan.clone(),
                to: now.plan.clone(),
            });
        }
        if self.quantity != now.quantity {
            out.push(FactChange::QuantityChanged {
                from: self.quantity,
                to: now.quantity,
            });
        }
        out
    }
}

fn facts_of(s: &KaizalaSubscription) -> SubscriptionFacts {
    SubscriptionFacts {
        id: s.id.to_string(),
        end: s.expires_on,
        seats: s.seats,
        status: s.status.as_str().to_string(),
    }
}

/// The customer's steps, in the order and with the display ids of
/// [`step_ids`](crate::checklist::step_ids), each with its stable key and
/// facts.
pub fn subjects(customer: &CustomerPlan) -> Vec<StepSubject> {
    let waves = waves(customer);
    let buys = quantities(&waves, customer.recommendation.quantity);
    let rec = &customer.recommendation;
    let plan = rec.sku.as_deref().unwrap_or(&rec.plan).to_string();
    let mut out = Vec::new();
    for (i, (wave, &quantity)) in waves.iter().zip(&buys).enumerate() {
        let prefix = wave_prefix(i);
        let subscriptions: Vec<SubscriptionFacts> =
            wave.subscriptions.iter().map(|s| facts_of(s)).collect();
        // A wave is never empty; the index keeps keys apart if one were.
        let anchor = wave
            .subscriptions
            .iter()
            .min_by(|a, b| {
                (a.expires_on.is_none(), a.expires_on, &a.id).cmp(&(
                    b.expires_on.is_none(),
                    b.expires_on,
                    &b.id,
                ))
            })
            .map(|s| s.id.to_string())
            .unwrap_or_else(|| format!("#{i}"));
        out.push(StepSubject {
            id: format!("{prefix}A"),
            key: format!("A:{anchor}"),
            facts: StepFacts {
                subscriptions: subscriptions.clone(),
                plan: Some(plan.clone()),
                quantity,
            },
        });
        out.push(StepSubject {
            id: format!("{prefix}B"),
            key: format!("B:{anchor}"),
            facts: StepFacts {
                subscriptions: subscriptions.clone(),
                plan: None,
                quantity: None,
            },
        });
        let n = wave.subscriptions.len();
        for (k, facts) in subscriptions.into_iter().enumerate() {
            out.push(StepSubject {
                id: format!("{prefix}{}", c_id(k + 1, n)),
                key: format!("C:{}", facts.id),
                facts: StepFacts {
                    subscriptions: vec![facts],
                    plan: None,
                    quantity: None,
                },
            });
        }
    }
    out
}
