/*!
Each view's address: parsing and writing fragments, and the reducer
following Back, Forward and a reload.
*/

mod support;

use kaizala_engine::plan::{Lang, Urgency};
use kaizala_planner::state::route::{decode, encode, Route};
use kaizala_planner::state::{Action, SortKey, State, TableState, View};

const CSV: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n\
    s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,P1Y,t1,Contoso,contoso.com\n\
    s2,Microsoft Kaizala Pro,400,active,false,2020-12-01T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n";

fn overview(table: TableState) -> Route {
    Route {
        view: View::Overview,
        table,
    }
}

#[test]
fn fragments_round_trip() {
    let cases = [
        overview(TableState::default()),
        overview(TableState {
            search: "contoso & co/東京 100%".into(),
            urgency: Some(Urgency::Within30Days),
            sort: SortKey::Seats,
            descending: true,
            reseller: Some(String::new()),
            by_reseller: true,
            pages: 3,
        }),
        Route {
            view: View::Customer("name:contoso & co #1".into()),
            table: TableState {
                sort: SortKey::Customer,
                ..TableState::default()
            },
        },
        Route {
            view: View::Customer("id:1f0c-..".into()),
            table: TableState::default(),
        },
    ];
    for route in cases {
        let fragment = route.to_fragment();
        assert!(fragment.starts_with("#/"), "{fragment}");
        assert!(!fragment[1..].contains('#'), "{fragment}");
        assert_eq!(Route::parse(&fragment), Some(route.clone()), "{fragment}");
    }
}

#[test]
fn the_overview_as_it_opens_is_plain() {
    assert_eq!(overview(TableState::default()).to_fragment(), "#/");
    assert_eq!(
        Route {
            view: View::Customer("id:t1".into()),
            table: TableState::default()
        }
        .to_fragment(),
        "#/customer/id:t1"
    );
}

#[test]
fn anything_typed_gives_some_view_or_none() {
    // Not a view's address: nothing to follow.
    for fragment in ["", "#", "#share=eJx", "#main", "customer/x"] {
        assert_eq!(Route::parse(fragment), None, "{fragment:?}");
    }
    // A view's address with bad parts keeps the defaults for those parts.
    let cases = [
        ("#/", overview(TableState::default())),
        ("#/nowhere/at/all", overview(TableState::default())),
        ("#/customer/", overview(TableState::default())),
        (
            "#/?sort=colour&desc=maybe&pages=-4&urgency=soonish&zzz=1&&=",
            overview(TableState::default()),
        ),
        (
            "#/?pages=99999999999999999999999",
            overview(TableState::default()),
        ),
        (
            "#/?pages=1000000",
            overview(TableState {
                pages: 10_000,
                ..TableState::default()
            }),
        ),
        (
            "#/customer/%E6%9D%B1%zz%",
            Route {
                view: View::Customer("東%zz%".into()),
                table: TableState::default(),
            },
        ),
    ];
    for (fragment, want) in cases {
        assert_eq!(Route::parse(fragment), Some(want), "{fragment:?}");
    }
}

#[test]
fn encoding_keeps_every_text() {
    for text in ["", "a b", "100%", "%41", "+", "é東京🙂", "a&b=c?d#e/f"] {
        assert_eq!(decode(&encode(text)), text);
    }
    assert_eq!(decode("a+b"), "a b");
    assert_eq!(decode("%ff"), "\u{fffd}");
}

#[test]
fn back_forward_and_reload_follow_the_address() {
    let state = support::ready(CSV);
    let w = state.workspace().unwrap();
    assert_eq!(w.view, View::Overview);
    let key = w.plan.customers[0].key.clone();

    // Back from a customer: the overview, with the search it had.
    let there = state
        .clone()
        .reduce(Action::Search("fab".into()))
        .reduce(Action::Open(View::Customer(key.clone())));
    let back = there.reduce(Action::Navigate(overview(TableState {
        search: "fab".into(),
        ..TableState::default()
    })));
    let w = back.workspace().unwrap();
    assert_eq!(w.view, View::Overview);
    assert_eq!(w.table.search, "fab");

    // The same address again changes nothing (no re-render).
    let again = back.clone().reduce(Action::Navigate(overview(TableState {
        search: "fab".into(),
        ..TableState::default()
    })));
    assert!(std::rc::Rc::ptr_eq(&back, &again));

    // A reload: the address is read before the workspace is back, and
    // the workspace opens on that view.
    let route = Route {
        view: View::Customer(key.clone()),
        table: TableState::default(),
    };
    let start = std::rc::Rc::new(State::new(Lang::En, support::d(2020, 6, 1)))
        .reduce(Action::Navigate(route.clone()))
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(support::restored(CSV, Default::default()));
    assert_eq!(start.workspace().unwrap().view, View::Customer(key));
    assert_eq!(start.pending_route, None);

    // A file opened anew, with an old address still in the bar, opens on
    // its overview: the address was about the workspace that was kept.
    let fresh = std::rc::Rc::new(State::new(Lang::En, support::d(2020, 6, 1)))
        .reduce(Action::Navigate(route))
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(support::imported(CSV, None, None));
    assert_eq!(fresh.workspace().unwrap().view, View::Overview);
}

#[test]
fn a_new_search_or_filter_starts_at_the_first_page() {
    let state = support::ready(CSV)
        .reduce(Action::ShowMore)
        .reduce(Action::ShowMore);
    assert_eq!(state.workspace().unwrap().table.pages, 3);
    let state = state.reduce(Action::Search("c".into()));
    assert_eq!(state.workspace().unwrap().table.pages, 1);
    let state = state
        .reduce(Action::ShowMore)
        .reduce(Action::SortBy(SortKey::Seats));
    assert_eq!(state.workspace().unwrap().table.pages, 1);
}
