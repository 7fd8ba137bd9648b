/*!
What the components show, worked out without a browser: the customer
table's rows, the names people read for the engine's values, the
timeline's coordinates, file names, and what prints and downloads hold
(`paper`: one reseller's part, the printed customers, waves, done days,
the stop time on the reader's clock). Pure functions of the state, so they
are tested natively beside the reducer; the components only lay them out.
*/

pub mod chart;
pub mod labels;
pub mod paper;
pub mod slug;
pub mod table;
