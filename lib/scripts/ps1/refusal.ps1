# behaviour-version: 1
# A step whose script could not be generated from its inputs: it fails with the reason, changes nothing.
# $Config.Reason names the field and the rule, never a secret value.
try {
  throw $Config.Reason
} catch {
  Write-Result 'failed' $_.Exception.Message
  exit 1
}
