/*!
One customer's move script: Microsoft Graph PowerShell that takes the
standalone Kaizala Pro license away from the customer's users and assigns
the new plan to those who have no plan that includes Kaizala
(docs/move-script.md).

What the script may do is fixed here; what it is told comes from the plan
and is data. Every value from the plan or the users file (names, user
principal names, the tenant id, SKU part numbers) is written as a
single-quoted PowerShell string: in one, PowerShell expands nothing and
ends the string only at a single quote, of which it knows five (`'` and
the typographic U+2018, U+2019, U+201A, U+201B), each escaped by doubling
it. Control characters and line or paragraph separators are dropped, and
so are the bidirectional controls that can make a line read differently
from what it does. No value is ever written into a comment, where nothing
could escape it.

No SKU id is written: the script reads them from the tenant with
`Get-MgSubscribedSku` when it runs, because the standalone Kaizala Pro
product's part number is in no table we could check
(reference: users.md, section 3).

The output is deterministic (no date, no randomness): the run's time is
read by the script, for its log's name. The file starts with a byte order
mark and uses CRLF line ends, so Windows PowerShell 5.1 reads its
Chinese and its names as UTF-8.
*/

use crate::catalog::{skus, KaizalaPlan};
use crate::i18n::script::{header, Part, Say};
use crate::i18n::Lang;
use crate::plan::CustomerPlan;

