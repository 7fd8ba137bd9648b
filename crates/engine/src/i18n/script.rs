/*!
The move script's wording ([`crate::export::move_script`]): its header
comment, the comments over its parts, and the lines it prints while it
runs, in each [`Lang`].

The lines it prints are `-f` templates: `{0}`, `{1}`… stand for values the
script knows only when it runs (a user's name, a count of free licenses),
so no value from the plan or the tenant is ever spliced into a sentence
here. The script writes every template inside a single-quoted string;
the words hold no brace other than their placeholders.

The header names no customer, user or plan: those are data, and data only
ever appears inside the script's quoted strings.
*/

use crate::i18n::{tr, Lang};

/// A comment over a part of the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// The customer and the plan, as the planner wrote them.
    Data,
    /// The bundles that carry the same service plan as Kaizala Pro.
    Bundles,
    /// The users who hold Kaizala Pro.
    Users,
    /// The log file and the function that prints and logs.
    Log,
    /// Nothing to move.
    Empty,
    /// Connecting and reading the tenant's subscriptions.
    Connect,
    /// The new plan's SKU.
    NewSku,
    /// The standalone Kaizala Pro SKU.
    KaizalaSku,
    /// The free licenses of the new plan.
    Units,
    /// The loop over the users.
    Loop,
}

impl Part {
    /// The comment's words in `lang` (without the `#`).
    pub(crate) fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Part::Data => (
                "The customer and its new plan, as the planner wrote them. Values only.",
                "客戶與其新方案，由規劃工具寫入，僅為資料。",
            ),
            Part::Bundles => (
                "Suites that carry the Kaizala Pro service plan themselves (E5, A5...): never taken for the standalone product.",
                "本身即含 Kaizala Pro 服務方案的套裝（E5、A5 等）：不會被當成單獨的 Kaizala Pro 產品。",
            ),
            Part::Users => (
                "The users who hold Kaizala Pro. NeedsLicense: the user has no plan that includes Kaizala.",
                "持有 Kaizala Pro 的使用者。NeedsLicense：該使用者沒有任何包含 Kaizala 的方案。",
            ),
            Part::Log => (
                "Every line the script prints also goes to the log.",
                "指令碼輸出的每一行也會寫入記錄檔。",
            ),
            Part::Empty => (
                "Nothing to move: stop before signing in.",
                "沒有需要移轉的使用者：不登入即結束。",
            ),
            Part::Connect => (
                "Sign in to the customer's tenant and read its subscriptions.",
                "登入客戶的租用戶並讀取其訂閱。",
            ),
            Part::NewSku => (
                "The new plan's SKU, found by its part number.",
                "以 SKU 型號找出新方案的 SKU。",
            ),
            Part::KaizalaSku => (
                "The standalone Kaizala Pro SKU: the one given, else the only subscribed SKU with the KAIZALA_STANDALONE service plan that is not a bundle.",
                "單獨的 Kaizala Pro SKU：使用指定的型號；未指定時，找出唯一含 KAIZALA_STANDALONE 服務方案且不是套裝的已訂閱 SKU。",
            ),
            Part::Units => (
                "Enough free licenses of the new plan, before anything changes?",
                "變更任何授權之前，先確認新方案有足夠的可用授權。",
            ),
            Part::Loop => (
                "Each user in turn; the first error stops the script.",
                "逐一處理每位使用者；發生第一個錯誤即停止。",
            ),
        };
        tr(lang, en, zh)
    }
}

/// A line the script prints while it runs: a template for PowerShell's
/// `-f` operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Say {
    /// {0} users, {1} the customer, {2} the log's path.
    Start,
    /// A dry run: nothing changes.
    DryRun,
    /// `-Apply` was given.
    Applying,
    /// The plan lists no user to move.
    NoUsers,
    /// The plan knows no tenant id: check the tenant signed in to.
    NoTenantId,
    /// {0} the tenant signed in to.
    Tenant,
    /// {0} the error's message.
    ConnectFailed,
    /// {0} the new plan's name.
    NoNewSkuPartNumber,
    /// The tenant's SKUs follow.
    TenantSkus,
    /// {0} part number, {1} enabled units, {2} consumed units.
    SkuItem,
    /// {0} the new plan's name, {1} its part number.
    NewSkuMissing,
    /// {0} the part number given.
    KaizalaSkuMissing,
    /// No candidate for the Kaizala Pro SKU.
    KaizalaSkuNone,
    /// Several candidates for the Kaizala Pro SKU.
    KaizalaSkuSeveral,
    /// {0} new plan, {1} its part number, {2} the Kaizala Pro part number.
    SkusFound,
    /// {0} needed, {1} the new plan, {2} free.
    Units,
    /// {0} needed, {1} free.
    NotEnough,
    /// {0} needed, {1} free.
    NotEnoughDryRun,
    /// {0} name, {1} UPN, {2} new plan.
    WouldAssign,
    /// {0} name, {1} UPN.
    WouldRemove,
    /// {0} name, {1} UPN, {2} new plan.
    Assigned,
    /// {0} name, {1} UPN.
    Removed,
    /// {0} name, {1} UPN.
    Skipped,
    /// {0} UPN, {1} the error's message.
    Failed,
    /// {0} users that would change, {1} skipped.
    DryRunDone,
    /// {0} users changed, {1} skipped.
    Done,
}

