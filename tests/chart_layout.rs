/*!
The timeline's labels on a phone and on a wide screen: fewer months are
labelled where the plot is narrow, a label is drawn only where it is
shown, and one near either end of the axis reads inwards.
*/

use kaizala_planner::view_model::chart::{
    tick_anchor, tick_shown, tick_step, PLOT_NARROW, PLOT_WIDE,
};

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

#[test]
fn a_label_near_either_end_reads_inwards_further_in_on_a_phone() {
    // (centre %, plot px, label px, anchor): the plot runs from 2 % to 98 %.
    let table = [
        // Seven months: the first month's centre is at 8.9 %.
        (8.9, PLOT_WIDE, 78.0, "middle"),
        (8.9, PLOT_NARROW, 78.0, "start"),
        (91.1, PLOT_WIDE, 78.0, "middle"),
        (91.1, PLOT_NARROW, 78.0, "end"),
        (22.6, PLOT_NARROW, 78.0, "middle"),
        // Forty-eight months: the first centre is at 3 %.
        (3.0, PLOT_WIDE, 64.0, "start"),
        (97.0, PLOT_WIDE, 64.0, "end"),
        (50.0, PLOT_NARROW, 78.0, "middle"),
    ];
    for (center, plot, label, anchor) in table {
        assert_eq!(
            tick_anchor(center, (2.0, 98.0), plot, label),
            anchor,
            "{center} % on {plot} px"
        );
    }
}
