/*!
The end-date column's day/month order, settled from the evidence its
values gave (`evidence`), from the user's answer or from the format's
documented order ([`Builder::date_order`]), or a question when nothing
settles it.
*/

use super::builder::{AmbiguousDates, Builder};
use crate::import::values::numeric_text;
use crate::import::{ContradictingDates, DateOrder, DateQuestion, Field, Format};
use crate::model::source::{DateOrderHint, ImportNote};

impl Builder {
    /// The day/month order of the end-date column: decided by its values,
    /// else by the user's answer, else by the format's documented order
    /// (said to be an assumption), else a question for the user.
    pub(super) fn date_order(
        &mut self,
        asked: Option<DateOrder>,
    ) -> Result<Option<bool>, AmbiguousDates> {
        let ev = &self.evidence;
        let column = self.header_name(self.map.get(Field::EndDate)).to_string();
        if ev.numeric == 0 {
            return Ok(None);
        }
        let hint: Option<(bool, DateOrderHint)> = if ev.dotted == ev.numeric {
            Some((true, DateOrderHint::Dotted))
        } else if self.format == Format::Reconciliation {
            Some((false, DateOrderHint::Reconciliation))
        } else if self.format == Format::BulkMigration {
            Some((false, DateOrderHint::BulkMigration))
        } else if ev.twelve_hour > 0
            && matches!(
                self.format,
                Format::PowerShell | Format::LicenseExpiryReport | Format::CippLicenseReport
            )
        {
            Some((false, DateOrderHint::TwelveHourClock))
        } else {
            None
        };
        let asked = asked.map(|o| o == DateOrder::DayFirst);
        let decided = match (ev.day_first > 0, ev.month_first > 0) {
            (true, false) => {
                self.notes.push(ImportNote::DateOrderSettled {
                    header: column.clone(),
                    day_first: true,
                    example: ev.day_first_example.clone(),
                });
                Some(true)
            }
            (false, true) => {
                if ev.undecided > 0 {
                    self.notes.push(ImportNote::DateOrderSettled {
                        header: column.clone(),
                        day_first: false,
                        example: ev.month_first_example.clone(),
                    });
                }
                Some(false)
            }
            (true, true) => {
                let by_count = match ev.day_first.cmp(&ev.month_first) {
                    std::cmp::Ordering::Greater => Some(true),
                    std::cmp::Ordering::Less => Some(false),
                    std::cmp::Ordering::Equal => None,
                };
                let choice = asked.or(by_count).or(hint.map(|h| h.0));
                if let Some(c) = choice {
                    self.notes.push(ImportNote::DateOrderMixed {
                        header: column.clone(),
                        day_first_example: ev.day_first_example.clone(),
                        month_first_example: ev.month_first_example.clone(),
                        day_first: c,
                    });
                }
                choice
            }
            (false, false) => {
                if ev.undecided == 0 {
                    None
                } else if let Some(c) = asked {
                    self.notes.push(ImportNote::DateOrderChosen {
                        header: column.clone(),
                        day_first: c,
                    });
                    Some(c)
                } else if let Some((c, why)) = hint {
                    self.notes.push(ImportNote::DateOrderAssumed {
                        header: column.clone(),
                        example: ev
                            .undecided_examples
                            .first()
                            .map_or(String::new(), |e| numeric_text(e.0, e.1, e.2, e.3)),
                        day_first: c,
                        why,
                    });
                    Some(c)
                } else {
                    None
                }
            }
        };
        if decided.is_none() && ev.undecided > 0 {
            let examples = ev
                .undecided_examples
                .iter()
                .map(|e| numeric_text(e.0, e.1, e.2, e.3))
                .collect();
            let contradicting = (ev.day_first > 0).then(|| ContradictingDates {
                day_first: ev.day_first_example.clone(),
                month_first: ev.month_first_example.clone(),
            });
            return Err(AmbiguousDates {
                question: DateQuestion {
                    column,
                    examples,
                    contradicting,
                },
            });
        }
        Ok(decided)
    }
}
