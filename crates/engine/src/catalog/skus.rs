/*!
The SKU table: which products carry which Kaizala service plan.

The facts are in `skus.csv`, in the layout of Microsoft's "Product names
and service plan identifiers for licensing" CSV, columns and all
(`Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,
Service_Plans_Included_Friendly_Names`), so that a newer copy of
Microsoft's list can be compared with it, or its rows pasted in, as they
are. Microsoft's list has one row per service plan of a product; the file
keeps, for each product, its Kaizala row, or one row of another service
plan for a product that has none (Business Basic, Microsoft 365 A1). A
product is read as carrying the Kaizala plan of its `KAIZALA_*` row, if
it has one, so several rows of one product are read as one product.

The rows' order matters: where two products share a name ("Microsoft 365
Business Standard EEA (no Teams)" has two SKUs), the earlier row answers a
lookup by that name.

One fact is not in Microsoft's layout, and is kept in Rust here: the
*new* Microsoft 365 F1 SKUs ([`NO_KAIZALA`]), whose name is the former
name of Microsoft 365 F3 and which carry no Kaizala. They follow the
file's rows. That Business Basic includes Kaizala by its service
description, though its SKU lists no Kaizala plan, is a reading of the
table and lives with the lookup (`recognise`).
*/

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The Kaizala service plan a SKU carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KaizalaPlan {
    /// `KAIZALA_O365_P1`: the frontline (F3) SKUs.
    #[serde(rename = "KAIZALA_O365_P1")]
    P1,
    /// `KAIZALA_O365_P2`: Business Standard/Premium, E1, A1.
    #[serde(rename = "KAIZALA_O365_P2")]
    P2,
    /// `KAIZALA_O365_P3`: E3 and A3.
    #[serde(rename = "KAIZALA_O365_P3")]
    P3,
    /// `KAIZALA_STANDALONE`: the service plan inside E5 and A5 (and the
    /// one the standalone Kaizala Pro product delivers).
    #[serde(rename = "KAIZALA_STANDALONE")]
    Standalone,
}

impl KaizalaPlan {
    /// Every Kaizala service plan.
    pub(crate) const ALL: [KaizalaPlan; 4] = [
        KaizalaPlan::P1,
        KaizalaPlan::P2,
        KaizalaPlan::P3,
        KaizalaPlan::Standalone,
    ];

    /// The service plan name (`Service_Plan_Name`).
    pub fn name(self) -> &'static str {
        match self {
            KaizalaPlan::P1 => "KAIZALA_O365_P1",
            KaizalaPlan::P2 => "KAIZALA_O365_P2",
            KaizalaPlan::P3 => "KAIZALA_O365_P3",
            KaizalaPlan::Standalone => "KAIZALA_STANDALONE",
        }
    }

    /// The service plan id (`Service_Plan_Id`).
    pub fn id(self) -> &'static str {
        match self {
            KaizalaPlan::P1 => "73b2a583-6a59-42e3-8e83-54db46bc3278",
            KaizalaPlan::P2 => "54fc630f-5a40-48ee-8965-af0503c1386e",
            KaizalaPlan::P3 => "aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1",
            KaizalaPlan::Standalone => "0898bdbb-73b0-471a-81e5-20f1fe4dd66e",
        }
    }

    /// The Kaizala plan of a `Service_Plan_Name`; `None` for any other
    /// service plan.
    fn from_name(name: &str) -> Option<KaizalaPlan> {
        KaizalaPlan::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One product of the SKU table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkuEntry {
    /// `Product_Display_Name`.
    pub product: String,
    /// `String_Id` (SKU part number).
    pub sku: String,
    /// `GUID` (skuId).
    pub guid: String,
    /// The Kaizala service plan in it, if any.
    pub kaizala: Option<KaizalaPlan>,
}

/// Products that carry no Kaizala and are easy to take for ones that do:
/// `(Product_Display_Name, String_Id, GUID)`. The new Microsoft 365 F1
/// carries no Kaizala, while the old "Microsoft 365 F1" was renamed
/// Microsoft 365 F3 (`SPE_F1`). Their service plans are not in the
/// reference copy of Microsoft's list, so they are not rows of `skus.csv`.
pub(crate) const NO_KAIZALA: &[(&str, &str, &str)] = &[
    (
        "Microsoft 365 F1",
        "M365_F1",
        "44575883-256e-4a79-9da4-ebe9acabe2b2",
    ),
    (
        "Microsoft 365 F1",
        "M365_F1_COMM",
        "50f60901-3181-4b75-8a2c-4c8e4c1d5a72",
    ),
];

/// The SKU table's data file, in Microsoft's layout (see the module doc).
pub(crate) const SKUS_CSV: &str = include_str!("skus.csv");

/// Every product of `skus.csv` (the Kaizala rows of Microsoft's SKU list,
/// plus Business Basic and Microsoft 365 A1), in the file's order, then
/// the look-alikes without Kaizala (the new Microsoft 365 F1 SKUs).
///
/// ```
/// use kaizala_engine::catalog::{skus, KaizalaPlan};
/// let e3 = skus().iter().find(|e| e.sku == "ENTERPRISEPACK").unwrap();
/// assert_eq!(e3.product, "Office 365 E3");
/// assert_eq!(e3.kaizala, Some(KaizalaPlan::P3));
/// ```
pub fn skus() -> &'static [SkuEntry] {
    static SKUS: OnceLock<Vec<SkuEntry>> = OnceLock::new();
    SKUS.get_or_init(|| {
        let mut table = parse(SKUS_CSV)
            .unwrap_or_else(|e| panic!("skus.csv, which its tests read, cannot be read: {e}"));
        table.extend(NO_KAIZALA.iter().map(|&(product, sku, guid)| SkuEntry {
            product: product.into(),
            sku: sku.into(),
            guid: guid.into(),
            kaizala: None,
        }));
        table
    })
}

