/*!
The mapping step never sends the user round in a circle: each answer
either imports or comes back with a problem that names the wrong choice.
Files without a subscription id column are read with numbered rows, and
files without a customer column ask whether they hold one customer or many.
*/
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kaizala_engine::i18n::{Lang, Render};
use kaizala_engine::import::{
    check_mapping, import, DateOrder, Field, FileCustomers, Import, ImportNote, ImportOptions,
    ImportOutcome, MappingProblem, MappingRequest,
};
use kaizala_engine::plan::{build_plan, Settings};

fn outcome(csv: &str, opts: &ImportOptions) -> ImportOutcome {
    import(csv.as_bytes(), opts).expect("readable")
}

fn asks(csv: &str, opts: &ImportOptions) -> MappingRequest {
    match outcome(csv, opts) {
        ImportOutcome::NeedsMapping(m) => {
            assert!(m.report.is_balanced() || m.report.rows_read == 0);
            m
        }
        ImportOutcome::Ready(i) => panic!("expected a question, got {i:?}"),
    }
}

fn ready(csv: &str, opts: &ImportOptions) -> Import {
    match outcome(csv, opts) {
        ImportOutcome::Ready(i) => {
            assert!(i.report.is_balanced(), "{:?}", i.report);
            i
        }
        ImportOutcome::NeedsMapping(m) => panic!("expected Ready, got {m:?}"),
    }
}

fn named(file: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(file.into()),
        ..ImportOptions::default()
    }
}

const UNCLEAR: &str = "Client,Ref,Product,Count\n\
                       Contoso,KZ-1,Microsoft Kaizala Pro,20\n\
                       Contoso,KZ-2,Office 365 E1,5\n";

#[test]
fn one_column_chosen_for_two_fields_is_refused_by_name() {
    let first = asks(UNCLEAR, &named("u.csv"));
    assert_eq!(first.missing, vec![Field::SubscriptionId]);
    let opts = ImportOptions {
        mapping: vec![
            (Field::SubscriptionId, "Product".into()),
            (Field::Offer, "Product".into()),
        ],
        ..named("u.csv")
    };
    // The front end's check and the importer's say the same.
    let same = MappingProblem::SameColumn {
        column: "Product".into(),
        first: Field::SubscriptionId,
        second: Field::Offer,
    };
    assert!(check_mapping(&first, &opts).contains(&same));
    let again = asks(UNCLEAR, &opts);
    assert!(again.problems.contains(&same), "{:?}", again.problems);
    let en = same.render(Lang::En);
    assert!(
        en.contains("\"Product\"")
            && en.contains("subscription id")
            && en.contains("offer or product name"),
        "{en}"
    );
    let zh = same.render(Lang::ZhTw);
    assert!(
        zh.contains("「Product」")
            && zh.contains("訂閱識別碼")
            && zh.contains("供應項目或產品名稱"),
        "{zh}"
    );
    // Fixed, it imports.
    let opts = ImportOptions {
        mapping: vec![(Field::SubscriptionId, "Ref".into())],
        ..named("u.csv")
    };
    assert!(check_mapping(&first, &opts).is_empty());
    let i = ready(UNCLEAR, &opts);
    assert_eq!(&*i.subscriptions[0].id, "KZ-1");
}

#[test]
fn a_recognised_column_taken_for_another_field_is_named_not_asked_again_in_silence() {
    let first = asks(UNCLEAR, &named("u.csv"));
    assert!(first
        .mapped
        .contains(&(Field::Offer, "Product".to_string())));
    let opts = ImportOptions {
        mapping: vec![(Field::SubscriptionId, "Product".into())],
        ..named("u.csv")
    };
    let same = MappingProblem::SameColumn {
        column: "Product".into(),
        first: Field::Offer,
        second: Field::SubscriptionId,
    };
    assert_eq!(check_mapping(&first, &opts), vec![same.clone()]);
    let again = asks(UNCLEAR, &opts);
    assert_eq!(again.missing, vec![Field::Offer]);
    assert_eq!(again.problems, vec![same]);
}