impl Say {
    /// How many values the template takes.
    pub(crate) fn arity(self) -> usize {
        match self {
            Say::DryRun
            | Say::Applying
            | Say::NoUsers
            | Say::NoTenantId
            | Say::TenantSkus
            | Say::KaizalaSkuNone
            | Say::KaizalaSkuSeveral => 0,
            Say::Tenant | Say::ConnectFailed | Say::NoNewSkuPartNumber | Say::KaizalaSkuMissing => {
                1
            }
            Say::NewSkuMissing
            | Say::NotEnough
            | Say::NotEnoughDryRun
            | Say::WouldRemove
            | Say::Removed
            | Say::Skipped
            | Say::Failed
            | Say::DryRunDone
            | Say::Done => 2,
            Say::Start
            | Say::SkuItem
            | Say::SkusFound
            | Say::Units
            | Say::WouldAssign
            | Say::Assigned => 3,
        }
    }

    /// The template in `lang`.
    pub(crate) fn template(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Say::Start => (
                "Kaizala Pro move: {0} users of {1}. Log: {2}",
                "Kaizala Pro 移轉：{1} 的 {0} 位使用者。記錄檔：{2}",
            ),
            Say::DryRun => (
                "Dry run: nothing is changed. Run the script again with -Apply to make these changes.",
                "試執行：不會變更任何授權。確認無誤後，加上 -Apply 再執行一次即會套用變更。",
            ),
            Say::Applying => (
                "-Apply given: licenses are changed now.",
                "已指定 -Apply：現在開始變更授權。",
            ),
            Say::NoUsers => (
                "The plan lists no user who holds Kaizala Pro: nothing to do.",
                "規劃中沒有持有 Kaizala Pro 的使用者：無需處理。",
            ),
            Say::NoTenantId => (
                "The plan does not know the customer's tenant id: check that the tenant below is the customer's before going on.",
                "規劃中沒有客戶的租用戶識別碼：繼續之前，請確認下方的租用戶確實是該客戶的租用戶。",
            ),
            Say::Tenant => ("Signed in to tenant {0}.", "已登入租用戶 {0}。"),
            Say::ConnectFailed => (
                "Could not sign in or read the tenant's subscriptions: {0}",
                "無法登入或讀取租用戶的訂閱：{0}",
            ),
            Say::NoNewSkuPartNumber => (
                "The plan does not know the SKU part number of {0}. Write it into $NewSkuPartNumber near the top of this script (one of the tenant's SKUs below), then run the script again.",
                "規劃中沒有 {0} 的 SKU 型號。請將它填入本指令碼開頭附近的 $NewSkuPartNumber（可從下列租用戶的 SKU 中選擇），再重新執行。",
            ),
            Say::TenantSkus => ("The tenant's SKUs:", "此租用戶的 SKU："),
            Say::SkuItem => (
                "  {0}: {1} enabled, {2} in use",
                "  {0}：已啟用 {1} 個，已使用 {2} 個",
            ),
            Say::NewSkuMissing => (
                "The tenant has no subscription of {0} ({1}). Buy it first (step A), then run the script again.",
                "此租用戶沒有 {0}（{1}）的訂閱。請先購買（步驟 A），再重新執行。",
            ),
            Say::KaizalaSkuMissing => (
                "The tenant has no SKU with the part number {0} given with -KaizalaSkuPartNumber.",
                "此租用戶沒有以 -KaizalaSkuPartNumber 指定的 SKU 型號 {0}。",
            ),
            Say::KaizalaSkuNone => (
                "No subscribed SKU carries the Kaizala Pro service plan on its own. Give the standalone Kaizala Pro SKU with -KaizalaSkuPartNumber.",
                "找不到單獨含 Kaizala Pro 服務方案的已訂閱 SKU。請以 -KaizalaSkuPartNumber 指定單獨的 Kaizala Pro SKU。",
            ),
            Say::KaizalaSkuSeveral => (
                "More than one subscribed SKU could be the standalone Kaizala Pro. Give the right one with -KaizalaSkuPartNumber.",
                "有多個已訂閱的 SKU 可能是單獨的 Kaizala Pro。請以 -KaizalaSkuPartNumber 指定正確的型號。",
            ),
            Say::SkusFound => (
                "New plan: {0} ({1}). Kaizala Pro: {2}.",
                "新方案：{0}（{1}）。Kaizala Pro：{2}。",
            ),
            Say::Units => (
                "{0} users need a license of {1}; {2} are free.",
                "有 {0} 位使用者需要 {1} 授權；可用授權 {2} 個。",
            ),
            Say::NotEnough => (
                "Not enough free licenses: {0} needed, {1} free. Add licenses (step A), then run the script again. Nothing was changed.",
                "可用授權不足：需要 {0} 個，可用 {1} 個。請先加購授權（步驟 A），再重新執行。未變更任何授權。",
            ),
            Say::NotEnoughDryRun => (
                "Warning: not enough free licenses ({0} needed, {1} free). With -Apply the script stops here.",
                "警告：可用授權不足（需要 {0} 個，可用 {1} 個）。加上 -Apply 執行時，指令碼會在此停止。",
            ),
            Say::WouldAssign => (
                "Would assign {2} and remove Kaizala Pro: {0} <{1}>",
                "將指派 {2} 並移除 Kaizala Pro：{0} <{1}>",
            ),
            Say::WouldRemove => (
                "Would remove Kaizala Pro: {0} <{1}>",
                "將移除 Kaizala Pro：{0} <{1}>",
            ),
            Say::Assigned => (
                "Assigned {2} and removed Kaizala Pro: {0} <{1}>",
                "已指派 {2} 並移除 Kaizala Pro：{0} <{1}>",
            ),
            Say::Removed => (
                "Removed Kaizala Pro: {0} <{1}>",
                "已移除 Kaizala Pro：{0} <{1}>",
            ),
            Say::Skipped => (
                "Skipped, no longer holds Kaizala Pro (moved already?): {0} <{1}>",
                "略過，已不再持有 Kaizala Pro（可能已移轉）：{0} <{1}>",
            ),
            Say::Failed => (
                "Stopped at {0}: {1}. Nothing was changed for this user or the ones after it.",
                "在 {0} 停止：{1}。此使用者及之後的使用者皆未變更。",
            ),
            Say::DryRunDone => (
                "Dry run finished: {0} users would change, {1} skipped. Nothing was changed.",
                "試執行結束：{0} 位使用者將會變更，略過 {1} 位。未變更任何授權。",
            ),
            Say::Done => (
                "Finished: {0} users changed, {1} skipped.",
                "完成：已變更 {0} 位使用者，略過 {1} 位。",
            ),
        };
        tr(lang, en, zh)
    }
}

