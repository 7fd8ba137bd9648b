<#
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
  勾選，然後提交。
#>
#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Users, Microsoft.Graph.Users.Actions, Microsoft.Graph.Identity.DirectoryManagement
param(
    [switch]$Apply,
    [string]$KaizalaSkuPartNumber,
    [string]$LogPath
)

$ErrorActionPreference = 'Stop'

# 客戶與其新方案，由規劃工具寫入，僅為資料。
$CustomerName = 'Contoso Ltd'
$CustomerSlug = 'contoso-ltd'
$TenantId = '8f3c2a51-7d4e-4b0a-9c61-2e5f0d9a4b17'
$NewPlanName = 'Microsoft 365 Business Basic'
$NewSkuPartNumber = 'O365_BUSINESS_ESSENTIALS'

# 本身即含 Kaizala Pro 服務方案的套裝（E5、A5 等）：不會被當成單獨的 Kaizala Pro 產品。
$BundleSkuPartNumbers = @(
    'M365EDU_A5_FACULTY'
    'M365EDU_A5_STUDENT'
    'M365EDU_A5_STUUSEBNFT'
    'M365EDU_A5_NOPSTNCONF_STUUSEBNFT'
    'SPE_E5'
    'Microsoft_365_E5_EEA_(no_Teams)_with_Calling_Minutes'
    'Microsoft_365_E5_EEA_(no_Teams)_without_Audio_Conferencing'
    'Microsoft_365_E5'
    'O365_w/o_Teams_Bundle_M5'
    'SPE_E5_CALLINGMINUTES'
    'SPE_E5_NOPSTNCONF'
    'Microsoft_365_E5_without_Audio_Conferencing'
    'O365_w/o_Teams_Bundle_M5_(500_seats_min)_HUB'
    'Microsoft_365_E5_EEA_(no_Teams)_without_Audio_Conferencing_(500_seats_min)_HUB'
    'ENTERPRISEPREMIUM_FACULTY'
    'ENTERPRISEPREMIUM_STUDENT'
    'ENTERPRISEPREMIUM'
    'Office_365_w/o_Teams_Bundle_E5'
    'Office_365_E5_EEA_(no_Teams)_without_Audio_Conferencing'
    'ENTERPRISEPREMIUM_NOPSTNCONF'
)

# 持有 Kaizala Pro 的使用者。NeedsLicense：該使用者沒有任何包含 Kaizala 的方案。
$Users = @(
    [pscustomobject]@{ Upn = 'ana@contoso.com'; Name = 'Ana Lopez'; NeedsLicense = $true }
    [pscustomobject]@{ Upn = 'ben@contoso.com'; Name = 'Ben Wu'; NeedsLicense = $false }
    [pscustomobject]@{ Upn = 'chen.mei@contoso.com'; Name = '陳美'; NeedsLicense = $true }
    [pscustomobject]@{ Upn = 'obrien@contoso.com'; Name = 'O''Brien ‘‘x’’; Remove-Item *'; NeedsLicense = $true }
)