/// Why rows in Microsoft's layout could not be read.
#[derive(Debug)]
pub(crate) enum TableError {
    /// The csv crate could not read the header or a record.
    Csv(csv::Error),
    /// The header row lacks this column of Microsoft's.
    MissingColumn(&'static str),
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TableError::Csv(e) => write!(f, "{e}"),
            TableError::MissingColumn(name) => write!(f, "no {name} column"),
        }
    }
}

/// Reads rows in Microsoft's layout into one entry per product (by
/// `GUID`), in the order of each product's first row. Columns are found
/// by name, as Microsoft's list may add or move some.
///
/// Records are read as text, not through serde: the csv crate's serde
/// deserializer would add its weight to the app's wasm for four columns.
pub(crate) fn parse(csv_text: &str) -> Result<Vec<SkuEntry>, TableError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let [product, sku, guid, service_plan] = {
        let headers = reader.headers().map_err(TableError::Csv)?;
        let column = |name: &'static str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or(TableError::MissingColumn(name))
        };
        [
            column("Product_Display_Name")?,
            column("String_Id")?,
            column("GUID")?,
            column("Service_Plan_Name")?,
        ]
    };
    let mut table: Vec<SkuEntry> = Vec::new();
    let mut by_guid: FxHashMap<String, usize> = FxHashMap::default();
    for record in reader.records() {
        let record = record.map_err(TableError::Csv)?;
        // The reader rejects a record whose length differs from the
        // header's, so every column is there.
        let field = |i: usize| record.get(i).unwrap_or_default();
        let kaizala = KaizalaPlan::from_name(field(service_plan));
        match by_guid.get(field(guid)) {
            Some(&i) => {
                let entry = &mut table[i];
                entry.kaizala = entry.kaizala.or(kaizala);
            }
            None => {
                by_guid.insert(field(guid).into(), table.len());
                table.push(SkuEntry {
                    product: field(product).into(),
                    sku: field(sku).into(),
                    guid: field(guid).into(),
                    kaizala,
                });
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::squash;
    use std::collections::HashSet;

    #[test]
    fn data_file_is_microsofts_layout() {
        let mut reader = csv::Reader::from_reader(SKUS_CSV.as_bytes());
        let headers = reader.headers().expect("a header row").clone();
        assert_eq!(
            headers.iter().collect::<Vec<_>>(),
            [
                "Product_Display_Name",
                "String_Id",
                "GUID",
                "Service_Plan_Name",
                "Service_Plan_Id",
                "Service_Plans_Included_Friendly_Names"
            ]
        );
        let mut rows = 0;
        for record in reader.records() {
            let record = record.expect("a well-formed row");
            assert_eq!(record.len(), 6, "{record:?}");
            assert!(record.iter().all(|f| !f.trim().is_empty()), "{record:?}");
            // A Kaizala row's service plan id is that plan's.
            if let Some(k) = KaizalaPlan::from_name(&record[3]) {
                assert_eq!(&record[4], k.id(), "{record:?}");
            }
            rows += 1;
        }
        // One row per product: every row is an entry of the table.
        assert_eq!(rows, parse(SKUS_CSV).expect("parses").len());
        assert_eq!(rows + NO_KAIZALA.len(), skus().len());
    }

    #[test]
    fn skus_and_guids_are_unique() {
        // The lookup keys them squashed, so they must differ squashed.
        let mut keys = HashSet::new();
        for e in skus() {
            assert!(keys.insert(squash(&e.sku)), "{}", e.sku);
            assert!(keys.insert(squash(&e.guid)), "{}", e.guid);
        }
    }

    #[test]
    fn rows_of_one_product_are_one_entry() {
        // Microsoft's full list has a row per service plan; the Kaizala
        // one may come anywhere among them.
        let csv = "\u{feff}Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n\
            Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,BPOS_S_TODO_2,c87f142c-d1e9-4363-8630-aaea9c4d9ae5,To-Do (Plan 2)\n\
            Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,KAIZALA_O365_P3,aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1,Microsoft Kaizala Pro\n\
            Microsoft 365 A1,M365EDU_A1,b17653a4-2443-4e8c-a550-18249dda78bb,AAD_EDU,3a3976ce-de18-4a87-a78e-5e9245e252df,\"Microsoft Entra ID for Education\"\n";
        let table = parse(csv).expect("parses");
        assert_eq!(
            table,
            [
                SkuEntry {
                    product: "Office 365 E3".into(),
                    sku: "ENTERPRISEPACK".into(),
                    guid: "6fd2c87f-b296-42f0-b197-1e91e994b900".into(),
                    kaizala: Some(KaizalaPlan::P3),
                },
                SkuEntry {
                    product: "Microsoft 365 A1".into(),
                    sku: "M365EDU_A1".into(),
                    guid: "b17653a4-2443-4e8c-a550-18249dda78bb".into(),
                    kaizala: None,
                },
            ]
        );
    }

    #[test]
    fn a_missing_column_or_field_is_an_error() {
        let csv = "Product_Display_Name,String_Id,GUID\nOffice 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900\n";
        assert!(matches!(
            parse(csv),
            Err(TableError::MissingColumn("Service_Plan_Name"))
        ));
        let short_row =
            "Product_Display_Name,String_Id,GUID,Service_Plan_Name\nOffice 365 E3,ENTERPRISEPACK\n";
        assert!(matches!(parse(short_row), Err(TableError::Csv(_))));
    }
}