/// The customer's move script; `None` when the plan has no users file for
/// the customer.
pub fn move_script(customer: &CustomerPlan, lang: Lang) -> Option<String> {
    let users = customer.users.as_ref()?;
    let r = &customer.recommendation;
    let tenant = customer
        .customer
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());
    let mut s = Script::new(lang);
    s.out.push('\u{FEFF}');
    s.line("<#");
    for l in header(lang).lines() {
        s.line(l);
    }
    s.line("#>");
    s.line(
        "#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Users, Microsoft.Graph.Users.Actions, Microsoft.Graph.Identity.DirectoryManagement",
    );
    s.line("param(");
    s.line("    [switch]$Apply,");
    s.line("    [string]$KaizalaSkuPartNumber,");
    s.line("    [string]$LogPath");
    s.line(")");
    s.line("");
    s.line("$ErrorActionPreference = 'Stop'");

    s.part(Part::Data);
    s.assign("$CustomerName", &customer.display_name);
    s.assign("$CustomerSlug", &slug(&customer.display_name));
    if let Some(id) = tenant {
        s.assign("$TenantId", id);
    }
    s.assign("$NewPlanName", &r.plan);
    s.assign("$NewSkuPartNumber", r.sku.as_deref().unwrap_or(""));

    s.part(Part::Bundles);
    s.line("$BundleSkuPartNumbers = @(");
    for sku in bundles() {
        s.line(&format!("    {}", quote(sku)));
    }
    s.line(")");

    s.part(Part::Users);
    s.line("$Users = @(");
    for m in &users.moves {
        s.line(&format!(
            "    [pscustomobject]@{{ Upn = {}; Name = {}; NeedsLicense = {} }}",
            quote(&m.upn),
            quote(&m.display_name),
            if m.needs_license { "$true" } else { "$false" }
        ));
    }
    s.line(")");

    s.part(Part::Log);
    s.line("if (-not $LogPath) {");
    s.line("    $LogPath = Join-Path -Path $PWD.Path -ChildPath ('kaizala-move-' + $CustomerSlug + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.log')");
    s.line("}");
    s.line("function Write-MoveLog {");
    s.line("    param([string]$Line)");
    s.line("    Write-Host $Line");
    s.line("    Add-Content -LiteralPath $LogPath -Value $Line -Encoding UTF8");
    s.line("}");
    s.line("function Stop-Move {");
    s.line("    param([string]$Line)");
    s.line("    Write-MoveLog $Line");
    s.line("    exit 1");
    s.line("}");
    s.line("function Write-Skus {");
    s.line("    param($List)");
    s.line("    foreach ($sku in $List) {");
    s.say(
        "        ",
        Say::SkuItem,
        &[
            "$sku.SkuPartNumber",
            "$sku.PrepaidUnits.Enabled",
            "$sku.ConsumedUnits",
        ],
    );
    s.line("    }");
    s.line("}");
    s.line("");
    s.say(
        "",
        Say::Start,
        &["$Users.Count", "$CustomerName", "$LogPath"],
    );
    s.line("if ($Apply) {");
    s.say("    ", Say::Applying, &[]);
    s.line("} else {");
    s.say("    ", Say::DryRun, &[]);
    s.line("}");

    s.part(Part::Empty);
    s.line("if ($Users.Count -eq 0) {");
    s.say("    ", Say::NoUsers, &[]);
    s.line("    exit 0");
    s.line("}");

    s.part(Part::Connect);
    if tenant.is_none() {
        s.say("", Say::NoTenantId, &[]);
    }
    s.line("try {");
    s.line(match tenant {
        Some(_) => "    Connect-MgGraph -TenantId $TenantId -Scopes 'User.ReadWrite.All', 'Organization.Read.All'",
        None => "    Connect-MgGraph -Scopes 'User.ReadWrite.All', 'Organization.Read.All'",
    });
    s.say("    ", Say::Tenant, &["(Get-MgContext).TenantId"]);
    s.line("    $skus = @(Get-MgSubscribedSku -All)");
    s.line("} catch {");
    s.stop("    ", Say::ConnectFailed, &["$_.Exception.Message"]);
    s.line("}");

    s.part(Part::NewSku);
    s.line("if (-not $NewSkuPartNumber) {");
    s.say("    ", Say::NoNewSkuPartNumber, &["$NewPlanName"]);
    s.say("    ", Say::TenantSkus, &[]);
    s.line("    Write-Skus $skus");
    s.line("    exit 1");
    s.line("}");
    s.line("$newSku = @($skus | Where-Object { $_.SkuPartNumber -eq $NewSkuPartNumber })");
    s.line("if ($newSku.Count -eq 0) {");
    s.stop(
        "    ",
        Say::NewSkuMissing,
        &["$NewPlanName", "$NewSkuPartNumber"],
    );
    s.line("}");
    s.line("$newSku = $newSku[0]");
    s.line("$newSkuId = $newSku.SkuId");

    s.part(Part::KaizalaSku);
    s.line("if ($KaizalaSkuPartNumber) {");
    s.line("    $kaizala = @($skus | Where-Object { $_.SkuPartNumber -eq $KaizalaSkuPartNumber })");
    s.line("    if ($kaizala.Count -eq 0) {");
    s.say(
        "        ",
        Say::KaizalaSkuMissing,
        &["$KaizalaSkuPartNumber"],
    );
    s.say("        ", Say::TenantSkus, &[]);
    s.line("        Write-Skus $skus");
    s.line("        exit 1");
    s.line("    }");
    s.line("} else {");
    s.line("    $kaizala = @($skus | Where-Object {");
    s.line("        ($BundleSkuPartNumbers -notcontains $_.SkuPartNumber) -and");
    s.line("        (@($_.ServicePlans | Where-Object { $_.ServicePlanName -eq 'KAIZALA_STANDALONE' }).Count -gt 0)");
    s.line("    })");
    s.line("    if ($kaizala.Count -eq 0) {");
    s.say("        ", Say::KaizalaSkuNone, &[]);
    s.say("        ", Say::TenantSkus, &[]);
    s.line("        Write-Skus $skus");
    s.line("        exit 1");
    s.line("    }");
    s.line("    if ($kaizala.Count -gt 1) {");
    s.say("        ", Say::KaizalaSkuSeveral, &[]);
    s.line("        Write-Skus $kaizala");
    s.line("        exit 1");
    s.line("    }");
    s.line("}");
    s.line("$kaizalaSkuId = $kaizala[0].SkuId");
    s.say(
        "",
        Say::SkusFound,
        &[
            "$NewPlanName",
            "$NewSkuPartNumber",
            "$kaizala[0].SkuPartNumber",
        ],
    );

    s.part(Part::Units);
    s.line("$needed = @($Users | Where-Object { $_.NeedsLicense }).Count");
    s.line("$free = [int]$newSku.PrepaidUnits.Enabled - [int]$newSku.ConsumedUnits");
    s.say("", Say::Units, &["$needed", "$NewPlanName", "$free"]);
    s.line("if ($needed -gt $free) {");
    s.line("    if ($Apply) {");
    s.stop("        ", Say::NotEnough, &["$needed", "$free"]);
    s.line("    }");
    s.say("    ", Say::NotEnoughDryRun, &["$needed", "$free"]);
    s.line("}");

    s.part(Part::Loop);
    s.line("$changed = 0");
    s.line("$skipped = 0");
    s.line("foreach ($entry in $Users) {");
    s.line("    try {");
    s.line("        $held = @(Get-MgUserLicenseDetail -UserId $entry.Upn -All | ForEach-Object { $_.SkuId })");
    s.line("    } catch {");
    s.stop(
        "        ",
        Say::Failed,
        &["$entry.Upn", "$_.Exception.Message"],
    );
    s.line("    }");
    s.line("    if ($held -notcontains $kaizalaSkuId) {");
    s.say("        ", Say::Skipped, &["$entry.Name", "$entry.Upn"]);
    s.line("        $skipped++");
    s.line("        continue");
    s.line("    }");
    s.line("    $assign = $entry.NeedsLicense -and ($held -notcontains $newSkuId)");
    s.line("    if (-not $Apply) {");
    s.line("        if ($assign) {");
    s.say(
        "            ",
        Say::WouldAssign,
        &["$entry.Name", "$entry.Upn", "$NewPlanName"],
    );
    s.line("        } else {");
    s.say(
        "            ",
        Say::WouldRemove,
        &["$entry.Name", "$entry.Upn"],
    );
    s.line("        }");
    s.line("        $changed++");
    s.line("        continue");
    s.line("    }");
    s.line("    try {");
    s.line("        if ($assign) {");
    s.line("            Set-MgUserLicense -UserId $entry.Upn -AddLicenses @(@{SkuId = $newSkuId}) -RemoveLicenses @($kaizalaSkuId) | Out-Null");
    s.line("        } else {");
    s.line("            Set-MgUserLicense -UserId $entry.Upn -AddLicenses @() -RemoveLicenses @($kaizalaSkuId) | Out-Null");
    s.line("        }");
    s.line("    } catch {");
    s.stop(
        "        ",
        Say::Failed,
        &["$entry.Upn", "$_.Exception.Message"],
    );
    s.line("    }");
    s.line("    if ($assign) {");
    s.say(
        "        ",
        Say::Assigned,
        &["$entry.Name", "$entry.Upn", "$NewPlanName"],
    );
    s.line("    } else {");
    s.say("        ", Say::Removed, &["$entry.Name", "$entry.Upn"]);
    s.line("    }");
    s.line("    $changed++");
    s.line("}");
    s.line("if ($Apply) {");
    s.say("    ", Say::Done, &["$changed", "$skipped"]);
    s.line("} else {");
    s.say("    ", Say::DryRunDone, &["$changed", "$skipped"]);
    s.line("}");
    Some(s.out)
}

