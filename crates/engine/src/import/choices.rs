/*!
The user's answers in the mapping step, and what is wrong with them.

The mapping step must never send the user round in a circle: Continue
either imports or says which choice is wrong. [`check_mapping`] is that
check, run by a front end before it imports again; the importer runs the
same rules on the choices it is given and returns a [`MappingRequest`]
whose `problems` say what it refused, so a choice that slips past a front
end is still named, never dropped in silence.

Two answers are not columns: a file with no subscription id column can be
read with its rows numbered (`row-<line>`), and a file with no customer
column holds either one customer, whom the user names, or many, whose
column the user must choose ([`FileCustomers`]).
*/

use serde::{Deserialize, Serialize};

use super::{Field, ImportOptions, MappingRequest};

/// The user's answer for a file with no customer column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileCustomers {
    /// Every row is this customer's.
    One {
        /// The customer's name, as the user gave it.
        name: String,
    },
    /// The rows are several customers': a customer column must be chosen.
    Many,
}

/// The question a file with no customer column asks: one customer, or many?
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerQuestion {
    /// The name to suggest for one customer: the file name's stem.
    pub suggested_name: Option<String>,
}

/// What is wrong with the choices made in the mapping step. `i18n::import`
/// says each in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MappingProblem {
    /// One column chosen for two fields (or chosen for a field while it is
    /// the column another field was recognised in).
    SameColumn {
        /// The column's header.
        column: String,
        /// The field that had the column first.
        first: Field,
        /// The field it was chosen for as well.
        second: Field,
    },
    /// A column chosen that the file does not have.
    NoSuchColumn {
        /// The field it was chosen for.
        field: Field,
        /// The header as given.
        column: String,
    },
    /// A field the import needs has no column yet.
    NotChosen {
        /// The field.
        field: Field,
    },
    /// The file writes dates both ways and no order was chosen.
    DateOrderNotChosen,
    /// The file has no customer column and the user has not said whether
    /// it holds one customer or many.
    CustomersNotAnswered,
    /// One customer, but no name given.
    CustomerNotNamed,
    /// Many customers, but no column chosen for them.
    CustomerColumnNotChosen,
}

/// The fields that name a customer; a file with none of them asks
/// [`CustomerQuestion`].
pub(crate) const CUSTOMER_FIELDS: [Field; 3] = [
    Field::CustomerId,
    Field::CustomerName,
    Field::CustomerDomain,
];

/// What is wrong with `options` as the answer to `request`, in the order
/// the mapping step lists its choices; empty when importing again with
/// them reads the file (or, at worst, asks nothing it asked before).
///
/// Columns the importer recognised by itself count as chosen for their
/// field unless `options` chooses another column for it, or none (an
/// empty header), as the mapping step shows them.
pub fn check_mapping(request: &MappingRequest, options: &ImportOptions) -> Vec<MappingProblem> {
    let mut problems = Vec::new();
    // The column each field will be read from, as the user will see it.
    let mut effective: Vec<(Field, &str)> = Vec::new();
    for (field, column) in &options.mapping {
        let column = column.trim();
        if column.is_empty() {
            continue;
        }
        if !request.headers.iter().any(|h| h.trim() == column) {
            problems.push(MappingProblem::NoSuchColumn {
                field: *field,
                column: column.to_string(),
            });
            continue;
        }
        effective.push((*field, column));
    }
    let chosen = |f: Field| options.mapping.iter().any(|(g, _)| *g == f);
    for (field, column) in &request.mapped {
        if !chosen(*field) {
            effective.insert(0, (*field, column.trim()));
        }
    }
    push_same_columns(&effective, &mut problems);
    let has = |f: Field| effective.iter().any(|(g, _)| *g == f);
    for field in &request.missing {
        let answered = match field {
            Field::SubscriptionId => has(*field) || options.number_rows,
            Field::Offer => has(Field::Offer) || has(Field::Sku),
            _ => has(*field),
        };
        if !answered {
            problems.push(MappingProblem::NotChosen { field: *field });
        }
    }
    if request.ambiguous_dates.is_some() && options.date_order.is_none() {
        problems.push(MappingProblem::DateOrderNotChosen);
    }
    if request.customer_question.is_some() {
        let customer_column = CUSTOMER_FIELDS.iter().any(|f| has(*f));
        match &options.customers {
            None if !customer_column => problems.push(MappingProblem::CustomersNotAnswered),
            None => {}
            Some(FileCustomers::One { name }) if name.trim().is_empty() => {
                problems.push(MappingProblem::CustomerNotNamed)
            }
            Some(FileCustomers::One { .. }) => {}
            Some(FileCustomers::Many) if !customer_column => {
                problems.push(MappingProblem::CustomerColumnNotChosen)
            }
            Some(FileCustomers::Many) => {}
        }
    }
    problems
}

/// A [`MappingProblem::SameColumn`] for each field whose column an
/// earlier field in `columns` has.
pub(crate) fn push_same_columns(columns: &[(Field, &str)], problems: &mut Vec<MappingProblem>) {
    for (i, (second, column)) in columns.iter().enumerate() {
        if let Some((first, _)) = columns[..i].iter().find(|(_, c)| c == column) {
            if first != second {
                problems.push(MappingProblem::SameColumn {
                    column: column.to_string(),
                    first: *first,
                    second: *second,
                });
            }
        }
    }
}
