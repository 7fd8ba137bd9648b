<#
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
  if it is not ticked yet, and submit.
#>
#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Users, Microsoft.Graph.Users.Actions, Microsoft.Graph.Identity.DirectoryManagement
param(
    [switch]$Apply,
    [string]$KaizalaSkuPartNumber,
    [string]$LogPath
)

$ErrorActionPreference = 'Stop'

# The customer and its new plan, as the planner wrote them. Values only.
$CustomerName = 'Contoso Ltd'
$CustomerSlug = 'contoso-ltd'
$TenantId = '8f3c2a51-7d4e-4b0a-9c61-2e5f0d9a4b17'
$NewPlanName = 'Microsoft 365 Business Basic'
$NewSkuPartNumber = 'O365_BUSINESS_ESSENTIALS'

# Suites that carry the Kaizala Pro service plan themselves (E5, A5...): never taken for the standalone product.
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

# The users who hold Kaizala Pro. NeedsLicense: the user has no plan that includes Kaizala.
$Users = @(
    [pscustomobject]@{ Upn = 'ana@contoso.com'; Name = 'Ana Lopez'; NeedsLicense = $true }
    [pscustomobject]@{ Upn = 'ben@contoso.com'; Name = 'Ben Wu'; NeedsLicense = $false }
    [pscustomobject]@{ Upn = 'chen.mei@contoso.com'; Name = '陳美'; NeedsLicense = $true }
    [pscustomobject]@{ Upn = 'obrien@contoso.com'; Name = 'O''Brien ‘‘x’’; Remove-Item *'; NeedsLicense = $true }
)

# Every line the script prints also goes to the log.
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
        Write-MoveLog ('  {0}: {1} enabled, {2} in use' -f $sku.SkuPartNumber, $sku.PrepaidUnits.Enabled, $sku.ConsumedUnits)
    }
}

Write-MoveLog ('Kaizala Pro move: {0} users of {1}. Log: {2}' -f $Users.Count, $CustomerName, $LogPath)
if ($Apply) {
    Write-MoveLog '-Apply given: licenses are changed now.'
} else {
    Write-MoveLog 'Dry run: nothing is changed. Run the script again with -Apply to make these changes.'
}

# Nothing to move: stop before signing in.
if ($Users.Count -eq 0) {
    Write-MoveLog 'The plan lists no user who holds Kaizala Pro: nothing to do.'
    exit 0
}

# Sign in to the customer's tenant and read its subscriptions.
try {
    Connect-MgGraph -TenantId $TenantId -Scopes 'User.ReadWrite.All', 'Organization.Read.All'
    Write-MoveLog ('Signed in to tenant {0}.' -f (Get-MgContext).TenantId)
    $skus = @(Get-MgSubscribedSku -All)
} catch {
    Stop-Move ('Could not sign in or read the tenant''s subscriptions: {0}' -f $_.Exception.Message)
}

# The new plan's SKU, found by its part number.
if (-not $NewSkuPartNumber) {
    Write-MoveLog ('The plan does not know the SKU part number of {0}. Write it into $NewSkuPartNumber near the top of this script (one of the tenant''s SKUs below), then run the script again.' -f $NewPlanName)
    Write-MoveLog 'The tenant''s SKUs:'
    Write-Skus $skus
    exit 1
}
$newSku = @($skus | Where-Object { $_.SkuPartNumber -eq $NewSkuPartNumber })
if ($newSku.Count -eq 0) {
    Stop-Move ('The tenant has no subscription of {0} ({1}). Buy it first (step A), then run the script again.' -f $NewPlanName, $NewSkuPartNumber)
}
$newSku = $newSku[0]
$newSkuId = $newSku.SkuId

