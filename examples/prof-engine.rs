use kaizala_planner::import::{import, ImportOptions, ImportOutcome};
use kaizala_planner::plan::{build_plan, Settings};
fn main() {
    let bytes = std::fs::read("target/bench/recon-50000.csv").unwrap();
    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2020, 6, 15).unwrap());
    for _ in 0..20 {
        let Ok(ImportOutcome::Ready(i)) = import(&bytes, &options) else {
            panic!()
        };
        let p = build_plan(&i, &settings);
        drop(std::hint::black_box(p));
        drop(i);
    }
}
