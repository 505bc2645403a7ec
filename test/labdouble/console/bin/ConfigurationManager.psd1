# The lab double's ConfigurationManager module (test/labdouble/README.md). Found like the real one:
# $env:SMS_ADMIN_UI_PATH = <console>\bin\i386, the module in <console>\bin.
@{
    RootModule        = 'ConfigurationManager.psm1'
    ModuleVersion     = '5.0.0.0'
    GUID              = '4c3a2f61-0d55-4a8e-9d6b-3f5c0b7e2a10'
    Author            = 'pulumi-configmgr lab double'
    Description       = 'Test double of the Configuration Manager cmdlet library: the documented parameter sets of the site version in the lab state.'
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