# The standalone Kaizala Pro SKU: the one given, else the only subscribed SKU with the KAIZALA_STANDALONE service plan that is not a bundle.
if ($KaizalaSkuPartNumber) {
    $kaizala = @($skus | Where-Object { $_.SkuPartNumber -eq $KaizalaSkuPartNumber })
    if ($kaizala.Count -eq 0) {
        Write-MoveLog ('The tenant has no SKU with the part number {0} given with -KaizalaSkuPartNumber.' -f $KaizalaSkuPartNumber)
        Write-MoveLog 'The tenant''s SKUs:'
        Write-Skus $skus
        exit 1
    }
} else {
    $kaizala = @($skus | Where-Object {
        ($BundleSkuPartNumbers -notcontains $_.SkuPartNumber) -and
        (@($_.ServicePlans | Where-Object { $_.ServicePlanName -eq 'KAIZALA_STANDALONE' }).Count -gt 0)
    })
    if ($kaizala.Count -eq 0) {
        Write-MoveLog 'No subscribed SKU carries the Kaizala Pro service plan on its own. Give the standalone Kaizala Pro SKU with -KaizalaSkuPartNumber.'
        Write-MoveLog 'The tenant''s SKUs:'
        Write-Skus $skus
        exit 1
    }
    if ($kaizala.Count -gt 1) {
        Write-MoveLog 'More than one subscribed SKU could be the standalone Kaizala Pro. Give the right one with -KaizalaSkuPartNumber.'
        Write-Skus $kaizala
        exit 1
    }
}
$kaizalaSkuId = $kaizala[0].SkuId
Write-MoveLog ('New plan: {0} ({1}). Kaizala Pro: {2}.' -f $NewPlanName, $NewSkuPartNumber, $kaizala[0].SkuPartNumber)

# Enough free licenses of the new plan, before anything changes?
$needed = @($Users | Where-Object { $_.NeedsLicense }).Count
$free = [int]$newSku.PrepaidUnits.Enabled - [int]$newSku.ConsumedUnits
Write-MoveLog ('{0} users need a license of {1}; {2} are free.' -f $needed, $NewPlanName, $free)
if ($needed -gt $free) {
    if ($Apply) {
        Stop-Move ('Not enough free licenses: {0} needed, {1} free. Add licenses (step A), then run the script again. Nothing was changed.' -f $needed, $free)
    }
    Write-MoveLog ('Warning: not enough free licenses ({0} needed, {1} free). With -Apply the script stops here.' -f $needed, $free)
}

# Each user in turn; the first error stops the script.
$changed = 0
$skipped = 0
foreach ($entry in $Users) {
    try {
        $held = @(Get-MgUserLicenseDetail -UserId $entry.Upn -All | ForEach-Object { $_.SkuId })
    } catch {
        Stop-Move ('Stopped at {0}: {1}. Nothing was changed for this user or the ones after it.' -f $entry.Upn, $_.Exception.Message)
    }
    if ($held -notcontains $kaizalaSkuId) {
        Write-MoveLog ('Skipped, no longer holds Kaizala Pro (moved already?): {0} <{1}>' -f $entry.Name, $entry.Upn)
        $skipped++
        continue
    }
    $assign = $entry.NeedsLicense -and ($held -notcontains $newSkuId)
    if (-not $Apply) {
        if ($assign) {
            Write-MoveLog ('Would assign {2} and remove Kaizala Pro: {0} <{1}>' -f $entry.Name, $entry.Upn, $NewPlanName)
        } else {
            Write-MoveLog ('Would remove Kaizala Pro: {0} <{1}>' -f $entry.Name, $entry.Upn)
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
        Stop-Move ('Stopped at {0}: {1}. Nothing was changed for this user or the ones after it.' -f $entry.Upn, $_.Exception.Message)
    }
    if ($assign) {
        Write-MoveLog ('Assigned {2} and removed Kaizala Pro: {0} <{1}>' -f $entry.Name, $entry.Upn, $NewPlanName)
    } else {
        Write-MoveLog ('Removed Kaizala Pro: {0} <{1}>' -f $entry.Name, $entry.Upn)
    }
    $changed++
}
if ($Apply) {
    Write-MoveLog ('Finished: {0} users changed, {1} skipped.' -f $changed, $skipped)
} else {
    Write-MoveLog ('Dry run finished: {0} users would change, {1} skipped. Nothing was changed.' -f $changed, $skipped)
}
