/*!
One customer's page, written for the customer rather than the partner:
what changes for their users and when, what they need to do, what it
costs them, what to know, and how far the partner has got.

The page is built from the customer's plan and checklist; it decides what
to say, as data ([`Intro`], [`Change`], [`Todo`], [`Cost`]), and the words
are in `i18n/handout.rs`. The share view and the HTML page both show it,
so the customer reads the same page however it reached them.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::checklist::{self, Checklist, Step, StepAction};
use crate::i18n::handout::{plain_assumption, plain_caveat, step_status, step_title};
use crate::i18n::{Lang, Render, Text};
use crate::plan::{CustomerPlan, Family, Said};

use super::{Handout, Partner};

/// What the page opens with: why anything changes, and to which plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Intro {
    /// Kaizala Pro is no longer sold; the users move to `plan`.
    Move {
        /// The plan the users move to.
        plan: String,
    },
    /// Every Kaizala Pro subscription is already inactive.
    NothingToDo,
}

/// Something that changes for the customer's users. `wave` is the wave's
/// number when the users move in several waves, else `None`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Change {
    /// The users' Kaizala license moves to `plan` by the day `by`.
    Move {
        /// The wave, when there are several.
        wave: Option<u32>,
        /// The plan the users move to.
        plan: String,
        /// How many users, when known.
        users: Option<u32>,
        /// The day it is done by (step B's due date).
        by: Option<NaiveDate>,
    },
    /// A Kaizala Pro subscription stops at 00:00 UTC on `on`.
    Stops {
        /// The wave, when there are several.
        wave: Option<u32>,
        /// Its licenses, when known.
        seats: Option<u32>,
        /// The day its service stops, when known.
        on: Option<NaiveDate>,
    },
    /// A Kaizala Pro subscription already stopped.
    Ended {
        /// The wave, when there are several.
        wave: Option<u32>,
        /// The day it stopped, when known.
        on: Option<NaiveDate>,
    },
    /// When a Kaizala Pro subscription ends is not known yet.
    EndUnknown {
        /// The wave, when there are several.
        wave: Option<u32>,
    },
}

/// What the customer needs to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Todo {
    /// Nothing to install or set up: the partner orders and moves.
    Nothing,
    /// Let the users know their license changes by `by`.
    TellUsers {
        /// Step B's due date.
        by: Option<NaiveDate>,
    },
    /// Tell the partner how many people use Kaizala Pro.
    CountUsers,
    /// Education plans need an institution Microsoft has verified.
    ConfirmSchool,
    /// Frontline plans are for frontline staff only.
    ConfirmFrontline,
    /// Ask the partner (by name, when known).
    Ask {
        /// The partner's name.
        partner: Option<String>,
    },
}

/// What the move costs the customer. `wave` as in [`Change`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Cost {
    /// A new subscription: `users` licenses of `plan` from `from`.
    Licenses {
        /// The wave, when there are several.
        wave: Option<u32>,
        /// The plan.
        plan: String,
        /// How many users, when known.
        users: Option<u32>,
        /// The day it is bought by (step A's due date).
        from: Option<NaiveDate>,
    },
    /// More licenses of a plan the customer already has.
    MoreLicenses {
        /// The wave, when there are several.
        wave: Option<u32>,
        /// The plan.
        plan: String,
        /// How many more, when known.
        users: Option<u32>,
        /// The day they are added by.
        from: Option<NaiveDate>,
    },
    /// Nothing new to buy: `plan`, which the customer has, covers everyone.
    Covered {
        /// The plan.
        plan: String,
    },
    /// Kaizala Pro is no longer charged once stopped, the last by `by`.
    OldEnds {
        /// The last subscription's stop day, when known.
        by: Option<NaiveDate>,
    },
}

/// One checklist step as the customer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageStep {
    /// The checklist's step id (`A`, `B`, `C1`, ...).
    pub step: String,
    /// Its wave, from 1.
    pub wave: u32,
    /// What happens, in the customer's words.
    pub title: Text,
    /// Its due date, when known.
    pub due: Option<NaiveDate>,
    /// The partner has done it.
    pub done: bool,
    /// The day it was done, when known.
    pub done_on: Option<NaiveDate>,
    /// "Done on …", "Planned by …".
    pub status: Text,
}

/// The page one customer reads: every text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    /// The customer's name as shown.
    pub customer: String,
    /// Who prepared it, when the partner said.
    pub partner: Option<Partner>,
    /// The plan's "today".
    pub as_of: NaiveDate,
    /// Why, and to which plan.
    pub intro: Said<Intro>,
    /// What changes for the users, and when.
    pub changes: Vec<Said<Change>>,
    /// What the customer needs to do.
    pub todo: Vec<Said<Todo>>,
    /// What it costs.
    pub costs: Vec<Said<Cost>>,
    /// The recommendation's caveats and assumptions in plain words (the
    /// seat-overlap assumption is the partner's to check, and stays in
    /// their section).
    pub good_to_know: Vec<Text>,
    /// The steps, with what is done.
    pub steps: Vec<PageStep>,
    /// The partner's checklist, with its texts and Partner Center paths.
    pub checklist: Checklist,
}

/// The customer's page: `customer` planned as of `as_of`, its texts in
/// `lang`, with the partner and the steps done from `handout`.
pub fn customer_page(
    customer: &CustomerPlan,
    as_of: NaiveDate,
    lang: Lang,
    handout: &Handout,
) -> CustomerPage {
    let list = checklist::build(customer, as_of, lang);
    let rec = &customer.recommendation;
    let partner = handout.partner.as_ref().and_then(Partner::shown);
    let waves = list.steps.iter().map(|s| s.wave).max().unwrap_or(1);
    let wave_of = |s: &Step| (waves > 1).then_some(s.wave);

    let mut changes = Vec::new();
    let mut costs = Vec::new();
    let mut last_stop: Option<NaiveDate> = None;
    let mut stops_any = false;
    let mut move_by = None;
    for s in &list.steps {
        let wave = wave_of(s);
        match &s.action {
            StepAction::Buy { plan, quantity, .. } => costs.push(match quantity {
                Some(0) => Cost::Covered { plan: plan.clone() },
                _ if rec.raise.is_some() => Cost::MoreLicenses {
                    wave,
                    plan: plan.clone(),
                    users: *quantity,
                    from: s.due,
                },
                _ => Cost::Licenses {
                    wave,
                    plan: plan.clone(),
                    users: *quantity,
                    from: s.due,
                },
            }),
            StepAction::NoPurchase { plan } => costs.push(Cost::Covered { plan: plan.clone() }),
            StepAction::RaiseQuantity { plan, quantity, .. } => costs.push(match quantity {
                Some(0) => Cost::Covered { plan: plan.clone() },
                _ => Cost::MoreLicenses {
                    wave,
                    plan: plan.clone(),
                    users: *quantity,
                    from: s.due,
                },
            }),
            StepAction::AddSeats { plan, quantity, .. } => {
                if *quantity != Some(0) {
                    costs.push(Cost::MoreLicenses {
                        wave,
                        plan: plan.clone(),
                        users: *quantity,
                        from: s.due,
                    })
                }
            }
            StepAction::MoveUsers { plan, seats, .. } => {
                move_by = move_by.or(s.due);
                changes.push(Change::Move {
                    wave,
                    plan: plan.clone(),
                    users: *seats,
                    by: s.due,
                });
            }
            StepAction::Suspend {
                seats, expires_on, ..
            } => {
                stops_any = true;
                last_stop = last_stop.max(s.due);
                changes.push(Change::Stops {
                    wave,
                    seats: *seats,
                    on: *expires_on,
                });
            }
            StepAction::CheckEnded { ended_on, .. } => changes.push(Change::Ended {
                wave,
                on: *ended_on,
            }),
            StepAction::FindEndDate { .. } => {
                stops_any = true;
                changes.push(Change::EndUnknown { wave });
            }
        }
    }
    if stops_any {
        costs.push(Cost::OldEnds { by: last_stop });
    }

    let mut todo = Vec::new();
    if !list.steps.is_empty() {
        todo.push(Todo::Nothing);
        todo.push(Todo::TellUsers { by: move_by });
        if !customer.seats_known {
            todo.push(Todo::CountUsers);
        }
        match rec.family {
            Family::Education => todo.push(Todo::ConfirmSchool),
            Family::Frontline => todo.push(Todo::ConfirmFrontline),
            _ => {}
        }
    }
    todo.push(Todo::Ask {
        partner: partner
            .as_ref()
            .map(|p| p.name.clone())
            .filter(|n| !n.is_empty()),
    });

    let good_to_know = rec
        .caveats
        .iter()
        .map(|c| plain_caveat(c, lang))
        .chain(
            rec.assumptions
                .iter()
                .filter_map(|a| plain_assumption(a, lang)),
        )
        .collect();

    let steps = list
        .steps
        .iter()
        .map(|s| {
            let done = handout.done.get(&s.step);
            let done_on = done.copied().flatten();
            PageStep {
                step: s.step.clone(),
                wave: s.wave,
                title: step_title(s, wave_of(s), lang),
                due: s.due,
                done: done.is_some(),
                done_on,
                status: step_status(done.is_some(), done_on, s.due, lang),
            }
        })
        .collect();

    let intro = if list.steps.is_empty() {
        Intro::NothingToDo
    } else {
        Intro::Move {
            plan: rec.plan.to_string(),
        }
    };
    CustomerPage {
        customer: customer.display_name.clone(),
        partner,
        as_of,
        intro: Said::new(intro, lang),
        changes: said(changes, lang),
        todo: said(todo, lang),
        costs: said(costs, lang),
        good_to_know,
        steps,
        checklist: list,
    }
}

fn said<T: Render>(items: Vec<T>, lang: Lang) -> Vec<Said<T>> {
    items.into_iter().map(|x| Said::new(x, lang)).collect()
}