#[test]
fn unanswered_and_unknown_choices_are_named() {
    let first = asks(UNCLEAR, &named("u.csv"));
    assert_eq!(
        check_mapping(&first, &named("u.csv")),
        vec![MappingProblem::NotChosen {
            field: Field::SubscriptionId
        }]
    );
    let opts = ImportOptions {
        mapping: vec![(Field::SubscriptionId, "Nope".into())],
        ..named("u.csv")
    };
    let no_such = MappingProblem::NoSuchColumn {
        field: Field::SubscriptionId,
        column: "Nope".into(),
    };
    assert!(check_mapping(&first, &opts).contains(&no_such));
    // The importer refuses it too, rather than importing as if unasked.
    let again = asks(UNCLEAR, &opts);
    assert!(again.problems.contains(&no_such), "{:?}", again.problems);
    // Every problem has words in both languages, and they differ.
    let all = [
        no_such,
        MappingProblem::NotChosen {
            field: Field::SubscriptionId,
        },
        MappingProblem::NotChosen {
            field: Field::Seats,
        },
        MappingProblem::DateOrderNotChosen,
        MappingProblem::CustomersNotAnswered,
        MappingProblem::CustomerNotNamed,
        MappingProblem::CustomerColumnNotChosen,
    ];
    for p in all {
        let (en, zh) = (p.render(Lang::En), p.render(Lang::ZhTw));
        assert!(!en.is_empty() && en != zh, "{p:?}");
        assert!(!zh.is_ascii(), "{p:?}: {zh}");
    }
}

#[test]
fn the_date_question_is_a_choice_too() {
    let csv = "Customer,Subscription ID,Offer,Seats,End date\n\
               Contoso,s1,Microsoft Kaizala Pro,20,3/4/2021\n";
    let first = asks(csv, &named("d.csv"));
    assert!(first.ambiguous_dates.is_some());
    assert_eq!(
        check_mapping(&first, &named("d.csv")),
        vec![MappingProblem::DateOrderNotChosen]
    );
    let opts = ImportOptions {
        date_order: Some(DateOrder::DayFirst),
        ..named("d.csv")
    };
    assert!(check_mapping(&first, &opts).is_empty());
    ready(csv, &opts);
}

#[test]
fn a_file_without_subscription_ids_is_planned_with_numbered_rows() {
    let csv = "Customer,Plan,Seats,Ends\n\
               Contoso,Microsoft Kaizala Pro,20,2020-08-31\n\
               Contoso,Office 365 E1,5,2021-01-31\n\
               Tailspin,Microsoft Kaizala Pro,7,2020-09-30\n";
    let first = asks(csv, &named("n.csv"));
    assert_eq!(first.missing, vec![Field::SubscriptionId]);
    let opts = ImportOptions {
        number_rows: true,
        ..named("n.csv")
    };
    assert!(check_mapping(&first, &opts).is_empty());
    let i = ready(csv, &opts);
    let ids: Vec<&str> = i.subscriptions.iter().map(|s| &*s.id).collect();
    assert_eq!(ids, ["row-2", "row-3", "row-4"]);
    let note = i
        .report
        .notes
        .iter()
        .find(|n| matches!(n, ImportNote::RowsNumbered))
        .expect("the report says the rows were numbered");
    assert!(note.render(Lang::En).contains("row-2"));
    assert!(note.render(Lang::ZhTw).contains("沒有訂閱識別碼欄位"));
    let plan = build_plan(
        &i,
        &Settings::new(NaiveDate::from_ymd_opt(2020, 6, 15).unwrap()),
    );
    assert_eq!(plan.summary.customers_with_kaizala, 2);
    assert_eq!(plan.summary.kaizala_seats, 27);
    // A column of ids, when the file has one, still wins.
    let with_ids = "Subscription ID,Customer,Plan\ns1,Contoso,Microsoft Kaizala Pro\n";
    let i = ready(with_ids, &opts);
    assert_eq!(&*i.subscriptions[0].id, "s1");
    assert!(!i
        .report
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::RowsNumbered)));
}

const NO_CUSTOMER: &str = "Subscription ID,Offer,Seats,Company\n\
                           s1,Microsoft Kaizala Pro,20,Contoso\n\
                           s2,Microsoft Kaizala Pro,5,Fabrikam\n";

