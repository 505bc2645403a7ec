# A small WQL evaluator for the lab double's Get-WmiObject: WHERE clauses with = <> != < > <= >=,
# LIKE, IS [NOT] NULL, AND, OR, NOT and parentheses, string literals in '...' or "..." with
# backslash escapes (WQL's own), numbers, TRUE/FALSE. Strings compare case-insensitively, as WMI does.
# A property the class does not have is an "Invalid query", like the real provider answers.

Set-StrictMode -Off  # the double reads optional state fields freely; the scripts keep their own strict mode

function Get-WqlTokens([string]$Text) {
    $tokens = New-Object System.Collections.Generic.List[object]
    $i = 0
    while ($i -lt $Text.Length) {
        $c = $Text[$i]
        if ([char]::IsWhiteSpace($c)) { $i++; continue }
        if ($c -eq "'" -or $c -eq '"') {
            $quote = $c; $i++
            $sb = New-Object System.Text.StringBuilder
            while ($true) {
                if ($i -ge $Text.Length) { throw (New-WqlError 'unterminated string literal') }
                $d = $Text[$i]
                if ($d -eq '\' -and $i + 1 -lt $Text.Length) { [void]$sb.Append($Text[$i + 1]); $i += 2; continue }
                if ($d -eq $quote) { $i++; break }
                [void]$sb.Append($d); $i++
            }
            $tokens.Add(@{ t = 'str'; v = $sb.ToString() }); continue
        }
        if ($c -match '[0-9-]' -and ($c -ne '-' -or ($i + 1 -lt $Text.Length -and $Text[$i + 1] -match '[0-9]'))) {
            $m = [regex]::Match($Text.Substring($i), '^-?[0-9]+(\.[0-9]+)?')
            $tokens.Add(@{ t = 'num'; v = [double]$m.Value }); $i += $m.Length; continue
        }
        if ($c -match '[A-Za-z_]') {
            $m = [regex]::Match($Text.Substring($i), '^[A-Za-z_][A-Za-z0-9_]*')
            $word = $m.Value; $i += $m.Length
            switch ($word.ToUpperInvariant()) {
                { $_ -in 'AND', 'OR', 'NOT', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE' } { $tokens.Add(@{ t = 'kw'; v = $_ }); continue }
                default { $tokens.Add(@{ t = 'id'; v = $word }) }
            }
            continue
        }
        $two = if ($i + 1 -lt $Text.Length) { $Text.Substring($i, 2) } else { '' }
        if ($two -in '<>', '!=', '<=', '>=') { $tokens.Add(@{ t = 'op'; v = $two }); $i += 2; continue }
        if ($c -in '=', '<', '>') { $tokens.Add(@{ t = 'op'; v = [string]$c }); $i++; continue }
        if ($c -in '(', ')') { $tokens.Add(@{ t = [string]$c; v = [string]$c }); $i++; continue }
        throw (New-WqlError "unexpected character '$c'")
    }
    return , $tokens
}

function New-WqlError([string]$Why) {
    # What System.Management says for a malformed query (WBEM_E_INVALID_QUERY 0x80041017).
    return [System.Management.Automation.RuntimeException]::new("Invalid query ($Why)")
}

function ConvertTo-WqlPredicate([string]$Where, [string[]]$Properties) {
    $tokens = Get-WqlTokens $Where
    $known = @{}
    foreach ($p in $Properties) { $known[$p.ToUpperInvariant()] = $p }
    # The recursive descent below keeps its position in $pos of the enclosing scope.
    $parser = {
        param($tokens)
        $state = @{ pos = 0 }
        $next = { $t = $tokens[$state.pos]; $state.pos++; return $t }
        $look = { if ($state.pos -lt $tokens.Count) { return $tokens[$state.pos] } return $null }
        $value = {
            $t = & $next
            if ($null -eq $t) { throw (New-WqlError 'value expected') }
            switch ($t.t) {
                'str' { return @{ k = 'lit'; v = $t.v } }
                'num' { return @{ k = 'lit'; v = $t.v } }
                'id' { $u = $t.v.ToUpperInvariant(); if (-not $known.ContainsKey($u)) { throw (New-WqlError "no property $($t.v)") }; return @{ k = 'prop'; v = $known[$u] } }
                'kw' { if ($t.v -eq 'TRUE') { return @{ k = 'lit'; v = $true } } if ($t.v -eq 'FALSE') { return @{ k = 'lit'; v = $false } } if ($t.v -eq 'NULL') { return @{ k = 'lit'; v = $null } } }
            }
            throw (New-WqlError "unexpected $($t.v)")
        }
        $primary = $null
        $andExpr = $null
        $orExpr = {
            $l = & $andExpr
            while (($t = & $look) -and $t.t -eq 'kw' -and $t.v -eq 'OR') { [void](& $next); $r = & $andExpr; $l = @{ k = 'or'; l = $l; r = $r } }
            return $l
        }
        $andExpr = {
            $l = & $primary
            while (($t = & $look) -and $t.t -eq 'kw' -and $t.v -eq 'AND') { [void](& $next); $r = & $primary; $l = @{ k = 'and'; l = $l; r = $r } }
            return $l
        }
        $primary = {
            $t = & $look
            if ($null -eq $t) { throw (New-WqlError 'condition expected') }
            if ($t.t -eq 'kw' -and $t.v -eq 'NOT') { [void](& $next); return @{ k = 'not'; e = (& $primary) } }
            if ($t.t -eq '(') {
                [void](& $next); $e = & $orExpr
                $c = & $next
                if ($null -eq $c -or $c.t -ne ')') { throw (New-WqlError ') expected') }
                return $e
            }
            $left = & $value
            $op = & $next
            if ($null -eq $op) { throw (New-WqlError 'operator expected') }
            if ($op.t -eq 'kw' -and $op.v -eq 'IS') {
                $neg = $false
                $n = & $next
                if ($n.t -eq 'kw' -and $n.v -eq 'NOT') { $neg = $true; $n = & $next }
                if ($n.t -ne 'kw' -or $n.v -ne 'NULL') { throw (New-WqlError 'NULL expected') }
                return @{ k = 'isnull'; e = $left; neg = $neg }
            }
            if ($op.t -eq 'kw' -and $op.v -eq 'LIKE') { return @{ k = 'like'; l = $left; r = (& $value) } }
            if ($op.t -ne 'op') { throw (New-WqlError "operator expected, not $($op.v)") }
            return @{ k = 'cmp'; op = $op.v; l = $left; r = (& $value) }
        }
        $tree = & $orExpr
        if ($state.pos -lt $tokens.Count) { throw (New-WqlError "unexpected $($tokens[$state.pos].v)") }
        return $tree
    }
    return (& $parser $tokens)
}

function Get-WqlOperand($Node, $Row) {
    if ($Node.k -eq 'lit') { return $Node.v }
    if ($Row -is [System.Collections.IDictionary]) { return $Row[$Node.v] }
    return $Row.($Node.v)
}

function Compare-WqlValues($A, $B) {
    if ($null -eq $A -or $null -eq $B) { return $null }
    if ($A -is [bool] -or $B -is [bool]) { return ([int][bool]$A) - ([int][bool]$B) }
    $na = 0.0; $nb = 0.0
    if (($A -isnot [string] -or $B -isnot [string]) -and [double]::TryParse([string]$A, [ref]$na) -and [double]::TryParse([string]$B, [ref]$nb)) {
        return [math]::Sign($na - $nb)
    }
    return [string]::Compare([string]$A, [string]$B, [System.StringComparison]::OrdinalIgnoreCase)
}

function Test-WqlNode($Node, $Row) {
    switch ($Node.k) {
        'or' { return ((Test-WqlNode $Node.l $Row) -or (Test-WqlNode $Node.r $Row)) }
        'and' { return ((Test-WqlNode $Node.l $Row) -and (Test-WqlNode $Node.r $Row)) }
        'not' { return (-not (Test-WqlNode $Node.e $Row)) }
        'isnull' { $v = Get-WqlOperand $Node.e $Row; $r = ($null -eq $v); if ($Node.neg) { return -not $r } return $r }
        'like' {
            $v = Get-WqlOperand $Node.l $Row
            if ($null -eq $v) { return $false }
            $pattern = '^' + ([regex]::Escape([string](Get-WqlOperand $Node.r $Row)) -replace '%', '.*' -replace '_', '.' -replace '\\\[', '[') + '$'
            return ([string]$v -match $pattern)
        }
        'cmp' {
            $l = Get-WqlOperand $Node.l $Row
            $r = Get-WqlOperand $Node.r $Row
            if ($l -is [array]) { return $false } # WQL cannot compare an array property
            $c = Compare-WqlValues $l $r
            if ($null -eq $c) { return $false }
            switch ($Node.op) { '=' { return $c -eq 0 } '<>' { return $c -ne 0 } '!=' { return $c -ne 0 } '<' { return $c -lt 0 } '>' { return $c -gt 0 } '<=' { return $c -le 0 } '>=' { return $c -ge 0 } }
        }
    }
    throw "internal: WQL node $($Node.k)"
}

<# Rows (hashtables) of one class that match a WHERE clause ('' = all). #>
function Select-WqlRows([object[]]$Rows, [string]$Where, [string[]]$Properties) {
    if (-not $Where -or $Where.Trim().Length -eq 0) { return $Rows }
    $tree = ConvertTo-WqlPredicate $Where $Properties
    return @($Rows | Where-Object { Test-WqlNode $tree $_ })
}

<# SELECT <props> FROM <class> [WHERE <cond>] -> @{ class; where } #>
function Split-WqlQuery([string]$Query) {
    $m = [regex]::Match($Query, '^\s*SELECT\s+(.+?)\s+FROM\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:WHERE\s+(.*))?$', 'IgnoreCase,Singleline')
    if (-not $m.Success) { throw (New-WqlError 'SELECT ... FROM ... expected') }
    return @{ class = $m.Groups[2].Value; where = $m.Groups[3].Value }
}

Export-ModuleMember -Function Select-WqlRows, Split-WqlQuery, New-WqlError