/// The script being written, line by line.
struct Script {
    out: String,
    lang: Lang,
}

impl Script {
    fn new(lang: Lang) -> Script {
        Script {
            out: String::new(),
            lang,
        }
    }

    /// A line of the script's own code, written here.
    fn line(&mut self, code: &str) {
        self.out.push_str(code);
        self.out.push_str("\r\n");
    }

    /// A blank line, then the comment over a part of the script.
    fn part(&mut self, part: Part) {
        self.line("");
        let comment = format!("# {}", part.text(self.lang));
        self.line(&comment);
    }

    /// `$name = '<value>'`.
    fn assign(&mut self, name: &str, value: &str) {
        let code = format!("{name} = {}", quote(value));
        self.line(&code);
    }

    /// Prints and logs a line: `Write-MoveLog ('<template>' -f a, b)`.
    fn say(&mut self, indent: &str, say: Say, args: &[&str]) {
        let code = format!("{indent}Write-MoveLog {}", self.message(say, args));
        self.line(&code);
    }

    /// Prints and logs a line, then ends the script with exit code 1.
    fn stop(&mut self, indent: &str, say: Say, args: &[&str]) {
        let code = format!("{indent}Stop-Move {}", self.message(say, args));
        self.line(&code);
    }

    /// The message's template, quoted, with the script's own expressions
    /// for its values.
    fn message(&self, say: Say, args: &[&str]) -> String {
        debug_assert_eq!(args.len(), say.arity(), "{say:?}");
        let template = quote(say.template(self.lang));
        if args.is_empty() {
            template
        } else {
            format!("({template} -f {})", args.join(", "))
        }
    }
}