/// The header comment's lines in `lang`: what the script does, that it is
/// a dry run unless `-Apply`, its parameters, what it needs, how it finds
/// the SKUs, and the same change by hand in the admin center and in
/// Partner Center.
pub(crate) fn header(lang: Lang) -> &'static str {
    tr(lang, HEADER_EN, HEADER_ZH)
}

const HEADER_EN: &str = "\
Kaizala Pro move script, written by the Kaizala Migration Planner.

What it does: each user listed in $Users below loses the standalone
Kaizala Pro license. A user who has no plan that includes Kaizala gets a
license of the new plan in the same operation, so nobody is left without
one; a user who already has such a plan only loses Kaizala Pro.

A dry run unless -Apply is given: without it, the script only prints what
it would change. Run it that way first, read what it prints, then run it
again with -Apply.

Parameters:
  -Apply                 make the changes (without it: a dry run)
  -KaizalaSkuPartNumber  the SKU part number of the standalone Kaizala Pro
                         product in this tenant, when the script cannot
                         tell it on its own
  -LogPath               where to write the log (default: a file in the
                         current folder named after the customer and the
                         time of the run)

It needs the Microsoft Graph PowerShell modules (Install-Module
Microsoft.Graph -Scope CurrentUser) and an account allowed to assign
licenses in the customer's tenant (for a partner: a GDAP role such as
License Administrator or User Administrator).

No SKU id is written in this file: they are read from the tenant with
Get-MgSubscribedSku. The new plan is found by its SKU part number; Kaizala
Pro is the -KaizalaSkuPartNumber given, else the one subscribed SKU with
the KAIZALA_STANDALONE service plan that is not a suite such as E5 or A5.

Before changing anything it checks that the new plan has enough free
licenses. It stops at the first error, names the user and exits with code
1: the users before that one are changed already, and a new run skips the
users who no longer hold Kaizala Pro. Every line it prints also goes to
the log.

The same change by hand:
- Microsoft 365 admin center: Users > Active users, select the users,
  Manage product licenses, Replace, tick the new plan and every other
  license these users should keep, save. Replace takes away every license
  that is not ticked.
- Partner Center: Customers, open the customer, Users and licenses; for
  each user choose Manage licenses, clear Kaizala Pro, tick the new plan
  if it is not ticked yet, and submit.";