#[test]
fn a_file_without_a_customer_column_asks_one_or_many() {
    let first = asks(NO_CUSTOMER, &named("Contoso Ltd.csv"));
    assert!(first.missing.is_empty());
    let q = first.customer_question.as_ref().expect("asks");
    assert_eq!(q.suggested_name.as_deref(), Some("Contoso Ltd"));
    assert_eq!(
        check_mapping(&first, &named("Contoso Ltd.csv")),
        vec![MappingProblem::CustomersNotAnswered]
    );

    // One customer, named by the user.
    let one = ImportOptions {
        customers: Some(FileCustomers::One {
            name: "Contoso Taiwan".into(),
        }),
        ..named("Contoso Ltd.csv")
    };
    assert!(check_mapping(&first, &one).is_empty());
    let i = ready(NO_CUSTOMER, &one);
    assert!(i
        .subscriptions
        .iter()
        .all(|s| s.customer.name.as_deref() == Some("Contoso Taiwan")));
    assert!(i.report.notes.iter().any(
        |n| matches!(n, ImportNote::CustomerNamedByUser { name } if name == "Contoso Taiwan")
    ));

    // One customer without a name is refused.
    let unnamed = ImportOptions {
        customers: Some(FileCustomers::One { name: " ".into() }),
        ..named("Contoso Ltd.csv")
    };
    assert_eq!(
        check_mapping(&first, &unnamed),
        vec![MappingProblem::CustomerNotNamed]
    );
    assert_eq!(
        asks(NO_CUSTOMER, &unnamed).problems,
        vec![MappingProblem::CustomerNotNamed]
    );

    // Many customers need their column.
    let many = ImportOptions {
        customers: Some(FileCustomers::Many),
        ..named("Contoso Ltd.csv")
    };
    assert_eq!(
        check_mapping(&first, &many),
        vec![MappingProblem::CustomerColumnNotChosen]
    );
    assert_eq!(
        asks(NO_CUSTOMER, &many).problems,
        vec![MappingProblem::CustomerColumnNotChosen]
    );
    let many = ImportOptions {
        mapping: vec![(Field::CustomerName, "Company".into())],
        ..many
    };
    assert!(check_mapping(&first, &many).is_empty());
    let i = ready(NO_CUSTOMER, &many);
    let names: Vec<_> = i
        .subscriptions
        .iter()
        .map(|s| s.customer.name.as_deref().unwrap())
        .collect();
    assert_eq!(names, ["Contoso", "Fabrikam"]);
}

#[test]
fn per_customer_exports_keep_the_file_name_as_the_customer() {
    // Partner Center's "Export subscriptions" is one customer's by nature.
    let csv = "Subscription ID,Subscription,Quantity,Status\n\
               s1,Microsoft Kaizala Pro,25,Active\n";
    let i = ready(csv, &named("Contoso Ltd.csv"));
    assert_eq!(
        i.subscriptions[0].customer.name.as_deref(),
        Some("Contoso Ltd")
    );
    // The user's own name for it wins when given.
    let opts = ImportOptions {
        customers: Some(FileCustomers::One {
            name: "Contoso Taiwan".into(),
        }),
        ..named("Contoso Ltd.csv")
    };
    let i = ready(csv, &opts);
    assert_eq!(
        i.subscriptions[0].customer.name.as_deref(),
        Some("Contoso Taiwan")
    );
}

#[test]
fn mapping_requests_saved_before_the_problems_existed_still_read() {
    let first = asks(UNCLEAR, &named("u.csv"));
    let mut json = serde_json::to_value(&first).unwrap();
    let obj = json.as_object_mut().unwrap();
    obj.remove("problems");
    obj.remove("customer_question");
    let back: MappingRequest = serde_json::from_value(json).unwrap();
    assert!(back.problems.is_empty() && back.customer_question.is_none());
    let opts: ImportOptions =
        serde_json::from_str(r#"{"file_name":null,"mapping":[],"date_order":null}"#).unwrap();
    assert!(!opts.number_rows && opts.customers.is_none());
}