# 指令碼輸出的每一行也會寫入記錄檔。
if (-not $LogPath) {
    $LogPath = Join-Path -Path $PWD.Path -ChildPath ('kaizala-move-' + $CustomerSlug + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.log')
}
function Write-MoveLog {
    param([string]$Line)
    Write-Host $Line
    Add-Content -LiteralPath $LogPath -Value $Line -Encoding UTF8
}
function Stop-Move {
    param([string]$Line)
    Write-MoveLog $Line
    exit 1
}
function Write-Skus {
    param($List)
    foreach ($sku in $List) {
        Write-MoveLog ('  {0}：已啟用 {1} 個，已使用 {2} 個' -f $sku.SkuPartNumber, $sku.PrepaidUnits.Enabled, $sku.ConsumedUnits)
    }
}

Write-MoveLog ('Kaizala Pro 移轉：{1} 的 {0} 位使用者。記錄檔：{2}' -f $Users.Count, $CustomerName, $LogPath)
if ($Apply) {
    Write-MoveLog '已指定 -Apply：現在開始變更授權。'
} else {
    Write-MoveLog '試執行：不會變更任何授權。確認無誤後，加上 -Apply 再執行一次即會套用變更。'
}

# 沒有需要移轉的使用者：不登入即結束。
if ($Users.Count -eq 0) {
    Write-MoveLog '規劃中沒有持有 Kaizala Pro 的使用者：無需處理。'
    exit 0
}

# 登入客戶的租用戶並讀取其訂閱。
try {
    Connect-MgGraph -TenantId $TenantId -Scopes 'User.ReadWrite.All', 'Organization.Read.All'
    Write-MoveLog ('已登入租用戶 {0}。' -f (Get-MgContext).TenantId)
    $skus = @(Get-MgSubscribedSku -All)
} catch {
    Stop-Move ('無法登入或讀取租用戶的訂閱：{0}' -f $_.Exception.Message)
}

# 以 SKU 型號找出新方案的 SKU。
if (-not $NewSkuPartNumber) {
    Write-MoveLog ('規劃中沒有 {0} 的 SKU 型號。請將它填入本指令碼開頭附近的 $NewSkuPartNumber（可從下列租用戶的 SKU 中選擇），再重新執行。' -f $NewPlanName)
    Write-MoveLog '此租用戶的 SKU：'
    Write-Skus $skus
    exit 1
}
$newSku = @($skus | Where-Object { $_.SkuPartNumber -eq $NewSkuPartNumber })
if ($newSku.Count -eq 0) {
    Stop-Move ('此租用戶沒有 {0}（{1}）的訂閱。請先購買（步驟 A），再重新執行。' -f $NewPlanName, $NewSkuPartNumber)
}
$newSku = $newSku[0]
$newSkuId = $newSku.SkuId

# 單獨的 Kaizala Pro SKU：使用指定的型號；未指定時，找出唯一含 KAIZALA_STANDALONE 服務方案且不是套裝的已訂閱 SKU。
if ($KaizalaSkuPartNumber) {
    $kaizala = @($skus | Where-Object { $_.SkuPartNumber -eq $KaizalaSkuPartNumber })
    if ($kaizala.Count -eq 0) {
        Write-MoveLog ('此租用戶沒有以 -KaizalaSkuPartNumber 指定的 SKU 型號 {0}。' -f $KaizalaSkuPartNumber)
        Write-MoveLog '此租用戶的 SKU：'
        Write-Skus $skus
        exit 1
    }
} else {
    $kaizala = @($skus | Where-Object {
        ($BundleSkuPartNumbers -notcontains $_.SkuPartNumber) -and
        (@($_.ServicePlans | Where-Object { $_.ServicePlanName -eq 'KAIZALA_STANDALONE' }).Count -gt 0)
    })
    if ($kaizala.Count -eq 0) {
        Write-MoveLog '找不到單獨含 Kaizala Pro 服務方案的已訂閱 SKU。請以 -KaizalaSkuPartNumber 指定單獨的 Kaizala Pro SKU。'
        Write-MoveLog '此租用戶的 SKU：'
        Write-Skus $skus
        exit 1
    }
    if ($kaizala.Count -gt 1) {
        Write-MoveLog '有多個已訂閱的 SKU 可能是單獨的 Kaizala Pro。請以 -KaizalaSkuPartNumber 指定正確的型號。'
        Write-Skus $kaizala
        exit 1
    }
}
$kaizalaSkuId = $kaizala[0].SkuId
Write-MoveLog ('新方案：{0}（{1}）。Kaizala Pro：{2}。' -f $NewPlanName, $NewSkuPartNumber, $kaizala[0].SkuPartNumber)

# 變更任何授權之前，先確認新方案有足夠的可用授權。
$needed = @($Users | Where-Object { $_.NeedsLicense }).Count
$free = [int]$newSku.PrepaidUnits.Enabled - [int]$newSku.ConsumedUnits
Write-MoveLog ('有 {0} 位使用者需要 {1} 授權；可用授權 {2} 個。' -f $needed, $NewPlanName, $free)
if ($needed -gt $free) {
    if ($Apply) {
        Stop-Move ('可用授權不足：需要 {0} 個，可用 {1} 個。請先加購授權（步驟 A），再重新執行。未變更任何授權。' -f $needed, $free)
    }
    Write-MoveLog ('警告：可用授權不足（需要 {0} 個，可用 {1} 個）。加上 -Apply 執行時，指令碼會在此停止。' -f $needed, $free)
}

# 逐一處理每位使用者；發生第一個錯誤即停止。
$changed = 0
$skipped = 0
foreach ($entry in $Users) {
    try {
        $held = @(Get-MgUserLicenseDetail -UserId $entry.Upn -All | ForEach-Object { $_.SkuId })
    } catch {
        Stop-Move ('在 {0} 停止：{1}。此使用者及之後的使用者皆未變更。' -f $entry.Upn, $_.Exception.Message)
    }
    if ($held -notcontains $kaizalaSkuId) {
        Write-MoveLog ('略過，已不再持有 Kaizala Pro（可能已移轉）：{0} <{1}>' -f $entry.Name, $entry.Upn)
        $skipped++
        continue
    }
    $assign = $entry.NeedsLicense -and ($held -notcontains $newSkuId)
    if (-not $Apply) {
        if ($assign) {
            Write-MoveLog ('將指派 {2} 並移除 Kaizala Pro：{0} <{1}>' -f $entry.Name, $entry.Upn, $NewPlanName)
        } else {
            Write-MoveLog ('將移除 Kaizala Pro：{0} <{1}>' -f $entry.Name, $entry.Upn)
        }
        $changed++
        continue
    }
    try {
        if ($assign) {
            Set-MgUserLicense -UserId $entry.Upn -AddLicenses @(@{SkuId = $newSkuId}) -RemoveLicenses @($kaizalaSkuId) | Out-Null
        } else {
            Set-MgUserLicense -UserId $entry.Upn -AddLicenses @() -RemoveLicenses @($kaizalaSkuId) | Out-Null
        }
    } catch {
        Stop-Move ('在 {0} 停止：{1}。此使用者及之後的使用者皆未變更。' -f $entry.Upn, $_.Exception.Message)
    }
    if ($assign) {
        Write-MoveLog ('已指派 {2} 並移除 Kaizala Pro：{0} <{1}>' -f $entry.Name, $entry.Upn, $NewPlanName)
    } else {
        Write-MoveLog ('已移除 Kaizala Pro：{0} <{1}>' -f $entry.Name, $entry.Upn)
    }
    $changed++
}
if ($Apply) {
    Write-MoveLog ('完成：已變更 {0} 位使用者，略過 {1} 位。' -f $changed, $skipped)
} else {
    Write-MoveLog ('試執行結束：{0} 位使用者將會變更，略過 {1} 位。未變更任何授權。' -f $changed, $skipped)
}