const HEADER_ZH: &str = "\
Kaizala Pro 移轉指令碼，由 Kaizala 移轉規劃工具產生。

用途：下方 $Users 所列的每位使用者都會被移除單獨的 Kaizala Pro 授權。
沒有任何包含 Kaizala 方案的使用者，會在同一個操作中取得新方案的授權，
因此不會有人暫時沒有授權；已有這類方案的使用者只會被移除 Kaizala Pro。

未指定 -Apply 時為試執行：只列出將會變更的內容，不做任何變更。請先以
試執行確認輸出，再加上 -Apply 執行一次。

參數：
  -Apply                 套用變更（未指定時為試執行）
  -KaizalaSkuPartNumber  此租用戶中單獨 Kaizala Pro 產品的 SKU 型號，
                         在指令碼無法自行判斷時使用
  -LogPath               記錄檔的位置（預設：目前資料夾中，以客戶名稱
                         和執行時間命名的檔案）

需要 Microsoft Graph PowerShell 模組（Install-Module Microsoft.Graph
-Scope CurrentUser），以及可在客戶租用戶中指派授權的帳戶（合作夥伴請
使用具備「授權管理員」或「使用者管理員」等角色的 GDAP 權限）。

本檔案不寫入任何 SKU 識別碼：一律以 Get-MgSubscribedSku 從租用戶讀取。
新方案依其 SKU 型號尋找；Kaizala Pro 使用 -KaizalaSkuPartNumber 指定的
型號，未指定時，則為唯一含 KAIZALA_STANDALONE 服務方案、且不是 E5 或 A5
等套裝的已訂閱 SKU。

變更任何授權之前，會先確認新方案有足夠的可用授權。遇到第一個錯誤即停止，
列出該使用者，並以代碼 1 結束：之前的使用者已完成變更，重新執行時會略過
已不再持有 Kaizala Pro 的使用者。輸出的每一行也會寫入記錄檔。

手動進行相同的變更：
- Microsoft 365 系統管理中心：「使用者」>「作用中的使用者」，選取這些
  使用者，點選「管理產品授權」，選擇「取代」，勾選新方案以及這些使用者
  應保留的其他授權，然後儲存。「取代」會移除所有未勾選的授權。
- 合作夥伴中心：進入「客戶」，開啟該客戶，選擇「使用者和授權」；逐一
  點選使用者的「管理授權」，取消勾選 Kaizala Pro，若尚未勾選新方案請
  勾選，然後提交。";

#[cfg(test)]
mod tests {
    use super::*;

    const SAYS: [Say; 26] = [
        Say::Start,
        Say::DryRun,
        Say::Applying,
        Say::NoUsers,
        Say::NoTenantId,
        Say::Tenant,
        Say::ConnectFailed,
        Say::NoNewSkuPartNumber,
        Say::TenantSkus,
        Say::SkuItem,
        Say::NewSkuMissing,
        Say::KaizalaSkuMissing,
        Say::KaizalaSkuNone,
        Say::KaizalaSkuSeveral,
        Say::SkusFound,
        Say::Units,
        Say::NotEnough,
        Say::NotEnoughDryRun,
        Say::WouldAssign,
        Say::WouldRemove,
        Say::Assigned,
        Say::Removed,
        Say::Skipped,
        Say::Failed,
        Say::DryRunDone,
        Say::Done,
    ];

    /// The placeholders `{n}` of a template, and whether every brace is
    /// part of one.
    fn placeholders(t: &str) -> (Vec<usize>, bool) {
        let mut found = Vec::new();
        let mut rest = t;
        while let Some(i) = rest.find(['{', '}']) {
            let tail = &rest[i..];
            let end = tail.find('}').unwrap_or(0);
            match tail[1..end.max(1)].parse::<usize>() {
                Ok(n) if tail.starts_with('{') => found.push(n),
                _ => return (found, false),
            }
            rest = &tail[end + 1..];
        }
        found.sort_unstable();
        found.dedup();
        (found, true)
    }

    #[test]
    fn every_template_takes_exactly_its_values_in_both_languages() {
        for say in SAYS {
            for lang in [Lang::En, Lang::ZhTw] {
                let (found, clean) = placeholders(say.template(lang));
                assert!(clean, "{say:?} {lang:?}: a brace outside a placeholder");
                let want: Vec<usize> = (0..say.arity()).collect();
                assert_eq!(found, want, "{say:?} {lang:?}");
            }
        }
    }

    #[test]
    fn the_header_cannot_close_its_comment_block() {
        for lang in [Lang::En, Lang::ZhTw] {
            assert!(!header(lang).contains("#>"));
            assert!(!header(lang).contains("<#"));
        }
    }
}