/// `value` as a single-quoted PowerShell string: every quote PowerShell
/// ends such a string at is doubled; characters that could end a line or
/// reorder how it reads are dropped.
pub(crate) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if dropped(c) {
            continue;
        }
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Control characters (line ends among them), the line and paragraph
/// separators, and the bidirectional formatting characters.
fn dropped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// The SKU part numbers of the suites that carry the `KAIZALA_STANDALONE`
/// service plan (E5, A5...), each once, in the SKU table's order.
fn bundles() -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    for e in skus() {
        if e.kaizala == Some(KaizalaPlan::Standalone) && !found.contains(&e.sku.as_str()) {
            found.push(e.sku.as_str());
        }
    }
    found
}

/// A file-name-safe form of the customer's name for the log's default
/// name (letters and digits kept, other runs become one `-`), as the app
/// names the customer's downloads.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "customer".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_doubles_every_single_quote_powershell_knows() {
        let cases = [
            ("plain", "'plain'"),
            ("O'Brien", "'O''Brien'"),
            ("\u{2018}x\u{2019}", "'\u{2018}\u{2018}x\u{2019}\u{2019}'"),
            ("\u{201A}\u{201B}", "'\u{201A}\u{201A}\u{201B}\u{201B}'"),
            ("a\r\nb\tc\u{2028}d\u{202E}e", "'abcde'"),
            ("$(Remove-Item *) `n \"x\"", "'$(Remove-Item *) `n \"x\"'"),
            ("", "''"),
        ];
        for (value, want) in cases {
            assert_eq!(quote(value), want, "{value:?}");
        }
    }

    #[test]
    fn slug_keeps_letters_and_digits() {
        let cases = [
            ("Contoso, Ltd; \"HQ\"", "contoso-ltd-hq"),
            ("國立臺灣範例大學", "國立臺灣範例大學"),
            ("'; rm -rf /", "rm-rf"),
            ("***", "customer"),
        ];
        for (name, want) in cases {
            assert_eq!(slug(name), want, "{name:?}");
        }
    }

    #[test]
    fn bundles_are_the_suites_with_the_standalone_service_plan() {
        let b = bundles();
        for sku in ["SPE_E5", "ENTERPRISEPREMIUM", "ENTERPRISEPREMIUM_FACULTY"] {
            assert!(b.contains(&sku), "{sku}");
        }
        for sku in ["STANDARDPACK", "ENTERPRISEPACK", "SPE_E3"] {
            assert!(!b.contains(&sku), "{sku}");
        }
    }
}
