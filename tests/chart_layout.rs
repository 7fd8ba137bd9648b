/*!
The timeline's labels on a phone and on a wide screen: fewer months are
labelled where the plot is narrow, and a label is drawn only where it is
shown.
*/

use kaizala_planner::view_model::chart::{tick_shown, tick_step, PLOT_NARROW, PLOT_WIDE};

#[test]
fn fewer_month_labels_where_the_plot_is_narrow() {
    // (months on the axis, label width in px, step wide, step on a phone)
    let table = [
        (6, 60.0, 1, 2),
        (7, 74.0, 1, 3),
        (12, 60.0, 2, 3),
        (12, 74.0, 2, 6),
        (24, 60.0, 3, 6),
        (48, 74.0, 6, 12),
        (200, 74.0, 12, 12),
        (0, 60.0, 1, 1),
    ];
    for (span, label, wide, narrow) in table {
        assert_eq!(
            tick_step(span, PLOT_WIDE, label),
            wide,
            "wide, {span} months, {label} px"
        );
        assert_eq!(
            tick_step(span, PLOT_NARROW, label),
            narrow,
            "narrow, {span} months, {label} px"
        );
    }
}

#[test]
fn a_label_is_marked_for_the_screens_that_show_it() {
    // (month offset, wide step, narrow step, class)
    let table = [
        (0, 2, 3, Some("")),
        (2, 2, 3, Some("wide-only")),
        (3, 2, 3, Some("narrow-only")),
        (6, 2, 3, Some("")),
        (1, 2, 3, None),
        (4, 1, 2, Some("")),
        (5, 1, 2, Some("wide-only")),
    ];
    for (offset, wide, narrow, class) in table {
        assert_eq!(tick_shown(offset, wide, narrow), class, "offset {offset}");
    }
}
