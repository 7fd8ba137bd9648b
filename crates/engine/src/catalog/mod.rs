#![warn(missing_docs)]
/*!
The replacement plan catalog and the "does this product include Kaizala?"
lookup.

Two tables live here, both taken from Microsoft's "Product names and
service plan identifiers for licensing" list (the 2025-12 copy, which
agrees with the 2023-07 one):

- `REPLACEMENT_PLANS` (`plans`, read through [`PlanId::plan`]): the sixteen plans the Kaizala
  retirement article offers as replacements, each with its SKU part
  number (`String_Id`), its GUID (`skuId`) and the Kaizala service plan
  inside it.
- the SKU table, [`skus`] (`skus`, data in `skus.csv`, in Microsoft's own
  CSV layout): every product whose SKU carries a `KAIZALA_*` service
  plan, plus the few products that look like they should and do not
  (Business Basic, Microsoft 365 A1, the *new* Microsoft 365 F1). The one
  fact Microsoft's layout cannot hold for us, the new Microsoft 365 F1
  SKUs whose rows the reference copy lacks, is a small Rust table beside
  it (`skus::NO_KAIZALA`).

The tables are compiled in, never read at run time from anywhere else,
because Microsoft's list changes between versions (the 2022 copy lacks
several Kaizala rows) and the planner must give the same answer for the
same file every time. `skus.csv` is parsed once, on the first lookup.

Kaizala Pro *standalone* subscriptions are recognised by
[`is_kaizala_pro_standalone`] (`standalone`); everything that merely
includes a Kaizala service plan is coverage ([`kaizala_inclusion`],
`recognise`, which also holds the products' former names). A license a
user holds, as a users file names it, is read by [`license_kind`]
(`licenses`), which returns the model's `LicenseKind`.

The catalog is the first stage the planner reads: it uses nothing of the
engine's other modules but the model's `LicenseKind` (in `licenses`).
*/

mod licenses;
mod plans;
mod recognise;
mod skus;
mod standalone;

pub use licenses::license_kind;
pub(crate) use licenses::{is_known_license, is_whole_license};
pub(crate) use plans::Suite;
pub use plans::{PlanId, ReplacementPlan};
pub use recognise::{kaizala_inclusion, Inclusion, KnownProduct};
pub use skus::{skus, KaizalaPlan, SkuEntry};
pub use standalone::is_kaizala_pro_standalone;

/// Lower-cases and keeps letters and digits only, for name comparison.
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
